/**
 * Firefox for the e2e tier: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core (which
 * never downloads a browser), with the built extension-firefox/ installed as a temporary add-on.
 * Playwright cannot load extensions into Firefox; BiDi's webExtension.install can. Where Firefox or
 * the build is missing, the tests skip loudly in a user's clone and fail under CI=true, as the
 * Chromium tier does (browser.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'puppeteer-core';
import { clickPointInRoot, describeIfAvailable, highlightsInPage, panelIsInRoot, panelOpenInRoot, readOverlayInRoot, ROOT, type HighlightSummary, type OverlayContents } from './browser';

export const FIREFOX_EXTENSION_DIR = path.join(ROOT, 'extension-firefox');
const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

/** The Firefox to drive: $WHOSAID_FIREFOX, else Debian's firefox-esr. Null when it is not installed. */
export function findFirefox(): string | null {
  const candidate = process.env.WHOSAID_FIREFOX || DEFAULT_FIREFOX;
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

/** describe() when Firefox and the built Firefox extension are there; otherwise skip loudly, or fail under CI. */
export function describeFirefox(name: string, fn: () => void): void {
  const built = fs.existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'));
  const missing = !findFirefox()
    ? `Firefox (${DEFAULT_FIREFOX} from Debian's firefox-esr, or $WHOSAID_FIREFOX; apt-get install firefox-esr)`
    : !built ? 'the built Firefox extension extension-firefox/ (run npm run build)' : null;
  describeIfAvailable('Firefox', name, missing, fn);
}

/**
 * Offline like the Chromium tier's host-resolver rules: every host but 127.0.0.1 goes to a proxy on
 * the discard port, which refuses at once. Without it, a page's external <script> can block the
 * parser for seconds while Firefox waits on the network, and the content script with it.
 */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

export interface LaunchedFirefox {
  browser: Browser;
  /** The window's first tab. */
  page: Page;
  /** The add-on id Firefox installed it under (the manifest's gecko id). */
  extensionId: string;
  /** Closes Firefox; puppeteer deletes the temporary profile. */
  close(): Promise<void>;
}

/** Firefox in a fresh temporary profile with extension-firefox/ installed, one tab open. */
export async function launchFirefox({
  headless = true,
  viewport = { width: 1280, height: 900 },
}: { headless?: boolean; viewport?: { width: number; height: number } } = {}): Promise<LaunchedFirefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`Firefox not found at ${process.env.WHOSAID_FIREFOX || DEFAULT_FIREFOX}`);
  if (!fs.existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${FIREFOX_EXTENSION_DIR}: run npm run build`);
  }
  // Loaded here, not at the top: a clone without Firefox skips without loading the driver.
  const puppeteer = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless, defaultViewport: viewport, extraPrefsFirefox: OFFLINE_PREFS });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return { browser, page, extensionId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** A BiDi command over puppeteer's connection (the overlay helpers need serialisation options puppeteer does not expose). */
interface BidiSuccess { result: { type: 'success' | 'exception'; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } } }

function bidi(page: Page, method: string, params: object): Promise<BidiSuccess> {
  const connection = (page.browser() as unknown as { connection: { send(method: string, params: object): Promise<BidiSuccess> } }).connection;
  return connection.send(method, params);
}

const ABSENT = '\u0000absent';

/**
 * Runs `fn(shadowRoot, arg)` in the page with the overlay's closed shadow root; resolves its result
 * (JSON-serialisable), or `absent` when no overlay is mounted. The page cannot reach the root; WebDriver
 * BiDi can: node serialisation with includeShadowTree "all" hands out closed roots, which a second
 * call takes as its argument.
 */
export async function inOverlay<A, R, D = null>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A, absent: D = null as D): Promise<Awaited<R> | D> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const children = await bidi(page, 'script.callFunction', {
    functionDeclaration: '() => [...document.documentElement.children]',
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    resultOwnership: 'none',
  });
  const nodes = (children.result.result?.value ?? []) as Array<{ value?: { shadowRoot?: { sharedId?: string } | null } }>;
  for (const node of nodes) {
    const sharedId = node.value?.shadowRoot?.sharedId;
    if (!sharedId) continue;
    const called = await bidi(page, 'script.callFunction', {
      functionDeclaration: `async (root, arg) => [...root.children].some((child) => child.classList.contains('mount')) ? JSON.stringify(await (${fn.toString()})(root, JSON.parse(arg)) ?? null) : ${JSON.stringify(ABSENT)}`,
      target: { context },
      arguments: [{ sharedId }, { type: 'string', value: JSON.stringify(arg ?? null) }],
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (called.result.type === 'exception') throw new Error(`in the overlay: ${called.result.exceptionDetails?.text}`);
    const value = called.result.result?.value as string;
    if (value !== ABSENT) return JSON.parse(value) as Awaited<R>;
  }
  return absent;
}

/** Polls `fn(shadowRoot, arg)` until it returns something truthy; resolves that value. */
export async function waitInOverlay<A, R>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A, { timeout = 15000, polling = 20 } = {}): Promise<Awaited<R>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await inOverlay(page, fn, arg).catch(() => null);
    if (value) return value as Awaited<R>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting in the overlay`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}

/** Clicks the first visible element matching `selector` in the overlay with the real mouse (a trusted click). */
export async function clickInOverlay(page: Page, selector: string): Promise<void> {
  const box = await waitInOverlay(page, clickPointInRoot, selector, { timeout: 5000 });
  await page.mouse.click(box!.x, box!.y);
}

/** Whether the panel is open; false when there is no overlay. */
export function panelOpen(page: Page): Promise<boolean> {
  return inOverlay(page, panelOpenInRoot, null, false);
}

/** Opens or closes the panel with the pill and waits for it. */
export async function setPanelOpen(page: Page, open: boolean): Promise<void> {
  if ((await panelOpen(page)) === open) return;
  await clickInOverlay(page, 'button.pill');
  await waitInOverlay(page, panelIsInRoot, open, { timeout: 5000 });
}

/** What the overlay shows (count and per speaker its name and text); null before it is populated. */
export function readOverlay(page: Page): Promise<OverlayContents | null> {
  return inOverlay(page, readOverlayInRoot, null);
}

/** Waits until the overlay shows a count (the background's analysis has come back); resolves its contents. */
export function waitForOverlay(page: Page, timeout = 15000): Promise<OverlayContents | null> {
  return waitInOverlay(page, readOverlayInRoot, null, { timeout, polling: 20 });
}

/** The highlights the page's document holds in CSS.highlights, read from the page itself. */
export function highlightSummary(page: Page): Promise<HighlightSummary> {
  return page.evaluate(highlightsInPage);
}

/**
 * The tab showing the extension's page `file` (e.g. "options.html") once one opens. WebDriver BiDi
 * reports an extension page's URL as about:blank, so each tab is asked for its own location.
 */
export async function waitForExtensionPage(browser: Browser, file: string, timeout = 10000): Promise<Page> {
  const deadline = Date.now() + timeout;
  const wanted = new RegExp(`^moz-extension://[^/]+/${file.replace(/\./g, '\\.')}$`);
  while (Date.now() < deadline) {
    for (const candidate of await browser.pages()) {
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (wanted.test(href)) return candidate;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no tab showed the extension's ${file} within ${timeout} ms`);
}
