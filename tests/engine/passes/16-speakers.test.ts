import * as fs from 'fs';
import type { Attribution, Certainty, SourceType, SpeakerRef } from '../../../src/shared/attribution';
import { parseMention, resolveSpeakers } from '../../../src/engine/passes/16-speakers';
import { groupSpeakers } from '../../../src/engine/passes/19-groups';
import { describeShared, sharedPath } from '../../helpers/shared';
import { SEED_ROWS, attributionsFrom, seedText, spanIn, type GoldRow } from '../speakers-fixture';

/** Resolves one attribution whose source is `source`, found in `sentence` (after `after` when given). */
function resolveOne(sentence: string, source: string, after?: string): SpeakerRef | null {
  const [attribution] = attributionsFrom(sentence, [{ id: 'a', source, cue: null, content: sentence.slice(0, 5), after }]);
  return resolveSpeakers(sentence, [{ ...attribution, cue: spanIn(sentence, sentence.slice(0, 1)) }])[0].speaker;
}

/** Resolves a whole little article and returns the speakers by attribution id. */
function resolveAll(text: string, rows: GoldRow[]): Record<string, SpeakerRef | null> {
  return Object.fromEntries(resolveSpeakers(text, attributionsFrom(text, rows)).map((attribution) => [attribution.id, attribution.speaker]));
}

interface Expected {
  name: string;
  role?: string;
  type: SourceType;
  anonymous?: boolean;
}

describe('resolveSpeakers: one source phrase in context', () => {
  const rows: Array<[string, string, Expected]> = [
    // titles and roles split from names
    ['“No proof,” U.S. Army Col. Ryan Dillon said.', 'U.S. Army Col. Ryan Dillon', { name: 'Ryan Dillon', role: 'U.S. Army Col.', type: 'person', anonymous: false }],
    ['Capt. Jeff Davis, a Pentagon spokesman, also said there was nothing.', 'Capt. Jeff Davis, a Pentagon spokesman', { name: 'Jeff Davis', role: 'Pentagon spokesman', type: 'person' }],
    ['CNN senior international correspondent Clarissa Ward warned the details were odd.', 'CNN senior international correspondent Clarissa Ward', { name: 'Clarissa Ward', role: 'CNN senior international correspondent', type: 'person' }],
    ['Russian Foreign Minister Sergey Lavrov said: “No.”', 'Russian Foreign Minister Sergey Lavrov', { name: 'Sergey Lavrov', role: 'Russian Foreign Minister', type: 'person' }],
    ["Trump's campaign manager, Kellyanne Conway, said the polls were wrong.", "Trump's campaign manager, Kellyanne Conway", { name: 'Kellyanne Conway', role: "Trump's campaign manager", type: 'person' }],
    ['Clinton, the Democratic nominee, said she would win.', 'Clinton, the Democratic nominee,', { name: 'Clinton', role: 'Democratic nominee', type: 'person' }],
    ['Mrs. Clinton said she would win.', 'Mrs. Clinton', { name: 'Clinton', type: 'person' }],
    ['Mr. Obama said it was over.', 'Mr. Obama', { name: 'Obama', type: 'person' }],
    ['Dr. Mehmet Oz said the tests were fine.', 'Dr. Mehmet Oz', { name: 'Mehmet Oz', role: 'Dr.', type: 'person' }],
    ['Sen. Ted Cruz (R-Tex.) said the deal was bad.', 'Sen. Ted Cruz (R-Tex.)', { name: 'Ted Cruz', role: 'Sen. (R-Tex.)', type: 'person' }],
    ['Gov. Mike Pence said the ticket was united.', 'Gov. Mike Pence', { name: 'Mike Pence', role: 'Gov.', type: 'person' }],
    ['Rep. Elijah Cummings, the top Democrat on the Oversight Committee, said it was wrong.', 'Rep. Elijah Cummings, the top Democrat on the Oversight Committee,', { name: 'Elijah Cummings', role: 'top Democrat on the Oversight Committee', type: 'person' }],
    ['Secretary of State John Kerry said talks would go on.', 'Secretary of State John Kerry', { name: 'John Kerry', role: 'Secretary of State', type: 'person' }],
    ["Fox News' Chris Wallace asked whether he would accept the result.", "Fox News' Chris Wallace", { name: 'Chris Wallace', role: 'Fox News', type: 'person' }],
    ['A lawyer for the news outlets, David Schulz, said the judge erred.', 'A lawyer for the news outlets, David Schulz,', { name: 'David Schulz', role: 'lawyer for the news outlets', type: 'person' }],
    ['Dan McLaughlin at the National Review wrote that it was over.', 'Dan McLaughlin at the National Review', { name: 'Dan McLaughlin', role: 'National Review', type: 'person' }],
    ['Abu Bakr al-Baghdadi urged his followers to fight.', 'Abu Bakr al-Baghdadi', { name: 'Abu Bakr al-Baghdadi', type: 'person' }],
    // news media
    ['The Associated Press reports: it is over.', 'The Associated Press', { name: 'Associated Press', type: 'media', anonymous: false }],
    ['AP reported the strike.', 'AP', { name: 'Associated Press', type: 'media' }],
    ['CNN reports: it is over.', 'CNN', { name: 'CNN', type: 'media' }],
    ['Reuters reported the strike.', 'Reuters', { name: 'Reuters', type: 'media' }],
    ['The Washington Post reported the deal.', 'The Washington Post', { name: 'The Washington Post', type: 'media' }],
    ['The Seattle Times reported the deal.', 'The Seattle Times', { name: 'Seattle Times', type: 'media' }],
    ['Fox News reported the deal.', 'Fox News', { name: 'Fox News', type: 'media' }],
    // a masthead named for a person's trade is a paper, not that person (it was "Justin Lin", the last man named)
    ['Justin Lin directed it. Both actors ran into issues, according to The Hollywood Reporter.', 'The Hollywood Reporter', { name: 'Hollywood Reporter', type: 'media' }],
    // bodies, and places standing for governments
    ['Russia announced that it may have killed him.', 'Russia', { name: 'Russia', type: 'organization' }],
    ['Moscow claimed that it may have killed him.', 'Moscow', { name: 'Moscow', type: 'organization' }],
    ['as the Russian Defense Ministry said the death was being verified.', 'the Russian Defense Ministry', { name: 'Russian Defense Ministry', type: 'organization' }],
    ['the White House said on Monday.', 'the White House', { name: 'White House', type: 'organization' }],
    ['The Kremlin denied it.', 'The Kremlin', { name: 'Kremlin', type: 'organization' }],
    ['The Trump campaign said the ad was false.', 'The Trump campaign', { name: 'Trump campaign', type: 'organization' }],
    ['NATO said the drills would go on.', 'NATO', { name: 'NATO', type: 'organization' }],
    // Round 23: a political action committee is a body (it was a person, and took a woman's "her").
    ['America Rising PAC, an outside Republican group, is blasting out missives.', 'America Rising PAC, an outside Republican group,', { name: 'America Rising PAC', type: 'organization' }],
    // …written in capitals only: Tim Pac is a man (round 23's review).
    ['Tim Pac said the bill would fail.', 'Tim Pac', { name: 'Tim Pac', type: 'person' }],
    ['A Bloomberg poll shows the race is tied.', 'A Bloomberg poll', { name: 'Bloomberg', type: 'media' }],
    ['A CNN/ORC poll found the race was close.', 'A CNN/ORC poll', { name: 'CNN', type: 'media' }],
    ['A new poll shows the race is tied.', 'A new poll', { name: 'A new poll', type: 'unnamed' }],
    ['South Africa said he was confined to his home.', 'South Africa', { name: 'South Africa', type: 'organization' }],
    ['The New York Police Department said the man was armed.', 'The New York Police Department', { name: 'New York Police Department', type: 'organization' }],
    ['Whole Foods said prices would fall, as foods got cheaper everywhere.', 'Whole Foods', { name: 'Whole Foods', type: 'organization' }],
    ['Coresight Research estimated that sales would double.', 'Coresight Research', { name: 'Coresight Research', type: 'organization' }],
    ['Whole Foods touted a rarely seen price for halibut.', 'Whole Foods', { name: 'Whole Foods', type: 'organization' }],
    // a lone name the article also writes before a firm's word is the firm, unless it writes it after a first name
    ['Alibaba Group owns a stake. Alibaba said the deal was fair.', 'Alibaba', { name: 'Alibaba', type: 'organization' }],
    ['Photo: Roscosmos Space Agency Press Service. Roscosmos said the capsule was lost.', 'Roscosmos', { name: 'Roscosmos', type: 'organization' }],
    ['Hillary Clinton spoke. The Clinton Group met. Clinton said the deal was fair.', 'Clinton', { name: 'Hillary Clinton', type: 'person' }],
    // after a noun for a body, the name is the body's
    ['the conservation group Greenpeace said the spill was worse.', 'the conservation group Greenpeace', { name: 'Greenpeace', type: 'organization' }],
    ['whale rescue group Project Jonah said the season had begun.', 'whale rescue group Project Jonah', { name: 'Project Jonah', type: 'organization' }],
    ['Snack giant Nabisco said prices would rise.', 'Snack giant Nabisco', { name: 'Nabisco', type: 'organization' }],
    ['General Electric said it would cut jobs.', 'General Electric', { name: 'General Electric', type: 'organization' }],
    ['Bernie Sanders said the deal was bad.', 'Bernie Sanders', { name: 'Bernie Sanders', type: 'person' }],
    ['Moody\'s Analytics estimated that 2 million jobs would be lost.', 'Moody\'s Analytics', { name: 'Moody\'s Analytics', type: 'organization' }],
    // an ordinary word opening a sentence is not a person's name
    ['Inequality calls that into question, as rising inequality always does.', 'Inequality', { name: 'Inequality', type: 'unnamed' }],
    ['The Tax Policy Center estimated the cost.', 'The Tax Policy Center', { name: 'Tax Policy Center', type: 'organization' }],
    // a plural people-noun opening a sentence is a group, a surname with the same ending named in full is not
    ['Investors said the sell-off was overdone.', 'Investors', { name: 'Investors', type: 'unnamed' }],
    ['Millennials told pollsters they would vote.', 'Millennials', { name: 'Millennials', type: 'unnamed' }],
    ['Participants said the talks went well.', 'Participants', { name: 'Participants', type: 'unnamed' }],
    ['Kathleen Clements runs the lab. Clements said the results were clear.', 'Clements', { name: 'Kathleen Clements', type: 'person' }],
    // a pronoun or quantifier opening a sentence names no one
    ['Both said the deal was fair.', 'Both', { name: 'Both', type: 'unnamed' }],
    ['Everyone agreed the vote was close.', 'Everyone', { name: 'Everyone', type: 'unnamed' }],
    ['None of the major candidates said so.', 'None of the major candidates', { name: 'None of the major candidates', type: 'unnamed' }],
    ['Two-thirds said they would vote.', 'Two-thirds', { name: 'Two-thirds', type: 'unnamed' }],
    // one word with a capital inside is a brand, unless the capital follows a surname prefix
    ['RealClearPolitics said the race was tied.', 'RealClearPolitics', { name: 'RealClearPolitics', type: 'organization' }],
    ['EgyptAir said the plane had vanished.', 'EgyptAir', { name: 'EgyptAir', type: 'organization' }],
    ['McConnell said the bill was dead.', 'McConnell', { name: 'McConnell', type: 'person' }],
    ['DeSantis said the bill was dead.', 'DeSantis', { name: 'DeSantis', type: 'person' }],
    // unnamed roles and groups
    ['but U.S. officials have said there is no proof.', 'U.S. officials', { name: 'U.S. officials', type: 'unnamed', anonymous: false }],
    ['A spokesman for the U.S.-led coalition fighting the Islamic State said he would welcome such news.', 'A spokesman for the U.S.-led coalition fighting the Islamic State', { name: 'A spokesman for the U.S.-led coalition', type: 'unnamed', anonymous: false }],
    ['A Pentagon spokesman said nothing.', 'A Pentagon spokesman', { name: 'A Pentagon spokesman', type: 'unnamed' }],
    ['Critics say the plan is vague.', 'Critics', { name: 'Critics', type: 'unnamed', anonymous: false }],
    ['aides said he was tired.', 'aides', { name: 'Aides', type: 'unnamed' }],
    ['Experts said the risk was small.', 'Experts', { name: 'Experts', type: 'unnamed' }],
    ['Republicans said the bill was dead.', 'Republicans', { name: 'Republicans', type: 'unnamed' }],
    // anonymous
    ['Sources said the talks had failed.', 'Sources', { name: 'Sources', type: 'unnamed', anonymous: true }],
    ['a person familiar with the matter said the talks had failed.', 'a person familiar with the matter', { name: 'A person familiar with the matter', type: 'unnamed', anonymous: true }],
    ['Officials who were not authorized to speak publicly said the talks had failed.', 'Officials who were not authorized to speak publicly', { name: 'Officials', type: 'unnamed', anonymous: true }],
    ['Two officials, speaking on condition of anonymity, said the talks had failed.', 'Two officials', { name: 'Two officials', type: 'unnamed', anonymous: true }],
  ];
  test.each(rows)('%s', (sentence, source, expected) => {
    const speaker = resolveOne(sentence, source);
    expect(speaker).not.toBeNull();
    expect(speaker).toMatchObject(expected);
    if (!('role' in expected)) expect(speaker!.role).toBeUndefined();
  });

  test('speaker is null where the text names no source ("believed to be")', () => {
    const text = 'Al-Baghdadi, believed to be in his mid-40s, released a message.';
    const attribution: Attribution = {
      id: 'b', cue: spanIn(text, 'believed'), sources: [], contents: [spanIn(text, 'to be in his mid-40s')], kind: 'indirect', speaker: null, confidence: 1,
    };
    expect(resolveSpeakers(text, [attribution])[0].speaker).toBeNull();
  });
});

describe('resolveSpeakers: what must not happen', () => {
  const rows: Array<[string, string, (speaker: SpeakerRef) => boolean]> = [
    ['A Pentagon spokesman said nothing.', 'A Pentagon spokesman', (speaker) => speaker.type === 'person'],
    ['but U.S. officials have said there is no proof.', 'U.S. officials', (speaker) => speaker.type === 'person' || speaker.type === 'organization'],
    ['Sources said the talks had failed.', 'Sources', (speaker) => speaker.type !== 'unnamed'],
    ['Moscow claimed that it may have killed him.', 'Moscow', (speaker) => speaker.type === 'person'],
    ['The Associated Press reports: it is over.', 'The Associated Press', (speaker) => speaker.type !== 'media'],
    ['CNN senior international correspondent Clarissa Ward warned the details were odd.', 'CNN senior international correspondent Clarissa Ward', (speaker) => speaker.type !== 'person' || speaker.name.includes('CNN')],
    ['Capt. Jeff Davis, a Pentagon spokesman, also said there was nothing.', 'Capt. Jeff Davis, a Pentagon spokesman', (speaker) => /Capt/.test(speaker.role ?? '') || /Capt/.test(speaker.name)],
    ['as the Russian Defense Ministry said the death was being verified.', 'the Russian Defense Ministry', (speaker) => /^the /i.test(speaker.name) || speaker.type === 'person'],
    ['Michael Jordan said he would retire.', 'Michael Jordan', (speaker) => speaker.type !== 'person'],
    ["Jordan's foreign ministry said the border was closed.", "Jordan's foreign ministry", (speaker) => speaker.type === 'person'],
    ['The latest Reuters poll released Friday found Clinton ahead.', 'The latest Reuters poll released Friday', (speaker) => speaker.type === 'person' || /Friday/.test(speaker.name)],
    ['Fellow doctors said the claims were questionable.', 'Fellow doctors', (speaker) => speaker.type === 'person'],
    ['U.N. Women said the gap remained.', 'U.N. Women', (speaker) => speaker.type === 'person'],
    ['Mr. Obama said it was over.', 'Mr. Obama', (speaker) => speaker.name.startsWith('Mr')],
    // A common noun no one in the article bears as a surname stays a description.
    ['The cook said the soup was cold.', 'The cook', (speaker) => speaker.type === 'person' && speaker.name === 'Cook'],
  ];
  test.each(rows)('%s', (sentence, source, wrong) => {
    const speaker = resolveOne(sentence, source);
    expect(speaker).not.toBeNull();
    expect(wrong(speaker!)).toBe(false);
  });
});

describe('resolveSpeakers: pronouns and anaphors', () => {
  test('"he" after Clarissa Ward is Clarissa Ward: the article gets the gender wrong, the last named speaker wins', () => {
    const text = 'CNN senior international correspondent Clarissa Ward warned the details were inconsistent. “I’m not going to take this too seriously,” he said.';
    const speakers = resolveAll(text, [
      { id: 'w', source: 'CNN senior international correspondent Clarissa Ward', cue: 'warned', content: 'the details were inconsistent' },
      { id: 'h', source: 'he', cue: 'said', content: 'I’m not going to take this too seriously', after: 'seriously' },
    ]);
    expect(speakers.h?.name).toBe('Clarissa Ward');
    expect(speakers.h?.aliases).toContain('he');
  });

  const rows: Array<[string, string, GoldRow[], string, string]> = [
    ['gender breaks the tie for a person named after the last speaker',
      'Clarissa Ward said the claim was weak. Then Donald Trump spoke at a rally in Ohio. He said it was strong.',
      [{ id: 'w', source: 'Clarissa Ward', cue: 'said', content: 'the claim was weak' }, { id: 'p', source: 'He', cue: 'said', content: 'it was strong' }],
      'p', 'Donald Trump'],
    ['a person named in the text, not as a speaker, is found for a pronoun',
      'Donald Trump attacked Hillary Clinton on Monday in a long speech.\n\nShe said the attack was old.',
      [{ id: 'p', source: 'She', cue: 'said', content: 'the attack was old' }],
      'p', 'Hillary Clinton'],
    ['a far speaker of the wrong gender yields to a nearby named person of the right one',
      'Donald Trump said the polls were rigged.\n\nThe rally ended.\n\nThe crowd left.\n\nHillary Clinton spoke in Ohio later. She said the polls were fine.',
      [{ id: 't', source: 'Donald Trump', cue: 'said', content: 'the polls were rigged' }, { id: 'p', source: 'She', cue: 'said', content: 'the polls were fine' }],
      'p', 'Hillary Clinton'],
    // A he/she whose last speaker has the other gender (round 9; PolNeAR train: he/she to a first name of the other
    // gender 110 → 68 of 2,655; of 10 changes read beyond the sample the rule came from, 8 now right, none lost).
    ['a known person written by surname after the last speaker takes the pronoun of her gender',
      'Hillary Clinton said her plan was strong.\n\nMartin O’Malley said the plan was weak. Clinton used the exchange to attack Sanders. She noted that he had taken money.',
      [{ id: 'c', source: 'Hillary Clinton', cue: 'said', content: 'her plan was strong' }, { id: 'm', source: 'Martin O’Malley', cue: 'said', content: 'the plan was weak' },
        { id: 'p', source: 'She', cue: 'noted', content: 'he had taken money' }],
      'p', 'Hillary Clinton'],
    ['from the next paragraph on, a speaker of the other gender yields to the latest of the pronoun’s',
      'Hillary Clinton said the plan was strong.\n\nBernie Sanders said it was weak.\n\nShe said the debate was over.',
      [{ id: 'c', source: 'Hillary Clinton', cue: 'said', content: 'the plan was strong' }, { id: 's', source: 'Bernie Sanders', cue: 'said', content: 'it was weak' },
        { id: 'p', source: 'She', cue: 'said', content: 'the debate was over' }],
      'p', 'Hillary Clinton'],
    ['after a pronoun of the other gender in the same paragraph, the pronoun tells two people apart',
      'Bernie Sanders and Hillary Clinton disagree.\n\nHe calls for higher taxes; she calls for lower ones.',
      [{ id: 'h', source: 'He', cue: 'calls for', content: 'higher taxes' }, { id: 'p', source: 'she', cue: 'calls for', content: 'lower ones' }],
      'p', 'Hillary Clinton'],
    // Round 15, from a made-up battery: the mother was given to the judge named before her, and so was "she".
    ['one known by a family tie is not the last person named',
      'The judge, Ellen Park, told both sides to finish by Friday.\n\nThe defendant’s mother, who attended the hearing, said her son was innocent.',
      [{ id: 'j', source: 'The judge, Ellen Park,', cue: 'told', content: 'both sides to finish by Friday' }, { id: 'p', source: 'The defendant’s mother, who attended the hearing,', cue: 'said', content: 'her son was innocent' }],
      'p', 'The defendant’s mother'],
    ['a pronoun of her gender after one known by a family tie is her',
      'The judge, Ellen Park, told both sides to finish by Friday.\n\nThe defendant’s mother said her son was innocent. “He was home with me that night,” she said.',
      [{ id: 'j', source: 'The judge, Ellen Park,', cue: 'told', content: 'both sides to finish by Friday' }, { id: 'm', source: 'The defendant’s mother', cue: 'said', content: 'her son was innocent' },
        { id: 'p', source: 'she', cue: 'said', content: 'He was home with me that night', after: 'night' }],
      'p', 'The defendant’s mother'],
    // Round 17: the article's "he" for one whose first name it never gives makes him a man for the pronouns after it
    // (PolNeAR dev: Suu Kyi's "she said" was Obama's).
    ['"she" is not one the article called "he"',
      '"It is the right thing to do," Obama said. He called Burma a "good news story."\n\nObama emphasized that the reforms were not complete.\n\nThe constitution prevented the leader from becoming president.\n\n"Unity also means prosperity," she said in the Oval Office.',
      [{ id: 'o', source: 'Obama', cue: 'said', content: 'It is the right thing to do' }, { id: 'h', source: 'He', cue: 'called', content: 'Burma a' },
        { id: 'e', source: 'Obama', cue: 'emphasized', content: 'that the reforms were not complete', after: 'Burma' }, { id: 'p', source: 'she', cue: 'said', content: 'Unity also means prosperity', after: 'Unity' }],
      'p', 'The unidentified woman'],
    // Round 17, from a made-up battery: "the mayor" was given to the company's chief executive named before.
    ['one given another office is not "the mayor"',
      'The plant will close, the company’s chief executive, Laura Price, said.\n\nThe mayor said the city could lose 400 jobs.',
      [{ id: 'c', source: 'the company’s chief executive, Laura Price,', cue: 'said', content: 'The plant will close' }, { id: 'p', source: 'The mayor', cue: 'said', content: 'the city could lose 400 jobs' }],
      'p', 'The mayor'],
    ['"the governor" goes past a council member to the one given no office',
      'Jane Holt visited the plant.\n\nThe vote was close, council member Dan Ortiz said. The governor said the plan was dead.',
      [{ id: 'o', source: 'council member Dan Ortiz', cue: 'said', content: 'The vote was close' }, { id: 'p', source: 'The governor', cue: 'said', content: 'the plan was dead' }],
      'p', 'Jane Holt'],
    ['"the former senator" may be one given another office now',
      'The plan was strong, Secretary of State Hillary Clinton said. The former senator said it would pass.',
      [{ id: 'c', source: 'Secretary of State Hillary Clinton', cue: 'said', content: 'The plan was strong' }, { id: 'p', source: 'The former senator', cue: 'said', content: 'it would pass' }],
      'p', 'Hillary Clinton'],
    ['"they" is the last group or body',
      'U.S. officials said there was no proof. They added that checks continue.',
      [{ id: 'o', source: 'U.S. officials', cue: 'said', content: 'there was no proof' }, { id: 'p', source: 'They', cue: 'added', content: 'checks continue' }],
      'p', 'U.S. officials'],
    ['"it" is the last body',
      'Sergey Lavrov spoke first. The Pentagon said it had no information. It added that checks continue.',
      [{ id: 'o', source: 'The Pentagon', cue: 'said', content: 'it had no information' }, { id: 'p', source: 'It', cue: 'added', content: 'checks continue' }],
      'p', 'Pentagon'],
    ['"the spokesman" is the last speaker of that role',
      'A spokesman for the U.S.-led coalition said he would welcome it. Ryan Dillon said nothing. The spokesman urged caution.',
      [{ id: 's', source: 'A spokesman for the U.S.-led coalition', cue: 'said', content: 'he would welcome it' },
        { id: 'd', source: 'Ryan Dillon', cue: 'said', content: 'nothing' },
        { id: 'p', source: 'The spokesman', cue: 'urged', content: 'caution' }],
      'p', 'A spokesman for the U.S.-led coalition'],
    ['"the senator" is the last speaker titled senator',
      'Sen. Ted Cruz said the deal was bad. Donald Trump agreed. The senator added that talks failed.',
      [{ id: 'c', source: 'Sen. Ted Cruz', cue: 'said', content: 'the deal was bad' }, { id: 'p', source: 'The senator', cue: 'added', content: 'talks failed' }],
      'p', 'Ted Cruz'],
    ['"the ministry" is the last ministry',
      'The Russian Defense Ministry said it was verifying. The ministry added that 300 died.',
      [{ id: 'm', source: 'The Russian Defense Ministry', cue: 'said', content: 'it was verifying' }, { id: 'p', source: 'The ministry', cue: 'added', content: '300 died' }],
      'p', 'Russian Defense Ministry'],
    ['"I" inside a quotation is its speaker',
      '“I think we will win,” Donald Trump said.',
      [{ id: 't', source: 'Donald Trump', cue: 'said', content: 'I think we will win' }, { id: 'p', source: 'I', cue: 'think', content: 'we will win' }],
      'p', 'Donald Trump'],
    ['"who" is the name just before it',
      'The plan is costly, said Mr. Kamin, who added that it would pass.',
      [{ id: 'k', source: 'Mr. Kamin', cue: 'said', content: 'The plan is costly' }, { id: 'p', source: 'who', cue: 'added', content: 'it would pass' }],
      'p', 'Kamin'],
    ['a first name alone joins the full name written elsewhere in the article',
      'Fiona said the scan was clear. Her mother, Fiona Parry, 34, had booked it. Later Fiona Parry said she was relieved.',
      [{ id: 'f', source: 'Fiona', cue: 'said', content: 'the scan was clear' }, { id: 'p', source: 'Fiona Parry', cue: 'said', content: 'she was relieved' }],
      'f', 'Fiona Parry'],
    ['a contracted pronoun is a pronoun',
      'Sen. Ted Cruz said the deal was bad. He’s argued that talks failed.',
      [{ id: 'c', source: 'Sen. Ted Cruz', cue: 'said', content: 'the deal was bad' }, { id: 'p', source: 'He’s', cue: 'argued', content: 'talks failed' }],
      'p', 'Ted Cruz'],
    ['a possessive points at the person its sentence is about, before an earlier speaker',
      'Robert Mugabe said he was fine. Opposition leader Morgan Tsvangirai returned to Harare on Wednesday, his spokesman said.',
      [{ id: 'm', source: 'Robert Mugabe', cue: 'said', content: 'he was fine' }, { id: 'p', source: 'his spokesman', cue: 'said', content: 'Opposition leader Morgan Tsvangirai returned to Harare on Wednesday' }],
      'p', 'Morgan Tsvangirai’s spokesman'],
    ['"who" after a list of phrases is the last one, not the first',
      'They fled after their homes were attacked in Tuesday night’s coup, the source, who said he had spoken to people inside, told Reuters.',
      [{ id: 'p', source: 'who', cue: 'said', content: 'he had spoken to people inside' }],
      'p', 'The source'],
    ['"who" after "So …" is the phrase, not the linking word',
      'There are no appraisal rights. So anyone who votes against the deal and thinks this is a bum price is out of luck.',
      [{ id: 'p', source: 'who', cue: 'thinks', content: 'this is a bum price' }],
      'p', 'Anyone'],
    ['"who" after a name and its appositive is the named person',
      'It was over, said Capt. Jeff Davis, a Pentagon spokesman, who added that it would pass.',
      [{ id: 'p', source: 'who', cue: 'added', content: 'it would pass' }],
      'p', 'Jeff Davis'],
    ['a follow-on quotation without `continues` takes the previous speaker',
      '“It is over,” Ryan Dillon said. “We are done.”',
      [{ id: 'd', source: 'Ryan Dillon', cue: 'said', content: 'It is over' }, { id: 'p', source: null, cue: null, content: 'We are done.' }],
      'p', 'Ryan Dillon'],
    ['a follow-on quotation with `continues` takes that attribution’s speaker',
      '“It is over,” Ryan Dillon said. Jeff Davis disagreed. “We are done.”',
      [{ id: 'd', source: 'Ryan Dillon', cue: 'said', content: 'It is over' }, { id: 'j', source: 'Jeff Davis', cue: 'disagreed', content: 'disagreed' },
        { id: 'p', source: null, cue: null, content: 'We are done.', continues: 'd' }],
      'p', 'Ryan Dillon'],
    // Round 16: the person the sentence before opens on, named in full, is who "he"/"she" goes on about.
    ['"he" after a sentence that opens on a named person takes that person, not the last speaker',
      '“We were this close,” Sen. Chris Murphy told reporters.\n\nSenate Minority Leader Mitch McConnell did not respond to a request for comment. In an interview on Sunday, however, he said the bill was dead.',
      [{ id: 'm', source: 'Sen. Chris Murphy', cue: 'told', content: 'We were this close' }, { id: 'p', source: 'he', cue: 'said', content: 'the bill was dead', after: 'however' }],
      'p', 'Mitch McConnell'],
    ['…and "Mr." with a surname is such a name',
      '“It is over,” Jeff Davis said. Mr. Ryan was asked about the vote. “We move on,” he said.',
      [{ id: 'd', source: 'Jeff Davis', cue: 'said', content: 'It is over' }, { id: 'p', source: 'he', cue: 'said', content: 'We move on', after: 'vote' }],
      'p', 'Ryan'],
    ['…but not a person of the other gender',
      'Karen Lee said staffing was short. Robert Hale urged talks. “Care is suffering now,” she said.',
      [{ id: 'k', source: 'Karen Lee', cue: 'said', content: 'staffing was short' }, { id: 'p', source: 'she', cue: 'said', content: 'Care is suffering now', after: 'talks' }],
      'p', 'Karen Lee'],
    ['…nor a capitalised word that names no one',
      'Dan Miller said it was over. Washington, the capital, stayed quiet. “We move on,” he said.',
      [{ id: 'm', source: 'Dan Miller', cue: 'said', content: 'it was over' }, { id: 'p', source: 'he', cue: 'said', content: 'We move on', after: 'quiet' }],
      'p', 'Dan Miller'],
    ['…nor one named in the paragraph before',
      'Dan Miller said it was over. Robert Hale stayed quiet.\n\n“We move on,” he said.',
      [{ id: 'm', source: 'Dan Miller', cue: 'said', content: 'it was over' }, { id: 'p', source: 'he', cue: 'said', content: 'We move on', after: 'quiet' }],
      'p', 'Dan Miller'],
    // Round 18, the speaker-name check's half A (PolNeAR train): the pronoun's own sentence, an opening clause, an unknown first name.
    ['"he" after a quotation in a sentence that opens on a named person takes that person, not a name inside the sentence',
      'Friends speak of Mr. Bush with admiration. C. Boyden Gray, who served as counsel under Mr. Bush\'s father, George Bush, ticked through the code: “Civility was assumed,” he said.',
      [{ id: 'b', source: 'Mr. Bush', cue: 'speak', content: 'with admiration' }, { id: 'p', source: 'he', cue: 'said', content: 'Civility was assumed', after: 'assumed' }],
      'p', 'Boyden Gray'],
    ['…a surname of one who spoke, after the sentence before closes its quotation',
      'Judge Michael W. Mosman called it "distasteful." His attorney, Thomas Coan, argued that he was a "new-media journalist." Mosman saw it differently: "I don\'t take that as a joke," he said.',
      [{ id: 'm', source: 'Judge Michael W. Mosman', cue: 'called', content: 'it' }, { id: 'c', source: 'His attorney, Thomas Coan,', cue: 'argued', content: 'that he was' },
        { id: 'p', source: 'he', cue: 'said', content: 'I don', after: 'joke' }],
      'p', 'Michael W. Mosman'],
    ['"she" after a sentence whose main clause, after an opening clause, names her',
      '“Yes,” Rachel Maddow said. When Maddow pointed out that Sanders calls it “Medicare for all,” Hillary Clinton seized upon the reference. “It is not the same,” she said.',
      [{ id: 'r', source: 'Rachel Maddow', cue: 'said', content: 'Yes' }, { id: 'p', source: 'she', cue: 'said', content: 'It is not the same', after: 'reference' }],
      'p', 'Hillary Clinton'],
    ['"she" after a sentence opening on a name the lexicon does not know, her age after it',
      '“It is therapy,” Samantha Olivieri said.\n\nYasmeen Wilkerson, 18, was dubious at first, but she soon changed her mind. “I dumped the guy but kept the skateboard,” she said.',
      [{ id: 'o', source: 'Samantha Olivieri', cue: 'said', content: 'It is therapy' }, { id: 'p', source: 'she', cue: 'said', content: 'I dumped the guy', after: 'mind' }],
      'p', 'Yasmeen Wilkerson'],
    ['…a surname the article gave in full before, though that person has not spoken yet',
      'Ohio Gov. John Kasich and Chris Christie spoke. “It is over,” Christie said. Kasich took a different tack. “You have to unite people,” he said.',
      [{ id: 'c', source: 'Christie', cue: 'said', content: 'It is over' }, { id: 'p', source: 'he', cue: 'said', content: 'You have to unite people', after: 'tack' }],
      'p', 'John Kasich'],
    ['…not an opening of words that are English nouns',
      '“It is therapy,” Samantha Olivieri said.\n\nPark Rangers, 18 of them, were dubious at first, but she soon changed their minds. “I dumped the guy but kept the skateboard,” she said.',
      [{ id: 'o', source: 'Samantha Olivieri', cue: 'said', content: 'It is therapy' }, { id: 'p', source: 'she', cue: 'said', content: 'I dumped the guy', after: 'minds' }],
      'p', 'Samantha Olivieri'],
    // Round 19 (PolNeAR read as pages, half A): a pronoun in an opening subordinate clause points ahead to the main clause's subject.
    ['"he" opening a subordinate clause is the person the main clause opens on',
      'Pastors spoke. After he blasted the film “Frozen” for being too “pro-gay,” Pastor Kevin Swanson has now set his sights on the Girl Scouts.',
      [{ id: 'p', source: 'he', cue: 'blasted', content: 'the film “Frozen” for being too “pro-gay,”' }],
      'p', 'Kevin Swanson'],
    ['…and "she" so, though another spoke last',
      '“It is over,” Jeff Merkley said.\n\nThough she called the bank’s conduct “outrageous,” Hillary Clinton restricted her comments.',
      [{ id: 'm', source: 'Jeff Merkley', cue: 'said', content: 'It is over' }, { id: 'p', source: 'she', cue: 'called', content: 'the bank’s conduct “outrageous,”' }],
      'p', 'Hillary Clinton'],
    ['…but not a person of the other gender',
      '“It is over,” Jeff Merkley said.\n\nThough he called the bank’s conduct “outrageous,” Hillary Clinton restricted her comments.',
      [{ id: 'm', source: 'Jeff Merkley', cue: 'said', content: 'It is over' }, { id: 'p', source: 'he', cue: 'called', content: 'the bank’s conduct “outrageous,”' }],
      'p', 'Jeff Merkley'],
    // Round 19 (PolNeAR read as pages, half B): "they" is the people the sentence before opens on, though they have not spoken.
    ['"they" after a sentence that opens on a plural noun for people, after an opening clause',
      '“We will wait,” the ambassador said.\n\nAs the campaign grew, Mexican officials conducted polling in the United States. The outreach, they said, raised new worries.',
      [{ id: 'a', source: 'the ambassador', cue: 'said', content: 'We will wait' }, { id: 'p', source: 'they', cue: 'said', content: 'raised new worries', after: 'outreach' }],
      'p', 'Mexican officials'],
    ['…not people owned by someone, who are named from their owner',
      'Hillary Clinton’s advisers said the race was close.\n\nHer advisers think she has the discipline. In turn, they think she can get under his skin.',
      [{ id: 'a', source: 'Hillary Clinton’s advisers', cue: 'said', content: 'the race was close' }, { id: 'p', source: 'they', cue: 'think', content: 'she can get under his skin' }],
      'p', 'Hillary Clinton’s advisers'],
    // Round 19 (PolNeAR read as pages, half A): the sentence before opens on an adverb and a comma ("Recently, ").
    ['"he" after a sentence whose subject follows an opening adverb',
      '“We never saw one,” Sami said.\n\nRecently, Herman Cain, a former candidate who hosts a radio show, was asked by a caller why young men are coming to the U.S. as refugees. "So they can hurt us," he said.',
      [{ id: 's', source: 'Sami', cue: 'said', content: 'We never saw one' }, { id: 'p', source: 'he', cue: 'said', content: 'So they can hurt us', after: 'refugees' }],
      'p', 'Herman Cain'],
    // Round 21 (batch D's read part): a place after a place's comma belongs to the opening phrase, which runs to the
    // comma before the main clause's subject.
    ['"he" after a sentence that opens on a phrase naming a city and its state',
      'Joey Salceda said the ban was fair, according to the Philippine Star.\n\nAt a rally in Portland, Maine, on Thursday afternoon, Donald Trump included the Philippines on a list. "We\'re letting people come in," he said.',
      [{ id: 's', source: 'Joey Salceda', cue: 'said', content: 'the ban was fair' }, { id: 'a', source: 'the Philippine Star', cue: 'according to', content: 'the ban was fair' }, { id: 'p', source: 'he', cue: 'said', content: 'We\'re letting people come in', after: 'list' }],
      'p', 'Donald Trump'],
    ['…and one whose place is its last words before the subject',
      'Joey Salceda said the ban was fair.\n\nIn Des Moines, Iowa, Donald Trump spoke for an hour. "We will win," he said.',
      [{ id: 's', source: 'Joey Salceda', cue: 'said', content: 'the ban was fair' }, { id: 'p', source: 'he', cue: 'said', content: 'We will win', after: 'hour' }],
      'p', 'Donald Trump'],
    ['…and no further than the main clause\'s subject (round 21\'s review)',
      'Ted Cruz said Monday that he expected to win Iowa.\n\nAt a stop in Des Moines, Iowa, Cruz campaigned alongside Glenn Beck, Steve King and Bob Vander Plaats. He said the caucuses were wide open.',
      [{ id: 'c', source: 'Ted Cruz', cue: 'said', content: 'that he expected to win Iowa' }, { id: 'p', source: 'He', cue: 'said', content: 'the caucuses were wide open' }],
      'p', 'Ted Cruz'],
    ['…but a name after the place\'s comma that is no place is the subject',
      '“It is over,” Jeff Merkley said.\n\nIn Portland, Hillary Clinton spoke for an hour. "We will win," she said.',
      [{ id: 'm', source: 'Jeff Merkley', cue: 'said', content: 'It is over' }, { id: 'p', source: 'she', cue: 'said', content: 'We will win', after: 'hour' }],
      'p', 'Hillary Clinton'],
    // Round 21 (batch C's read part): from another paragraph, "he" is never the last speaker when she is a woman…
    ['"he" is no woman who spoke a paragraph before, when the article names others',
      'Four Americans died in Benghazi, among them Ambassador Chris Stevens and Sean Smith.\n\n“Now, is Libya perfect? It isn’t,” Hillary Clinton said.\n\n“To her, the four officials don’t matter at all,” he wrote.',
      [{ id: 'c', source: 'Hillary Clinton', cue: 'said', content: 'Now, is Libya perfect? It isn’t' }, { id: 'p', source: 'he', cue: 'wrote', content: 'To her, the four officials don’t matter at all' }],
      'p', 'The unidentified man'],
    // …unless the article has named no one else: then the first name's gender was what misled (round 21's review).
    ['"he" for the only person the article names, whose first name reads as a woman\'s',
      'North Korean leader Kim Jong Un said the test was a success.\n\n“We will continue,” he said.',
      [{ id: 'k', source: 'North Korean leader Kim Jong Un', cue: 'said', content: 'the test was a success' }, { id: 'p', source: 'he', cue: 'said', content: 'We will continue' }],
      'p', 'Kim Jong Un'],
    // …and a first name given to both sexes is no woman's until the article says so.
    ['"he" for Lindsey Graham',
      'Sen. Lindsey Graham said the plan was hateful.\n\n“We are literally going to deport people,” he said.',
      [{ id: 'g', source: 'Sen. Lindsey Graham', cue: 'said', content: 'the plan was hateful' }, { id: 'p', source: 'he', cue: 'said', content: 'We are literally going to deport people' }],
      'p', 'Lindsey Graham'],
    // Round 21 (batch D's read part): "It" opening a sentence after one that ends on a document is that document…
    ['"It says" after a sentence ending on a document and its issuer',
      'The bill was filed, according to the Philippine Star.\n\nSalceda cited a 2001 memorandum issued by the Philippine immigration agency. It says foreign nationals can be blacklisted.',
      [{ id: 'a', source: 'the Philippine Star', cue: 'according to', content: 'The bill was filed' }, { id: 'p', source: 'It', cue: 'says', content: 'foreign nationals can be blacklisted' }],
      'p', 'A 2001 memorandum'],
    // …not after a body that spoke of the document, which "it" is (round 21's review).
    ['"It said" after a body that denied a report',
      'The bill was filed, according to the Philippine Star.\n\nThe White House denied the report. It said the story was false.',
      [{ id: 'a', source: 'the Philippine Star', cue: 'according to', content: 'The bill was filed' }, { id: 'w', source: 'The White House', cue: 'denied', content: 'the report' }, { id: 'p', source: 'It', cue: 'said', content: 'the story was false' }],
      'p', 'White House'],
    // …not one a body's name follows, whose "it" that body may be.
    ['"It said" after a document a newspaper carried',
      'The bill was filed, according to the Philippine Star.\n\nSalceda was named in a report in the Philippine Star. It said he would appeal.',
      [{ id: 'a', source: 'the Philippine Star', cue: 'according to', content: 'The bill was filed' }, { id: 'p', source: 'It', cue: 'said', content: 'he would appeal' }],
      'p', 'Philippine Star'],
    // Round 16: "the" points back to one the text brought in with "a", not to the last person named.
    ['a description brought in with "a" is that unnamed one, not the last person named',
      'John Rivers called the office and told a staff member that he was angry. The staff member reported the call to the police.',
      [{ id: 'r', source: 'John Rivers', cue: 'told', content: 'he was angry' }, { id: 'p', source: 'The staff member', cue: 'reported', content: 'the call to the police' }],
      'p', 'The staff member'],
    ['…but with no such "a", a description still goes to the person named',
      'Mayor Jane Porter opened the session. The mayor said the budget was balanced.',
      [{ id: 'm', source: 'Mayor Jane Porter', cue: 'opened', content: 'the session' }, { id: 'p', source: 'The mayor', cue: 'said', content: 'the budget was balanced' }],
      'p', 'Jane Porter'],
    // Round 23 (techcrunch-wework): a name in a reported clause is the reporter's, and a pronoun may point to it…
    ['a person named only inside a reported clause is found for a pronoun',
      'According to Reuters, the questions include if WeWork founder Adam Neumann engaged in self-dealing.\n\nAn entity Neumann controlled sold the word, though he later asked the company to unwind the agreement.',
      [{ id: 'r', source: 'Reuters', cue: 'According to', content: 'the questions include if WeWork founder Adam Neumann engaged in self-dealing' },
        { id: 'p', source: 'he', cue: 'later asked', content: 'the company to unwind the agreement', after: 'though' }],
      'p', 'Adam Neumann'],
    // …but only where no one else is found: the name a clause reports on is rarely who goes on speaking (E2).
    ['a name in a reported clause yields to one the narration names',
      'Bernie Sanders met Hillary Clinton on Monday. She says she will help defeat the nominee Donald Trump.\n\n“We keep the movement alive,” he told me.',
      [{ id: 'c', source: 'She', cue: 'says', content: 'she will help defeat the nominee Donald Trump' },
        { id: 'p', source: 'he', cue: 'told', content: '“We keep the movement alive,”', kind: 'direct', after: 'alive' }],
      'p', 'Bernie Sanders'],
  ];
  test.each(rows)('%s', (_label, text, goldRows, id, expected) => {
    expect(resolveAll(text, goldRows)[id]?.name).toBe(expected);
  });

  test('…but a name inside quotation marks is the speaker\'s words about someone else (round 23)', () => {
    const text = 'Mary Lee said, “I will never vote for Robert Smith again.”\n\nHe said the vote was close.';
    const speakers = resolveAll(text, [
      { id: 'm', source: 'Mary Lee', cue: 'said', content: '“I will never vote for Robert Smith again.”' },
      { id: 'p', source: 'He', cue: 'said', content: 'the vote was close' },
    ]);
    expect(speakers.p?.name).not.toBe('Robert Smith');
  });

  test('"which" never points at a person', () => {
    const text = 'The report cited Mr. Ban, which said the gap remained.';
    const speakers = resolveAll(text, [{ id: 'p', source: 'which', cue: 'said', content: 'the gap remained' }]);
    expect(speakers.p?.type ?? 'unnamed').not.toBe('person');
  });
});

describe('resolveSpeakers: one person under several names', () => {
  const rows: Array<[string, string, GoldRow[], Record<string, string>]> = [
    ['a later surname joins the full name',
      'U.S. Army Col. Ryan Dillon said it was false. Dillon added that proof was lacking.',
      [{ id: 'a', source: 'U.S. Army Col. Ryan Dillon', cue: 'said', content: 'it was false' }, { id: 'b', source: 'Dillon', cue: 'added', content: 'proof was lacking' }],
      { a: 'Ryan Dillon', b: 'Ryan Dillon' }],
    ['a later full name names the earlier surname',
      'Dillon said it was false. Later, Col. Ryan Dillon added that proof was lacking.',
      [{ id: 'a', source: 'Dillon', cue: 'said', content: 'it was false' }, { id: 'b', source: 'Col. Ryan Dillon', cue: 'added', content: 'proof was lacking' }],
      { a: 'Ryan Dillon', b: 'Ryan Dillon' }],
    ['"Mr. Trump" is Donald Trump when the text named him',
      'Donald Trump’s campaign ran new ads on Monday. Mr. Trump said they were fair.',
      [{ id: 'a', source: 'Mr. Trump', cue: 'said', content: 'they were fair' }],
      { a: 'Donald Trump' }],
    ['a first name alone joins the full name',
      'Hillary Clinton said she was ready. Hillary added that the debate went well.',
      [{ id: 'a', source: 'Hillary Clinton', cue: 'said', content: 'she was ready' }, { id: 'b', source: 'Hillary', cue: 'added', content: 'the debate went well' }],
      { a: 'Hillary Clinton', b: 'Hillary Clinton' }],
    ['the honorific picks the Clinton of the right gender',
      'Bill Clinton said the plan was good. Hillary Clinton said it was better. Mr. Clinton added more. Mrs. Clinton disagreed.',
      [{ id: 'a', source: 'Bill Clinton', cue: 'said', content: 'the plan was good' }, { id: 'b', source: 'Hillary Clinton', cue: 'said', content: 'it was better' },
        { id: 'c', source: 'Mr. Clinton', cue: 'added', content: 'more' }, { id: 'd', source: 'Mrs. Clinton', cue: 'disagreed', content: 'disagreed' }],
      { c: 'Bill Clinton', d: 'Hillary Clinton' }],
    ['a transcript speaker in capitals joins the full name',
      'Gov. Mike Pence took the stage.\n\nPENCE: We will win.',
      [{ id: 'a', source: 'PENCE', cue: ':', content: 'We will win.' }],
      { a: 'Mike Pence' }],
    // round 10: a body's short forms in one article (first-batch page smithsonian-plague; PolNeAR train "State Department")
    ['an acronym and a people\'s word with it join the full name, which keeps the acronym',
      'The Chinese Center for Disease Control and Prevention said it was safe. The CDC assured the public. The Chinese CDC has said there is no need to worry.',
      [{ id: 'a', source: 'The Chinese Center for Disease Control and Prevention', cue: 'said', content: 'it was safe' }, { id: 'b', source: 'The CDC', cue: 'assured', content: 'the public' },
        { id: 'c', source: 'The Chinese CDC', cue: 'has said', content: 'there is no need to worry' }],
      { a: 'Chinese Center for Disease Control and Prevention (CDC)', b: 'Chinese Center for Disease Control and Prevention (CDC)', c: 'Chinese Center for Disease Control and Prevention (CDC)' }],
    ['a department written by its first word joins the department',
      'State calls 22 emails top secret. The State Department said the review would go on.',
      [{ id: 'b', source: 'State', cue: 'calls', content: '22 emails top secret' }, { id: 'a', source: 'The State Department', cue: 'said', content: 'the review would go on' }],
      { a: 'State Department', b: 'State Department' }],
    ['a body\'s name goes on after a preposition with a capitalised object',
      'The Center for Responsive Politics said the spending doubled.',
      [{ id: 'a', source: 'The Center for Responsive Politics', cue: 'said', content: 'the spending doubled' }],
      { a: 'Center for Responsive Politics' }],
    ['a capital joins its country when both speak',
      'Russia announced a strike. Moscow claimed that 300 died.',
      [{ id: 'a', source: 'Russia', cue: 'announced', content: 'a strike' }, { id: 'b', source: 'Moscow', cue: 'claimed', content: '300 died' }],
      { a: 'Russia', b: 'Russia' }],
    ['a shorter body name joins the fuller one',
      'The Russian Defense Ministry said it was verifying. The Defense Ministry said 300 died.',
      [{ id: 'a', source: 'The Russian Defense Ministry', cue: 'said', content: 'it was verifying' }, { id: 'b', source: 'The Defense Ministry', cue: 'said', content: '300 died', after: 'verifying' }],
      { a: 'Russian Defense Ministry', b: 'Russian Defense Ministry' }],
    ['anonymous sources with one description are one group, named in the plural',
      'A source said the deal was off. Another source said talks went on. Sources said nothing was signed.',
      [{ id: 'a', source: 'A source', cue: 'said', content: 'the deal was off' }, { id: 'b', source: 'Another source', cue: 'said', content: 'talks went on' },
        { id: 'c', source: 'Sources', cue: 'said', content: 'nothing was signed' }],
      { a: 'Sources', b: 'Sources', c: 'Sources' }],
    ['a surname alone is the full name written before it, though its first name is no name we know',
      'Whale whisperer Hori Parata was seven. His son, Te Kaurinui Robert Parata, was there too. “It hurts,” says Parata, bristling.',
      [{ id: 'a', source: 'Parata', cue: 'says', content: '“It hurts,”' }],
      { a: 'Hori Parata' }],
    ['a surname that is also a common noun joins the full name the article wrote ("Cook" after "Tim Cook")',
      'Tim Cook, Apple’s chief executive, said the company was thrilled. Cook added that China was key.',
      [{ id: 'a', source: 'Tim Cook, Apple’s chief executive,', cue: 'said', content: 'the company was thrilled' }, { id: 'b', source: 'Cook', cue: 'added', content: 'China was key' }],
      { a: 'Tim Cook', b: 'Tim Cook' }],
    ['a family name written first joins the full name ("Liu" after "Liu Xiaming")',
      'China’s ambassador to Britain Liu Xiaming said the government would act. Liu said the situation was grave.',
      [{ id: 'a', source: 'China’s ambassador to Britain Liu Xiaming', cue: 'said', content: 'the government would act' }, { id: 'b', source: 'Liu', cue: 'said', content: 'the situation was grave' }],
      { a: 'Liu Xiaming', b: 'Liu Xiaming' }],
    ['a lone name that is also a first name of the other gender is still the surname ("Graham" after "Lindsey Graham")',
      'Sen. Lindsey Graham said the plan was weak. Graham said he would vote no.',
      [{ id: 'a', source: 'Sen. Lindsey Graham', cue: 'said', content: 'the plan was weak' }, { id: 'b', source: 'Graham', cue: 'said', content: 'he would vote no' }],
      { a: 'Lindsey Graham', b: 'Lindsey Graham' }],
    ['a two-word surname written first takes the full name written later ("De Blasio" … "Bill de Blasio")',
      'De Blasio said the city was safe. Later, Mayor Bill de Blasio said more police would come.',
      [{ id: 'a', source: 'De Blasio', cue: 'said', content: 'the city was safe' }, { id: 'b', source: 'Mayor Bill de Blasio', cue: 'said', content: 'more police would come' }],
      { a: 'Bill de Blasio', b: 'Bill de Blasio' }],
    ['a surname before a generational suffix joins the full name ("Verdery" after "C. Stewart Verdery Jr.")',
      'C. Stewart Verdery Jr. said the screening failed. Verdery added that it could be fixed.',
      [{ id: 'a', source: 'C. Stewart Verdery Jr.', cue: 'said', content: 'the screening failed' }, { id: 'b', source: 'Verdery', cue: 'added', content: 'it could be fixed' }],
      { a: 'C. Stewart Verdery Jr.', b: 'C. Stewart Verdery Jr.' }],
    ['a surname of two words joins the full name ("De Blasio" after "Bill de Blasio")',
      'Mayor Bill de Blasio said the city was safe. De Blasio said more police would come.',
      [{ id: 'a', source: 'Mayor Bill de Blasio', cue: 'said', content: 'the city was safe' }, { id: 'b', source: 'De Blasio', cue: 'said', content: 'more police would come' }],
      { a: 'Bill de Blasio', b: 'Bill de Blasio' }],
    ['a full name starting another is the same person, words before its first name kept',
      'His son, Te Kaurinui Robert Parata, was there. Te Kaurinui said the whales were hurting. Later Te Kaurinui Robert Parata added that it was sad.',
      [{ id: 'a', source: 'Te Kaurinui', cue: 'said', content: 'the whales were hurting' }, { id: 'b', source: 'Te Kaurinui Robert Parata', cue: 'added', content: 'it was sad' }],
      { a: 'Te Kaurinui', b: 'Te Kaurinui' }],
  ];
  test.each(rows)('%s', (_label, text, goldRows, expected) => {
    const speakers = resolveAll(text, goldRows);
    for (const [id, name] of Object.entries(expected)) expect(speakers[id]?.name).toBe(name);
  });

  test('round 10: bodies that only share a word stay apart', () => {
    const text = 'The Brookings Institution said taxes would rise. The Hoover Institution said they would fall. The Department of Energy said prices were flat. The State Department said nothing. The USDA said crops were fine. The US Army said it was ready.';
    const speakers = resolveAll(text, [
      { id: 'a', source: 'The Brookings Institution', cue: 'said', content: 'taxes would rise' }, { id: 'b', source: 'The Hoover Institution', cue: 'said', content: 'they would fall' },
      { id: 'c', source: 'The Department of Energy', cue: 'said', content: 'prices were flat' }, { id: 'd', source: 'The State Department', cue: 'said', content: 'nothing' },
      { id: 'e', source: 'The USDA', cue: 'said', content: 'crops were fine' }, { id: 'f', source: 'The US Army', cue: 'said', content: 'it was ready' },
    ]);
    expect(new Set(Object.values(speakers).map((speaker) => speaker?.name)).size).toBe(6);
  });

  test('different people stay apart', () => {
    const speakers = resolveAll('Bill Clinton said yes. Ryan Dillon said no. Jeff Davis said maybe.', [
      { id: 'a', source: 'Bill Clinton', cue: 'said', content: 'yes' },
      { id: 'b', source: 'Ryan Dillon', cue: 'said', content: 'no' },
      { id: 'c', source: 'Jeff Davis', cue: 'said', content: 'maybe' },
    ]);
    expect(new Set(Object.values(speakers).map((speaker) => speaker?.name)).size).toBe(3);
  });

  test('a place with a word written alone elsewhere is no person a possessive can point at', () => {
    const speakers = resolveAll('Morgan Tsvangirai, treated in Britain and South Africa, returned, his spokesman said. Nothing changed in Africa.', [
      { id: 'a', source: 'his spokesman', cue: 'said', content: 'Morgan Tsvangirai, treated in Britain and South Africa, returned' },
    ]);
    expect(speakers.a?.name).toMatch(/Tsvangirai/);
  });

  test('a bare definite description is the latest one with its head ("The authors" after "The authors of the research")', () => {
    const speakers = resolveAll('The authors of the research said use rose. The authors added that it was a concern.', [
      { id: 'a', source: 'The authors of the research', cue: 'said', content: 'use rose' },
      { id: 'b', source: 'The authors', cue: 'added', content: 'it was a concern', after: 'rose' },
    ]);
    expect(speakers.a?.name).toBe('Authors of the research');
    expect(speakers.b?.name).toBe(speakers.a?.name);
  });

  // Round 20, PolNeAR read as pages (half B): one board in two groups.
  test('a description that ends a body\'s name is that body ("the board of elections" after "Illinois Board of Elections")', () => {
    const speakers = resolveAll('The Illinois Board of Elections said he was eligible. Later the board of elections added that the case was closed.', [
      { id: 'a', source: 'The Illinois Board of Elections', cue: 'said', content: 'he was eligible' },
      { id: 'b', source: 'the board of elections', cue: 'added', content: 'the case was closed' },
    ]);
    expect(speakers.a?.name).toBe('Illinois Board of Elections');
    expect(speakers.b?.name).toBe(speakers.a?.name);
  });

  test('a bare definite description with no earlier fuller one stands alone, and different heads stay apart', () => {
    const speakers = resolveAll('The researchers of the study said use rose. The authors added that it was a concern.', [
      { id: 'a', source: 'The researchers of the study', cue: 'said', content: 'use rose' },
      { id: 'b', source: 'The authors', cue: 'added', content: 'it was a concern' },
    ]);
    expect(speakers.b?.name).not.toBe(speakers.a?.name);
  });

  test('a capital that speaks alone keeps its own name', () => {
    expect(resolveAll('Moscow claimed that 300 died.', [{ id: 'a', source: 'Moscow', cue: 'claimed', content: '300 died' }]).a?.name).toBe('Moscow');
  });
});

describe('parseMention', () => {
  const rows: Array<[string, Partial<ReturnType<typeof parseMention>>]> = [
    ['he', { kind: 'pronoun', pronoun: 'm' }],
    ['They', { kind: 'pronoun', pronoun: 'pl' }],
    ['the spokesman', { kind: 'anaphor', head: 'spokesman' }],
    ['the agency', { kind: 'anaphor', type: 'organization', head: 'agency' }],
    ['Obama and Clinton', { kind: 'named', type: 'person', name: 'Obama and Clinton' }],
    ['His aides', { kind: 'description', possessor: 'his' }],
    ['U.S. officials', { kind: 'description', key: 'u.s. official', plural: true }],
    ['My colleague David Pierce', { kind: 'named', type: 'person', name: 'David Pierce' }],
    ['my colleague', { kind: 'description', possessor: 'my' }],
    ['his wife', { kind: 'description', possessor: 'his' }],
    // A word that is also a role or common noun, after a first name, is a surname; the role before it is the role.
    ['CEO Tim Cook', { kind: 'named', type: 'person', name: 'Tim Cook', role: 'CEO' }],
    ['Apple CEO Tim Cook', { kind: 'named', type: 'person', name: 'Tim Cook', role: 'Apple CEO' }],
    ['veteran industry analyst Ken Doctor', { kind: 'named', type: 'person', name: 'Ken Doctor', role: 'veteran industry analyst' }],
    ['Mary Baker', { kind: 'named', type: 'person', name: 'Mary Baker' }],
    ['the cook', { kind: 'anaphor', head: 'cook' }],
    ['Doctor', { kind: 'description', head: 'doctor' }],
    // A document's author speaks through it.
    ['A 2018 survey by Penelope Muse Abernathy of the University of North Carolina', { kind: 'named', type: 'person', name: 'Penelope Muse Abernathy' }],
    ['a study by the Pew Research Center', { kind: 'named', type: 'organization', name: 'Pew Research Center' }],
    ['a study by researchers', { kind: 'description', head: 'study' }],
    // A word written in capitals is an acronym, a name: the World Health Organization, not "who".
    ['WHO', { kind: 'named', type: 'organization', name: 'WHO' }],
    ['Who', { kind: 'pronoun', pronoun: 'rel' }],
    ['US', { kind: 'named', name: 'US' }],
    // A place closes a title that holds a preposition; the name follows it and the place is no part of it.
    ['China’s ambassador to Britain Liu Xiaming', { kind: 'named', type: 'person', name: 'Liu Xiaming' }],
    ['Former U.S. Ambassador to Ukraine Marie Yovanovitch', { kind: 'named', type: 'person', name: 'Marie Yovanovitch' }],
    ['The governor of California Gavin Newsom', { kind: 'named', type: 'person', name: 'Gavin Newsom' }],
    ['The mayor of New York Bill de Blasio', { kind: 'named', type: 'person', name: 'Bill de Blasio' }],
    // …not without a title before it, nor when what follows the place is another place or body.
    ['Visitors to Britain Liu Xiaming met', { kind: 'description' }],
    ['The ambassador to Britain New York', { kind: 'description' }],
    ['The ambassador to Britain Liu', { kind: 'description' }],
    // A month's name or short form beside another name word, with no day's number, is a name (round 9: PolNeAR
    // train, "columnist Ai Jun" and "Former Arizona governor Jan Brewer" were descriptions, her "she" went to Trump).
    ['columnist Ai Jun', { kind: 'named', type: 'person', name: 'Ai Jun', role: 'columnist' }],
    ['Gov. Jan Brewer', { kind: 'named', type: 'person', name: 'Jan Brewer', role: 'Gov.' }],
    ['reporter April Ryan', { kind: 'named', type: 'person', name: 'April Ryan', role: 'reporter' }],
    // …not a date, nor a month with a full stop, nor a weekday.
    ['Jan. 5', { kind: 'description' }],
    ['the Jan. Brewer report', { kind: 'description' }],
    ['officials Tuesday Smith', { type: 'unnamed' }],
    // People named after a group as its members ("including", "like", "led by") are not the group speaking; one
    // person named after a group of many is another noun's apposition (round 9, checked on PolNeAR train's unlabelled
    // sources: 22 source phrases changed, each to the group or person meant; of 14 later pronouns, 13 right).
    ['New Jersey officials, including Gov. Chris Christie,', { kind: 'description', name: 'New Jersey officials' }],
    ['Several Republican leaders, including Sens. John McCain (Ariz.), Kelly Ayotte (N.H.) and Chuck Grassley (Iowa)', { kind: 'description', name: 'Several Republican leaders' }],
    ['many Republicans, like Mr. Ryan,', { kind: 'description' }],
    ['The aides, led by campaign manager Terry Sullivan,', { kind: 'description', name: 'The aides' }],
    ['supporters of her opponent, Sen. Bernie Sanders', { kind: 'description', name: 'Supporters of her opponent' }],
    // …but one of many, an apposition naming several, or a singular head is the person named.
    ['One of his advisers, Tad Devine,', { kind: 'named', type: 'person', name: 'Tad Devine' }],
    ['his lawyers, John Smith and Jane Doe', { kind: 'named', type: 'person', name: 'John Smith and Jane Doe' }],
    ['the Democratic nominee, Hillary Clinton', { kind: 'named', type: 'person', name: 'Hillary Clinton' }],
    ['a series of Twitter posts Sunday, Mr. Frum, a former speechwriter for George W. Bush,', { kind: 'named', type: 'person', name: 'Frum' }],
    // Round 12 (fresh PolNeAR train errors): a comma between digits is part of the number; an -ing word before a document
    // noun modifies it; a source written whole in brackets is the phrase inside; a possessive is no part of an outlet's name.
    ['its nearly 8,000-word article', { kind: 'description', head: 'article', possessor: 'its' }],
    ['Supporters in the crowd of about 2,600', { kind: 'description', name: 'Supporters in the crowd of about 2,600' }],
    ['(Senator Bernie Sanders of Vermont)', { kind: 'named', type: 'person', name: 'Bernie Sanders' }],
    ['The Times’s', { kind: 'named', type: 'media' }],
    // Round 16: a spokeswoman is one person, so the name set off after her is hers; spokeswomen are several.
    ['His campaign spokeswoman, Karoline Leavitt,', { kind: 'named', type: 'person', name: 'Karoline Leavitt' }],
    ['the spokeswomen', { plural: true }],
    // Round 16: an outlet is written as a name; the same words in lower case are a description.
    ['The Union Leader', { kind: 'named', type: 'media', name: 'New Hampshire Union Leader' }],
    ['The Economist', { kind: 'named', type: 'media' }],
    ['The union leader', { kind: 'anaphor' }],
    ['an economist who is the director of the institute', { kind: 'description' }],
    // Round 12: a news organisation by its head, or a body's head after "news", "media", "editorial".
    ['the conservative-leaning newspaper', { kind: 'anaphor', type: 'media' }],
    ['the editorial board', { kind: 'anaphor', type: 'media' }],
    ['the paper’s editorial board', { type: 'media' }],
    ['the news outlet', { kind: 'anaphor', type: 'media' }],
    // …not a social media company, a school board, or a body's own board.
    ['the social media company', { kind: 'anaphor', type: 'organization' }],
    ['the school board', { kind: 'anaphor', type: 'organization' }],
    ['the company', { kind: 'anaphor', type: 'organization' }],
    // Round 12: an outlet's editorial, column or headline is the outlet's…
    ['WSJ editorial', { kind: 'named', type: 'media' }],
    ['a Wednesday editorial in The Des Moines Register', { kind: 'named', type: 'media' }],
    ['A popular column in the national Asahi newspaper', { type: 'media' }],
    ['a provocative headline from the Wall Street Journal editorial board', { kind: 'named', type: 'media' }],
    // …but a person whose role holds such a word stays the person.
    ['Ruth Marcus, editorial board editor for The Washington Post,', { kind: 'named', type: 'person', name: 'Ruth Marcus' }],
    // Round 12: a dash sets off an apposition as a comma does; a "both" before a coordination is no part of it; one described
    // thing then a body's name is the body; an outlet's tally is the outlet's.
    ['Governor Chris Christie – a Dallas Cowboys fan –', { kind: 'named', type: 'person', name: 'Chris Christie' }],
    ['Another liberal favorite in the Senate — Elizabeth Warren of Massachusetts —', { kind: 'named', type: 'person', name: 'Elizabeth Warren' }],
    ['the Democratic National Committee — Ohio most of all', { kind: 'named', type: 'organization', name: 'Democratic National Committee' }],
    ['Both Justin Trudeau and Enrique Peña Nieto', { kind: 'named', type: 'person', name: 'Justin Trudeau and Enrique Peña Nieto' }],
    ['The pro-Christie Union Leader, New Hampshire’s largest newspaper,', { type: 'media' }],
    ['a CNN tally', { kind: 'named', type: 'media' }],
    // …not a "both" before a coordination of groups, nor a dash inside a word or a number range.
    ['Both Democrats and Republicans', { type: 'unnamed' }],
    ['The initiative, from Tony Abbott’s office,', { kind: 'description', name: 'The initiative' }],
    ['three of the four cantons with the highest voter turnout — 72-75 percent —', { kind: 'description', type: 'unnamed' }],
    ['the star-turned-candidate', { kind: 'description', head: 'star-turned-candidate' }],
    // Round 21 (batch D's read part): "the" and a people's word before one word that is no first name is a body; a
    // participle in -en with a time after it ends a document's phrase, so its sponsor is found.
    ['the Philippine Star', { kind: 'named', type: 'media', name: 'Philippine Star' }],
    ['the American Legion', { kind: 'named', type: 'organization', name: 'American Legion' }],
    ['a national Gallup Poll taken last week', { kind: 'named', type: 'organization', name: 'Gallup' }],
    // …not a person after a title or a role, nor a full name after a people's word.
    ['the British Prime Minister Theresa May', { kind: 'named', type: 'person', name: 'Theresa May' }],
    ['the American economist Paul Krugman', { kind: 'named', type: 'person', name: 'Paul Krugman' }],
    ['the Philippine president', { type: 'unnamed' }],
    ['the women taken to the hospital', { type: 'unnamed' }],
    // …nor a surname, no English noun, after a people's word (round 21's review).
    ['The Spaniard Nadal', { kind: 'named', type: 'person', name: 'Nadal' }],
  ];
  test.each(rows)('%s', (written, expected) => {
    expect(parseMention(written)).toMatchObject(expected);
  });
});

describe('groupSpeakers', () => {
  const certainty = (label: Certainty['label']): Certainty => ({ label, score: 0.5, evidence: [] });
  const text = 'Dillon said it was false. “No,” U.S. Army Col. Ryan Dillon said. U.S. officials said it may be true. Dillon added more.';
  const resolved = resolveSpeakers(text, attributionsFrom(text, [
    { id: 'q1', source: 'Dillon', cue: 'said', content: 'it was false' },
    { id: 'q2', source: 'U.S. Army Col. Ryan Dillon', cue: 'said', content: 'No' },
    { id: 'q3', source: 'U.S. officials', cue: 'said', content: 'it may be true' },
    { id: 'q4', source: 'Dillon', cue: 'added', content: 'more', after: 'true' },
  ])).map((attribution, i) => ({ ...attribution, certainty: certainty(i === 2 || i === 3 ? 'low' : 'high') }));
  const groups = groupSpeakers(resolved);

  test('one group per speaker, in order of first appearance, ids in text order', () => {
    expect(groups.map((group) => group.name)).toEqual(['Ryan Dillon', 'U.S. officials']);
    expect(groups[0].attributionIds).toEqual(['q1', 'q2', 'q4']);
  });
  test('role from the fullest mention, aliases folded in', () => {
    expect(groups[0].role).toBe('U.S. Army Col.');
    expect(groups[0].aliases).toContain('Dillon');
  });
  test('hedged counts the low-certainty attributions', () => {
    expect(groups.map((group) => group.hedged)).toEqual([1, 1]);
  });
  test('attributions with no speaker make no group', () => {
    expect(groupSpeakers([{ ...resolved[0], speaker: null }])).toEqual([]);
  });

  // Round 19 (PolNeAR read as pages, half A; deccanherald-tariffs): words two people said together are in each one's group.
  const jointText = 'Republican Trump and Democrat Clinton have criticized Nabisco. Trump has vowed to boycott the product. Robert and Rebekah Mercer said so.';
  const joint = groupSpeakers(resolveSpeakers(jointText, attributionsFrom(jointText, [
    { id: 'j', source: 'Republican Trump and Democrat Clinton', cue: 'have criticized', content: 'Nabisco' },
    { id: 't', source: 'Trump', cue: 'has vowed', content: 'to boycott the product' },
    { id: 'm', source: 'Robert and Rebekah Mercer', cue: 'said', content: 'so' },
  ])).map((attribution) => ({ ...attribution, speaker: attribution.speaker && { ...attribution.speaker, name: attribution.id === 't' ? 'Donald Trump' : attribution.id === 'j' ? 'Donald Trump and Hillary Clinton' : attribution.speaker.name, type: 'person' as const } })));
  test('a pair of named people is split into each one\'s group, in order, ids in text order', () => {
    expect(joint.map((group) => group.name)).toEqual(['Donald Trump', 'Hillary Clinton', 'Robert and Rebekah Mercer']);
    expect(joint[0].attributionIds).toEqual(['j', 't']);
    expect(joint[1].attributionIds).toEqual(['j']);
  });
  test('a first name alone in the pair keeps it whole', () => {
    expect(joint[2].attributionIds).toEqual(['m']);
  });
});

describeShared('resolveSpeakers + groupSpeakers on the seed article', () => {
  interface Required { speaker: string[]; content?: string; sourceType: SourceType; role?: string }
  const expected = JSON.parse(fs.readFileSync(sharedPath('fixtures', 'russia-isis-claim.expected.json'), 'utf8')) as {
    required: Required[]; optional: Required[]; speakers: { groups: string[] };
  };
  const text = seedText(sharedPath('fixtures', 'russia-isis-claim.html'));
  const resolved = resolveSpeakers(text, attributionsFrom(text, SEED_ROWS));
  const groups = groupSpeakers(resolved);
  const byContent = (content: string): Attribution | undefined =>
    resolved.find((attribution) => attribution.contents.some((span) => span.text.includes(content) || content.includes(span.text)));

  test.each(expected.required.map((row) => [row.content ?? row.speaker[0], row] as const))('required: %s', (_content, row) => {
    const attribution = byContent(row.content!);
    expect(attribution).toBeDefined();
    const speaker = attribution!.speaker!;
    expect(row.speaker.some((name) => speaker.name.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(speaker.name.toLowerCase()))).toBe(true);
    expect(speaker.type).toBe(row.sourceType);
    if (row.role) expect(speaker.role).toBe(row.role);
  });

  test('the four named speakers each head exactly one group', () => {
    for (const name of expected.speakers.groups) expect(groups.filter((group) => group.name === name)).toHaveLength(1);
  });

  test('the groups: four named people plus the bodies, outlets and unnamed sources', () => {
    expect(groups.map((group) => [group.name, group.type])).toEqual([
      ['Russia', 'organization'], ['U.S. officials', 'unnamed'], ['Russian Defense Ministry', 'organization'], ['Associated Press', 'media'],
      ['Sergey Lavrov', 'person'], ['A spokesman for the U.S.-led coalition', 'unnamed'], ['Ryan Dillon', 'person'], ['Jeff Davis', 'person'],
      ['Abu Bakr al-Baghdadi', 'person'], ['CNN', 'media'], ['Clarissa Ward', 'person'],
    ]);
    expect(groups.find((group) => group.name === 'Clarissa Ward')!.attributionIds).toEqual(['q14', 'q15', 'q16']);
  });

  test('"believed to be" has no speaker', () => {
    expect(resolved.find((attribution) => attribution.id === 'q11')!.speaker).toBeNull();
  });
});

/**
 * Source type, round 8 (docs/EVALUATION.md): a description of one person takes the type of the person the
 * article names; "it" with no body speaking before it is the body the text names; "I" is a person; a
 * document an outlet carries is the outlet's; a party named by its chamber is a body.
 */
describe('resolveSpeakers: source type from what the source refers to', () => {
  // [text, source, written after, expected]
  const matches: Array<[string, string, string | undefined, Partial<SpeakerRef>]> = [
    ['Vermont Sen. Bernie Sanders spoke in Concord. The Vermont senator said the race was close.', 'The Vermont senator', 'Concord.', { name: 'Bernie Sanders', type: 'person', anonymous: false }],
    ['Russian President Vladimir Putin met Blatter. Then Donald Trump spoke. The Russian leader said he was bright.', 'The Russian leader', 'spoke.', { name: 'Vladimir Putin', type: 'person' }],
    ['Speaker Paul Ryan spoke Thursday. The Wisconsin Republican criticized the plan.', 'The Wisconsin Republican', 'Thursday.', { name: 'Paul Ryan', type: 'person' }],
    ['On Monday, Donald Trump spoke in Iowa. The real estate mogul declined to elaborate.', 'The real estate mogul', 'Iowa.', { name: 'Donald Trump', type: 'person' }],
    ['For almost 60 years, the Census denied any role. Even so, it declared that it had never provided names.', 'it', 'Even so,', { type: 'organization' }],
    ['The court heard the case. Shortly after it ruled, Cruz spoke.', 'it', 'Shortly after', { type: 'organization' }],
    ['I said the plan was vague.', 'I', undefined, { name: 'The author', type: 'person' }],
    ['17-year-old Jared Potts said the plan was vague.', '17-year-old Jared Potts', undefined, { name: 'Jared Potts', type: 'person' }],
    ['Sanders himself said the plan was vague.', 'Sanders himself', undefined, { name: 'Sanders', type: 'person' }],
    ['House Republicans said the bill was dead.', 'House Republicans', undefined, { name: 'House Republicans', type: 'organization' }],
    ['An ABC News/Washington Post Poll released Sunday found Trump ahead.', 'An ABC News/Washington Post Poll released Sunday', undefined, { name: 'ABC News', type: 'media' }],
    ['An earlier report in a New Hampshire paper said that Sanders used the images.', 'An earlier report in a New Hampshire paper', undefined, { type: 'media' }],
    ['In an interview with The New York Times Magazine published online Wednesday, Trump was asked.', 'an interview with The New York Times Magazine published online Wednesday', undefined, { name: 'New York Times Magazine', type: 'media' }],
    // round 10: a named person or body joined by people left unnamed speaks as the one named (PolNeAR train #214, #231, #258)
    ['Edwards and others said they could not support Clinton.', 'Edwards and others', undefined, { name: 'Edwards', type: 'person' }],
    ['Fiorina and HP executives mounted a counterattack.', 'Fiorina and HP executives', undefined, { name: 'Fiorina', type: 'person' }],
    ['Trump and his attorneys disputed the fraud claims.', 'Trump and his attorneys', undefined, { name: 'Trump', type: 'person' }],
    ['The Clinton campaign and some cybersecurity experts said Russia was behind it.', 'The Clinton campaign and some cybersecurity experts', undefined, { name: 'Clinton campaign', type: 'organization' }],
    // round 10: a subordinating word opens the clause whose subject speaks (first-batch page ap-unpredictable)
    ['He testified about a July 10 meeting at the White House when Sondland told officials they would need to deliver.', '10 meeting at the White House when Sondland', undefined, { name: 'Sondland', type: 'person' }],
    // a floating "both"/"each" is no part of the subject; two outlets together are media
    ['Rubio and Bush both opposed the plan.', 'Rubio and Bush both', undefined, { name: 'Rubio and Bush', type: 'person' }],
    ['The New York Times and the Los Angeles Times each reported a rough week.', 'The New York Times and the Los Angeles Times each', undefined, { type: 'media' }],
    // round 11: outlets whose names are ordinary words or surnames (PolNeAR train #108)
    ['Forbes said her net worth was being marked down to zero.', 'Forbes', undefined, { name: 'Forbes', type: 'media' }],
    ['Business Insider reported the deal first.', 'Business Insider', undefined, { name: 'Business Insider', type: 'media' }],
    // round 11: "the" and a people in the plural is its country's side (PolNeAR train #301)
    ['The Iranians want to see the deal fail.', 'The Iranians', undefined, { name: 'The Iranians', type: 'organization' }],
    // round 11: a named law is a body's, not a person (PolNeAR train #130)
    ['The Every Student Succeeds Act would get rid of the requirement.', 'Every Student Succeeds Act', undefined, { name: 'Every Student Succeeds Act', type: 'organization' }],
    // round 11: officials of a named place or body, with named members, are that body (PolNeAR train #127)
    ['New Jersey officials, including Gov. Chris Christie, are hoping they will win.', 'New Jersey officials, including Gov. Chris Christie,', undefined, { type: 'organization' }],
    // round 11: a named side's people taken as one body (PolNeAR train #246, #413)
    ['The chamber’s Republican majority voted to end the filibuster.', 'The chamber’s Republican majority', undefined, { type: 'organization' }],
    ['Clinton’s forces expect the president to keep pushing.', 'Clinton’s forces', undefined, { type: 'organization' }],
    ['The Clinton camp said the ad was false.', 'The Clinton camp', undefined, { type: 'organization' }],
    // round 11: a poll's sponsor speaks through it: joined by a hyphen, an outlet's section, a named body
    ['An AP-GfK poll found Clinton ahead.', 'An AP-GfK poll', undefined, { name: 'Associated Press', type: 'media' }],
    ['The latest Bloomberg Politics poll found Clinton ahead.', 'The latest Bloomberg Politics poll', undefined, { name: 'Bloomberg', type: 'media' }],
    ['A Quinnipiac University poll found Clinton ahead.', 'A Quinnipiac University poll', undefined, { name: 'Quinnipiac University', type: 'organization' }],
    // round 11: an unowned poll is the poll the text names by its sponsor nearest to it (PolNeAR train #188, #268)
    ['A new poll showed Trump moving ahead. The NBC/Wall Street Journal poll gave him big leads.', 'A new poll', undefined, { name: 'NBC News', type: 'media' }],
    ['Statistics indicate that Democratic voters are more diverse. According to July’s Washington Post/ABC News polling, more than half agree.', 'Statistics', undefined, { name: 'The Washington Post', type: 'media' }],
    // round 12: a poll's sponsor is a body whatever its name's form, and named by an outlet's name and a series
    // (fresh PolNeAR train sample: 4 of 13 errors in 170 read)
    ['A Morning Consult Poll found Trump ahead.', 'A Morning Consult Poll', undefined, { name: 'Morning Consult', type: 'organization' }],
    ['Gallup’s own tracking poll puts his approval at 49.5 percent.', 'Gallup’s own tracking poll', undefined, { name: 'Gallup', type: 'organization' }],
    ['A Field Poll of the Democratic race in May 2015 put his support at 5 percent.', 'A Field Poll of the Democratic race in May 2015', undefined, { name: 'Field', type: 'organization' }],
    ['The Rasmussen poll found gains.', 'The Rasmussen poll', undefined, { name: 'Rasmussen', type: 'organization' }],
    ['The USC Dornsife/Los Angeles Times Daybreak national tracking poll found gains.', 'The USC Dornsife/Los Angeles Times Daybreak national tracking poll', undefined, { type: 'media' }],
    // round 12: a document whose owner follows it (by, from, for; past a participle, a comma, a time), or a time after a named poll
    ['A poll conducted by the New York Times and ABC News found gains.', 'A poll conducted by the New York Times and ABC News', undefined, { type: 'media' }],
    ['The survey, conducted by the Public Policy Institute of California, found gains.', 'The survey, conducted by the Public Policy Institute of California,', undefined, { name: 'Public Policy Institute of California', type: 'organization' }],
    ['A national poll released Sunday by The Washington Post and ABC News found gains.', 'A national poll released Sunday by The Washington Post and ABC News', undefined, { type: 'media' }],
    ['A just-released poll from Florida Atlantic University found gains.', 'A just-released poll from Florida Atlantic University', undefined, { name: 'Florida Atlantic University', type: 'organization' }],
    ['The statement released by Fox News said the debate was on.', 'The statement released by Fox News', undefined, { type: 'media' }],
    ['A statement from the Clinton campaign said the ad was false.', 'A statement from the Clinton campaign', undefined, { name: 'Clinton campaign', type: 'organization' }],
    ['A Quinnipiac University poll this month found gains.', 'A Quinnipiac University poll this month', undefined, { name: 'Quinnipiac University', type: 'organization' }],
    ['A Washington Post-ABC News poll last week found gains.', 'A Washington Post-ABC News poll last week', undefined, { type: 'media' }],
    // round 17: a surname after a quotation handing on to it is written alone, so a full name before it with a first name we
    // do not know is that person (PolNeAR train: 33 speakers changed, 31 read right: "Priebus" → Reince Priebus)
    ['On Sunday, Jalen Hurts threw for 300 yards. “We never gave up,” Hurts said.', 'Hurts', 'up,”', { name: 'Jalen Hurts', type: 'person' }],
    ['Quarterback Jalen Hurts threw for 300 yards. “We never gave up,” Hurts said.', 'Hurts', 'up,”', { name: 'Jalen Hurts', type: 'person' }],
    // round 17: who obtained or read a document did not write it (a made-up battery: "The Times" shown as the police report's)
    ['A police report obtained by the Times said the suspect fled.', 'A police report obtained by the Times', undefined, { name: 'A police report', type: 'unnamed' }],
    ['One such document, obtained by The Post, holds a clause.', 'One such document, obtained by The Post,', undefined, { name: 'One such document', type: 'unnamed' }],
    // round 12: a definite description whose head WordNet gives a person as first sense (fresh PolNeAR train: 10 changed, 9 right)
    ['On Monday, Donald Trump spoke in Iowa. The GOP front-runner declined to elaborate.', 'The GOP front-runner', 'Iowa.', { name: 'Donald Trump', type: 'person' }],
    ['On Monday, Donald Trump spoke in Iowa. The New York billionaire declined to elaborate.', 'The New York billionaire', 'Iowa.', { name: 'Donald Trump', type: 'person' }],
    ['On Monday, Ben Carson spoke in Iowa. The retired neurosurgeon addressed his concerns.', 'The retired neurosurgeon', 'Iowa.', { name: 'Ben Carson', type: 'person' }],
    // round 12: a relative pronoun after a dash, a quoted nickname and a party label, a pair of names, or a name ending an of-phrase
    ['Trump’s appeal will be tough for Ted Cruz—who relies on religious conservatives.', 'who', undefined, { name: 'Ted Cruz', type: 'person' }],
    ['His campaign was represented by Gov. C.L. "Butch" Otter (R-Idaho), an early endorser, who spent more time talking.', 'who', undefined, { type: 'person' }],
    ['They are close with Robert and Rebekah Mercer, the father-and-daughter conservative donors who have become allies.', 'who', undefined, { name: 'Robert and Rebekah Mercer', type: 'person' }],
    ['The deal gives insight into the workings of the Government Development Bank, which says it cannot repay.', 'which', undefined, { type: 'organization' }],
    ['None of these problems is likely to hold up the Fed, which is bordering on desperate.', 'which', undefined, { name: 'Fed', type: 'organization' }],
    // round 22: "who" after the nouns a copula says of the sentence's subject is that subject (HuffPost's editor's note)
    ['Editor’s note: Donald Trump regularly incites political violence and is a serial liar, rampant xenophobe, racist, misogynist and birther who has repeatedly pledged to ban all Muslims.', 'who', undefined, { name: 'Donald Trump', type: 'person' }],
    ['Smith is a lawyer who said that the case was weak.', 'who', undefined, { name: 'Smith' }],
  ];
  test.each(matches)('%s → %s', (text, source, after, expected) => {
    const speaker = resolveOne(text, source, after);
    expect(speaker).not.toBeNull();
    expect(speaker).toMatchObject(expected);
  });

  // [text, source, written after, type it must have, name it must not have]
  const nonMatches: Array<[string, string, string | undefined, SourceType, string | null]> = [
    // a spokesman speaks for someone else: not the person named before
    ['David Cameron spoke on Monday. The spokesman said there was no call.', 'The spokesman', 'Monday.', 'unnamed', 'David Cameron'],
    // a word for a place or group is no person
    ['Timothy Morrison testified. The country would announce the investigations.', 'The country', 'testified.', 'unnamed', 'Timothy Morrison'],
    // no person named before: the description stays a description
    ['The senator said the bill was dead.', 'The senator', undefined, 'unnamed', null],
    // a phrase after the head names the role by something else
    ['Donald Trump spoke. The head of the agency said the bill was dead.', 'The head of the agency', 'spoke.', 'unnamed', 'Donald Trump'],
    // a hyphenated demonym in the plural is a group, not a person
    ['African-Americans said the plan was vague.', 'African-Americans', undefined, 'unnamed', null],
    // one party member, with no one named, is no party
    ['The Republican said the bill was dead.', 'The Republican', undefined, 'unnamed', null],
    // "we" may be a body: not typed a person
    ['We said the plan was vague.', 'We', undefined, 'unnamed', null],
    // an interview with a person is not a news outlet's
    ['In an interview with Trump published Wednesday, Cruz was asked.', 'an interview with Trump published Wednesday', undefined, 'unnamed', null],
    // a party named by something other than its chamber stays a group
    ['Moderate Republicans said the bill was dead.', 'Moderate Republicans', undefined, 'unnamed', null],
    // round 22: a copula's phrase with a preposition is no list of nouns said of its subject (PolNeAR train: "Even")
    ['Even as Cosby is coming under attack by dozens of women who claim he assaulted them, he spoke.', 'who', undefined, 'unnamed', 'Even'],
    ['She was one of two women who publicly declared their allegiance after the event.', 'who', undefined, 'unnamed', 'She'],
    // round 22's review: only the copula's own subject, a name opening the sentence
    ['Mr. Smith’s daughter is a nurse who said the hospital was overwhelmed.', 'who', undefined, 'unnamed', 'Smith'],
    ['Sanders said his opponent is a liar and a fraud who says whatever donors want.', 'who', undefined, 'unnamed', 'Sanders'],
    ['The hero of the day was a firefighter who said he was just doing his job.', 'who', undefined, 'unnamed', 'The'],
    ['Obama’s pick is a judge and former prosecutor who has said little about abortion.', 'who', undefined, 'unnamed', 'Obama'],
    // round 10: a "when" inside a relative clause leaves the name before it (PolNeAR train, Steele … when Perez)
    ['Steele, who was lieutenant governor when Perez was on the council, said he was able.', 'Steele, who was lieutenant governor when Perez was on the council,', undefined, 'person', 'Perez'],
    // round 10: a first conjunct that modifies the head both share is no speaker of its own
    ['Liberal and conservative economists said the tax encourages savings.', 'Liberal and conservative economists', undefined, 'unnamed', 'Liberal'],
    ['Current and former officials said the group was a shell.', 'Current and former officials', undefined, 'unnamed', 'Current'],
    ['White House and Pentagon spokesmen said the ban prevented it.', 'White House and Pentagon spokesmen', undefined, 'unnamed', 'White House'],
    ['The Sanders and Clinton campaigns declined to comment.', 'The Sanders and Clinton campaigns', undefined, 'unnamed', 'Sanders'],
    ['GOP and Democratic party chairs said the race was close.', 'GOP and Democratic party chairs', undefined, 'unnamed', 'GOP'],
    // round 11: a surname with a first name stays the person, not the outlet
    ['Steve Forbes said the tax was too high.', 'Steve Forbes', undefined, 'person', 'Forbes'],
    // round 11: a people with a quantifier, or without "the", stays a group
    ['Some Germans said the deal was bad.', 'Some Germans', undefined, 'unnamed', null],
    ['Iranians said the deal was bad.', 'Iranians', undefined, 'unnamed', null],
    // round 11: "the act" names no law
    ['The act would get rid of the requirement.', 'The act', undefined, 'unnamed', null],
    // round 11: members named in a group of a person's people, or of no named body, leave it a group
    ['Trump aides, including Corey Lewandowski, said the plan was set.', 'Trump aides, including Corey Lewandowski,', undefined, 'unnamed', 'Corey Lewandowski'],
    ['Local officials, including Mayor Bill de Blasio, said the plan was set.', 'Local officials, including Mayor Bill de Blasio,', undefined, 'unnamed', 'Bill de Blasio'],
    // round 11: a majority of someone, or forces no name owns, stay groups
    ['A majority of voters said the race was close.', 'A majority of voters', undefined, 'unnamed', null],
    ['Government forces said the town was retaken.', 'Government forces', undefined, 'unnamed', null],
    // round 11: only a poll's or survey's sponsor speaks through it; a person named before "poll" is its subject
    ['A Brookings Institution report found gains.', 'A Brookings Institution report', undefined, 'unnamed', 'Brookings Institution'],
    // (round 12: a lone name before "poll" is its sponsor, a body, unless the article names that person with a first name or title)
    ['Donald Trump spoke. A Trump poll found gains.', 'A Trump poll', 'spoke.', 'unnamed', 'Trump'],
    // round 12: a place, a people, a party or a date before "poll" says whom it asked or when, not who ran it
    ['A New Hampshire poll found gains.', 'A New Hampshire poll', undefined, 'unnamed', 'New Hampshire'],
    ['An Iowa poll found gains.', 'An Iowa poll', undefined, 'unnamed', 'Iowa'],
    ['A Republican poll found gains.', 'A Republican poll', undefined, 'unnamed', null],
    ['A May poll found gains.', 'A May poll', undefined, 'unnamed', null],
    ['A poll of voters from Iowa found gains.', 'A poll of voters from Iowa', undefined, 'unnamed', 'Iowa'],
    ['New Hampshire surveys found gains.', 'New Hampshire surveys', undefined, 'unnamed', 'New Hampshire'],
    // round 12: a word capitalised only because it opens the source is no sponsor
    ['Public polls show a close race, and the public is split.', 'Public polls', undefined, 'unnamed', 'Public'],
    ['Early polls show a close race, but it is early.', 'Early polls', undefined, 'unnamed', 'Early'],
    // round 12: a body's report (no poll, no statement of its own) stays a document
    ['A report from the SITE Intelligence Group found the video.', 'A report from the SITE Intelligence Group', undefined, 'unnamed', null],
    // round 12: a group noun WordNet gives no person as first sense is no person
    ['Donald Trump spoke in Iowa. The crowd chanted his name.', 'The crowd', 'Iowa.', 'unnamed', 'Donald Trump'],
    // round 12: restrictive "that" does not point at a name; "who" after "the editors of" a name stays with the people
    ['Priorities USA made a buy to respond to an ad targeting Iowa that attacks Clinton.', 'that', undefined, 'unnamed', 'Iowa'],
    ['Cruz also has a conglomerate of well-funded super PACs that will make the case.', 'that', undefined, 'unnamed', 'PACs'],
    ['That did not sit well with the editors of The Advocate, who aimed their editorial at Clinton.', 'who', undefined, 'unnamed', 'Advocate'],
    // round 11: an unowned poll takes no sponsor the text names far from it, nor a person's name
    // (four sentences between: single capitals with a full stop would be initials, not sentences)
    ['A CNN poll found Clinton ahead. It rained. It snowed. It hailed. It cleared. A new poll showed Trump moving ahead.', 'A new poll', 'cleared.', 'unnamed', 'CNN'],
    ['A new poll showed Trump moving ahead. Trump said the poll was great.', 'A new poll', undefined, 'unnamed', 'Trump'],
  ];
  test.each(nonMatches)('%s → not %s', (text, source, after, type, notName) => {
    const speaker = resolveOne(text, source, after);
    expect(speaker?.type ?? 'unnamed').toBe(type);
    if (notName) expect(speaker?.name).not.toBe(notName);
  });

  test('"it" with no body named before it has no speaker', () => {
    expect(resolveOne('It said the plan was vague.', 'It')).toBeNull();
  });
});

describe('resolveSpeakers: source type with the article’s other attributions (round 8, in-article harness)', () => {
  // [label, text, attributions, id, what the speaker must match]
  const matches: Array<[string, string, GoldRow[], string, Partial<SpeakerRef>]> = [
    ['a plural "they" takes the plural group speaking near it before a singular body',
      'Labor leaders said the plan was weak. The union said the vote was close. They said the talks would go on.',
      [{ id: 'l', source: 'Labor leaders', cue: 'said', content: 'the plan was weak' }, { id: 'u', source: 'The union', cue: 'said', content: 'the vote was close' },
        { id: 't', source: 'They', cue: 'said', content: 'the talks would go on' }],
      't', { name: 'Labor leaders', type: 'unnamed' }],
    ['a possessive ends a name in the text: "Rep. Alan Grayson’s Senate campaign" names Alan Grayson for "he"',
      'As Rep. Alan Grayson’s Senate campaign began falling apart, he blasted out a new robocall.',
      [{ id: 'h', source: 'he', cue: 'blasted out', content: 'a new robocall' }],
      'h', { name: 'Alan Grayson', type: 'person' }],
    ['"who" after a parenthesis is the name before it',
      'It worked, but Murphy (who was always in favor of gun control) said it cost the party.',
      [{ id: 'w', source: 'who', cue: 'was', content: 'always in favor of gun control' }],
      'w', { name: 'Murphy', type: 'person' }],
    ['"who" after "Jr.," is the name the abbreviation ends',
      'That prompted a response from Donald Trump Jr., who suggested that Lewandowski was bitter.',
      [{ id: 'w', source: 'who', cue: 'suggested', content: 'that Lewandowski was bitter' }],
      'w', { type: 'person' }],
    ['a definite description of one person is the person who spoke last, named by surname only',
      'Trump said the leaders were weak. “We must be tough,” Trump said.\n\nThe Republican candidate appeared to assert his plans.',
      [{ id: 'a', source: 'Trump', cue: 'said', content: 'the leaders were weak' }, { id: 'b', source: 'Trump', cue: 'said', content: 'We must be tough', after: 'tough' },
        { id: 'c', source: 'The Republican candidate', cue: 'appeared to assert', content: 'his plans' }],
      'c', { name: 'Trump', type: 'person' }],
    ['"the poll" is the poll a source named before, and speaks as its owner',
      'The poll by the Public Policy Institute of California showed Clinton ahead.\n\nA\n\nB\n\nC\n\nThe poll, released on Wednesday night, showed Sanders gaining.',
      [{ id: 'a', source: 'The poll by the Public Policy Institute of California', cue: 'showed', content: 'Clinton ahead' },
        { id: 'b', source: 'The poll', cue: 'showed', content: 'Sanders gaining', after: 'C' }],
      'b', { name: 'Public Policy Institute of California', type: 'organization' }],
    ['round 12: an outlet\'s document owned by "its" speaks as the outlet',
      'The Times said the story was true. Its nearly 8,000-word article described a lonely death.',
      [{ id: 't', source: 'The Times', cue: 'said', content: 'the story was true' }, { id: 'a', source: 'Its nearly 8,000-word article', cue: 'described', content: 'a lonely death' }],
      'a', { type: 'media' }],
    ['round 12: "the poll" is the latest poll the text names with an owner, however far back',
      'The Huffington Post-Morning Consult poll of 2,047 voters was released Wednesday.\n\nA\n\nB\n\nC\n\nThe poll shows Trump ahead.',
      [{ id: 'p', source: 'The poll', cue: 'shows', content: 'Trump ahead' }],
      'p', { type: 'media' }],
    ['round 12: "they" with no group speaking near is the two people the text names together before it',
      'The two young reporters are Anna Palmer and Jake Sherman, two of the best-sourced reporters in Washington. They are aware of the task.',
      [{ id: 't', source: 'They', cue: 'are aware of', content: 'the task' }],
      't', { name: 'Anna Palmer and Jake Sherman', type: 'person' }],
    ['round 12: "the news outlet" is the latest outlet speaking',
      'Fox News said the debate was on. The news outlet said it would go ahead.',
      [{ id: 'f', source: 'Fox News', cue: 'said', content: 'the debate was on' }, { id: 'o', source: 'The news outlet', cue: 'said', content: 'it would go ahead' }],
      'o', { name: 'Fox News', type: 'media' }],
    ['round 12: "the editorial" is the outlet\'s the text named before',
      'Nikki Haley should be deported, a headline from the Wall Street Journal editorial board reads. The editorial defends her record.',
      [{ id: 'e', source: 'The editorial', cue: 'defends', content: 'her record' }],
      'e', { type: 'media' }],
    ['a one-word name whose report says "it" of itself is a body',
      'Coca-Cola indicated it would give $75,000 to the convention.',
      [{ id: 'c', source: 'Coca-Cola', cue: 'indicated', content: 'it would give $75,000 to the convention' }],
      'c', { name: 'Coca-Cola', type: 'organization' }],
  ];
  test.each(matches)('%s', (_label, text, goldRows, id, expected) => {
    expect(resolveAll(text, goldRows)[id]).toMatchObject(expected);
  });

  // [label, text, attributions, id, type it must have, name it must not have]
  const nonMatches: Array<[string, string, GoldRow[], string, SourceType, string | null]> = [
    ['a body that spoke many paragraphs back is not "they"',
      'The government said the case was closed.\n\nA\n\nB\n\nC\n\nI sat down. They had tears in their eyes.',
      [{ id: 'g', source: 'The government', cue: 'said', content: 'the case was closed' }, { id: 't', source: 'They', cue: 'had tears in their eyes', content: 'their eyes' }],
      't', 'unnamed', 'The government'],
    ['"Donald Trump Jr." is not Donald Trump',
      'Donald Trump said the staff was fine. That prompted a response from Donald Trump Jr., who suggested that Lewandowski was bitter.',
      [{ id: 'd', source: 'Donald Trump', cue: 'said', content: 'the staff was fine' }, { id: 'w', source: 'who', cue: 'suggested', content: 'that Lewandowski was bitter' }],
      'w', 'person', 'Donald Trump'],
    ['"the poll" after a report by a body is not that body',
      'A report by the Brookings Institution found gains. The poll showed Sanders gaining.',
      [{ id: 'a', source: 'A report by the Brookings Institution', cue: 'found', content: 'gains' }, { id: 'b', source: 'The poll', cue: 'showed', content: 'Sanders gaining' }],
      'b', 'unnamed', 'Brookings Institution'],
    ['a place after "outside" is no person: the phrase is the group it describes',
      'Voters outside metro New York know little of him.',
      [{ id: 'v', source: 'Voters outside metro New York', cue: 'know', content: 'little of him' }],
      'v', 'unnamed', 'New York'],
    ['round 12: a plural noun in the pronoun\'s own sentence is nearer than a pair named before',
      'The state backed Reid Ribble and Glenn Grothman. The win is a boost for anti-Trump forces as they try to stop him.',
      [{ id: 't', source: 'they', cue: 'try', content: 'to stop him' }],
      't', 'unnamed', 'Reid Ribble and Glenn Grothman'],
    ['round 12: "the editorial" with no outlet named before stays a document',
      'Clinton did not go to Louisiana. The editorial said she should.',
      [{ id: 'e', source: 'The editorial', cue: 'said', content: 'she should' }],
      'e', 'unnamed', null],
    ['round 12: "the poll" after a poll of a place is nobody\'s',
      'A New Hampshire poll found gains. The poll showed Sanders ahead.',
      [{ id: 'p', source: 'The poll', cue: 'showed', content: 'Sanders ahead' }],
      'p', 'unnamed', 'New Hampshire'],
    ['a dummy "it is hard" does not make a surname a body',
      'Groberg said it is hard to blame any one person for that.',
      [{ id: 'g', source: 'Groberg', cue: 'said', content: 'it is hard to blame any one person for that' }],
      'g', 'person', null],
  ];
  test.each(nonMatches)('%s', (_label, text, goldRows, id, type, notName) => {
    const speaker = resolveAll(text, goldRows)[id];
    expect(speaker?.type ?? 'unnamed').toBe(type);
    if (notName) expect(speaker?.name).not.toBe(notName);
  });
});
