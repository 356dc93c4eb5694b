/**
 * Pass 12, list items: after "X also said:", the points of a list, one a paragraph and none punctuated as a
 * sentence, continue the same speaker; a point opened by a pronoun that an attribution had taken is the list's.
 */
import { listItems } from '../../../src/engine/passes/12-list-items';
import { texts, upTo } from '../../helpers/passes';

const LIST = [
  'In a wide-ranging interview, President Obama also said:',
  'The UK must stay in the EU to have influence on the world stage',
  'Syria needs a political solution in order to defeat the Islamic State group',
  'He would speak "bluntly" against corruption in Kenya',
  'Mr Obama lands in Kenya later on Friday for his first visit.',
].join('\n\n');

/** [point, kind, first content of the attribution it follows] of each list item the pass added. */
const points = (text: string): Array<[string, string, string]> => upTo(listItems, text).followOns
  .map(({ attribution, follows }) => [attribution.contents[0].text, attribution.kind, follows.contents[0].text]);

describe('listAfterColon: the points of a list after "X said:" continue X', () => {
  test.each([
    ['each unpunctuated point after the first follows the one before, the list ending at a sentence', LIST, [
      ['Syria needs a political solution in order to defeat the Islamic State group', 'indirect', 'The UK must stay in the EU to have influence on the world stage'],
      ['He would speak "bluntly" against corruption in Kenya', 'mixed', 'Syria needs a political solution in order to defeat the Islamic State group'],
    ]],
    ['a point opened by a pronoun and a verb is the whole point', LIST.replace('Syria needs a political solution in order to defeat the Islamic State group', 'He is confident the Iran nuclear deal will be passed by Congress'), [
      ['He is confident the Iran nuclear deal will be passed by Congress', 'indirect', 'The UK must stay in the EU to have influence on the world stage'],
      ['He would speak "bluntly" against corruption in Kenya', 'mixed', 'He is confident the Iran nuclear deal will be passed by Congress'],
    ]],
  ])('%s', (_what, text, expected) => {
    expect(points(text)).toEqual(expected);
  });

  test('a point has no cue or source of its own: the first point’s cue carries it', () => {
    const [point] = upTo(listItems, LIST).followOns;
    expect(point.attribution).toMatchObject({ cue: null, sources: [], speaker: null, cueLemma: 'say' });
    expect(point.follows.cue?.text).toBe('also said:');
  });

  test('the attribution the pronoun’s point had taken gives way and leaves the attributions found', () => {
    const text = LIST.replace('Syria needs a political solution in order to defeat the Islamic State group', 'He is confident the Iran nuclear deal will be passed by Congress');
    expect(upTo(listItems, text).found.map((a) => [a.cue?.text, texts(a.contents)]))
      .toEqual([['also said:', ['The UK must stay in the EU to have influence on the world stage']]]);
  });

  test.each([
    ['paragraphs punctuated as sentences', LIST.replace(/stage\n/, 'stage.\n').replace(/group\n/, 'group.\n')],
    ['no colon before the list', LIST.replace('also said:', 'also spoke at length.')],
    ['a long paragraph', LIST.replace('Syria needs', `${'Syria needs a great deal of help '.repeat(8)}and`)],
    ['a point someone else said', LIST.replace('Syria needs a political solution in order to defeat the Islamic State group', 'Syria needs a political solution, the Kenyan foreign minister said in reply')],
  ])('no follow-on for the Syria point with %s', (_what, text) => {
    expect(points(text).filter(([point]) => point.startsWith('Syria'))).toEqual([]);
  });
});
