/**
 * Pass 7, missed quotations: a direct quotation the taggers gave to no one although its sentence says whose it
 * is — “…,” she yells / “…,” said Ellis / "Said Ellis: “…”" / Emery states, “…” / In Dr. Shadlen's words, “…”.
 */
import { tokenize } from '../../../src/engine/core';
import { missedQuotations, quotationsWithMissedCue } from '../../../src/engine/passes/07-missed-quotations';
import { texts, upTo } from '../../helpers/passes';

describe('quotationsWithMissedCue: a quotation whose words say plainly who said it', () => {
  const found = (text: string): Array<[string, string, string]> =>
    quotationsWithMissedCue(text, tokenize(text), []).map((attribution) => [attribution.cue!.text, attribution.sources[0].text, attribution.contents[0].text]);
  test.each([
    ['a rare verb after the source', '“Did you shoot him? He better not be dead,” she yells while moving along the street.',
      [['yells', 'she', '“Did you shoot him? He better not be dead,”']]],
    ['an inverted cue', '“The plan is dead,” whispered Sen. John Smith, a Republican.', [['whispered', 'Sen. John Smith', '“The plan is dead,”']]],
    ['a long source with a quoted nickname', '"This is a big year!" Scott\'s niece, Marcia "Cia" Price (D-Newport News), later shouted to the crowd.',
      [['later shouted', 'Scott\'s niece, Marcia "Cia" Price (D-Newport News)', '"This is a big year!"']]],
    ['"Said X:" opening a sentence', 'Critics disagree. Said Ellis: “I don’t get the sense she’s interested in tax reform.”',
      [['Said', 'Ellis', '“I don’t get the sense she’s interested in tax reform.”']]],
    ['a source and verb before the quotation', 'In another tweet, Emery states, “Some people actually think they have to put words in his mouth.”',
      [['states', 'Emery', '“Some people actually think they have to put words in his mouth.”']]],
    ['a clause opener before the source, a colon', 'As the report states: "The birth lottery matters more in the U.S. than anywhere."',
      [['states', 'the report', '"The birth lottery matters more in the U.S. than anywhere."']]],
    ['"In X\'s words," with a single-quoted phrase inside', 'In Dr. Shadlen\'s words, "Could it be tied to that important \'a-ha!\' moment?"',
      [['words', 'Dr. Shadlen', '"Could it be tied to that important \'a-ha!\' moment?"']]],
    ['"in X\'s phrase" in parentheses', 'Uber behaves as if there were (in libertarian economist Tyler Cowen’s phrase) “markets in everything” – including safety.',
      [['phrase', 'libertarian economist Tyler Cowen', '“markets in everything”']]],
    ['a sentence opened by a name and a verb of saying, its colon before the quotation',
      'Alverson summed up the journey from a wooden boat to the fish counter: “It’s Seattle old school meets Seattle new school.”',
      [['summed up', 'Alverson', '“It’s Seattle old school meets Seattle new school.”']]],
    // salon-1: how a message opens, its source opened by a determiner.
    ['a message that "began" with its words, a source opened by "one"', 'Criticism erupted – “@Uber_Sydney stop being assholes,” one Twitter response began – and Uber backed down.',
      [['began', 'one Twitter response', '“@Uber_Sydney stop being assholes,”']]],
    ['a source opened by "the"', '“We were there first,” the old fisherman insisted.', [['insisted', 'the old fisherman', '“We were there first,”']]],
    ['a confession', '“This is a big political win for me,” she confessed.', [['confessed', 'she', '“This is a big political win for me,”']]],
    ['"went on" after the source, a comma after it', '“You know, it happens, right?” Trump went on, as if he did not hear her.', [['went on', 'Trump', '“You know, it happens, right?”']]],
    ['"went on to say"', '“It is over,” the senator went on to say.', [['went on', 'the senator', '“It is over,”']]],
    ['a verb inside the source’s relative clause passed over', '“It was terrifying,” one neighbour, who asked not to be named, told the Echo.',
      [['told', 'one neighbour, who asked not to be named', '“It was terrifying,”']]],
  ] as Array<[string, string, Array<[string, string, string]>]>)('%s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
  test.each([
    ['a title', 'Speaking on “Face the Nation,” Sanders told viewers he would run.'],
    ['a passive cue', '“The vote is rigged,” Sanders was told by a supporter.'],
    ['a quotation ending its sentence', '“The vote is rigged.” Sanders said nothing more.'],
    ['a noun that looks like a verb', '“We won!” state Del. Marcia Price told the crowd.'.replace('told', 'thanked')],
    ['a passive verb before the quotation', 'The question was asked, “Who pays for the wall?”'],
    ['no speech verb before the colon', 'Here is the list: “Apples, pears and plums for everyone.”'],
    ['a verb with no subject before it', 'Said, “We will win this one easily.”'],
    ['a determiner opening the sentence', 'The challenge is plain to see: “27 companies reported 16,389 subsidiaries last year.”'],
    ['a verb that says nothing before the colon', 'Alverson walked down to the fish counter: “It’s Seattle old school meets Seattle new school.”'],
    ['"began" with no quotation of its own before it', 'The festival began “with a bang and a parade” on Friday.'],
    ['a lower-case phrase that is no source', '“We were there first,” and so it went on, insisted nobody.'],
    ['"went on" taking an object', '“We were there first,” Trump went on a tour of the plant.'],
    ['"went" with no "on"', '“We were there first,” Trump went home.'],
  ])('nothing for %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('missedQuotations: what the pass adds to the attributions found', () => {
  /** [cue, sources, contents, kind, confidence] of each attribution found by the end of the pass. */
  const found = (text: string) => upTo(missedQuotations, text).found.map((a) => [a.cue?.text, texts(a.sources), texts(a.contents), a.kind, a.confidence]);
  test.each([
    ['a quotation whose cue the tagger read, with only a manner adverb for content', '“We were there first,” the old fisherman insisted quietly.',
      [['insisted', ['the old fisherman'], ['“We were there first,”'], 'direct', 0.6]]],
    ['a rare verb', '“Did you shoot him? He better not be dead,” she yells while moving along the street.',
      [['yells', ['she'], ['“Did you shoot him? He better not be dead,”'], 'direct', 0.6]]],
  ])('%s: %s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('a quotation the tagger attributed gets no second attribution', () => {
    expect(found('“The plan is dead,” said Sen. John Smith, a Republican.').map(([cue]) => cue)).toEqual(['said']);
  });
});
