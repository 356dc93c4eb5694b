/**
 * Pass 11, transcripts: a paragraph opened by a speaker's label in capitals and a colon is that speaker's turn
 * (the colon the cue, the label the source), with the paragraphs that go on in quotation marks without a label.
 * Newsroom labels ("BYLINE:", "CORRECTION:", "WATCH:") are no speakers.
 */
import { interviewAnswers, transcripts } from '../../../src/engine/passes/11-transcripts';
import { texts, upTo } from '../../helpers/passes';
import { analyze } from '../../../src/engine/index';

/** [sources, contents] of each turn (an attribution whose cue is a colon) found by the end of the pass. */
const turns = (text: string): Array<[string[], string[]]> => upTo(transcripts, text).found
  .filter((attribution) => attribution.cue?.text === ':')
  .map((attribution) => [texts(attribution.sources), texts(attribution.contents)]);

const TRANSCRIPT = [
  'Partial transcript as follows:',
  '"WALLACE: Let’s start with breaking news on the debate story. Will she be there tomorrow night?',
  '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.',
  '"And we are going to keep talking about the issues.',
  '"(CROSSTALK.)',
  '"WALLACE: Governor, I don’t want to interrupt.',
].join('\n\n');

describe('transcriptLines: a capitals label and a colon open a speaker’s turn', () => {
  test.each([
    ['each turn, a paragraph without a label going on, a stage direction ending it', TRANSCRIPT, [
      [['WALLACE'], ['Let’s start with breaking news on the debate story. Will she be there tomorrow night?']],
      [['PENCE'], ['Gennifer Flowers will not be attending the debate tomorrow night.', 'And we are going to keep talking about the issues.']],
      [['WALLACE'], ['Governor, I don’t want to interrupt.']],
    ]],
    ['a label of three words with a title', 'SEN. JOHN KENNEDY: We have to get the spending under control this year.', [
      [['SEN. JOHN KENNEDY'], ['We have to get the spending under control this year.']],
    ]],
    ['a quoted paragraph after the turn goes on with it', 'WALLACE: Let’s start with the news.\n\n"And then the weather."', [
      [['WALLACE'], ['Let’s start with the news.', 'And then the weather.']],
    ]],
  ])('%s', (_what, text, expected) => {
    expect(turns(text)).toEqual(expected);
  });

  test('a turn is direct speech, said with confidence 0.9', () => {
    const [turn] = upTo(transcripts, 'WALLACE: Let’s start with the news.').found;
    expect(turn).toMatchObject({ kind: 'direct', cueLemma: 'say', confidence: 0.9 });
  });

  // Round 19 (PolNeAR read as pages, half B): a transcript printed without quotation marks; the tagger had read its
  // turns from their colons as indirect reports cut at the first comma ("TAPPER: And obviously").
  const UNQUOTED = [
    'Partial transcript as follows:',
    'JAKE TAPPER: And obviously, you’re supporting Donald Trump, I think there are probably some skeptical Americans.',
    'Specifically I’ve heard from a number of Latino-Americans, all expressing concern about some of the things that Donald Trump has said.',
    '(BEGIN VIDEO CLIP.)',
    'FALLIN: Well, I think the whole nation needs to work together.',
    'Follow Pam Key On Twitter.',
  ].join('\n\n');
  test('in a transcript without quotation marks, each turn is direct and whole, and goes on up to the next label or stage direction', () => {
    expect(turns(UNQUOTED)).toEqual([
      [['JAKE TAPPER'], ['And obviously, you’re supporting Donald Trump, I think there are probably some skeptical Americans.',
        'Specifically I’ve heard from a number of Latino-Americans, all expressing concern about some of the things that Donald Trump has said.']],
      [['FALLIN'], ['Well, I think the whole nation needs to work together.']],
    ]);
    expect(upTo(transcripts, UNQUOTED).found.filter((attribution) => attribution.cue?.text === ':').every((attribution) => attribution.kind === 'direct')).toBe(true);
  });

  test('in a transcript in quotation marks, narration between turns is no part of them', () => {
    expect(turns('"WALLACE: Let’s start with the news.\n\nPence then turned to the economy.\n\n"PENCE: Jobs are coming back.')).toEqual([
      [['WALLACE'], ['Let’s start with the news.']],
      [['PENCE'], ['Jobs are coming back.']],
    ]);
  });

  test('a paragraph with no opening mark does not go on with the turn', () => {
    expect(turns('WALLACE: Let’s start with the news.\n\nThe senator spoke at length on Monday.')).toEqual([[['WALLACE'], ['Let’s start with the news.']]]);
  });

  test.each([
    ['a byline', 'BYLINE: Amber Phillips.\n\nThe senator spoke at length on Monday.'],
    ['a correction', 'The vote was close.\n\nCORRECTION: An earlier version of this story misstated the date of the vote.'],
    ['a headline with a label', 'BUSTED: Emails Reveal Campaign Aide And Reporter Caught Working Together'],
    ['a "watch" label', 'WATCH: The president speaks on the economy tonight.'],
    ['a label not in capitals', 'Wallace: Let’s start with the news tonight.'],
    ['a label of more than three words', 'THE WHITE HOUSE PRESS OFFICE: The president will travel to Ohio.'],
  ])('not a turn: %s', (_what, text) => {
    expect(turns(text)).toEqual([]);
  });
});

/**
 * Interviews printed as questions and answers: each "A:" paragraph is the words of the one the introduction
 * says is interviewed, with the unmarked paragraphs after it until the next question; the markers are nobody.
 */
describe('interviewAnswers: "A:" answers the question before it, in the interviewee’s words', () => {
  const INTERVIEW = [
    'Actress Diane Guerrero has a new memoir. Diane Guerrero spoke to us about it; her editor, Paul Stone, sat in.',
    'Q: You open your book on May 17, 2001. What did you find?',
    'A: I came home from school and my parents were gone.',
    'It was the worst day of my life, and I remember all of it.',
    'Q: Did anyone take care of you?',
    'A: No one did. No one checked up.',
    'This interview has been edited for length.',
  ].join('\n\n');
  const answers = (text: string) => upTo(transcripts, text).found
    .filter((attribution) => attribution.cue?.text === 'A:')
    .map((attribution) => [texts(attribution.sources), texts(attribution.contents)]);

  test('each answer, an unmarked paragraph before the next question going on with it, none after the last', () => {
    expect(answers(INTERVIEW)).toEqual([
      [['Diane Guerrero'], ['I came home from school and my parents were gone.', 'It was the worst day of my life, and I remember all of it.']],
      [['Diane Guerrero'], ['No one did. No one checked up.']],
    ]);
  });

  test('an answer is direct speech, said with confidence 0.9', () => {
    const [answer] = upTo(transcripts, INTERVIEW).found.filter((attribution) => attribution.cue?.text === 'A:');
    expect(answer).toMatchObject({ kind: 'direct', cueLemma: 'say', confidence: 0.9 });
  });

  test('the questions name others at length: only the introduction counts', () => {
    const text = [
      'Q&A with Vice President Joe Biden. Vice President Joe Biden spoke with reporter Jim Tankersley. Biden defended Bernie Sanders.',
      'Q: Bernie Sanders says the economy is rigged. Is Bernie Sanders right?',
      'A: He has a point about the banks.',
      'Q: Will Bernie Sanders win the nomination?',
      'A: Nobody knows yet.',
    ].join('\n\n');
    expect(answers(text).map(([sources]) => sources)).toEqual([['Joe Biden'], ['Joe Biden']]);
  });

  test('a first name no list knows is a name when a question addresses it', () => {
    const text = [
      'The company is thrilled to have Junior Gaspard as its new chief. We asked him to share some insights.',
      'Q: Junior – what are two words to describe how it felt?',
      'A: Inspired and humbled! To be in this role is tremendous.',
      'Q: How do you prioritize your day?',
      'A: I block time for meetings and separate time for emails.',
    ].join('\n\n');
    expect(answers(text).map(([sources]) => sources)).toEqual([['Junior Gaspard'], ['Junior Gaspard']]);
  });

  test.each([
    ['two people named as often: no one guessed', [
      'Maria Lopez and John Carter met our reporter.', 'Q: What happened?', 'A: We talked for hours.', 'Q: And then?', 'A: We went home.',
    ]],
    ['one question and one answer are no interview', ['Diane Guerrero spoke to us.', 'Q: What happened?', 'A: We talked for hours.']],
    ['answers before any question', ['Diane Guerrero spoke to us.', 'A: We talked for hours.', 'A: We went home.', 'Q: And then?', 'Q: Really?']],
    ['no person named before the first question', ['The company spoke to us.', 'Q: What happened?', 'A: We talked for hours.', 'Q: And then?', 'A: We went home.']],
  ])('no answers: %s', (_what, paragraphs) => {
    expect(answers(paragraphs.join('\n\n'))).toEqual([]);
  });

  test('"A." opening a sentence about someone named A. is no answer outside an interview', () => {
    expect(answers('Diane Guerrero spoke.\n\nA. Smith said the vote was rigged.\n\nA. Jones agreed.')).toEqual([]);
  });

  test('readings that took a marker for their source are dropped, in an interview only', () => {
    const marker = { id: '', cue: { start: 1, end: 2, text: ':' }, sources: [{ start: 0, end: 1, text: 'Q' }], contents: [], kind: 'indirect' as const, speaker: null, confidence: 0.5 };
    const interview = 'Diane Guerrero spoke to us.\n\nQ: What happened?\n\nA: We talked.\n\nQ: And then?\n\nA: We left.';
    expect(interviewAnswers(interview, upTo(transcripts, interview).tokenized, [marker]).markers).toEqual(new Set([marker]));
    const notInterview = 'Diane Guerrero spoke to us.\n\nQ: What happened?\n\nShe left.';
    expect(interviewAnswers(notInterview, upTo(transcripts, notInterview).tokenized, [marker]).markers.size).toBe(0);
  });
  test('through the whole pipeline, an "I" inside an answer is the interviewee, not the writer', () => {
    const text = ['Actress Diane Guerrero has a new memoir. Diane Guerrero spoke to us about it.', 'Q: What did you find?',
      'A: I came home from school and my parents were gone. I told my teacher that I was alone.', 'Q: Did anyone help?', 'A: No one did.'].join('\n\n');
    const { quotes, speakers } = analyze(text);
    expect(quotes.find((quote) => quote.cue?.text === 'told')?.speaker?.name).toBe('Diane Guerrero');
    expect(speakers.map((speaker) => speaker.name)).toEqual(['Diane Guerrero']);
  });
});
