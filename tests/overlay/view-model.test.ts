import type { Attribution } from '../../src/shared/attribution';
import { SPEAKER_PALETTE, UNSOURCED_COLOR } from '../../src/shared/palette';
import {
  NO_FILTERS, UNSOURCED_KEY, buildGroups, speakerInitials, textOn, contentText, cueText, hoverLabel, matchesFilters, needsClamp, percent, plural,
} from '../../src/overlay/view-model';
import { QUOTES, SPEAKERS, sampleAnalysis } from './fixture';

const quote = (id: string): Attribution => QUOTES.find((q) => q.id === id)!;

describe('cueText: the cue as written, a dash for a follow-on quotation', () => {
  test.each([
    ['q1', 'said'],
    ['q2', '\u2014'],
    ['q5', 'according to'],
  ])('%s → %s', (id, expected) => expect(cueText(quote(id))).toBe(expected));

  test('a blank cue counts as none', () => {
    expect(cueText({ ...quote('q1'), cue: { start: 0, end: 1, text: ' ' } })).toBe('\u2014');
  });
});

describe('contentText', () => {
  test.each([
    [['We cannot confirm'], 'We cannot confirm'],
    [['We are ready,', ' and waiting.'], 'We are ready, \u2026 and waiting.'],
    [['  ', 'only this'], 'only this'],
    [[], ''],
  ])('%j → %j', (texts, expected) => {
    const contents = texts.map((text, i) => ({ start: i * 100, end: i * 100 + text.length, text }));
    expect(contentText({ ...quote('q1'), contents })).toBe(expected);
  });
});

describe('buildGroups', () => {
  const groups = buildGroups(sampleAnalysis());

  test('one group per speaker in analysis order, with the palette colour of its index', () => {
    expect(groups.slice(0, SPEAKERS.length).map((g) => [g.key, g.color])).toEqual(SPEAKERS.map((s, i) => [s.name, SPEAKER_PALETTE[i]]));
  });

  test('items follow the speaker\u2019s attributionIds', () => {
    expect(groups[0].items.map((item) => item.quote.id)).toEqual(['q1', 'q2']);
  });

  test('attributions no speaker lists go last, in one grey group', () => {
    const last = groups[groups.length - 1];
    expect([last.key, last.speaker, last.color, last.items.map((i) => i.quote.id), last.hedged]).toEqual([UNSOURCED_KEY, null, UNSOURCED_COLOR, ['q7'], 1]);
  });

  test('ids that do not exist are not shown, nor an id twice in one group', () => {
    const analysis = sampleAnalysis();
    analysis.speakers[0].attributionIds.push('missing', analysis.speakers[0].attributionIds[0]);
    const [first] = buildGroups(analysis);
    const ids = first.items.map((i) => i.quote.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('missing');
  });

  // Round 19: words people said together are listed in each one's group (pass 19), and in no unsourced group.
  test('an id two speakers list is in both groups, once each', () => {
    const analysis = sampleAnalysis();
    const shared = analysis.speakers[0].attributionIds[0];
    analysis.speakers[1].attributionIds.push(shared);
    const groups = buildGroups(analysis);
    expect(groups.filter((g) => g.items.some((i) => i.quote.id === shared)).map((g) => g.key)).toEqual([analysis.speakers[0].name, analysis.speakers[1].name]);
    expect(groups.find((g) => g.key === UNSOURCED_KEY)?.items.map((i) => i.quote.id) ?? []).not.toContain(shared);
  });

  test('no unsourced group when every attribution has a speaker', () => {
    const analysis = sampleAnalysis();
    analysis.quotes = analysis.quotes.filter((q) => q.id !== 'q7');
    expect(buildGroups(analysis).map((g) => g.key)).not.toContain(UNSOURCED_KEY);
  });

  test('a speaker beyond the eighth gets a colour of its own, not the first one again', () => {
    const analysis = sampleAnalysis();
    analysis.speakers = Array.from({ length: 20 }, (_, i) => ({ ...SPEAKERS[0], name: `S${i}`, attributionIds: [] }));
    const colors = buildGroups(analysis).map((group) => group.color);
    expect(colors[8]).not.toBe(SPEAKER_PALETTE[0]);
    expect(new Set(colors.slice(0, 20)).size).toBe(20);
  });
});

describe('matchesFilters', () => {
  const items = new Map(buildGroups(sampleAnalysis()).flatMap((g) => g.items).map((item) => [item.quote.id, item]));
  test.each([
    // [id, filters, matches]
    ['q1', NO_FILTERS, true],
    ['q3', { unnamed: true, lowCertainty: false, lessSure: false }, true],
    ['q5', { unnamed: true, lowCertainty: false, lessSure: false }, true],
    ['q7', { unnamed: true, lowCertainty: false, lessSure: false }, true],
    ['q4', { unnamed: false, lowCertainty: true, lessSure: false }, true],
    ['q5', { unnamed: true, lowCertainty: true, lessSure: false }, true],
  ])('%s with %j matches', (id, filters, expected) => expect(matchesFilters(items.get(id)!, filters)).toBe(expected));

  test.each([
    // What must NOT match.
    ['q1', { unnamed: true, lowCertainty: false, lessSure: false }],
    ['q4', { unnamed: true, lowCertainty: false, lessSure: false }],
    ['q6', { unnamed: true, lowCertainty: false, lessSure: false }],
    ['q1', { unnamed: false, lowCertainty: true, lessSure: false }],
    ['q2', { unnamed: false, lowCertainty: true, lessSure: false }],
    ['q3', { unnamed: false, lowCertainty: true, lessSure: false }],
    ['q4', { unnamed: true, lowCertainty: true, lessSure: false }],
    ['q3', { unnamed: true, lowCertainty: true, lessSure: false }],
  ])('%s with %j does not match', (id, filters) => expect(matchesFilters(items.get(id)!, filters)).toBe(false));
});

describe('needsClamp', () => {
  test.each([
    ['short', false],
    ['x'.repeat(260), false],
    ['x'.repeat(261), true],
  ])('%s → %s', (text, expected) => expect(needsClamp(text)).toBe(expected));
});

describe('labels', () => {
  test.each([
    [plural(1, 'quote'), '1 quote'],
    [plural(0, 'quote'), '0 quotes'],
    [plural(11, 'speaker'), '11 speakers'],
    [percent(0.914), '91%'],
    [percent(1.7), '100%'],
    [percent(Number.NaN), '\u2013'],
    [hoverLabel(quote('q1')), 'Ryan Dillon \u2014 said (quoted)'],
    [hoverLabel(quote('q7')), 'No named source \u2014 believed (paraphrased)'],
  ])('%j is %j', (actual, expected) => expect(actual).toBe(expected));
});

describe('less sure: attributions the engine does not show by default are listed only on request', () => {
  const hiddenQuote: Attribution = { ...quote('q1'), id: 'q99', shown: false };
  const analysis = { quotes: [...QUOTES, hiddenQuote], speakers: SPEAKERS.map((s) => (s.name === quote('q1').speaker?.name ? { ...s, attributionIds: [...s.attributionIds, 'q99'] } : s)) };
  const item = buildGroups(analysis).flatMap((group) => group.items).find((candidate) => candidate.quote.id === 'q99')!;

  test.each([
    [NO_FILTERS, false],
    [{ ...NO_FILTERS, lessSure: true }, true],
    [{ ...NO_FILTERS, unnamed: true, lessSure: true }, false],
  ])('with %j the less-sure item matches: %s', (filters, expected) => expect(matchesFilters(item, filters)).toBe(expected));

  test('an attribution with shown true or no shown field is listed by default', () => {
    expect(matchesFilters(buildGroups(analysis).flatMap((g) => g.items).find((i) => i.quote.id === 'q1')!, NO_FILTERS)).toBe(true);
    expect(QUOTES.every((q) => q.shown === undefined)).toBe(true);
  });
});

describe('initials: who spoke, without relying on colour', () => {
  test.each([
    ['Ryan Dillon', 'RD'],
    ['U.S. Army Col. Ryan Dillon', 'UD'],
    ['people familiar with the matter', 'PF'],
    ['Reuters', 'R'],
    ['the Russian Defense Ministry', 'RM'],
    ['Sergey Lavrov', 'SL'],
  ])('%s \u2192 %s', (name, initials) => expect(speakerInitials(name)).toBe(initials));

  test('two speakers with the same initials are told apart by their number in the list', () => {
    const analysis = sampleAnalysis();
    analysis.speakers = [
      { ...SPEAKERS[0], name: 'Ryan Dillon', attributionIds: [] },
      { ...SPEAKERS[0], name: 'Sergey Lavrov', attributionIds: [] },
      { ...SPEAKERS[0], name: 'Rachel Davis', attributionIds: [] },
    ];
    expect(buildGroups(analysis).slice(0, 3).map((group) => group.initials)).toEqual(['RD1', 'SL', 'RD3']);
  });

  test('the initials read on their badge: black on yellow, white on blue', () => {
    expect(textOn('#F0E442')).toBe('#000000');
    expect(textOn('#0072B2')).toBe('#FFFFFF');
  });
});
