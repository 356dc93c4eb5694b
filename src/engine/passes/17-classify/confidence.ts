/**
 * Calibrated confidence: the probability that an attribution's speaker and content are both right
 * (PolNeAR's who-said-what match), from the extractor's raw score and a few facts about the attribution.
 * A logistic map fitted on PolNeAR train predictions by scripts/train-classifiers.ts (calibration.json).
 */
import type { Attribution, Framing } from '../../../shared/attribution';
import calibration from './calibration.json';

export interface CalibrationMap {
  about: string;
  features: string[];
  weights: number[];
  bias: number;
}

const logit = (p: number): number => {
  const clamped = Math.min(0.999, Math.max(0.001, p));
  return Math.log(clamped / (1 - clamped));
};

/** Feature values in the order of FEATURE_NAMES; the fitting script and run time share this. */
export const FEATURE_NAMES = [
  'logit raw score', 'direct', 'mixed', 'has source', 'no cue', 'framing not neutral', 'cue is say/according to',
  'log content words', 'source is a pronoun',
];

const PRONOUN = /^(?:he|she|they|it|we|i|you|who|which|that)$/i;

export function features(attribution: Attribution, rawScore: number, framing: Framing, lemma: string): number[] {
  const contentWords = attribution.contents.reduce((total, span) => total + span.text.split(/\s+/).filter(Boolean).length, 0);
  const source = attribution.sources[0]?.text.trim() ?? '';
  return [
    logit(rawScore),
    attribution.kind === 'direct' ? 1 : 0,
    attribution.kind === 'mixed' ? 1 : 0,
    attribution.sources.length > 0 ? 1 : 0,
    attribution.cue === null ? 1 : 0,
    framing === 'neutral' ? 0 : 1,
    lemma === 'say' || lemma === 'according to' ? 1 : 0,
    Math.log1p(contentWords),
    PRONOUN.test(source) ? 1 : 0,
  ];
}

export function applyMap(map: CalibrationMap, values: number[]): number {
  let z = map.bias;
  for (let k = 0; k < values.length; k++) z += (map.weights[k] ?? 0) * values[k];
  return 1 / (1 + Math.exp(-z));
}

const fitted = calibration as CalibrationMap;

/** Calibrated probability, rounded to three places. */
export function calibratedConfidence(attribution: Attribution, rawScore: number, framing: Framing, lemma: string): number {
  return Number(applyMap(fitted, features(attribution, rawScore, framing, lemma)).toFixed(3));
}
