/**
 * Chrome stops an idle extension service worker after ~30 s and starts a fresh one on the next event.
 * Nothing may live only in worker memory: after a stop, the next page still gets its analysis, and
 * the first page, reloaded, is answered from the storage cache by a worker that never saw it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describeShared, sharedPath } from '../helpers/shared';
import { describeBrowser, launchBrowser, readExtensionStorage, readOverlay, serveFolders, stopExtensionWorker, timeToOverlay, waitForOverlay, type LaunchedBrowser } from './browser';

interface TabState {
  canonicalUrl: string;
  speakers: number;
  cached: boolean;
  updatedAt: number;
}

/** The worker's per-tab records, newest first, read from its storage. */
async function tabStates(context: BrowserContext): Promise<TabState[]> {
  const states = Object.values(await readExtensionStorage(context, 'tab:')) as TabState[];
  return states.sort((a, b) => b.updatedAt - a.updatedAt);
}

describeBrowser('e2e: service worker stopped between events', () => {
  describeShared('seed page, another page, seed page again', () => {
    let browser: LaunchedBrowser;
    let server: { origin: string; close(): Promise<void> };
    let first: Page;
    let seedUrl: string;

    beforeAll(async () => {
      server = await serveFolders({ '/fixtures': sharedPath('fixtures'), '/pages': sharedPath('pages') });
      browser = await launchBrowser({ headless: true });
      first = browser.context.pages()[0] ?? (await browser.context.newPage());
      seedUrl = `${server.origin}/fixtures/russia-isis-claim.html`;
    }, 60000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test('after a stop, the next page is analysed and the first page reloads from the cache', async () => {
      await timeToOverlay(first, seedUrl);
      const firstCount = (await readOverlay(first))!.count;
      const [firstState] = await tabStates(browser.context);
      expect(firstState).toEqual(expect.objectContaining({ cached: false }));

      await stopExtensionWorker(browser.context);
      const second = await browser.context.newPage();
      const ms = await timeToOverlay(second, `${server.origin}/pages/bbc-1.html`);
      console.log(`e2e worker restart: second page populated ${ms} ms after navigation, worker cold`);
      expect((await readOverlay(second))!.count).toBeGreaterThan(0);

      await stopExtensionWorker(browser.context);
      await first.bringToFront();
      const started = Date.now();
      await first.reload({ waitUntil: 'commit' });
      await waitForOverlay(first);
      console.log(`e2e worker restart: seed page reloaded from cache in ${Date.now() - started} ms`);
      expect((await readOverlay(first))!.count).toBe(firstCount);
      const [latest] = await tabStates(browser.context);
      expect(latest).toEqual(expect.objectContaining({ canonicalUrl: firstState.canonicalUrl, cached: true }));
    });
  });
});
