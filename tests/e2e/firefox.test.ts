/**
 * The demo article in a real Firefox (Debian firefox-esr) with the built extension-firefox/: the
 * content script mounts the overlay, the background event page's analysis comes back and fills it,
 * the page's CSS.highlights holds WhoSaid's ranges, the panel lists the article's four named
 * speakers, picking an item scrolls to and flashes its highlight, a reload is answered from the
 * background's cache, and the panel's settings button opens the options page, whose auto-run switch
 * works. The Chromium counterpart is seed-page.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'puppeteer-core';
import { OVERLAY_TAG, passageInBand, ROOT, serveFolders } from './browser';
import { clickInOverlay, describeFirefox, FIREFOX_EXTENSION_DIR, highlightSummary, inOverlay, launchFirefox, panelOpen, readOverlay, setPanelOpen, waitForExtensionPage, waitForOverlay, waitInOverlay, type LaunchedFirefox } from './firefox-browser';

/** An article-like path: the content script, like a reader, does not take a site's front page for an article. */
const ARTICLE_PATH = '/world/russia-baghdadi-claim/';

/** The named speakers of demo/index.html, each with words only they said. */
const SPEAKERS: Array<{ name: string; said: string }> = [
  { name: 'Sergey Lavrov', said: 'I don’t have a 100 percent confirmation of the information' },
  { name: 'Ryan Dillon', said: 'we have seen no definitive proof that this report is true either' },
  { name: 'Jeff Davis', said: 'there was no information to corroborate the Russian report' },
  { name: 'Clarissa Ward', said: 'I wouldn’t believe the Russian sources' },
];

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Polls `check` from here until it holds. On an extension page puppeteer's waitForFunction cannot run: it builds a
 * Function in the page, which the page's CSP blocks (Firefox ESR 140: "call to Function() blocked by CSP").
 */
async function pollUntil(check: () => Promise<boolean>, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not true within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The overlay as read with its panel open: the panel draws its list when it first opens, so the pill
 * opens it (if closed), the overlay is read, and the panel is put back as it was.
 */
async function readOpenPanel(page: Page): Promise<Awaited<ReturnType<typeof readOverlay>>> {
  const wasOpen = await panelOpen(page);
  await setPanelOpen(page, true);
  // The list is drawn DRAW_STEP items a task, a frame apart, after the panel opens; read at once, a busy machine
  // could see part of it: wait until every item counted is drawn.
  await waitInOverlay(page, (root) => root.querySelectorAll('section:not([hidden]) [data-attribution-id]:not([hidden]) .item-text').length >= Number(root.querySelector('[data-count]')?.getAttribute('data-count') ?? Infinity), null, { timeout: 5000 });
  const overlay = await readOverlay(page);
  await setPanelOpen(page, wasOpen);
  return overlay;
}

describeFirefox('e2e: Firefox', () => {
  describe('demo/index.html with extension-firefox/', () => {
    let firefox: LaunchedFirefox;
    let server: { origin: string; close(): Promise<void> };
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      server = await serveFolders({ [ARTICLE_PATH]: path.join(ROOT, 'demo') });
      const started = Date.now();
      // A short viewport so the later quotations start below the fold and picking one must scroll.
      firefox = await launchFirefox({ viewport: { width: 1100, height: 520 } });
      const launchMs = Date.now() - started;
      page = firefox.page;
      page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
      const navigated = Date.now();
      await page.goto(`${server.origin}${ARTICLE_PATH}`, { waitUntil: 'domcontentloaded' });
      await waitForOverlay(page);
      console.log(`e2e firefox ${await firefox.browser.version()}: launched with the extension in ${launchMs} ms; overlay populated ${Date.now() - navigated} ms after navigation`);
    }, 60000);

    afterAll(async () => {
      await firefox?.close();
      await server?.close();
    });

    test('Firefox installed the Firefox build (an event page, not a service worker) under its gecko id', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
      expect(manifest.background).toEqual({ scripts: ['background.js'] });
      expect(firefox.extensionId).toBe(manifest.browser_specific_settings.gecko.id);
    });

    test("the content script mounts the overlay and the background's analysis fills it", async () => {
      const page_ = await page.evaluate((tag) => {
        const host = document.querySelector(tag);
        return { hosts: document.querySelectorAll(tag).length, parent: host?.parentElement?.tagName, openRoot: host?.shadowRoot !== null };
      }, OVERLAY_TAG);
      // The page sees the host but not its shadow root (closed).
      expect(page_).toEqual({ hosts: 1, parent: 'HTML', openRoot: false });
      const state = await inOverlay(page, (root) => {
        const panelRoot = root.querySelector('.root');
        return { status: panelRoot?.getAttribute('data-status'), count: Number(panelRoot?.getAttribute('data-count')) };
      }, null, { status: 'no overlay', count: 0 });
      expect(state).toEqual({ status: 'done', count: expect.any(Number) });
      expect(state.count).toBeGreaterThanOrEqual(SPEAKERS.length);
    });

    test('the panel lists Lavrov, Dillon, Davis and Ward, each once and with their own words', async () => {
      const overlay = (await readOpenPanel(page))!;
      for (const { name, said } of SPEAKERS) {
        const groups = overlay.speakers.filter((speaker) => speaker.name === name);
        expect({ name, groups: groups.length }).toEqual({ name, groups: 1 });
        expect({ name, has: flat(groups[0].text).includes(said) ? said : flat(groups[0].text) }).toEqual({ name, has: said });
      }
    });

    test("the page's CSS.highlights holds WhoSaid's ranges over the quotations, painted by its style rules", async () => {
      const highlights = await highlightSummary(page);
      const ours = highlights.names.filter((name) => name.startsWith('whosaid-'));
      expect(ours.length).toBeGreaterThanOrEqual(SPEAKERS.length);
      expect(ours).toEqual(highlights.names);
      expect(highlights.ranges).toBeGreaterThanOrEqual(SPEAKERS.length);
      for (const { said } of SPEAKERS) expect(highlights.texts.some((text) => flat(text).includes(said))).toBe(true);
      const rules = await page.evaluate(() => document.querySelector('head > style[data-whosaid]')?.textContent ?? '');
      for (const name of ours) expect(rules).toContain(`::highlight(${name})`);
    });

    test('picking an item in the panel scrolls the page to its highlight and flashes it', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await setPanelOpen(page, true);
      const item = await inOverlay(page, (root) => {
        const items = root.querySelectorAll('[data-speaker="Clarissa Ward"] [data-attribution-id]');
        const last = items[items.length - 1];
        return last ? { id: last.getAttribute('data-attribution-id'), text: last.querySelector('.item-text')?.textContent ?? '' } : null;
      });
      expect(item).not.toBeNull();
      const target = flat(item!.text).replace(/[“”"…]/g, '').slice(0, 30);
      const before = await highlightSummary(page);
      await clickInOverlay(page, `[data-attribution-id="${item!.id}"] button.item-select`);

      // The flash is a highlight of its own, added for a moment on top of the speaker colours.
      const flashed = await page.waitForFunction(
        (names: string[]) => {
          const added = [...CSS.highlights.keys()].filter((name) => !names.includes(name));
          return added.length > 0 ? added : false;
        },
        { timeout: 2000, polling: 20 },
        before.names,
      );
      expect(await flashed.jsonValue()).toEqual([expect.stringMatching(/^whosaid-.+-flash$/)]);
      await page.waitForFunction(passageInBand, { timeout: 5000, polling: 20 }, { text: target });
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    });

    test('a well-formed state the page dispatches on the overlay host is ignored, and a host the page makes is never mounted', async () => {
      const before = await readOverlay(page);
      const hiddenBefore = !(await panelOpen(page));
      const forged = await page.evaluate(({ tag, hiddenBefore }) => {
        const quote = {
          id: 'forged-1', kind: 'direct', confidence: 0.99, cue: null, sources: [],
          contents: [{ start: 0, end: 24, text: 'A quotation nobody said.' }],
          speaker: { name: 'Invented Speaker', type: 'person', aliases: [] },
        };
        const analysis = { quotes: [quote], speakers: [{ name: 'Invented Speaker', type: 'person', aliases: [], attributionIds: ['forged-1'], hedged: 0 }], canonicalUrl: location.href, engineMs: 1, cached: false };
        const host = document.querySelector(tag)!;
        const forgedEvents = [
          ['whosaid:content-state', { status: 'done', analysis }],
          ['whosaid:content-toggle', { open: hiddenBefore }],
          ['whosaid:content-destroy', null],
        ] as const;
        for (const [type, detail] of forgedEvents) {
          host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
        }
        const fake = document.createElement(tag);
        document.documentElement.appendChild(fake);
        fake.dispatchEvent(new CustomEvent('whosaid:content-mount', { detail: null, bubbles: true }));
        const mounted = fake.shadowRoot !== null;
        fake.remove();
        return { mounted, hosts: document.querySelectorAll(tag).length, ownRootReadable: host.shadowRoot !== null };
      }, { tag: OVERLAY_TAG, hiddenBefore });
      expect(forged).toEqual({ mounted: false, hosts: 1, ownRootReadable: false });
      expect(!(await panelOpen(page))).toBe(hiddenBefore);
      const after = await readOverlay(page);
      expect(after).toEqual(before);
      expect(JSON.stringify(after)).not.toContain('Invented Speaker');
    });

    test('the extension caused no page errors', () => {
      expect(errors).toEqual([]);
    });

    test("a reload is answered from the background's cache with the same speakers", async () => {
      const first = await readOpenPanel(page);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForOverlay(page);
      const again = await readOpenPanel(page);
      expect(again).toEqual(first);
      await setPanelOpen(page, true);
      const meta = await inOverlay(page, (root) => root.querySelector('.panel .meta')?.textContent ?? '', null, '');
      expect(meta).toMatch(/ms on device · cached$/);
    });

    test('a mark persists across a reload, the desk lists it, and its export carries the article address (Firefox)', async () => {
      const item = '[data-speaker="Ryan Dillon"] .item[data-attribution]';
      await setPanelOpen(page, true);
      const key = await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-attribution') ?? null, item);
      expect(key).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
      // Review controls appear on the item the reader picks.
      await clickInOverlay(page, `${item} .item-select`);
      await clickInOverlay(page, `${item} [data-mark="to-check"]`);
      await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'to-check', item, { timeout: 5000 });

      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForOverlay(page);
      await setPanelOpen(page, true);
      await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'to-check', item, { timeout: 5000 });

      await clickInOverlay(page, '[data-open-desk]');
      const desk = await waitForExtensionPage(firefox.browser, 'desk.html');
      try {
        await desk.waitForSelector(`[data-attribution="${key}"][data-marked="to-check"]`, { timeout: 5000 });
        // The saved file's text, caught on its way to the download.
        const exported = await desk.evaluate(async () => {
          const blobs: Blob[] = [];
          const create = URL.createObjectURL;
          URL.createObjectURL = (blob: Blob) => (blobs.push(blob), create.call(URL, blob));
          (document.querySelector('[data-export-all]') as HTMLButtonElement).click();
          URL.createObjectURL = create;
          const bytes = new Uint8Array(await blobs[0].arrayBuffer());
          return { bom: [...bytes.slice(0, 3)], text: await blobs[0].text() };
        });
        expect(exported.bom).toEqual([0xef, 0xbb, 0xbf]);
        expect(exported.text).toContain('"http://127.0.0.1/world/russia-baghdadi-claim"');
        expect(exported.text).toContain('"to-check"');
      } finally {
        await desk.close();
      }
      // Put back as it was for the tests after this one.
      await clickInOverlay(page, `${item} .item-select`);
      await clickInOverlay(page, `${item} [data-mark="to-check"]`);
      await waitInOverlay(page, (root, selector) => !root.querySelector(selector)?.hasAttribute('data-marked'), item, { timeout: 5000 });
    }, 30000);

    // Last: it turns auto-run off (and back on when done).
    test("the panel's settings button opens the options page (shortcut shown), whose auto-run switch keeps WhoSaid off the next article", async () => {
      await setPanelOpen(page, true);
      await clickInOverlay(page, 'button.settings');
      const options = await waitForExtensionPage(firefox.browser, 'options.html');
      const next = await firefox.browser.newPage();
      try {
        // The box is ticked from storage after the page's load, and the form's submit handler added then: wait for it.
        await options.waitForSelector('#auto-run:checked', { timeout: 5000 });
        expect(await options.$eval('h1', (heading) => heading.textContent)).toBe('WhoSaid settings');
        expect(await options.$eval('#auto-run', (input) => (input as HTMLInputElement).checked)).toBe(true);
        // Firefox's commands.getAll reports the manifest's shortcut; the page shows it.
        await pollUntil(() => options.evaluate(() => document.querySelector('[data-i18n="optionsShortcut"]')?.textContent?.includes('Alt+Shift+Q') ?? false));
        await options.click('#auto-run');
        await options.click('button[type=submit]');
        await pollUntil(() => options.evaluate(() => document.getElementById('status')?.textContent === 'Saved.'));
        expect(await options.evaluate(() => (globalThis as unknown as { browser: { storage: { sync: { get(keys: null): Promise<unknown> } } } }).browser.storage.sync.get(null))).toEqual({ autoRun: false, allowedSites: [] });

        await next.goto(`${server.origin}${ARTICLE_PATH}`, { waitUntil: 'load' });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await readOverlay(next)).toBeNull();
      } finally {
        await options.evaluate(() => (globalThis as unknown as { browser: { storage: { sync: { clear(): Promise<void> } } } }).browser.storage.sync.clear()).catch(() => undefined);
        await next.close();
        await options.close();
      }
    }, 30000);
  });
});
