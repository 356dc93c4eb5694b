/**
 * One quotation or claim: cue as written, kind and how sure WhoSaid is (in words, their meaning on
 * hover and focus), the content (clamped to a few lines when long, with a button to expand), and
 * whichever classification fields exist. The whole item selects it in the page; the main button is
 * what keyboard users press, and its accessible name starts with who said it.
 */
import { useState } from 'preact/hooks';
import type { Attribution } from '../shared/attribution';
import type { PageDesk } from '../shared/desk/page';
import { MARK_LABEL, MARKS, type Mark } from '../shared/desk/schema';
import type { ReviewPatch } from '../shared/desk/store';
import { CertaintyMeter } from './CertaintyMeter';
import { engineSpeaker } from './desk-items';
import type { ItemView } from './view-model';
import { needsClamp, percent, UNSOURCED_LABEL } from './view-model';
import { framingWords, kindWords, sureLevel, sureWords } from '../shared/words';

/** The desk's controls on each item: mark, note, corrected speaker, copy with citation. */
export interface Reviewing {
  desk: PageDesk & { notice?: string };
  onReview(id: string, patch: ReviewPatch): void;
  /** Copies the quote with its citation; resolves the message to show. */
  onCopy(quote: Attribution, format: 'text' | 'markdown'): Promise<string>;
}

const MARK_ICON: Record<Mark, string> = { checked: '\u2713', disputed: '\u2717', 'to-check': '?' };

function ReviewControls({ quote, reviewing, domId }: { quote: Attribution; reviewing: Reviewing; domId: string }) {
  const review = reviewing.desk.reviews[quote.id] ?? null;
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState('');
  const speaker = quote.speaker?.name ?? null;
  const who = speaker ?? 'no named source';
  const original = engineSpeaker(quote, reviewing.desk);
  const save = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const note = (form.querySelector('textarea[name="note"]') as HTMLTextAreaElement | null)?.value.trim() ?? '';
    const named = (form.querySelector('input[name="speaker"]') as HTMLInputElement | null)?.value.trim() ?? '';
    // The engine's own name typed back, or nothing, is no correction.
    const correction = named && named !== original ? named : null;
    reviewing.onReview(quote.id, { note, speaker: correction });
    setEditing(false);
  };
  return (
    // Clicks here review the item; they do not select it in the article.
    <div class="review" onClick={(event) => event.stopPropagation()}>
      <div class="review-row" role="group" aria-label={`Your review of the quote from ${who}`}>
        {MARKS.map((mark) => (
          <button
            key={mark}
            type="button"
            class="mark-button"
            data-mark={mark}
            aria-pressed={review?.mark === mark}
            onClick={() => reviewing.onReview(quote.id, { mark: review?.mark === mark ? null : mark })}
          >
            <span aria-hidden="true">{MARK_ICON[mark]}</span> {MARK_LABEL[mark]}
          </button>
        ))}
        <button type="button" class="note-toggle" data-note aria-expanded={editing} aria-controls={`${domId}-note`} onClick={() => setEditing(!editing)}>
          {review?.note || review?.speaker ? 'Edit note' : 'Note'}
        </button>
        <button type="button" class="copy-cite" data-copy-citation="text" onClick={async () => setCopied(await reviewing.onCopy(quote, 'text'))}>
          Copy with citation
        </button>
        <button type="button" class="copy-cite" data-copy-citation="markdown" aria-label="Copy with citation as Markdown" onClick={async () => setCopied(await reviewing.onCopy(quote, 'markdown'))}>
          Markdown
        </button>
      </div>
      {copied && (
        <p class="review-status" role="status">
          {copied}
        </p>
      )}
      {review?.speaker && (
        <p class="corrected" data-corrected>
          Speaker corrected by you{original ? ` (WhoSaid read \u201C${original}\u201D)` : ''}.
        </p>
      )}
      {review?.note && !editing && (
        <p class="note-text" data-note-text>
          {review.note}
        </p>
      )}
      {editing && (
        <form
          class="note-form"
          id={`${domId}-note`}
          onSubmit={save}
          onKeyDown={(event) => {
            // Escape leaves the form, not the panel.
            if (event.key === 'Escape') {
              event.stopPropagation();
              setEditing(false);
            }
          }}
        >
          <label>
            Your note
            <textarea name="note" rows={3} defaultValue={review?.note ?? ''} />
          </label>
          <label>
            Speaker (correct it if WhoSaid got it wrong)
            <input name="speaker" type="text" defaultValue={speaker ?? ''} />
          </label>
          <span class="note-actions">
            <button type="submit" data-save-note>
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </span>
        </form>
      )}
    </div>
  );
}

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
  reviewing?: Reviewing;
}

export function AttributionItem({ item, domId, visible, selected, hovered, revealed, flagAnonymous, onSelect, reviewing }: AttributionItemProps) {
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
      data-attribution={reviewing?.desk.claims[quote.id]?.key}
      data-marked={reviewing?.desk.reviews[quote.id]?.mark ?? undefined}
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
      {reviewing && reviewing.desk.claims[quote.id] && <ReviewControls quote={quote} reviewing={reviewing} domId={domId} />}
    </li>
  );
}
