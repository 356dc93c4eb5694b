/**
 * Pass 15, order: every attribution found and every follow-on, in text order (by the earlier of cue and first
 * content), with ids q0, q1, … and each follow-on's `continues` naming the attribution it continues.
 */
import { order } from '../../../src/engine/passes/15-order';
import { upTo } from '../../helpers/passes';

/** [id, cue, first content, continues] of each attribution after the pass. */
const ordered = (text: string): Array<[string, string | null, string, string | undefined]> =>
  upTo(order, text).quotes.map((q) => [q.id, q.cue?.text ?? null, q.contents[0].text, q.continues]);

const PENTAGON = 'The Pentagon said it had no information.';

describe('order: ids in text order, follow-ons pointing at what they continue', () => {
  test.each([
    ['three paragraphs', `Moscow claimed that it may have killed the ISIS leader.\n\n“It is not true,” a U.S. official said.\n\n${PENTAGON}`, [
      ['q0', 'claimed', 'that it may have killed the ISIS leader', undefined],
      ['q1', 'said', '“It is not true,”', undefined],
      ['q2', 'said', 'it had no information', undefined],
    ]],
    ['a quotation found by a later pass comes first in the text', `“We were there first,” the old fisherman insisted quietly.\n\n${PENTAGON}`, [
      ['q0', 'insisted', '“We were there first,”', undefined],
      ['q1', 'said', 'it had no information', undefined],
    ]],
    ['a signed quotation found after the tagger’s', `“He represents our greatest shame.” ― Sonya Herridge\n\n${PENTAGON}`, [
      ['q0', '―', '“He represents our greatest shame.”', undefined],
      ['q1', 'said', 'it had no information', undefined],
    ]],
    ['a content before its cue puts the attribution first', 'Clinton plans to visit Charlotte on Sunday, according to a campaign aide.', [
      ['q0', 'according to', 'Clinton plans to visit Charlotte on Sunday', undefined],
      ['q1', 'plans', 'to visit Charlotte on Sunday', undefined],
    ]],
    ['a follow-on between two attributions continues the first', `“I’m not going to take this too seriously,” he said.\n\n“I wouldn’t believe the Russian sources.”\n\n${PENTAGON}`, [
      ['q0', 'said', '“I’m not going to take this too seriously,”', undefined],
      ['q1', null, '“I wouldn’t believe the Russian sources.”', 'q0'],
      ['q2', 'said', 'it had no information', undefined],
    ]],
    ['list items each continue the point before', 'President Obama also said:\n\nThe UK must stay in the EU to have influence on the world stage\n\nSyria needs a political solution in order to defeat the Islamic State group\n\nHe would speak "bluntly" against corruption in Kenya\n\nMr Obama lands in Kenya later on Friday.', [
      ['q0', 'also said:', 'The UK must stay in the EU to have influence on the world stage', undefined],
      ['q1', null, 'Syria needs a political solution in order to defeat the Islamic State group', 'q0'],
      ['q2', null, 'He would speak "bluntly" against corruption in Kenya', 'q1'],
    ]],
  ])('%s', (_what, text, expected) => {
    expect(ordered(text)).toEqual(expected);
  });

  test.each([
    ['a quotation split around its cue: one attribution', '“We are not going anywhere,” she said, “and we will keep fighting for our members.”', 1],
    ['a transcript turn going on over a paragraph: one attribution', 'WALLACE: Let’s start with the news.\n\n"And then the weather."', 1],
    ['a pull quote: no follow-on', '“We will rebuild the bridge this year,” Jones said.\n\n“We will rebuild the bridge this year.”', 1],
    ['two attributions with cues of their own', `“It is not true,” a U.S. official said.\n\n${PENTAGON}`, 2],
  ])('nothing continues anything in %s', (_what, text, count) => {
    const quotes = upTo(order, text).quotes;
    expect(quotes.map((q) => q.continues)).toEqual(new Array(count).fill(undefined));
  });
});
