/**
 * Issue 21: a note being typed is never lost, in a real Chromium with the built extension on the demo article.
 * - Refused: the reader types a note, the page then covers the panel with an opaque top-layer popover
 *   (pointer-events: none), and the reader presses Ctrl+Enter. The save is refused (the panel is not seen),
 *   but the note frame stays open with the text as typed and says why in plain words; once the cover is gone,
 *   Ctrl+Enter again saves it (panel and desk).
 * - Rebuilt: the reader types a note, then the page document.open()s and writes itself again, which wipes the
 *   overlay with the rest of the document. Once the overlay is back, opening the same attribution's note
 *   brings the draft back into the note field; Ctrl+Enter saves it. The draft is never in the page's DOM.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import {
  clickInOverlay,
  describeBrowser,
  extensionWorker,
  focusedNoteFrame,
  inOverlay,
  launchBrowser,
  panelSeenInRoot,
  ROOT,
  saveNoteWithKeys,
  serveFolders,
  setPanelOpen,
  steps,
  waitForOverlay,
  waitInOverlay,
  within,
  type LaunchedBrowser,
} from './browser';

const ITEM = '[data-speaker="Ryan Dillon"] .item[data-attribution]';
const COVERED_NOTE = 'Typed before the page covered the panel';
const REBUILT_NOTE = 'Typed before the page wrote itself again';

/** A cover the page shows on demand: opaque, full viewport, top layer, and letting every click through. */
const COVER_SCRIPT = `<script>
window.__cover = (show) => {
  let veil = document.getElementById('cover');
  if (!veil) {
    veil = document.createElement('div');
    veil.id = 'cover';
    veil.setAttribute('popover', 'manual');
    veil.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;background:#fff;opacity:1;pointer-events:none';
    veil.textContent = 'Nothing to see here.';
    document.body.appendChild(veil);
  }
  if (show) veil.showPopover(); else veil.hidePopover();
};
</script>`;

/** The note field's value and the frame's error line, in the open note frame (null: none open). */
async function noteFrameState(page: Page): Promise<{ note: string; error: string | null } | null> {
  for (const frame of page.frames()) {
    if (!/\/note\.html#[0-9a-f]{32}$/.test(frame.url())) continue;
    // A frame left half-made by a rebuilt page may never get a context to evaluate in: ask for 2 s at most.
    const state = await within(frame.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('textarea[name="note"]');
      return field ? { note: field.value, error: document.querySelector('.note-error')?.textContent ?? null } : null;
    }), 2000).catch(() => null);
    if (state) return state;
  }
  return null;
}

/** The desk page's row for `key`: its text, or null when the desk has no such row. */
async function deskRow(browser: LaunchedBrowser, key: string): Promise<string | null> {
  const worker = await extensionWorker(browser.context);
  const origin = worker.url().match(/^chrome-extension:\/\/[^/]+/)![0];
  const desk = await browser.context.newPage();
  try {
    await desk.goto(`${origin}/desk.html`);
    await desk.waitForSelector('.lede, [data-empty]');
    return await desk.evaluate((wanted) => document.querySelector(`[data-attribution="${wanted}"]`)?.textContent ?? null, key);
  } finally {
    await desk.close();
  }
}

/** Opens the panel, picks Dillon's first quote and opens its note: the keyboard is then in the note field. */
async function openNote(page: Page): Promise<{ key: string; frame: Frame }> {
  await setPanelOpen(page, true);
  const key = await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-attribution') ?? null, ITEM);
  expect(key).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
  await clickInOverlay(page, `${ITEM} .item-select`);
  await clickInOverlay(page, `${ITEM} [data-note]`);
  return { key: key!, frame: await focusedNoteFrame(page) };
}

const savedNote = (page: Page, text: string) =>
  waitInOverlay(page, (root, [selector, wanted]) => root.querySelector(`${selector} [data-note-text]`)?.textContent === wanted, [ITEM, text], { timeout: 5000 });

// In CI (2 cores, both copies) one of these tests hung to its timeout in 3 runs of 4; they pass alone in about
// 6 s. Every step is bounded and named (steps()), and a failed attempt is tried again (logged), so a draft
// really lost still fails every attempt. The hang is in docs/EVALUATION.md's known gaps.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

describeBrowser('e2e: a note being typed is never lost (issue 21)', () => {
  let server: { origin: string; close(): Promise<void> };
  let site: string;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-drafts-'));
    const demo = fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
    const pages: Record<string, string> = {
      covered: demo.replace(/<link rel="canonical" href="[^"]*">/, '<link rel="canonical" href="http://127.0.0.1/news/drafts-covered">').replace('</body>', `${COVER_SCRIPT}</body>`),
      rebuilt: demo.replace(/<link rel="canonical" href="[^"]*">/, '<link rel="canonical" href="http://127.0.0.1/news/drafts-rebuilt">'),
    };
    const mounts: Record<string, string> = {};
    for (const [name, html] of Object.entries(pages)) {
      fs.mkdirSync(path.join(site, name));
      fs.writeFileSync(path.join(site, name, 'index.html'), html);
      mounts[`/news/2024/drafts-${name}`] = path.join(site, name);
    }
    server = await serveFolders(mounts);
  }, 60000);

  // A browser (and profile) per attempt: an attempt tried again finds no note saved by the one before.
  beforeEach(async () => {
    browser = await launchBrowser({ headless: true });
  }, 30000);

  afterEach(async () => {
    await within(browser?.close() ?? Promise.resolve(), 10000).catch(() => undefined);
  });

  afterAll(async () => {
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  test('a save refused because the panel is covered keeps the note open with its text and says why; saved once uncovered', async () => {
    const step = steps();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await step('open the article', () => page.goto(`${server.origin}/news/2024/drafts-covered/`));
    await step('wait for the overlay', () => waitForOverlay(page));
    const { key } = await step('open the note', () => openNote(page));
    await step('type the note', () => page.keyboard.type(COVERED_NOTE));
    expect(await step('read the note frame', () => noteFrameState(page))).toEqual({ note: COVERED_NOTE, error: null });

    // The page covers the panel; the browser stops reporting it seen.
    await step('cover the panel', () => page.evaluate(() => (window as unknown as { __cover(show: boolean): void }).__cover(true)));
    await step('wait for the panel unseen', () => waitInOverlay(page, (root) => !root.querySelector('.mount[data-seen]'), null, { timeout: 5000 }));
    await step('press Ctrl+Enter', () => page.keyboard.press('Control+Enter'));
    // The answer goes from the frame to the panel and back (two processes): a fixed second need not cover it on
    // a busy machine. Waited for: the frame says why, or (a save that went through) the panel shows the note.
    await step('wait for the answer to the save', async () => {
      const answered = async () => !!(await noteFrameState(page))?.error || (await inOverlay(page, (root, selector) => root.querySelector(`${selector} [data-note-text]`) !== null, ITEM, false));
      for (const deadline = Date.now() + 10000; !(await answered()) && Date.now() < deadline; ) await page.waitForTimeout(50);
    });
    // Not saved, and the note still there as typed, with the reason in plain words.
    expect(await step('read the panel', () => inOverlay(page, (root, selector) => root.querySelector(`${selector} [data-note-text]`)?.textContent ?? null, ITEM))).toBeNull();
    const refused = await step('read the note frame', () => noteFrameState(page));
    expect(refused?.note).toBe(COVERED_NOTE);
    expect(refused?.error).toMatch(/^Not saved: the panel is covered by something on the page/);
    expect(await step('read the desk', () => deskRow(browser, key))).toBeNull();

    // Uncovered and seen again: the same key saves it.
    await step('bring the page to the front', () => page.bringToFront());
    await step('uncover the panel', () => page.evaluate(() => (window as unknown as { __cover(show: boolean): void }).__cover(false)));
    await step('wait for the panel seen', () => waitInOverlay(page, panelSeenInRoot, null, { timeout: 5000 }));
    await step('focus the note field', async () => (await focusedNoteFrame(page)).focus('textarea[name="note"]', { timeout: 5000 }));
    await step('save with Ctrl+Enter', () => saveNoteWithKeys(page, () => savedNote(page, COVERED_NOTE)));
    expect(await step('read the note frame', () => noteFrameState(page))).toBeNull();
    expect(await step('read the desk', () => deskRow(browser, key))).toContain(COVERED_NOTE);
  }, 60000);

  test('document.open and write while a note is typed: the rebuilt panel gives the draft back when the note is opened again; Ctrl+Enter saves it', async () => {
    const step = steps();
    const page = await step('open a tab', () => browser.context.newPage());
    try {
      await step('open the article', () => page.goto(`${server.origin}/news/2024/drafts-rebuilt/`));
      const first = (await step('wait for the overlay', () => waitForOverlay(page)))!;
      const { key } = await step('open the note', () => openNote(page));
      await step('type the note', () => page.keyboard.type(REBUILT_NOTE));
      expect((await step('read the note frame', () => noteFrameState(page)))?.note).toBe(REBUILT_NOTE);

      // The page's own markup, written over itself; fetched here, so the page's call returns at once.
      const html = await step('fetch the markup', async () => (await fetch(page.url())).text());
      await step('rewrite the page', () => page.evaluate((markup) => {
        document.open();
        document.write(markup);
        document.close();
      }, html), 10000);
      expect(await step('wait for the overlay again', () => waitForOverlay(page, 10000))).toEqual(first);
      expect(await step('read the note frame', () => noteFrameState(page))).toBeNull();

      const { frame } = await step('open the note again', () => openNote(page));
      expect(await step('read the note field', () => frame.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[name="note"]')!.value), 2000)).toBe(REBUILT_NOTE);
      // Nothing of the draft where the page's scripts can read it.
      expect(await step('search the page for the draft', () => page.evaluate((text) => [document.documentElement.outerHTML, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), location.href].some((place) => place.includes(text)), REBUILT_NOTE))).toBe(false);

      await step('save with Ctrl+Enter', () => saveNoteWithKeys(page, () => savedNote(page, REBUILT_NOTE)));
      expect(await step('read the desk', () => deskRow(browser, key))).toContain(REBUILT_NOTE);
    } finally {
      await within(page.close(), 5000).catch(() => undefined);
    }
  }, 60000);
});
