/**
 * Issue 21: pages that rebuild themselves under the extension, in a real Chromium with the built extension
 * on the demo article. Hydration (React, Next.js) replaces the article's nodes once after load with the same
 * text; a page may document.open() and write itself again; a page may rewrite its query (utm_…) with
 * history.replaceState while the reader types a note. The highlights follow the new nodes without a new
 * analysis, the overlay comes back, and a note being typed is not lost.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page, Worker } from 'playwright-core';
import {
  clickInOverlay,
  describeBrowser,
  extensionWorker,
  focusedNoteFrame,
  inOverlay,
  launchBrowser,
  noteAddedHighlights,
  panelOpen,
  passageInBand,
  readOverlay,
  ROOT,
  saveNoteWithKeys,
  serveFolders,
  setPanelOpen,
  waitForOverlay,
  waitInOverlay,
  within,
  type LaunchedBrowser,
} from './browser';

const ITEM = '[data-speaker="Ryan Dillon"] .item[data-attribution]';
const TYPED = 'Check against the CENTCOM statement';

/** Hydration as React does it: the server's article replaced by the client's, the same markup on new nodes. */
const HYDRATE = `<script>
addEventListener('load', () => setTimeout(() => {
  const article = document.querySelector('article');
  article.outerHTML = article.outerHTML;
  window.__hydrated = true;
}, 2000));
</script>`;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Runs in the page: how many WhoSaid ranges there are, and how many start on a node still in the document. */
function rangesInPage(): { ranges: number; connected: number } {
  let ranges = 0;
  let connected = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('whosaid-')) return;
    highlight.forEach((range) => {
      ranges++;
      if (range.startContainer.isConnected && range.endContainer.isConnected) connected++;
    });
  });
  return { ranges, connected };
}

/** Counts, in the worker, the analyses content scripts ask for (a listener beside the worker's own). */
async function countAnalyses(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = self as unknown as { __analyses?: number };
    if (scope.__analyses !== undefined) return;
    scope.__analyses = 0;
    (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(fn: (message: { type?: string }) => undefined): void } } } }).chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'content/analyze-article') scope.__analyses!++;
      return undefined;
    });
  });
}

const analyses = (worker: Worker) => worker.evaluate(() => (self as unknown as { __analyses: number }).__analyses);

/** The text in the note field, wherever it lives (a frame of the extension, or the panel); null when there is none. */
async function noteDraft(page: Page): Promise<string | null> {
  for (const frame of page.frames()) {
    if (!frame.url().includes('/note.html')) continue;
    // Bounded: a frame that never gets a context to evaluate in (one being made or removed) would hang the test.
    const value = await within(frame.evaluate(() => (document.querySelector('textarea[name="note"]') as HTMLTextAreaElement | null)?.value ?? null), 2000).catch(() => null);
    if (value !== null) return value;
  }
  return inOverlay(page, (root) => (root.querySelector('textarea[name="note"]') as HTMLTextAreaElement | null)?.value ?? null, undefined, null);
}

describeBrowser('e2e: a page that rebuilds its article (issue 21)', () => {
  let server: { origin: string; close(): Promise<void> };
  let site: string;
  let browser: LaunchedBrowser;
  let worker: Worker;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-rerender-'));
    const demo = fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
    fs.mkdirSync(path.join(site, 'hydrate'));
    fs.writeFileSync(path.join(site, 'hydrate', 'index.html'), demo.replace('</body>', `${HYDRATE}\n</body>`));
    fs.mkdirSync(path.join(site, 'plain'));
    fs.writeFileSync(path.join(site, 'plain', 'index.html'), demo);
    // A folder's index is served at its mount only.
    server = await serveFolders({ '/world/hydrate': path.join(site, 'hydrate'), '/world/plain': path.join(site, 'plain') });
    // A short viewport, so picking a later quotation must scroll.
    browser = await launchBrowser({ headless: true, viewport: { width: 1100, height: 520 } });
    worker = await extensionWorker(browser.context);
    await countAnalyses(worker);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  test('hydration: the highlights move to the new nodes without a new analysis, and picking an item still finds its passage', async () => {
    const page = await browser.context.newPage();
    try {
      const asked = await analyses(worker);
      await page.goto(`${server.origin}/world/hydrate/`);
      const first = (await waitForOverlay(page))!;
      const before = await page.evaluate(rangesInPage);
      expect(before.ranges).toBeGreaterThan(0);
      expect(await analyses(worker)).toBe(asked + 1);

      await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true, null, { timeout: 10000 });
      // Every range back on the page's nodes, as many as before.
      await page.waitForFunction((count) => {
        let ranges = 0;
        let connected = 0;
        CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('whosaid-')) return;
          highlight.forEach((range) => {
            ranges++;
            if (range.startContainer.isConnected && range.endContainer.isConnected) connected++;
          });
        });
        return ranges === count && connected === count;
      }, before.ranges, { timeout: 5000, polling: 100 }).catch(async () => {
        throw new Error(`highlights after hydration: ${JSON.stringify(await page.evaluate(rangesInPage))}, before ${before.ranges}`);
      });
      // The same text: mapped again, not analysed again.
      await page.waitForTimeout(500);
      expect(await analyses(worker)).toBe(asked + 1);
      expect(await readOverlay(page)).toEqual(first);

      await page.evaluate(() => window.scrollTo(0, 0));
      await setPanelOpen(page, true);
      const itemId = await inOverlay(page, (root) => {
        const items = root.querySelectorAll('.item[data-attribution-id]');
        return items[items.length - 1]?.getAttribute('data-attribution-id') ?? null;
      });
      expect(itemId).not.toBeNull();
      const itemText = await inOverlay(page, (root, id) => root.querySelector(`[data-attribution-id="${id}"] .item-text`)?.textContent ?? '', itemId);
      const target = flat(itemText ?? '').replace(/[“”"…]/g, '').slice(0, 24);
      // The flash lasts 1.6 s from the click; read only after the smooth scroll and two waits, a busy machine
      // could miss it: the page notes every highlight added from here on.
      const addedSince = await noteAddedHighlights(page);
      await clickInOverlay(page, `[data-attribution-id="${itemId}"] button.item-select`);
      await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
      await page.waitForFunction(passageInBand, { text: target }, { timeout: 5000, polling: 50 });
      // The flash: a highlight of its own, on top of the speaker colours.
      expect((await addedSince()).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60000);

  test('document.open and write: the overlay comes back, with the highlights on the new nodes', async () => {
    const page = await browser.context.newPage();
    try {
      const asked = await analyses(worker);
      await page.goto(`${server.origin}/world/plain/`);
      const first = (await waitForOverlay(page))!;
      const before = await page.evaluate(rangesInPage);
      await page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        document.open();
        document.write(html);
        document.close();
      });
      expect(await waitForOverlay(page, 10000)).toEqual(first);
      await page.waitForFunction((count) => {
        let connected = 0;
        CSS.highlights.forEach((highlight, name) => {
          if (name.startsWith('whosaid-')) highlight.forEach((range) => void (range.startContainer.isConnected && connected++));
        });
        return connected === count;
      }, before.ranges, { timeout: 5000, polling: 100 });
      expect(await analyses(worker)).toBe(asked + 1);
    } finally {
      await page.close();
    }
  }, 60000);

  test('replaceState adding ?utm_source while a note is typed: the panel stays, the draft too, and Ctrl+Enter saves it', async () => {
    const page = await browser.context.newPage();
    try {
      const asked = await analyses(worker);
      await page.goto(`${server.origin}/world/plain/`);
      await waitForOverlay(page);
      await setPanelOpen(page, true);
      await clickInOverlay(page, `${ITEM} .item-select`);
      await clickInOverlay(page, `${ITEM} [data-note]`);
      // The keyboard is in the note field once its frame has loaded, which a fixed 300 ms need not cover on a busy
      // machine (the keys would go to the page): wait until the field has it.
      await focusedNoteFrame(page);
      await page.keyboard.type(TYPED);
      expect(await noteDraft(page)).toBe(TYPED);

      await page.evaluate(() => history.replaceState(history.state, '', `${location.pathname}?utm_source=x`));
      // Past the settle time of a new URL (NAVIGATION_SETTLE_MS) and a new analysis, had there been one.
      await page.waitForTimeout(1500);
      expect(page.url()).toContain('utm_source=x');
      expect(await panelOpen(page)).toBe(true);
      expect(await noteDraft(page)).toBe(TYPED);
      expect(await analyses(worker)).toBe(asked + 1);

      await saveNoteWithKeys(page, () => waitInOverlay(page, (root, [selector, text]) => root.querySelector(`${selector} [data-note-text]`)?.textContent === text, [ITEM, TYPED], { timeout: 5000 }));
    } finally {
      await page.close();
    }
  }, 60000);
});
