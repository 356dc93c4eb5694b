import { sentenceStartBefore, textSinceBoundary } from '../../../src/engine/passes/16-speakers/resolve';

/** The definitions the scanners replace: each searched the whole text before `at`, so its cost grew with the text. */
const searchedStart = (text: string, end: number) => text.slice(0, end).search(/[^.!?\n]*[.!?\n]?["”’]?\s*$/);
const splitLast = (text: string, at: number) => text.slice(0, at).split(/[.!?]["”’]?\s+|\n/).pop();

/** Texts made of the characters that matter to both definitions, from a fixed seed (the same cases every run). */
function* texts(count: number, length: number): Generator<string> {
  const alphabet = ['a', 'b', ' ', ' ', '.', '!', '?', '\n', '"', '”', '’', 'x', '\t'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let made = 0; made < count; made++) {
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
    yield text;
  }
}

describe('sentenceStartBefore', () => {
  it.each([
    ['One. Two three', 14, 4],
    ['One. Two three. ', 16, 4],
    ['He said “Go.” Then', 14, 0],
    ['a\n\nb', 4, 3],
    ['a.\n\n', 4, 0],
    ['', 0, 0],
  ])('%j up to %i starts at %i', (text, end, expected) => {
    expect(sentenceStartBefore(text, end)).toBe(expected);
    expect(searchedStart(text, end)).toBe(expected);
  });

  // Round 18: "Mr. Bush's father" had split a sentence, and its opening subject was lost (the speaker-name check).
  it.each([
    ["C. Boyden Gray, counsel under Mr. Bush's father, said it", 56, 0],
    ['It was over. Sen. Smith and J. Edgar Hoover left', 48, 12],
    // Round 19 (PolNeAR read as pages, half A): an acronym's full stop before a word in lower case.
    ['Recently, Cain was asked why men are coming to the U.S. as refugees', 67, 0],
    ['They came to the U.S. It was late', 33, 21],
  ])('a title\'s or an initial\'s full stop ends no sentence: %j up to %i starts at %i', (text, end, expected) => {
    expect(sentenceStartBefore(text, end)).toBe(expected);
  });

  it('agrees with searching the text before the end, on 2,000 texts at every end', () => {
    for (const text of texts(2_000, 40)) {
      for (let end = 0; end <= text.length; end++) expect([text, end, sentenceStartBefore(text, end)]).toEqual([text, end, searchedStart(text, end)]);
    }
  });
});

describe('textSinceBoundary', () => {
  it.each([
    ['First one. Second one', 21, 'Second one'],
    ['No boundary at all', 18, 'No boundary at all'],
    ['U.S. aid', 8, 'aid'],
    ['Line\nnext', 9, 'next'],
  ])('%j up to %i is %j', (text, at, expected) => {
    expect(textSinceBoundary(text, at)).toBe(expected);
  });

  it('agrees with splitting the whole text before `at`, windows crossing long runs of spaces and marks', () => {
    for (const text of texts(300, 3_000)) {
      for (let at = 0; at <= text.length; at += 97) expect([at, textSinceBoundary(text, at)]).toEqual([at, splitLast(text, at)]);
    }
    const sparse = `${'word '.repeat(900)}. ${' '.repeat(1_500)}tail end`;
    expect(textSinceBoundary(sparse, sparse.length)).toBe(splitLast(sparse, sparse.length));
  });
});
