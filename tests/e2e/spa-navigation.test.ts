/**
 * A single-page site in a real Chromium: the page swaps in another article and moves the URL with
 * history.pushState (from its own world, as a router does). The content script, which cannot see the
 * page's history calls, must notice the new URL, drop the first article's highlights and overlay, and
 * show the second article's.
 */
import type { Page } from 'playwright-core';
import { describeShared, sharedPath } from '../helpers/shared';
import { describeBrowser, highlightSummary, launchBrowser, overlayHostCount, overlayHostIds, readOverlay, serveFolders, waitForOverlay, waitInOverlay, type LaunchedBrowser } from './browser';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a router does on a link click, run in the page's main world: fetch, swap the body in, pushState. */
function navigateInPage(page: Page, url: string): Promise<void> {
  return page.evaluate(async (target) => {
    const html = await (await fetch(target)).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));
    history.pushState({}, '', target);
  }, url);
}

describeBrowser('e2e: single-page navigation', () => {
  describeShared('seed article, then a BBC article by pushState, then back', () => {
    let browser: LaunchedBrowser;
    let server: { origin: string; close(): Promise<void> };
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      server = await serveFolders({ '/fixtures': sharedPath('fixtures'), '/pages': sharedPath('pages') });
      browser = await launchBrowser({ headless: true });
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      // Only our own errors: the saved pages' inline handlers fail offline, and a content script's errors are logged from its extension URL.
      page.on('console', (message) => {
        if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) errors.push(message.text());
      });
    }, 60000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test('the highlights and the overlay follow the article the URL now shows', async () => {
      const seedUrl = `${server.origin}/fixtures/russia-isis-claim.html`;
      const bbcUrl = `${server.origin}/pages/bbc-1.html`;
      await page.goto(seedUrl, { waitUntil: 'commit' });
      const first = (await waitForOverlay(page))!;
      const firstHighlights = await highlightSummary(page);
      expect(first.count).toBeGreaterThan(0);
      expect(firstHighlights.ranges).toBeGreaterThan(0);

      const firstHosts = await overlayHostIds(page);
      const started = Date.now();
      await navigateInPage(page, bbcUrl);
      // The first article's overlay goes as soon as the new URL is seen, before the new one is read. Its host is
      // asked for by id: on a busy machine one read can outlast the gap before the second article's host comes.
      const firstHostThere = async () => (await overlayHostIds(page)).some((id) => firstHosts.includes(id));
      for (const deadline = Date.now() + 5000; await firstHostThere(); ) {
        if (Date.now() > deadline) throw new Error("the first article's overlay was not removed within 5 s");
        await page.waitForTimeout(10);
      }
      const second = (await waitForOverlay(page))!;
      console.log(`e2e spa: second article's overlay ${Date.now() - started} ms after pushState`);
      const secondHighlights = await highlightSummary(page);
      const bodyText = flat(await page.evaluate(() => document.body.textContent ?? ''));
      expect(secondHighlights.ranges).toBeGreaterThan(0);
      // Every highlight is on the new article's text (ranges in the old, detached body would be gone from it).
      for (const text of secondHighlights.texts) expect(bodyText).toContain(flat(text));
      expect(second.speakers.map((s) => s.name)).not.toEqual(first.speakers.map((s) => s.name));
      expect(await overlayHostCount(page)).toBe(1);

      // Back: the browser restores the URL (popstate); the page shows the seed article again.
      await page.evaluate(async (target) => {
        const html = await (await fetch(target)).text();
        const next = new DOMParser().parseFromString(html, 'text/html');
        history.back();
        document.body.replaceWith(document.adoptNode(next.body));
      }, seedUrl);
      await page.waitForFunction((url) => location.href === url, seedUrl, { timeout: 5000 });
      await waitInOverlay(
        page,
        (root, names) => {
          const shown = [...root.querySelectorAll('[data-speaker]')].map((node) => node.getAttribute('data-speaker'));
          return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(names);
        },
        first.speakers.map((s) => s.name),
        { timeout: 15000, polling: 50 },
      );
      expect((await readOverlay(page))!.count).toBe(first.count);
      expect(errors).toEqual([]);
    });
  });
});
