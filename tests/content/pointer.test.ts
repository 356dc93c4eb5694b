import { trackPointer, type PointerHandlers } from '../../src/content/pointer';
import type { HoverDetail } from '../../src/shared/overlay-contract';
import { parseDocumentWithEvents } from '../helpers/linkedom';

let restore: () => void = () => undefined;
afterEach(() => restore());

interface ClickOptions {
  button?: number;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** A click the page dispatched (element.click(), dispatchEvent) rather than the user's. */
  untrusted?: boolean;
  /** The page handled the click itself. */
  prevented?: boolean;
}

/**
 * A page with one text node whose characters are laid out 10 px wide on one 20 px line from x = 0
 * ("He said yes. Read on", the last two words a link), and the browser calls the tracker makes (caret
 * position, character boxes, animation frames, the selection) faked to match.
 */
function setup() {
  const parsed = parseDocumentWithEvents(
    '<html><body><p id="p">He said yes.<a href="/next" id="link">Read on</a></p><p id="other">Other text.</p><form><label id="label">Name <input id="field"></label></form></body></html>',
  );
  restore = parsed.restore;
  const doc = parsed.doc;
  const text = doc.getElementById('p')!.firstChild as Text;
  const linkText = doc.getElementById('link')!.firstChild as Text;
  const other = doc.getElementById('other')!.firstChild as Text;
  const fake = doc as unknown as Record<string, unknown>;
  let caretCalls = 0;
  let measured = 0;
  fake.caretPositionFromPoint = (x: number, y: number) => {
    caretCalls++;
    if (y >= 20) return { offsetNode: other, offset: 0 };
    return x < 120 ? { offsetNode: text, offset: Math.floor(x / 10) } : { offsetNode: linkText, offset: Math.floor((x - 120) / 10) };
  };
  fake.createRange = () => {
    let start = 0;
    let node: Node | null = null;
    return {
      setStart: (at: Node, offset: number) => {
        node = at;
        start = offset;
      },
      setEnd: () => undefined,
      getClientRects: () => {
        measured++;
        const left = (node === linkText ? 120 : 0) + start * 10;
        return [{ left, right: left + 10, top: 0, bottom: 20 }];
      },
    };
  };
  let selectionCollapsed = true;
  fake.getSelection = () => ({ isCollapsed: selectionCollapsed });
  const frames: Array<() => void> = [];
  const view = doc.defaultView as unknown as Record<string, unknown>;
  view.requestAnimationFrame = (callback: () => void) => frames.push(callback);
  view.cancelAnimationFrame = () => undefined;
  const EventClass = (doc.defaultView as unknown as { Event: typeof Event }).Event;
  const move = (x: number, y: number) => {
    const event = new EventClass('mousemove');
    Object.assign(event, { clientX: x, clientY: y });
    doc.dispatchEvent(event);
    frames.splice(0).forEach((frame) => frame());
  };
  /** A click at (x, y), dispatched on `target` (what the browser would hit there), bubbling to the document. */
  const click = (x: number, y: number, target: Element, options: ClickOptions = {}) => {
    const event = new EventClass('click', { bubbles: true, cancelable: true });
    const { untrusted, prevented, ...keys } = options;
    Object.assign(event, { clientX: x, clientY: y, button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...keys });
    Object.defineProperty(event, 'isTrusted', { value: !untrusted });
    if (prevented) event.preventDefault();
    target.dispatchEvent(event);
  };
  return {
    doc,
    text,
    linkText,
    move,
    click,
    paragraph: doc.getElementById('p')!,
    link: doc.getElementById('link')!,
    selectText: () => (selectionCollapsed = false),
    caretCalls: () => caretCalls,
    measured: () => measured,
  };
}

/** "He said yes.": "said" (offsets 3–6) is attribution q1; the link's "Read" (0–3) is q2. */
function lookupFor(page: ReturnType<typeof setup>) {
  return (node: Text, offset: number) => {
    if (node === page.text && offset >= 3 && offset < 7) return 'q1';
    if (node === page.linkText && offset < 4) return 'q2';
    return null;
  };
}

function recorder(): PointerHandlers & { hovers: HoverDetail[]; reveals: string[] } {
  const hovers: HoverDetail[] = [];
  const reveals: string[] = [];
  return { hovers, reveals, onHover: (detail) => hovers.push(detail), onReveal: (id) => reveals.push(id) };
}

describe('the attribution under the pointer', () => {
  test('reports the attribution at the caret, once per change, and null when the pointer leaves it', () => {
    const page = setup();
    const seen = recorder();
    const tracker = trackPointer(page.doc, lookupFor(page), seen);
    page.move(35, 10);
    page.move(45, 10);
    page.move(95, 10);
    page.move(35, 30);
    expect(seen.hovers).toEqual([
      { id: 'q1', x: 35, y: 10 },
      { id: null, x: 95, y: 10 },
    ]);
    tracker.destroy();
    page.move(35, 10);
    expect(seen.hovers).toHaveLength(2);
  });

  test('a caret that snapped to text away from the pointer is not a hover', () => {
    const page = setup();
    const seen = recorder();
    (page.doc as unknown as Record<string, unknown>).caretPositionFromPoint = () => ({ offsetNode: page.text, offset: 4 });
    trackPointer(page.doc, () => 'q1', seen);
    page.move(45, 10);
    page.move(300, 10);
    expect(seen.hovers).toEqual([
      { id: 'q1', x: 45, y: 10 },
      { id: null, x: 300, y: 10 },
    ]);
  });

  test('over plain text no character box is measured', () => {
    const page = setup();
    trackPointer(page.doc, lookupFor(page), recorder());
    page.move(95, 10);
    page.move(15, 10);
    expect(page.caretCalls()).toBe(2);
    expect(page.measured()).toBe(0);
  });
});

describe('a click inside a highlight', () => {
  test('reveals the attribution there, each time; a click on plain text reveals nothing', () => {
    const page = setup();
    const seen = recorder();
    trackPointer(page.doc, lookupFor(page), seen);
    page.click(45, 10, page.paragraph);
    page.click(95, 10, page.paragraph);
    page.click(35, 30, page.paragraph);
    page.click(55, 10, page.paragraph);
    expect(seen.reveals).toEqual(['q1', 'q1']);
    expect(seen.hovers).toEqual([]);
  });

  test('a caret that snapped to a highlight away from the click is not a reveal', () => {
    const page = setup();
    const seen = recorder();
    (page.doc as unknown as Record<string, unknown>).caretPositionFromPoint = () => ({ offsetNode: page.text, offset: 4 });
    trackPointer(page.doc, () => 'q1', seen);
    page.click(300, 10, page.paragraph);
    expect(seen.reveals).toEqual([]);
  });

  test.each<[string, ClickOptions]>([
    ['the middle button', { button: 1 }],
    ['ctrl', { ctrlKey: true }],
    ['cmd', { metaKey: true }],
    ['shift', { shiftKey: true }],
    ['alt', { altKey: true }],
    ['a click the page dispatched', { untrusted: true }],
    ['a click the page handled', { prevented: true }],
  ])('%s: nothing is revealed and the caret is never looked up', (_name, options) => {
    const page = setup();
    const seen = recorder();
    trackPointer(page.doc, lookupFor(page), seen);
    page.click(45, 10, page.paragraph, options);
    expect(seen.reveals).toEqual([]);
    expect(page.caretCalls()).toBe(0);
  });

  test('the end of a selection drag (the selection is not collapsed) reveals nothing', () => {
    const page = setup();
    const seen = recorder();
    trackPointer(page.doc, lookupFor(page), seen);
    page.selectText();
    page.click(45, 10, page.paragraph);
    expect(seen.reveals).toEqual([]);
  });

  test('highlighted link text follows the link: the click is left alone', () => {
    const page = setup();
    const seen = recorder();
    trackPointer(page.doc, lookupFor(page), seen);
    // Hovering shows the attribution, so the reader still learns who said it.
    page.move(125, 10);
    page.click(125, 10, page.link);
    expect(seen.hovers.map((hover) => hover.id)).toEqual(['q2']);
    expect(seen.reveals).toEqual([]);
  });

  test('form controls and their labels are left alone', () => {
    const page = setup();
    const seen = recorder();
    trackPointer(page.doc, () => 'q1', seen);
    page.click(45, 10, page.doc.getElementById('label')!);
    page.click(45, 10, page.doc.getElementById('field')!);
    expect(seen.reveals).toEqual([]);
  });

  test('destroy() and an aborted signal both stop it', () => {
    const page = setup();
    const destroyed = recorder();
    trackPointer(page.doc, lookupFor(page), destroyed).destroy();
    const run = new AbortController();
    const aborted = recorder();
    trackPointer(page.doc, lookupFor(page), aborted, run.signal);
    run.abort();
    const alreadyAborted = recorder();
    trackPointer(page.doc, lookupFor(page), alreadyAborted, run.signal);
    page.click(45, 10, page.paragraph);
    page.move(45, 10);
    expect([destroyed, aborted, alreadyAborted].map((seen) => [seen.reveals, seen.hovers])).toEqual([
      [[], []],
      [[], []],
      [[], []],
    ]);
    expect(page.caretCalls()).toBe(0);
  });
});
