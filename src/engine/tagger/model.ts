/** The trained extractor: the cue tagger, the source/content tagger and the cue lexicon they share. */
import type { SequenceModel } from './perceptron';

export interface ExtractorModel {
  /** What produced the weights, so a stale file is recognisable. */
  trainedOn: string;
  /** Lowercased word → share of its training occurrences inside a cue (words seen as a cue at least twice). */
  lexicon: Record<string, number>;
  cue: SequenceModel;
  role: SequenceModel;
}

export const CUE_LABELS = ['O', 'B', 'I'];
export const ROLE_LABELS = ['O', 'BS', 'IS', 'BC', 'IC'];
