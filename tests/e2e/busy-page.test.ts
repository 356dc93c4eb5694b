/**
 * A page that rewrites itself every frame (a 60 Hz ticker beside the article), in real Chromium with the
 * built extension: WhoSaid paints only the quotations' tints in view while the page is busy, underlines the
 * speaker and verb of the passage under the pointer, and paints everything again once the page is calm.
 * Why: Chromium repaints every highlighted text node in view on each DOM change (src/content/churn.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeBrowser, launchBrowser, locatePhrase, ROOT, serveFolders, waitForOverlay, type LaunchedBrowser } from './browser';

const QUOTED = 'take this too seriously';

interface Painted {
  /** Ranges registered per role, over every speaker. */
  content: number;
  source: number;
  cue: number;
  /** Registered ranges whose text lies wholly outside the view. */
  outOfView: number;
}

function painted(page: Page): Promise<Painted> {
  return page.evaluate(() => {
    const counts = { content: 0, source: 0, cue: 0, outOfView: 0 };
    CSS.highlights.forEach((highlight, name) => {
      const role = /-(content|source|cue)$/.exec(name)?.[1] as 'content' | 'source' | 'cue' | undefined;
      if (!name.startsWith('whosaid-') || !role) return;
      highlight.forEach((range) => {
        counts[role] += 1;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const box = live.getBoundingClientRect();
        if (box.bottom <= 0 || box.top >= innerHeight) counts.outOfView += 1;
      });
    });
    return counts;
  });
}

/** Waits until the speaker and verb underlines registered number between `least` and `most`. */
function waitForUnderlines(page: Page, least: number, most: number, timeout: number): Promise<unknown> {
  return page.waitForFunction(([low, high]) => {
    let underlines = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (/^whosaid-.*-(source|cue)$/.test(name)) underlines += highlight.size;
    });
    return underlines >= low && underlines <= high;
  }, [least, most], { timeout });
}

describeBrowser('e2e: on a page that rewrites itself every frame, highlights cost little and still show who spoke', () => {
  let browser: LaunchedBrowser;
  let server: { origin: string; close(): Promise<void> };
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-busy-'));
    const demo = fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
    const ticker =
      '<p id="ticker">Markets</p><script>let n = 0; window.tickerOn = true; const clock = document.getElementById("ticker");' +
      ' (function frame() { if (window.tickerOn) clock.textContent = "Markets " + (n++); requestAnimationFrame(frame); })();</script></body>';
    fs.writeFileSync(path.join(folder, 'index.html'), demo.replace('</body>', ticker));
    server = await serveFolders({ '/busy': folder });
    browser = await launchBrowser({ headless: true, viewport: { width: 1100, height: 500 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.origin}/busy/index.html`, { waitUntil: 'commit' });
    await waitForOverlay(page);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('busy: only the tints in view are painted, no underline', async () => {
    await locatePhrase(page, QUOTED);
    await page.mouse.move(1, 1);
    await waitForUnderlines(page, 0, 0, 10000);
    // locatePhrase scrolled at once, but the ranges in view are measured again on the next animation frame, and
    // the wait above can pass at once (busy: no underlines): a busy machine could read before that frame.
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))), null, { timeout: 10000 });
    const now = await painted(page);
    expect(now.content).toBeGreaterThan(0);
    expect(now.outOfView).toBe(0);
  }, 20000);

  test('busy: the passage under the pointer gets its speaker and verb underlined, and loses them when the pointer leaves', async () => {
    const point = await locatePhrase(page, QUOTED);
    await page.waitForTimeout(100);
    await page.mouse.move(point.x, point.y);
    await waitForUnderlines(page, 2, Infinity, 5000);
    await page.mouse.move(1, 1);
    await waitForUnderlines(page, 0, 0, 5000);
  }, 20000);

  test('calm again: every passage is painted with its underlines', async () => {
    await page.evaluate(() => ((window as unknown as { tickerOn: boolean }).tickerOn = false));
    await waitForUnderlines(page, 1, Infinity, 10000);
    const now = await painted(page);
    expect(now.source + now.cue).toBeGreaterThan(2);
    // The demo is a calm page's size (under the windowing threshold): everything, in view or not.
    expect(now.outOfView).toBeGreaterThan(0);
  }, 20000);
});
