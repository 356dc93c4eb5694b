/**
 * Pass 1 — tokens. Adds `tokenized`: compromise/one's words with each punctuation mark split out, character
 * offsets into the text, sentence and paragraph numbers, and which quotation marks open or close
 * (core/tokens.ts says how). Every later pass reads these tokens; none tokenizes again.
 */
import { tokenize, type AnalysisState } from '../core';

export function tokens(state: AnalysisState): void {
  state.tokenized = tokenize(state.text);
}
