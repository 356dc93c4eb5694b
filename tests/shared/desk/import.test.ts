/**
 * Importing a desk backup: the desk's JSON export, the panel's JSON export and the Web Annotation export
 * come back as they were; files that are not exports, are cut short, come from a newer schema or carry
 * hostile content are refused or cut with a reason; the merge is idempotent, keeps the later review and
 * never drops what the desk holds.
 */
import { toDeskJson } from '../../../src/shared/desk/backup';
import { exportText, type ExportFormat } from '../../../src/shared/desk/exports';
import { checkFileSize, IMPORT_LIMITS, importSummary, parseImport, readImport, type ImportRead } from '../../../src/shared/desk/import';
import { mergeArticle } from '../../../src/shared/desk/merge';
import { articleId, type StoredArticle } from '../../../src/shared/desk/schema';
import { ARTICLE_KEY_PREFIX, createDeskStore, SCHEMA_KEY, type DeskStore } from '../../../src/shared/desk/store';
import { claimOn, META } from './fixture';
import { MemoryArea } from './memory-area';

const CONTEXT = { exportedAt: '2026-12-05T12:00:00.000Z', version: '0.2.0' };
const OTHER = { ...META, url: 'https://other.example/b', title: 'Second story', outlet: 'Other Outlet', published: null };
const DILLON = 'We cannot confirm the reports at this time.';

let clock: number;
let area: MemoryArea;
let store: DeskStore;

beforeEach(() => {
  clock = Date.parse('2026-12-01T09:00:00Z');
  area = new MemoryArea();
  store = createDeskStore(area, { now: () => clock++ });
});

/** The desk of the fixture: two articles, a mark with a note, a mark, a corrected speaker, a kept article. */
async function fillDesk(): Promise<StoredArticle[]> {
  await store.review(META, { ...claimOn(DILLON, 'Ryan Dillon'), aliases: ['Dillon'] }, { mark: 'disputed', note: 'Pentagon contradicts <script>alert(1)</script>' });
  await store.review(META, claimOn('may have', 'the ministry', { kind: 'mixed' }), { mark: 'to-check' });
  await store.review(OTHER, claimOn(DILLON, 'Dillon', { meta: OTHER }), { speaker: 'Ryan Dillon' });
  await store.pin({ ...META, url: 'https://kept.example/c', title: 'Kept, not reviewed' }, [], true);
  return (await store.load()).articles;
}

function exported(format: ExportFormat | 'desk-json', articles: StoredArticle[]): string {
  const rows = articles.flatMap((article) => article.claims.map((claim) => ({ article, claim })));
  if (format === 'desk-json') return toDeskJson(rows, CONTEXT);
  return exportText(format, rows.map(({ article, claim }) => ({ article: { url: article.url, title: article.title, outlet: article.outlet, published: article.published }, claim })), CONTEXT);
}

function ok(read: ImportRead): Extract<ImportRead, { ok: true }> {
  if (!read.ok) throw new Error(`refused: ${read.error}`);
  return read;
}

const byUrl = (articles: StoredArticle[]) => [...articles].sort((a, b) => a.url.localeCompare(b.url));

describe('the exports come back', () => {
  test("the desk's JSON export restores the desk exactly: marks, notes, corrections, aliases, times, a kept article", async () => {
    const before = await fillDesk();
    const file = exported('desk-json', before);
    await store.eraseAll();
    const read = ok(parseImport(file));
    expect(read).toMatchObject({ format: 'json', attributions: 3, skipped: [], cut: [] });
    // The kept article has no attributions, so the export (one row per attribution) cannot carry it.
    expect(await store.mergeArticles(read.articles)).toMatchObject({ added: 3, updated: 0, articles: 2, skipped: [] });
    const after = await store.load();
    expect(after.problems).toEqual([]);
    expect(byUrl(after.articles)).toEqual(byUrl(before.filter((article) => article.claims.length > 0)));
  });

  test("the panel's JSON export (no schema, no review times) comes back, reviewed when it was exported", async () => {
    const before = await fillDesk();
    await store.eraseAll();
    const read = ok(parseImport(exported('json', before)));
    expect(read.attributions).toBe(3);
    await store.mergeArticles(read.articles);
    const claims = (await store.load()).articles.flatMap((article) => article.claims);
    expect(claims.map((claim) => [claim.content, claim.review?.mark, claim.review?.note, claim.review?.speaker, claim.review?.updatedAt]).sort()).toEqual(
      [
        [DILLON, 'disputed', 'Pentagon contradicts <script>alert(1)</script>', null, Date.parse(CONTEXT.exportedAt)],
        ['may have', 'to-check', '', null, Date.parse(CONTEXT.exportedAt)],
        [DILLON, null, '', 'Ryan Dillon', Date.parse(CONTEXT.exportedAt)],
      ].sort(),
    );
  });

  test('the Web Annotation export comes back: keys, passages, marks, notes, cue and kind', async () => {
    const before = await fillDesk();
    await store.eraseAll();
    const read = ok(parseImport(exported('annotations', before)));
    expect(read).toMatchObject({ format: 'annotations', attributions: 3, skipped: [] });
    await store.mergeArticles(read.articles);
    const after = (await store.load()).articles;
    const original = before.flatMap((article) => article.claims);
    for (const claim of after.flatMap((article) => article.claims)) {
      const same = original.find((old) => old.key === claim.key)!;
      expect(claim).toMatchObject({ content: same.content, cue: same.cue, kind: same.kind, selector: same.selector });
      expect(claim.review?.mark ?? null).toBe(same.review?.mark ?? null);
      expect(claim.review?.note ?? '').toBe(same.review?.note ?? '');
    }
    // The annotation names only the article's address: the title is the address until the page is visited again.
    expect(after.find((article) => article.url === META.url)).toMatchObject({ title: META.url, outlet: 'news.example' });
  });

  test("the desk's JSON export is the JSON export, field for field, with the schema and times beside it", async () => {
    const articles = await fillDesk();
    const desk = JSON.parse(exported('desk-json', articles));
    expect(desk).toMatchObject(JSON.parse(exported('json', articles)));
    expect(desk.deskSchema).toBe(1);
    expect(desk.articles[0].attributions[0]).toEqual(expect.objectContaining({ seenAt: expect.any(Number), updatedAt: expect.any(Number), aliases: expect.any(Array) }));
  });

  test('a byte-order mark before the JSON is fine', async () => {
    const before = await fillDesk();
    expect(ok(parseImport(`\uFEFF${exported('desk-json', before)}`)).attributions).toBe(3);
  });
});

describe('files refused whole, with a reason in plain words', () => {
  let backup: string;
  beforeEach(async () => {
    backup = exported('desk-json', await fillDesk());
  });

  test.each<[string, () => string, RegExp]>([
    ['an empty file', () => '', /^The file is empty\.$/],
    ['a file cut short', () => backup.slice(0, Math.floor(backup.length / 2)), /stops part-way through: it was probably cut short/],
    ['a file cut one character short', () => backup.slice(0, -1), /stops part-way through/],
    ['text that is not JSON', () => 'Dear desk, here are my marks.', /not JSON, so it is not a WhoSaid JSON or Web Annotation export/],
    ['JSON of something else', () => JSON.stringify({ name: 'my-package', version: '1.0.0' }), /JSON but not a WhoSaid export/],
    ['a JSON list of something else', () => JSON.stringify([1, 2, 3]), /JSON but not a WhoSaid export/],
    ['the CSV export', () => exported('csv', []), /CSV export, which the desk cannot read back/],
    ['the Markdown export', () => exported('markdown', []), /Markdown export, which the desk cannot read back/],
    ['the ClaimReview export', () => JSON.stringify([{ '@context': 'https://schema.org', '@type': 'ClaimReview' }]), /ClaimReview export: it does not say where each quote is/],
    ['a newer schema', () => backup.replace('"deskSchema": 1', '"deskSchema": 2'), /^This file was written by a newer WhoSaid \(desk schema 2; this one reads 1\)\. Update WhoSaid, then import it again\.$/],
    ['a schema that is not a number', () => backup.replace('"deskSchema": 1', '"deskSchema": "1; DROP TABLE"'), /names a desk schema WhoSaid does not know/],
  ])('%s', (_name, file, reason) => {
    const read = parseImport(file());
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(reason);
  });

  test('a file over the size limit is refused before it is read', () => {
    expect(checkFileSize(IMPORT_LIMITS.fileBytes + 1)).toBe('The file is 100 MB; the desk reads backups of up to 100 MB.');
    expect(checkFileSize(250 * 1024 * 1024)).toBe('The file is 250 MB; the desk reads backups of up to 100 MB.');
    expect(checkFileSize(2_000)).toBeNull();
  });

  test('a million records are refused on their count, quickly', () => {
    const record = JSON.parse(backup).articles[0].attributions[0];
    const started = Date.now();
    const attributions = readImport({ tool: 'WhoSaid', deskSchema: 1, articles: [{ url: META.url, attributions: new Array(1_000_000).fill(record) }] });
    const articles = readImport({ tool: 'WhoSaid', articles: new Array(1_000_000).fill({ url: META.url, attributions: [] }) });
    const annotations = readImport({ type: 'AnnotationPage', items: new Array(1_000_000).fill({ type: 'Annotation' }) });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(attributions).toEqual({ ok: false, error: 'The file lists 1,000,000 attributions; the desk imports at most 50,000 from one file.' });
    expect(articles).toEqual({ ok: false, error: 'The file lists 1,000,000 articles; the desk imports at most 50,000 from one file.' });
    expect(annotations).toEqual({ ok: false, error: 'The file lists 1,000,000 annotations; the desk imports at most 50,000 from one file.' });
  });
});

describe('hostile content is cut, skipped or kept as text, and the rest comes in', () => {
  let file: { articles: Array<{ url: unknown; attributions: Array<Record<string, unknown>> }> } & Record<string, unknown>;
  beforeEach(async () => {
    file = JSON.parse(exported('desk-json', await fillDesk()));
  });
  const first = () => file.articles[0].attributions[0];

  test('a 50 MB note is cut to the limit, with a sentence saying so; everything else is imported', () => {
    first().note = 'x'.repeat(50 * 1024 * 1024);
    const read = ok(parseImport(JSON.stringify(file)));
    expect(read.attributions).toBe(3);
    const notes = read.articles.flatMap((article) => article.claims).map((claim) => claim.review?.note.length ?? 0);
    expect(Math.max(...notes)).toBe(IMPORT_LIMITS.noteChars);
    expect(read.cut).toEqual(['1 note longer than 10,000 characters was cut to that length']);
  });

  test('a 50 MB quotation skips its record, with the reason', () => {
    first().quote = 'y'.repeat(50 * 1024 * 1024);
    const read = ok(readImport(file));
    expect(read.attributions).toBe(2);
    expect(read.skipped).toEqual(['1 attribution had a quotation longer than 10,000 characters']);
  });

  test('a note holding markup is kept as the text it is (the desk renders it as text)', () => {
    const read = ok(parseImport(JSON.stringify(file)));
    const notes = read.articles.flatMap((article) => article.claims).map((claim) => claim.review?.note);
    expect(notes).toContain('Pentagon contradicts <script>alert(1)</script>');
  });

  test.each<[string, () => void, string]>([
    ['a javascript: address', () => (file.articles[0].url = 'javascript:alert(document.cookie)'), 'article had an address that is not an http or https web address'],
    ['a data: address', () => (file.articles[0].url = 'data:text/html,<script>alert(1)</script>'), 'article had an address that is not an http or https web address'],
    ['an unknown mark', () => (first().mark = 'approved'), 'attribution had a mark that is not Checked, Disputed or To check'],
    ['a key that is not WhoSaid\u2019s', () => (first().attribution = '__proto__'), 'attribution had no WhoSaid attribution key'],
    ['a kind that names a built-in', () => (first().kind = 'constructor'), 'attribution had an unknown kind of quotation'],
    ['a passage with a negative position', () => ((first().selector as { position: { start: number } }).position.start = -5), 'attribution had no passage to place on the page'],
    ['a note that is not text', () => (first().note = { html: '<b>x</b>' }), 'attribution had a note that is not text'],
    ['an attribution that is not a record', () => (file.articles[0].attributions[0] = 'rm -rf /' as never), 'attribution was not a record'],
  ])('%s: skipped with a reason', (_name, spoil, reason) => {
    spoil();
    const read = ok(parseImport(JSON.stringify(file)));
    expect(read.skipped).toHaveLength(1);
    expect(read.skipped[0]).toMatch(new RegExp(`^\\d+ ${reason.replace(/[()]/g, '\\$&')}$`));
    expect(read.attributions).toBeGreaterThan(0);
  });

  test('__proto__ in the file pollutes nothing', () => {
    const text = JSON.stringify(file).replace('"tool":"WhoSaid"', '"__proto__":{"polluted":true},"tool":"WhoSaid"').replace('"title":', '"__proto__":{"polluted":true},"title":');
    const read = ok(parseImport(text));
    expect(read.attributions).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(read.articles[0])).toBe(Object.prototype);
  });

  test('over-long titles and speaker names are cut', () => {
    (file.articles[0] as Record<string, unknown>).title = 't'.repeat(5_000);
    first().speaker = 's'.repeat(5_000);
    first().engineSpeaker = 's'.repeat(5_000);
    const read = ok(parseImport(JSON.stringify(file)));
    expect(read.articles[0].title).toHaveLength(IMPORT_LIMITS.textChars);
    expect(read.cut).toEqual(['1 title longer than 1,000 characters was cut to that length', '1 speaker name longer than 1,000 characters was cut to that length']);
  });
});

describe('merging into the desk', () => {
  test('importing the same file twice adds nothing and writes nothing the second time', async () => {
    const before = await fillDesk();
    const read = ok(parseImport(exported('desk-json', before)));
    await store.eraseAll();
    expect(await store.mergeArticles(read.articles)).toMatchObject({ added: 3, unchanged: 0 });
    const writes = area.writes;
    const again = await store.mergeArticles(read.articles);
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 3, keptNewer: 0, articles: 0, skipped: [] });
    expect(area.writes).toBe(writes);
    expect(importSummary(read, again)).toBe('Nothing new: all 3 attributions in the file were already on the desk.');
  });

  test('the later review wins on either side; a tie keeps the desk\u2019s', async () => {
    const claim = claimOn(DILLON, 'Ryan Dillon');
    const desk = (mark: 'checked' | 'disputed', updatedAt: number): StoredArticle => ({
      ...META, id: articleId(META.url), firstSeen: 1, lastSeen: 1, pinned: false,
      claims: [{ ...claim, seenAt: 1, review: { mark, note: '', speaker: null, updatedAt } }],
    });
    expect(mergeArticle(desk('checked', 200), desk('disputed', 100))).toMatchObject({ changed: false, counts: { keptNewer: 1, updated: 0 } });
    expect(mergeArticle(desk('checked', 100), desk('disputed', 200)).article.claims[0].review?.mark).toBe('disputed');
    expect(mergeArticle(desk('checked', 100), desk('disputed', 100))).toMatchObject({ changed: false, counts: { keptNewer: 1 } });
  });

  test('nothing the desk holds is dropped: other articles, other attributions, a review the file lacks', async () => {
    const before = await fillDesk();
    const file = ok(parseImport(exported('desk-json', before.filter((article) => article.url === META.url))));
    // After the export: a new article, a new attribution in the exported one, and the exported mark changed.
    clock += 60_000;
    await store.review({ ...META, url: 'https://third.example/c' }, claimOn(DILLON, 'Ryan Dillon', { meta: { ...META, url: 'https://third.example/c' } }), { mark: 'checked' });
    await store.review(META, claimOn('Ryan Dillon', null), { note: 'who is he?' });
    await store.review(META, claimOn(DILLON, 'Ryan Dillon'), { mark: 'checked' });
    const outcome = await store.mergeArticles(file.articles);
    expect(outcome).toMatchObject({ added: 0, updated: 0, unchanged: 1, keptNewer: 1 });
    const after = await store.load();
    expect(after.articles.map((article) => article.url).sort()).toEqual(['https://kept.example/c', META.url, OTHER.url, 'https://third.example/c'].sort());
    const claims = after.articles.find((article) => article.url === META.url)!.claims;
    expect(claims.map((claim) => claim.review?.mark ?? claim.review?.note).sort()).toEqual(['checked', 'to-check', 'who is he?'].sort());
    expect(importSummary(file, outcome)).toBe('Nothing new: all 2 attributions in the file were already on the desk; 1 review on the desk was newer and kept.');
  });

  test('a record on the desk that cannot be read is skipped and left as it is', async () => {
    const before = await fillDesk();
    const read = ok(parseImport(exported('desk-json', before)));
    const key = `${ARTICLE_KEY_PREFIX}${articleId(OTHER.url)}`;
    await area.set({ [key]: { damaged: true } });
    const outcome = await store.mergeArticles(read.articles);
    expect(outcome.skipped).toEqual([`The desk's record of ${OTHER.url} could not be read, so that article was not imported; the record was left as it is.`]);
    expect(area.data.get(key)).toEqual({ damaged: true });
  });

  test('a desk written by a newer WhoSaid takes nothing and loses nothing', async () => {
    const before = await fillDesk();
    const read = ok(parseImport(exported('desk-json', before)));
    await store.eraseAll();
    await area.set({ [SCHEMA_KEY]: 2 });
    const writes = area.writes;
    const outcome = await store.mergeArticles(read.articles);
    expect(outcome.added).toBe(0);
    expect(outcome.skipped[0]).toMatch(/^The desk was written by a newer WhoSaid \(desk schema 2; this one writes 1\)/);
    expect(area.writes).toBe(writes);
    expect(area.data.get(SCHEMA_KEY)).toBe(2);
  });

  test('the outcome in plain words, with correct plurals', async () => {
    const before = await fillDesk();
    const file = JSON.parse(exported('desk-json', before));
    const [dillon, ministry] = file.articles.find((article: { url: string }) => article.url === META.url).attributions;
    file.articles.find((article: { url: string }) => article.url === OTHER.url).attributions[0].mark = 'approved';
    dillon.note = 'n'.repeat(20_000);
    expect(ministry.quote).toBe('may have');
    const read = ok(parseImport(JSON.stringify(file)));
    await store.eraseAll();
    await store.review(META, claimOn('may have', 'the ministry', { kind: 'mixed' }), { mark: 'checked' });
    const outcome = await store.mergeArticles(read.articles);
    expect(importSummary(read, outcome)).toBe(
      'Imported 1 attribution from 1 article; 1 review on the desk was newer and kept; 1 record skipped: 1 attribution had a mark that is not Checked, Disputed or To check. 1 note longer than 10,000 characters was cut to that length.',
    );
  });
});
