/**
 * The desk's index (issue 21): what lets the desk page read its newest articles first instead of all of
 * storage.local. A desk from before the index is read whole once and indexed; reviews and imports keep the
 * index in step; an erase takes it too.
 */
import { createDeskStore, deskIndex, INDEX_KEY, ARTICLE_KEY_PREFIX } from '../../../src/shared/desk/store';
import type { ArticleMeta } from '../../../src/shared/desk/schema';
import { MemoryArea } from './memory-area';
import { claimOn, META } from './fixture';

let clock = 1_000;
const now = () => ++clock;
const meta = (n: number): ArticleMeta => ({ ...META, url: `https://news.example/story-${n}` });

/** Three articles of one, two and three claims, reviewed in that order (story-3 the newest). */
async function threeArticles(area: MemoryArea) {
  const store = createDeskStore(area, { now });
  const words = ['We cannot confirm the reports at this time.', 'may have', 'killed the leader'];
  for (let n = 1; n <= 3; n++) for (let c = 0; c < n; c++) await store.review(meta(n), claimOn(words[c], 'Ryan Dillon', { meta: meta(n) }), { mark: 'checked' });
  return store;
}

test('a desk without an index previews nothing; its first load writes the index, and the preview then reads only the newest', async () => {
  const area = new MemoryArea();
  const store = await threeArticles(area);
  expect(area.data.has(INDEX_KEY)).toBe(false);
  expect(await store.preview(2)).toBeNull();
  const { articles } = await store.load();
  expect(area.data.get(INDEX_KEY)).toEqual(deskIndex(articles));
  const read: unknown[] = [];
  const get = area.get.bind(area);
  area.get = async (keys) => (read.push(keys), get(keys));
  const preview = (await store.preview(2))!;
  expect(preview.articles.map((article) => article.url)).toEqual([meta(3).url]);
  expect(preview.totals).toEqual({ articles: 3, attributions: 6 });
  // The index, then the one record: never the whole area.
  expect(read).not.toContain(null);
  expect(read.flat().filter((key) => String(key).startsWith(ARTICLE_KEY_PREFIX))).toHaveLength(1);
  // Enough articles for the rows asked for, newest first.
  expect((await store.preview(4))!.articles.map((article) => article.url)).toEqual([meta(3).url, meta(2).url]);
});

test('reviews, imports and erases keep the index in step', async () => {
  const area = new MemoryArea();
  const store = await threeArticles(area);
  await store.load();
  await store.review(meta(1), claimOn('may have', 'the ministry', { meta: meta(1) }), { note: 'later' });
  expect((await store.preview(1))!.articles.map((article) => article.url)).toEqual([meta(1).url]);
  expect((await store.preview(1))!.totals).toEqual({ articles: 3, attributions: 7 });
  const imported = { ...(await store.load()).articles[0], url: 'https://other.example/x', id: 'x', lastSeen: 10_000_000 };
  await store.mergeArticles([imported]);
  expect((await store.preview(1))!.articles.map((article) => article.url)).toEqual(['https://other.example/x']);
  const writes = area.writes;
  await store.load();
  expect(area.writes).toBe(writes);
  await store.eraseAll();
  expect(area.data.has(INDEX_KEY)).toBe(false);
});
