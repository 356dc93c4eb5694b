/**
 * Pass 2, cues: the words that report speech or belief, headlines skipped, each brought to PolNeAR's edges
 * (withCueEdges: adverbs, auxiliaries and a governed preposition join; a name's capitalised word does not).
 */
import { tokenize } from '../../../src/engine/core';
import { cues, withCueEdges } from '../../../src/engine/passes/02-cues';
import { rangeText, upTo } from '../../helpers/passes';

const cueTexts = (text: string): Array<string | null> => {
  const state = upTo(cues, text);
  return state.cues.map((cue) => rangeText(state, [cue.start, cue.end]));
};

describe('cues: what the tagger and its edge rules mark', () => {
  test.each([
    ['an auxiliary and an adverb join the verb', 'Trump has also said the wall would be built.', ['has also said']],
    ['a governed preposition joins', 'Democrats complained about the rules.', ['complained about']],
    ['a passive and its preposition', 'Mr. Quiros was accused of using $50 million for personal expenses.', ['was accused of']],
    ['a name ending in a modal ("May") is no part of the cue', 'Prime Minister Theresa May said the deal was done.', ['said']],
    ['a cue of two words', 'The attack killed 12 people, according to local officials.', ['according to']],
    ['a headline is skipped, the prose after it is not', 'Russia Claims They Killed ISIS Leader\n\nRussia claims that it killed the ISIS leader.', ['claims']],
  ])('%s: %j', (_what, text, expected) => {
    expect(cueTexts(text)).toEqual(expected);
  });

  test.each([
    ['a headline', 'Russia Claims They Killed ISIS Leader'],
    ['a teaser headline with a claim verb', 'Trump Wall: Mexico Will Pay For It, Sources Say'],
    ['plain narration', 'The bridge was built in 1932 and repaired in 1978 after a flood.'],
  ])('no cue in %s: %j', (_what, text) => {
    expect(cueTexts(text)).toEqual([]);
  });

  test('a cue’s confidence comes from its tagging margin: a probability, high for a plain "said"', () => {
    const [cue] = upTo(cues, 'The Pentagon said that it had no information.').cues;
    expect(cue.confidence).toBeGreaterThan(0.9);
    expect(cue.confidence).toBeLessThanOrEqual(1);
  });
});

describe('withCueEdges: PolNeAR cue boundaries around a tagged verb', () => {
  /** The cue `cue` in `text` brought to its edges. */
  const edged = (text: string, cue: string): string => {
    const { tokens } = tokenize(text);
    const at = text.indexOf(cue);
    const start = tokens.findIndex((token) => token.start >= at);
    let end = start;
    while (end < tokens.length && tokens[end].end <= at + cue.length) end++;
    const [from, to] = withCueEdges(tokens, start, end, 0, tokens.length);
    return text.slice(tokens[from].start, tokens[to - 1].end);
  };

  /** [sentence, tagged cue, cue with its edges]. */
  test.each([
    ['Trump has also said the wall would be built.', 'said', 'has also said'],
    ['The agency did not immediately respond to questions.', 'respond', 'did not immediately respond'],
    ['Democrats complained about the rules.', 'complained', 'complained about'],
    ['She was accused of lying.', 'was accused', 'was accused of'],
    ['Sanders wants to discuss the plan.', 'discuss', 'to discuss'],
  ])('%s ("%s" → "%s")', (text, cue, expected) => {
    expect(edged(text, cue)).toBe(expected);
  });

  // Not: a say verb's "of", a capitalised word, an -ly noun, the sentence before.
  test.each([
    ['Obama said of the plan that it would work.', 'said'],
    ['Prime Minister Theresa May said the deal was done.', 'said'],
    ['His family said he was innocent.', 'said'],
    ['He spoke quietly. Said the mayor: no.', 'Said'],
  ])('leaves alone: %s ("%s")', (text, cue) => {
    expect(edged(text, cue)).toBe(cue);
  });
});
