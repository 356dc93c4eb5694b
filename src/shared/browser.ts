/**
 * The one place extension code gets the WebExtension API from: `browser` with promises in Chrome and
 * Firefox alike (webextension-polyfill). Code under test receives a fake API object instead of
 * importing this module.
 */
import browserApi from 'webextension-polyfill';

export const browser = browserApi;
export type { Browser } from 'webextension-polyfill';
