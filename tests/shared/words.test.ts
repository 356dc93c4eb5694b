/** How the panel puts a certainty into words: the label, the speaker's words that made it, and what differs. */
import { certaintyLevel, certaintyWords, grouped } from '../../src/shared/words';

describe('certaintyWords', () => {
  test.each([
    [{ label: 'high', score: 0.75, evidence: [] }, 'Stated as fact', 'Said plainly, with no word of doubt.'],
    [{ label: 'medium', score: 0.55, evidence: ['I think'] }, 'Hedged', 'The speaker softened the claim: \u201CI think\u201D.'],
    [{ label: 'low', score: 0.35, evidence: ['may', 'unclear'] }, 'Speculated', 'The speaker was unsure, or only guessed: \u201Cmay\u201D, \u201Cunclear\u201D.'],
    [{ label: 'high', score: 0.9, evidence: ['definitely'] }, 'Stated as fact', 'Said firmly: \u201Cdefinitely\u201D.'],
  ] as const)('%j → %s', (certainty, label, meaning) => {
    expect(certaintyWords({ ...certainty, evidence: [...certainty.evidence] })).toEqual({ label, meaning });
  });

  test('a quotation whose sentences differ says which', () => {
    expect(certaintyWords({ label: 'high', score: 0.75, evidence: [], differs: ['sentence 3 hedged: could'] }).meaning)
      .toBe('Said plainly, with no word of doubt. Not all of it: sentence 3 hedged: could.');
  });

  // Words holding no claim: "Hedged" would call the reporter's verb the speaker's softening (round 9).
  test('a topic is "No claim", its evidence named as the reporter\'s words, and drawn with no level', () => {
    const topic = { label: 'medium', score: 0.5, evidence: ['spoke about'], basis: 'topic' } as const;
    expect(certaintyWords({ ...topic, evidence: [...topic.evidence] })).toEqual({
      label: 'No claim',
      meaning: 'Only what was talked about: nothing is claimed, so there is nothing to be sure of. The reporter\'s words: \u201Cspoke about\u201D.',
    });
    expect(certaintyLevel({ ...topic, evidence: [] })).toBe('none');
  });

  test('a wish is "A wish", not Hedged', () => {
    expect(certaintyWords({ label: 'medium', score: 0.55, evidence: ['hopes'], basis: 'wish' }).label).toBe('A wish');
  });

  test('an unknown basis (an old or forged record) falls back to the label', () => {
    const forged = { label: 'medium', score: 0.55, evidence: ['may'], basis: 'other' } as unknown as Parameters<typeof certaintyWords>[0];
    expect(certaintyWords(forged).label).toBe('Hedged');
    expect(certaintyLevel(forged)).toBe('medium');
  });

  test('nothing is added when every sentence agrees', () => {
    expect(certaintyWords({ label: 'high', score: 0.75, evidence: [], differs: [] }).meaning).toBe('Said plainly, with no word of doubt.');
  });
});

describe('grouped: thousands grouped as en-US writes them, without Intl', () => {
  test.each([
    [0, '0'], [999, '999'], [1000, '1,000'], [200000, '200,000'], [1234567, '1,234,567'], [-12345, '-12,345'], [1234.5, '1,234.5'],
  ])('%d → %s', (count, text) => {
    expect(grouped(count)).toBe(text);
    expect(grouped(count)).toBe(count.toLocaleString('en-US', { maximumFractionDigits: 20 }));
  });
});
