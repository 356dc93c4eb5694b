/**
 * Where the worker and every extension page get the WebExtension API from: Mozilla's webextension-polyfill,
 * typed by @types/webextension-polyfill (the content scripts, injected into every page a reader opens, use the
 * browser's own API instead: src/content/extension-api.ts). It gives one promise-based `browser.*` on Chrome
 * and Firefox, including runtime.onMessage listeners that return a Promise of the reply, which Chrome cannot
 * take. Code under test receives a fake API object instead of importing this module (the polyfill refuses to
 * load outside an extension).
 *
 * Its cost, measured by `npm run bench:browser` against the hand-written adapter it replaced: see README
 * (content script size and main-thread CPU).
 */
import polyfill, { type Browser as PolyfillBrowser, type Runtime } from 'webextension-polyfill';

export type Browser = PolyfillBrowser;

/** A listener as our code writes it: a Promise of the reply, or undefined for "not my message". */
export type MessageHandler = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

export const browser: Browser = polyfill;
