import { createBackground, type Background } from '../../src/background/background';
import type { Attribution } from '../../src/shared/attribution';
import { ANALYSIS_GONE, QUOTES_PER_REPLY, type AnalysisReply, type ArticlePayload } from '../../src/shared/messages';
import type { Result } from '../../src/shared/result';
import { LOADING_HOLD_MS, YIELD_MS } from '../../src/background/scheduler';
import { countingAnalyzer } from './analyzer-double';
import { FakeBrowser, settle } from './fake-browser';

function article(text: string, canonicalUrl = 'https://news.example/story'): ArticlePayload {
  return { url: canonicalUrl + '#top', canonicalUrl, title: 'Story', text };
}

const TWO_SPEAKERS = 'Taxes will rise, Smith said. They will not, Jones said. Maybe, Smith said.';

let api: FakeBrowser;
let engine: ReturnType<typeof countingAnalyzer>;
let background: Background;

beforeEach(() => {
  api = new FakeBrowser();
  engine = countingAnalyzer();
  background = createBackground(api, { analyze: engine.analyze });
});
afterEach(() => background.destroy());

async function analyse(text: string, tabId = 1, url?: string): Promise<Result<AnalysisReply>> {
  return (await api.message({ type: 'content/analyze-article', article: article(text, url) }, tabId)) as Result<AnalysisReply>;
}

describe('background: a long analysis in parts (content/analysis-quotes)', () => {
  const LONG = Array.from({ length: QUOTES_PER_REPLY * 2 + 7 }, (_, k) => `Line ${k} was read, Smith said.`).join(' ');
  const part = (key: string, from: number, tabId = 1) => api.message({ type: 'content/analysis-quotes', key, from }, tabId) as Promise<Result<{ quotes: Attribution[] }>>;

  test('the reply holds the first QUOTES_PER_REPLY attributions and says how many there are; the rest come in order, then are let go', async () => {
    const reply = await analyse(LONG);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const total = QUOTES_PER_REPLY * 2 + 7;
    expect(reply.value.quotes.map((q) => q.id)).toEqual(Array.from({ length: QUOTES_PER_REPLY }, (_, k) => `q${k}`));
    expect(reply.value.rest).toEqual({ key: expect.any(String), total });
    // The badge counts every attribution's speaker, not only the first part's.
    expect(api.titles.get(1)).toMatch(new RegExp(`${total} quotes`));
    const key = reply.value.rest!.key;
    const second = await part(key, QUOTES_PER_REPLY);
    const third = await part(key, QUOTES_PER_REPLY * 2);
    expect(second.ok && second.value.quotes.map((q) => q.id)).toEqual(Array.from({ length: QUOTES_PER_REPLY }, (_, k) => `q${k + QUOTES_PER_REPLY}`));
    expect(third.ok && third.value.quotes.map((q) => q.id)).toEqual(Array.from({ length: 7 }, (_, k) => `q${k + QUOTES_PER_REPLY * 2}`));
    expect(await part(key, QUOTES_PER_REPLY)).toEqual({ ok: false, error: ANALYSIS_GONE });
  });

  test('no part for another tab, an unknown key, an index out of range, or after the tab asked for a new analysis', async () => {
    const reply = await analyse(LONG, 1);
    const key = reply.ok ? reply.value.rest!.key : '';
    expect(await part(key, QUOTES_PER_REPLY, 2)).toEqual({ ok: false, error: ANALYSIS_GONE });
    expect(await part('1:0-forged', QUOTES_PER_REPLY)).toEqual({ ok: false, error: ANALYSIS_GONE });
    expect(await part(key, -1)).toEqual({ ok: false, error: ANALYSIS_GONE });
    expect(await part(key, 1.5)).toEqual({ ok: false, error: ANALYSIS_GONE });
    await analyse(TWO_SPEAKERS, 1);
    expect(await part(key, QUOTES_PER_REPLY)).toEqual({ ok: false, error: ANALYSIS_GONE });
  });

  test('a short analysis comes whole, with no rest', async () => {
    const reply = await analyse(TWO_SPEAKERS);
    expect(reply.ok && reply.value.rest).toBeUndefined();
  });
});

describe('background: content/analyze-article', () => {
  test('replies with the engine analysis as an ok Result', async () => {
    const reply = await analyse(TWO_SPEAKERS);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.speakers.map((s) => s.name)).toEqual(['Smith', 'Jones']);
    expect(reply.value.quotes).toHaveLength(3);
    expect(reply.value.cached).toBe(false);
    expect(reply.value.canonicalUrl).toBe('https://news.example/story');
    expect(reply.value.engineMs).toBeGreaterThanOrEqual(0);
  });

  test('sets the badge of the sending tab to the number of speakers', async () => {
    await analyse(TWO_SPEAKERS, 4);
    expect(api.badges.get(4)).toBe('2');
    expect(api.badges.has(1)).toBe(false);
    // Labelled: the button's title says the badge counts speakers, as the pill does.
    expect(api.titles.get(4)).toMatch(/^WhoSaid: 2 speakers \(badge\), \d+ quotes? on this page/);
  });

  test('answers the same text again from the cache without running the engine', async () => {
    await analyse(TWO_SPEAKERS, 1);
    const again = await analyse(TWO_SPEAKERS, 2);
    expect(engine.calls).toHaveLength(1);
    expect(again.ok && again.value.cached).toBe(true);
    expect(again.ok && again.value.speakers).toHaveLength(2);
    expect((await background.store.getTab(2))?.cached).toBe(true);
  });

  test('block quotations reach the engine as hints, and a change in them is a new analysis', async () => {
    const quoted = { ...article(TWO_SPEAKERS), blockQuotes: [{ start: 0, end: 15 }, { start: 9, end: 3 }, { start: 'x', end: 4 }] };
    await api.message({ type: 'content/analyze-article', article: quoted as unknown as ArticlePayload }, 1);
    expect(engine.hints[0]).toEqual({ blockQuotes: [{ start: 0, end: 15 }] });
    await analyse(TWO_SPEAKERS, 2);
    expect(engine.calls).toHaveLength(2);
    expect(engine.hints[1]).toEqual({});
  });

  test('a tab flooding the worker with new texts is served in turn with the others, its older work dropped', async () => {
    const send = (n: number) => api.message({ type: 'content/analyze-article', article: article(`Version ${n}, Smith said.`, `https://busy.example/${n}`) }, 1);
    await send(0);
    const flood = [1, 2, 3, 4].map(send);
    const quiet = api.message({ type: 'content/analyze-article', article: article(TWO_SPEAKERS, 'https://news.example/quiet') }, 2);
    const replies = (await Promise.all([...flood, quiet])) as Array<Result<AnalysisReply>>;
    // The busy tab was served last, so the quiet tab goes first; of the flood only the newest text runs.
    expect(engine.calls).toEqual(['Version 0, Smith said.', TWO_SPEAKERS, 'Version 4, Smith said.']);
    expect(replies.map((reply) => reply.ok || reply.error)).toEqual([
      'superseded by a newer request from the same tab', 'superseded by a newer request from the same tab',
      'superseded by a newer request from the same tab', true, true,
    ]);
    // A superseded reply leaves the tab's badge alone.
    expect(api.badges.get(1)).toBe('1');
  });

  test('re-runs when the article text changed under the same URL', async () => {
    await analyse(TWO_SPEAKERS);
    const changed = await analyse(TWO_SPEAKERS + ' Later, Brown said.');
    expect(engine.calls).toHaveLength(2);
    expect(changed.ok && changed.value.cached).toBe(false);
    expect(changed.ok && changed.value.speakers).toHaveLength(3);
  });

  test('a new worker on the same storage (the old one was stopped) answers from the cache', async () => {
    await analyse(TWO_SPEAKERS);
    background.destroy();
    const restartedEngine = countingAnalyzer();
    background = createBackground(api, { analyze: restartedEngine.analyze });
    const reply = await analyse(TWO_SPEAKERS);
    expect(restartedEngine.calls).toHaveLength(0);
    expect(reply.ok && reply.value.cached).toBe(true);
  });

  test('keeps its state in storage.session, not storage.local, when session exists', async () => {
    await analyse(TWO_SPEAKERS);
    expect(api.storage.session!.data.size).toBeGreaterThan(0);
    expect(api.storage.local.data.size).toBe(0);
  });

  test('falls back to storage.local where storage.session is missing', async () => {
    background.destroy();
    api.storage.session = undefined;
    background = createBackground(api, { analyze: engine.analyze });
    await analyse(TWO_SPEAKERS);
    await analyse(TWO_SPEAKERS);
    expect(api.storage.local.data.size).toBeGreaterThan(0);
    expect(engine.calls).toHaveLength(1);
  });

  test('an engine failure becomes an error Result and clears the badge', async () => {
    await analyse(TWO_SPEAKERS, 3);
    background.destroy();
    background = createBackground(api, {
      analyze: () => {
        throw new Error('engine exploded');
      },
    });
    const reply = await analyse('Another text, Smith said.', 3);
    expect(reply).toEqual({ ok: false, error: 'engine exploded' });
    expect(api.badges.get(3)).toBe('');
  });

  test('a storage failure still returns the analysis', async () => {
    api.storage.session!.quotaBytes = 10;
    const reply = await analyse(TWO_SPEAKERS);
    expect(reply.ok && reply.value.speakers).toHaveLength(2);
  });

  const invalid: Array<[string, unknown]> = [
    ['no article', undefined],
    ['text missing', { canonicalUrl: 'https://a.example/' }],
    ['text not a string', { canonicalUrl: 'https://a.example/', text: 42 }],
    ['canonical URL empty', { canonicalUrl: '', text: 'x' }],
  ];
  test.each(invalid)('rejects a malformed payload (%s) without running the engine', async (_name, payload) => {
    const reply = (await api.message({ type: 'content/analyze-article', article: payload })) as Result<unknown>;
    expect(reply.ok).toBe(false);
    expect(engine.calls).toHaveLength(0);
  });
});

describe('background: the panel\'s settings button', () => {
  test('content/open-options opens the options page', async () => {
    const reply = await api.message({ type: 'content/open-options' }, 5);
    expect(reply).toEqual({ ok: true, value: null });
    expect(api.optionsOpened).toBe(1);
  });

  test('a browser without openOptionsPage gets an error reply, not a throw', async () => {
    const runtime = api.runtime as { openOptionsPage?: unknown };
    delete runtime.openOptionsPage;
    const reply = await api.message({ type: 'content/open-options' }, 5);
    expect(reply).toEqual({ ok: false, error: 'this browser cannot open the options page' });
  });
});

describe('background: badge and tab state follow the tab', () => {
  test('content/no-article clears the badge and the tab state', async () => {
    await analyse(TWO_SPEAKERS, 5);
    const reply = await api.message({ type: 'content/no-article', url: 'https://x.example/' }, 5);
    expect(reply).toEqual({ ok: true, value: null });
    expect(api.badges.get(5)).toBe('');
    expect(await background.store.getTab(5)).toBeNull();
  });

  test('a navigation starting in the tab clears its badge', async () => {
    await analyse(TWO_SPEAKERS, 6);
    api.tabs.onUpdated.fire(6, { status: 'loading' }, { id: 6 });
    await settle();
    expect(api.badges.get(6)).toBe('');
    expect(await background.store.getTab(6)).toBeNull();
  });

  test('another tab starting to load holds a long article’s parts until that tab is heard from (LOADING_HOLD_MS)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      background.destroy();
      background = createBackground(api, { analyze: engine.analyze });
      const long = Array.from({ length: 2_000 }, (_, k) => `Line ${k} was read, Smith said.`).join(' ');
      api.tabs.onUpdated.fire(9, { status: 'loading' }, { id: 9 });
      const reply = analyse(long, 1);
      await jest.advanceTimersByTimeAsync(YIELD_MS * 2);
      expect(engine.calls).toHaveLength(0);
      // The loaded page's first message: its hold is YIELD_MS from now, and the parts run once it is over.
      await api.message({ type: 'content/no-article', url: 'https://other.example/' }, 9);
      await jest.advanceTimersByTimeAsync(YIELD_MS + 10);
      expect(engine.calls.length).toBeGreaterThan(0);
      await jest.advanceTimersByTimeAsync(LOADING_HOLD_MS * 10);
      expect((await reply).ok).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a completed load does not clear the badge', async () => {
    await analyse(TWO_SPEAKERS, 6);
    api.tabs.onUpdated.fire(6, { status: 'complete' }, { id: 6 });
    await settle();
    expect(api.badges.get(6)).toBe('2');
  });

  test('closing the tab drops its state but keeps the cached analysis', async () => {
    await analyse(TWO_SPEAKERS, 8);
    api.tabs.onRemoved.fire(8, {});
    await settle();
    expect(await background.store.getTab(8)).toBeNull();
    await analyse(TWO_SPEAKERS, 9);
    expect(engine.calls).toHaveLength(1);
  });

  test('a message from a subframe is answered but does not set the tab badge', async () => {
    const reply = (await api.message({ type: 'content/analyze-article', article: article(TWO_SPEAKERS) }, 2, 3)) as Result<AnalysisReply>;
    expect(reply.ok).toBe(true);
    expect(api.badges.has(2)).toBe(false);
  });

  const notOurs: unknown[] = [null, 'content/analyze-article', { type: 'background/run-on-demand' }, { type: 'other-extension/ping' }, {}];
  test.each(notOurs)('leaves a message that is not a content message unanswered: %p', async (message) => {
    expect(await api.message(message)).toBeUndefined();
  });

  test('destroy() removes every listener', () => {
    background.destroy();
    const counts = [api.runtime.onMessage, api.tabs.onUpdated, api.tabs.onRemoved, api.action.onClicked, api.commands.onCommand].map((e) => e.listeners.length);
    expect(counts).toEqual([0, 0, 0, 0, 0]);
    background = createBackground(api, { analyze: engine.analyze });
  });
});

describe('background: toolbar button and shortcut', () => {
  test('the toolbar button asks the tab content script to run now', async () => {
    api.listeningTabs.add(11);
    api.action.onClicked.fire({ id: 11 });
    await settle();
    expect(api.sent).toEqual([{ tabId: 11, message: { type: 'background/run-on-demand' } }]);
    expect(api.injected).toEqual([]);
  });

  test('injects the highlights’ stylesheet, then the content scripts, overlay first, into a tab opened before install, then runs', async () => {
    api.action.onClicked.fire({ id: 12 });
    await settle();
    expect(api.injected).toEqual([{ tabId: 12, files: ['highlights.css'] }, { tabId: 12, files: ['overlay.js', 'content.js'] }]);
    expect(api.sent).toEqual([{ tabId: 12, message: { type: 'background/run-on-demand' } }]);
  });

  test('a page the browser keeps extensions off is left alone without throwing', async () => {
    api.restrictedTabs.add(13);
    api.action.onClicked.fire({ id: 13 });
    await settle();
    expect(api.sent).toEqual([]);
  });

  test('the toggle-panel command toggles the panel in the active tab', async () => {
    api.listeningTabs.add(7);
    api.commands.onCommand.fire('toggle-panel', undefined);
    await settle();
    expect(api.sent).toEqual([{ tabId: 7, message: { type: 'background/toggle-panel' } }]);
  });

  test('the command uses the tab it comes with when there is one', async () => {
    api.listeningTabs.add(21);
    api.commands.onCommand.fire('toggle-panel', { id: 21 });
    await settle();
    expect(api.sent).toEqual([{ tabId: 21, message: { type: 'background/toggle-panel' } }]);
  });

  test('an unknown command does nothing', async () => {
    api.listeningTabs.add(7);
    api.commands.onCommand.fire('_execute_action', undefined);
    await settle();
    expect(api.sent).toEqual([]);
  });
});

describe('background: the address a page is filed under', () => {
  const payload = (url: string, canonicalUrl: string): ArticlePayload => ({ ...article(TWO_SPEAKERS), url, canonicalUrl });

  test('a page on evil.github.io naming victim.github.io as its canonical address is filed under its own', async () => {
    const reply = (await api.message({ type: 'content/analyze-article', article: payload('https://evil.github.io/story#top', 'https://victim.github.io/real-story') }, 3)) as Result<AnalysisReply>;
    expect(reply.ok && reply.value.canonicalUrl).toBe('https://evil.github.io/story');
    expect((await background.store.getTab(3))?.canonicalUrl).toBe('https://evil.github.io/story');
    // Nor is the victim's cached analysis the one answered: the same text under the victim's own page is analysed anew.
    const victim = (await api.message({ type: 'content/analyze-article', article: payload('https://victim.github.io/real-story', 'https://victim.github.io/real-story') }, 4)) as Result<AnalysisReply>;
    expect(victim.ok && victim.value).toMatchObject({ canonicalUrl: 'https://victim.github.io/real-story', cached: false });
  });

  test('a canonical address on the same site is kept: m.bbc.co.uk naming www.bbc.co.uk', async () => {
    const reply = (await api.message({ type: 'content/analyze-article', article: payload('https://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1') }, 3)) as Result<AnalysisReply>;
    expect(reply.ok && reply.value.canonicalUrl).toBe('https://www.bbc.co.uk/news/1');
  });
});

describe('background: the desk', () => {
  const meta = { url: 'https://news.example/story', title: 'Story', outlet: 'News Example', published: null };
  const claim = {
    key: 'w00000001', speaker: 'Smith', speakerType: 'person', aliases: [], cue: 'said', kind: 'direct' as const, content: 'Taxes will rise',
    confidence: 0.9, certainty: null, framing: null,
    selector: { quote: { type: 'TextQuoteSelector' as const, exact: 'Taxes will rise', prefix: '', suffix: ', Smith' }, position: { type: 'TextPositionSelector' as const, start: 0, end: 15 } },
  };

  test('a review is kept in storage.local (it must outlast the session), and read back for the page', async () => {
    const saved = (await api.message({ type: 'content/review', article: meta, claim, patch: { mark: 'checked', note: 'on record' } }, 1)) as Result<{ review: { mark: string } }>;
    expect(saved.ok && saved.value.review.mark).toBe('checked');
    expect([...api.storage.local.data.keys()].some((key) => key.startsWith('desk:article:'))).toBe(true);
    expect([...(api.storage.session?.data.keys() ?? [])].some((key) => key.startsWith('desk:'))).toBe(false);
    const stored = (await api.message({ type: 'content/desk-article', url: meta.url }, 1)) as Result<{ stored: { claims: unknown[] } | null; keeps: boolean }>;
    expect(stored.ok && stored.value.stored?.claims).toHaveLength(1);
    expect(stored.ok && stored.value.keeps).toBe(true);
  });

  test('an analysed article is kept only when the reader keeps everything or already keeps it', async () => {
    expect(await api.message({ type: 'content/desk-record', article: meta, claims: [claim] }, 1)).toEqual({ ok: true, value: false });
    await api.message({ type: 'content/desk-pin', article: meta, claims: [claim], pinned: true }, 1);
    expect(await api.message({ type: 'content/desk-record', article: meta, claims: [claim] }, 1)).toEqual({ ok: true, value: true });
  });

  test('the desk opens from the panel, the toolbar menu and the keyboard command', async () => {
    await api.message({ type: 'content/open-desk' }, 1);
    expect(api.menus).toEqual([{ id: 'open-desk', title: 'Open WhoSaid desk', contexts: ['action'] }]);
    api.contextMenus.onClicked.fire({ menuItemId: 'open-desk' });
    api.commands.onCommand.fire('open-desk');
    await settle();
    expect(api.created).toEqual(['chrome-extension://whosaid/desk.html', 'chrome-extension://whosaid/desk.html', 'chrome-extension://whosaid/desk.html']);
  });
});
