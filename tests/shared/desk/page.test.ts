import type { Analysis, Attribution } from '../../../src/shared/attribution';
import { applyCorrections, claimSnapshot, pageClaims, placeReviews } from '../../../src/shared/desk/page';
import type { StoredArticle } from '../../../src/shared/desk/schema';

const URL = 'https://news.example/budget';
const TEXT = 'The mayor said "we will balance the budget." The treasurer said "we will balance the budget." Critics said it could not be done.';

function quote(id: string, words: string, nth: number, speaker: string, text = TEXT): Attribution {
  let start = -1;
  for (let n = 0; n <= nth; n++) start = text.indexOf(words, start + 1);
  return {
    id, kind: 'direct', confidence: 0.9, cue: { start: start - 6, end: start - 2, text: 'said' }, sources: [],
    contents: [{ start, end: start + words.length, text: words }],
    speaker: { name: speaker, type: 'person', aliases: [] },
  } as Attribution;
}

const QUOTES = [quote('q1', 'we will balance the budget.', 0, 'Jane Mayor'), quote('q2', 'we will balance the budget.', 1, 'Tom Treasurer'), quote('q3', 'it could not be done', 0, 'Critics')];
const ANALYSIS: Analysis = {
  quotes: QUOTES,
  speakers: [
    { name: 'Jane Mayor', type: 'person', aliases: [], attributionIds: ['q1'], hedged: 0 },
    { name: 'Tom Treasurer', type: 'person', aliases: [], attributionIds: ['q2'], hedged: 0 },
    { name: 'Critics', type: 'unnamed', aliases: [], attributionIds: ['q3'], hedged: 0 },
  ],
};

function storedWith(reviewed: Array<[string, 'checked' | 'disputed', string | null]>, text = TEXT, quotes = QUOTES): StoredArticle {
  const claims = pageClaims(text, URL, quotes);
  return {
    id: 'a1', url: URL, title: 't', outlet: 'o', published: null, firstSeen: 0, lastSeen: 0, pinned: false,
    claims: reviewed.map(([id, mark, speaker]) => ({ ...claimSnapshot(quotes.find((q) => q.id === id)!, claims[id]), review: { mark, note: '', speaker, updatedAt: 1 }, seenAt: 0 })),
  };
}

describe('keys and anchors of a page', () => {
  test('the same words twice get different keys (their occurrence), stable on a second visit', () => {
    const first = pageClaims(TEXT, URL, QUOTES);
    expect(first.q1.key).not.toBe(first.q2.key);
    const again = pageClaims(`Advertisement. ${TEXT}`, URL, QUOTES.map((q) => quote(q.id, q.contents[0].text, q.id === 'q2' ? 1 : 0, q.speaker!.name, `Advertisement. ${TEXT}`)));
    expect(again.q1.key).toBe(first.q1.key);
    expect(again.q2.key).toBe(first.q2.key);
  });
});

describe('stored reviews placed back on a visit', () => {
  test('by key: each of two identical quotations keeps its own mark', () => {
    const { reviews, orphans } = placeReviews(TEXT, QUOTES, pageClaims(TEXT, URL, QUOTES), storedWith([['q2', 'disputed', null]]));
    expect(Object.keys(reviews)).toEqual(['q2']);
    expect(orphans).toEqual([]);
  });

  test('by anchor when the engine cut the passage differently this time (key changed)', () => {
    const stored = storedWith([['q3', 'checked', null]]);
    const wider = [QUOTES[0], QUOTES[1], { ...QUOTES[2], id: 'q9', contents: [{ start: TEXT.indexOf('it could'), end: TEXT.length, text: 'it could not be done.' }] }];
    const { reviews, orphans } = placeReviews(TEXT, wider, pageClaims(TEXT, URL, wider), stored);
    expect(Object.keys(reviews)).toEqual(['q9']);
    expect(orphans).toEqual([]);
  });

  test('an edited passage is an orphan, listed with its mark, never dropped', () => {
    const stored = storedWith([['q3', 'checked', null]]);
    const edited = TEXT.replace('it could not be done', 'it was done');
    const { reviews, orphans } = placeReviews(edited, QUOTES.slice(0, 2), pageClaims(edited, URL, QUOTES.slice(0, 2)), stored);
    expect(reviews).toEqual({});
    expect(orphans).toEqual([expect.objectContaining({ content: 'it could not be done', speaker: 'Critics', review: expect.objectContaining({ mark: 'checked' }) })]);
  });
});

describe('corrections win', () => {
  test("a corrected attribution moves to the corrected speaker's group (created if new); the old group keeps the rest", () => {
    const corrected = applyCorrections(ANALYSIS, { q2: { mark: null, note: '', speaker: 'Jane Mayor', updatedAt: 1 }, q3: { mark: null, note: '', speaker: 'Ann Critic', updatedAt: 1 } });
    expect(corrected.quotes.find((q) => q.id === 'q2')!.speaker!.name).toBe('Jane Mayor');
    expect(corrected.speakers.map((s) => [s.name, s.attributionIds])).toEqual([
      ['Jane Mayor', ['q1', 'q2']],
      ['Ann Critic', ['q3']],
    ]);
  });

  test('no correction: the same analysis object', () => {
    expect(applyCorrections(ANALYSIS, { q1: { mark: 'checked', note: '', speaker: null, updatedAt: 1 } })).toBe(ANALYSIS);
  });
});
