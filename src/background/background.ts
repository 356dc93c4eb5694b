/**
 * The worker's wiring: one listener per event, each a thin call into a feature module. Built by
 * createBackground(api) so tests can hand in a fake API; index.ts calls it synchronously at top level,
 * as a service worker woken by an event must find its listeners registered in the first turn.
 */
import type { Attribution } from '../shared/attribution';
import { ANALYSIS_GONE, QUOTES_PER_REPLY, type ContentToBackground } from '../shared/messages';
import { err, ok } from '../shared/result';
import type { BackgroundApi, MessageListener, MessageSender } from './api';
import { analysisKeyOf, analyzeArticle, type Analyzer } from './analyze-article';
import { clearBadge, showSpeakerCount } from './badge';
import { chooseArea, createStateStore, type CacheLimits, type StateStore } from './cache';
import { activeTabId, runOnDemand, togglePanel, TOGGLE_PANEL_COMMAND } from './on-demand';
import { createScheduler, LOADING_HOLD_MS, Superseded } from './scheduler';
import { createDeskStore, isKept } from '../shared/desk/store';
import { NOTE_PAGE, readNoteFrameMessage } from '../shared/note-frame';

/** The toolbar button's menu entry and the keyboard command that open the desk. */
export const OPEN_DESK_MENU = 'open-desk';
export const OPEN_DESK_COMMAND = 'open-desk';
export const DESK_PAGE = 'desk.html';

const CONTENT_TYPES = new Set([
  'content/analyze-article', 'content/analysis-quotes', 'content/no-article', 'content/open-options', 'content/desk-article', 'content/review',
  'content/desk-record', 'content/desk-pin', 'content/open-desk',
]);

export interface BackgroundOptions {
  analyze: Analyzer;
  limits?: CacheLimits;
  now?: () => number;
  /** Monotonic clock for engine timing. */
  clock?: () => number;
}

export interface Background {
  store: StateStore;
  destroy(): void;
}

function isContentMessage(message: unknown): message is ContentToBackground {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && CONTENT_TYPES.has(type);
}

/**
 * The tab of a note frame (note.html, the extension's page framed in the panel: src/shared/note-frame.ts),
 * or null for any other sender. A content script's address is its page's, so no page can pass for it.
 */
function noteFrameTab(sender: MessageSender): number | null {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || !sender.frameId) return null;
  const address = /^(?:chrome|moz)-extension:\/\/[^/]+\/([^?#]*)/.exec(sender.url ?? '');
  return address?.[1] === NOTE_PAGE ? tabId : null;
}

/** Only the top frame of a tab talks to us; a message from elsewhere (another extension) is ignored. */
function topFrameTab(sender: MessageSender): number | null {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  return sender.frameId === undefined || sender.frameId === 0 ? tabId : null;
}

export function createBackground(api: BackgroundApi, options: BackgroundOptions): Background {
  const now = options.now ?? Date.now;
  const clock = options.clock ?? (() => performance.now());
  const version = api.runtime.getManifest?.().version ?? '0';
  const store = createStateStore(chooseArea(api.storage), { version, limits: options.limits, now });
  const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);
  // The desk lives in storage.local: it must outlast the session (storage.session is the analysis cache).
  const desk = createDeskStore(api.storage.local, { now });

  async function openDesk(): Promise<void> {
    if (!api.tabs.create || !api.runtime.getURL) throw new Error('this browser cannot open the desk');
    await api.tabs.create({ url: api.runtime.getURL(DESK_PAGE) });
  }

  async function forgetTab(tabId: number): Promise<void> {
    await Promise.allSettled([store.clearTab(tabId), clearBadge(api.action, tabId)]);
  }

  // One engine job at a time, the newest per tab, tabs in turn: a tab whose page keeps changing cannot hold up
  // the others, and work a tab has moved on from is dropped.
  const scheduler = createScheduler();
  const tabKey = (tabId: number | null) => `tab:${tabId ?? 'none'}`;
  const superseded = new Superseded().message;

  // The attributions of a long analysis not yet sent, by key, each for the tab that asked (content/analysis-quotes).
  // Held in memory only: a worker restarted between two pages answers ANALYSIS_GONE and the page asks again.
  const heldQuotes = new Map<string, { tab: string; quotes: Attribution[] }>();
  let heldCount = 0;
  const releaseTab = (tab: string) => {
    for (const [key, held] of heldQuotes) if (held.tab === tab) heldQuotes.delete(key);
  };

  async function handle(message: ContentToBackground, sender: MessageSender): Promise<unknown> {
    const tabId = topFrameTab(sender);
    switch (message.type) {
      case 'content/analyze-article': {
        const reply = await analyzeArticle(message.article, store, options.analyze, clock, (job, runOptions) => scheduler.run(tabKey(tabId), job, runOptions));
        // The tab sent newer work: this reply is for a page it has moved on from, and changes nothing.
        if (!reply.ok && reply.error === superseded) return reply;
        if (tabId !== null && reply.ok) {
          const { canonicalUrl, speakers, quotes, cached } = reply.value;
          const analysisKey = analysisKeyOf(store, message.article);
          // The badge counts the speakers the panel lists by default, as the pill does.
          const shown = new Set(quotes.filter((quote) => quote.shown !== false).map((quote) => quote.id));
          const speakerCount = speakers.filter((speaker) => speaker.attributionIds.some((id) => shown.has(id))).length;
          await Promise.allSettled([
            store.setTab(tabId, { canonicalUrl, analysisKey, speakers: speakerCount, cached, updatedAt: now() }),
            showSpeakerCount(api.action, tabId, speakerCount, shown.size),
          ]);
        } else if (tabId !== null) {
          await forgetTab(tabId);
        }
        releaseTab(tabKey(tabId));
        if (!reply.ok || reply.value.quotes.length <= QUOTES_PER_REPLY) return reply;
        const key = `${++heldCount}:${now()}`;
        heldQuotes.set(key, { tab: tabKey(tabId), quotes: reply.value.quotes });
        return ok({ ...reply.value, quotes: reply.value.quotes.slice(0, QUOTES_PER_REPLY), rest: { key, total: reply.value.quotes.length } });
      }
      case 'content/analysis-quotes': {
        const held = heldQuotes.get(message.key);
        const from = message.from;
        if (!held || held.tab !== tabKey(tabId) || !Number.isInteger(from) || from < 0 || from >= held.quotes.length) return err(new Error(ANALYSIS_GONE));
        if (from + QUOTES_PER_REPLY >= held.quotes.length) heldQuotes.delete(message.key);
        return ok({ quotes: held.quotes.slice(from, from + QUOTES_PER_REPLY) });
      }
      case 'content/no-article':
        if (tabId !== null) await forgetTab(tabId);
        return ok(null);
      case 'content/open-options':
        if (!api.runtime.openOptionsPage) return err(new Error('this browser cannot open the options page'));
        await api.runtime.openOptionsPage();
        return ok(null);
      case 'content/desk-article': {
        const [stored, settings] = await Promise.all([desk.article(message.url), desk.settings()]);
        return ok({ stored, keeps: settings.keepAll || (stored !== null && isKept(stored)) });
      }
      case 'content/review':
        return ok(await desk.review(message.article, message.claim, message.patch));
      case 'content/desk-record':
        return ok(await desk.recordAnalysis(message.article, message.claims));
      case 'content/desk-pin':
        await desk.pin(message.article, message.claims, message.pinned);
        return ok(null);
      case 'content/open-desk':
        await openDesk();
        return ok(null);
    }
  }

  const onMessage: MessageListener = (message, sender) => {
    // A note frame's message is for the overlay in its tab's top frame: Firefox gives frames of the extension
    // in a web page no tabs API, so the worker passes it on, and the overlay's answer back.
    const note = readNoteFrameMessage(message);
    if (note) {
      const tabId = noteFrameTab(sender);
      return tabId === null ? undefined : api.tabs.sendMessage(tabId, note, { frameId: 0 }).catch(() => null);
    }
    if (!isContentMessage(message)) return undefined;
    scheduler.noteActivity(tabKey(topFrameTab(sender)));
    return handle(message, sender).catch((error) => err(error));
  };

  const onUpdated = (tabId: number, changeInfo: { status?: string }) => {
    // A navigation starts: the old page's count no longer applies; the new page's script will report. Meanwhile
    // another tab's long analysis gives the loading page the cores.
    if (changeInfo.status === 'loading') {
      scheduler.noteActivity(tabKey(tabId), LOADING_HOLD_MS);
      releaseTab(tabKey(tabId));
      quietly(forgetTab(tabId));
    }
    if (changeInfo.status === 'complete') scheduler.noteActivity(tabKey(tabId));
  };

  const onRemoved = (tabId: number) => {
    releaseTab(tabKey(tabId));
    quietly(store.clearTab(tabId));
  };

  const onClicked = (tab: { id?: number }) => {
    if (typeof tab.id === 'number') quietly(runOnDemand(api, tab.id));
  };

  const onCommand = (command: string, tab?: { id?: number }) => {
    if (command === OPEN_DESK_COMMAND) return quietly(openDesk());
    if (command !== TOGGLE_PANEL_COMMAND) return;
    quietly(
      activeTabId(api, tab).then((tabId) => (tabId === null ? null : togglePanel(api, tabId))),
    );
  };

  api.runtime.onMessage.addListener(onMessage);
  api.tabs.onUpdated.addListener(onUpdated);
  api.tabs.onRemoved.addListener(onRemoved);
  api.action.onClicked.addListener(onClicked);
  api.commands?.onCommand.addListener(onCommand);

  // The toolbar button's menu: "Open WhoSaid desk". Created on every start (a worker woken later finds it
  // already there: the duplicate error is ignored).
  const onMenuClicked = (info: { menuItemId?: string | number }) => {
    if (info.menuItemId === OPEN_DESK_MENU) quietly(openDesk());
  };
  try {
    api.contextMenus?.create({ id: OPEN_DESK_MENU, title: 'Open WhoSaid desk', contexts: ['action'] }, () => void api.runtime.lastError);
  } catch {
    // Already created by an earlier start of this worker.
  }
  api.contextMenus?.onClicked.addListener(onMenuClicked);

  return {
    store,
    destroy() {
      api.runtime.onMessage.removeListener(onMessage);
      api.tabs.onUpdated.removeListener(onUpdated);
      api.tabs.onRemoved.removeListener(onRemoved);
      api.action.onClicked.removeListener(onClicked);
      api.commands?.onCommand.removeListener(onCommand);
      api.contextMenus?.onClicked.removeListener(onMenuClicked);
      scheduler.destroy();
      store.destroy();
    },
  };
}
