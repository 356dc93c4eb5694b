/**
 * Issue 21: a review counts only from a panel the reader can see. The browser's word on that is
 * IntersectionObserver v2; here the window gets a stand-in for it (and a clock), so the gate in the mount
 * is driven as Chromium would drive it. Without v2 (Firefox), the point check at the click decides.
 */
import type { DomEnv } from './dom-env';
import { click, installDom } from './dom-env';
import type { Harness } from './harness';
import { mountHarness, settle } from './harness';
import { sampleAnalysis } from './fixture';
import { installOverlay, type OverlayBundle } from '../../src/overlay/install';
import { DWELL_MS, pointIsClear } from '../../src/overlay/visibility';
import type { Layout } from '../../src/overlay/top-layer';
import type { PageDesk } from '../../src/shared/desk/page';
import { OVERLAY_TO_CONTENT_PIN, OVERLAY_TO_CONTENT_REVIEW } from '../../src/shared/overlay-contract';
import { NOTE_REFUSED } from '../../src/overlay/mount';
import { createNoteFrames, provideNoteFrames, type NoteMessageListener } from '../../src/overlay/note-frames';
import { NOTE_FRAME_DRAFT, NOTE_FRAME_OPEN, NOTE_FRAME_SAVE, type NoteFrameMessage } from '../../src/shared/note-frame';

interface Entry {
  isIntersecting: boolean;
  isVisible?: boolean;
}

/** Stands in for the window's IntersectionObserver; `v2` false: a browser that ignores trackVisibility. */
function fakeObservers(window: object, v2: boolean) {
  const live = new Set<{ callback(entries: Entry[]): void; targets: Element[] }>();
  const options: unknown[] = [];
  class FakeObserver {
    trackVisibility = v2 ? true : undefined;
    targets: Element[] = [];
    constructor(public callback: (entries: Entry[]) => void, given: unknown) {
      options.push(given);
      live.add(this);
    }
    observe(target: Element) {
      this.targets.push(target);
    }
    disconnect() {
      live.delete(this);
    }
  }
  let clock = 1000;
  Object.defineProperty(window, 'IntersectionObserver', { value: FakeObserver, configurable: true, writable: true });
  Object.defineProperty(window, 'performance', { value: { now: () => clock }, configurable: true, writable: true });
  return {
    options,
    /** The browser reports the panel visible (not covered) or not, as of now. */
    report(visible: boolean) {
      for (const observer of live) if (observer.targets.length) observer.callback([{ isIntersecting: true, isVisible: visible }]);
    },
    observed: () => [...live].flatMap((observer) => observer.targets),
    advance(ms: number) {
      clock += ms;
    },
  };
}

const ARTICLE = { url: 'https://news.example.com/world/russia-isis-claim', title: 'Russia claims strike', outlet: 'News Example', published: '2026-03-01T10:00:00.000Z' };

function desk(): PageDesk {
  const analysis = sampleAnalysis();
  const claims: PageDesk['claims'] = {};
  analysis.quotes.forEach((quote, index) => {
    claims[quote.id] = {
      key: `w${index}x7q-2k`,
      selector: {
        quote: { type: 'TextQuoteSelector', exact: quote.contents[0]?.text ?? '', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: index * 100, end: index * 100 + 10 },
      },
    };
  });
  return { article: ARTICLE, claims, reviews: {}, orphans: [], pinned: false, version: '0.2.0' };
}

/** A click from the reader's mouse at (x, y): trusted, with a point. */
function mouseClick(element: Element, x = 10, y = 10): void {
  const event = new Event('click', { bubbles: true, cancelable: true });
  for (const [key, value] of Object.entries({ composed: true, isTrusted: true, detail: 1, button: 0, clientX: x, clientY: y })) Object.defineProperty(event, key, { value });
  element.dispatchEvent(event);
}

let env: DomEnv;
let bundle: OverlayBundle;
let ui: Harness;
let browser: ReturnType<typeof fakeObservers>;

const reviews = () => ui.messages.filter((m) => m.type === OVERLAY_TO_CONTENT_REVIEW).map((m) => m.detail);
const pins = () => ui.messages.filter((m) => m.type === OVERLAY_TO_CONTENT_PIN).map((m) => m.detail);
const item = (id: string) => ui.query(`.item[data-attribution-id="${id}"]`)!;
const markButton = (id: string, mark: string) => item(id).querySelector(`[data-mark="${mark}"]`)!;
const notice = () => ui.query('[data-notice="covered"]')?.textContent ?? null;

async function openOn(id: string) {
  ui.state({ status: 'done', analysis: sampleAnalysis(), desk: desk() });
  ui.toggle({ open: true });
  click(item(id).querySelector('.item-select')!);
  await settle();
}

function setUp(v2: boolean) {
  env = installDom();
  browser = fakeObservers(env.window, v2);
  bundle = installOverlay(env.document);
  ui = mountHarness(env.document);
}

afterEach(() => {
  ui.destroy();
  bundle.release();
  env.restore();
});

describe('with IntersectionObserver v2 (Chromium)', () => {
  beforeEach(() => setUp(true));

  test('the panel is watched with trackVisibility once drawn', async () => {
    await openOn('q1');
    expect(browser.observed()).toEqual([ui.query('section.panel')]);
    expect(browser.options).toEqual([expect.objectContaining({ trackVisibility: true, delay: 100 })]);
  });

  test('a mark made while the browser reports the panel covered is not sent, and the panel says why', async () => {
    await openOn('q1');
    browser.report(false);
    browser.advance(5000);
    mouseClick(markButton('q1', 'checked'));
    await settle();
    expect(reviews()).toEqual([]);
    expect(notice()).toBe('WhoSaid was covered by something on the page; your mark was not saved.');
    expect(item('q1').hasAttribute('data-marked')).toBe(false);
  });

  test('nothing is sent before the browser has said anything of the panel', async () => {
    await openOn('q1');
    mouseClick(markButton('q1', 'checked'));
    expect(reviews()).toEqual([]);
  });

  test(`a panel uncovered just before the click does not count: it must have been seen for ${DWELL_MS} ms; then the mark is sent and the notice goes`, async () => {
    await openOn('q1');
    browser.report(false);
    browser.report(true);
    browser.advance(DWELL_MS - 1);
    mouseClick(markButton('q1', 'checked'));
    await settle();
    expect(reviews()).toEqual([]);
    expect(notice()).not.toBeNull();
    browser.advance(1);
    mouseClick(markButton('q1', 'checked'));
    await settle();
    expect(reviews()).toEqual([{ id: 'q1', patch: { mark: 'checked' } }]);
    expect(notice()).toBeNull();
  });

  test('covered again after being seen: refused again; a later "visible" report does not restore the old time', async () => {
    await openOn('q1');
    browser.report(true);
    browser.advance(DWELL_MS);
    browser.report(false);
    mouseClick(markButton('q1', 'disputed'));
    browser.report(true);
    mouseClick(markButton('q1', 'disputed'));
    expect(reviews()).toEqual([]);
  });

  test('"Keep on desk" is refused from a covered panel too', async () => {
    await openOn('q1');
    browser.report(false);
    mouseClick(ui.query('[data-pin]')!);
    await settle();
    expect(pins()).toEqual([]);
    expect(notice()).toBe('WhoSaid was covered by something on the page; your change to \u201CKeep on desk\u201D was not saved.');
    browser.report(true);
    browser.advance(DWELL_MS);
    mouseClick(ui.query('[data-pin]')!);
    expect(pins()).toEqual([{ pinned: true }]);
  });

  test(`data-seen on the mount tells when reviews count (${DWELL_MS} ms after the panel is seen) and goes when it is covered`, async () => {
    await openOn('q1');
    const mount = ui.query('.mount')!;
    browser.report(true);
    expect(mount.hasAttribute('data-seen')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, DWELL_MS + 50));
    expect(mount.hasAttribute('data-seen')).toBe(true);
    browser.report(false);
    expect(mount.hasAttribute('data-seen')).toBe(false);
  });

  test('a note saved from its frame while covered is refused: the frame stays open, is told why, and keeps the draft; saved once seen', async () => {
    let listener: NoteMessageListener | null = null;
    provideNoteFrames(createNoteFrames({ getURL: (path) => `chrome-extension://whosaid/${path}`, onMessage: { addListener: (added) => (listener = added) } }));
    const fromFrame = (message: NoteFrameMessage) => {
      let reply: unknown;
      listener!(message, { frameId: 3 }, (answer) => (reply = answer));
      return reply;
    };
    try {
      ui.destroy();
      ui = mountHarness(env.document);
      await openOn('q1');
      mouseClick(item('q1').querySelector('[data-note]')!);
      await settle();
      const token = /#([0-9a-f]{32})$/.exec(item('q1').querySelector('iframe[data-note-frame]')!.getAttribute('src')!)![1];
      fromFrame({ type: NOTE_FRAME_DRAFT, token, note: 'Typed under a cover', speaker: 'Ryan Dillon' });
      browser.report(false);
      browser.advance(5000);
      expect(fromFrame({ type: NOTE_FRAME_SAVE, token, note: 'Typed under a cover', speaker: 'Ryan Dillon' })).toEqual({ refused: NOTE_REFUSED });
      expect(NOTE_REFUSED).toMatch(/^Not saved: the panel is covered by something on the page/);
      await settle();
      expect(reviews()).toEqual([]);
      expect(item('q1').querySelector('iframe[data-note-frame]')).not.toBeNull();
      expect(notice()).toBe('WhoSaid was covered by something on the page; your note was not saved.');
      // The same frame still asks for, and gets, its note as typed.
      expect(fromFrame({ type: NOTE_FRAME_OPEN, token })).toEqual({ note: 'Typed under a cover', speaker: 'Ryan Dillon', who: 'Ryan Dillon' });
      browser.report(true);
      browser.advance(DWELL_MS);
      expect(fromFrame({ type: NOTE_FRAME_SAVE, token, note: 'Typed under a cover', speaker: 'Ryan Dillon' })).toBe(true);
      await settle();
      expect(reviews()).toEqual([{ id: 'q1', patch: { note: 'Typed under a cover', speaker: null } }]);
      expect(item('q1').querySelector('iframe[data-note-frame]')).toBeNull();
      expect(notice()).toBeNull();
    } finally {
      provideNoteFrames(null);
    }
  });

  test('destroying the overlay stops watching', async () => {
    await openOn('q1');
    expect(browser.observed()).toHaveLength(1);
    ui.destroy();
    expect(browser.observed()).toHaveLength(0);
  });
});

describe('without IntersectionObserver v2 (Firefox): the point check at the click', () => {
  beforeEach(() => setUp(false));

  test('the top element at the click must be the overlay', async () => {
    await openOn('q1');
    const doc = env.document as Document & { elementFromPoint?: unknown };
    let top: Element = ui.host;
    Object.defineProperty(doc, 'elementFromPoint', { value: () => top, configurable: true });
    const panel = ui.query('section.panel')!;
    Object.defineProperty(panel, 'getBoundingClientRect', { value: () => ({ left: 0, top: 0, right: 400, bottom: 600, width: 400, height: 600 }), configurable: true });
    top = env.document.body;
    mouseClick(markButton('q1', 'checked'));
    await settle();
    expect(reviews()).toEqual([]);
    expect(notice()).not.toBeNull();
    top = ui.host;
    // Covered a moment ago: not yet (the panel must have been clear for DWELL_MS).
    mouseClick(markButton('q1', 'checked'));
    expect(reviews()).toEqual([]);
    browser.advance(DWELL_MS);
    mouseClick(markButton('q1', 'checked'));
    expect(reviews()).toEqual([{ id: 'q1', patch: { mark: 'checked' } }]);
  });
});

describe('pointIsClear', () => {
  /** A document and host stand-in: the top element at any point, open top-layer elements, ancestors' styles. */
  function scene({ top, layer = [], opacity = '1', filter = 'none' }: { top: 'host' | 'page'; layer?: Array<{ left: number; top: number; right: number; bottom: number; holdsHost?: boolean }>; opacity?: string; filter?: string }) {
    const html = { parentElement: null };
    const page = {};
    const host: Record<string, unknown> = { parentElement: html };
    host.ownerDocument = {
      defaultView: { getComputedStyle: () => ({ opacity, filter }) },
      elementFromPoint: () => (top === 'host' ? host : page),
      querySelectorAll: (selector: string) =>
        selector === ':popover-open' ? layer.map((rect) => ({ contains: (node: unknown) => node === host && rect.holdsHost === true, getBoundingClientRect: () => rect })) : [],
    };
    const panel = { getBoundingClientRect: () => ({ left: 800, top: 100, right: 1200, bottom: 700, width: 400, height: 600 }) };
    return { host: host as unknown as Element, panel: panel as unknown as Element };
  }

  test('the overlay on top at the point, nothing over it: clear', () => {
    const { host, panel } = scene({ top: 'host' });
    expect(pointIsClear(panel, host, { x: 900, y: 300 })).toBe(true);
    expect(pointIsClear(panel, host, null)).toBe(true);
  });

  test('the page on top at the point: not clear', () => {
    const { host, panel } = scene({ top: 'page' });
    expect(pointIsClear(panel, host, { x: 900, y: 300 })).toBe(false);
  });

  test('an open popover painted over the panel (even one hit-testing lets through) is a cover; one elsewhere, or holding the overlay, is not (top-layer.test.ts has the rest)', () => {
    const layout = (covers: Array<{ left: number; top: number; right: number; bottom: number }>): Layout => ({
      style: (_, pseudo) => (pseudo ? { content: 'none', backgroundColor: 'rgba(0, 0, 0, 0)' } : { display: 'block', visibility: 'visible', opacity: '1', backgroundColor: 'rgb(255, 255, 255)' }) as unknown as CSSStyleDeclaration,
      rect: (element) => covers[(element as unknown as { index: number }).index],
      textRect: () => null,
      shadowOf: () => null,
      viewport: () => ({ left: 0, top: 0, right: 1280, bottom: 900 }),
      query: (root, selector) => (selector === ':popover-open' ? (root.querySelectorAll(selector) as unknown as Element[]) : []),
    });
    const run = (rects: Array<{ left: number; top: number; right: number; bottom: number; holdsHost?: boolean }>) => {
      const { host, panel } = scene({ top: 'host', layer: rects });
      const doc = host.ownerDocument as unknown as { querySelectorAll(selector: string): unknown[] };
      const open = doc.querySelectorAll.bind(doc);
      doc.querySelectorAll = (selector: string) => open(selector).map((element, index) => Object.assign(element as object, { index, tagName: 'DIV', childNodes: [] }));
      return pointIsClear(panel, host, { x: 900, y: 300 }, layout(rects));
    };
    expect(run([{ left: 0, top: 0, right: 1280, bottom: 900 }])).toBe(false);
    expect(run([{ left: 0, top: 0, right: 100, bottom: 100 }])).toBe(true);
    expect(run([{ left: 0, top: 0, right: 1280, bottom: 900, holdsHost: true }])).toBe(true);
  });

  test('an ancestor of the host that fades or filters it: not clear', () => {
    for (const style of [{ opacity: '0.05' }, { filter: 'opacity(0)' }]) {
      const { host, panel } = scene({ top: 'host', ...style });
      expect(pointIsClear(panel, host, { x: 900, y: 300 })).toBe(false);
    }
  });
});
