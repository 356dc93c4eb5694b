/**
 * The speaker-name check's scoring (eval/speaker-names.ts): which shown names count as the annotated speaker, which
 * attribution carries a quotation, and what counts as shown, wrong, or no one's words shown.
 */
import type { Attribution } from '../../src/shared/attribution';
import { attributionFor, namesSpeaker, scoreSpeakerNames, type NamedQuotation } from '../../eval/speaker-names';

describe('namesSpeaker', () => {
  test.each([
    ['Jeb Bush', 'Jeb Bush', 'person'],
    ['Mr. Bush', 'Jeb Bush', 'person'],
    ['Gov. Jeb Bush', 'Jeb Bush', 'person'],
    ['Jeb Bush, the former governor', 'Jeb Bush', 'person'],
    // A surname alone is how the article goes on naming its person.
    ['Bush', 'Barbara Bush', 'person'],
    ['A senior White House official', 'a senior White House official', 'unnamed'],
    ['White House officials', 'a senior White House official', 'unnamed'],
    ['The New York Times', 'The Times', 'media'],
    ['The Clinton campaign', 'the Clinton campaign', 'organization'],
  ] as const)('%s names %s', (shown, annotated, kind) => {
    expect(namesSpeaker(shown, annotated, kind)).toBe(true);
  });
  test.each([
    ['George W. Bush', 'Jeb Bush', 'person'],
    ['Hillary Clinton', 'Bill Clinton', 'person'],
    ['Donald Trump', 'Jeb Bush', 'person'],
    ['he', 'Jeb Bush', 'person'],
    ['The Washington Post', 'The Times', 'media'],
  ] as const)('%s does not name %s', (shown, annotated, kind) => {
    expect(namesSpeaker(shown, annotated, kind)).toBe(false);
  });
});

const TEXT = '“We will win,” Jeb Bush said. He called the debate “a circus.” “It is over,” an aide said.';
const at = (part: string) => ({ start: TEXT.indexOf(part), end: TEXT.indexOf(part) + part.length, text: part });
const quote = (content: string, speaker: string | null, shown: boolean): Attribution => ({
  id: content, cue: at('said'), sources: speaker ? [at(speaker)] : [], contents: [at(content)], kind: 'direct',
  speaker: speaker ? { name: speaker, type: 'person', aliases: [] } : null, confidence: 0.9, shown,
});

describe('attributionFor', () => {
  test('the attribution covering most of the quotation, a shown one first', () => {
    const hidden = quote('“We will win,” Jeb Bush said', 'Jeb Bush', false);
    const shown = quote('“We will win,”', 'Jeb Bush', true);
    expect(attributionFor([hidden, shown], at('“We will win,”').start, at('“We will win,”').end)).toBe(shown);
  });
  test('none when less than half the quotation is covered', () => {
    expect(attributionFor([quote('win', 'Jeb Bush', true)], at('“We will win,”').start, at('“We will win,”').end)).toBeNull();
  });
});

describe('scoreSpeakerNames', () => {
  const items: NamedQuotation[] = [
    { item: 1, ...at('“We will win,”'), speaker: 'Jeb Bush', kind: 'person' },
    { item: 2, ...at('“a circus.”'), speaker: '', kind: 'not-speech' },
    { item: 3, ...at('“It is over,”'), speaker: 'an aide', kind: 'unnamed' },
  ];
  test('right, wrong, not shown and no one\'s words shown with a speaker', () => {
    const { counts, errors } = scoreSpeakerNames(TEXT, items, [
      quote('“We will win,”', 'Jeb Bush', true),
      quote('“a circus.”', 'Jeb Bush', true),
      quote('“It is over,”', 'Jeb Bush', true),
    ]);
    expect(counts).toEqual({ speech: 2, right: 1, wrong: 1, notShown: 0, shownWithoutSpeaker: 1, items: 3 });
    expect(errors.map((error) => [error.item, error.verdict])).toEqual([[2, 'shown without speaker'], [3, 'wrong']]);
  });
  test('a hidden attribution is not shown', () => {
    const { counts } = scoreSpeakerNames(TEXT, items, [quote('“We will win,”', 'Jeb Bush', false)]);
    expect(counts).toMatchObject({ right: 0, notShown: 2, shownWithoutSpeaker: 0 });
  });
});
