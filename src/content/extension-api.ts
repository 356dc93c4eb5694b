/**
 * The content script's extension API: the browser's own (`browser` in Firefox, `chrome` in Chromium) rather than
 * webextension-polyfill, which was 9.7 KB of the 60 KB this script may weigh on every page a reader opens. What
 * the script uses (runtime.sendMessage, storage.sync.get, storage.onChanged, getManifest) returns promises in both
 * browsers under Manifest V3. The one difference, a listener answering with a Promise (Firefox takes it; Chromium
 * closes the channel unless the listener calls sendResponse and returns true), is bridged here. The overlay bundle
 * took the same road for the same reason (src/overlay/index.tsx); every extension page keeps the polyfill.
 */
import { err } from '../shared/result';
import type { ContentApi } from './controller';

type Listener = (message: unknown) => Promise<unknown> | undefined;
type NativeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

interface NativeApi {
  runtime: Omit<ContentApi['runtime'], 'onMessage'> & {
    onMessage: { addListener(listener: NativeListener): void; removeListener(listener: NativeListener): void };
  };
  storage: ContentApi['storage'];
}

export function contentApi(native: NativeApi): ContentApi {
  const bridged = new Map<Listener, NativeListener>();
  const onMessage: ContentApi['runtime']['onMessage'] = {
    addListener(listener) {
      if (bridged.has(listener)) return;
      const answer: NativeListener = (message, _sender, sendResponse) => {
        const reply = listener(message);
        if (!reply) return false;
        // A rejected reply still answers, so the sender's promise settles instead of waiting for the channel to close.
        reply.then(sendResponse, (error: unknown) => sendResponse(err(error)));
        return true;
      };
      bridged.set(listener, answer);
      native.runtime.onMessage.addListener(answer);
    },
    removeListener(listener) {
      const answer = bridged.get(listener);
      if (!answer) return;
      bridged.delete(listener);
      native.runtime.onMessage.removeListener(answer);
    },
  };
  const runtime = native.runtime;
  return {
    runtime: {
      get id() {
        return runtime.id;
      },
      getManifest: runtime.getManifest ? () => runtime.getManifest!() : undefined,
      sendMessage: (message) => runtime.sendMessage(message),
      onMessage,
    },
    storage: native.storage,
  };
}

/** The browser's API object in this content script, or null where there is none (a page without the extension). */
export function nativeApi(): NativeApi | null {
  const scope = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const api = scope.browser?.runtime ? scope.browser : scope.chrome;
  return api?.runtime ? api : null;
}
