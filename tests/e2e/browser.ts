/**
 * The e2e tier drives Debian Chromium with the built extension (scripts/lib/browser.cjs). Where the
 * browser is missing, the tier is skipped with a loud note in a user's clone, and fails under CI=true.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import * as launcher from '../../scripts/lib/browser.cjs';

export * from '../../scripts/lib/browser.cjs';

const warned = new Set<string>();

/**
 * describe() when `missing` is null; otherwise a loud skip in a user's clone (one banner per tier) or,
 * under CI=true, a failing test: a browser tier may not silently vanish from CI.
 */
export function describeIfAvailable(tier: string, name: string, missing: string | null, fn: () => void): void {
  if (!missing) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test(`needs ${missing}`, () => {
        throw new Error(`CI=true but ${missing} is missing: ${tier} tests cannot be skipped in CI`);
      });
    });
    return;
  }
  if (!warned.has(tier)) {
    warned.add(tier);
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!!  ${tier.toUpperCase()} TESTS SKIPPED: ${missing} not found.\n!!  Nothing about the extension in a real ${tier} was checked.\n${bar}\n`);
  }
  describe.skip(`${name} (skipped: ${missing} not found)`, fn);
}

/** `promise`, or a rejection after `ms`: a frame that never gets a context to evaluate in must not hang a test. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type Step = <T>(name: string, work: () => Promise<T>, ms?: number) => Promise<T>;

/**
 * A test's steps, each bounded (20 s unless told): a step with no answer fails the test with the step's name
 * and every step's time so far, where a hang used to run to Jest's timeout with no clue where (note-keys and
 * note-drafts, in CI only).
 */
export function steps(): Step {
  const began = Date.now();
  const done: string[] = [];
  return async (name, work, ms = 20000) => {
    const started = Date.now();
    try {
      const value = await within(work(), ms);
      done.push(`${name} ${Date.now() - started} ms`);
      return value;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`step "${name}" failed after ${Date.now() - started} ms (${Date.now() - began} ms into the test): ${reason}\nsteps done: ${done.join('; ') || 'none'}`);
    }
  };
}

/**
 * The open note's frame (note.html, the extension's origin: issue 21) once the keyboard is in its note
 * field, as it is after the reader clicks Note. The frame's first load can take seconds on a busy machine
 * (a new renderer process).
 */
export async function focusedNoteFrame(page: Page, timeout = 10000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (!/\/note\.html#[0-9a-f]{32}$/.test(frame.url())) continue;
      const focused = await within(frame.evaluate(() => document.hasFocus() && (document.activeElement as HTMLTextAreaElement | null)?.name === 'note'), 2000).catch(() => false);
      if (focused) return frame;
    }
    if (Date.now() > deadline) {
      const seen = await Promise.all(page.frames().map(async (frame) => `${frame.url()}: ${await within(frame.evaluate(() => `focus ${document.hasFocus()}, active <${document.activeElement?.localName}>, ${document.body?.innerText.slice(0, 80)}`), 2000).catch((error) => String(error))}`));
      throw new Error(`no note frame has the keyboard in its note field; frames:\n${seen.join('\n')}`);
    }
    await page.waitForTimeout(50);
  }
}

/** A page of either driver (Playwright's, or puppeteer's for Firefox): keys are held and let go alike. */
export interface KeyboardOwner {
  keyboard: { down(key: 'Control' | 'Enter'): Promise<unknown>; up(key: 'Control' | 'Enter'): Promise<unknown> };
}

/**
 * Ctrl+Enter in an open note frame, held down until `saved` resolves, then let go. Saving removes the frame,
 * and a key event DevTools sends to a frame removed while the event is on its way is never answered:
 * `keyboard.press('Control+Enter')` hung 20 s in 1 run of 9 here (the keyup, sent while the save went to the
 * panel) and to Jest's timeout in 4 CI runs of 5. Let go once the frame is gone, the keys go to the page.
 */
export async function saveNoteWithKeys(page: KeyboardOwner, saved: () => Promise<unknown>): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.down('Enter');
  try {
    await saved();
  } finally {
    await within(page.keyboard.up('Enter'), 5000).catch(() => undefined);
    await within(page.keyboard.up('Control'), 5000).catch(() => undefined);
  }
}

/** describe() when Chromium and the built extension are there; otherwise skip loudly, or fail under CI. */
export function describeBrowser(name: string, fn: () => void): void {
  const built = fs.existsSync(path.join(launcher.EXTENSION_DIR, 'manifest.json'));
  const missing = !launcher.findChromium() ? 'Chromium (/usr/bin/chromium or $WHOSAID_CHROMIUM)' : !built ? 'the built extension (run npm run build)' : null;
  describeIfAvailable('browser', name, missing, fn);
}

export interface HighlightSummary { names: string[]; ranges: number; texts: string[] }

/**
 * Runs in the page: the highlights it holds in CSS.highlights (the registry is per document, shared with
 * content scripts). Passed to page.evaluate by the Chromium and the Firefox drivers alike.
 */
export function highlightsInPage(): HighlightSummary {
  const names: string[] = [];
  const texts: string[] = [];
  let ranges = 0;
  CSS.highlights.forEach((highlight, name) => {
    names.push(name);
    highlight.forEach((range) => {
      ranges += 1;
      // WhoSaid's highlights are StaticRanges (no cost while the page mutates): read through a live copy.
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      texts.push(live.toString());
    });
  });
  return { names, ranges, texts };
}

export interface PassageBand {
  /** Words of the passage, whitespace collapsed. */
  text: string;
  /** The band's lower edge in viewport pixels; the view's bottom when absent. */
  bottom?: number;
  /** Judge only the passage's first line (its first client rect), not its whole box. */
  firstLine?: boolean;
}

/**
 * Runs in the page: whether a highlighted passage holding `text` lies in the band from the view's top to `bottom`.
 * Passed to waitForFunction by the Chromium and the Firefox drivers alike.
 */
export function passageInBand({ text, bottom, firstLine }: PassageBand): boolean {
  const limit = bottom ?? window.innerHeight;
  for (const [, highlight] of CSS.highlights) {
    for (const placed of highlight) {
      const range = document.createRange();
      range.setStart(placed.startContainer, placed.startOffset);
      range.setEnd(placed.endContainer, placed.endOffset);
      if (!range.toString().replace(/\s+/g, ' ').includes(text)) continue;
      const box = firstLine ? range.getClientRects()[0] : range.getBoundingClientRect();
      if (box && (firstLine || box.height > 0) && box.top >= 0 && box.bottom <= limit) return true;
    }
  }
  return false;
}

export function highlightSummary(page: Page): Promise<HighlightSummary> {
  return page.evaluate(highlightsInPage);
}

/**
 * Starts noting, in the page, the names of highlights added to CSS.highlights from now on (the page's own
 * timer looks every 10 ms); resolves a function that stops and returns them. For a highlight that lasts a
 * moment (the pick's flash, FLASH_MS): read once after the waits that follow the pick, it can be gone already
 * on a busy machine; noted here, it is seen while it is there (the 10 ms looks come due before its end).
 */
export async function noteAddedHighlights(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const before = new Set(CSS.highlights.keys());
    const noted = { before, added: new Set<string>(), timer: undefined as ReturnType<typeof setTimeout> | undefined };
    const look = () => {
      for (const name of CSS.highlights.keys()) if (!before.has(name)) noted.added.add(name);
      noted.timer = setTimeout(look, 10);
    };
    (window as unknown as { __whosaidAdded: typeof noted }).__whosaidAdded = noted;
    look();
  });
  return () =>
    page.evaluate(() => {
      const scope = window as unknown as { __whosaidAdded?: { before: Set<string>; added: Set<string>; timer?: ReturnType<typeof setTimeout> } };
      const noted = scope.__whosaidAdded;
      if (!noted) throw new Error('noteAddedHighlights was not started on this page');
      clearTimeout(noted.timer);
      delete scope.__whosaidAdded;
      for (const name of CSS.highlights.keys()) if (!noted.before.has(name)) noted.added.add(name);
      return [...noted.added];
    });
}

/** Where a phrase's middle character is on screen (scrolled into view first), and whether a WhoSaid highlight covers it. */
export function locatePhrase(page: Page, phrase: string): Promise<{ x: number; y: number; highlighted: boolean }> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const middle = at + (wanted.length >> 1);
      const range = document.createRange();
      range.setStart(node, middle);
      range.setEnd(node, middle + 1);
      const box = range.getBoundingClientRect();
      let highlighted = false;
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('whosaid-')) return;
        highlight.forEach((placed) => {
          const live = document.createRange();
          live.setStart(placed.startContainer, placed.startOffset);
          live.setEnd(placed.endContainer, placed.endOffset);
          if (live.isPointInRange(node!, middle)) highlighted = true;
        });
      });
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, highlighted };
    }
    throw new Error(`"${wanted}" is not on the page`);
  }, phrase);
}

/** Milliseconds from the start of navigation until the overlay shows a count. */
export async function timeToOverlay(page: Page, url: string, timeout = 15000): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await launcher.waitForOverlay(page, timeout);
  return Date.now() - started;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
