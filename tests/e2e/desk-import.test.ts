/**
 * A desk backup in a real Chromium with the built extension: a quote is marked in the panel; the desk
 * exports everything as JSON (a real download), erases everything and is closed, so no undo is left;
 * a new desk page imports the file through `input[data-import]`: the mark is back on the desk and, on
 * the article reloaded, in the panel. A second import adds nothing. On the way, axe finds no violation
 * on the desk, full and empty, at 390 and 1440 px, light and dark, and neither width scrolls sideways.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { clickInOverlay, describeBrowser, extensionWorker, inOverlay, launchBrowser, ROOT, serveFolders, setPanelOpen, waitForOverlay, waitInOverlay, type LaunchedBrowser } from './browser';

const ITEM = '[data-speaker="Ryan Dillon"] .item[data-attribution]';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function openDesk(browser: LaunchedBrowser): Promise<Page> {
  const worker = await extensionWorker(browser.context);
  const origin = worker.url().match(/^chrome-extension:\/\/[^/]+/)![0];
  const desk = await browser.context.newPage();
  await desk.goto(`${origin}/desk.html`);
  await desk.waitForSelector('.lede');
  return desk;
}

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core run in the page (evaluated over the DevTools protocol: the desk's CSP allows no injected script tag). */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run(document);
    return violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}

/** The desk at both widths and in both colour schemes: no axe violation, no sideways scrolling; side by side when wide. */
async function checkDesk(desk: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [390, 1440]) {
      await desk.emulateMedia({ colorScheme });
      await desk.setViewportSize({ width, height: 900 });
      const where = `${state}, ${colorScheme}, ${width} px`;
      expect({ where, violations: await axeViolations(desk) }).toEqual({ where, violations: [] });
      const layout = await desk.evaluate(() => {
        const list = document.querySelector('.list')!.getBoundingClientRect();
        const side = document.querySelector('.side')!.getBoundingClientRect();
        return { sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth, beside: side.left >= list.right };
      });
      expect({ where, ...layout }).toEqual({ where, sideways: false, beside: width === 1440 });
    }
  }
  await desk.emulateMedia({ colorScheme: 'light' });
}

describeBrowser('e2e: the desk is backed up and restored (export, erase, import)', () => {
  let server: { origin: string; close(): Promise<void> };
  let site: string;
  let url: string;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-import-site-'));
    fs.writeFileSync(path.join(site, 'index.html'), fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8'));
    server = await serveFolders({ '/news/2024/russia-baghdadi-claim': site });
    url = `${server.origin}/news/2024/russia-baghdadi-claim/`;
    browser = await launchBrowser({ headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  test('mark, export, erase, close the desk, import: the mark is back on the desk and on the page; importing again adds nothing', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
    await waitForOverlay(page);
    await setPanelOpen(page, true);
    const key = await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-attribution') ?? null, ITEM);
    expect(key).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
    // The item first (review buttons may show only on the picked item), then its mark.
    await clickInOverlay(page, `${ITEM} .item-select`);
    await clickInOverlay(page, `${ITEM} [data-mark="checked"]`);
    await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'checked', ITEM, { timeout: 5000 });

    let desk = await openDesk(browser);
    await desk.locator(`[data-attribution="${key}"][data-marked="checked"]`).waitFor();
    await checkDesk(desk, 'one mark');

    await desk.selectOption('[data-export-format]', 'json');
    const download = desk.waitForEvent('download');
    await desk.click('[data-export-all]');
    const file = (await (await download).path())!;
    const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ tool: 'WhoSaid', deskSchema: 1 });
    expect(backup.articles[0].attributions).toEqual([expect.objectContaining({ attribution: key, mark: 'checked', updatedAt: expect.any(Number) })]);

    await desk.click('[data-erase-all]');
    await desk.locator('[data-empty]').waitFor();
    expect(await desk.locator('[data-attribution]').count()).toBe(0);
    await checkDesk(desk, 'empty');
    // Closed after the erase: the page's undo is gone with it, only the file is left.
    await desk.close();
    desk = await openDesk(browser);
    await desk.locator('[data-empty]').waitFor();
    expect(await desk.locator('[data-undo]').count()).toBe(0);

    await desk.setInputFiles('input[type="file"][data-import]', file);
    await desk.locator('[data-import-status]', { hasText: 'Imported 1 attribution from 1 article.' }).waitFor();
    await desk.locator(`[data-attribution="${key}"][data-marked="checked"]`).waitFor();

    await desk.setInputFiles('input[type="file"][data-import]', file);
    await desk.locator('[data-import-status]', { hasText: 'Nothing new: the attribution in the file was already on the desk.' }).waitFor();
    expect(await desk.locator('[data-attribution]').count()).toBe(1);

    await page.bringToFront();
    await page.reload();
    await waitForOverlay(page);
    await setPanelOpen(page, true);
    await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'checked', ITEM, { timeout: 5000 });
    expect(await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-attribution'), ITEM)).toBe(key);
  }, 180000);
});
