/**
 * Pass 19, groups: one group per speaker (same canonical name), in order of first appearance in the text, with
 * the fullest role, every alias, and how many of its attributions carry low certainty.
 */
import { analyze } from '../../../src/engine/index';
import { groupSpeakers } from '../../../src/engine/passes/19-groups';
import type { Attribution, Certainty, SpeakerRef } from '../../../src/shared/attribution';

/** An attribution `id` at character `at`, by `speaker`, with the given certainty. */
function said(id: string, at: number, speaker: Partial<SpeakerRef> | null, certainty?: Certainty['label']): Attribution {
  return {
    id, cue: { start: at, end: at + 4, text: 'said' }, sources: [], contents: [{ start: at + 5, end: at + 9, text: 'more' }], kind: 'indirect',
    speaker: speaker && { type: 'person', aliases: [], name: '', ...speaker }, confidence: 1,
    ...(certainty ? { certainty: { label: certainty, score: 0.5, evidence: [] } } : {}),
  };
}

/** [name, attribution ids, role, aliases, hedged, anonymous] of each group. */
const grouped = (attributions: Attribution[]) => groupSpeakers(attributions).map((g) => [g.name, g.attributionIds, g.role, g.aliases, g.hedged, g.anonymous]);

describe('groupSpeakers: a document speaks in its author\'s group (round 20)', () => {
  test.each([
    ['a person\'s document by surname', [said('q0', 0, { name: 'Stan Greenberg' }), said('q1', 40, { name: "Greenberg's research", type: 'unnamed' })],
      [['Stan Greenberg', ['q0', 'q1'], undefined, ["Greenberg's research"], 0, undefined]]],
    ['a body\'s report, the report first', [said('q0', 0, { name: 'A report from Kotak Institutional Equities', type: 'unnamed' }), said('q1', 40, { name: 'Kotak Institutional Equities', type: 'organization' })],
      [['Kotak Institutional Equities', ['q0', 'q1'], undefined, ['A report from Kotak Institutional Equities'], 0, undefined]]],
  ])('%s', (_what, attributions, expected) => {
    expect(grouped(attributions)).toEqual(expected);
  });

  test.each([
    ['a campaign is a body of its own, not a document', [said('q0', 0, { name: 'Hillary Clinton' }), said('q1', 40, { name: 'Clinton’s campaign', type: 'organization' })], 2],
    ['a document whose author heads no group stays a group', [said('q0', 0, { name: "Greenberg's research", type: 'unnamed' })], 1],
    ['a surname that is not the person\'s', [said('q0', 0, { name: 'Stan Greenberg' }), said('q1', 40, { name: "Smith's report", type: 'unnamed' })], 2],
    // Round 20's review: a document about someone is not theirs.
    ['an indictment of a person', [said('q0', 0, { name: 'Donald Trump' }), said('q1', 40, { name: "Trump's indictment", type: 'unnamed' })], 2],
    ['a person\'s record', [said('q0', 0, { name: 'Hillary Clinton' }), said('q1', 40, { name: "Clinton's record", type: 'unnamed' })], 2],
  ])('stays apart: %s', (_what, attributions, count) => {
    expect(grouped(attributions)).toHaveLength(count);
  });
});

describe('groupSpeakers', () => {
  test.each([
    ['one name, one group, ids in text order', [said('q0', 0, { name: 'Ryan Dillon' }), said('q1', 40, { name: 'Ryan Dillon' })],
      [['Ryan Dillon', ['q0', 'q1'], undefined, [], 0, undefined]]],
    ['groups in order of first appearance, not of the list', [said('q1', 50, { name: 'Pentagon' }), said('q0', 10, { name: 'Ryan Dillon' })],
      [['Ryan Dillon', ['q0'], undefined, [], 0, undefined], ['Pentagon', ['q1'], undefined, [], 0, undefined]]],
    ['the fullest role', [said('q0', 0, { name: 'Ryan Dillon', role: 'Col.' }), said('q1', 40, { name: 'Ryan Dillon', role: 'U.S. Army Col.' })],
      [['Ryan Dillon', ['q0', 'q1'], 'U.S. Army Col.', [], 0, undefined]]],
    ['every alias once', [said('q0', 0, { name: 'Ryan Dillon', aliases: ['U.S. Army Col. Ryan Dillon', 'Dillon'] }), said('q1', 40, { name: 'Ryan Dillon', aliases: ['Dillon', 'he'] })],
      [['Ryan Dillon', ['q0', 'q1'], undefined, ['U.S. Army Col. Ryan Dillon', 'Dillon', 'he'], 0, undefined]]],
    ['low certainty counted as hedged', [said('q0', 0, { name: 'Officials' }, 'low'), said('q1', 40, { name: 'Officials' }, 'medium'), said('q2', 80, { name: 'Officials' }, 'low')],
      [['Officials', ['q0', 'q1', 'q2'], undefined, [], 2, undefined]]],
    ['anonymous when any of its attributions is', [said('q0', 0, { name: 'a senior official' }), said('q1', 40, { name: 'a senior official', anonymous: true })],
      [['a senior official', ['q0', 'q1'], undefined, [], 0, true]]],
  ])('%s', (_what, attributions, expected) => {
    expect(grouped(attributions)).toEqual(expected);
  });

  test.each([
    ['an attribution with no speaker', [said('q0', 0, null), said('q1', 40, { name: 'Pentagon' })], [['Pentagon', ['q1'], undefined, [], 0, undefined]]],
    ['two names with the same role', [said('q0', 0, { name: 'Jeff Davis', role: 'Capt.' }), said('q1', 40, { name: 'Ryan Dillon', role: 'Capt.' })],
      [['Jeff Davis', ['q0'], 'Capt.', [], 0, undefined], ['Ryan Dillon', ['q1'], 'Capt.', [], 0, undefined]]],
    ['a shorter role after a longer one', [said('q0', 0, { name: 'Ryan Dillon', role: 'U.S. Army Col.' }), said('q1', 40, { name: 'Ryan Dillon', role: 'Col.' })],
      [['Ryan Dillon', ['q0', 'q1'], 'U.S. Army Col.', [], 0, undefined]]],
  ])('does not group or change: %s', (_what, attributions, expected) => {
    expect(grouped(attributions)).toEqual(expected);
  });
});

describe('groups through analyze()', () => {
  test.each([
    ['a surname later is the same speaker', 'U.S. Army Col. Ryan Dillon said the claims were false. Dillon also said the strike had missed.', [['Ryan Dillon', ['q0', 'q1']]]],
    ['a speaker in between has a group of its own', '“We are ready,” said Ryan Dillon, a spokesman for the coalition. The Pentagon said it had no information. Dillon said he was sure.', [['Ryan Dillon', ['q0', 'q2']], ['Pentagon', ['q1']]]],
    ['a follow-on joins the group of what it continues', '“I’m not going to take this too seriously,” he said.\n\n“I wouldn’t believe the Russian sources.”', [[expect.any(String), ['q0', 'q1']]]],
  ])('%s', (_what, text, expected) => {
    expect(analyze(text).speakers.map((speaker) => [speaker.name, speaker.attributionIds])).toEqual(expected);
  });
});
