import { deskRows, normaliseQuote, parseQuery, quoteProvenance, search, speakerLedger } from '../../src/desk/model';
import type { StoredArticle, StoredClaim } from '../../src/shared/desk/schema';
import { claimOn } from '../shared/desk/fixture';

function article(id: string, outlet: string, published: string | null, claims: StoredClaim[]): StoredArticle {
  return { id, url: `https://${outlet.toLowerCase().replace(/\s+/g, '')}.example/${id}`, title: `Story ${id}`, outlet, published, firstSeen: 0, lastSeen: 0, pinned: false, claims };
}

function claim(content: string, speaker: string | null, extra: Partial<StoredClaim> = {}): StoredClaim {
  const text = `Intro. ${content} Outro.`;
  return { ...claimOn(content, speaker, { text }), review: null, seenAt: Date.parse('2026-05-01T00:00:00Z'), ...extra };
}

const QUOTE = 'We will not raise taxes on working families this year';
const ARTICLES = [
  article('1', 'Daily Planet', '2026-03-02T08:00:00Z', [
    claim(QUOTE, 'Jane Smith'),
    claim('the budget may be delayed', 'Smith', { kind: 'indirect', certainty: { label: 'medium', score: 0.5, evidence: ['may'] } }),
  ]),
  article('2', 'Gotham Times', '2026-03-01T18:00:00Z', [
    claim(`"${QUOTE.toUpperCase()}!"`, 'Jane Smith', { review: { mark: 'disputed', note: 'She said it in 2024 too', speaker: null, updatedAt: 1 } }),
    claim('the deal is done', 'Bob Jones', { review: { mark: 'checked', note: '', speaker: 'Robert Jones', updatedAt: 1 } }),
  ]),
  article('3', 'Metro Wire', null, [claim('will not raise taxes on working families', 'J. Smith'), claim('nothing was agreed', null)]),
];
const rows = deskRows(ARTICLES);

describe('search over every stored attribution', () => {
  test.each([
    ['speaker:smith', ['Story 1', 'Story 1', 'Story 2', 'Story 3']],
    ['outlet:gotham', ['Story 2', 'Story 2']],
    ['mark:disputed', ['Story 2']],
    ['mark:unmarked outlet:metro', ['Story 3', 'Story 3']],
    // Story 3 states no date: it counts from when it was first seen (May).
    ['"raise taxes" after:2026-03-02', ['Story 1', 'Story 3']],
    ['before:2026-03-01', ['Story 2', 'Story 2']],
    ['taxes 2024', ['Story 2']],
    // A correction wins: the claim is found under the corrected name.
    ['speaker:robert', ['Story 2']],
    ['nothing matches this', []],
  ])('%s', (query, titles) => expect(search(rows, query).map((row) => row.article.title)).toEqual(titles));

  test('a query is read field by field', () => {
    expect(parseQuery('speaker:"jane smith" mark:to-check budget')).toMatchObject({ speaker: 'jane smith', mark: 'to-check', words: ['budget'] });
    expect(parseQuery('mark:nonsense').mark).toBeNull();
  });
});

describe('the speaker ledger', () => {
  const ledger = speakerLedger(rows);
  test('one entry per speaker across articles, a lone surname folded into the full name, corrections filed under the corrected name', () => {
    expect(ledger.map((entry) => [entry.name, entry.rows.length, entry.articles])).toEqual([
      ['Jane Smith', 3, 2],
      ['J. Smith', 1, 1],
      ['Robert Jones', 1, 1],
    ]);
    expect(ledger[0].aliases).toEqual(['Smith']);
  });

  test("a speaker's claims run oldest first, and the hedged ones are listed apart", () => {
    expect(ledger[0].rows.map((row) => row.article.outlet)).toEqual(['Gotham Times', 'Daily Planet', 'Daily Planet']);
    expect(ledger[0].hedged.map((row) => row.claim.content)).toEqual(['the budget may be delayed']);
  });
});

describe('quote provenance', () => {
  test('the same quotation across outlets is one group, tolerant to case, punctuation and trimming, earliest first', () => {
    const [group, ...others] = quoteProvenance(rows);
    expect(others).toEqual([]);
    expect(group.rows.map((row) => row.article.outlet)).toEqual(['Gotham Times', 'Daily Planet', 'Metro Wire']);
    expect(group.outlets).toEqual(['Gotham Times', 'Daily Planet', 'Metro Wire']);
    expect(group.earliest).toBe('2026-03-01T18:00:00Z');
    expect(group.first.article.outlet).toBe('Gotham Times');
  });

  test('must not group: short common phrases, paraphrase, one article only', () => {
    const lone = deskRows([article('9', 'Solo', null, [claim('the deal is done for now', 'A'), claim('the deal is done for now', 'B')])]);
    expect(quoteProvenance(lone)).toEqual([]);
    const short = deskRows([article('7', 'X', null, [claim('no comment', 'A')]), article('8', 'Y', null, [claim('no comment', 'B')])]);
    expect(quoteProvenance(short)).toEqual([]);
  });

  test('normalised words', () => expect(normaliseQuote('“We won’t — ever!” said')).toBe('we wont ever said'));
});
