/**
 * The engine: article text in, attributions out. Pure TypeScript, no DOM and no browser API, so the
 * same code runs in the background worker, the CLI, the tests and the training scripts.
 *
 * analyze() runs the pipeline of passes (pipeline.ts) over one shared state (core/state.ts):
 *   tokens → cues → roles → contents → sources → attributions → split quotations → missed quotations →
 *   missed reports → signed quotations → transcripts → list items → follow-ons → block quotes → order →
 *   speakers → classify → shown → groups
 */
import type { Analysis, Attribution, TextHints } from '../shared/attribution';
import { EXTRACTION, PIPELINE, run } from './pipeline';
import type { ExtractorModel } from './tagger';

export type { Analysis, Attribution, Speaker, Span, SpeakerRef, TextHints } from '../shared/attribution';

/** The whole pipeline on one article text; `hints` carry what the page's markup said (block quotations). */
export function analyze(text: string, hints: TextHints = {}): Analysis {
  const state = run(PIPELINE, text, hints);
  return { quotes: state.quotes, speakers: state.speakers };
}

/** The extraction passes alone (cue, source, content, kind), with the committed weights. */
export function extract(text: string, hints: TextHints = {}): Attribution[] {
  return run(EXTRACTION, text, hints).quotes;
}

/** The extraction passes with another model (training and its held-out checks). */
export function extractWith(model: ExtractorModel, text: string, hints: TextHints = {}): Attribution[] {
  return run(EXTRACTION, text, hints, model).quotes;
}
