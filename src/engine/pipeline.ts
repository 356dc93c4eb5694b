/**
 * The engine's passes, in the order they run. Each pass reads the analysis state the passes before it filled
 * and adds its part (core/state.ts); each file under passes/ opens with what it adds, its family of rules and
 * what it measured. A new rule goes into the pass whose part it changes.
 */
import type { TextHints } from '../shared/attribution';
import { newState, type AnalysisState, type Pass } from './core';
import { compiledTagger, TRAINED_MODEL, type ExtractorModel } from './tagger';
import { tokens } from './passes/01-tokens';
import { cues } from './passes/02-cues';
import { roles } from './passes/03-roles';
import { contents } from './passes/04-contents';
import { sources } from './passes/05-sources';
import { attributions } from './passes/06-attributions';
import { missedQuotations } from './passes/07-missed-quotations';
import { splitQuotations } from './passes/08-split-quotations';
import { missedReports } from './passes/09-missed-reports';
import { signedQuotations } from './passes/10-signed-quotations';
import { transcripts } from './passes/11-transcripts';
import { listItems } from './passes/12-list-items';
import { followOns } from './passes/13-follow-ons';
import { blockQuotes } from './passes/14-block-quotes';
import { order } from './passes/15-order';
import { speakers } from './passes/16-speakers';
import { classification } from './passes/17-classify';
import { shown } from './passes/18-shown';
import { groups } from './passes/19-groups';

/** Text to attributions with cue, source, content and kind: the learned taggers, then the deterministic layer. */
export const EXTRACTION: readonly Pass[] = [
  tokens, cues, roles, contents, sources, attributions,
  missedQuotations, splitQuotations, missedReports, signedQuotations, transcripts,
  listItems, followOns, blockQuotes, order,
];

/** Who each speaker is, how sure they were, what the overlay shows, and one group per speaker. */
export const NAMING: readonly Pass[] = [speakers, classification, shown, groups];

export const PIPELINE: readonly Pass[] = [...EXTRACTION, ...NAMING];

/** Runs `passes` in order over a new state for `text`. */
export function run(passes: readonly Pass[], text: string, hints: TextHints = {}, model: ExtractorModel = TRAINED_MODEL): AnalysisState {
  const state = newState(text, hints, compiledTagger(model));
  for (const pass of passes) pass(state);
  return state;
}
