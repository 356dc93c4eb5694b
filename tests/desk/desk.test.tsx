/**
 * The desk page in a DOM (linkedom): what it lists, the contract attributes, search, the ledger, provenance,
 * the plain statement of what is kept, export and erase (with undo), and a clear message for corrupt data.
 */
import { render } from 'preact';
import type { DomEnv } from '../overlay/dom-env';
import { click, installDom } from '../overlay/dom-env';
import { settle } from '../overlay/harness';
import { storeBackend } from '../../src/desk/backend';
import { Desk, type DeskBackend } from '../../src/desk/Desk';
import { createDeskStore, ARTICLE_KEY_PREFIX } from '../../src/shared/desk/store';
import { MemoryArea } from '../shared/desk/memory-area';
import { META, claimOn } from '../shared/desk/fixture';

let env: DomEnv;
let area: MemoryArea;
let saved: Array<{ text: string; filename: string; mime: string }>;
let root: HTMLElement;

function backendOn(storage: MemoryArea): DeskBackend {
  return storeBackend(createDeskStore(storage), {
    version: '0.2.0',
    save: (text, filename, mime) => saved.push({ text, filename, mime }),
    now: () => new Date('2026-12-05T12:00:00Z'),
  });
}

/** Resolves once `condition` holds (polled on timers: the desk's storage calls are promises). */
async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function mount(storage = area): Promise<void> {
  render(<Desk backend={backendOn(storage)} />, root);
  await until(() => root.querySelector('.lede') !== null);
}

const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const qa = (selector: string) => Array.from(root.querySelectorAll<HTMLElement>(selector));

beforeEach(async () => {
  env = installDom();
  root = env.document.createElement('div');
  env.document.body.appendChild(root);
  area = new MemoryArea();
  saved = [];
  const store = createDeskStore(area);
  await store.review(META, claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon'), { mark: 'disputed', note: 'Pentagon contradicts' });
  await store.review(META, claimOn('may have', 'the ministry', { kind: 'mixed' }), { mark: 'to-check' });
  const other = { ...META, url: 'https://other.example/b', title: 'Second story', outlet: 'Other Outlet', published: '2026-03-05T00:00:00Z' };
  await store.review(other, claimOn('We cannot confirm the reports at this time.', 'Dillon', { meta: other }), { speaker: 'Ryan Dillon' });
});

afterEach(() => {
  render(null, root);
  env.restore();
});

test('every stored attribution is an element with data-attribution, and data-marked once marked', async () => {
  await mount();
  const rows = qa('[data-attribution]');
  expect(rows).toHaveLength(3);
  expect(rows.map((row) => row.getAttribute('data-marked')).sort()).toEqual(['disputed', 'to-check', null].sort());
  for (const row of rows) expect(row.getAttribute('data-attribution')).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
  expect(q('.lede')?.textContent).toMatch(/^3 attributions from 2 articles · [\d.]+ KB on this device$/);
});

test('marking on the desk is stored and shown', async () => {
  await mount();
  const row = qa('[data-attribution]').find((element) => !element.hasAttribute('data-marked'))!;
  const key = row.getAttribute('data-attribution');
  click(row.querySelector('[data-mark="checked"]')!);
  await until(() => q(`[data-attribution="${key}"]`)?.getAttribute('data-marked') === 'checked');
  expect(q(`[data-attribution="${key}"]`)?.getAttribute('data-marked')).toBe('checked');
  expect(JSON.stringify([...area.data.values()])).toContain('"mark":"checked"');
});

test('search by speaker, outlet and mark', async () => {
  await mount();
  const input = q<HTMLInputElement>('[data-search]')!;
  const searchFor = async (text: string) => {
    input.value = text;
    input.dispatchEvent(new env.window.Event('input', { bubbles: true }));
    await settle();
    return qa('[data-attribution]').length;
  };
  expect(await searchFor('mark:disputed')).toBe(1);
  expect(await searchFor('outlet:other')).toBe(1);
  expect(await searchFor('speaker:"ryan dillon"')).toBe(2);
  expect(await searchFor('confirm')).toBe(2);
});

test('the speaker ledger folds the corrected speaker in; provenance shows the quotation seen in two outlets', async () => {
  await mount();
  click(q('[data-tab="ledger"]')!);
  await settle();
  const dillon = q('[data-ledger-speaker="Ryan Dillon"]')!;
  expect(dillon.querySelectorAll('[data-attribution]')).toHaveLength(2);
  expect(dillon.textContent).toContain('2 claims in 2 articles');
  click(q('[data-tab="provenance"]')!);
  await settle();
  const group = q('[data-provenance]')!;
  expect(group.textContent).toContain('Seen in 2 outlets (News Example, Other Outlet) · earliest 2026-03-01, News Example');
});

test('what is kept is said plainly, and the setting to keep everything is one click', async () => {
  await mount();
  expect(q('[data-kept-statement]')?.textContent).toMatch(/keeps only the articles you reviewed .* on this device only\. Nothing leaves it\./);
  const box = q<HTMLInputElement>('[data-keep-all]')!;
  box.checked = true;
  box.dispatchEvent(new env.window.Event('change', { bubbles: true }));
  await until(() => /keeps every article/.test(q('[data-kept-statement]')?.textContent ?? ''));
  expect(q('[data-kept-statement]')?.textContent).toMatch(/keeps every article it analyses/);
});

test('export everything is one click; the file carries URL, title and the version', async () => {
  await mount();
  click(q('[data-export-all]')!);
  expect(saved).toHaveLength(1);
  expect(saved[0].filename).toBe('whosaid-desk-2026-12-05-12-00-00.csv');
  expect(saved[0].text).toContain(META.url);
  expect(saved[0].text).toContain(META.title);
  expect(saved[0].text).toContain('"0.2.0"');
});

test('erase everything is one click, and can be undone while the page is open', async () => {
  await mount();
  click(q('[data-erase-all]')!);
  await until(() => qa('[data-attribution]').length === 0);
  expect([...area.data.keys()].filter((key) => key.startsWith(ARTICLE_KEY_PREFIX))).toEqual([]);
  click(q('[data-undo]')!);
  await until(() => qa('[data-attribution]').length === 3);
});

test('undo after a mark made in an open tab since the erase: the erased marks come back and the new mark stays', async () => {
  await mount();
  click(q('[data-erase-all]')!);
  await until(() => qa('[data-attribution]').length === 0);
  // A panel still open on the article marks a quote after the erase (the worker's store, on the same storage).
  const later = claimOn('killed the leader', 'the ministry');
  await createDeskStore(area).review(META, later, { mark: 'checked' });
  click(q('[data-undo]')!);
  await until(() => q('[data-undo]') === null && qa('[data-attribution]').length > 1);
  expect(qa('[data-attribution]').map((row) => row.getAttribute('data-marked')).sort()).toEqual(['checked', 'disputed', 'to-check', null].sort());
  expect(q(`[data-attribution="${later.key}"]`)?.getAttribute('data-marked')).toBe('checked');
});

test('corrupt or foreign data gives a clear message and loses nothing else', async () => {
  await area.set({ [`${ARTICLE_KEY_PREFIX}junk`]: { nope: true } });
  await mount();
  expect(q('[data-problems]')?.textContent).toContain('Some stored data could not be read. Everything else is shown below, and nothing was deleted');
  expect(qa('[data-attribution]')).toHaveLength(3);
});
