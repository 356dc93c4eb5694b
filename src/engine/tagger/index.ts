/**
 * The learned taggers the cue and role passes run: averaged perceptrons over token features with Viterbi
 * decoding, trained on PolNeAR (scripts/train.ts) and bundled from weights.json.
 */
import { bioMask, compile, type CompiledModel } from './perceptron';
import { CUE_LABELS, ROLE_LABELS, unpackModel, type ExtractorModel, type StoredExtractorModel } from './model';
import trainedWeights from './weights.json';

export { decode, viterbi, type CompiledModel } from './perceptron';
export { cueFeatures, roleFeatures, roleWindow, cueLemma, cueForm, CueForm } from './features';
export { CUE_LABELS, ROLE_LABELS, packModel, unpackModel, type ExtractorModel, type StoredExtractorModel } from './model';

export const CUE_MASK = bioMask(CUE_LABELS);
export const ROLE_MASK = bioMask(ROLE_LABELS);

/** The committed weights. */
export const TRAINED_MODEL = unpackModel(trainedWeights as unknown as StoredExtractorModel);

/** A model compiled for decoding, with the cue lexicon both stages read. */
export interface Tagger { lexicon: Record<string, number>; cue: CompiledModel; role: CompiledModel }

const compiledModels = new WeakMap<ExtractorModel, Tagger>();

export function compiledTagger(model: ExtractorModel): Tagger {
  let ready = compiledModels.get(model);
  if (!ready) {
    ready = { lexicon: model.lexicon, cue: compile(model.cue), role: compile(model.role) };
    compiledModels.set(model, ready);
  }
  return ready;
}

/** Token ranges [start, end) labelled B… I… of one type in a decoded path. */
export function chunks(path: Int32Array, begin: number, inside: number, offset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < path.length; k++) {
    if (path[k] !== begin) continue;
    let end = k + 1;
    while (end < path.length && path[end] === inside) end++;
    out.push([offset + k, offset + end]);
  }
  return out;
}
