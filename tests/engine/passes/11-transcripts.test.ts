/**
 * Pass 11, transcripts: a paragraph opened by a speaker's label in capitals and a colon is that speaker's turn
 * (the colon the cue, the label the source), with the paragraphs that go on in quotation marks without a label.
 * Newsroom labels ("BYLINE:", "CORRECTION:", "WATCH:") are no speakers.
 */
import { transcripts } from '../../../src/engine/passes/11-transcripts';
import { texts, upTo } from '../../helpers/passes';

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
