/**
 * npm run bench:desk:browser: opening the desk page in real Chromium on real storage.local, at 2,000,
 * 10,000 and 16,000 stored attributions (10 an article, the bench:desk generator, written by the desk
 * page itself with chrome.storage.local.set in the store's record format).
 *   rows ms    navigation start → the first rows of the list painted: the first frame after a
 *              [data-attribution] row is in the document (an init script watches for it, so an older
 *              build without the desk's own marks is timed the same way)
 *   first paint  navigation start → the page's first contentful paint (its "Loading the desk…"): the
 *              floor any extension page pays on this machine, for reading the two above under load
 *   ready ms   navigation start → everything loaded: search, filters, ledger and export over the whole
 *              desk (the desk's performance mark `whosaid:desk:ready`; a build without it is ready when
 *              its rows are drawn)
 * Median, min and max over --runs N opens per size (default 7), each in a new tab. Aim (issue 21): rows
 * ≤ 300 ms at 10,000 attributions.
 * The built extension is copied to a temporary folder first, so a rebuild in the working tree during the
 * run cannot swap scripts under the browser.
 * --before DIR times that build too, size by size back to back with this one (an earlier build, copied
 * aside before a change), so the two are compared under the same load.
 * Usage: node scripts/bench-desk-browser.mjs [--no-build] [--runs N] [--sizes 2000,10000] [--extension DIR] [--before DIR]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const { ROOT, EXTENSION_DIR, findChromium, launchBrowser, extensionWorker } = require('./lib/browser.cjs');

const argValue = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Math.max(5, Number(argValue('--runs')) || 7);
const SIZES = (argValue('--sizes') ?? '2000,10000,16000').split(',').map(Number).filter((n) => n > 0);
const BUILT = argValue('--extension');
const BEFORE = argValue('--before');
const AIM_MS = 300;
const PER_ARTICLE = 10;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = (values) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;

/** The generator bundled for the page: a script whose last value is { makeDesk, deskItems }. */
async function fixtureSource() {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'scripts/lib/desk-fixture.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'deskFixture',
    target: 'es2022',
  });
  return result.outputFiles[0].text;
}

/** Runs in every page before its scripts: marks the first frame after the first desk row is in the document. */
function watchFirstRows() {
  if (!location.pathname.endsWith('/desk.html')) return;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-attribution]')) return;
    observer.disconnect();
    // The frame that paints the rows: the next animation frame, then the task after it (the paint has run).
    requestAnimationFrame(() => setTimeout(() => performance.mark('bench:rows-painted'), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function fill(page, source, attributions) {
  await page.evaluate(
    async ({ source, articles }) => {
      const fixture = (0, eval)(`${source};deskFixture`);
      await chrome.storage.local.clear();
      for (const items of fixture.deskItems(fixture.makeDesk(articles))) await chrome.storage.local.set(items);
    },
    { source, articles: Math.ceil(attributions / PER_ARTICLE) },
  );
  return page.evaluate(() => chrome.storage.local.getBytesInUse(null));
}

async function openOnce(context, url, marksReady) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // Long waits: an older build on a loaded 2-core machine took up to 16 s at 10,000 attributions.
    await page.waitForFunction(() => performance.getEntriesByName('bench:rows-painted').length > 0, null, { timeout: 120000, polling: 20 });
    // A build without the ready mark is ready with its rows.
    const ready = marksReady && (await page.waitForFunction(() => performance.getEntriesByName('whosaid:desk:ready').length > 0, null, { timeout: 120000, polling: 20 }).then(() => true));
    return page.evaluate((ready) => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const rows = at('bench:rows-painted');
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { rows, paint, ready: ready ? Math.max(rows, at('whosaid:desk:ready')) : rows, drawn: document.querySelectorAll('[data-attribution]').length };
    }, ready);
  } finally {
    await page.close();
  }
}

/** One build at one size: a fresh browser and profile, the desk written, then RUNS opens after a warm-up. */
async function timeBuild(dir, source, size) {
  const browser = await launchBrowser({ extensionDir: dir, headless: true });
  try {
    await browser.context.addInitScript(watchFirstRows);
    const worker = await extensionWorker(browser.context);
    const origin = worker.url().match(/^chrome-extension:\/\/[^/]+/)[0];
    const filler = await browser.context.newPage();
    await filler.goto(`${origin}/options.html`);
    const bytes = await fill(filler, source, size);
    await filler.close();
    const rows = [];
    const paint = [];
    const ready = [];
    let drawn = 0;
    for (let run = 0; run < RUNS + 1; run++) {
      const opened = await openOnce(browser.context, `${origin}/desk.html`, readFileSync(join(dir, 'desk.js'), 'utf8').includes('whosaid:desk:ready'));
      if (run === 0) continue;
      rows.push(opened.rows);
      paint.push(opened.paint);
      ready.push(opened.ready);
      drawn = opened.drawn;
    }
    return { bytes, rows, paint, ready, drawn };
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!findChromium()) throw new Error('Chromium not found: set WHOSAID_CHROMIUM');
  if (!process.argv.includes('--no-build') && !BUILT) {
    const { build } = await import('../build.mjs');
    await build();
  }
  const builds = [...(BEFORE ? [['before', BEFORE]] : []), [BEFORE ? 'after' : 'desk', BUILT ?? EXTENSION_DIR]].map(([label, dir]) => {
    const copy = mkdtempSync(join(tmpdir(), 'whosaid-desk-bench-'));
    cpSync(dir, copy, { recursive: true });
    return { label, dir, copy };
  });
  const source = await fixtureSource();
  try {
    console.log(`bench:desk:browser: ${builds.map((b) => `${b.label} = ${b.dir}`).join(', ')}; ${findChromium()}; ${RUNS} opens per size after one warm-up`);
    for (const size of SIZES) {
      for (const { label, copy } of builds) {
        const { bytes, rows, paint, ready, drawn } = await timeBuild(copy, source, size);
        const verdict = size === 10000 ? ` (aim ≤ ${AIM_MS} ms: ${median(rows) <= AIM_MS ? 'meets aim' : 'MISSES aim'})` : '';
        console.log(`- ${label}: ${size.toLocaleString('en-US')} attributions, ${(bytes / 1024 / 1024).toFixed(1)} MB in storage.local`);
        console.log(`  rows painted: ${stats(rows)}${verdict}`);
        console.log(`  first paint:  ${stats(paint)}`);
        console.log(`  ready:        ${stats(ready)}; ${drawn} rows in the document once ready`);
      }
    }
  } finally {
    for (const { copy } of builds) rmSync(copy, { recursive: true, force: true });
  }
}

main().catch((error) => {
  // Playwright's message can carry the whole evaluated fixture: its first lines are enough.
  console.error(String(error?.stack ?? error).split('\n').slice(0, 6).join('\n'));
  process.exit(1);
});
