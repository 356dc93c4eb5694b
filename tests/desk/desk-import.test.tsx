/**
 * The desk page in a DOM (linkedom): a backup imported through `input[data-import]` merges back with the
 * outcome in plain words; a second import adds nothing; a refused file says why and changes nothing; a
 * note holding markup is shown as text. The empty desk says how to fill it; counts read in correct
 * plurals; each speaker has their initials on their colour, the same across articles.
 */
import { render } from 'preact';
import type { DomEnv } from '../overlay/dom-env';
import { click, installDom } from '../overlay/dom-env';
import { storeBackend } from '../../src/desk/backend';
import { Desk, type ImportFile } from '../../src/desk/Desk';
import { toDeskJson } from '../../src/shared/desk/backup';
import { IMPORT_LIMITS } from '../../src/shared/desk/import';
import { SPEAKER_PALETTE } from '../../src/shared/palette';
import { ARTICLE_KEY_PREFIX, createDeskStore } from '../../src/shared/desk/store';
import { MemoryArea } from '../shared/desk/memory-area';
import { META, claimOn } from '../shared/desk/fixture';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const OTHER = { ...META, url: 'https://other.example/b', title: 'Second story', outlet: 'Other Outlet', published: '2026-03-05T00:00:00Z' };

let env: DomEnv;
let area: MemoryArea;
let saved: Array<{ text: string; filename: string }>;
let root: HTMLElement;

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function mount(): Promise<void> {
  const backend = storeBackend(createDeskStore(area), {
    version: '0.2.0',
    save: (text, filename) => saved.push({ text, filename }),
    now: () => new Date('2026-12-05T12:00:00Z'),
  });
  render(<Desk backend={backend} />, root);
  await until(() => root.querySelector('.lede') !== null);
}

const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const qa = (selector: string) => Array.from(root.querySelectorAll<HTMLElement>(selector));
const rowsShown = () => qa('[data-attribution]').length;

/** Chooses a file in the import control as a reader does: the input's files, then its change event. */
function choose(file: ImportFile): void {
  const input = q<HTMLInputElement>('input[type="file"][data-import]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new env.window.Event('change', { bubbles: true }));
}

const fileOf = (name: string, text: string): ImportFile & { reads: number } => ({ name, size: text.length, reads: 0, async text() { this.reads++; return text; } });

async function importStatus(): Promise<string> {
  await until(() => !!q('[data-import-status]')?.textContent && q('[data-import-status]')?.getAttribute('data-kind') !== 'reading');
  return q('[data-import-status]')!.textContent!;
}

async function fill(): Promise<void> {
  const store = createDeskStore(area);
  await store.review(META, claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon'), { mark: 'disputed', note: HOSTILE });
  await store.review(META, claimOn('may have', 'the ministry', { kind: 'mixed' }), { mark: 'to-check' });
  await store.review(OTHER, claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon', { meta: OTHER }), { mark: 'checked' });
}

beforeEach(() => {
  env = installDom();
  root = env.document.createElement('div');
  env.document.body.appendChild(root);
  area = new MemoryArea();
  saved = [];
});

afterEach(() => {
  render(null, root);
  env.restore();
});

test('export everything as JSON, erase, import the file: every mark is back, and a second import adds nothing', async () => {
  await fill();
  await mount();
  const select = q<HTMLSelectElement>('[data-export-format]')!;
  // linkedom's select.value has no setter: the chosen option is the selected one.
  for (const option of Array.from(select.querySelectorAll('option'))) option.toggleAttribute('selected', option.getAttribute('value') === 'json');
  select.dispatchEvent(new env.window.Event('change', { bubbles: true }));
  await until(() => q<HTMLSelectElement>('[data-export-format]')!.value === 'json');
  click(q('[data-export-all]')!);
  expect(saved[0].filename).toBe('whosaid-desk-2026-12-05-12-00-00.json');
  expect(JSON.parse(saved[0].text)).toMatchObject({ tool: 'WhoSaid', deskSchema: 1 });

  click(q('[data-erase-all]')!);
  await until(() => rowsShown() === 0);
  expect([...area.data.keys()].filter((key) => key.startsWith(ARTICLE_KEY_PREFIX))).toEqual([]);

  choose(fileOf('backup.json', saved[0].text));
  expect(await importStatus()).toBe('Imported 3 attributions from 2 articles.');
  await until(() => rowsShown() === 3);
  expect(qa('[data-attribution]').map((row) => row.getAttribute('data-marked')).sort()).toEqual(['checked', 'disputed', 'to-check']);

  choose(fileOf('backup.json', saved[0].text));
  await until(() => /^Nothing new/.test(q('[data-import-status]')?.textContent ?? ''));
  expect(q('[data-import-status]')!.textContent).toBe('Nothing new: all 3 attributions in the file were already on the desk.');
  expect(rowsShown()).toBe(3);
});

test('a note holding markup is shown as its text: no element is made of it', async () => {
  const file = toDeskJson(
    [{ article: { ...META, id: 'x', firstSeen: 1, lastSeen: 1, pinned: false, claims: [] }, claim: { ...claimOn('may have', 'the ministry'), seenAt: 1, review: { mark: 'checked', note: HOSTILE, speaker: null, updatedAt: 5 } } }],
    { exportedAt: '2026-12-05T12:00:00Z', version: '0.2.0' },
  );
  await mount();
  choose(fileOf('hostile.json', file));
  expect(await importStatus()).toBe('Imported 1 attribution from 1 article.');
  await until(() => rowsShown() === 1);
  expect(q('[data-note-text]')!.textContent).toBe(`Your note: ${HOSTILE}`);
  expect(root.querySelectorAll('img, script')).toHaveLength(0);
});

test.each<[string, string, RegExp]>([
  ['a file cut short', '{"tool":"WhoSaid","deskSchema":1,"articles":[{"url":"https://news.exa', /stops part-way through/],
  ['a newer schema', JSON.stringify({ tool: 'WhoSaid', deskSchema: 9, articles: [] }), /written by a newer WhoSaid \(desk schema 9; this one reads 1\)/],
  ['something else', JSON.stringify({ hello: 'world' }), /not a WhoSaid export/],
])('%s is refused with the reason, and the desk is as it was', async (_name, text, reason) => {
  await fill();
  await mount();
  const before = JSON.stringify([...area.data]);
  choose(fileOf('mine.json', text));
  const said = await importStatus();
  expect(said).toMatch(reason);
  expect(said).toMatch(/^mine\.json was not imported\. .* Nothing on the desk was changed\.$/);
  expect(q('[data-import-status]')!.getAttribute('data-kind')).toBe('refused');
  expect(JSON.stringify([...area.data])).toBe(before);
  expect(rowsShown()).toBe(3);
});

test('a file over the size limit is refused without being read', async () => {
  await mount();
  const file = { ...fileOf('huge.json', '{}'), size: IMPORT_LIMITS.fileBytes * 2 };
  choose(file);
  expect(await importStatus()).toBe('huge.json was not imported. The file is 200 MB; the desk reads backups of up to 100 MB. Nothing on the desk was changed.');
  expect(file.reads).toBe(0);
});

test('the empty desk says how to fill it, and where a backup goes back in', async () => {
  await mount();
  expect(q('.lede')!.textContent).toBe('Nothing kept yet · 0.0 KB on this device');
  const empty = q('[data-empty]')!.textContent!;
  expect(empty).toContain('Nothing on the desk yet');
  expect(empty).toMatch(/Open a news article\..*pill/);
  expect(empty).toMatch(/Alt\+Shift\+Q/);
  expect(empty).toMatch(/mark it Checked, Disputed or To check/);
  expect(empty).toMatch(/Import a backup under Back up and restore/);
  expect(q('[data-search]')).toBeNull();
  expect(q('input[data-import]')).not.toBeNull();
});

test('counts read in correct plurals: one attribution from one article, erased as one', async () => {
  await createDeskStore(area).review(META, claimOn('may have', 'the ministry'), { mark: 'checked' });
  await mount();
  expect(q('.lede')!.textContent).toMatch(/^1 attribution from 1 article · /);
  expect(q('[data-export-results]')!.textContent).toBe('Export this one');
  click(q('[data-erase-all]')!);
  await until(() => rowsShown() === 0);
  expect(qa('.status').map((status) => status.textContent).join('')).toBe('Erased 1 attribution from 1 article.');
});

test("each speaker has their initials on their colour, one colour per speaker across articles", async () => {
  await fill();
  await mount();
  const rows = qa('[data-attribution]');
  const look = rows.map((row) => [row.querySelector('.initials')?.textContent, row.style.getPropertyValue('--ws-speaker')]);
  const dillon = look.filter(([initials]) => initials === 'RD');
  expect(dillon).toHaveLength(2);
  expect(new Set(dillon.map(([, color]) => color)).size).toBe(1);
  expect(SPEAKER_PALETTE as readonly string[]).toContain(dillon[0][1]);
  const ministry = look.find(([initials]) => initials === 'TM')!;
  expect(ministry[1]).not.toBe(dillon[0][1]);
  expect(rows.every((row) => row.querySelector('.initials')?.getAttribute('aria-hidden') === 'true')).toBe(true);
});
