/**
 * The panel a reader reads, in a real Chromium with the built extension on the demo (seed) article:
 * how many attributions are fully in view with the panel open on a laptop (1280×900) and a phone
 * (390×844), review controls only on the item the reader picks (by mouse or keyboard), and axe-core
 * finding no violation in the panel and in its note frame (note.html), light and dark.
 *
 * The panel's shadow root is closed, and axe cannot enter one: the test copies the rendered panel
 * (its markup and its stylesheet) into an open shadow root on a page of its own, at the same size,
 * and runs axe there. What axe checks (names, roles, ids, contrast) is all in that copy.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { clickInOverlay, describeBrowser, focusedNoteFrame, inOverlay, launchBrowser, ROOT, serveFolders, setPanelOpen, waitForOverlay, waitInOverlay, type LaunchedBrowser } from './browser';

const DEMO_PATH = '/world/russia-baghdadi-claim/';
const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const DEFENSE_ITEM = '[data-speaker="Russian Defense Ministry"] .item[data-attribution]';

/** Runs in the page with the overlay's shadow root: items whose whole box is inside the list's view and the window. */
function fullyVisibleItems(root: ShadowRoot): number {
  const list = root.querySelector('.groups')!.getBoundingClientRect();
  const bottom = Math.min(list.bottom, window.innerHeight);
  return [...root.querySelectorAll('.groups .item')].filter((item) => {
    const box = item.getBoundingClientRect();
    return box.height > 0 && box.top >= list.top - 0.5 && box.bottom <= bottom + 0.5;
  }).length;
}

interface AxeViolation { id: string; impact: string | null; nodes: string[] }

/** The note frame is checked in place (axeViolationsInFrame): its copy in the panel's is an empty frame. */
function withoutFrameAddresses(html: string): string {
  return html.replace(/(<iframe\b[^>]*?) src="[^"]*"/g, '$1');
}

/** The note frame (note.html, the extension's own page) checked by axe where it is. */
async function axeViolationsInFrame(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ html: string; failureSummary?: string }> }>; passes: unknown[] }> } }).axe;
    // A part of the panel, not a page: the rules for a whole page (one main landmark, a level-one heading) do not apply.
    const rules = { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } };
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    if (result.passes.length === 0) throw new Error('axe checked nothing in the note frame');
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => `${node.html.slice(0, 120)} — ${node.failureSummary ?? ''}`) }));
  });
}

/** The open panel's markup and stylesheet, copied into an open shadow root on a page of its own, checked by axe. */
async function axeViolationsInPanel(browser: LaunchedBrowser, page: Page, colorScheme: 'light' | 'dark'): Promise<AxeViolation[]> {
  const rendered = await inOverlay(page, (root: ShadowRoot) => ({
    html: root.innerHTML,
    css: [...root.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n') + [...root.querySelectorAll('style')].map((style) => style.textContent).join('\n'),
  }));
  expect(rendered!.html).toContain('class="panel"');
  const copy = await browser.context.newPage();
  try {
    await copy.setViewportSize(page.viewportSize()!);
    await copy.emulateMedia({ colorScheme });
    await copy.setContent('<!doctype html><html lang="en"><head><title>WhoSaid panel</title></head><body><main><h1>Article</h1></main><div id="host"></div></body></html>');
    await copy.evaluate(({ html, css }) => {
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      shadow.innerHTML = html;
    }, { ...rendered!, html: withoutFrameAddresses(rendered!.html) });
    await copy.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
    return await copy.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ html: string; failureSummary?: string }> }>; passes: unknown[] }> } }).axe;
      const result = await axe.run({ include: { fromShadowDom: ['#host', '.root'] } }, { resultTypes: ['violations'] });
      if (result.passes.length === 0) throw new Error('axe checked nothing in the copied panel');
      return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => `${node.html.slice(0, 120)} — ${node.failureSummary ?? ''}`) }));
    });
  } finally {
    await copy.close();
  }
}

describeBrowser('e2e: the panel a reader reads', () => {
  let browser: LaunchedBrowser;
  let server: { origin: string; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await serveFolders({ [DEMO_PATH]: path.join(ROOT, 'demo') });
    browser = await launchBrowser({ headless: true, viewport: { width: 1280, height: 900 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openOn(viewport: { width: number; height: number }) {
    await page.setViewportSize(viewport);
    await page.goto(`${server.origin}${DEMO_PATH}`);
    await waitForOverlay(page);
    await setPanelOpen(page, true);
    // The list is drawn a few items a task after opening: wait for every item of the demo's eleven.
    await waitInOverlay(page, (root: ShadowRoot) => root.querySelectorAll('.groups .item').length >= 11, null, { timeout: 5000 });
  }

  test.each([
    [{ width: 1280, height: 900 }, 6],
    [{ width: 390, height: 844 }, 3],
  ])('at %o the open panel shows at least %i attributions in full, and no review buttons until one is picked', async (viewport, least) => {
    await openOn(viewport);
    expect(await inOverlay(page, fullyVisibleItems)).toBeGreaterThanOrEqual(least);
    expect(await inOverlay(page, (root: ShadowRoot) => root.querySelectorAll('[data-mark]').length)).toBe(0);
  }, 30000);

  test('picked with the mouse or with Enter, an item shows its review controls in view; the others stay compact', async () => {
    await openOn({ width: 1280, height: 900 });
    await clickInOverlay(page, `${DEFENSE_ITEM} .item-select`);
    const shown = await waitInOverlay(page, (root: ShadowRoot, selector: string) => {
      const buttons = [...root.querySelectorAll(`${selector}[aria-current="true"] [data-mark]`)];
      const list = root.querySelector('.groups')!.getBoundingClientRect();
      const inView = buttons.every((button) => {
        const box = button.getBoundingClientRect();
        return box.top >= list.top && box.bottom <= list.bottom;
      });
      return buttons.length === 3 && inView ? buttons.map((button) => button.getAttribute('data-mark')) : null;
    }, DEFENSE_ITEM, { timeout: 5000 });
    expect(shown).toEqual(['checked', 'disputed', 'to-check']);
    expect(await inOverlay(page, (root: ShadowRoot) => root.querySelectorAll('[data-mark]').length)).toBe(3);

    // Keyboard: focus another item's button and press Enter.
    await inOverlay(page, (root: ShadowRoot) => (root.querySelector('[data-speaker="Sergey Lavrov"] .item-select') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await waitInOverlay(page, (root: ShadowRoot) => root.querySelectorAll('[data-speaker="Sergey Lavrov"] .item[aria-current="true"] [data-mark]').length === 3, null, { timeout: 5000 });
    expect(await inOverlay(page, (root: ShadowRoot) => root.querySelectorAll('[data-mark]').length)).toBe(3);
  }, 30000);

  test.each(['light', 'dark'] as const)('axe finds no violation in the panel (%s), with an item picked and its note open', async (colorScheme) => {
    await page.emulateMedia({ colorScheme });
    await openOn({ width: 1280, height: 900 });
    await clickInOverlay(page, `${DEFENSE_ITEM} .item-select`);
    await clickInOverlay(page, `${DEFENSE_ITEM} [data-note]`);
    const note = await focusedNoteFrame(page);
    expect(await axeViolationsInPanel(browser, page, colorScheme)).toEqual([]);
    expect(await axeViolationsInFrame(note)).toEqual([]);
    await page.emulateMedia({ colorScheme: null });
  }, 60000);
});
