/**
 * The store of notes being typed (src/overlay/note-drafts.ts): one draft per article and attribution,
 * given back as typed, gone once cleared, the oldest dropped past its limit.
 */
import { createNoteDrafts, draftKey, MAX_DRAFTS } from '../../src/overlay/note-drafts';

const ARTICLE = 'https://news.example.com/world/russia-isis-claim';

test('a draft is kept per article and attribution, and given back as typed', () => {
  const drafts = createNoteDrafts();
  drafts.set(draftKey(ARTICLE, 'w0x7q-2k'), { note: '  Asked the Pentagon\n', speaker: 'Col. Ryan Dillon' });
  expect(drafts.get(draftKey(ARTICLE, 'w0x7q-2k'))).toEqual({ note: '  Asked the Pentagon\n', speaker: 'Col. Ryan Dillon' });
  // The same attribution key on another article, or another attribution: no draft.
  expect(drafts.get(draftKey('https://news.example.com/other', 'w0x7q-2k'))).toBeNull();
  expect(drafts.get(draftKey(ARTICLE, 'w1x7q-2k'))).toBeNull();
  expect(draftKey(ARTICLE, 'w0x7q-2k')).not.toBe(draftKey(`${ARTICLE}w0x7q`, '-2k'));
});

test('the latest draft wins; clearing drops it; what is handed out is a copy', () => {
  const drafts = createNoteDrafts();
  const key = draftKey(ARTICLE, 'w0x7q-2k');
  drafts.set(key, { note: 'Ask', speaker: '' });
  drafts.set(key, { note: 'Ask the Pentagon', speaker: '' });
  const got = drafts.get(key)!;
  got.note = 'changed';
  expect(drafts.get(key)).toEqual({ note: 'Ask the Pentagon', speaker: '' });
  expect(drafts.size).toBe(1);
  drafts.clear(key);
  expect(drafts.get(key)).toBeNull();
  expect(drafts.size).toBe(0);
  drafts.clear(key);
});

test(`at most ${MAX_DRAFTS} drafts (or the limit given): the one typed least recently goes first`, () => {
  const drafts = createNoteDrafts(3);
  for (const name of ['a', 'b', 'c']) drafts.set(name, { note: name, speaker: '' });
  drafts.set('a', { note: 'a again', speaker: '' });
  drafts.set('d', { note: 'd', speaker: '' });
  expect(drafts.size).toBe(3);
  expect(drafts.get('b')).toBeNull();
  expect(['a', 'c', 'd'].map((name) => drafts.get(name)?.note)).toEqual(['a again', 'c', 'd']);
  const many = createNoteDrafts();
  for (let index = 0; index < MAX_DRAFTS + 5; index++) many.set(String(index), { note: 'n', speaker: '' });
  expect(many.size).toBe(MAX_DRAFTS);
  expect(many.get('0')).toBeNull();
});
