/**
 * Pass 16 — speakers. Sets each attribution's `speaker`: the source phrase parsed into a name, a role and a
 * type (mention.ts), merged with the article's other mentions of the same person or body, pronouns and
 * anaphors resolved to the last compatible speaker, follow-on quotations given the speaker they continue
 * (resolve.ts, which says the rules; text-index.ts finds every name the article mentions).
 */
import type { AnalysisState } from '../../core';
import { resolveSpeakers } from './resolve';

export { resolveSpeakers } from './resolve';
export { parseMention, type ParsedMention } from './mention';

export function speakers(state: AnalysisState): void {
  state.quotes = resolveSpeakers(state.text, state.quotes);
}
