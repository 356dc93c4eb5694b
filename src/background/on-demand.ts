/**
 * Toolbar button and keyboard shortcut. Both talk to the tab's content script; Chrome does not inject
 * declared content scripts into tabs that were open before the extension was installed, so when no
 * script answers, the scripts are injected once (activeTab grants access to that tab for this click).
 */
import type { BackgroundToContent } from '../shared/messages';
import { err, type Result } from '../shared/result';
import type { BackgroundApi } from './api';

/** The content scripts, in manifest order: overlay first so it listens before content mounts a host. */
export const CONTENT_SCRIPT_FILES = ['overlay.js', 'content.js'];
/** The content scripts' stylesheet (the highlights' rules: src/content/highlight-rules.ts). */
export const CONTENT_STYLE_FILES = ['highlights.css'];

function noReceiver(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /receiving end does not exist|could not establish connection|no matching message handler/i.test(message);
}

async function send(api: BackgroundApi, tabId: number, message: BackgroundToContent): Promise<Result<null>> {
  const reply = (await api.tabs.sendMessage(tabId, message, { frameId: 0 })) as Result<null> | undefined;
  return reply ?? err('the content script did not answer');
}

/** Sends a message to the tab's content script, injecting the scripts first if none is there. */
export async function sendToContent(api: BackgroundApi, tabId: number, message: BackgroundToContent): Promise<Result<null>> {
  try {
    return await send(api, tabId, message);
  } catch (error) {
    if (!noReceiver(error) || !api.scripting) return err(error);
  }
  try {
    // The stylesheet first: the script paints with its rules as soon as it runs.
    await api.scripting.insertCSS?.({ target: { tabId }, files: CONTENT_STYLE_FILES });
    await api.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPT_FILES });
    // A freshly injected script has not run yet for this page: asking it to run is what the user wants.
    return await send(api, tabId, { type: 'background/run-on-demand' });
  } catch (error) {
    // Pages the browser keeps extensions off (chrome://, the web store, PDFs) land here.
    return err(error);
  }
}

export async function activeTabId(api: BackgroundApi, tab?: { id?: number }): Promise<number | null> {
  if (typeof tab?.id === 'number' && tab.id >= 0) return tab.id;
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return typeof active?.id === 'number' ? active.id : null;
}

export function runOnDemand(api: BackgroundApi, tabId: number): Promise<Result<null>> {
  return sendToContent(api, tabId, { type: 'background/run-on-demand' });
}

export function togglePanel(api: BackgroundApi, tabId: number): Promise<Result<null>> {
  return sendToContent(api, tabId, { type: 'background/toggle-panel' });
}

export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
