/**
 * The part of the WebExtension API the background worker uses, typed narrowly so tests can pass a
 * small fake object. The real `browser` (src/shared/browser.ts) satisfies it structurally.
 */

export interface StorageArea {
  get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface ApiEvent<Listener extends (...args: never[]) => unknown> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

export interface TabLike {
  id?: number;
  url?: string;
}

export interface MessageSender {
  tab?: TabLike;
  frameId?: number;
  id?: string;
  /** The sending document's address (for an extension page, its moz-/chrome-extension:// URL). */
  url?: string;
}

export type MessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

export interface BackgroundApi {
  runtime: {
    onMessage: ApiEvent<MessageListener>;
    getManifest?(): { version: string };
    openOptionsPage?(): Promise<void>;
    getURL?(path: string): string;
    readonly lastError?: unknown;
  };
  storage: {
    /** Absent before Chrome 102 / Firefox 115: the cache then falls back to local. */
    session?: StorageArea;
    local: StorageArea;
  };
  tabs: {
    create?(properties: { url: string }): Promise<unknown>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    query(query: { active: boolean; currentWindow: boolean }): Promise<TabLike[]>;
    onUpdated: ApiEvent<(tabId: number, changeInfo: { status?: string; url?: string }, tab: TabLike) => void>;
    onRemoved: ApiEvent<(tabId: number, removeInfo: unknown) => void>;
  };
  action: {
    onClicked: ApiEvent<(tab: TabLike) => void>;
    setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
    /** The button's tooltip and accessible name: says what the badge counts. */
    setTitle?(details: { tabId?: number; title: string }): Promise<void>;
  };
  contextMenus?: {
    create(properties: { id: string; title: string; contexts: ['action'] }, callback?: () => void): unknown;
    onClicked: ApiEvent<(info: { menuItemId?: string | number }, tab?: TabLike) => void>;
  };
  commands?: {
    onCommand: ApiEvent<(command: string, tab?: TabLike) => void>;
  };
  /** Used only to inject the content scripts into a tab opened before the extension was installed. */
  scripting?: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
    insertCSS?(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
}
