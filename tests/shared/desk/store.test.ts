import { createDeskStore, SCHEMA_KEY, ARTICLE_KEY_PREFIX, anchorClaims } from '../../../src/shared/desk/store';
import { articleId, DESK_SCHEMA_VERSION } from '../../../src/shared/desk/schema';
import { MemoryArea } from './memory-area';
import { ARTICLE_TEXT, META, claimOn } from './fixture';

let clock = 1_000;
const now = () => ++clock;

describe('the desk store (storage.local, one record per article, versioned)', () => {
  test('a mark, a note and a corrected speaker are kept, and a second store on the same storage reads them (a restart)', async () => {
    const area = new MemoryArea();
    const claim = claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon');
    await createDeskStore(area, { now }).review(META, claim, { mark: 'disputed' });
    await createDeskStore(area, { now }).review(META, claim, { note: 'Pentagon says otherwise', speaker: 'Col. Ryan Dillon' });
    const { articles, problems } = await createDeskStore(area, { now }).load();
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ url: META.url, title: META.title, outlet: META.outlet, published: META.published, id: articleId(META.url) });
    expect(articles[0].claims[0].review).toMatchObject({ mark: 'disputed', note: 'Pentagon says otherwise', speaker: 'Col. Ryan Dillon' });
    expect(area.data.get(SCHEMA_KEY)).toBe(DESK_SCHEMA_VERSION);
  });

  test('clearing mark, note and speaker leaves no review; other claims keep theirs', async () => {
    const store = createDeskStore(new MemoryArea(), { now });
    const first = claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon');
    const second = claimOn('may have', 'the ministry', { kind: 'mixed' });
    await store.review(META, first, { mark: 'checked' });
    await store.review(META, second, { mark: 'to-check' });
    await store.review(META, first, { mark: null });
    const [article] = (await store.load()).articles;
    expect(article.claims.map((claim) => claim.review?.mark ?? null)).toEqual([null, 'to-check']);
  });

  test('by default an analysed article is kept only once reviewed or pinned; "keep everything" keeps every one', async () => {
    const area = new MemoryArea();
    const store = createDeskStore(area, { now });
    const claims = [claimOn('may have', 'the ministry')];
    expect(await store.recordAnalysis(META, claims)).toBe(false);
    expect((await store.load()).articles).toEqual([]);
    await store.setSettings({ keepAll: true });
    expect(await store.recordAnalysis(META, claims)).toBe(true);
    expect((await store.load()).articles[0].claims).toHaveLength(1);
  });

  test('a new analysis of a kept article keeps the reviews, and a reviewed claim it no longer lists stays (an orphan)', async () => {
    const store = createDeskStore(new MemoryArea(), { now });
    const gone = claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon');
    await store.review(META, gone, { mark: 'checked', note: 'on record' });
    await store.recordAnalysis(META, [claimOn('may have', 'the ministry')]);
    const [article] = (await store.load()).articles;
    expect(article.claims.map((claim) => [claim.content, claim.review?.mark ?? null])).toEqual([
      ['may have', null],
      ['We cannot confirm the reports at this time.', 'checked'],
    ]);
  });

  test('erase everything removes every desk record and nothing else', async () => {
    const area = new MemoryArea();
    await area.set({ 'analysis:x': { kept: true } });
    const store = createDeskStore(area, { now });
    await store.review(META, claimOn('may have', 'the ministry'), { mark: 'checked' });
    await store.setSettings({ keepAll: true });
    await store.eraseAll();
    expect([...area.data.keys()]).toEqual(['analysis:x']);
  });

  test('corrupt or foreign records are reported in plain words and nothing else is lost', async () => {
    const area = new MemoryArea();
    const store = createDeskStore(area, { now });
    await store.review(META, claimOn('may have', 'the ministry'), { mark: 'checked' });
    await area.set({ [`${ARTICLE_KEY_PREFIX}broken`]: 'not json at all', [`${ARTICLE_KEY_PREFIX}foreign`]: { claims: [{ nonsense: 1 }], id: 'x', url: 'y' } });
    const { articles, problems } = await store.load();
    expect(articles).toHaveLength(1);
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toMatch(/^A stored record \(desk:article:(broken|foreign)\) is not a WhoSaid article; it was left as it is\.$/);
    expect(area.data.get(`${ARTICLE_KEY_PREFIX}broken`)).toBe('not json at all');
  });

  test('records from a newer WhoSaid are reported, not guessed at', async () => {
    const area = new MemoryArea();
    const store = createDeskStore(area, { now });
    await store.review(META, claimOn('may have', 'the ministry'), { mark: 'checked' });
    await area.set({ [SCHEMA_KEY]: DESK_SCHEMA_VERSION + 1 });
    const { articles, problems } = await store.load();
    expect(articles).toEqual([]);
    expect(problems[0]).toMatch(/newer WhoSaid/);
  });
});

describe('migration: an upgrade from this schema to the next keeps every mark', () => {
  test('records written by this version, read by a next version whose step reshapes every claim', async () => {
    const area = new MemoryArea();
    const store = createDeskStore(area, { now });
    const marks = [['We cannot confirm the reports at this time.', 'disputed'], ['may have', 'to-check']] as const;
    for (const [words, mark] of marks) await store.review(META, claimOn(words, 'Ryan Dillon'), { mark, note: `note on ${words}` });
    // The next version's step, here one that rebuilds every claim and review object as a reshaping step would.
    const next = DESK_SCHEMA_VERSION + 1;
    const step = (record: unknown) => {
      const article = record as { claims: Array<{ review: unknown }> };
      return { ...article, claims: article.claims.map((claim) => ({ ...claim, review: claim.review && { ...(claim.review as object) } })) };
    };
    const upgraded = createDeskStore(area, { now, version: next, migrations: [step] });
    const { articles, problems } = await upgraded.load();
    expect(problems).toEqual([]);
    expect(articles[0].claims.map((claim) => [claim.content, claim.review?.mark, claim.review?.note])).toEqual(marks.map(([words, mark]) => [words, mark, `note on ${words}`]));
    // The upgrade was written back: the schema key says so and a reader of the new version finds every mark again.
    expect(area.data.get(SCHEMA_KEY)).toBe(next);
    expect((await upgraded.load()).articles[0].claims.filter((claim) => claim.review?.mark)).toHaveLength(2);
  });

  test('a missing step is an error for that record, in words, and the record is kept', async () => {
    const area = new MemoryArea();
    await createDeskStore(area, { now }).review(META, claimOn('may have', 'x'), { mark: 'checked' });
    const { problems } = await createDeskStore(area, { now, version: DESK_SCHEMA_VERSION + 1, migrations: [] }).load();
    expect(problems[0]).toMatch(/No way to read desk schema/);
    expect([...area.data.keys()].some((key) => key.startsWith(ARTICLE_KEY_PREFIX))).toBe(true);
  });
});

describe('re-anchoring stored claims on a changed page', () => {
  test('placed through changed markup (text added before, whitespace re-flowed); an edited passage is an orphan', () => {
    const claims = [claimOn('we cannot confirm the reports at this time.', 'Dillon'), claimOn('may have', 'the ministry')].map((claim) => ({ ...claim, review: null, seenAt: 0 }));
    const changed = `Sign up for our newsletter.\n\n${ARTICLE_TEXT.replace('may have', 'might have').replace(/ /g, '  ')}`;
    const placed = anchorClaims(changed, claims);
    expect(placed[0].range).not.toBeNull();
    expect(changed.slice(placed[0].range!.start, placed[0].range!.end).replace(/\s+/g, ' ')).toBe('we cannot confirm the reports at this time.');
    expect(placed[1].range).toBeNull();
  });
});
