/** How the panel puts a certainty into words: the label, the speaker's words that made it, and what differs. */
import { certaintyWords } from '../../src/shared/words';

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

  test('nothing is added when every sentence agrees', () => {
    expect(certaintyWords({ label: 'high', score: 0.75, evidence: [], differs: [] }).meaning).toBe('Said plainly, with no word of doubt.');
  });
});
