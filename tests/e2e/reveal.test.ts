/**
 * Clicking a highlighted quotation in the article opens the WhoSaid panel on its attribution, in a
 * real Chromium with the built extension, on the demo article. The page used is the demo with one
 * quotation partly made a link, to check that a click on highlighted link text still follows the link.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeBrowser, inOverlay, launchBrowser, locatePhrase, ROOT, serveFolders, waitForOverlay, waitInOverlay, type LaunchedBrowser } from './browser';

const PAGE_PATH = '/reveal/index.html';
/** A quotation (Ward's) the test clicks inside, a quotation (Lavrov's) partly made a link, and a sentence no one is quoted in. */
const QUOTED = 'take this too seriously';
const LINKED = '100 percent confirmation';
const PLAIN = 'has not been seen in public';

/** The panel's state: open or not, and the attribution id of the item holding focus (null: focus is not on an item). */
function panelState(page: Page): Promise<{ open: boolean; focusedId: string | null; focusedText: string; revealed: string[] }> {
  return inOverlay(page, (root) => {
    const focused = document.activeElement === root.host ? root.activeElement : null;
    const item = focused?.closest('[data-attribution-id]') ?? null;
    return {
      open: !root.querySelector('section.panel')!.hasAttribute('hidden'),
      focusedId: item?.getAttribute('data-attribution-id') ?? null,
      focusedText: item?.querySelector('.item-text')?.textContent ?? '',
      revealed: [...root.querySelectorAll('.is-revealed')].map((node) => node.getAttribute('data-attribution-id') ?? ''),
    };
  }, null, { open: false, focusedId: null, focusedText: '', revealed: [] });
}

/** Long enough for a reveal to have been drawn if one was coming (it is drawn in the same task as the click). */
const settle = (page: Page) => page.waitForTimeout(300);

describeBrowser('e2e: a click on a highlighted quotation reveals it in the panel', () => {
  let browser: LaunchedBrowser;
  let server: { origin: string; close(): Promise<void> };
  let page: Page;
  let folder: string;
  const errors: string[] = [];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-reveal-'));
    const demo = fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
    const linked = demo.replace(LINKED, `<a href="#followed">${LINKED}</a>`);
    if (linked === demo) throw new Error(`"${LINKED}" is not in demo/index.html`);
    fs.writeFileSync(path.join(folder, 'index.html'), linked);
    server = await serveFolders({ '/reveal': folder });
    browser = await launchBrowser({ headless: true, viewport: { width: 1100, height: 700 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) errors.push(message.text());
    });
    await page.goto(`${server.origin}${PAGE_PATH}`, { waitUntil: 'commit' });
    await waitForOverlay(page);
    // The highlights are placed a moment after the overlay shows its count.
    await page.waitForFunction((phrase) => [...CSS.highlights.values()].some((h) => [...h].some((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString().includes(phrase);
    })), QUOTED, {
      timeout: 10000,
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a click on plain text does nothing', async () => {
    const point = await locatePhrase(page, PLAIN);
    expect(point.highlighted).toBe(false);
    await page.mouse.click(point.x, point.y);
    await settle(page);
    expect(await panelState(page)).toEqual({ open: false, focusedId: null, focusedText: '', revealed: [] });
  });

  test('a click on highlighted link text follows the link and opens nothing', async () => {
    const point = await locatePhrase(page, LINKED);
    expect(point.highlighted).toBe(true);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => location.hash === '#followed', undefined, { timeout: 5000 });
    await settle(page);
    expect((await panelState(page)).open).toBe(false);
  });

  test('a drag that selects text inside a quotation does nothing', async () => {
    const point = await locatePhrase(page, QUOTED);
    await page.mouse.move(point.x - 40, point.y);
    await page.mouse.down();
    await page.mouse.move(point.x + 40, point.y, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => String(getSelection())).then((text) => text.length)).toBeGreaterThan(0);
    await settle(page);
    expect((await panelState(page)).open).toBe(false);
    await page.evaluate(() => getSelection()!.removeAllRanges());
  });

  test("a click inside a quotation opens the panel with focus on that quotation's item, marked", async () => {
    const point = await locatePhrase(page, QUOTED);
    expect(point.highlighted).toBe(true);
    await page.mouse.click(point.x, point.y);
    await waitInOverlay(page, (root) => !root.querySelector('section.panel')!.hasAttribute('hidden'), null, { timeout: 5000 });
    const state = await panelState(page);
    expect(state.open).toBe(true);
    expect(state.focusedId).not.toBeNull();
    expect(state.focusedText.replace(/\s+/g, ' ')).toContain(QUOTED);
    expect(state.revealed).toEqual([state.focusedId]);
    // The item is in view inside the panel's list.
    const inView = await inOverlay(
      page,
      (root, id) => {
        const list = root.querySelector('.groups')!.getBoundingClientRect();
        const item = [...root.querySelectorAll('[data-attribution-id]')].find((node) => node.getAttribute('data-attribution-id') === id)!;
        const box = item.getBoundingClientRect();
        return box.height > 0 && box.top >= list.top - 1 && box.top < list.bottom;
      },
      state.focusedId!,
    );
    expect(inView).toBe(true);
    expect(errors).toEqual([]);
  });
});
