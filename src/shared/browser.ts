/**
 * The one place extension code gets the WebExtension API from. Code under test receives a fake API
 * object instead of importing this module.
 *
 * No webextension-polyfill: every browser we support (Chrome ≥ 120, Firefox ≥ 140) already returns
 * promises from the calls we make when no callback is passed, Firefox as `browser`, Chrome as
 * `chrome`. The polyfill cost every page ~10 KB of content script and a few milliseconds of start-up
 * (it wraps the whole API in proxies). The one difference left is runtime.onMessage: only recent
 * Chrome accepts a Promise returned by a listener as the reply, so listeners are adapted to the form
 * both browsers have always taken (sendResponse, and `true` to keep the channel open).
 */

/** A listener as our code writes it: a Promise of the reply, or undefined for "not my message". */
export type MessageHandler = (message: unknown, sender: MessageSenderInfo) => Promise<unknown> | undefined;

export interface MessageSenderInfo {
  tab?: { id?: number; url?: string };
  frameId?: number;
  id?: string;
}

/** The listener form every browser takes: reply through sendResponse; return true when it will come later. */
export type NativeMessageListener = (message: unknown, sender: MessageSenderInfo, sendResponse: (reply: unknown) => void) => boolean | undefined;

interface NativeEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/** The part of the native API object this seam touches itself; everything else is passed through. */
export interface NativeApi {
  runtime: {
    readonly id?: string;
    onMessage: NativeEvent<NativeMessageListener>;
    [member: string]: unknown;
  };
  [namespace: string]: unknown;
}

/** Adapts a promise-returning listener; a rejection is answered with nothing (the sender sees no reply). */
export function adaptMessageHandler(handler: MessageHandler): NativeMessageListener {
  return (message, sender, sendResponse) => {
    const reply = handler(message, sender);
    if (reply === undefined) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}

export interface MessageEvent {
  addListener(handler: MessageHandler): void;
  removeListener(handler: MessageHandler): void;
}

/** runtime.onMessage taking promise-returning handlers. */
export function messageEvent(native: NativeEvent<NativeMessageListener>): MessageEvent {
  const adapted = new Map<MessageHandler, NativeMessageListener>();
  return {
    addListener(handler) {
      if (adapted.has(handler)) return;
      const listener = adaptMessageHandler(handler);
      adapted.set(handler, listener);
      native.addListener(listener);
    },
    removeListener(handler) {
      const listener = adapted.get(handler);
      if (!listener) return;
      adapted.delete(handler);
      native.removeListener(listener);
    },
  };
}

/**
 * The native API with runtime.onMessage adapted. Namespaces are read from the native object when
 * used, not copied at start-up: a content script touches only the two it needs.
 */
export function wrapBrowser(native: NativeApi): NativeApi {
  const onMessage = messageEvent(native.runtime.onMessage);
  const runtime = new Proxy(native.runtime, {
    get: (target, key) => {
      if (key === 'onMessage') return onMessage;
      const value = Reflect.get(target, key);
      // Called on the native object: some engines' bindings check the receiver.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(native, {
    get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)),
  });
}

function nativeApi(): NativeApi {
  const scope = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!api?.runtime) throw new Error('WhoSaid: no WebExtension API here (this script runs only inside the extension)');
  return api;
}

type Listener = (...args: never[]) => unknown;
interface ApiEvent<L extends Listener> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
interface StorageArea {
  get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
interface Tab {
  id?: number;
  url?: string;
}

/** The calls WhoSaid makes, as the browsers define them when no callback is passed. */
export interface Browser {
  runtime: {
    readonly id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: MessageEvent;
    getManifest(): { version: string };
    getURL(path: string): string;
  };
  storage: { sync: StorageArea; local: StorageArea; session?: StorageArea };
  tabs: {
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    query(query: { active: boolean; currentWindow: boolean }): Promise<Tab[]>;
    onUpdated: ApiEvent<(tabId: number, changeInfo: { status?: string; url?: string }, tab: Tab) => void>;
    onRemoved: ApiEvent<(tabId: number, removeInfo: unknown) => void>;
  };
  action: {
    onClicked: ApiEvent<(tab: Tab) => void>;
    setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
    setTitle(details: { tabId?: number; title: string }): Promise<void>;
  };
  commands?: {
    onCommand: ApiEvent<(command: string, tab?: Tab) => void>;
    getAll(): Promise<Array<{ name?: string; shortcut?: string; description?: string }>>;
  };
  scripting?: {
    executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown>;
  };
  i18n: { getMessage(name: string, substitutions?: string | string[]): string };
}

export const browser = wrapBrowser(nativeApi()) as unknown as Browser;
