/**
 * The WebExtension seam without webextension-polyfill: listeners written as "return a Promise of the
 * reply" are adapted to the sendResponse form every browser takes, and everything else is the
 * browser's own API.
 */
import type { MessageSenderInfo, NativeApi, NativeMessageListener } from '../../src/shared/browser';

type BrowserModule = typeof import('../../src/shared/browser');

/** A native API with one onMessage event that delivers messages like a browser does. */
function fakeNative() {
  const listeners: NativeMessageListener[] = [];
  const native = {
    runtime: {
      id: 'whosaid-test',
      sendMessage(this: unknown, message: unknown) {
        return Promise.resolve({ echo: message, receiver: this === native.runtime });
      },
      onMessage: {
        addListener: (listener: NativeMessageListener) => listeners.push(listener),
        removeListener: (listener: NativeMessageListener) => listeners.splice(listeners.indexOf(listener), 1),
      },
    },
    storage: { sync: { marker: 'sync' } },
  };
  /** Delivers a message: the first listener that returns true answers later through sendResponse. */
  const deliver = (message: unknown) =>
    new Promise<{ kept: boolean; reply: unknown }>((resolve) => {
      const sender: MessageSenderInfo = { tab: { id: 1 }, frameId: 0 };
      for (const listener of listeners) {
        if (listener(message, sender, (reply) => resolve({ kept: true, reply })) === true) return;
      }
      resolve({ kept: false, reply: undefined });
    });
  return { native: native as unknown as NativeApi, listeners, deliver };
}

function load(scope: Record<string, unknown>): BrowserModule {
  const saved = { browser: (globalThis as Record<string, unknown>).browser, chrome: (globalThis as Record<string, unknown>).chrome };
  Object.assign(globalThis, { browser: scope.browser, chrome: scope.chrome });
  try {
    let loaded: BrowserModule | undefined;
    jest.isolateModules(() => {
      loaded = require('../../src/shared/browser');
    });
    return loaded!;
  } finally {
    Object.assign(globalThis, saved);
  }
}

describe('the browser seam', () => {
  test('a handler’s promised reply reaches the sender through sendResponse, with the channel kept open', async () => {
    const { native, deliver } = fakeNative();
    const { browser } = load({ chrome: native });
    browser.runtime.onMessage.addListener(async (message) => ({ ok: true, value: message }));
    await expect(deliver({ type: 'ping' })).resolves.toEqual({ kept: true, reply: { ok: true, value: { type: 'ping' } } });
  });

  test('a handler answering undefined leaves the message to others; a rejected reply is answered with nothing', async () => {
    const { native, deliver } = fakeNative();
    const { browser } = load({ chrome: native });
    browser.runtime.onMessage.addListener(() => undefined);
    await expect(deliver({ type: 'not-ours' })).resolves.toEqual({ kept: false, reply: undefined });
    browser.runtime.onMessage.addListener(() => Promise.reject(new Error('boom')));
    await expect(deliver({ type: 'fails' })).resolves.toEqual({ kept: true, reply: undefined });
  });

  test('removeListener removes the adapted listener; adding the same handler twice adds it once', () => {
    const { native, listeners } = fakeNative();
    const { browser } = load({ chrome: native });
    const handler = async () => null;
    browser.runtime.onMessage.addListener(handler);
    browser.runtime.onMessage.addListener(handler);
    expect(listeners).toHaveLength(1);
    browser.runtime.onMessage.removeListener(handler);
    expect(listeners).toHaveLength(0);
  });

  test('other calls go to the native API, on the native object', async () => {
    const { native } = fakeNative();
    const { browser } = load({ chrome: native });
    expect(browser.runtime.id).toBe('whosaid-test');
    await expect(browser.runtime.sendMessage('hi')).resolves.toEqual({ echo: 'hi', receiver: true });
    expect((browser.storage.sync as unknown as { marker: string }).marker).toBe('sync');
  });

  test('Firefox’s `browser` is preferred where it is a live extension API; else `chrome`', () => {
    const firefox = fakeNative().native;
    const chrome = fakeNative().native;
    (chrome.runtime as { id: string }).id = 'chrome';
    expect(load({ browser: firefox, chrome }).browser.runtime.id).toBe('whosaid-test');
    expect(load({ browser: {}, chrome }).browser.runtime.id).toBe('chrome');
  });

  test('outside an extension it says so instead of failing later', () => {
    expect(() => load({})).toThrow(/runs only inside the extension/);
  });
});
