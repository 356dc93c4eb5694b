/**
 * Which attribution is under the pointer, for the overlay's hover tip. Highlights are not elements,
 * so there is no mouseover to listen for: the pointer position goes to a caret position (a text node
 * and an offset), which the article's text map turns into an article offset. Checked at most once a
 * frame, and only reported when the attribution under the pointer changes.
 */
import type { HoverDetail } from '../shared/overlay-contract';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

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
  const length = node.data.length;
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

export interface PointerTracker {
  destroy(): void;
}

/**
 * Calls `onChange` when the attribution under the pointer changes (id null: none). `lookup` maps a
 * text position to an attribution id.
 */
export function trackPointer(
  doc: Document,
  lookup: (node: Text, offset: number) => string | null,
  onChange: (detail: HoverDetail) => void,
): PointerTracker {
  const view = doc.defaultView;
  let current: string | null = null;
  let pending: { x: number; y: number } | null = null;
  let frame = 0;

  const report = (id: string | null, x: number, y: number) => {
    if (id === current) return;
    current = id;
    onChange({ id, x, y });
  };

  const check = () => {
    frame = 0;
    if (!pending) return;
    const { x, y } = pending;
    pending = null;
    const caret = caretAt(doc, x, y);
    let id: string | null = null;
    if (caret && caret.node.nodeType === 3) {
      id = lookup(caret.node as Text, caret.offset);
      if (id !== null && !characterUnderPoint(doc, caret.node as Text, caret.offset, x, y)) id = null;
    }
    report(id, x, y);
  };

  const onMove = (event: MouseEvent) => {
    pending = { x: event.clientX, y: event.clientY };
    if (!frame && view) frame = view.requestAnimationFrame(check);
  };
  const onLeave = (event: MouseEvent) => {
    if (event.relatedTarget === null) report(null, event.clientX, event.clientY);
  };

  doc.addEventListener('mousemove', onMove, { passive: true });
  doc.addEventListener('mouseout', onLeave, { passive: true });

  return {
    destroy() {
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('mouseout', onLeave);
      if (frame && view) view.cancelAnimationFrame(frame);
      frame = 0;
      pending = null;
    },
  };
}
