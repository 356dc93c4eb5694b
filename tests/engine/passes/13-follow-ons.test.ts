/**
 * Pass 13, follow-on quotations: a paragraph that is all quotation, with no cue of its own, right after a
 * paragraph whose last attribution is a quotation, or reported speech with a verb of saying that closes it,
 * continues that speaker. A pull quote (words the article quoted already) is no one's.
 */
import { followOns } from '../../../src/engine/passes/13-follow-ons';
import { upTo } from '../../helpers/passes';

/** [follow-on content, kind, cue of the attribution it follows, that attribution's first content] for each follow-on. */
const followOnsOf = (text: string): Array<[string, string, string | null, string]> => upTo(followOns, text).followOns
  .map(({ attribution, follows }) => [attribution.contents[0].text, attribution.kind, follows.cue?.text ?? null, follows.contents[0].text]);

const JONES = '“We will rebuild the bridge this year,” Jones said.';
const MORE = '“And we will pay for it ourselves, without federal money.”';

describe('followOnQuotations: the same speaker goes on talking', () => {
  test.each([
    ['after a quotation', '“I’m not going to take this too seriously,” he said.\n\n“I wouldn’t believe the Russian sources based on anything they’re hearing out of Syria.”',
      [['“I wouldn’t believe the Russian sources based on anything they’re hearing out of Syria.”', 'direct', 'said', '“I’m not going to take this too seriously,”']]],
    ['a quotation running over two paragraphs', 'Jones said: “We will rebuild the bridge this year.\n\n“And we will pay for it ourselves, without federal money.”',
      [[MORE, 'direct', 'said:', '“We will rebuild the bridge this year.']]],
    ['after reported speech that closes its paragraph', 'The president also admitted that some governments needed to improve their records. However, Mr Obama defended his decision to visit those governments.\n\n"Well, they\'re not ideal institutions. But when we combined blunt talk with engagement, that gives us the best opportunity."',
      [['"Well, they\'re not ideal institutions. But when we combined blunt talk with engagement, that gives us the best opportunity."', 'direct', 'defended', 'his decision to visit those governments']]],
    ['two paragraphs in a row, each following the one before', `${JONES}\n\n${MORE}\n\n“Nobody will stop us now, not the state and not the courts.”`,
      [[MORE, 'direct', 'said', '“We will rebuild the bridge this year,”'], ['“Nobody will stop us now, not the state and not the courts.”', 'direct', null, MORE]]],
    // Round 22 (PolNeAR read as pages, the read sets): reports inside the quotation are the speaker's; a one-sentence
    // narration of the speaker leaves them speaking; the next sentence of the paragraph, all quotation after "But".
    ['a quotation holding reports of its own', `${JONES}\n\n“… they still just go on with their lying ways, saying that I’m the one that’s wrong.”`,
      [['“… they still just go on with their lying ways, saying that I’m the one that’s wrong.”', 'direct', 'said', '“We will rebuild the bridge this year,”']]],
    ['after a narration of the speaker', `${JONES}\n\nJones continued his scathing remarks.\n\n${MORE}`,
      [[MORE, 'direct', 'said', '“We will rebuild the bridge this year,”']]],
    ['the next sentence, all quotation after "But"', 'Republican Rep. Lee Zeldin said it will help.\n\n“I don’t think it’s do or die, any endorsement in particular,” he said outside the building. But “Donald Trump’s candidacy is strengthened with an endorsement from the most powerful person. It helps.”',
      [['“Donald Trump’s candidacy is strengthened with an endorsement from the most powerful person. It helps.”', 'direct', 'said', '“I don’t think it’s do or die, any endorsement in particular,”']]],
  ])('%s', (_what, text, expected) => {
    expect(followOnsOf(text)).toEqual(expected);
  });

  test.each([
    ['after narration', 'The council met on Monday.\n\n“The first part of the plan is simple. We build the bridge.\n\n“The second part is harder: we pay for it,” the mayor said.'],
    ['after another speaker’s quotation', '“No, I am done with politics,” Johnson said.\n\n“The first part of the plan is simple. We build the bridge.\n\n“The second part is harder: we pay for it,” the mayor said.'],
  ])('a quotation left open at its paragraph’s end is said by the one named where it closes (%s)', (_what, text) => {
    expect(followOnsOf(text)).toEqual([['“The first part of the plan is simple. We build the bridge.', 'direct', 'said', '“The second part is harder: we pay for it,”']]);
  });

  test.each([
    ['a person named after the quotation', `${JONES}\n\n“We are not going to back down” — that was the message from union leader Sara Nelson.`, []],
    ['a reporting clause of its own, its verb no cue', `${JONES}\n\n“Explain to me why you are here,” the judge interrupted me.`, []],
    ['a credit after a caption', `${JONES}\n\n“Finally establish safety! Yes to deportation of criminals” (2015). (SVP/Global Risk Insights.)`, []],
    ['a day and a month after the quotation', `${JONES}\n\n“And we will pay for it ourselves” (Monday, March 4).`, [['“And we will pay for it ourselves”', 'direct', 'said', '“We will rebuild the bridge this year,”']]],
  ] as Array<[string, string, Array<[string, string, string | null, string]>]>)('words after the quotation: %s', (_what, text, expected) => {
    expect(followOnsOf(text)).toEqual(expected);
  });

  test('an excerpt in straight marks is not said by someone its text quotes in curly ones', () => {
    const text = 'The agency was refusing to comment:\n\n"The administration is still reluctant to call the attack terrorism.\n\n“I don’t want to talk about the situation,” Earnest said."';
    expect(followOnsOf(text).map(([, , cue]) => cue)).not.toContain('said');
  });

  test('a follow-on has no cue or source of its own and a little less confidence', () => {
    const state = upTo(followOns, `${JONES}\n\n${MORE}`);
    const [{ attribution, follows }] = state.followOns;
    expect(attribution).toMatchObject({ cue: null, sources: [], speaker: null, cueLemma: 'say', confidence: Number((follows.confidence * 0.8).toFixed(3)) });
  });

  test.each([
    ['the report is not its paragraph’s last sentence', 'Mr Obama said the talks had gone well. The delegation then left for Nairobi.\n\n"We are not foreigners in this land. We did not take this land off anyone."'],
    ['no verb of saying: knowing is no speech', 'Everyone in the village knows the strandings are a sign from the sea.\n\n"We are not foreigners in this land. We did not take this land off anyone."'],
    ['a paragraph of narration between', `${JONES}\n\nThe mayor left the meeting early.\n\n${MORE}`],
    ['a pull quote repeating the quoted words', `${JONES}\n\n“We will rebuild the bridge this year.”`],
    ['a pull quote opening on an ellipsis', `${JONES}\n\nThe council met.\n\n“… rebuild the bridge this year,” he said again, and “… we will pay for it ourselves, without federal money.”`],
    ['a transcript turn: the next paragraph is pass 11\'s', '“PENCE: And that’s why Donald Trump is on his way to the White House.\n\n“Follow Pam Key on Twitter @pamkeyNEN.”'],
    ['a narration opening on the speaker\'s possessive', `${JONES}\n\nJones’s critics were not impressed.\n\n${MORE}`],
    ['the next sentence quotes and a cue follows it', '“We won,” he said. But “it was close,” the coach added.'],
  ])('no follow-on when %s', (_what, text) => {
    expect(followOnsOf(text)).toEqual([]);
  });
});
