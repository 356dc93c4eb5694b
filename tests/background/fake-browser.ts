/**
 * An in-memory stand-in for the parts of the WebExtension API the background worker uses. Values are
 * JSON-cloned on the way in and out, as real extension storage does, so a test cannot pass by sharing
 * an object between the worker and the store.
 */
import type { ApiEvent, BackgroundApi, StorageArea, TabLike } from '../../src/background/api';

export class FakeEvent<Listener extends (...args: never[]) => unknown> implements ApiEvent<Listener> {
  listeners: Listener[] = [];
  addListener(listener: Listener): void {
    this.listeners.push(listener);
  }
  removeListener(listener: Listener): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  /** Calls every listener; returns what each returned. */
  fire(...args: Parameters<Listener>): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}

export class FakeStorageArea implements StorageArea {
  data = new Map<string, string>();
  /** When set, a write that would grow the area past this many bytes throws, like QUOTA_BYTES. */
  quotaBytes = Infinity;
  writes = 0;

  private bytes(): number {
    let total = 0;
    for (const [key, value] of this.data) total += key.length + value.length;
    return total;
  }

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const read = (key: string, fallback?: unknown) => {
      const raw = this.data.get(key);
      if (raw !== undefined) out[key] = JSON.parse(raw);
      else if (fallback !== undefined) out[key] = fallback;
    };
    if (keys === null || keys === undefined) for (const key of this.data.keys()) read(key);
    else if (typeof keys === 'string') read(keys);
    else if (Array.isArray(keys)) keys.forEach((key) => read(key));
    else for (const [key, fallback] of Object.entries(keys)) read(key, fallback);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    let total = 0;
    for (const [key, value] of next) total += key.length + value.length;
    if (total > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.data = next;
    this.writes += 1;
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of Array.isArray(keys) ? keys : [keys]) this.data.delete(key);
  }

  size(): number {
    return this.bytes();
  }
}

export interface SentMessage {
  tabId: number;
  message: unknown;
}

export class FakeBrowser implements BackgroundApi {
  sent: SentMessage[] = [];
  injected: Array<{ tabId: number; files: string[] }> = [];
  badges = new Map<number, string>();
  badgeColours = new Map<number, string>();
  titles = new Map<number, string>();
  activeTab: TabLike = { id: 7 };
  /** Tabs whose content script answers; others reject as Chrome does when no script is there. */
  listeningTabs = new Set<number>();
  /** Tabs where injection fails (chrome://, the web store). */
  restrictedTabs = new Set<number>();

  /** How many times the options page was opened. */
  optionsOpened = 0;
  /** Tabs opened with tabs.create, by URL. */
  created: string[] = [];
  /** Menu entries created, and the menu's click event. */
  menus: Array<{ id: string; title: string; contexts: string[] }> = [];
  contextMenus = {
    create: (properties: { id: string; title: string; contexts: ['action'] }) => {
      this.menus.push(properties);
    },
    onClicked: new FakeEvent<(info: { menuItemId?: string | number }) => void>(),
  };

  runtime = {
    onMessage: new FakeEvent<(message: unknown, sender: { tab?: TabLike; frameId?: number }) => Promise<unknown> | undefined>(),
    getManifest: () => ({ version: '9.9.9' }),
    getURL: (path: string) => `chrome-extension://whosaid/${path}`,
    lastError: undefined as unknown,
    openOptionsPage: async (): Promise<void> => {
      this.optionsOpened++;
    },
  };

  storage: { session?: FakeStorageArea; local: FakeStorageArea } = {
    session: new FakeStorageArea(),
    local: new FakeStorageArea(),
  };

  tabs = {
    create: async ({ url }: { url: string }) => {
      this.created.push(url);
      return { id: 99 };
    },
    sendMessage: async (tabId: number, message: unknown): Promise<unknown> => {
      if (!this.listeningTabs.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      this.sent.push({ tabId, message });
      return { ok: true, value: null };
    },
    query: async () => [this.activeTab],
    onUpdated: new FakeEvent<(tabId: number, changeInfo: { status?: string; url?: string }, tab: TabLike) => void>(),
    onRemoved: new FakeEvent<(tabId: number, removeInfo: unknown) => void>(),
  };

  action = {
    onClicked: new FakeEvent<(tab: TabLike) => void>(),
    setBadgeText: async ({ tabId, text }: { tabId?: number; text: string }) => {
      this.badges.set(tabId ?? -1, text);
    },
    setBadgeBackgroundColor: async ({ tabId, color }: { tabId?: number; color: string }) => {
      this.badgeColours.set(tabId ?? -1, color);
    },
    setTitle: async ({ tabId, title }: { tabId?: number; title: string }) => {
      this.titles.set(tabId ?? -1, title);
    },
  };

  commands = { onCommand: new FakeEvent<(command: string, tab?: TabLike) => void>() };

  scripting = {
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      if (this.restrictedTabs.has(target.tabId)) throw new Error('Cannot access contents of the page.');
      this.injected.push({ tabId: target.tabId, files });
      this.listeningTabs.add(target.tabId);
      return [];
    },
    insertCSS: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      if (this.restrictedTabs.has(target.tabId)) throw new Error('Cannot access contents of the page.');
      this.injected.push({ tabId: target.tabId, files });
    },
  };

  /** Delivers a message as the browser would from a content script in the given tab's top frame. */
  async message(message: unknown, tabId = 1, frameId = 0): Promise<unknown> {
    const replies = this.runtime.onMessage.fire(message, { tab: { id: tabId }, frameId }).filter((r) => r !== undefined);
    if (replies.length > 1) throw new Error('more than one listener answered');
    return replies[0];
  }
}

/** Lets fire-and-forget listeners (badge clears on navigation) finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}
