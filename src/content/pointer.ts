/**
 * Which attribution is under the pointer: for the overlay's hover tip, and for a click that reveals
 * the attribution in the panel. Highlights are not elements, so there is no mouseover or click target
 * to listen for: the pointer position goes to a caret position (a text node and an offset), which the
 * article's text map turns into an article offset. Hover is checked at most once a frame and only
 * reported when the attribution under the pointer changes; a click is hit-tested only once it has
 * passed the cheap checks (plain primary click, no selection made, not on a link or form control).
 *
 * How to test by hand: `npm start` (demo article in Chromium). Rest the pointer on a highlighted
 * quotation: a tip names the speaker. Click inside it: the panel opens with that quotation's item
 * focused and briefly ringed; Tab and the arrow keys go on from there. Turn a filter on that hides
 * the item, close the panel and click again: the filter is cleared. Drag to select text inside a
 * quotation, ctrl/cmd-click it, or click plain text: nothing happens.
 */
import { overlayLinks, type HoverDetail } from '../shared/overlay-contract';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** Maps a text position to the id of the attribution highlighted there, or null. */
export type AttributionLookup = (node: Text, offset: number) => string | null;

/** The caret position at a viewport point: the standard call where it exists (Firefox, Chrome 128+), else WebKit's. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const caretDoc = doc as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position = caretDoc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === 'function') {
    const range = caretDoc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * A caret position snaps to the nearest text even when the pointer is in a margin: the character at
 * the caret must actually be under the point.
 */
function characterUnderPoint(doc: Document, node: Text, offset: number, x: number, y: number): boolean {
  const length = node.length;
  if (length === 0) return false;
  const range = doc.createRange();
  const start = Math.min(offset, length - 1);
  range.setStart(node, start);
  range.setEnd(node, start + 1);
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * The attribution highlighted under a viewport point, or null. The character boxes are measured only
 * when the caret is inside an attribution, so a point over plain text costs a caret lookup and a map lookup.
 */
export function attributionAtPoint(doc: Document, x: number, y: number, lookup: AttributionLookup): string | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const text = caret.node as Text;
  const id = lookup(text, caret.offset);
  return id !== null && characterUnderPoint(doc, text, caret.offset, x, y) ? id : null;
}

/** Elements whose click does something of their own (follow, press, focus a field). */
const OWN_CLICK = 'a[href],area[href],button,input,select,textarea,label,summary,[role="button"],[role="link"]';

/**
 * A click that may reveal: made by the user, the primary button with no modifier (those open links
 * in tabs or extend selections), not already handled by the page, not the end of a selection drag,
 * and not on anything with a click action of its own.
 */
function isRevealClick(doc: Document, event: MouseEvent): boolean {
  if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return false;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
  const selection = doc.getSelection?.();
  if (selection && !selection.isCollapsed) return false;
  const target = event.target as Node | null;
  const element = target?.nodeType === 1 ? (target as Element) : (target?.parentElement ?? null);
  if (!element) return false;
  // A click inside the overlay is retargeted to its host, whatever tag the host has.
  if (overlayLinks().has(element)) return false;
  return !(element as HTMLElement).isContentEditable && element.closest(OWN_CLICK) === null;
}

export interface PointerHandlers {
  /** The attribution under the pointer changed (id null: none). */
  onHover(detail: HoverDetail): void;
  /** A plain click landed inside an attribution's highlight. */
  onReveal(id: string): void;
}

export interface PointerTracker {
  destroy(): void;
}

/**
 * Reports hovers and revealing clicks until destroy() or until `signal` aborts, whichever is first.
 * The click is heard in the bubble phase, so a page that handles the click itself (preventDefault)
 * keeps it.
 */
export function trackPointer(doc: Document, lookup: AttributionLookup, handlers: PointerHandlers, signal?: AbortSignal): PointerTracker {
  const view = doc.defaultView;
  let current: string | null = null;
  let pending: { x: number; y: number } | null = null;
  let frame = 0;
  let stopped = false;

  const report = (id: string | null, x: number, y: number) => {
    if (id === current) return;
    current = id;
    handlers.onHover({ id, x, y });
  };

  const check = () => {
    frame = 0;
    if (!pending) return;
    const { x, y } = pending;
    pending = null;
    report(attributionAtPoint(doc, x, y, lookup), x, y);
  };

  const onMove = (event: MouseEvent) => {
    pending = { x: event.clientX, y: event.clientY };
    if (!frame && view) frame = view.requestAnimationFrame(check);
  };
  const onLeave = (event: MouseEvent) => {
    if (event.relatedTarget === null) report(null, event.clientX, event.clientY);
  };
  const onClick = (event: MouseEvent) => {
    if (!isRevealClick(doc, event)) return;
    const id = attributionAtPoint(doc, event.clientX, event.clientY, lookup);
    if (id !== null) handlers.onReveal(id);
  };

  const destroy = () => {
    if (stopped) return;
    stopped = true;
    doc.removeEventListener('mousemove', onMove);
    doc.removeEventListener('mouseout', onLeave);
    doc.removeEventListener('click', onClick);
    signal?.removeEventListener('abort', destroy);
    if (frame && view) view.cancelAnimationFrame(frame);
    frame = 0;
    pending = null;
  };

  if (signal?.aborted) return { destroy() {} };
  doc.addEventListener('mousemove', onMove, { passive: true });
  doc.addEventListener('mouseout', onLeave, { passive: true });
  doc.addEventListener('click', onClick, { passive: true });
  signal?.addEventListener('abort', destroy, { once: true });
  return { destroy };
}
