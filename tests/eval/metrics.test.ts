import type { Attribution, Span } from '../../src/shared/attribution';
import { countDocument, evaluate, isDirectQuotation, toScores, type GoldAttribution } from '../../eval/metrics';

const TEXT = '"We will win," said John Smith. The mayor told reporters that taxes would fall. It rained.';

/** The span of the first occurrence of `phrase` (or of the `nth` one) in TEXT. */
function at(phrase: string, nth = 0, text = TEXT): Span {
  let start = -1;
  for (let index = 0; index <= nth; index++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length, text: phrase };
}

function gold(cue: string, sources: string[], contents: string[]): GoldAttribution {
  return { cue: [at(cue)], sources: sources.map((s) => at(s)), contents: contents.map((c) => at(c)) };
}

function predicted(cue: string | null, sources: string[], contents: string[]): Attribution {
  return {
    id: `p-${cue}-${contents.join('|')}`,
    cue: cue === null ? null : at(cue),
    sources: sources.map((s) => at(s)),
    contents: contents.map((c) => at(c)),
    kind: 'direct',
    speaker: null,
    confidence: 1,
  };
}

const SMITH = gold('said', ['John Smith'], ['"We will win,"']);
const MAYOR = gold('told', ['The mayor'], ['that taxes would fall']);
const GOLD = [SMITH, MAYOR];
const score = (predictions: Attribution[], goldAttributions = GOLD) => toScores(countDocument(TEXT, goldAttributions, predictions));

describe('metrics: gold as prediction scores 1 everywhere', () => {
  const perfect = score([predicted('said', ['John Smith'], ['"We will win,"']), predicted('told', ['The mayor'], ['that taxes would fall'])]);
  test.each([
    ['exact cue', perfect.exact.cue.f1],
    ['exact source', perfect.exact.source.f1],
    ['exact content', perfect.exact.content.f1],
    ['overlap cue', perfect.overlap.cue.f1],
    ['overlap source', perfect.overlap.source.f1],
    ['overlap content', perfect.overlap.content.f1],
    ['attribution', perfect.attribution.f1],
    ['who-said-what', perfect.whoSaidWhat.f1],
    ['direct quotes', perfect.directQuoteRecall],
  ])('%s', (_name, value) => expect(value).toBe(1));
});

describe('metrics: partial predictions', () => {
  test('a content one token short is wrong exactly but still an attribution match', () => {
    const result = score([predicted('told', ['The mayor'], ['taxes would fall'])]);
    expect(result.exact.content).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(result.exact.cue.precision).toBe(1);
    expect(result.exact.cue.recall).toBe(0.5);
    // 3 of the prediction's 3 content tokens are gold; 3 of gold's 4 + 3 = 7 are found.
    expect(result.overlap.content.precision).toBe(1);
    expect(result.overlap.content.recall).toBeCloseTo(3 / 7);
    expect(result.attribution).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(result.whoSaidWhat.recall).toBe(0.5);
  });

  test('the right content and cue with the wrong source counts for attribution but not who-said-what', () => {
    const result = score([predicted('said', ['reporters'], ['"We will win,"'])]);
    expect(result.attribution.precision).toBe(1);
    expect(result.whoSaidWhat.precision).toBe(0);
    expect(result.exact.source.precision).toBe(0);
    expect(result.directQuoteRecall).toBe(0);
  });

  test('an overlapping source counts for who-said-what ("Smith" inside "John Smith")', () => {
    const result = score([predicted('said', ['Smith'], ['"We will win,"'])]);
    expect(result.whoSaidWhat.precision).toBe(1);
    expect(result.exact.source.precision).toBe(0);
    expect(result.overlap.source.precision).toBe(1);
    expect(result.overlap.source.recall).toBeCloseTo(1 / 4);
    expect(result.directQuoteRecall).toBe(1);
  });

  test('both sources absent agree for who-said-what and exact source', () => {
    const unnamed = gold('told', [], ['that taxes would fall']);
    const result = score([predicted('told', [], ['that taxes would fall'])], [unnamed]);
    expect(result.whoSaidWhat.f1).toBe(1);
    expect(result.exact.source.f1).toBe(1);
  });

  test('content Dice just under 0.5 does not match', () => {
    // "taxes" vs "that taxes would fall": Dice = 2·1 / (1 + 4) = 0.4.
    const result = score([predicted('told', ['The mayor'], ['taxes'])]);
    expect(result.attribution.precision).toBe(0);
  });

  test.each([
    // [predicted content tokens of gold "b c d", Dice, matches]
    [[[2, 3]], 2 / 4, true],
    [[[2, 3], [4, 5]], 4 / 5, true],
    [[[2, 7]], 1, true],
    [[[8, 9]], 0, false],
    [[[2, 3], [8, 9], [10, 11]], 2 / 6, false],
  ])('content spans %j: Dice %f, match %s (threshold 0.5 inclusive)', (spans, _dice, matches) => {
    const text = 'a b c d e f';
    const goldSplit: GoldAttribution = { cue: [{ start: 0, end: 1, text: 'a' }], sources: [], contents: [{ start: 2, end: 7, text: 'b c d' }] };
    const prediction: Attribution = {
      id: 'x', cue: { start: 0, end: 1, text: 'a' }, sources: [], kind: 'indirect', speaker: null, confidence: 1,
      contents: (spans as number[][]).map(([start, end]) => ({ start, end, text: text.slice(start, end) })),
    };
    expect(toScores(countDocument(text, [goldSplit], [prediction])).attribution.f1).toBe(matches ? 1 : 0);
  });

  test('matching content without an overlapping cue is not an attribution match', () => {
    const result = score([predicted('said', ['The mayor'], ['that taxes would fall'])]);
    expect(result.attribution.precision).toBe(0);
    expect(result.exact.content.precision).toBe(0);
  });

  test('matching is one-to-one: a duplicate prediction is a false positive', () => {
    const twice = predicted('told', ['The mayor'], ['that taxes would fall']);
    const result = score([twice, { ...twice, id: 'again' }]);
    expect(result.attribution.precision).toBe(0.5);
    expect(result.attribution.recall).toBe(0.5);
    // Citron's exact cue is not one-to-one: both duplicates are right.
    expect(result.exact.cue.precision).toBe(1);
  });
});

describe('metrics: edge cases', () => {
  test('no predictions: recall 0, precision 0 (nothing predicted earns nothing), no NaN', () => {
    const result = score([]);
    for (const value of [result.exact.cue, result.overlap.content, result.attribution, result.whoSaidWhat]) {
      expect(value).toEqual({ precision: 0, recall: 0, f1: 0 });
    }
    expect(result.directQuoteRecall).toBe(0);
    expect(result.counts.attribution.gold).toBe(2);
  });

  test('no gold: every prediction is a false positive', () => {
    const result = score([predicted('said', ['John Smith'], ['"We will win,"'])], []);
    expect(result.counts.attribution).toEqual({ predictedRight: 0, predicted: 1, goldFound: 0, gold: 0 });
    expect(result.attribution.f1).toBe(0);
    expect(result.directQuoteRecall).toBe(0);
  });

  test('no gold and no predictions: all counts zero, all scores 0', () => {
    const result = score([], []);
    expect(result.counts.attribution).toEqual({ predictedRight: 0, predicted: 0, goldFound: 0, gold: 0 });
    expect(result.whoSaidWhat.f1).toBe(0);
  });

  test('a prediction with a null cue is left out of cue scores and matches nothing', () => {
    const result = score([predicted(null, ['John Smith'], ['"We will win,"'])]);
    expect(result.counts.exact.cue.predicted).toBe(0);
    expect(result.counts.exact.content.predicted).toBe(1);
    expect(result.attribution.precision).toBe(0);
  });

  describe('multi-span content (a quotation split around its cue)', () => {
    const text = '"Taxes," the mayor said, "will fall." Rain.';
    const split: GoldAttribution = {
      cue: [at('said', 0, text)],
      sources: [at('the mayor', 0, text)],
      contents: [at('"Taxes,"', 0, text), at('"will fall."', 0, text)],
    };
    const asPrediction = (contents: Span[]): Attribution => ({
      id: 'q1', cue: at('said', 0, text), sources: [at('the mayor', 0, text)], contents, kind: 'direct', speaker: null, confidence: 1,
    });

    test('the same spans in another order are an exact match', () => {
      const result = toScores(countDocument(text, [split], [asPrediction([split.contents[1], split.contents[0]])]));
      expect(result.exact.content.f1).toBe(1);
      expect(result.directQuoteRecall).toBe(1);
    });

    test('one of the two spans: not exact, overlap recall 2/3, Dice 0.8 matches', () => {
      const result = toScores(countDocument(text, [split], [asPrediction([split.contents[1]])]));
      expect(result.exact.content.f1).toBe(0);
      expect(result.overlap.content.precision).toBe(1);
      expect(result.overlap.content.recall).toBeCloseTo(2 / 3);
      expect(result.attribution.f1).toBe(1);
    });

    test('one span covering both parts and the cue between is not exact', () => {
      const whole = { start: split.contents[0].start, end: split.contents[1].end, text: '' };
      const result = toScores(countDocument(text, [split], [asPrediction([whole])]));
      expect(result.exact.content.f1).toBe(0);
      // 6 predicted tokens ("Taxes the mayor said will fall"), 3 in gold.
      expect(result.overlap.content.precision).toBeCloseTo(3 / 6);
      expect(result.attribution.f1).toBe(1);
    });
  });

  test('a span shared by two gold attributions does not push overlap above 1', () => {
    const text = 'He said taxes fall and added rents rise.';
    const g: GoldAttribution[] = [
      { cue: [at('said', 0, text)], sources: [at('He', 0, text)], contents: [at('taxes fall', 0, text)] },
      { cue: [at('added', 0, text)], sources: [at('He', 0, text)], contents: [at('rents rise', 0, text)] },
    ];
    const p: Attribution[] = g.map((x, index) => ({ id: `q${index}`, cue: x.cue[0], sources: x.sources, contents: x.contents, kind: 'indirect', speaker: null, confidence: 1 }));
    const result = toScores(countDocument(text, g, p));
    expect(result.overlap.source).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  test('evaluate sums counts over documents (micro-average)', () => {
    const result = evaluate([
      { text: TEXT, gold: GOLD, predicted: [predicted('said', ['John Smith'], ['"We will win,"'])] },
      { text: TEXT, gold: [], predicted: [predicted('told', ['The mayor'], ['that taxes would fall'])] },
    ]);
    expect(result.counts.attribution).toEqual({ predictedRight: 1, predicted: 2, goldFound: 1, gold: 2 });
    expect(result.attribution.f1).toBe(0.5);
  });
});

describe('metrics: direct quotations', () => {
  test.each([
    ['"We will win,"', true],
    ['“Keep it,” he said', true],
    ['‘Keep it’', true],
    ['that taxes would fall', false],
    ['taxes, he said, would “fall”', false],
  ])('%s opens with a quotation mark: %s', (content, expected) => {
    const text = content;
    expect(isDirectQuotation({ cue: [], sources: [], contents: [{ start: 0, end: text.length, text }] })).toBe(expected);
  });
});
