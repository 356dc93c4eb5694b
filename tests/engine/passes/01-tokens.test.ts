/**
 * Pass 1, tokens (core/tokens.ts): words with each punctuation mark split out, character offsets, sentence and
 * paragraph numbers, which quotation marks open or close, and which tokens stand inside a double quotation.
 */
import { tokens as tokensPass } from '../../../src/engine/passes/01-tokens';
import { upTo } from '../../helpers/passes';

/** The tokens, each quotation mark followed by (open) or (close). */
const shown = (text: string): string => upTo(tokensPass, text).tokenized.tokens
  .map((token) => token.text + (token.quote ? `(${token.quote})` : '')).join(' ');

describe('tokens: punctuation split out, quotation marks opening and closing', () => {
  test.each([
    ['curly double marks', '“We will win,” she said.', '“(open) We will win , ”(close) she said .'],
    ['straight double marks', '"We will win," she said.', '"(open) We will win , "(close) she said .'],
    ['two apostrophes are one mark', "''We will win,'' she said.", "''(open) We will win , ''(close) she said ."],
    ['a low-9 mark opens, a high one closes', '„We will win,“ he said.', '„(open) We will win , “(close) he said .'],
    ['guillemets', '«We will win,» he said.', '«(open) We will win , »(close) he said .'],
    ['single curly marks around a word', 'He said ‘no’ twice.', 'He said ‘(open) no ’(close) twice .'],
    ['a single mark closing after a word in -s that one opened', "He called them 'crooks' and left.", "He called them '(open) crooks '(close) and left ."],
    ['a possessive before a single quotation', "The boys' 'big day' was fun.", "The boys ' '(open) big day '(close) was fun ."],
    ['two hyphens are one dash', 'The war -- a long one -- ended.', 'The war -- a long one -- ended .'],
    ['a possessive is split from its name', 'Trump’s plan failed.', 'Trump ’s plan failed .'],
    ['a mark glued after a comma opens', 'Ryan said,“Look, we won.”', 'Ryan said , “(open) Look , we won . ”(close)'],
    ['a mark glued before the next word closes', '“We won.”He left.', '“(open) We won . ”(close) He left .'],
    ['a straight mark glued after a colon opens', 'He said:"We won."', 'He said : "(open) We won . "(close)'],
    // Round 22 (PolNeAR read as pages, batch C's second part): compromise made one term of "“…".
    ['a mark and an ellipsis opening a paragraph', '“… they still go on lying.”', '“(open) … they still go on lying . ”(close)'],
  ])('%s: %s', (_what, text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  test.each([
    ['an apostrophe inside a word', 'Don’t go.', 'Don’t go .'],
    ['a straight possessive', "Trump's plan", "Trump 's plan"],
    ['the full stops of an abbreviation', 'U.S. officials spoke.', 'U.S. officials spoke .'],
    ['a mark after a word with a space before the next', '“We won,” he said.', '“(open) We won , ”(close) he said .'],
    // Round 20, PolNeAR read as pages (batch C's read part): the mark after "Sanders" closed a quotation never opened.
    ['a plural’s possessive apostrophe', "Sanders' win marks something new.", "Sanders ' win marks something new ."],
    ['a curly plural possessive', 'The Clintons’ house is big.', 'The Clintons ’ house is big .'],
  ])('leaves alone %s: %s', (_what, text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  test('every token is the text at its offsets, a no-break space read as a plain one', () => {
    const text = '“Maybe we can build a wall around him.” ―\u00a0Steve Quinlan.';
    const { tokens } = upTo(tokensPass, text).tokenized;
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((token) => token.text).slice(-4)).toEqual(['―', 'Steve', 'Quinlan', '.']);
  });
});

describe('tokens: sentences and paragraphs', () => {
  const sentencesOf = (text: string): string[] => {
    const state = upTo(tokensPass, text);
    const { tokens, sentences } = state.tokenized;
    return sentences.map(([from, to]) => text.slice(tokens[from].start, tokens[to - 1].end));
  };
  test.each([
    ['a title’s full stop ends no sentence', 'Rep. Jason Chaffetz spoke. He left.', ['Rep. Jason Chaffetz spoke.', 'He left.'], 1],
    ['a line break ends a paragraph', 'The vote was close.\n\nA recount followed.', ['The vote was close.', 'A recount followed.'], 2],
    ['blank lines make no paragraph', 'The vote was close.\n\n\n\nA recount followed.', ['The vote was close.', 'A recount followed.'], 2],
    ['a question mark inside a quotation ends it', 'Was it “fake news”? Yes.', ['Was it “fake news”?', 'Yes.'], 1],
    ['a full stop before a word in lower case ends no sentence', 'VW says it will do that with all ID. models soon. Then it left.', ['VW says it will do that with all ID. models soon.', 'Then it left.'], 1],
    ['must still end: a full stop before a capital', 'Then the ID. Space came.', ['Then the ID.', 'Space came.'], 1],
    ['must still end: a full stop before a quotation opening in lower case', 'He stopped. “yes,” she said.', ['He stopped.', '“yes,” she said.'], 1],
    // Round 16: a full stop inside closing marks ends the sentence before a capitalised word…
    ['a full stop inside closing marks, then a capital', 'The deal was “a gift to the Democrats.” His spokeswoman disagreed.', ['The deal was “a gift to the Democrats.”', 'His spokeswoman disagreed.'], 1],
    // …unless a verb of saying follows the name there, and never before a word in lower case.
    ['must not end: a name and "said" after the marks', '“We are leaving.” Smith said.', ['“We are leaving.” Smith said.'], 1],
    ['must not end: a word in lower case after the marks', '“We are leaving.” he said.', ['“We are leaving.” he said.'], 1],
    // Round 23 (batch G's read part): a title's abbreviation glued to "then-" or "ex-" ends no sentence either…
    ['a title after a hyphen', 'He compared Clinton and then-Sen. Barack Obama on trade.', ['He compared Clinton and then-Sen. Barack Obama on trade.'], 1],
    ['a title after "ex-"', 'Aides to ex-Gov. Jane Smith left. It rained.', ['Aides to ex-Gov. Jane Smith left.', 'It rained.'], 1],
    // …but a hyphenated word that is no title still ends one.
    ['must still end: a hyphenated word that is no title', 'He met the co-Founder. Then he left.', ['He met the co-Founder.', 'Then he left.'], 1],
    // Round 23's review: a hyphenated surname or a full title word after a hyphen ends its sentence.
    ['must still end: a hyphenated surname', '“We never gave up,” said Angela Lewis-Lord. The team celebrated.', ['“We never gave up,” said Angela Lewis-Lord.', 'The team celebrated.'], 1],
    ['must still end: a title word that is no abbreviation', 'He met the boy-King. Crowds cheered.', ['He met the boy-King.', 'Crowds cheered.'], 1],
  ])('%s: %j', (_what, text, sentences, paragraphs) => {
    expect(sentencesOf(text)).toEqual(sentences);
    expect(upTo(tokensPass, text).tokenized.paragraphs).toHaveLength(paragraphs);
  });
});

describe('tokens: inside a double quotation', () => {
  const quotedWords = (text: string): string => upTo(tokensPass, text).tokenized.tokens
    .filter((token) => token.inQuote && !token.isPunct).map((token) => token.text).join(' ');
  test.each([
    ['between its marks', '“We will win,” she said.', 'We will win'],
    ['a quotation running on from before the paragraph', 'it ends here.” Then he left.', 'it ends here'],
    ['a paragraph wrapped in marks around a quotation: only the inner one', '“Lavrov said: “I don’t know.” A spokesman agreed.”', 'I don’t know'],
    ['an unclosed quotation stops at the paragraph', '“We will win.\n\nThen he left.', 'We will win'],
    // latimes-disney: a closing mark set between spaces had been read as opening, and the quotation ran on.
    ['a closing mark standing between spaces closes', '“We continue to see ” Mayer said. The company agreed.', 'We continue to see'],
    ['a mark standing between spaces opens when no quotation is open', 'He said “ we will win” and left.', 'we will win'],
    // Round 23 (batch E's second part): a mark glued to the comma ending the open quotation closes it, space or none after.
    ['a closing mark glued to the next word after a comma', '"Trump says different things to different audiences,"Katie Packer said in a statement.', 'Trump says different things to different audiences'],
    ['a mark glued to a comma opens when no quotation is open', 'He paused,"We will win," and left.', 'We will win'],
  ])('%s: %j', (_what, text, expected) => {
    expect(quotedWords(text)).toBe(expected);
  });

  test.each([
    ['single marks', 'He said ‘no’ twice.'],
    ['no marks', 'He said no twice.'],
  ])('nothing for %s: %s', (_what, text) => {
    expect(quotedWords(text)).toBe('');
  });
});
