/**
 * npm run bench:browser: the extension in real Chromium over ../shared/pages and the seed article.
 *   overlay ms      navigation start → overlay shows a count (first visit: the worker runs the engine)
 *   engine ms       the worker's engine time for that article (from its cache entry)
 *   content ms      main-thread time of our content scripts during load (sampled CPU profile in a trace)
 *   longest task    the longest main-thread task that ran any of our code, and our share of it
 *   whosaid steps   sum of the content script's own step measures (whosaid:detect/extract/candidates/highlight)
 * Aims: median overlay ≤ 500 ms; content ≤ 30 ms on every page; no task of ours over 50 ms.
 * Usage: node scripts/bench-browser.mjs [--no-build]
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from '../build.mjs';

const require = createRequire(import.meta.url);
const { ROOT, OVERLAY_TAG, findChromium, serveFolders, launchBrowser, extensionWorker, readExtensionStorage, readOverlay } = require('./lib/browser.cjs');
const { startTrace, summariseTrace } = require('./lib/trace.cjs');

const SHARED = join(ROOT, '..', 'shared');
const NO_OVERLAY_WAIT_MS = 5000;
const AIM = { medianOverlayMs: 500, contentMs: 30, taskMs: 50 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function waitForOverlay(page) {
  try {
    await page.waitForFunction((tag) => !!document.querySelector(tag)?.shadowRoot?.querySelector('[data-count]'), OVERLAY_TAG, {
      timeout: NO_OVERLAY_WAIT_MS,
      polling: 5,
    });
    return true;
  } catch {
    return false;
  }
}

/** First visit: time to overlay, without tracing overhead. */
async function timeVisit(context, url) {
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await waitForOverlay(page);
    const overlayMs = shown ? performance.now() - started : null;
    const overlay = await readOverlay(page);
    const canonical = await page.evaluate(() => [
      document.querySelector('link[rel=canonical]')?.href,
      document.querySelector('meta[property="og:url"]')?.content,
      location.href.split('#')[0],
    ]);
    return { overlayMs, count: overlay?.count ?? 0, canonical };
  } finally {
    await page.close();
  }
}

/** Second visit, traced: our main-thread cost while the page loads and the overlay fills. */
async function traceVisit(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const stopTrace = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await waitForOverlay(page);
    await page.waitForTimeout(300);
    const measures = await page.evaluate(() =>
      performance.getEntriesByType('measure').filter((m) => m.name.startsWith('whosaid:')).map((m) => [m.name, m.duration]),
    );
    const summary = summariseTrace(await stopTrace());
    // whosaid:total spans the wait for the worker; the steps are what runs on the page's thread.
    const steps = measures.filter(([name]) => name !== 'whosaid:total');
    return { ...summary, measuresMs: steps.reduce((sum, [, ms]) => sum + ms, 0), measures: steps };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

async function main() {
  if (!findChromium()) throw new Error('Chromium not found (/usr/bin/chromium or $WHOSAID_CHROMIUM)');
  if (!existsSync(join(SHARED, 'pages'))) throw new Error(`${SHARED}/pages not found: the browser benchmark needs the shared pages`);
  if (!process.argv.includes('--no-build')) await build();

  const server = await serveFolders({ '/pages': join(SHARED, 'pages'), '/fixtures': join(SHARED, 'fixtures'), '/demo': join(ROOT, 'demo') });
  const targets = [
    ['russia-isis-claim (seed)', `${server.origin}/fixtures/russia-isis-claim.html`],
    ...readdirSync(join(SHARED, 'pages'))
      .filter((name) => name.endsWith('.html'))
      .sort()
      .map((name) => [name.replace(/\.html$/, ''), `${server.origin}/pages/${name}`]),
  ];
  const browser = await launchBrowser({ headless: true });
  const rows = [];
  try {
    await extensionWorker(browser.context);
    // Warm-up on the demo page so the first measured page does not also pay the worker's first start.
    await timeVisit(browser.context, `${server.origin}/demo/index.html`);
    for (const [name, url] of targets) rows.push({ name, url, ...(await timeVisit(browser.context, url)) });
    for (const row of rows) Object.assign(row, await traceVisit(browser.context, row.url));
    const analyses = Object.values(await readExtensionStorage(browser.context, 'analysis:'));
    for (const row of rows) {
      const entry = analyses.find((value) => row.canonical.includes(value.reply.canonicalUrl));
      row.engineMs = entry ? entry.reply.engineMs : NaN;
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const lines = [
    '| page | overlay ms | attributions | engine ms | content main-thread ms | longest task with our code, ms (ours) | whosaid steps ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      `| ${row.name} | ${row.overlayMs === null ? 'no overlay' : fixed(row.overlayMs, 0)} | ${row.count} | ${fixed(row.engineMs)} | ${fixed(row.ourMs)} | ${fixed(row.longestTaskMs)} (${fixed(row.ourLongestMs)}) | ${row.measures.length ? fixed(row.measuresMs) : '–'} |`,
    ),
  ];
  const shown = rows.filter((row) => row.overlayMs !== null).map((row) => row.overlayMs);
  const worstContent = Math.max(...rows.map((row) => row.ourMs));
  const worstTask = Math.max(...rows.map((row) => row.longestTaskMs));
  const worstOurShare = Math.max(...rows.map((row) => row.ourLongestMs));
  const mark = (ok) => (ok ? 'meets aim' : 'MISSES aim');
  const summary = [
    `- time to overlay: median ${fixed(median(shown), 0)} ms, worst ${fixed(Math.max(...shown), 0)} ms over ${shown.length} of ${rows.length} pages with an overlay (aim median ≤ ${AIM.medianOverlayMs} ms: ${mark(median(shown) <= AIM.medianOverlayMs)})`,
    `- content main-thread time: median ${fixed(median(rows.map((row) => row.ourMs)))} ms, worst ${fixed(worstContent)} ms (aim ≤ ${AIM.contentMs} ms on every page: ${mark(worstContent <= AIM.contentMs)})`,
    `- longest task that ran our code: ${fixed(worstTask)} ms; our own time in any one task at most ${fixed(worstOurShare)} ms (aim no task of ours over ${AIM.taskMs} ms: ${mark(worstOurShare <= AIM.taskMs)})`,
    `- Chromium ${browserVersion()} headless=new, ${rows.length} pages, one visit each untraced (timing) then one traced (main-thread cost); ${new Date().toISOString().slice(0, 10)}`,
  ];
  console.log('\n' + lines.join('\n') + '\n\n' + summary.join('\n'));
}

function browserVersion() {
  try {
    return require('node:child_process').execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium /, '').split(' ')[0];
  } catch {
    return '?';
  }
}

main().catch((error) => {
  console.error(`bench:browser: ${error.stack ?? error}`);
  process.exit(1);
});
