/**
 * Pass 7, split quotations: the second half of a quotation the tagger left to no one joins the attribution
 * whose first half ends before the cue (“A,” X said, <aside>. “B.”), and a quotation right after a dashed
 * "— according to X —" aside finishes that attribution's content.
 */
import { splitQuotations } from '../../../src/engine/passes/07-split-quotations';
import { texts, upTo } from '../../helpers/passes';

/** The contents of the attribution whose cue starts with `cue`, after the pass. */
const contentsOf = (text: string, cue: string): string[] =>
  texts(upTo(splitQuotations, text).found.find((attribution) => attribution.cue?.text.startsWith(cue))?.contents ?? []);

describe('joinQuotationAfterAside: “A,” X said, <aside>. “B.” — B is the same speaker’s', () => {
  test.each([
    ['a participle aside', '“You can’t talk about change if you don’t know what we’re changing,” DuVernay said, emphasizing why our past is crucial. “What we need to change is our collective thinking.”',
      ['“You can’t talk about change if you don’t know what we’re changing,”', '“What we need to change is our collective thinking.”']],
    ['a participle cue of its own in the aside', '"We remain open to credible talks," he said, referring to the country\'s official name. "Sadly, the DPRK has chosen a different path."',
      ['"We remain open to credible talks,"', '"Sadly, the DPRK has chosen a different path."']],
    ['a titled source and a long scene after the cue', '"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said after Pagliano failed to show up at the second committee hearing he was formally called to in the past two weeks. "Mr. Pagliano is a crucial fact witness."',
      ['"Subpoenas are not optional,"', '"Mr. Pagliano is a crucial fact witness."']],
    ['a sentence of narration between', '“We’ve had problems with cyber intrusions from Russia in the past,” Obama said after meeting with Russian President Vladimir Putin. He didn’t suggest retaliation. “Our goal is to start instituting some norms.”',
      ['“We’ve had problems with cyber intrusions from Russia in the past,”', '“Our goal is to start instituting some norms.”']],
  ])('%s', (_what, text, expected) => {
    expect(contentsOf(text, 'said')).toEqual(expected);
  });

  test.each([
    ['a phrase inside the next sentence', '“We will not back down,” Rubio said on Thursday. The senator once sat with the group that put “a path to citizenship” in the bill.'],
    ['a quotation with a cue of its own', '“We will not back down,” Rubio said on Thursday. Cruz replied: “He already has.”'],
    ['a quotation in the next paragraph (a follow-on, not a split)', '“We will not back down,” Rubio said on Thursday.\n\n“He already has.”'],
    ['a title in capitals in the same sentence', '“We will not back down,” Rubio said later, appearing on “Fox and Friends.”'],
    ['a title right after the cue', '“We will not back down,” Rubio said later on “Fox and Friends.”'],
  ])('not joined: %s', (_what, text) => {
    expect(contentsOf(text, 'said')).toEqual(['“We will not back down,”']);
  });

  test('not after a report with no quotation of its own before the cue', () => {
    expect(contentsOf('Tester said the deal was bad, referring to the 1 percent excuse. “We will vote no.”', 'said')).toEqual(['the deal was bad']);
  });
});

describe('quotationAfterDashedAside: "— according to X — “…”" finishes the content', () => {
  test('the quotation after the closing dash joins the content, and the kind is mixed', () => {
    const text = 'There would be a code including — according to the explanatory notes of the British Bill — “provision to protect the public interest in the confidentiality of journalistic sources.”';
    const quote = upTo(splitQuotations, text).found.find((q) => q.cue?.text.startsWith('according'));
    expect(texts(quote?.contents ?? [])).toEqual(['There would be a code including', '“provision to protect the public interest in the confidentiality of journalistic sources.”']);
    expect(quote?.kind).toBe('mixed');
  });

  test('not without the dash before the quotation', () => {
    const text = 'There would be a code, according to the explanatory notes of the British Bill. “Provision to protect the public interest is not enough,” critics said.';
    expect(contentsOf(text, 'according')).toEqual(['There would be a code']);
  });
});
