/**
 * Issue 21, in a real Chromium with the built extension: a page that hides the panel or silences the pill.
 * - Covered: once the overlay mounts, the page shows an opaque full-viewport popover (top layer, above any
 *   z-index) with pointer-events: none. The reader's clicks still land on the pill and on a mark button they
 *   cannot see; no review may be stored, and the panel says why once it is visible again. The same clicks on
 *   the same article uncovered do store the mark (the control).
 * - Silenced: the page stops every click in its capture phase, so the pill never opens; the keyboard shortcut
 *   and the toolbar button (messages from the worker, which the page cannot reach) still open the panel.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page, Worker } from 'playwright-core';
import {
  clickPointInRoot,
  describeBrowser,
  extensionWorker,
  inOverlay,
  launchBrowser,
  panelOpen,
  panelSeenInRoot,
  ROOT,
  serveFolders,
  waitForOverlay,
  waitInOverlay,
  type LaunchedBrowser,
} from './browser';

declare const chrome: {
  tabs: { query(filter: { active: boolean }): Promise<Array<{ id?: number }>>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

const ITEM = '[data-speaker="Ryan Dillon"] .item[data-attribution]';

/** Shows the cover as soon as the overlay's host is on the page. */
const COVER_SCRIPT = `<script>
(() => {
  const cover = () => {
    if (document.getElementById('cover')) return;
    const veil = document.createElement('div');
    veil.id = 'cover';
    veil.setAttribute('popover', 'manual');
    veil.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;background:#fff;opacity:1;pointer-events:none';
    veil.textContent = 'Nothing to see here.';
    document.body.appendChild(veil);
    veil.showPopover();
  };
  const hosted = () => [...document.documentElement.children].some((child) => child !== document.head && child !== document.body);
  if (hosted()) cover();
  else new MutationObserver((_, observer) => { if (hosted()) { observer.disconnect(); cover(); } }).observe(document.documentElement, { childList: true });
})();
</script>`;

const EAT_CLICKS_SCRIPT = `<script>
window.addEventListener('click', (event) => { event.stopImmediatePropagation(); event.preventDefault(); }, true);
</script>`;

/** The demo article under its own canonical address, with `script` at the end of its body. */
function article(slug: string, script = ''): string {
  const html = fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
  return html
    .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="http://127.0.0.1/news/${slug}">`)
    .replace('</body>', `${script}</body>`);
}

/** Clicks at the centre of an overlay element with the real mouse, wherever it is (read through the closed root). */
async function clickAt(page: Page, selector: string): Promise<void> {
  const point = (await waitInOverlay(page, clickPointInRoot, selector, { timeout: 5000 }))!;
  await page.mouse.click(point.x, point.y);
}

/** Whether the panel is shown, read in the overlay (the cover does not change what the overlay holds). */
const panelShown = (root: ShadowRoot) => {
  const panel = root.querySelector('section.panel');
  return !!panel && !panel.hasAttribute('hidden');
};

/** Marks on the desk page, by attribution key. */
async function deskMarks(browser: LaunchedBrowser): Promise<Record<string, string>> {
  const worker = await extensionWorker(browser.context);
  const origin = worker.url().match(/^chrome-extension:\/\/[^/]+/)![0];
  const desk = await browser.context.newPage();
  try {
    await desk.goto(`${origin}/desk.html`);
    await desk.waitForSelector('.lede, [data-empty]');
    return await desk.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-attribution][data-marked]')].map((node) => [node.getAttribute('data-attribution'), node.getAttribute('data-marked')])));
  } finally {
    await desk.close();
  }
}

/** What the keyboard shortcut (toggle-panel) or the toolbar button (run-on-demand) sends the active tab. */
function fromWorker(worker: Worker, type: 'background/toggle-panel' | 'background/run-on-demand') {
  return worker.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ active: true });
    return chrome.tabs.sendMessage(tab.id!, { type: message });
  }, type);
}

describeBrowser('e2e: a page that covers the panel or eats its clicks (issue 21)', () => {
  let server: { origin: string; close(): Promise<void> };
  let site: string;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-covered-site-'));
    const pages: Record<string, string> = {
      covered: article('covered-claim', COVER_SCRIPT),
      open: article('open-claim'),
      eaten: article('eaten-claim', EAT_CLICKS_SCRIPT),
    };
    const mounts: Record<string, string> = {};
    for (const [name, html] of Object.entries(pages)) {
      fs.mkdirSync(path.join(site, name));
      fs.writeFileSync(path.join(site, name, 'index.html'), html);
      mounts[`/news/2024/${name}-claim`] = path.join(site, name);
    }
    server = await serveFolders(mounts);
    browser = await launchBrowser({ headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  /**
   * Opens the panel with the pill and marks Dillon's first quote "Checked", a reader's pace apart, all by coordinates.
   * `seen`: the panel is uncovered, and the mark waits until the browser has reported it seen long enough (data-seen).
   */
  async function openAndMark(page: Page, { seen = false } = {}): Promise<string> {
    await clickAt(page, 'button.pill');
    await waitInOverlay(page, panelShown, null, { timeout: 5000 });
    await page.waitForTimeout(800);
    const key = await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-attribution') ?? null, ITEM);
    expect(key).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
    await clickAt(page, `${ITEM} .item-select`);
    await page.waitForTimeout(800);
    // A mark counts once the panel has been reported visible for DWELL_MS (IntersectionObserver v2, reported at
    // frames): on a busy machine 1.6 s of pace need not cover it, and the uncovered control's mark would be refused.
    if (seen) await waitInOverlay(page, panelSeenInRoot, null, { timeout: 5000 });
    await clickAt(page, `${ITEM} [data-mark="checked"]`);
    return key!;
  }

  test('covered by an opaque top-layer popover: the clicks reach the panel, but no mark is stored, and the panel says why when uncovered', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.origin}/news/2024/covered-claim/`);
    await waitForOverlay(page);
    expect(await page.evaluate(() => document.getElementById('cover')?.matches(':popover-open'))).toBe(true);
    // What the reader sees where the pill is: the page's cover, not WhoSaid.
    const pill = (await waitInOverlay(page, clickPointInRoot, 'button.pill', { timeout: 5000 }))!;
    expect(await page.screenshot({ clip: { x: pill.x - 2, y: pill.y - 2, width: 4, height: 4 } })).toEqual(await page.screenshot({ clip: { x: 2, y: 2, width: 4, height: 4 } }));

    await openAndMark(page);
    // The panel took the clicks (it is open and the item picked) ...
    expect(await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('aria-current'), ITEM)).toBe('true');
    await page.waitForTimeout(1000);
    // ... but nothing was stored: the browser never reported the panel seen (IntersectionObserver v2).
    expect(await inOverlay(page, (root, selector) => root.querySelector(selector)?.hasAttribute('data-marked'), ITEM)).toBe(false);
    expect(await inOverlay(page, panelSeenInRoot)).toBe(false);
    expect(await deskMarks(browser)).toEqual({});

    // Uncovered, the panel tells the reader why.
    await page.bringToFront();
    await page.evaluate(() => document.getElementById('cover')!.hidePopover());
    const notice = await waitInOverlay(page, (root) => root.querySelector('[data-notice="covered"]')?.textContent ?? null, null, { timeout: 5000 });
    expect(notice).toMatch(/covered by something on the page; your mark was not saved/);
    await waitInOverlay(page, panelSeenInRoot, null, { timeout: 5000 });
  }, 90000);

  test('control: the same clicks on the same article, uncovered, store the mark', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.origin}/news/2024/open-claim/`);
    await waitForOverlay(page);
    const key = await openAndMark(page, { seen: true });
    await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'checked', ITEM, { timeout: 5000 });
    expect(await deskMarks(browser)).toEqual({ [key]: 'checked' });
    await page.bringToFront();
    expect(await inOverlay(page, (root) => root.querySelector('[data-notice="covered"]'))).toBeNull();
  }, 90000);

  test('a page that eats every click: the pill cannot open the panel, the shortcut and the toolbar button still do', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.origin}/news/2024/eaten-claim/`);
    await waitForOverlay(page);
    await clickAt(page, 'button.pill');
    await page.waitForTimeout(500);
    expect(await panelOpen(page)).toBe(false);

    const worker = await extensionWorker(browser.context);
    expect(await fromWorker(worker, 'background/toggle-panel')).toEqual({ ok: true, value: null });
    await waitInOverlay(page, panelShown, null, { timeout: 5000 });
    expect(await fromWorker(worker, 'background/toggle-panel')).toEqual({ ok: true, value: null });
    await waitInOverlay(page, (root) => !root.querySelector('section.panel')?.checkVisibility(), null, { timeout: 5000 });
    expect(await fromWorker(worker, 'background/run-on-demand')).toEqual({ ok: true, value: null });
    await waitInOverlay(page, panelShown, null, { timeout: 5000 });
    expect(await panelOpen(page)).toBe(true);
  }, 90000);
});
