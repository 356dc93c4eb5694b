/**
 * npm start: builds the extension, serves demo/ from 127.0.0.1 and opens Chromium with WhoSaid loaded
 * on the demo article. Without a display it runs headless: opens the panel, saves docs/demo.png (the README's picture), prints
 * the who-said-what table, marks two quotes as a fact-checker would and saves docs/desk.png (the desk page), and exits.
 * With a display the browser stays open until you close it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from '../build.mjs';
import { formatAnalysisTable } from './lib/analysis-table.mjs';

const require = createRequire(import.meta.url);
const { ROOT, findChromium, serveFolders, launchBrowser, extensionWorker, readExtensionStorage, waitForOverlay, clickInOverlay, waitInOverlay, panelSeenInRoot } = require('./lib/browser.cjs');

const headless = !process.env.DISPLAY;
const SCREENSHOT = join(ROOT, 'docs', 'demo.png');
const DESK_SCREENSHOT = join(ROOT, 'docs', 'desk.png');

/** Marks a speaker's first quote as a reader would, with the real mouse; waits until it is stored and shown. */
async function mark(page, speaker, value) {
  const item = `[data-speaker="${speaker}"] .item[data-attribution]`;
  // A review counts once the panel has been seen a moment (src/overlay/visibility.ts).
  await waitInOverlay(page, panelSeenInRoot, null, { timeout: 5000 });
  await clickInOverlay(page, `${item} .item-select`);
  await clickInOverlay(page, `${item} [data-mark="${value}"]`);
  await waitInOverlay(page, (root, [selector, wanted]) => root.querySelector(selector)?.getAttribute('data-marked') === wanted, [item, value], { timeout: 5000 });
}
const DEMO_PATH = '/world/russia-baghdadi-claim/';

/** The worker's cached analysis of the page: what the extension found, in full. */
async function cachedAnalysis(context, canonicalUrl) {
  const entries = Object.values(await readExtensionStorage(context, 'analysis:'));
  return entries.find((entry) => entry.reply.canonicalUrl === canonicalUrl)?.reply ?? null;
}

/** Opens the panel as the keyboard shortcut does: the worker asks the active tab's content script. */
async function openPanel(worker) {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    return chrome.tabs.sendMessage(tab.id, { type: 'background/toggle-panel' });
  });
}

async function main() {
  if (!findChromium()) throw new Error('Chromium not found: install Debian chromium (/usr/bin/chromium) or set WHOSAID_CHROMIUM');
  await build();
  // An article-like path: the content script, like a reader, does not take a site's front page for an article.
  const server = await serveFolders({ [DEMO_PATH]: join(ROOT, 'demo') });
  const browser = await launchBrowser({ headless });
  try {
    const worker = await extensionWorker(browser.context);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const started = Date.now();
    await page.goto(`${server.origin}${DEMO_PATH}`);
    const overlay = await waitForOverlay(page);
    console.log(`demo: overlay populated ${Date.now() - started} ms after navigation: ${overlay.count} attributions, speakers: ${overlay.speakers.map((s) => s.name).join(', ')}`);

    const canonicalUrl = await page.evaluate(() => document.querySelector('link[rel=canonical]')?.href ?? location.href.split('#')[0]);
    const analysis = await cachedAnalysis(browser.context, canonicalUrl);
    if (analysis) console.log('\n' + formatAnalysisTable(analysis) + '\n');
    else console.log('demo: no cached analysis found in the worker storage');

    const opened = await openPanel(worker);
    if (!opened?.ok) console.log(`demo: opening the panel failed: ${opened?.error ?? 'no reply'}`);
    await page.waitForTimeout(400);
    if (headless) {
      await page.screenshot({ path: SCREENSHOT });
      console.log(`demo: saved ${SCREENSHOT} (panel open)`);
      await mark(page, 'Ryan Dillon', 'checked');
      await mark(page, 'Russian Defense Ministry', 'disputed');
      const origin = worker.url().match(/^chrome-extension:\/\/[^/]+/)[0];
      const desk = await browser.context.newPage();
      await desk.goto(`${origin}/desk.html`);
      await desk.waitForSelector('[data-attribution][data-marked]');
      await desk.screenshot({ path: DESK_SCREENSHOT });
      console.log(`demo: marked two quotes in the panel; saved ${DESK_SCREENSHOT} (the desk)`);
    } else {
      console.log(`demo: ${server.origin}${DEMO_PATH} is open in Chromium with WhoSaid; close the browser window to finish.`);
      await new Promise((resolve) => browser.context.once('close', resolve));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`demo: ${error.stack ?? error}`);
  process.exit(1);
});
