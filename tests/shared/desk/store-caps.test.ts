/**
 * The desk writes what a page states about itself within the caps of shared/meta-caps, whoever hands it
 * the metadata: a 2 MB og:site_name is not stored with the article and rewritten on every mark.
 */
import { createDeskStore } from '../../../src/shared/desk/store';
import { capText, cappedMeta, MAX_DATE_CHARS, MAX_OUTLET_CHARS, MAX_TITLE_CHARS } from '../../../src/shared/meta-caps';
import { claimOn, META } from './fixture';
import { MemoryArea } from './memory-area';

const HUGE = 'x'.repeat(2 * 1024 * 1024);

test('a mark on an article whose page states megabytes stores its title, outlet and date within their caps', async () => {
  const area = new MemoryArea();
  const store = createDeskStore(area);
  const meta = { ...META, title: `Title ${HUGE}`, outlet: `Outlet ${HUGE}`, published: `2026-03-01 ${HUGE}` };
  await store.review(meta, claimOn('may have', 'Ryan Dillon'), { mark: 'disputed' });
  await store.review(meta, claimOn('may have', 'Ryan Dillon'), { note: 'second look' });
  expect(area.size()).toBeLessThan(10_000);
  const [article] = (await store.load()).articles;
  expect(article.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  expect(article.outlet.length).toBeLessThanOrEqual(MAX_OUTLET_CHARS);
  expect(article.title.startsWith('Title xxx')).toBe(true);
  expect(article.published).toBeNull();
  expect(article.claims[0].review).toMatchObject({ mark: 'disputed', note: 'second look' });
});

test('a record within the caps is stored as it is', () => {
  expect(cappedMeta(META)).toEqual(META);
});

test.each([
  ['short text is left alone', 'Le Monde', 10, 'Le Monde'],
  ['long text ends in an ellipsis, within the cap', 'abcdefghij', 5, 'abcd\u2026'],
  ['a cut never splits a surrogate pair', 'abc\u{1F600}def', 5, 'abc\u2026'],
])('capText: %s', (_what, text, max, expected) => {
  expect(capText(text, max)).toBe(expected);
  expect(capText(text, max).length).toBeLessThanOrEqual(max);
});

test('a date longer than any way of writing one is no date', () => {
  expect(cappedMeta({ ...META, published: 'x'.repeat(MAX_DATE_CHARS + 1) }).published).toBeNull();
});
