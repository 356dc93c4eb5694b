/**
 * npm run bench:stress: what WhoSaid costs a busy or huge page, in real Chromium, against the same browser
 * without the extension, in the same run.
 *   churn page   an article with QUOTES quotations and a 60 Hz ticker rewriting a line of text: the
 *                main thread's busy time over WINDOW_MS once the overlay is up (CDP Performance.getMetrics
 *                TaskDuration), with and without the extension, and the extra share (aim ≤ 10%);
 *                also the ticker's updates per second with and without
 *   huge page    an article with HUGE quotations: the longest task while the panel opens (PerformanceObserver
 *                long tasks; aim none over 50 ms)
 * Usage: node scripts/bench-stress.mjs [--no-build] [--runs N] [--extension DIR] [--open-only]   (default 3 runs;
 * medians; WHOSAID_STRESS_QUOTES=N sets the churn page's quotations)
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from '../build.mjs';

const require = createRequire(import.meta.url);
const { EXTENSION_DIR, findChromium, serveFolders, launchBrowser, waitForOverlay, setPanelOpen, inOverlay } = require('./lib/browser.cjs');

const QUOTES = Number(process.env.WHOSAID_STRESS_QUOTES) || 1_000;
const HUGE = 10_000;
const WINDOW_MS = 10_000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const extensionArg = process.argv.indexOf('--extension');

const NAMES = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Peter Olsen', 'Fatima Khan', 'Luis Romero', 'Grace Obi', 'Tom Reyes'];

function articleHtml(quotes, ticker) {
  const paragraphs = [];
  for (let k = 0; k < quotes; k++) {
    const name = NAMES[k % NAMES.length];
    paragraphs.push(`<p>“The council will vote on plan number ${k} next week, and we expect it to pass,” ${name} said on Tuesday.</p>`);
  }
  const tick = ticker
    ? `<script>let n = 0; const clock = document.getElementById('ticker'); (function frame() { clock.textContent = 'Markets ' + (n++); requestAnimationFrame(frame); })();</script>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Council plans</title><meta property="og:type" content="article"></head>
<body><p id="ticker">Markets</p><article><h1>Council plans</h1>${paragraphs.join('\n')}</article>${tick}</body></html>`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function busyTime(page, windowMs) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const metric = async () => (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const ticks = async () => page.evaluate(() => Number((document.getElementById('ticker').textContent || '').replace(/\D+/g, '')) || 0);
  const [before, ticksBefore] = [await metric(), await ticks()];
  await page.waitForTimeout(windowMs);
  const [after, ticksAfter] = [await metric(), await ticks()];
  await session.detach();
  return { busyMs: (after - before) * 1000, updatesPerSecond: ((ticksAfter - ticksBefore) * 1000) / windowMs };
}

async function churnRun(origin, extensionDir) {
  const browser = await launchBrowser({ extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/churn.html`);
    if (extensionDir) await waitForOverlay(page, 30_000);
    else await page.waitForTimeout(1_000);
    // Let the first paint of the highlights settle before measuring.
    await page.waitForTimeout(1_000);
    return await busyTime(page, WINDOW_MS);
  } finally {
    await browser.close();
  }
}

async function panelOpenRun(origin, extensionDir) {
  const browser = await launchBrowser({ extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/huge.html`);
    await waitForOverlay(page, 60_000);
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
    });
    await setPanelOpen(page, true);
    await page.waitForTimeout(1_500);
    const tasks = await page.evaluate(() => window.__longTasks);
    const count = await inOverlay(page, (root) => root.querySelector('[data-count]')?.getAttribute('data-count'));
    return { longest: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, count: Number(count) };
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!findChromium()) throw new Error('Chromium not found: apt-get install -y chromium');
  if (!process.argv.includes('--no-build') && extensionArg < 0) await build();
  const extensionCopy = mkdtempSync(join(tmpdir(), 'whosaid-ext-'));
  cpSync(extensionArg > 0 ? process.argv[extensionArg + 1] : EXTENSION_DIR, extensionCopy, { recursive: true });
  const pages = mkdtempSync(join(tmpdir(), 'whosaid-stress-'));
  mkdirSync(pages, { recursive: true });
  writeFileSync(join(pages, 'churn.html'), articleHtml(QUOTES, true));
  writeFileSync(join(pages, 'huge.html'), articleHtml(HUGE, false));
  const server = await serveFolders({ '/': pages });
  try {
    const without = [];
    const withExtension = [];
    for (let run = 0; run < (process.argv.includes('--open-only') ? 0 : RUNS); run++) {
      without.push(await churnRun(server.origin, null));
      withExtension.push(await churnRun(server.origin, extensionCopy));
    }
    if (without.length > 0) {
      const busyWithout = median(without.map((r) => r.busyMs));
      const busyWith = median(withExtension.map((r) => r.busyMs));
      const extra = (busyWith - busyWithout) / WINDOW_MS;
      console.log(`churn page (${QUOTES} quotations, a 60 Hz ticker), ${RUNS} runs each, medians over ${WINDOW_MS / 1000} s:`);
      console.log(`  main thread busy: ${Math.round(busyWithout)} ms without WhoSaid, ${Math.round(busyWith)} ms with it: ${(extra * 100).toFixed(1)}% of the time extra (aim ≤ 10%: ${extra <= 0.1 ? 'met' : 'NOT met'})`);
      console.log(`  ticker updates per second: ${median(without.map((r) => r.updatesPerSecond)).toFixed(1)} without, ${median(withExtension.map((r) => r.updatesPerSecond)).toFixed(1)} with`);
    }
    const opens = [];
    for (let run = 0; run < RUNS; run++) opens.push(await panelOpenRun(server.origin, extensionCopy));
    const longest = median(opens.map((r) => r.longest));
    console.log(`huge page (${HUGE} quotations; the text is cut at 200,000 characters, ${opens[0].count} shown): longest task while the panel opens, median ${Math.round(longest)} ms, worst ${Math.round(Math.max(...opens.map((r) => r.longest)))} ms (aim none over 50 ms: ${Math.max(...opens.map((r) => r.longest)) <= 50 ? 'met' : 'NOT met'})`);
  } finally {
    await server.close();
    rmSync(pages, { recursive: true, force: true });
    rmSync(extensionCopy, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
