/**
 * One giant block (issue 21), in real Chromium with the built extension: a page whose whole text is one <p> of
 * 2,500 quotations. The view window used to work per block, so all of the block's ranges stayed registered
 * (12,855 on a 5 MB page) and every scroll repainted them. Now only the ranges near the view are registered,
 * within the block too, and none while the page scrolls (round 9). The longest task from the content script's
 * start is logged (npm run bench:giant measures it against the same browser without WhoSaid); the assertions are
 * structural.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeBrowser, launchBrowser, serveFolders, waitForOverlay, type LaunchedBrowser } from './browser';

const NAMES = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Peter Olsen'];

function giantPage(): string {
  const sentences = Array.from({ length: 2500 }, (_, k) => `“We vote on plan ${k} soon,” ${NAMES[k % NAMES.length]} said. The hall was full.`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Council plans</title><meta property="og:type" content="article"></head>
<body><article><h1>Council plans</h1><p id="giant">${sentences.join(' ')}</p></article></body></html>`;
}

/** WhoSaid's registered ranges: how many, and how far (in screens) the farthest lies from the view. */
function registered(page: Page): Promise<{ count: number; farthest: number }> {
  return page.evaluate(() => {
    let count = 0;
    let farthest = 0;
    const live = document.createRange();
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('whosaid-')) return;
      highlight.forEach((range) => {
        count++;
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const box = live.getBoundingClientRect();
        const away = box.bottom < 0 ? -box.bottom : box.top > innerHeight ? box.top - innerHeight : 0;
        farthest = Math.max(farthest, away / innerHeight);
      });
    });
    return { count, farthest };
  });
}

/** Runs in the page: whether any WhoSaid range is registered. */
function registeredNow(): boolean {
  let count = 0;
  CSS.highlights.forEach((highlight, name) => { if (name.startsWith('whosaid-')) count += highlight.size; });
  return count > 0;
}

describeBrowser('e2e: one giant block: only the ranges near the view are registered, within the block too', () => {
  let browser: LaunchedBrowser;
  let server: { origin: string; close(): Promise<void> };
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-giant-'));
    fs.writeFileSync(path.join(folder, 'index.html'), giantPage());
    server = await serveFolders({ '/giant': folder });
    browser = await launchBrowser({ headless: true, viewport: { width: 1100, height: 700 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.addInitScript(() => {
      const tasks: number[] = ((window as unknown as { __tasks: number[] }).__tasks = []);
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
    });
    await page.goto(`${server.origin}/giant/index.html`);
    await waitForOverlay(page, 90000);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('at the top, in the middle and at the end: a few screens’ worth of ranges, none far from the view', async () => {
    const total = await page.evaluate(() => document.getElementById('giant')!.textContent!.split('said').length - 1);
    for (const at of [0, 0.5, 1]) {
      // Scrolled, once the scroll event has come (it comes at the next frame, not at scrollTo).
      await page.evaluate((share) => new Promise<void>((resolve) => {
        const y = (document.documentElement.scrollHeight - innerHeight) * share;
        if (Math.abs(scrollY - y) < 1) return resolve();
        addEventListener('scroll', () => resolve(), { once: true });
        window.scrollTo(0, y);
      }), at);
      // The block is painted again once the scroll has settled (200 ms, HUGE_BLOCK_TEXT in the highlighter).
      await page.waitForFunction(registeredNow, null, { timeout: 5000 });
      const now = await registered(page);
      expect(now.count).toBeGreaterThan(0);
      // Before: every range of the block, 3 a quotation (7,500), at every place; now 450-650 at 1100×700.
      expect(now.count).toBeLessThan(total / 2);
      // The band: a quarter screen past the view, and a slack of three eighths more before it is measured again.
      expect(now.farthest).toBeLessThanOrEqual(0.75);
    }
    // While the page scrolls the block holds no highlight: any made Chromium repaint all of its text every frame.
    // Read right after the scroll's listeners ran (a 0 ms timer queued in the event comes before the 200 ms settle).
    const whileScrolling = await page.evaluate(() => new Promise<number>((resolve) => {
      addEventListener('scroll', () => setTimeout(() => {
        let count = 0;
        CSS.highlights.forEach((highlight, name) => { if (name.startsWith('whosaid-')) count += highlight.size; });
        resolve(count);
      }, 0), { once: true });
      window.scrollBy(0, -200);
    }));
    expect(whileScrolling).toBe(0);
    await page.waitForFunction(registeredNow, null, { timeout: 5000 });
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __tasks: number[] }).__tasks));
    console.log(`giant block: longest task since load ${Math.round(longest)} ms (page parse included)`);
  }, 60000);
});
