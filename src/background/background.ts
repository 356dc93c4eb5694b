/**
 * The worker's wiring: one listener per event, each a thin call into a feature module. Built by
 * createBackground(api) so tests can hand in a fake API; index.ts calls it synchronously at top level,
 * as a service worker woken by an event must find its listeners registered in the first turn.
 */
import type { ContentToBackground } from '../shared/messages';
import { err, ok } from '../shared/result';
import type { BackgroundApi, MessageListener, MessageSender } from './api';
import { analysisKeyOf, analyzeArticle, type Analyzer } from './analyze-article';
import { clearBadge, showSpeakerCount } from './badge';
import { chooseArea, createStateStore, type CacheLimits, type StateStore } from './cache';
import { activeTabId, runOnDemand, togglePanel, TOGGLE_PANEL_COMMAND } from './on-demand';
import { createScheduler, Superseded } from './scheduler';

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
  return type === 'content/analyze-article' || type === 'content/no-article' || type === 'content/open-options';
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

  async function forgetTab(tabId: number): Promise<void> {
    await Promise.allSettled([store.clearTab(tabId), clearBadge(api.action, tabId)]);
  }

  // One engine job at a time, the newest per tab, tabs in turn: a tab whose page keeps changing cannot hold up
  // the others, and work a tab has moved on from is dropped.
  const scheduler = createScheduler();
  const superseded = new Superseded().message;

  async function handle(message: ContentToBackground, sender: MessageSender): Promise<unknown> {
    const tabId = topFrameTab(sender);
    switch (message.type) {
      case 'content/analyze-article': {
        const reply = await analyzeArticle(message.article, store, options.analyze, clock, (job) => scheduler.run(`tab:${tabId ?? 'none'}`, job));
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
        return reply;
      }
      case 'content/no-article':
        if (tabId !== null) await forgetTab(tabId);
        return ok(null);
      case 'content/open-options':
        if (!api.runtime.openOptionsPage) return err(new Error('this browser cannot open the options page'));
        await api.runtime.openOptionsPage();
        return ok(null);
    }
  }

  const onMessage: MessageListener = (message, sender) => {
    if (!isContentMessage(message)) return undefined;
    return handle(message, sender).catch((error) => err(error));
  };

  const onUpdated = (tabId: number, changeInfo: { status?: string }) => {
    // A navigation starts: the old page's count no longer applies; the new page's script will report.
    if (changeInfo.status === 'loading') quietly(forgetTab(tabId));
  };

  const onRemoved = (tabId: number) => quietly(store.clearTab(tabId));

  const onClicked = (tab: { id?: number }) => {
    if (typeof tab.id === 'number') quietly(runOnDemand(api, tab.id));
  };

  const onCommand = (command: string, tab?: { id?: number }) => {
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

  return {
    store,
    destroy() {
      api.runtime.onMessage.removeListener(onMessage);
      api.tabs.onUpdated.removeListener(onUpdated);
      api.tabs.onRemoved.removeListener(onRemoved);
      api.action.onClicked.removeListener(onClicked);
      api.commands?.onCommand.removeListener(onCommand);
      scheduler.destroy();
      store.destroy();
    },
  };
}
