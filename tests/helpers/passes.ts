/**
 * For the pass tables under tests/engine/passes/: the analysis state after the extraction passes up to and
 * including one pass, and the text of what a pass wrote.
 */
import { EXTRACTION, run } from '../../src/engine/pipeline';
import type { AnalysisState, Pass } from '../../src/engine/core';
import type { TextHints } from '../../src/shared/attribution';

/** The state after running the extraction pipeline up to and including `pass`. */
export function upTo(pass: Pass, text: string, hints: TextHints = {}): AnalysisState {
  const k = EXTRACTION.indexOf(pass);
  if (k < 0) throw new Error(`${pass.name} is not an extraction pass`);
  return run(EXTRACTION.slice(0, k + 1), text, hints);
}

/** The text of a token range in the state's text; null for no range. */
export function rangeText(state: AnalysisState, range: [number, number] | null | undefined): string | null {
  const { tokens } = state.tokenized;
  return range ? state.text.slice(tokens[range[0]].start, tokens[range[1] - 1].end) : null;
}

export const texts = (spans: Array<{ text: string }>): string[] => spans.map((span) => span.text);
