/**
 * Pass 14, block quotations: the page's <blockquote> passages (hints), which have no quotation marks of their
 * own. One signed on its last line is the signer's; one right after a paragraph whose attribution names a
 * source continues it; a pull quote, or one with nobody before it, is no one's.
 */
import { blockQuotes } from '../../../src/engine/passes/14-block-quotes';
import { texts, upTo } from '../../helpers/passes';

/** The state after the pass, with the block quotation `block` (a part of `text`) as the page's hint. */
const withBlock = (text: string, block: string) => {
  const start = text.indexOf(block);
  if (start < 0) throw new Error(`${block} not in ${text}`);
  return upTo(blockQuotes, text, { blockQuotes: [{ start, end: start + block.length }] });
};

const ASKAR = 'Askar has released attack code he said exploits the bug. Here is how it works.\n\nThe bug stems from the fact that the client may send the server anything it likes.\n\nThat is a problem for every server.';
const STUDY = (signature: string) => `The study came out on Monday.\n\nThe act of becoming aware of a decision follows the same process.\n\n${signature}\n\nMore text follows here.`;
const ACT = 'The act of becoming aware of a decision follows the same process.';

describe('blockQuotedPassages: a <blockquote> is a quotation without marks', () => {
  test('it continues the last attribution with a source in the paragraph before it', () => {
    const state = withBlock(ASKAR, 'The bug stems from the fact that the client may send the server anything it likes.');
    expect(state.followOns.map(({ attribution, follows }) => [texts(attribution.contents), attribution.kind, attribution.cue, follows.cue?.text, texts(follows.sources)]))
      .toEqual([[['The bug stems from the fact that the client may send the server anything it likes.'], 'direct', null, 'said', ['he']]]);
  });

  test.each([
    ['a name and a degree', 'Michael Shadlen, Ph.D.', 'Michael Shadlen', null, 0.7],
    ['a dash, a handle and a date: the dash is the cue', '— Jane Doe (@jdoe) May 4, 2017', 'Jane Doe', '—', 0.9],
    ['a display name in lower case, with its handle', '— tall glass of coquito (@_orabora) November 19, 2019', 'tall glass of coquito', '—', 0.9],
  ])('a signature line makes it the signer’s: %s', (_what, signature, signer, cue, confidence) => {
    const state = withBlock(STUDY(signature), `${ACT}\n\n${signature}`);
    expect(state.found.map((a) => [a.cue?.text ?? null, texts(a.sources), texts(a.contents), a.kind, a.confidence])).toEqual([[cue, [signer], [ACT], 'direct', confidence]]);
  });

  test.each([
    ['a lower-case line with no handle', '— tall glass of coquito, November 19, 2019'],
    ['a lower-case line with no dash', 'tall glass of coquito (@_orabora) November 19, 2019'],
  ])('no signature: %s', (_what, signature) => {
    const state = withBlock(STUDY(signature), `${ACT}\n\n${signature}`);
    expect(state.found.filter((a) => a.sources.length > 0 && a.cue?.text !== 'came')).toEqual([]);
  });

  test('a signed post replaces what a reading of its words found with no source, and keeps one that names its own', () => {
    const post = 'It seems like the rest of the campaigns are just as bad.';
    const signed = withBlock(STUDY('— Mike Beauvais (@MikeBeauvais) November 18, 2019').replace(ACT, post), `${post}\n\n— Mike Beauvais (@MikeBeauvais) November 18, 2019`);
    expect(signed.found.filter((a) => a.contents.some((c) => post.includes(c.text))).map((a) => texts(a.sources))).toEqual([['Mike Beauvais']]);
    const review = 'Google tells us the service will grow.';
    const named = withBlock(STUDY('— A Reviewer (@reviewer) November 18, 2019').replace(ACT, review), `${review}\n\n— A Reviewer (@reviewer) November 18, 2019`);
    expect(named.found.map((a) => texts(a.sources))).toContainEqual(['Google']);
    // Both stand: the review is the reviewer's, the report inside it Google's (digg-stadia's annotation asks for both).
    expect(named.found.map((a) => texts(a.sources))).toContainEqual(['A Reviewer']);
  });

  test.each([
    ['in brackets', '[Engadget]', 'Engadget', null],
    ['in brackets, spaced', "[ Tom's Guide ]", "Tom's Guide", null],
    ['after a dash: the dash is the cue', '— The Verge', 'The Verge', '—'],
  ])('a credit on the line after the passage makes it the credited source’s: %s', (_what, credit, source, cue) => {
    const text = `The early reviews are in.\n\n${ACT}\n\n${credit}\n\nMore text follows here.`;
    const state = withBlock(text, ACT);
    expect(state.found.filter((a) => a.cue?.text !== 'are').map((a) => [a.cue?.text ?? null, texts(a.sources), texts(a.contents), a.kind])).toEqual([[cue, [source], [ACT], 'direct']]);
  });

  test.each([
    ['a bare name (a subheading reads the same)', 'The Verdict'],
    ['brackets around a sentence', '[This was edited for length.]'],
    ['a bracket that does not close the line', '[Engadget] said more'],
    ['a long line after a dash', '— and then the rest of the review went on for quite a while'],
  ])('no credit after the passage: %s', (_what, line) => {
    const text = `The early reviews are in.\n\n${ACT}\n\n${line}\n\nMore text follows here.`;
    const state = withBlock(text, ACT);
    expect(state.found.filter((a) => a.contents.some((c) => c.text === ACT))).toEqual([]);
  });

  test('a last line that asks a question is no signature: the passage continues the speaker before it', () => {
    const text = `Michael Shadlen said the results were clear.\n\n${ACT}\n\nWhy does it matter so much?\n\nMore text follows here.`;
    const state = withBlock(text, `${ACT}\n\nWhy does it matter so much?`);
    expect(state.found.filter((a) => a.cue === null)).toEqual([]);
    expect(state.followOns.map(({ attribution, follows }) => [texts(attribution.contents), follows.cue?.text])).toEqual([[[`${ACT}\n\nWhy does it matter so much?`], 'said']]);
  });

  test.each([
    ['no one before it and no signature', `The study came out on Monday.\n\n${ACT}\n\nMore text follows here.`, ACT],
    ['no attribution with a source in the paragraph before', ASKAR.replace('he said exploits', 'which exploits').replace('Askar has released', 'A patch was released for'), 'The bug stems from the fact that the client may send the server anything it likes.'],
    ['a pull quote repeating a quotation of the article', '“There have been several past claims of this kind that have been proven false,” Col. Ryan Dillon said.\n\nCapt. Jeff Davis said there was no information to corroborate the report.\n\nThere have been several past claims of this kind that have been proven false.\n\nThe end.',
      'There have been several past claims of this kind that have been proven false.'],
  ])('no one’s: %s', (_what, text, block) => {
    const state = withBlock(text, block);
    expect(state.followOns).toEqual([]);
    expect(state.found.filter((a) => a.cue === null)).toEqual([]);
  });

  test('no hint, no block quotation', () => {
    expect(upTo(blockQuotes, ASKAR).followOns).toEqual([]);
  });
});
