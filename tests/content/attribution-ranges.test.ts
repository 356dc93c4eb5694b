import { parseHTML } from 'linkedom';
import { attributionAt, placeAttributions, placeAttributionsSteps, placeSpan, type TextInterval } from '../../src/content/attribution-ranges';
import { STEP_UNITS } from '../../src/shared/steps';
import { buildArticleText } from '../../src/shared/article';

const TEXT = 'The mayor said no. Later the mayor said yes, and the mayor said it twice.';

describe('placing a span in the article text', () => {
  test.each([
    ['offsets that hold the span text are kept', { start: 4, end: 9, text: 'mayor' }, { start: 4, end: 9 }],
    ['moved text is found again at the nearest occurrence', { start: 31, end: 36, text: 'mayor' }, { start: 29, end: 34 }],
    ['nearest to a late offset', { start: 60, end: 65, text: 'mayor' }, { start: 53, end: 58 }],
  ])('%s', (_what, span, expected) => {
    expect(placeSpan(TEXT, span)).toEqual(expected);
  });

  test.each([
    ['text no longer there', { start: 4, end: 9, text: 'governor' }],
    ['empty', { start: 4, end: 4, text: '' }],
    ['reversed', { start: 9, end: 4, text: 'mayor' }],
  ])('a span is dropped when %s', (_what, span) => {
    expect(placeSpan(TEXT, span)).toBeNull();
  });
});

describe('the attribution under an offset', () => {
  const intervals: TextInterval[] = [
    { start: 0, end: 40, id: 'content' },
    { start: 10, end: 14, id: 'cue' },
    { start: 50, end: 60, id: 'other' },
  ];
  test.each([
    [5, 'content'],
    [12, 'cue'],
    [14, 'content'],
    [39, 'content'],
    [40, null],
    [45, null],
    [55, 'other'],
    [60, null],
  ])('offset %i → %s', (offset, id) => {
    expect(attributionAt(intervals, offset)).toBe(id);
  });
});

describe('placing attributions: less-sure ones are anchored for the panel but never highlighted', () => {
  test('a shown: false attribution has an anchor and no highlight or hover interval', () => {
    const { document } = parseHTML('<html><body><article><p>The mayor said no. Later the mayor said yes.</p></article></body></html>');
    // linkedom's Range cannot be positioned; the test needs only that one is made per placed span.
    (document as unknown as { createRange(): unknown }).createRange = () => ({ setStart() {}, setEnd() {} });
    const article = buildArticleText(document.querySelector('article')!);
    const span = (needle: string) => {
      const start = article.text.indexOf(needle);
      return { start, end: start + needle.length, text: needle };
    };
    const base = { kind: 'indirect' as const, speaker: null, confidence: 0.5 };
    const analysis = {
      quotes: [
        { ...base, id: 'a', cue: span('said no'), sources: [span('The mayor')], contents: [span('no')], shown: true },
        { ...base, id: 'b', cue: null, sources: [], contents: [span('yes')], shown: false },
      ],
      speakers: [],
    };
    const placed = placeAttributions(analysis, article.text, article);
    expect(placed.items.map((item) => item.id)).toEqual(['a']);
    expect(new Set(placed.intervals.map((interval) => interval.id))).toEqual(new Set(['a']));
    expect([...placed.anchors.keys()].sort()).toEqual(['a', 'b']);
  });
});

describe('placing attributions: the colour of words people said together', () => {
  // Round 19: pass 19 lists them in each person's group and makes no group of the pair's name; the first group listing them colours them.
  test('take the first group that lists them, not the unsourced colour', () => {
    const { document } = parseHTML('<html><body><article><p>Trump and Clinton criticized Nabisco. Clinton said no.</p></article></body></html>');
    (document as unknown as { createRange(): unknown }).createRange = () => ({ setStart() {}, setEnd() {} });
    const article = buildArticleText(document.querySelector('article')!);
    const span = (needle: string) => {
      const start = article.text.indexOf(needle);
      return { start, end: start + needle.length, text: needle };
    };
    const person = (name: string) => ({ name, type: 'person' as const, aliases: [] });
    const analysis = {
      quotes: [
        { id: 'j', kind: 'indirect' as const, speaker: person('Donald Trump and Hillary Clinton'), confidence: 0.9, shown: true, cue: span('criticized'), sources: [span('Trump and Clinton')], contents: [span('Nabisco')] },
        { id: 'c', kind: 'indirect' as const, speaker: person('Hillary Clinton'), confidence: 0.9, shown: true, cue: span('said'), sources: [span('Clinton said')], contents: [span('no')] },
      ],
      speakers: [
        { ...person('Hillary Clinton'), attributionIds: ['j', 'c'], hedged: 0 },
        { ...person('Donald Trump'), attributionIds: ['j'], hedged: 0 },
      ],
    };
    const placed = placeAttributions(analysis, article.text, article);
    expect(placed.items.map((item) => [item.id, item.speakerIndex])).toEqual([['j', 0], ['c', 0]]);
  });
});

describe('placing attributions in steps: a point to stop every few hundred ranges made', () => {
  test('quotations of many spans each: no step makes more than STEP_UNITS ranges and one quotation', () => {
    const sentence = 'The mayor said no, the mayor said yes. ';
    const { document } = parseHTML(`<html><body><article><p>${sentence.repeat(400)}</p></article></body></html>`);
    let made = 0;
    (document as unknown as { createRange(): unknown }).createRange = () => {
      made++;
      return { setStart() {}, setEnd() {} };
    };
    const article = buildArticleText(document.querySelector('article')!);
    const at = (k: number, needle: string) => {
      const start = k * sentence.length + sentence.indexOf(needle);
      return { start, end: start + needle.length, text: needle };
    };
    // Twelve spans a quotation (a content in ten pieces, a cue, a source): 256 quotations made 3,072 ranges in one step before.
    const quotes = Array.from({ length: 400 }, (_, k) => ({
      id: `q${k}`, kind: 'indirect' as const, speaker: null, confidence: 0.5, shown: true,
      cue: at(k, 'said'), sources: [at(k, 'The mayor')], contents: Array.from({ length: 10 }, () => at(k, 'no')),
    }));
    const steps = placeAttributionsSteps({ quotes, speakers: [] }, article.text, article);
    let most = 0;
    for (let step = steps.next(); ; step = steps.next()) {
      most = Math.max(most, made);
      made = 0;
      if (step.done) {
        expect(step.value.items).toHaveLength(400);
        break;
      }
    }
    expect(most).toBeLessThanOrEqual(STEP_UNITS + 12);
  });
});
