import { contentApi, nativeApi } from '../../src/content/extension-api';

type NativeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

/** Chromium's rule: a listener's return value is ignored unless it is `true`, which keeps the channel for sendResponse. */
function fakeChromium() {
  const listeners = new Set<NativeListener>();
  let id: string | undefined = 'whosaid-id';
  return {
    native: {
      runtime: {
        get id() {
          return id;
        },
        getManifest: () => ({ version: '1.2.3' }),
        sendMessage: jest.fn(async (message: unknown) => ({ echoed: message })),
        onMessage: { addListener: (l: NativeListener) => listeners.add(l), removeListener: (l: NativeListener) => listeners.delete(l) },
      },
      storage: { sync: { get: async (keys: Record<string, unknown>) => keys } },
    },
    listeners,
    invalidate: () => (id = undefined),
    /** Delivers a message as Chromium does: the reply is what sendResponse got, once, if the channel was kept. */
    deliver(message: unknown): Promise<unknown> {
      return new Promise((resolve) => {
        let kept = false;
        for (const listener of listeners) kept = listener(message, {}, resolve) || kept;
        if (!kept) resolve('channel closed');
      });
    },
  };
}

describe('contentApi (the browser API without webextension-polyfill)', () => {
  it('answers a message with the Promise a listener returns, through sendResponse', async () => {
    const chromium = fakeChromium();
    const api = contentApi(chromium.native);
    api.runtime.onMessage.addListener((message) => (message === 'ping' ? Promise.resolve({ ok: true, value: 'pong' }) : undefined));
    await expect(chromium.deliver('ping')).resolves.toEqual({ ok: true, value: 'pong' });
  });

  it('leaves a message no listener answers to others (the channel is not kept)', async () => {
    const chromium = fakeChromium();
    const api = contentApi(chromium.native);
    api.runtime.onMessage.addListener(() => undefined);
    await expect(chromium.deliver('not mine')).resolves.toBe('channel closed');
  });

  it('answers a rejected reply with an error Result, so the sender does not wait', async () => {
    const chromium = fakeChromium();
    const api = contentApi(chromium.native);
    api.runtime.onMessage.addListener(() => Promise.reject(new Error('gone')));
    await expect(chromium.deliver('x')).resolves.toEqual({ ok: false, error: 'gone' });
  });

  it('removes the very listener it added, once, and adds the same listener once', async () => {
    const chromium = fakeChromium();
    const api = contentApi(chromium.native);
    const listener = () => Promise.resolve('reply');
    api.runtime.onMessage.addListener(listener);
    api.runtime.onMessage.addListener(listener);
    expect(chromium.listeners.size).toBe(1);
    api.runtime.onMessage.removeListener(listener);
    api.runtime.onMessage.removeListener(listener);
    expect(chromium.listeners.size).toBe(0);
    await expect(chromium.deliver('x')).resolves.toBe('channel closed');
  });

  it('reads runtime.id live: an extension reloaded under the page is seen as gone', () => {
    const chromium = fakeChromium();
    const api = contentApi(chromium.native);
    expect(api.runtime.id).toBe('whosaid-id');
    chromium.invalidate();
    expect(api.runtime.id).toBeUndefined();
  });

  it('passes sendMessage, getManifest and storage through', async () => {
    const chromium = fakeChromium();
    const api = contentApi(chromium.native);
    await expect(api.runtime.sendMessage({ type: 'x' })).resolves.toEqual({ echoed: { type: 'x' } });
    expect(api.runtime.getManifest?.().version).toBe('1.2.3');
    await expect(api.storage.sync.get({ a: 1 })).resolves.toEqual({ a: 1 });
  });
});

describe('nativeApi', () => {
  const scope = globalThis as { browser?: unknown; chrome?: unknown };
  afterEach(() => {
    delete scope.browser;
    delete scope.chrome;
  });

  it('takes Firefox’s browser first, Chromium’s chrome otherwise, and nothing outside an extension', () => {
    expect(nativeApi()).toBeNull();
    scope.chrome = { runtime: { id: 'c' } };
    expect(nativeApi()).toBe(scope.chrome);
    scope.browser = { runtime: { id: 'b' } };
    expect(nativeApi()).toBe(scope.browser);
    scope.browser = {};
    expect(nativeApi()).toBe(scope.chrome);
    scope.chrome = {};
    expect(nativeApi()).toBeNull();
  });
});
