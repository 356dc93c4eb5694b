import { createContentController, declaredAddress, MAX_ARTICLE_CHARS, MAX_RETRIES, NAVIGATION_SETTLE_MS, RETRY_MAX_WAIT_MS, RETRY_QUIET_MS, type ContentApi } from '../../src/content/controller';
import type { Attribution } from '../../src/shared/attribution';
import { ANALYSIS_GONE, type AnalysisReply, type ArticlePayload, type ContentToBackground } from '../../src/shared/messages';
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_HOVER,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_REVEAL,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TAG,
  OVERLAY_TO_CONTENT_HIDE,
  OVERLAY_TO_CONTENT_REVIEW,
  OVERLAY_TO_CONTENT_PANEL,
  OVERLAY_TO_CONTENT_SELECT,
  overlayLinks,
} from '../../src/shared/overlay-contract';
import { err, ok, type Result } from '../../src/shared/result';
import { createDeskStore, isKept } from '../../src/shared/desk/store';
import type { PageDesk } from '../../src/shared/desk/page';
import { MemoryArea } from '../shared/desk/memory-area';
import { parseDocumentWithEvents } from '../helpers/linkedom';
import { fakeHighlightApi } from './fake-highlights';

const BODY = `
<p>Mayor Jane Doe presented the city's budget on Tuesday evening, after months of negotiation with the council's finance committee and a long public hearing.</p>
<p>“We will not raise taxes this year,” the mayor said, to applause from the residents who had filled the chamber.</p>
<p>The council’s finance chair, Tom Reyes, told reporters that the budget was balanced and that no services would be cut, though several libraries would open fewer hours.</p>
<p>Residents at the meeting were relieved, though several wondered how long the city could keep property taxes where they are with costs rising every year.</p>`;

const ARTICLE_PAGE = `<!doctype html><html><head><title>Budget vote</title>
<meta property="og:type" content="article"><link rel="canonical" href="https://news.example/budget-vote"></head>
<body><nav><a href="/">Home</a> <a href="/x">“Fake news” desk</a></nav>
<main><article><h1>Budget vote</h1>${BODY}</article></main>
<aside class="sidebar"><p>“Trump Wall” is trending, readers said, in a week of quotes from everywhere and nowhere at all.</p></aside>
</body></html>`;

const FRONT_PAGE = `<!doctype html><html><head><title>Home</title><meta property="og:type" content="website"></head>
<body><main>${BODY}</main></body></html>`;

function span(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the article text`);
  return { start, end: start + phrase.length, text: phrase };
}

/** What a worker would answer for the budget article: two attributions by two speakers. */
function analysisOf(article: ArticlePayload): AnalysisReply {
  const text = article.text;
  const quotes: Attribution[] = [
    {
      id: 'q1',
      cue: span(text, 'said'),
      sources: [span(text, 'the mayor')],
      contents: [span(text, 'We will not raise taxes this year')],
      kind: 'direct',
      speaker: { name: 'Jane Doe', type: 'person', aliases: ['the mayor'] },
      confidence: 0.9,
    },
    {
      id: 'q2',
      cue: span(text, 'told'),
      sources: [span(text, 'Tom Reyes')],
      contents: [span(text, 'that the budget was balanced')],
      kind: 'indirect',
      speaker: { name: 'Tom Reyes', type: 'person', aliases: [] },
      confidence: 0.8,
    },
  ];
  return {
    quotes,
    speakers: [
      { name: 'Jane Doe', type: 'person', aliases: [], attributionIds: ['q1'], hedged: 0 },
      { name: 'Tom Reyes', type: 'person', aliases: [], attributionIds: ['q2'], hedged: 0 },
    ],
    canonicalUrl: article.canonicalUrl,
    engineMs: 1,
    cached: false,
  };
}

interface Setup {
  doc: Document;
  /** The page's location, which a test moves as history.pushState would. */
  location: { href: string };
  /** A stand-in for window.navigation (the Navigation API), when the setup asked for one. */
  navigation: FakeNavigation | null;
  api: ContentApi & { runtime: { id?: string } };
  sent: ContentToBackground[];
  /** The desk's messages (record of the page, reviews, keeping), apart from the analysis ones. */
  deskSent: ContentToBackground[];
  events: Array<{ type: string; detail: unknown }>;
  highlights: ReturnType<typeof fakeHighlightApi>;
  scrolls: unknown[];
  deliver(message: unknown): Promise<unknown> | undefined;
  controller: ReturnType<typeof createContentController>;
}

/** What the overlay would do with the user's pick: send SELECT over the host's link. */
function select(doc: Document, id: string): void {
  const host = doc.querySelector(OVERLAY_TAG)!;
  overlayLinks().get(host)!.toContent({ type: OVERLAY_TO_CONTENT_SELECT, detail: { id } });
}

let restore: () => void = () => undefined;
const controllers: ReturnType<typeof createContentController>[] = [];
afterEach(() => {
  // A controller left running keeps its URL poll, which would hold jest open after a failed test.
  for (const controller of controllers.splice(0)) controller.destroy();
  restore();
});

/** window.navigation as the controller uses it: currententrychange listeners, fired by the test. */
interface FakeNavigation {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  entryChanged(): void;
  listeners(): number;
}

function fakeNavigation(): FakeNavigation {
  const listeners = new Set<() => void>();
  return {
    addEventListener: (type, listener) => type === 'currententrychange' && listeners.add(listener),
    removeEventListener: (type, listener) => type === 'currententrychange' && listeners.delete(listener),
    entryChanged: () => listeners.forEach((listener) => listener()),
    listeners: () => listeners.size,
  };
}

const DESK_TYPES = new Set(['content/desk-article', 'content/review', 'content/desk-record', 'content/desk-pin', 'content/open-desk']);
const isDeskMessage = (message: ContentToBackground) => DESK_TYPES.has(message.type);

function setup(
  html: string,
  options: {
    settings?: Record<string, unknown>;
    reply?: (message: ContentToBackground) => Promise<Result<unknown> | undefined>;
    url?: string;
    retryDelaysMs?: number[];
    navigationApi?: boolean;
    /** The worker's answers to the desk's messages; ok(null) by default (nothing stored). */
    deskReply?: (message: ContentToBackground) => Promise<Result<unknown>>;
    /** storage.onChanged of the storage the worker's desk lives in. */
    storageEvents?: ContentApi['storage']['onChanged'];
  } = {},
): Setup {
  const parsed = parseDocumentWithEvents(html);
  const doc = parsed.doc;
  // linkedom's window writes through to the global object: the stand-in is put there and taken away after.
  const scope = globalThis as unknown as { navigation?: FakeNavigation };
  restore = () => {
    delete scope.navigation;
    parsed.restore();
  };
  const location = {
    href: options.url ?? 'https://news.example/budget-vote',
    get hostname() {
      return new URL(this.href).hostname;
    },
    get pathname() {
      return new URL(this.href).pathname;
    },
    get search() {
      return new URL(this.href).search;
    },
  };
  Object.defineProperty(doc, 'location', { value: location, configurable: true });
  const navigation = options.navigationApi ? fakeNavigation() : null;
  if (navigation) scope.navigation = navigation;
  // linkedom's Range has no setStart/setEnd: a stand-in with the calls the content script makes.
  (doc as unknown as { createRange: () => unknown }).createRange = () => {
    const range = {
      startContainer: null as Node | null,
      startOffset: 0,
      setStart(node: Node, offset: number) {
        range.startContainer = node;
        range.startOffset = offset;
      },
      setEnd() {},
      getBoundingClientRect: () => ({ top: 500, bottom: 520, left: 10, right: 110, width: 100, height: 20 }),
      getClientRects: () => [],
    };
    return range;
  };
  // Layout: every element is 100 px tall, except .tall ones (2000 px); the view is 900 px.
  const scrolls: unknown[] = [];
  const view = doc.defaultView as unknown as Record<string, unknown>;
  view.scrollTo = (arg: unknown) => scrolls.push(['window', arg]);
  view.scrollY = 0;
  view.innerHeight = 900;
  let elementProto = Object.getPrototypeOf(doc.body) as Record<string, unknown>;
  while (!Object.prototype.hasOwnProperty.call(elementProto, 'getAttribute')) elementProto = Object.getPrototypeOf(elementProto);
  elementProto.getBoundingClientRect = function (this: Element) {
    return { top: 0, left: 0, width: 600, height: this.classList.contains('tall') ? 2000 : 100 };
  };
  elementProto.scrollIntoView = function (this: Element, arg: unknown) {
    scrolls.push([this.localName, this.textContent!.slice(0, 20), arg]);
  };

  const sent: ContentToBackground[] = [];
  const deskSent: ContentToBackground[] = [];
  const deskReply = options.deskReply ?? (async () => ok(null));
  let listener: ((message: unknown) => Promise<unknown> | undefined) | null = null;
  const reply = options.reply ?? (async (message: ContentToBackground) => (message.type === 'content/analyze-article' ? ok(analysisOf(message.article)) : ok(null)));
  const api = {
    runtime: {
      id: 'whosaid-test' as string | undefined,
      async sendMessage(message: unknown) {
        const typed = message as ContentToBackground;
        // The desk's messages (its record of the page, reviews) are kept apart: most tests are about the analysis.
        if (isDeskMessage(typed)) {
          deskSent.push(typed);
          return deskReply(typed);
        }
        sent.push(typed);
        return reply(typed);
      },
      onMessage: {
        addListener: (l: typeof listener) => (listener = l),
        removeListener: (l: typeof listener) => {
          if (listener === l) listener = null;
        },
      },
    },
    storage: { sync: { get: async (defaults: Record<string, unknown>) => ({ ...defaults, ...options.settings }) }, onChanged: options.storageEvents },
  };
  const events: Array<{ type: string; detail: unknown }> = [];
  // A stand-in overlay: answers the mount request by taking the host's link, and records what comes over it.
  doc.addEventListener(CONTENT_TO_OVERLAY_MOUNT, (event) => {
    events.push({ type: CONTENT_TO_OVERLAY_MOUNT, detail: (event as CustomEvent).detail });
    const link = overlayLinks().get(event.target as Element);
    if (link) link.toOverlay = ({ type, detail }) => events.push({ type, detail });
  });
  const highlights = fakeHighlightApi();
  const controller = createContentController(doc, api, { instanceId: 't', highlightApi: highlights, retryDelaysMs: options.retryDelaysMs ?? [5, 5, 5] });
  controllers.push(controller);
  return {
    doc,
    location,
    navigation,
    api,
    sent,
    deskSent,
    events,
    highlights,
    scrolls,
    deliver: (message) => (listener ? listener(message) : undefined),
    controller,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the content script on an article page', () => {
  test('sends one content/analyze-article with the whole article text, and no ranges the worker does not read', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article']);
    const { article } = page.sent[0] as Extract<ContentToBackground, { type: 'content/analyze-article' }>;
    expect(article.canonicalUrl).toBe('https://news.example/budget-vote');
    expect(article.title).toBe('Budget vote');
    expect(article.text).toContain('“We will not raise taxes this year,” the mayor said');
    expect(article.text).not.toContain('Fake news');
    expect(article.text).not.toContain('Trump Wall');
    expect(article.text.split('\n\n')).toHaveLength(4);
    expect(Object.keys(article).sort()).toEqual(['blockQuotes', 'canonicalUrl', 'text', 'title', 'url']);
  });

  test('with attributions: mounts the overlay outside <body>, sends the state, highlights by speaker, page text unchanged', async () => {
    const page = setup(ARTICLE_PAGE);
    const bodyBefore = page.doc.body.innerHTML;
    await page.controller.start();
    await settle();
    const hosts = page.doc.querySelectorAll(OVERLAY_TAG);
    expect(hosts).toHaveLength(1);
    expect(hosts[0].parentElement).toBe(page.doc.documentElement);
    expect(page.events.map((e) => e.type)).toEqual([CONTENT_TO_OVERLAY_MOUNT, CONTENT_TO_OVERLAY_STATE]);
    const state = page.events[1].detail as { status: string; analysis: AnalysisReply };
    expect(state.status).toBe('done');
    expect(state.analysis.quotes.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect([...page.highlights.registry.keys()].sort()).toEqual(
      ['s0-content', 's0-cue', 's0-source', 's1-content', 's1-cue', 's1-source'].map((n) => `whosaid-t-${n}`).sort(),
    );
    expect(page.doc.body.innerHTML).toBe(bodyBefore);
  });

  test('a long analysis in parts: the rest asked for in order, the panel and highlights get every attribution', async () => {
    let whole: AnalysisReply | null = null;
    const page = setup(ARTICLE_PAGE, {
      reply: async (m) => {
        if (m.type === 'content/analyze-article') {
          whole = analysisOf(m.article);
          return ok({ ...whole, quotes: whole.quotes.slice(0, 1), rest: { key: 'k1', total: 2 } });
        }
        if (m.type === 'content/analysis-quotes') return ok({ quotes: whole!.quotes.slice(m.from, m.from + 1) });
        return ok(null);
      },
    });
    await page.controller.start();
    await settle();
    expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article', 'content/analysis-quotes']);
    expect(page.sent[1]).toEqual({ type: 'content/analysis-quotes', key: 'k1', from: 1 });
    const state = page.events.find((e) => e.type === CONTENT_TO_OVERLAY_STATE)!.detail as { analysis: AnalysisReply };
    expect(state.analysis.quotes.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(state.analysis.rest).toBeUndefined();
    expect([...page.highlights.registry.keys()].filter((name) => name.startsWith('whosaid-t-s1'))).not.toHaveLength(0);
  });

  test('a worker that lost the rest is asked for the whole analysis once more; lost again, nothing is shown', async () => {
    let asked = 0;
    const page = setup(ARTICLE_PAGE, {
      reply: async (m) => {
        if (m.type === 'content/analyze-article') {
          asked += 1;
          const whole = analysisOf(m.article);
          return ok({ ...whole, quotes: whole.quotes.slice(0, 1), rest: { key: `k${asked}`, total: 2 } });
        }
        if (m.type === 'content/analysis-quotes') return err(ANALYSIS_GONE);
        return ok(null);
      },
    });
    await page.controller.start();
    await settle();
    expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article', 'content/analysis-quotes', 'content/analyze-article', 'content/analysis-quotes']);
    expect(page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_STATE)).toHaveLength(0);
    expect(page.highlights.registry.size).toBe(0);
  });

  test('records its steps as whosaid:… performance measures', async () => {
    performance.clearMeasures();
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    const names = performance.getEntriesByType('measure').map((m) => m.name);
    for (const name of ['whosaid:detect', 'whosaid:extract', 'whosaid:candidates', 'whosaid:highlight', 'whosaid:total']) expect(names).toContain(name);
  });

  test('with no attributions: nothing visible at all', async () => {
    const page = setup(ARTICLE_PAGE, {
      reply: async (m) => (m.type === 'content/analyze-article' ? ok({ ...analysisOf(m.article), quotes: [], speakers: [] }) : ok(null)),
    });
    await page.controller.start();
    await settle();
    expect(page.sent).toHaveLength(1);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.doc.querySelector('style')).toBeNull();
    expect(page.highlights.registry.size).toBe(0);
    expect(page.events).toEqual([]);
  });

  test('a worker stopped mid-analysis (no answer, a closed port) is asked again, and the overlay comes', async () => {
    let calls = 0;
    const page = setup(ARTICLE_PAGE, {
      reply: async (message) => {
        if (message.type !== 'content/analyze-article') return ok(null);
        calls++;
        if (calls === 1) return undefined;
        if (calls === 2) throw new Error('The message port closed before a response was received.');
        return ok(analysisOf(message.article));
      },
    });
    await page.controller.start();
    await settle();
    await settle();
    expect(calls).toBe(3);
    expect(page.doc.querySelector(OVERLAY_TAG)).not.toBeNull();
    expect(page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_STATE).map((e) => (e.detail as { status: string }).status)).toEqual(['done']);
  });

  test('an engine error is not asked again; a worker that never comes back is given up after the retries', async () => {
    let calls = 0;
    const engineError = setup(ARTICLE_PAGE, { reply: async () => (calls++, err('engine failed')) });
    await engineError.controller.start();
    await settle();
    expect(calls).toBe(1);
    let gone = 0;
    const page = setup(ARTICLE_PAGE, { reply: async (message) => (message.type === 'content/analyze-article' ? (gone++, undefined) : ok(null)) });
    await page.controller.start();
    await settle();
    await settle();
    expect(gone).toBe(4);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
  });

  test('a reply superseded by the tab\'s newer question shows no error, even on demand', async () => {
    const page = setup(ARTICLE_PAGE, { reply: async () => err('superseded by a newer request from the same tab') });
    await page.controller.run('demand');
    await settle();
    expect(page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_STATE).map((e) => (e.detail as { status: string }).status)).toEqual(['analyzing']);
  });

  test('when the worker answers an error: nothing visible', async () => {
    const page = setup(ARTICLE_PAGE, { reply: async () => err('engine failed') });
    await page.controller.start();
    await settle();
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
  });

  test('selecting an attribution in the overlay scrolls to it and flashes it', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    const host = page.doc.querySelector(OVERLAY_TAG)!;
    // The page dispatching a selection on the host is not the overlay: nothing scrolls.
    host.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_SELECT, { detail: { id: 'q2' }, bubbles: true }));
    expect(page.scrolls).toEqual([]);
    select(page.doc, 'q2');
    // q2's content, "that the budget was balanced", is in the third paragraph.
    expect(page.scrolls).toEqual([['p', 'The council’s financ', { block: 'center', behavior: 'smooth' }]]);
    expect(page.highlights.registry.has('whosaid-t-flash')).toBe(true);
    select(page.doc, 'no-such');
    expect(page.scrolls).toHaveLength(1);
  });

  test('a passage in an element taller than the view is scrolled to by the window', async () => {
    const page = setup(ARTICLE_PAGE.replace('<p>“We will not', '<p class="tall">“We will not'));
    await page.controller.start();
    await settle();
    select(page.doc, 'q1');
    expect(page.scrolls).toEqual([['window', { top: 500 - 900 / 3, behavior: 'smooth' }]]);
  });

  test('a passage the open panel would cover is scrolled above the panel; one clear of it is centred', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    const link = overlayLinks().get(page.doc.querySelector(OVERLAY_TAG)!)!;
    // A bottom sheet from y 300 over the passage's columns (x 10-110).
    link.toContent({ type: OVERLAY_TO_CONTENT_PANEL, detail: { top: 300, left: 0, right: 390, bottom: 900 } });
    select(page.doc, 'q2');
    // Band above the panel: 16..284; the 20 px passage is centred in it at 140: 500 - 140.
    expect(page.scrolls.at(-1)).toEqual(['window', { top: 360, behavior: 'smooth' }]);
    // A corner card on the right, clear of the passage: centred as before.
    link.toContent({ type: OVERLAY_TO_CONTENT_PANEL, detail: { top: 200, left: 860, right: 1260, bottom: 844 } });
    select(page.doc, 'q2');
    expect(page.scrolls.at(-1)).toEqual(['p', 'The council’s financ', { block: 'center', behavior: 'smooth' }]);
    // Closed: nothing to avoid.
    link.toContent({ type: OVERLAY_TO_CONTENT_PANEL, detail: null });
    select(page.doc, 'q2');
    expect(page.scrolls.at(-1)).toEqual(['p', 'The council’s financ', { block: 'center', behavior: 'smooth' }]);
  });

  test('"Hide on this page" takes the overlay and every highlight down; the toolbar button brings them back', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    expect(page.highlights.registry.size).toBeGreaterThan(0);
    overlayLinks().get(page.doc.querySelector(OVERLAY_TAG)!)!.toContent({ type: OVERLAY_TO_CONTENT_HIDE, detail: null });
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.highlights.registry.size).toBe(0);
    await page.deliver({ type: 'background/run-on-demand' });
    // A whole run (three yields to the page, extraction, highlights) can take longer than settle() on a loaded machine.
    await until(() => page.highlights.registry.size > 0);
    expect(page.doc.querySelector(OVERLAY_TAG)).not.toBeNull();
  });

  test('the toggle-panel command toggles the mounted overlay', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    await expect(page.deliver({ type: 'background/toggle-panel' })).resolves.toEqual(ok(null));
    expect(page.events.at(-1)).toEqual({ type: CONTENT_TO_OVERLAY_TOGGLE, detail: { focusList: true } });
    expect(page.deliver({ type: 'some-other-extension/message' })).toBeUndefined();
  });

  test('destroy() removes the overlay, every highlight and the style, and stops listening', async () => {
    const page = setup(ARTICLE_PAGE);
    const bodyBefore = page.doc.body.innerHTML;
    await page.controller.start();
    await settle();
    page.controller.destroy();
    expect(page.events.at(-1)?.type).toBe(CONTENT_TO_OVERLAY_DESTROY);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.doc.querySelector('style')).toBeNull();
    expect(page.highlights.registry.size).toBe(0);
    expect(page.deliver({ type: 'background/run-on-demand' })).toBeUndefined();
    expect(page.doc.body.innerHTML).toBe(bodyBefore);
  });
});

describe('the content script elsewhere', () => {
  test('a front page is not analysed by itself', async () => {
    const page = setup(FRONT_PAGE);
    await page.controller.start();
    await settle();
    expect(page.sent).toEqual([]);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    page.controller.destroy();
  });

  test.each([
    [{ autoRun: false }],
    [{ allowedSites: ['elsewhere.example'] }],
  ])('settings %j keep it from running by itself', async (settings) => {
    const page = setup(ARTICLE_PAGE, { settings });
    await page.controller.start();
    await settle();
    expect(page.sent).toEqual([]);
  });

  test('run on demand reads any page, opens the panel and shows the analysis', async () => {
    const page = setup(FRONT_PAGE, { settings: { autoRun: false } });
    await page.controller.start();
    await expect(page.deliver({ type: 'background/run-on-demand' })).resolves.toEqual(ok(null));
    await until(() => page.events.some((e) => (e.detail as { status?: string } | null)?.status === 'done'));
    expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article']);
    expect(page.events.map((e) => [e.type, (e.detail as { status?: string; open?: boolean } | null)?.status ?? (e.detail as { open?: boolean } | null)?.open ?? null])).toEqual([
      [CONTENT_TO_OVERLAY_MOUNT, null],
      [CONTENT_TO_OVERLAY_STATE, 'analyzing'],
      [CONTENT_TO_OVERLAY_TOGGLE, true],
      [CONTENT_TO_OVERLAY_STATE, 'done'],
    ]);
  });

  test('the toolbar button toggles a shown result (no second analysis), and retries after an error', async () => {
    const page = setup(FRONT_PAGE, { settings: { autoRun: false } });
    await page.controller.start();
    await page.deliver({ type: 'background/run-on-demand' });
    await until(() => page.events.some((e) => (e.detail as { status?: string } | null)?.status === 'done'));
    await page.deliver({ type: 'background/run-on-demand' });
    await page.deliver({ type: 'background/run-on-demand' });
    expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article']);
    expect(page.events.slice(-2)).toEqual([
      { type: CONTENT_TO_OVERLAY_TOGGLE, detail: { focusList: true } },
      { type: CONTENT_TO_OVERLAY_TOGGLE, detail: { focusList: true } },
    ]);

    const failing = setup(FRONT_PAGE, { settings: { autoRun: false }, reply: () => Promise.resolve(err(new Error('engine failed'))) });
    await failing.controller.start();
    await failing.deliver({ type: 'background/run-on-demand' });
    await until(() => (states(failing).at(-1) as { status: string } | undefined)?.status === 'error');
    await failing.deliver({ type: 'background/run-on-demand' });
    await until(() => failing.sent.filter((m) => m.type === 'content/analyze-article').length === 2);
  });

  test('run on demand on a page with no text says so in the panel and tells the worker', async () => {
    const page = setup('<html><head><title>x</title></head><body><div></div></body></html>');
    await page.controller.start();
    await page.deliver({ type: 'background/run-on-demand' });
    await settle();
    expect(page.sent.map((m) => m.type)).toEqual(['content/no-article']);
    expect((page.events.at(-1)!.detail as { status: string }).status).toBe('error');
  });

  test('an article that appears after load is analysed once the page settles', async () => {
    const page = setup('<html><head><title>Budget vote</title><meta property="og:type" content="article"></head><body><div id="app"></div></body></html>');
    await page.controller.start();
    expect(page.sent).toEqual([]);
    page.doc.getElementById('app')!.innerHTML = `<article>${BODY}</article>`;
    await new Promise((resolve) => setTimeout(resolve, RETRY_QUIET_MS + 200));
    expect(MAX_RETRIES).toBeGreaterThan(0);
    expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article']);
    page.controller.destroy();
  });

  test('a page cut at the text limit tells the overlay how much was read', async () => {
    const paragraph = `<p>${'The council met on Tuesday to vote on the budget for the coming year. '.repeat(40)}</p>`;
    const page = setup(ARTICLE_PAGE.replace('</article>', `${paragraph.repeat(80)}</article>`));
    await page.controller.start();
    await settle();
    const state = page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_STATE).at(-1)?.detail as { analysis?: { truncatedAt?: number } };
    expect(state?.analysis?.truncatedAt).toBe(MAX_ARTICLE_CHARS);
    page.controller.destroy();
  });

  test('an article that appears after load on a page whose DOM never goes quiet (a clock) is analysed all the same', async () => {
    const page = setup('<html><head><title>Budget vote</title><meta property="og:type" content="article"></head><body><p id="clock">0</p><div id="app"></div></body></html>');
    await page.controller.start();
    const clock = page.doc.getElementById('clock')!;
    let tick = 0;
    const ticking = setInterval(() => (clock.textContent = String(++tick)), RETRY_QUIET_MS * 0.9);
    try {
      page.doc.getElementById('app')!.innerHTML = `<article>${BODY}</article>`;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MAX_WAIT_MS + 600));
      expect(page.sent.map((m) => m.type)).toEqual(['content/analyze-article']);
    } finally {
      clearInterval(ticking);
      page.controller.destroy();
    }
  }, 10_000);
});

describe('after an extension update cuts the script off', () => {
  test('an invalidated context is noticed on the next use and everything is taken down', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await settle();
    page.api.runtime.id = undefined;
    expect(page.controller.alive()).toBe(false);
    select(page.doc, 'q1');
    expect(page.controller.destroyed).toBe(true);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.highlights.registry.size).toBe(0);
  });

  test('sendMessage failing with "Extension context invalidated" takes everything down', async () => {
    const page = setup(FRONT_PAGE, {
      reply: async () => {
        throw new Error('Extension context invalidated.');
      },
    });
    await page.controller.start();
    await page.deliver({ type: 'background/run-on-demand' });
    await settle();
    expect(page.controller.destroyed).toBe(true);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
  });
});

/** A second article, as a single-page site would render it in place of the first. */
const SECOND_BODY = `
<h1>Harbour plan</h1>
<p>The port authority unveiled its harbour plan on Friday, after two years of studies, surveys of the seabed and a long consultation with the fishing fleet, the ferry operators and the residents of the old town.</p>
<p>“The harbour will stay open to the fleet,” the director said, at a packed meeting in the old customs house on the quay, where the plan's drawings had been pinned to every wall of the hall.</p>
<p>Fishermen at the meeting welcomed the promise, though several of them asked how the dredging of the channel would be paid for in the years to come, and who would decide when the work began.</p>
<p>The plan goes to the regional council next month, where it needs a majority of the members present, and the authority hopes to start the first works on the northern breakwater before the winter.</p>`;

function analysisOfSecond(article: ArticlePayload): AnalysisReply {
  const text = article.text;
  const quote: Attribution = {
    id: 'h1',
    cue: span(text, 'said'),
    sources: [span(text, 'the director')],
    contents: [span(text, 'The harbour will stay open to the fleet')],
    kind: 'direct',
    speaker: { name: 'the director', type: 'person', aliases: [] },
    confidence: 0.9,
  };
  return {
    quotes: [quote],
    speakers: [{ name: 'the director', type: 'person', aliases: [], attributionIds: ['h1'], hedged: 0 }],
    canonicalUrl: article.canonicalUrl,
    engineMs: 1,
    cached: false,
  };
}

/** Answers for whichever of the two articles the page shows. */
async function replyForEither(message: ContentToBackground): Promise<Result<unknown>> {
  if (message.type !== 'content/analyze-article') return ok(null);
  return ok(message.article.text.includes('Harbour plan') ? analysisOfSecond(message.article) : analysisOf(message.article));
}

/** What a single-page site does on a link click: a new URL (history.pushState) and the new article in place of the old. */
function pushArticle(page: Setup, url: string, body = SECOND_BODY): void {
  page.location.href = url;
  page.doc.querySelector('article')!.innerHTML = body;
  page.navigation?.entryChanged();
}

/** Resolves once `condition` holds (checked every 10 ms); fails the test after `ms`. */
async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const analysedUrls = (page: Setup) =>
  page.sent.flatMap((m) => (m.type === 'content/analyze-article' ? [m.article.url] : []));
const states = (page: Setup) => page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_STATE).map((e) => e.detail as { status: string; analysis?: AnalysisReply });
const afterSettle = () => new Promise((resolve) => setTimeout(resolve, NAVIGATION_SETTLE_MS + 100));

describe('on a single-page site that changes URL', () => {
  test('the old overlay and highlights go at once, and the new article is analysed and shown once the URL settles', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither, navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    pushArticle(page, 'https://news.example/harbour-plan');
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.highlights.registry.size).toBe(0);
    expect(page.events.at(-1)?.type).toBe(CONTENT_TO_OVERLAY_DESTROY);
    await new Promise((resolve) => setTimeout(resolve, NAVIGATION_SETTLE_MS / 2));
    expect(analysedUrls(page)).toHaveLength(1);

    await until(() => page.highlights.registry.size > 0);
    expect(analysedUrls(page)).toEqual(['https://news.example/budget-vote', 'https://news.example/harbour-plan']);
    expect(page.doc.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
    expect(states(page).at(-1)!.analysis!.quotes.map((q) => q.id)).toEqual(['h1']);
    expect([...page.highlights.registry.keys()].sort()).toEqual(['s0-content', 's0-cue', 's0-source'].map((n) => `whosaid-t-${n}`));
    page.controller.destroy();
  });

  test('URL hops in quick succession are read once, at the last URL', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither, navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    pushArticle(page, 'https://news.example/harbour');
    await new Promise((resolve) => setTimeout(resolve, NAVIGATION_SETTLE_MS / 5));
    pushArticle(page, 'https://news.example/harbour-plan?ref=front');
    await until(() => page.highlights.registry.size > 0);
    expect(analysedUrls(page)).toEqual(['https://news.example/budget-vote', 'https://news.example/harbour-plan?ref=front']);
    page.controller.destroy();
  });

  test('a new hash is a jump within the article: nothing is taken down or read again', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither, navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    page.location.href = 'https://news.example/budget-vote#comments';
    page.navigation!.entryChanged();
    await afterSettle();
    expect(analysedUrls(page)).toHaveLength(1);
    expect(page.doc.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
    expect(page.highlights.registry.size).toBeGreaterThan(0);
    page.controller.destroy();
  });

  test('without the Navigation API, going back (popstate) is noticed too', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    pushArticle(page, 'https://news.example/harbour-plan');
    page.doc.defaultView!.dispatchEvent(new Event('popstate'));
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    await until(() => analysedUrls(page).length === 2);
    expect(analysedUrls(page)).toEqual(['https://news.example/budget-vote', 'https://news.example/harbour-plan']);
    page.controller.destroy();
  });

  test('a new page with no article: the old one is taken down and nothing new is shown', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither, navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    page.location.href = 'https://news.example/';
    page.doc.querySelector('main')!.innerHTML = '<nav><a href="/a">One</a> <a href="/b">Two</a></nav>';
    page.navigation!.entryChanged();
    await afterSettle();
    expect(analysedUrls(page)).toHaveLength(1);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.highlights.registry.size).toBe(0);
    page.controller.destroy();
  });

  test('a URL change while the analysis is in flight: its answer is dropped, the new article is shown', async () => {
    let answerFirst: () => void = () => undefined;
    const page = setup(ARTICLE_PAGE, {
      navigationApi: true,
      reply: (message) => {
        if (message.type === 'content/analyze-article' && !message.article.text.includes('Harbour plan')) {
          return new Promise((resolve) => (answerFirst = () => resolve(ok(analysisOf(message.article)))));
        }
        return replyForEither(message);
      },
    });
    const started = page.controller.start();
    await until(() => analysedUrls(page).length === 1);
    pushArticle(page, 'https://news.example/harbour-plan');
    answerFirst();
    await started;
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    await until(() => page.highlights.registry.size > 0);
    expect(states(page).map((s) => s.analysis?.quotes.map((q) => q.id))).toEqual([['h1']]);
    page.controller.destroy();
  });

  test('after destroy() a URL change does nothing', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither, navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    page.controller.destroy();
    expect(page.navigation!.listeners()).toBe(0);
    pushArticle(page, 'https://news.example/harbour-plan');
    await afterSettle();
    expect(analysedUrls(page)).toHaveLength(1);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
  });
});

/** The text node of `doc` that holds `phrase`, and where in it. */
function textHolding(doc: Document, phrase: string): { node: Text; offset: number } {
  const walk = (node: Node): { node: Text; offset: number } | null => {
    if (node.nodeType === 3 && (node as Text).data.includes(phrase)) return { node: node as Text, offset: (node as Text).data.indexOf(phrase) };
    for (const child of Array.from(node.childNodes)) {
      const found = walk(child);
      if (found) return found;
    }
    return null;
  };
  const found = walk(doc.body);
  if (!found) throw new Error(`"${phrase}" is not on the page`);
  return found;
}

/**
 * The user clicking the first letter of `phrase`: the browser's caret lands there and that character's
 * box is under the point. Returns how many caret lookups the content script made.
 */
function clickOn(page: Setup, phrase: string): number {
  const { node, offset } = textHolding(page.doc, phrase);
  const fake = page.doc as unknown as Record<string, unknown>;
  let caretCalls = 0;
  fake.caretPositionFromPoint = () => {
    caretCalls++;
    return { offsetNode: node, offset };
  };
  fake.getSelection = () => ({ isCollapsed: true });
  const createRange = fake.createRange as () => Record<string, unknown>;
  fake.createRange = () => ({ ...createRange(), setStart() {}, getClientRects: () => [{ left: 0, right: 20, top: 0, bottom: 20 }] });
  const event = new Event('click', { bubbles: true, cancelable: true });
  Object.assign(event, { clientX: 10, clientY: 10, button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false });
  Object.defineProperty(event, 'isTrusted', { value: true });
  node.parentElement!.dispatchEvent(event);
  fake.createRange = createRange;
  return caretCalls;
}

const reveals = (page: Setup) => page.events.filter((event) => event.type === CONTENT_TO_OVERLAY_REVEAL).map((event) => event.detail);

describe('a click inside a highlight', () => {
  test('tells the overlay, over the link, to reveal that attribution; the page does not scroll', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    clickOn(page, 'budget was balanced');
    clickOn(page, 'raise taxes');
    expect(reveals(page)).toEqual([{ attributionId: 'q2' }, { attributionId: 'q1' }]);
    expect(page.scrolls).toEqual([]);
  });

  test('a click on plain text tells the overlay nothing', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    expect(clickOn(page, 'Residents at the meeting')).toBe(1);
    expect(clickOn(page, 'the city could keep')).toBe(1);
    expect(reveals(page)).toEqual([]);
  });

  test('on a new URL the old page stops listening for clicks, and the new one listens once it is shown', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither, navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    pushArticle(page, 'https://news.example/harbour-plan');
    expect(clickOn(page, 'harbour will stay open')).toBe(0);
    await until(() => page.highlights.registry.size > 0);
    clickOn(page, 'harbour will stay open');
    expect(reveals(page)).toEqual([{ attributionId: 'h1' }]);
  });

  test('a new run stops the listeners of the run before it; destroy() stops everything', async () => {
    let answer: (() => void) | null = null;
    let analyses = 0;
    const page = setup(ARTICLE_PAGE, {
      reply: (message) => {
        if (message.type !== 'content/analyze-article') return Promise.resolve(ok(null));
        // The first analysis is answered at once, the second only when the test says so.
        if (analyses++ === 0) return Promise.resolve(ok(analysisOf(message.article)));
        return new Promise((resolve) => (answer = () => resolve(ok(analysisOf(message.article)))));
      },
    });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    void page.controller.run('demand');
    await until(() => answer !== null);
    expect(clickOn(page, 'raise taxes')).toBe(0);
    answer!();
    await until(() => clickOn(page, 'raise taxes') === 1);
    expect(reveals(page)).toEqual([{ attributionId: 'q1' }]);
    page.controller.destroy();
    expect(clickOn(page, 'raise taxes')).toBe(0);
  });
});

describe('declaredAddress: the address the page names, for the worker to judge', () => {
  const pageWith = (head: string) => {
    const page = parseDocumentWithEvents(`<html><head>${head}</head><body><p>x</p></body></html>`);
    page.restore();
    return page.doc;
  };
  // Whether it is on the page's own site is the worker's call: tests/shared/site.test.ts, tests/background.
  test.each([
    ['a canonical link', '<link rel="canonical" href="https://www.news.example/story">', 'https://m.news.example/story?utm=1#top', 'https://www.news.example/story'],
    ['a relative canonical link, resolved against the page', '<link rel="canonical" href="/story">', 'https://m.news.example/a', 'https://m.news.example/story'],
    ['og:url', '<meta property="og:url" content="https://other.example/fake">', 'https://news.example/a', 'https://other.example/fake'],
    ['a script address: the page\'s own', '<link rel="canonical" href="javascript:alert(1)">', 'https://news.example/a#b', 'https://news.example/a'],
    ['no canonical link', '', 'https://news.example/a#b', 'https://news.example/a'],
  ])('%s', (_what, head, pageUrl, expected) => {
    expect(declaredAddress(pageWith(head), pageUrl)).toBe(expected);
  });
});

describe('the desk on a page', () => {
  /** A worker whose desk is a real store over memory: what the content script sends is what gets stored. */
  function deskWorker() {
    const area = new MemoryArea();
    const store = createDeskStore(area);
    const reply = async (message: ContentToBackground): Promise<Result<unknown>> => {
      if (message.type === 'content/desk-article') {
        const stored = await store.article(message.url);
        return ok({ stored, keeps: (await store.settings()).keepAll || (stored !== null && isKept(stored)) });
      }
      if (message.type === 'content/review') return ok(await store.review(message.article, message.claim, message.patch));
      if (message.type === 'content/desk-record') return ok(await store.recordAnalysis(message.article, message.claims));
      if (message.type === 'content/desk-pin') return ok(await store.pin(message.article, message.claims, message.pinned).then(() => null));
      return ok(null);
    };
    return { area, store, reply };
  }
  const lastDone = (page: Setup) => states(page).filter((state) => state.status === 'done').at(-1) as { analysis: AnalysisReply; desk?: PageDesk } | undefined;
  const review = (page: Setup, id: string, patch: object) =>
    overlayLinks().get(page.doc.querySelector(OVERLAY_TAG)!)!.toContent({ type: OVERLAY_TO_CONTENT_REVIEW, detail: { id, patch } });

  test('a mark is stored with the article title and address, and is placed back on the next visit, markup changed', async () => {
    const worker = deskWorker();
    const page = setup(ARTICLE_PAGE, { deskReply: worker.reply });
    await page.controller.start();
    await until(() => lastDone(page)?.desk !== undefined);
    expect(lastDone(page)!.desk!.article).toMatchObject({ url: 'https://news.example/budget-vote', title: 'Budget vote', outlet: 'news.example' });
    review(page, 'q1', { mark: 'disputed', note: 'Said the opposite in May' });
    await until(() => lastDone(page)!.desk!.reviews.q1?.mark === 'disputed');
    const [stored] = (await worker.store.load()).articles;
    expect(stored.claims[0]).toMatchObject({ content: 'We will not raise taxes this year', review: { mark: 'disputed', note: 'Said the opposite in May' } });

    // The next visit: the same article with different markup around the passage.
    const changed = ARTICLE_PAGE.replace('<main><article><h1>Budget vote</h1>', '<main><div class="ad">Advertisement</div><article><h1>Budget vote</h1><div class="wrap">').replace('</article>', '</div></article>');
    const next = setup(changed, { deskReply: worker.reply });
    await next.controller.start();
    await until(() => lastDone(next)?.desk !== undefined);
    expect(lastDone(next)!.desk!.reviews).toEqual({ q1: expect.objectContaining({ mark: 'disputed', note: 'Said the opposite in May' }) });
    expect(lastDone(next)!.desk!.orphans).toEqual([]);
  });

  test("a page sends its claims to the desk only when the desk keeps them: everything kept, or the article already kept", async () => {
    const worker = deskWorker();
    const records = (page: Setup) => page.deskSent.filter((message) => message.type === 'content/desk-record').length;
    const first = setup(ARTICLE_PAGE, { deskReply: worker.reply });
    await first.controller.start();
    await until(() => lastDone(first)?.desk !== undefined);
    expect(records(first)).toBe(0);
    review(first, 'q1', { mark: 'checked' });
    await until(() => lastDone(first)!.desk!.reviews.q1?.mark === 'checked');

    // Reviewed, so kept: the next visit refreshes its claims.
    const kept = setup(ARTICLE_PAGE, { deskReply: worker.reply });
    await kept.controller.start();
    await until(() => records(kept) === 1);

    // Everything kept: an article never reviewed is recorded too.
    await worker.store.setSettings({ keepAll: true });
    const other = setup(ARTICLE_PAGE.replace('https://news.example/budget-vote', 'https://news.example/other-vote'), { url: 'https://news.example/other-vote', deskReply: worker.reply });
    await other.controller.start();
    await until(() => records(other) === 1);
    let recorded = false;
    await until(() => {
      void worker.store.load().then(({ articles }) => (recorded = articles.some((article) => article.url === 'https://news.example/other-vote')));
      return recorded;
    });
  });

  test('the page is filed under the address the worker answered, not one the page names on another site', async () => {
    const worker = deskWorker();
    const html = ARTICLE_PAGE.replace('https://news.example/budget-vote', 'https://victim.github.io/real-story');
    // The worker keeps a canonical link only on the page's own site (shared/site, tested with the worker).
    const reply = async (message: ContentToBackground) =>
      message.type === 'content/analyze-article' ? ok({ ...analysisOf(message.article), canonicalUrl: 'https://evil.github.io/budget-vote' }) : ok(null);
    const page = setup(html, { url: 'https://evil.github.io/budget-vote#top', reply, deskReply: worker.reply });
    await page.controller.start();
    await until(() => lastDone(page)?.desk !== undefined);
    expect(lastDone(page)!.desk!.article.url).toBe('https://evil.github.io/budget-vote');
    expect(page.deskSent.filter((message) => message.type === 'content/desk-article')).toEqual([{ type: 'content/desk-article', url: 'https://evil.github.io/budget-vote' }]);
    review(page, 'q1', { mark: 'disputed' });
    await until(() => lastDone(page)!.desk!.reviews.q1?.mark === 'disputed');
    expect((await worker.store.load()).articles.map((article) => article.url)).toEqual(['https://evil.github.io/budget-vote']);
  });

  test('a corrected speaker wins: the panel and the highlights get the corrected name', async () => {
    const worker = deskWorker();
    const page = setup(ARTICLE_PAGE, { deskReply: worker.reply });
    await page.controller.start();
    await until(() => lastDone(page)?.desk !== undefined);
    const highlightNames = () => [...page.highlights.registry.keys()].sort().join(',');
    review(page, 'q2', { speaker: 'Jane Doe' });
    await until(() => lastDone(page)!.analysis.quotes.find((q) => q.id === 'q2')!.speaker!.name === 'Jane Doe');
    expect(lastDone(page)!.analysis.speakers.map((s) => [s.name, s.attributionIds])).toEqual([['Jane Doe', ['q1', 'q2']]]);
    // One speaker left: every highlight is in the first speaker's colour.
    await until(() => !highlightNames().includes('-s1-'));
  });

  test('the open panel follows the desk changed elsewhere: an erase clears its marks and corrections, the undo and a desk-side mark come back', async () => {
    const worker = deskWorker();
    const page = setup(ARTICLE_PAGE, { deskReply: worker.reply, storageEvents: worker.area.onChanged });
    await page.controller.start();
    await until(() => lastDone(page)?.desk !== undefined);
    review(page, 'q1', { mark: 'disputed' });
    await until(() => lastDone(page)!.desk!.reviews.q1?.mark === 'disputed');
    review(page, 'q2', { speaker: 'Jane Doe' });
    await until(() => lastDone(page)!.analysis.quotes[1].speaker!.name === 'Jane Doe');
    const speakerOf = () => lastDone(page)!.analysis.quotes.find((quote) => quote.id === 'q2')!.speaker!.name;

    // The desk page (its own store, the same storage) erases everything.
    const desk = createDeskStore(worker.area);
    const snapshot = await desk.load();
    await desk.eraseAll();
    await until(() => Object.keys(lastDone(page)!.desk!.reviews).length === 0);
    expect(speakerOf()).toBe('Tom Reyes');

    await desk.importAll(snapshot.articles, snapshot.settings);
    await until(() => lastDone(page)!.desk!.reviews.q1?.mark === 'disputed' && speakerOf() === 'Jane Doe');

    // A mark made on the desk page shows in the panel.
    const [article] = (await desk.load()).articles;
    const { review: _review, seenAt: _seenAt, ...claim } = article.claims.find((stored) => stored.content === 'that the budget was balanced')!;
    await desk.review({ url: article.url, title: article.title, outlet: article.outlet, published: article.published }, claim, { mark: 'checked' });
    await until(() => lastDone(page)!.desk!.reviews.q2?.mark === 'checked');
    expect(lastDone(page)!.desk!.reviews.q1?.mark).toBe('disputed');
  });

  test('a review the worker could not save is said in the panel', async () => {
    const page = setup(ARTICLE_PAGE, { deskReply: async (message) => (message.type === 'content/review' ? err(new Error('storage full')) : ok(null)) });
    await page.controller.start();
    await until(() => lastDone(page)?.desk !== undefined);
    review(page, 'q1', { mark: 'checked' });
    await until(() => (lastDone(page)!.desk as { notice?: string }).notice !== undefined);
    expect((lastDone(page)!.desk as { notice?: string }).notice).toBe('Your review was not saved: storage full');
  });
});

describe('a page that rebuilds the article shown (issue 21)', () => {
  /** Every highlight range on a node of the page as it is now. */
  const rangesConnected = (page: Setup) =>
    [...page.highlights.registry.values()].flatMap((highlight) => highlight.ranges).every((range) => range.startContainer.isConnected);
  const mounts = (page: Setup) => page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_MOUNT).length;

  test('hydration (the article replaced by the same markup): the highlights move to the new nodes, with no new analysis', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    const keys = [...page.highlights.registry.keys()].sort();
    const article = page.doc.querySelector('article')!;
    article.outerHTML = article.outerHTML;
    expect(rangesConnected(page)).toBe(false);
    await until(() => rangesConnected(page));
    expect([...page.highlights.registry.keys()].sort()).toEqual(keys);
    expect(analysedUrls(page)).toHaveLength(1);
    expect(mounts(page)).toBe(1);
    select(page.doc, 'q2');
    expect(page.scrolls).toEqual([['p', 'The council’s financ', { block: 'center', behavior: 'smooth' }]]);
    expect(page.highlights.registry.has('whosaid-t-flash')).toBe(true);
  });

  test('a re-render with other text is analysed anew, the panel left as the reader had it', async () => {
    const page = setup(ARTICLE_PAGE, { reply: replyForEither });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    page.doc.querySelector('article')!.innerHTML = SECOND_BODY;
    await until(() => analysedUrls(page).length === 2);
    await until(() => states(page).at(-1)!.analysis?.quotes[0]?.id === 'h1');
    expect(rangesConnected(page)).toBe(true);
    expect(page.events.filter((e) => e.type === CONTENT_TO_OVERLAY_TOGGLE)).toEqual([]);
    expect(page.doc.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
  });

  test('document.open and write (a new <html>): the overlay host is put back and the highlights mapped again, with no new analysis', async () => {
    const page = setup(ARTICLE_PAGE);
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    const markup = page.doc.documentElement.innerHTML.replace(/<whosaid-overlay[^]*?<\/whosaid-overlay>/, '');
    page.doc.removeChild(page.doc.documentElement);
    const html = page.doc.createElement('html');
    html.innerHTML = markup;
    page.doc.appendChild(html);
    expect(page.doc.querySelector(OVERLAY_TAG)).toBeNull();
    await until(() => page.doc.querySelector(OVERLAY_TAG) !== null && rangesConnected(page));
    expect(page.doc.querySelector(OVERLAY_TAG)!.parentElement).toBe(html);
    expect(mounts(page)).toBe(2);
    expect(states(page).at(-1)!.analysis!.quotes.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(analysedUrls(page)).toHaveLength(1);
  });

  test.each([
    ['with a canonical link', ARTICLE_PAGE],
    ['with none (the same text decides)', ARTICLE_PAGE.replace(/<link rel="canonical"[^>]*>/, '')],
  ])('a query rewritten by replaceState (%s) is the same page: nothing is taken down or read again', async (_, html) => {
    const page = setup(html, { navigationApi: true });
    await page.controller.start();
    await until(() => page.highlights.registry.size > 0);
    const events = page.events.length;
    page.location.href = 'https://news.example/budget-vote?utm_source=x&utm_medium=social';
    page.navigation!.entryChanged();
    page.location.href = 'https://news.example/budget-vote?ref=home';
    page.navigation!.entryChanged();
    await afterSettle();
    expect(page.events.slice(events)).toEqual([]);
    expect(analysedUrls(page)).toHaveLength(1);
    expect(page.highlights.registry.size).toBeGreaterThan(0);
    expect(page.doc.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
  });
});
