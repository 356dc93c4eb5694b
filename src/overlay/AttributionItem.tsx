/**
 * One quotation or claim. Compact until picked: one line with the cue as written, the kind, how the
 * speaker put it and how sure WhoSaid is (each a word, their meaning on hover and focus), then the words
 * themselves in two lines. Picking it (click, or Enter on its button) shows it in the article and opens
 * its details under it: the words in full, the certainty meter with the words that show it, the
 * reporter's framing, and the desk's review controls. A reader who never reviews scrolls past none of
 * them: with six review buttons on every item, the seed page showed 2 attributions at 1280×900 and 1 on a
 * 390×844 phone. The main button is what keyboard users press; its accessible name starts with who said it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Attribution } from '../shared/attribution';
import type { PageDesk } from '../shared/desk/page';
import { MARK_LABEL, MARKS, type Mark } from '../shared/desk/schema';
import type { ReviewPatch } from '../shared/desk/store';
import { CertaintyMeter } from './CertaintyMeter';
import { engineSpeaker } from './desk-items';
import { NoteFrame } from './NoteFrame';
import { draftKey } from './note-drafts';
import { providedNoteFrames } from './note-frames';
import type { ItemView } from './view-model';
import { needsClamp, percent, UNSOURCED_LABEL } from './view-model';
import { certaintyLevel, certaintyWords, framingWords, kindWords, sureLevel, sureWords } from '../shared/words';

/** The desk's controls on each item: mark, note, corrected speaker, copy with citation. */
export interface Reviewing {
  desk: PageDesk & { notice?: string };
  /** Sends the review; returns why it was refused, in plain words, when it was not sent (the panel was not seen). */
  onReview(id: string, patch: ReviewPatch): string | undefined | void;
  /** Copies the quote with its citation; resolves the message to show. */
  onCopy(quote: Attribution, format: 'text' | 'markdown'): Promise<string>;
}

const MARK_ICON: Record<Mark, string> = { checked: '\u2713', disputed: '\u2717', 'to-check': '?' };

/** What the reader already said of the item, shown whether or not it is picked: it is their own work. */
function ReviewSummary({ quote, reviewing, editing }: { quote: Attribution; reviewing: Reviewing; editing: boolean }) {
  const review = reviewing.desk.reviews[quote.id] ?? null;
  if (!review || (!review.speaker && !review.note)) return null;
  const original = engineSpeaker(quote, reviewing.desk);
  return (
    <>
      {review.speaker && (
        <p class="corrected" data-corrected>
          Speaker corrected by you{original ? ` (WhoSaid read \u201C${original}\u201D)` : ''}.
        </p>
      )}
      {review.note && !editing && (
        <p class="note-text" data-note-text>
          {review.note}
        </p>
      )}
    </>
  );
}

interface ReviewControlsProps {
  quote: Attribution;
  reviewing: Reviewing;
  domId: string;
  /** The note form is open: owned by the item, which stays open while a note is being typed. */
  editing: boolean;
  setEditing(editing: boolean): void;
}

function ReviewControls({ quote, reviewing, domId, editing, setEditing }: ReviewControlsProps) {
  const review = reviewing.desk.reviews[quote.id] ?? null;
  const [copied, setCopied] = useState('');
  // The note is typed in a frame of the extension's origin: without one (no extension runtime), no note.
  const noteFrames = providedNoteFrames();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const speaker = quote.speaker?.name ?? null;
  const who = speaker ?? 'no named source';
  const original = engineSpeaker(quote, reviewing.desk);
  // The keyboard was in the frame, which goes: back to the control that opened it.
  const close = () => {
    setEditing(false);
    toggleRef.current?.focus({ preventScroll: true });
  };
  const save = (typedNote: string, typedSpeaker: string): true | { refused: string } => {
    const note = typedNote.trim();
    const named = typedSpeaker.trim();
    // The engine's own name typed back, or nothing, is no correction.
    const correction = named && named !== original ? named : null;
    const refused = reviewing.onReview(quote.id, { note, speaker: correction });
    // Refused: the frame stays open with the note as typed, and says why; the reader saves again once they can.
    if (typeof refused === 'string') return { refused };
    close();
    return true;
  };
  const key = reviewing.desk.claims[quote.id]?.key;
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
        {noteFrames && (
          <button type="button" class="note-toggle" data-note ref={toggleRef} aria-expanded={editing} aria-controls={`${domId}-note`} onClick={() => setEditing(!editing)}>
            {review?.note || review?.speaker ? 'Edit note' : 'Note'}
          </button>
        )}
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
      {editing && noteFrames && (
        <NoteFrame
          frames={noteFrames}
          id={`${domId}-note`}
          title={`Your note on the quote from ${who}`}
          draftKey={key ? draftKey(reviewing.desk.article.url, key) : null}
          init={() => ({ note: review?.note ?? '', speaker: speaker ?? '', who })}
          onSave={save}
          onClose={close}
        />
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
  // A note being typed keeps the item open when another is picked: the draft lives in the open note frame.
  const [editing, setEditing] = useState(false);
  const { quote } = item;
  const open = selected || editing;
  const clampable = needsClamp(item.content);
  const kind = kindWords(quote.kind);
  const sure = sureWords(quote.confidence);
  const put = quote.certainty ? certaintyWords(quote.certainty) : null;
  const framing = quote.framing ? framingWords(quote.framing) : null;
  const review = reviewing?.desk.reviews[quote.id] ?? null;
  const claimed = reviewing && reviewing.desk.claims[quote.id];
  const itemRef = useRef<HTMLLIElement>(null);
  // A picked item opens downwards: scroll the list (never the page) so its details are in view, its top first.
  // In the render's own task, so nothing reads a place in the list that is about to move.
  useLayoutEffect(() => {
    const element = itemRef.current;
    const list = element?.closest<HTMLElement>('.groups');
    if (!selected || !element || !list || typeof element.getBoundingClientRect !== 'function') return;
    const box = element.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    if (box.bottom > view.bottom) list.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
  }, [selected]);
  // Picked: the words in full, or clamped to five lines with a button when very long. Not picked: two lines.
  const clamp = open ? (clampable && !expanded ? 'long' : undefined) : 'short';
  return (
    <li
      ref={itemRef}
      class={`item${hovered ? ' is-hovered' : ''}${revealed ? ' is-revealed' : ''}`}
      data-attribution-id={quote.id}
      data-attribution={reviewing?.desk.claims[quote.id]?.key}
      data-marked={review?.mark ?? undefined}
      data-kind={quote.kind}
      aria-current={selected ? 'true' : undefined}
      hidden={!visible}
      onClick={() => onSelect(quote.id)}
    >
      <button
        type="button"
        class="item-select"
        id={`${domId}-select`}
        aria-expanded={open}
        aria-controls={`${domId}-details`}
        aria-describedby={`${domId}-hint ${domId}-sure`}
      >
        <span class="sr-only">{quote.speaker?.name ?? UNSOURCED_LABEL}, </span>
        {/* Spaces between the spans: the accessible name is their text run together. */}
        <span class="item-meta">
          <span class="cue">{item.cueText}</span>{' '}
          <span class="kind" title={kind.meaning}>
            {kind.label}
          </span>{' '}
          {put && quote.certainty && (
            <span class="put" data-level={certaintyLevel(quote.certainty)} title={put.meaning}>
              <span class="put-mark" aria-hidden="true" />
              {put.label}
            </span>
          )}{' '}
          {flagAnonymous && quote.speaker?.anonymous && <span class="badge flag">anonymous source</span>}{' '}
          {review?.mark && (
            <span class="marked" data-mark-shown={review.mark}>
              <span aria-hidden="true">{MARK_ICON[review.mark]}</span> {MARK_LABEL[review.mark]}
            </span>
          )}{' '}
          <span class="conf" data-sure={sureLevel(quote.confidence)}>
            <span class="conf-mark" aria-hidden="true" />
            {sure.label}
          </span>
        </span>{' '}
        <span class="item-text" id={`${domId}-text`} data-clamped={clamp}>
          {item.content}
        </span>
      </button>
      <span class="tip sure-tip" role="tooltip" id={`${domId}-sure`}>
        {sure.meaning} ({percent(quote.confidence)})
      </span>
      <span class="sr-only" id={`${domId}-hint`}>
        {kind.label}: {kind.meaning} Show in article{claimed ? ' and review it' : ''}.
      </span>
      {reviewing && <ReviewSummary quote={quote} reviewing={reviewing} editing={editing} />}
      <div class="item-details" id={`${domId}-details`} hidden={!open}>
        {open && (
          <div class="item-facts">
            {quote.certainty && <CertaintyMeter certainty={quote.certainty} tipId={`${domId}-tip`} />}
            {quote.framing && framing && (
              <span class="chip" data-framing={quote.framing} title={`How the reporter framed it: ${framing.meaning}`}>
                {quote.cue ? `\u201C${item.cueText}\u201D: ${framing.label}` : framing.label}
              </span>
            )}
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
        )}
        {open && reviewing && claimed && <ReviewControls quote={quote} reviewing={reviewing} domId={domId} editing={editing} setEditing={setEditing} />}
      </div>
    </li>
  );
}
