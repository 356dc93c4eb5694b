/**
 * The seed article in a real Chromium with the built extension: the overlay lists the four speakers
 * of the hand annotation with their quotations, and picking an item scrolls to and flashes its
 * highlight.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { describeShared, sharedPath } from '../helpers/shared';
import {
  describeBrowser,
  extensionWorker,
  highlightSummary,
  clickInOverlay,
  inOverlay,
  launchBrowser,
  noteAddedHighlights,
  openExtensionPage,
  OVERLAY_TAG,
  overlayHostCount,
  passageInBand,
  panelOpen,
  readOverlay,
  setPanelOpen,
  waitForOverlay,
  serveFolders,
  timeToOverlay,
  type LaunchedBrowser,
} from './browser';

/** The extension API as the evaluated functions below see it inside extension pages and the worker. */
declare const chrome: {
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> } };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> } };
};

interface Expected {
  required: Array<{ speaker: string[]; content?: string }>;
  speakers: { groups: string[] };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each speaker group's name and text in the panel, which draws its list when it first opens: opened with the pill, read, closed again. */
async function readOpenPanel(page: Page): Promise<Array<{ name: string; text: string }>> {
  await setPanelOpen(page, true);
  const groups = await inOverlay(page, (root) =>
    [...root.querySelectorAll('[data-speaker]')].map((node) => ({ name: node.getAttribute('data-speaker')!, text: node.textContent ?? '' })), null, []);
  await setPanelOpen(page, false);
  return groups;
}

describeBrowser('e2e: seed article', () => {
  describeShared('russia-isis-claim.html with the extension', () => {
    let browser: LaunchedBrowser;
    let server: { origin: string; close(): Promise<void> };
    let page: Page;
    const errors: string[] = [];
    let expected: Expected;

    beforeAll(async () => {
      expected = JSON.parse(fs.readFileSync(sharedPath('fixtures', 'russia-isis-claim.expected.json'), 'utf8'));
      server = await serveFolders({ '/fixtures': sharedPath('fixtures') });
      // A short viewport so the later quotations start below the fold and picking one must scroll.
      browser = await launchBrowser({ headless: true, viewport: { width: 1100, height: 520 } });
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.on('pageerror', (error) => errors.push(error.message));
      const ms = await timeToOverlay(page, `${server.origin}/fixtures/russia-isis-claim.html`);
      console.log(`e2e seed: overlay populated ${ms} ms after navigation`);
    }, 60000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test('the overlay shows a count and one group per expected speaker, holding their quotations', async () => {
      const overlay = { count: (await readOverlay(page))!.count, groups: await readOpenPanel(page) };
      expect(overlay.count).toBeGreaterThanOrEqual(expected.speakers.groups.length);
      for (const name of expected.speakers.groups) {
        const groups = overlay.groups.filter((group) => group.name === name);
        expect({ name, groups: groups.length }).toEqual({ name, groups: 1 });
        const quotations = expected.required.filter((row) => row.speaker[0] === name && row.content).map((row) => flat(row.content!));
        expect(quotations.length).toBeGreaterThan(0);
        for (const quotation of quotations) expect({ name, has: flat(groups[0].text).includes(quotation) ? quotation : flat(groups[0].text) }).toEqual({ name, has: quotation });
      }
    });

    test('no group is headed by text from navigation, comments, teasers or the sidebar', async () => {
      const names = (await readOpenPanel(page)).map((group) => group.text);
      expect(names.length).toBeGreaterThanOrEqual(expected.speakers.groups.length);
      const forbidden = ['Fake news', 'Trump Wall', 'SICKEST Mandate', 'Your email address will not be published'];
      for (const text of forbidden) expect(names.filter((name) => name.includes(text))).toEqual([]);
    });

    test('a well-formed state the page dispatches on the overlay host is ignored, and a host the page makes is never mounted', async () => {
      const before = await readOverlay(page);
      const forged = await page.evaluate((tag) => {
        const quote = {
          id: 'forged-1', kind: 'direct', confidence: 0.99, cue: null, sources: [],
          contents: [{ start: 0, end: 24, text: 'A quotation nobody said.' }],
          speaker: { name: 'Invented Speaker', type: 'person', aliases: [] },
        };
        const analysis = { quotes: [quote], speakers: [{ name: 'Invented Speaker', type: 'person', aliases: [], attributionIds: ['forged-1'], hedged: 0 }], canonicalUrl: location.href, engineMs: 1, cached: false };
        const host = [...document.documentElement.children].find((child) => child.localName === tag)!;
        for (const [type, detail] of [['whosaid:content-state', { status: 'done', analysis }], ['whosaid:content-toggle', { open: true }], ['whosaid:content-destroy', null]] as const) {
          host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
        }
        const fake = document.createElement(tag);
        document.documentElement.appendChild(fake);
        fake.dispatchEvent(new CustomEvent('whosaid:content-mount', { detail: null, bubbles: true }));
        const mounted = fake.shadowRoot !== null;
        fake.remove();
        return { mounted, ownRootReadable: host.shadowRoot !== null };
      }, OVERLAY_TAG);
      expect(forged).toEqual({ mounted: false, ownRootReadable: false });
      expect(await panelOpen(page)).toBe(false);
      expect(await overlayHostCount(page)).toBe(1);
      const after = await readOverlay(page);
      expect(after).toEqual(before);
      expect(JSON.stringify(after)).not.toContain('Invented Speaker');
    });

    test('a page that defines <whosaid-overlay> first, with its own closed panel, still gets the real overlay, unreadable from the page', async () => {
      const hostile = await browser.context.newPage();
      try {
        await hostile.addInitScript(() => {
          customElements.define('whosaid-overlay', class extends HTMLElement {
            constructor() {
              super();
              this.attachShadow({ mode: 'closed' }).innerHTML = '<div class="mount"><p data-count="0">0 quotes</p></div>';
            }
          });
        });
        await hostile.goto(`${server.origin}/fixtures/russia-isis-claim.html`);
        const overlay = await waitForOverlay(hostile);
        expect(overlay!.count).toBeGreaterThanOrEqual(expected.speakers.groups.length);
        const seenByPage = await hostile.evaluate(() =>
          [...document.documentElement.children].filter((child) => child !== document.head && child !== document.body).map((child) => ({ tag: child.localName, root: child.shadowRoot !== null })));
        // The page's own element (if it made one) and ours; neither root is open to the page.
        expect(seenByPage.every((host) => !host.root)).toBe(true);
        expect(await overlayHostCount(hostile)).toBeGreaterThanOrEqual(1);
        expect(JSON.stringify(await readOverlay(hostile))).not.toContain('0 quotes');
      } finally {
        await hostile.close();
      }
    });

    test('on a 390 px phone the panel is a bottom sheet, and a picked passage lands above it, in view', async () => {
      const phone = await browser.context.newPage();
      try {
        await phone.setViewportSize({ width: 390, height: 844 });
        await phone.goto(`${server.origin}/fixtures/russia-isis-claim.html`);
        await waitForOverlay(phone);
        await setPanelOpen(phone, true);
        const sheet = await inOverlay(phone, (root) => {
          const box = root.querySelector('section.panel')!.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, items: root.querySelectorAll('.item-select').length };
        });
        // Edge to edge (the page's scrollbar aside).
        const view = await phone.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
        expect(sheet!.left).toBe(0);
        expect(sheet!.right).toBe(view.width);
        expect(sheet!.bottom).toBe(view.height);
        // About the upper half of the page stays visible (50vh counts the horizontal scrollbar's 15 px).
        expect(sheet!.top).toBeGreaterThanOrEqual(view.height * 0.45);
        const itemId = await inOverlay(phone, (root) => {
          const items = [...root.querySelectorAll('.item[data-attribution-id]')].filter((item) => !item.closest('[hidden]'));
          return items[items.length - 1]?.getAttribute('data-attribution-id') ?? null;
        });
        const itemText = await inOverlay(phone, (root, id) => root.querySelector(`[data-attribution-id="${id}"] .item-text`)?.textContent ?? '', itemId);
        const target = flat(itemText ?? '').replace(/[“”"…]/g, '').slice(0, 24);
        await clickInOverlay(phone, `[data-attribution-id="${itemId}"] button.item-select`);
        // The passage ends up fully in the band above the sheet.
        await phone.waitForFunction(passageInBand, { text: target, bottom: sheet!.top, firstLine: true }, { timeout: 5000, polling: 50 });
      } finally {
        await phone.close();
      }
    });

    test('the page registers a CSS highlight range for the quotations', async () => {
      const highlights = await highlightSummary(page);
      expect(highlights.ranges).toBeGreaterThanOrEqual(expected.speakers.groups.length);
      expect(highlights.texts.some((text) => flat(text).includes('proven false'))).toBe(true);
    });

    test('picking an item in the panel scrolls the page to its highlight and flashes it', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await setPanelOpen(page, true);
      const itemId = await inOverlay(page, (root) => {
        const items = root.querySelectorAll('[data-speaker="Clarissa Ward"] [data-attribution-id]');
        return items[items.length - 1]?.getAttribute('data-attribution-id') ?? null;
      });
      expect(itemId).not.toBeNull();
      const itemText = await inOverlay(page, (root, id) => root.querySelector(`[data-attribution-id="${id}"] .item-text`)?.textContent ?? '', itemId);
      const target = flat(itemText ?? '').replace(/[“”"…]/g, '').slice(0, 30);
      const before = await page.evaluate(() => window.scrollY);
      // The flash lasts 1.6 s from the click; read only after the smooth scroll and two waits, a busy machine
      // could miss it: the page notes every highlight added from here on.
      const addedSince = await noteAddedHighlights(page);
      await clickInOverlay(page, `[data-attribution-id="${itemId}"] button.item-select`);

      await page.waitForFunction((start) => window.scrollY > start, before, { timeout: 5000 });
      const placed = await page.waitForFunction(passageInBand, { text: target }, { timeout: 5000 });
      expect(await placed.jsonValue()).toBe(true);
      // The flash is a highlight of its own, added for a moment on top of the speaker colours.
      const added = await addedSince();
      expect(added.length).toBeGreaterThan(0);
    });

    test('the extension caused no page errors', () => {
      expect(errors).toEqual([]);
    });

    test("the extension's CSP blocks network requests from its pages and its worker", async () => {
      const target = `${server.origin}/fixtures/russia-isis-claim.html`;
      const attempt = (url: string) =>
        fetch(url).then(
          () => 'fetched',
          (error: Error) => `blocked: ${error.message}`,
        );
      const options = await openExtensionPage(browser.context);
      try {
        expect(await options.evaluate(attempt, target)).toMatch(/^blocked/);
      } finally {
        await options.close();
      }
      const worker = await extensionWorker(browser.context);
      expect(await worker.evaluate(attempt, target)).toMatch(/^blocked/);
    });

    test.each(['toggle-panel', 'open-desk'])('the browser assigned the suggested %s shortcut (it clashes with none of its own)', async (name) => {
      const worker = await extensionWorker(browser.context);
      const commands = await worker.evaluate(() => chrome.commands.getAll());
      const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
      const suggested = manifest.commands?.[name]?.suggested_key?.default;
      expect(suggested).toEqual(expect.any(String));
      expect(commands.find((command) => command.name === name)?.shortcut).toBe(suggested);
    });

    test("the panel's settings button opens the options page in a tab of its own", async () => {
      await setPanelOpen(page, true);
      const opened = browser.context.waitForEvent('page', { timeout: 10000 });
      await clickInOverlay(page, 'button.settings');
      const options = await opened;
      try {
        await options.waitForLoadState('load');
        expect(options.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/options\.html$/);
        expect(await options.locator('h1').textContent()).toBe('WhoSaid settings');
      } finally {
        await options.close();
      }
      await clickInOverlay(page, 'button.close');
    });

    test('turning auto-run off on the options page keeps WhoSaid off the next article', async () => {
      const options = await openExtensionPage(browser.context);
      try {
        expect(await options.locator('h1').textContent()).toBe('WhoSaid settings');
        const autoRun = options.locator('#auto-run');
        // The box is ticked from storage after the page's load, and the form's submit handler added then: wait for it.
        await options.locator('#auto-run:checked').waitFor({ timeout: 5000 });
        expect(await autoRun.isChecked()).toBe(true);
        await autoRun.uncheck();
        await options.locator('button[type=submit]').click();
        // The status is written once storage.sync.set resolves, after the click has returned: wait for it.
        await options.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '', null, { timeout: 5000 });
        await expect(options.locator('#status').textContent()).resolves.toBe('Saved.');
        expect(await options.evaluate(() => chrome.storage.sync.get(null))).toEqual({ autoRun: false, allowedSites: [] });

        const next = await browser.context.newPage();
        await next.goto(`${server.origin}/fixtures/russia-isis-claim.html`, { waitUntil: 'load' });
        await next.waitForTimeout(1500);
        expect(await readOverlay(next)).toBeNull();
        await next.close();
      } finally {
        await options.evaluate(() => chrome.storage.sync.clear());
        await options.close();
      }
    });
  });
});
