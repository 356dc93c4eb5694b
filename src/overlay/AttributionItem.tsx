/**
 * One quotation or claim: cue as written, kind, attribution confidence, the content (clamped to a
 * few lines when long, with a button to expand), and whichever classification fields exist. The whole item selects it in the page; the
 * main button is what keyboard users press.
 */
import { useState } from 'preact/hooks';
import { CertaintyMeter } from './CertaintyMeter';
import type { ItemView } from './view-model';
import { needsClamp, percent } from './view-model';

/** Below this attribution confidence the figure is shown in the warning colour. */
const LOW_CONFIDENCE = 0.5;

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
  return (
    <li
      class={`item${hovered ? ' is-hovered' : ''}${revealed ? ' is-revealed' : ''}`}
      data-attribution-id={quote.id}
      data-kind={quote.kind}
      aria-current={selected ? 'true' : undefined}
      hidden={!visible}
      onClick={() => onSelect(quote.id)}
    >
      <button type="button" class="item-select" id={`${domId}-select`} aria-describedby={`${domId}-hint`}>
        <span class="item-meta">
          <span class="cue">{item.cueText}</span>
          <span class="kind">{quote.kind}</span>
          <span
            class="conf"
            title="Attribution confidence: how likely this speaker and this content belong together"
            data-low={quote.confidence < LOW_CONFIDENCE ? '' : undefined}
          >
            {percent(quote.confidence)}
            <span class="sr-only"> attribution confidence</span>
          </span>
        </span>
        <span class="item-text" id={`${domId}-text`} data-clamped={clampable && !expanded ? '' : undefined}>
          {item.content}
        </span>
      </button>
      <span class="sr-only" id={`${domId}-hint`}>
        Show in article
      </span>
      <div class="item-facts">
        {quote.certainty && <CertaintyMeter certainty={quote.certainty} tipId={`${domId}-tip`} />}
        {quote.framing && (
          <span class="chip" data-framing={quote.framing} title="How the reporter framed it">
            {quote.cue ? `${item.cueText} \u2014 ${quote.framing}` : quote.framing}
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
