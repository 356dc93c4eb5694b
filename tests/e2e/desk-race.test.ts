/**
 * Issue 21, reviews lost, in a real Chromium with the built extension: two tabs of one article mark two
 * different quotes with real clicks at the same moment, round after round, and the desk page marks one
 * quote while a panel marks another; every mark must be on the desk afterwards. Then Erase everything:
 * the open panels drop the erased marks; a quote marked after the erase survives Undo, and the panels
 * show the restored marks again.
 */
import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  clickInOverlay,
  clickPointInRoot,
  describeBrowser,
  extensionWorker,
  inOverlay,
  launchBrowser,
  ROOT,
  serveFolders,
  setPanelOpen,
  waitForOverlay,
  waitInOverlay,
  type LaunchedBrowser,
} from './browser';

/** The extension page's API, where storedMarks runs. */
declare const chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };

const MARKS = ['checked', 'disputed', 'to-check'] as const;
type Mark = (typeof MARKS)[number];
/**
 * Multiples of 3: each test ends on to-check, the mark the next one does not start with. Before the fix about
 * one round in six lost a mark; 24 rounds make a lost mark all but certain to show.
 */
const TWO_TAB_ROUNDS = 24;
const DESK_ROUNDS = 24;

const itemOf = (key: string) => `.item[data-attribution="${key}"]`;

/**
 * Where to click to mark the item with `key` in the panel. The item is picked first when its buttons are
 * not shown (the panel shows an item's review buttons once it is picked).
 */
async function markPoint(page: Page, key: string, mark: Mark): Promise<{ x: number; y: number }> {
  const button = `${itemOf(key)} [data-mark="${mark}"]`;
  if (!(await inOverlay(page, clickPointInRoot, button))) {
    const picker = (await inOverlay(page, clickPointInRoot, `${itemOf(key)} .item-select`)) ? `${itemOf(key)} .item-select` : itemOf(key);
    await clickInOverlay(page, picker);
  }
  return (await waitInOverlay(page, clickPointInRoot, button, { timeout: 5000 }))!;
}

/** Marks the item with `key` in the panel with real clicks. */
async function markInPanel(page: Page, key: string, mark: Mark): Promise<void> {
  const { x, y } = await markPoint(page, key, mark);
  await page.mouse.click(x, y);
}

/** Where the desk page's button for this mark on this attribution is. */
async function deskPoint(desk: Page, key: string, mark: Mark): Promise<{ x: number; y: number }> {
  const button = desk.locator(`[data-attribution="${key}"] [data-mark="${mark}"]`);
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Every stored mark on the desk, by attribution key, read from storage.local through an extension page. */
function storedMarks(extensionPage: Page): Promise<Record<string, string | null>> {
  return extensionPage.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const marks: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith('desk:article:')) continue;
      for (const claim of (value as { claims: Array<{ key: string; review: { mark: string | null } | null }> }).claims) marks[claim.key] = claim.review?.mark ?? null;
    }
    return marks;
  });
}

/** Waits (a while) for the stored marks to be `wanted`; resolves what is stored in the end. */
async function settledMarks(extensionPage: Page, wanted: Record<string, Mark>): Promise<Record<string, string | null>> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const marks = await storedMarks(extensionPage);
    if (Object.entries(wanted).every(([key, mark]) => marks[key] === mark) || Date.now() > deadline) return marks;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The panel's marks, by attribution key (items with no mark left out). */
function panelMarks(page: Page): Promise<Record<string, string>> {
  return inOverlay(page, (root) => {
    const marks: Record<string, string> = {};
    for (const item of root.querySelectorAll('.item[data-attribution][data-marked]')) marks[item.getAttribute('data-attribution')!] = item.getAttribute('data-marked')!;
    return marks;
  }, null, {});
}

async function waitForPanelMarks(page: Page, wanted: Record<string, string>, timeout = 5000): Promise<void> {
  await waitInOverlay(
    page,
    (root, expected) => {
      const marks = [...root.querySelectorAll('.item[data-attribution][data-marked]')].map((item) => [item.getAttribute('data-attribution')!, item.getAttribute('data-marked')!]);
      return JSON.stringify(marks.sort(([a], [b]) => a.localeCompare(b))) === JSON.stringify(expected) || null;
    },
    Object.entries(wanted).sort(([a], [b]) => a.localeCompare(b)),
    { timeout },
  ).catch(async () => {
    throw new Error(`the panel shows ${JSON.stringify(await panelMarks(page))}, not ${JSON.stringify(wanted)}`);
  });
}

async function openArticle(browser: LaunchedBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForOverlay(page);
  await setPanelOpen(page, true);
  return page;
}

describeBrowser('e2e: reviews are never lost (two tabs, the desk, erase and undo)', () => {
  let server: { origin: string; close(): Promise<void> };
  let site: string;
  let url: string;
  let browser: LaunchedBrowser;
  let tabs: Page[];
  let desk: Page;
  let keys: string[];

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-race-site-'));
    fs.copyFileSync(path.join(ROOT, 'demo', 'index.html'), path.join(site, 'index.html'));
    server = await serveFolders({ '/news/2024/race': site });
    url = `${server.origin}/news/2024/race/`;
    browser = await launchBrowser({ headless: true });
    tabs = [await openArticle(browser, url), await openArticle(browser, url)];
    keys = await inOverlay(tabs[0], (root) => [...root.querySelectorAll('.item[data-attribution]')].map((item) => item.getAttribute('data-attribution')!), null, []);
    const origin = (await extensionWorker(browser.context)).url().match(/^chrome-extension:\/\/[^/]+/)![0];
    desk = await browser.context.newPage();
    await desk.goto(`${origin}/desk.html`);
    await desk.waitForSelector('.lede');
    // The first two quotes are on the desk from the start, so each test can also run alone.
    await markInPanel(tabs[0], keys[0], 'to-check');
    await markInPanel(tabs[0], keys[1], 'to-check');
    await desk.locator(`[data-attribution="${keys[1]}"]`).waitFor();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  test('two tabs marking different quotes of one article at the same moment: both marks are stored, every round', async () => {
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const [first, second] = keys;
    const lost: string[] = [];
    for (let round = 0; round < TWO_TAB_ROUNDS; round++) {
      const mark = MARKS[round % MARKS.length];
      // Both buttons found first, then both clicks sent at once: the two reviews reach the worker together.
      const [one, two] = await Promise.all([markPoint(tabs[0], first, mark), markPoint(tabs[1], second, mark)]);
      await Promise.all([tabs[0].mouse.click(one.x, one.y), tabs[1].mouse.click(two.x, two.y)]);
      const marks = await settledMarks(desk, { [first]: mark, [second]: mark });
      if (marks[first] !== mark || marks[second] !== mark) lost.push(`round ${round + 1}: ${mark} wanted, stored ${marks[first]} and ${marks[second]}`);
    }
    expect(lost).toEqual([]);
  }, 120000);

  test('the desk page and a panel marking the same article at once: both marks are stored, every round', async () => {
    const [first, second] = keys;
    await desk.locator(`[data-attribution="${first}"]`).waitFor();
    const lost: string[] = [];
    for (let round = 0; round < DESK_ROUNDS; round++) {
      // Each round's mark differs from the last one's (every test ends on to-check), so each click sets it.
      const mark = MARKS[round % MARKS.length];
      const [onDesk, inPanel] = await Promise.all([deskPoint(desk, first, mark), markPoint(tabs[0], second, mark)]);
      // The panel's review travels to the worker first: the desk's click follows by 0 to 10 ms, across the rounds, to meet it there.
      const lag = (round % 6) * 2;
      await Promise.all([tabs[0].mouse.click(inPanel.x, inPanel.y), new Promise((resolve) => setTimeout(resolve, lag)).then(() => desk.mouse.click(onDesk.x, onDesk.y))]);
      const marks = await settledMarks(desk, { [first]: mark, [second]: mark });
      if (marks[first] !== mark || marks[second] !== mark) lost.push(`round ${round + 1}: ${mark} wanted, stored ${marks[first]} and ${marks[second]}`);
      // The desk redraws on every stored change: the next click must find this round's state.
      await desk.locator(`[data-attribution="${first}"][data-marked="${mark}"]`).waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    expect(lost).toEqual([]);
  }, 120000);

  test('Erase everything clears the open panels; Undo restores the erased marks and keeps one made after the erase', async () => {
    const [first, second, third] = keys;
    // A mark neither panel shows now (the rounds above end on to-check): the click sets it, never clears it.
    await markInPanel(tabs[0], first, 'disputed');
    await markInPanel(tabs[1], second, 'disputed');
    expect(await settledMarks(desk, { [first]: 'disputed', [second]: 'disputed' })).toMatchObject({ [first]: 'disputed', [second]: 'disputed' });
    await desk.locator(`[data-attribution="${second}"][data-marked="disputed"]`).waitFor();

    await desk.click('[data-erase-all]');
    await desk.locator('[data-undo]').waitFor();
    expect(await storedMarks(desk)).toEqual({});
    // Both open panels follow: no quote is shown as marked any more.
    await waitForPanelMarks(tabs[0], {});
    await waitForPanelMarks(tabs[1], {});

    // A quote marked in an open tab after the erase is not undone by Undo.
    await markInPanel(tabs[1], third, 'to-check');
    expect(await settledMarks(desk, { [third]: 'to-check' })).toEqual({ [third]: 'to-check' });
    await desk.locator(`[data-attribution="${third}"]`).waitFor();
    await desk.click('[data-undo]');
    await desk.locator('[data-undo]').waitFor({ state: 'detached' });
    const restored = { [first]: 'disputed', [second]: 'disputed', [third]: 'to-check' } as const;
    expect(await settledMarks(desk, restored)).toMatchObject(restored);
    await desk.locator(`[data-attribution="${third}"][data-marked="to-check"]`).waitFor();
    await waitForPanelMarks(tabs[0], restored);
    await waitForPanelMarks(tabs[1], restored);
  }, 120000);
});
