/** reportsWithMissedCue (src/engine/passes/09-missed-reports.ts): reports of speech the cue tagger missed, and what must not be read as one. */
import { reportsWithMissedCue } from '../../../src/engine/passes/09-missed-reports';
import { tokenize } from '../../../src/engine/core';

const found = (text: string): Array<[string, string, string]> =>
  reportsWithMissedCue(text, tokenize(text), []).map((report) => [report.sources[0].text, report.cue!.text, report.contents[0].text]);

describe('reportsWithMissedCue', () => {
  test.each([
    ['a rare verb, a day, "that"', 'Officials divulged Thursday that the Sudanese government had allowed two visits.',
      [['Officials', 'divulged', 'the Sudanese government had allowed two visits']]],
    ['a telling verb, its object, an ellipsis', "Law enforcement sources tell TMZ ... the dress was taken out of Lupita's room.",
      [['Law enforcement sources', 'tell', "the dress was taken out of Lupita's room"]]],
    ['a nested report with an object and no "that"', 'Our sources say Lupita told cops it was taken from her room on Wednesday.',
      [['Lupita', 'told', 'it was taken from her room on Wednesday']]],
    ['an auxiliary, an object and a setting', 'Mr Mugabe had told President Jacob Zuma by telephone on Wednesday that he was confined to his home.',
      [['Mr Mugabe', 'had told', 'he was confined to his home']]],
    ['the closing attribution of the sentence left out', 'Clinton had told police officials that she did not want the escort at all, the source added.',
      [['Clinton', 'had told', 'she did not want the escort at all']]],
    ['a determiner and a noun for a body, a clause with its own verb', 'At the same time, the company claims its new prices and deals have saved customers millions.',
      [['the company', 'claims', 'its new prices and deals have saved customers millions']]],
    ['a report closing its sentence', 'The price gap has become less relevant as prices fell, Yahoo Finance reported earlier this year.',
      [['Yahoo Finance', 'reported', 'The price gap has become less relevant as prices fell']]],
    ['"As X reports," opening the sentence', 'As Mashable reports, the company announced a minimum fare of $100 in the area.',
      [['Mashable', 'reports', 'the company announced a minimum fare of $100 in the area']]],
    // salon-1: a promise with no object, "now" between the subject and the verb.
    ['a telling verb whose object is left out', 'The company now promises it will do a better job at screening drivers.',
      [['The company', 'now promises', 'it will do a better job at screening drivers']]],
  ] as Array<[string, string, Array<[string, string, string]>]>)('%s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['a plural noun that looks like a verb', 'Most Southern states will hold nominating contests on March 1 this year.'],
    ['a noun after a quantifier', 'Many reports say the company treats its drivers badly and pays them late.'],
    ['FEC reports', 'FEC reports show that a quartet of groups have spent $1.1 million on ads.'],
    ['a passive', 'He was told that the meeting had been moved to Friday afternoon.'],
    ['no clause after the verb', 'The minister announced a new budget for the coming year on Monday.'],
    ['a telling verb with no object', 'She told that the plan would fail within a year or two.'],
    ['"as" in the middle of a sentence', 'The fares rose as Mashable reports, and the company announced a minimum fare of $100.'],
    ['a report with an object after it, not closing the sentence', 'Prices fell sharply, and Yahoo Finance reported a loss for the year.'],
    ['an object, not a clause', 'The company announced its new prices for the coming year on Monday.'],
    ['a verb inside a quotation', '“He told me that we would win the vote easily,” she said.'],
    ['a promise of a thing, not a clause', 'The company now promises a refund to every customer who asks for one.'],
  ])('nothing for %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});
