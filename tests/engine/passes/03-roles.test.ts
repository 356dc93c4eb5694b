/**
 * Pass 3, roles: one reading per cue, with what the cue's own form says about its subject — a passive cue
 * ("was accused of") or an impression cue ("seems to", "reportedly") has no speaker for subject, nor a
 * sentence-opening "Asked" — and no reading for "as they call it", which reports nothing.
 */
import { cues } from '../../../src/engine/passes/02-cues';
import { roles } from '../../../src/engine/passes/03-roles';
import { rangeText, upTo } from '../../helpers/passes';

/** The reading of the cue whose text is `cue`: [passiveForm, impression, openingParticiple, lemma]. */
function reading(text: string, cue: string): [boolean, boolean, boolean, string] | undefined {
  const state = upTo(roles, text);
  const found = state.readings.find((r) => rangeText(state, [r.cue.start, r.cue.end]) === cue);
  return found && [found.passiveForm, found.impression, found.openingParticiple, found.lemma];
}

describe('roles: a cue whose subject did not say it', () => {
  test.each([
    ['passive: "was accused of"', 'Mr. Quiros was accused of using $50 million for personal expenses.', 'was accused of', [true, false, false, 'accuse']],
    ['passive with "have been"', 'Peacekeepers have been blamed for introducing cholera to Haiti.', 'have been blamed for', [true, false, false, 'blame']],
    ['passive: "is expected to"', 'The Times is expected to endorse Clinton next week.', 'is expected to endorse', [true, false, false, 'expect']],
    ['passive: "was told"', 'She was told to wait outside the room.', 'was told', [true, false, false, 'tell']],
    ['impression: "seems"', 'Melania seems to have vanished from the campaign trail.', 'seems', [false, true, false, 'seem']],
    ['impression: "reportedly"', 'Trump reportedly told aides that he would not debate her.', 'reportedly told', [false, true, false, 'tell']],
    ['impression: "appeared to acknowledge"', 'The campaign has appeared to acknowledge that his help is needed.', 'has appeared to acknowledge', [false, true, false, 'appear']],
    ['a sentence-opening "Asked"', 'Asked about the emails, Clinton said she had made a mistake.', 'Asked about', [false, false, true, 'ask']],
    ['"when asked" after the cue it follows', '“I don’t know,” she said when asked about the report.', 'asked about', [false, false, true, 'ask']],
    ['"after being asked" (passive too)', 'His comments came after being asked to defend his record.', 'asked', [true, false, true, 'ask']],
  ])('%s: %s', (_what, text, cue, expected) => {
    expect(reading(text, cue)).toEqual(expected);
  });

  test.each([
    ['an active verb of saying', 'Clinton said the plan would work.', 'said'],
    ['the cue after an opening "Asked"', 'Asked about the emails, Clinton said she had made a mistake.', 'said'],
    ['a participle of feeling after "are"', 'Some Democrats are worried about turnout in the fall.', 'are worried about'],
    ['"asked" that does not open its sentence', 'Reporters asked about the emails on Monday.', 'asked about'],
  ])('none of the three for %s: %s', (_what, text, cue) => {
    expect(reading(text, cue)?.slice(0, 3)).toEqual([false, false, false]);
  });
});

describe('roles: "as they call it" names something and gets no reading', () => {
  const cueTexts = (text: string): string[] => {
    const state = upTo(cues, text);
    return state.cues.map((cue) => rangeText(state, [cue.start, cue.end])!);
  };
  const readTexts = (text: string): string[] => {
    const state = upTo(roles, text);
    return state.readings.map((r) => rangeText(state, [r.cue.start, r.cue.end])!);
  };

  test.each([
    ['The plan, as critics call it, is a giveaway to the banks.', ['call'], []],
    ['Officials said that the “new normal,” as they call it, would last for years.', ['said', 'call'], ['said']],
  ])('%s', (text, tagged, read) => {
    expect(cueTexts(text)).toEqual(tagged);
    expect(readTexts(text)).toEqual(read);
  });

  test('a quotation after it: "As one official put it, “…”" is read', () => {
    expect(readTexts('As one official put it, “We are flying blind.”')).toEqual(['put it']);
  });
});
