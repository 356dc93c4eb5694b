/**
 * npm run bench:desk: the fact-checker's desk at 10,000 stored attributions across 1,000 articles.
 *
 *   open     the desk page's path from storage to its first rows drawn: the index and the newest records
 *            read from a storage area that copies values in and out as storage.local does (structured
 *            clone), validated, flattened into rows, and the first screen drawn (Preact into a linkedom
 *            document); the first open, which writes the index, is a warm-up. Real storage costs far
 *            more per record read: npm run bench:desk:browser
 *   ready    the same open until everything is read and search, views and export are on
 *   search   a query typed: the rows filtered and the results' first screen drawn again
 *   peer     JSON.parse of the same records, the least any reader of them must pay (the ratio shows what
 *            the desk adds)
 *
 * Medians over --runs N (default 15) after two warm-up runs; aims (issue 11): open ≤ 300 ms, search ≤ 100 ms.
 * Prints the storage size. A benchmark, not a test: the machine is noisy, compare runs made together.
 */
import { performance } from 'node:perf_hooks';
import { render } from 'preact';
import { parseHTML } from 'linkedom';
import { storeBackend } from '../src/desk/backend';
import { Desk, type DeskBackend } from '../src/desk/Desk';
import { deskRows, search } from '../src/desk/model';
import { createDeskStore, type StorageAreaLike } from '../src/shared/desk/store';
import { makeDesk } from './lib/desk-fixture';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(3, Number(process.argv[runsArg + 1]) || 15) : 15;
const ARTICLES = 1_000;

/** storage.local's semantics: values are copied in and out. */
class CloningArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  async get(keys?: null | string | string[] | Record<string, unknown>) {
    const out: Record<string, unknown> = {};
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }
  async set(items: Record<string, unknown>) {
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
  async remove(keys: string | string[]) {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const area = new CloningArea();
  const store = createDeskStore(area);
  await store.importAll(makeDesk(ARTICLES), { keepAll: false });
  const bytes = [...area.data.entries()].reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
  const raw = JSON.stringify(Object.fromEntries(area.data));

  const { document, window } = parseHTML('<!doctype html><html><head></head><body><div id="desk"></div></body></html>');
  Object.assign(globalThis, { document, window, Node: window.Node, Element: window.Element, HTMLElement: window.HTMLElement, Event: window.Event });
  const root = document.getElementById('desk')!;
  const backend: DeskBackend = storeBackend(store, { version: 'bench', save: () => undefined });

  const opened: number[] = [];
  const ready: number[] = [];
  const peer: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    render(null, root);
    const started = performance.now();
    render(<Desk backend={backend} />, root);
    // The desk loads on mount and draws when the data is in: wait for its first screen of rows.
    while (root.querySelectorAll('[data-attribution]').length === 0) await new Promise((resolve) => setImmediate(resolve));
    const took = performance.now() - started;
    // Then the rest of the desk (export enabled): the next open must not queue behind this one's reading.
    while (root.querySelector<HTMLButtonElement>('[data-export-all]')?.disabled !== false) await new Promise((resolve) => setImmediate(resolve));
    const readyTook = performance.now() - started;
    const peerStarted = performance.now();
    JSON.parse(raw);
    const peerTook = performance.now() - peerStarted;
    if (run >= 2) {
      opened.push(took);
      ready.push(readyTook);
      peer.push(peerTook);
    }
  }
  const rowsDrawn = root.querySelectorAll('[data-attribution]').length;

  const data = await store.load();
  const rows = deskRows(data.articles);
  const queries = ['speaker:smith', '"raise taxes"', 'mark:disputed outlet:gotham', 'budget after:2026-01-20', 'court police', 'mark:unmarked speaker:"jane smith" vote'];
  const searched: number[] = [];
  const counts = new Map<string, number>();
  const { h } = await import('preact');
  const { DESK_BATCH } = await import('../src/desk/Desk');
  const list = document.createElement('ul');
  document.body.appendChild(list);
  for (let run = 0; run < RUNS + 2; run++) {
    for (const query of queries) {
      const started = performance.now();
      const results = search(rows, query);
      // The results' first screen drawn, as the desk does on each keystroke.
      render(h('div', null, results.slice(0, DESK_BATCH).map((row) => h('li', { key: `${row.article.id}/${row.key}`, 'data-attribution': row.key }, row.claim.content))), list);
      if (run >= 2) searched.push(performance.now() - started);
      counts.set(query, results.length);
    }
  }

  const fixed = (value: number) => value.toFixed(1);
  console.log(`bench:desk: ${rows.length.toLocaleString('en-US')} attributions across ${data.articles.length.toLocaleString('en-US')} articles, ${RUNS} runs`);
  console.log(`- storage: ${(bytes / 1024 / 1024).toFixed(2)} MB as JSON (${Math.round(bytes / rows.length)} bytes an attribution)`);
  console.log(`- desk open (read, validate, rows, first ${rowsDrawn} drawn): median ${fixed(median(opened))} ms, max ${fixed(Math.max(...opened))} ms (aim ≤ 300 ms: ${median(opened) <= 300 ? 'meets aim' : 'MISSES aim'})`);
  console.log(`  everything loaded (search, views, export): median ${fixed(median(ready))} ms, max ${fixed(Math.max(...ready))} ms`);
  console.log(`  peer, JSON.parse of the same records: median ${fixed(median(peer))} ms; the desk takes ${(median(opened) / median(peer)).toFixed(1)}× that`);
  console.log(`- search (filter + first screen drawn): median ${fixed(median(searched))} ms, max ${fixed(Math.max(...searched))} ms over ${queries.length} queries (aim ≤ 100 ms: ${median(searched) <= 100 ? 'meets aim' : 'MISSES aim'})`);
  for (const [query, count] of counts) console.log(`  ${query}: ${count} results`);
  render(null, root);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
