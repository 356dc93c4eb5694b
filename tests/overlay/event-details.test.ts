import { readHover, readReveal, readState, readToggle } from '../../src/overlay/event-details';
import { sampleAnalysis } from './fixture';

describe('readState accepts the contract\u2019s shapes', () => {
  const analysis = sampleAnalysis();
  test.each([
    [{ status: 'analyzing' }, { status: 'analyzing' }],
    [{ status: 'error', error: 'boom' }, { status: 'error', error: 'boom' }],
    [{ status: 'error' }, { status: 'error', error: undefined }],
    [{ status: 'done', analysis }, { status: 'done', analysis }],
  ])('%j', (detail, expected) => expect(readState(detail)).toEqual(expected));
});

describe('readState rejects what is not one', () => {
  const bad = (change: (a: ReturnType<typeof sampleAnalysis>) => void) => {
    const analysis = sampleAnalysis();
    change(analysis);
    return { status: 'done', analysis };
  };
  test.each([
    ['null', null],
    ['a string', 'done'],
    ['an unknown status', { status: 'finished' }],
    ['done without analysis', { status: 'done' }],
    ['quotes not a list', bad((a) => ((a as { quotes: unknown }).quotes = {}))],
    ['a quote without id', bad((a) => ((a.quotes[0] as { id: unknown }).id = 7))],
    ['content that is not text', bad((a) => ((a.quotes[0].contents[0] as { text: unknown }).text = { html: '<b>' }))],
    ['a speaker without a name', bad((a) => ((a.speakers[0] as { name: unknown }).name = null))],
    ['a cue without text', bad((a) => ((a.quotes[0] as { cue: unknown }).cue = {}))],
    ['evidence that is not a list', bad((a) => ((a.quotes[0].certainty as { evidence: unknown }).evidence = 'may'))],
    ['a confidence that is not a number', bad((a) => ((a.quotes[0] as { confidence: unknown }).confidence = '90%'))],
    ['a framing that is not text', bad((a) => ((a.quotes[0] as { framing: unknown }).framing = 3))],
    ['a speaker without a type', bad((a) => delete (a.quotes[0].speaker as { type?: unknown }).type)],
  ])('%s', (_, detail) => expect(readState(detail)).toBeNull());
});

describe('readHover, readToggle and readReveal', () => {
  test.each([
    [{ id: 'q1', x: 3, y: 4 }, { id: 'q1', x: 3, y: 4 }],
    [{ id: null, x: 0, y: 0 }, { id: null, x: 0, y: 0 }],
    [{ id: 5, x: 'a', y: Number.NaN }, { id: null, x: 0, y: 0 }],
    [null, null],
  ])('hover %j → %j', (detail, expected) => expect(readHover(detail)).toEqual(expected));

  test.each([
    [{ open: true }, { open: true }],
    [{ open: false }, { open: false }],
    [{}, {}],
    [null, {}],
    [{ open: 'yes' }, {}],
  ])('toggle %j → %j', (detail, expected) => expect(readToggle(detail)).toEqual(expected));

  test.each([
    [{ attributionId: 'q1' }, { attributionId: 'q1' }],
    [{ attributionId: 'q1', extra: '<b>' }, { attributionId: 'q1' }],
    [{ attributionId: '' }, null],
    [{ id: 'q1' }, null],
    [{ attributionId: 7 }, null],
    [null, null],
  ])('reveal %j → %j', (detail, expected) => expect(readReveal(detail)).toEqual(expected));
});
