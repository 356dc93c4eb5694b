/**
 * Issue 21, the desk on real storage: with 10,000 attributions stored, the desk draws a screenful of rows
 * first (reading only the newest articles, through the index, while the rest loads), never all its rows at
 * once; search, filters and export wait for the whole desk and then cover all of it.
 */
import { render } from 'preact';
import type { DomEnv } from '../overlay/dom-env';
import { installDom } from '../overlay/dom-env';
import { storeBackend } from '../../src/desk/backend';
import { Desk, type DeskBackend } from '../../src/desk/Desk';
import { createDeskStore } from '../../src/shared/desk/store';
import type { StoredArticle } from '../../src/shared/desk/schema';
import { MemoryArea } from '../shared/desk/memory-area';
import { deskItems, makeDesk } from '../../scripts/lib/desk-fixture';

/** Rows a tall window (1440 px) shows: each row is well over 100 px high. */
const SCREENFUL = 15;

let env: DomEnv;
let root: HTMLElement;
let area: MemoryArea;
let articles: StoredArticle[];

async function until(condition: () => boolean, ms = 20000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** How many rows each change to the page left drawn, in order (a MutationObserver sees every commit). */
function watchRows(): number[] {
  const counts: number[] = [];
  const observer = new env.window.MutationObserver(() => counts.push(root.querySelectorAll('[data-attribution]').length));
  observer.observe(root, { childList: true, subtree: true });
  return counts;
}

const rowCount = () => root.querySelectorAll('[data-attribution]').length;

beforeAll(async () => {
  articles = makeDesk(1000);
});

beforeEach(async () => {
  env = installDom();
  root = env.document.createElement('div');
  env.document.body.appendChild(root);
  area = new MemoryArea();
  for (const items of deskItems(articles)) await area.set(items);
});

afterEach(() => {
  render(null, root);
  env.restore();
});

function backend(gate?: Promise<void>): DeskBackend {
  const base = storeBackend(createDeskStore(area), { version: 'test', save: () => undefined });
  return gate ? { ...base, load: () => gate.then(() => base.load()) } : base;
}

test('10,000 attributions: the first rows drawn are at most a screenful, and the list grows after', async () => {
  const counts = watchRows();
  render(<Desk backend={backend()} />, root);
  await until(() => /^10,000 attributions from 1,000 articles · [\d.]+ KB/.test(root.querySelector('.lede')?.textContent ?? ''));
  await until(() => rowCount() >= 100);
  const first = counts.find((n) => n > 0)!;
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(SCREENFUL);
  expect(rowCount()).toBe(100);
});

test('while the rest loads: the newest rows from the index, the totals, and search and export waiting', async () => {
  let open!: () => void;
  const counts = watchRows();
  render(<Desk backend={backend(new Promise<void>((resolve) => (open = resolve)))} />, root);
  await until(() => rowCount() > 0);
  // Nothing but the index and the newest articles has been read: the full load is still held.
  const newest = articles[articles.length - 1].claims[0].key;
  expect(root.querySelector(`[data-attribution="${newest}"]`)).not.toBeNull();
  expect(root.querySelector('.lede')?.textContent).toMatch(/^10,000 attributions from 1,000 articles · loading/);
  expect(root.querySelector<HTMLButtonElement>('[data-export-all]')?.disabled).toBe(true);
  expect(Math.max(...counts)).toBeLessThanOrEqual(SCREENFUL);
  open();
  await until(() => root.querySelector<HTMLButtonElement>('[data-export-all]')?.disabled === false);
});

test('search finds an attribution far below the first screen once the desk has loaded', async () => {
  render(<Desk backend={backend()} />, root);
  await until(() => rowCount() > 0);
  // The oldest article's last quotation: the very end of the list.
  const oldest = articles[0].claims[9];
  await until(() => root.querySelector<HTMLButtonElement>('[data-export-all]')?.disabled === false);
  expect(root.querySelector(`[data-attribution="${oldest.key}"]`)).toBeNull();
  const input = root.querySelector<HTMLInputElement>('[data-search]')!;
  input.value = `"${oldest.content}"`;
  input.dispatchEvent(new env.window.Event('input', { bubbles: true }));
  await until(() => rowCount() === 1 && root.querySelector(`[data-attribution="${oldest.key}"]`) !== null);
  expect(root.querySelector('[data-export-results]')?.textContent).toBe('Export this one');
});
