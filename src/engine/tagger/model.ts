/** The trained extractor: the cue tagger, the source/content tagger and the cue lexicon they share. */
import { packSequenceModel, unpackSequenceModel, type SequenceModel, type StoredSequenceModel } from './perceptron';

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

/** weights.json as written: the same model with each tagger packed (StoredSequenceModel). */
export interface StoredExtractorModel {
  trainedOn: string;
  lexicon: Record<string, number>;
  cue: StoredSequenceModel;
  role: StoredSequenceModel;
}

export function packModel(model: ExtractorModel): StoredExtractorModel {
  return { trainedOn: model.trainedOn, lexicon: model.lexicon, cue: packSequenceModel(model.cue), role: packSequenceModel(model.role) };
}

/** A weights file (the committed one, or one scripts/train.ts --out wrote) as the engine reads it. */
export function unpackModel(stored: StoredExtractorModel): ExtractorModel {
  return { trainedOn: stored.trainedOn, lexicon: stored.lexicon, cue: unpackSequenceModel(stored.cue), role: unpackSequenceModel(stored.role) };
}
