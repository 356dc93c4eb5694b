/**
 * One quotation or claim: cue as written, kind and how sure WhoSaid is (in words, their meaning on
 * hover and focus), the content (clamped to a few lines when long, with a button to expand), and
 * whichever classification fields exist. The whole item selects it in the page; the main button is
 * what keyboard users press, and its accessible name starts with who said it.
 */
import { useState } from 'preact/hooks';
import { CertaintyMeter } from './CertaintyMeter';
import type { ItemView } from './view-model';
import { needsClamp, percent, UNSOURCED_LABEL } from './view-model';
import { framingWords, kindWords, sureLevel, sureWords } from '../shared/words';

interface AttributionItemProps {
  item: ItemView;
  /** Unique within the shadow root; prefixes the ids of the item's own elements. */
  domId: string;
  visible: boolean;
  selected: boolean;
  hovered: boolean;
  /** Just revealed from a click on its highlight in the article: marked for a moment. */
  revealed: boolean;
  /** Show a flag for an anonymous source on the item itself (its group does not say so already). */
  flagAnonymous: boolean;
  onSelect(id: string): void;
}

export function AttributionItem({ item, domId, visible, selected, hovered, revealed, flagAnonymous, onSelect }: AttributionItemProps) {
  const [expanded, setExpanded] = useState(false);
  const { quote } = item;
  const clampable = needsClamp(item.content);
  const kind = kindWords(quote.kind);
  const sure = sureWords(quote.confidence);
  const framing = quote.framing ? framingWords(quote.framing) : null;
  return (
    <li
      class={`item${hovered ? ' is-hovered' : ''}${revealed ? ' is-revealed' : ''}`}
      data-attribution-id={quote.id}
      data-kind={quote.kind}
      aria-current={selected ? 'true' : undefined}
      hidden={!visible}
      onClick={() => onSelect(quote.id)}
    >
      <button type="button" class="item-select" id={`${domId}-select`} aria-describedby={`${domId}-hint ${domId}-sure`}>
        <span class="sr-only">{quote.speaker?.name ?? UNSOURCED_LABEL}, </span>
        {/* Spaces between the spans: the accessible name is their text run together. */}
        <span class="item-meta">
          <span class="cue">{item.cueText}</span>{' '}
          <span class="kind" title={kind.meaning}>
            {kind.label}
          </span>{' '}
          <span class="conf" data-sure={sureLevel(quote.confidence)}>
            <span class="conf-mark" aria-hidden="true" />
            {sure.label}
          </span>
        </span>{' '}
        <span class="item-text" id={`${domId}-text`} data-clamped={clampable && !expanded ? '' : undefined}>
          {item.content}
        </span>
      </button>
      <span class="tip sure-tip" role="tooltip" id={`${domId}-sure`}>
        {sure.meaning} ({percent(quote.confidence)})
      </span>
      <span class="sr-only" id={`${domId}-hint`}>
        {kind.label}: {kind.meaning} Show in article.
      </span>
      <div class="item-facts">
        {quote.certainty && <CertaintyMeter certainty={quote.certainty} tipId={`${domId}-tip`} />}
        {quote.framing && framing && (
          <span class="chip" data-framing={quote.framing} title={`How the reporter framed it: ${framing.meaning}`}>
            {quote.cue ? `\u201C${item.cueText}\u201D: ${framing.label}` : framing.label}
          </span>
        )}
        {flagAnonymous && quote.speaker?.anonymous && <span class="badge flag">anonymous source</span>}
        {clampable && (
          <button
            type="button"
            class="more"
            aria-expanded={expanded}
            aria-controls={`${domId}-text`}
            onClick={(event) => {
              event.stopPropagation();
              setExpanded(!expanded);
            }}
          >
            {expanded ? 'Less' : 'More'}
          </button>
        )}
      </div>
    </li>
  );
}
