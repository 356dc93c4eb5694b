import { trackPointer } from '../../src/content/pointer';
import type { HoverDetail } from '../../src/shared/overlay-contract';
import { parseDocumentWithEvents } from '../helpers/linkedom';

let restore: () => void = () => undefined;
afterEach(() => restore());

/**
 * A page with one text node whose characters are laid out 10 px wide on one 20 px line from x = 0, and
 * the browser calls the tracker makes (caret position, character boxes, animation frames) faked to match.
 */
function setup() {
  const parsed = parseDocumentWithEvents('<html><body><p id="p">He said yes.</p><p id="other">Other text.</p></body></html>');
  restore = parsed.restore;
  const doc = parsed.doc;
  const text = doc.getElementById('p')!.firstChild as Text;
  const other = doc.getElementById('other')!.firstChild as Text;
  const fake = doc as unknown as Record<string, unknown>;
  fake.caretPositionFromPoint = (x: number, y: number) => (y < 20 ? { offsetNode: text, offset: Math.floor(x / 10) } : { offsetNode: other, offset: 0 });
  fake.createRange = () => {
    let start = 0;
    return {
      setStart: (_node: Node, offset: number) => (start = offset),
      setEnd: () => undefined,
      getClientRects: () => [{ left: start * 10, right: start * 10 + 10, top: 0, bottom: 20 }],
    };
  };
  const frames: Array<() => void> = [];
  const view = doc.defaultView as unknown as Record<string, unknown>;
  view.requestAnimationFrame = (callback: () => void) => frames.push(callback);
  view.cancelAnimationFrame = () => undefined;
  const move = (x: number, y: number) => {
    const event = new (doc.defaultView as unknown as { Event: typeof Event }).Event('mousemove');
    Object.assign(event, { clientX: x, clientY: y });
    doc.dispatchEvent(event);
    frames.splice(0).forEach((frame) => frame());
  };
  return { doc, text, move };
}

describe('the attribution under the pointer', () => {
  test('reports the attribution at the caret, once per change, and null when the pointer leaves it', () => {
    const { doc, text, move } = setup();
    const seen: HoverDetail[] = [];
    // "He said yes.": "said" (offsets 3–6) is attribution q1.
    const tracker = trackPointer(doc, (node, offset) => (node === text && offset >= 3 && offset < 7 ? 'q1' : null), (detail) => seen.push(detail));
    move(35, 10);
    move(45, 10);
    move(95, 10);
    move(35, 30);
    expect(seen).toEqual([
      { id: 'q1', x: 35, y: 10 },
      { id: null, x: 95, y: 10 },
    ]);
    tracker.destroy();
    move(35, 10);
    expect(seen).toHaveLength(2);
  });

  test('a caret that snapped to text away from the pointer is not a hover', () => {
    const { doc, text, move } = setup();
    const seen: HoverDetail[] = [];
    (doc as unknown as Record<string, unknown>).caretPositionFromPoint = () => ({ offsetNode: text, offset: 4 });
    trackPointer(doc, () => 'q1', (detail) => seen.push(detail));
    move(45, 10);
    move(300, 10);
    expect(seen).toEqual([
      { id: 'q1', x: 45, y: 10 },
      { id: null, x: 300, y: 10 },
    ]);
  });
});
