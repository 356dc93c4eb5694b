/**
 * A hand-made AnalysisReply in the shape the engine produces, modelled on the seed article
 * (russia-isis-claim): named, organisational, unnamed and anonymous sources, a follow-on quotation,
 * one attribution with no source, one with no classification fields, and page text that looks like
 * HTML.
 */
import type { Attribution, Speaker, SpeakerRef } from '../../src/shared/attribution';
import type { AnalysisReply } from '../../src/shared/messages';

export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
export const LONG_TEXT =
  'the airstrike, which Moscow said took place on May 28 near the city of Raqqa, targeted a meeting of senior commanders ' +
  'who had gathered to plan the route out of the city, and that the information was being verified through various channels ' +
  'before any final statement could be made about who was killed there';

let offset = 0;
function span(text: string) {
  const start = offset;
  offset += text.length + 10;
  return { start, end: start + text.length, text };
}

function ref(name: string, type: SpeakerRef['type'], extra: Partial<SpeakerRef> = {}): SpeakerRef {
  return { name, type, aliases: [name], ...extra };
}

const dillon = ref('Ryan Dillon', 'person', { role: 'U.S. Army Col.', aliases: ['Dillon', 'he'] });
const officials = ref('U.S. officials', 'unnamed');
const ministry = ref('Russian Defense Ministry', 'organization', { aliases: ['Defense Ministry', 'the ministry'] });
const sources = ref('people familiar with the matter', 'unnamed', { anonymous: true });
const roe = ref('Jane Roe', 'person');

export const QUOTES: Attribution[] = [
  {
    id: 'q1', cue: span('said'), sources: [span('Ryan Dillon')], contents: [span('We cannot confirm the reports at this time')],
    kind: 'direct', speaker: dillon, confidence: 0.91,
    certainty: { label: 'high', score: 0.82, evidence: ['cannot confirm'] }, framing: 'neutral', cueLemma: 'say',
  },
  {
    id: 'q2', cue: null, sources: [], contents: [span('The coalition is looking into it.')],
    kind: 'direct', speaker: dillon, confidence: 0.74, continues: 'q1',
  },
  {
    id: 'q3', cue: span('said'), sources: [span('U.S. officials')], contents: [span('there was no proof of death')],
    kind: 'indirect', speaker: officials, confidence: 0.66,
    certainty: { label: 'high', score: 0.71, evidence: [] }, framing: 'neutral', cueLemma: 'say',
  },
  {
    id: 'q4', cue: span('claimed'), sources: [span('the Russian Defense Ministry')], contents: [span('it may have killed the ISIS leader'), span(LONG_TEXT)],
    kind: 'mixed', speaker: ministry, confidence: 0.58,
    certainty: { label: 'low', score: 0.21, evidence: ['may have', 'being verified'] }, framing: 'distancing', cueLemma: 'claim',
  },
  {
    id: 'q5', cue: span('according to'), sources: [span('people familiar with the matter')], contents: [span('the leader had left Raqqa weeks earlier')],
    kind: 'indirect', speaker: sources, confidence: 0.44,
    certainty: { label: 'low', score: 0.3, evidence: ['reportedly'] }, framing: 'tentative', cueLemma: 'according to',
  },
  {
    id: 'q6', cue: span('wrote'), sources: [span('Jane Roe')], contents: [span(HOSTILE_TEXT)],
    kind: 'direct', speaker: roe, confidence: 0.8,
    certainty: { label: 'medium', score: 0.5, evidence: ['<b>probably</b>'] }, framing: 'neutral', cueLemma: 'write',
  },
  {
    id: 'q7', cue: span('believed'), sources: [], contents: [span('the leader to be dead')],
    kind: 'indirect', speaker: null, confidence: 0.35,
    certainty: { label: 'low', score: 0.25, evidence: ['believed'] }, cueLemma: 'believe',
  },
];

function speaker(from: SpeakerRef, ids: string[], hedged: number): Speaker {
  return { name: from.name, role: from.role, type: from.type, anonymous: from.anonymous, aliases: from.aliases, attributionIds: ids, hedged };
}

export const SPEAKERS: Speaker[] = [
  speaker(dillon, ['q1', 'q2'], 0),
  speaker(officials, ['q3'], 0),
  speaker(ministry, ['q4'], 1),
  speaker(sources, ['q5'], 1),
  speaker(roe, ['q6'], 0),
];

export function sampleAnalysis(overrides: Partial<AnalysisReply> = {}): AnalysisReply {
  return {
    quotes: structuredClone(QUOTES),
    speakers: structuredClone(SPEAKERS),
    canonicalUrl: 'https://news.example.com/world/russia-isis-claim',
    engineMs: 42.4,
    cached: false,
    ...overrides,
  };
}
