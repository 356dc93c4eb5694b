/**
 * Pass 17 — classify. On every attribution, the cue lemma, the reporter's framing, the speaker's
 * certainty and a calibrated confidence. Reads only the cue and content spans, so it costs a fraction
 * of extraction. Source type and anonymity come from the speakers pass, not from here.
 */
import type { Attribution } from '../../../shared/attribution';
import type { AnalysisState } from '../../core';
import { cueLemma } from '../../lexicon';
import { framingOfCue } from './framing';
import { certaintyOf } from './certainty';
import { calibratedConfidence } from './confidence';

export { cueLemma } from '../../lexicon';
export { framingOf } from './framing';
export { certaintyOf } from './certainty';

/**
 * Fills certainty, framing, cueLemma and confidence. `confidence` on input is the extractor's raw
 * score; on output it is the calibrated probability. `text` is the article, for callers' symmetry
 * with the other steps: every signal is read from the spans themselves.
 */
export function classify(text: string, attributions: Attribution[]): Attribution[] {
  return attributions.map((attribution) => {
    const lemma = attribution.cue ? cueLemma(attribution.cue.text) : '';
    const framing = attribution.cue ? framingOfCue(attribution.cue.text, lemma) : 'neutral';
    return {
      ...attribution,
      cueLemma: attribution.cueLemma ?? (lemma || undefined),
      framing,
      certainty: certaintyOf(attribution, lemma),
      confidence: calibratedConfidence(attribution, attribution.confidence, framing, lemma),
    };
  });
}

export function classification(state: AnalysisState): void {
  state.quotes = classify(state.text, state.quotes);
}
