/**
 * Pass 2 — cues. Adds `cues`: the cue tagger (B/I/O over each paragraph, averaged perceptron + Viterbi, trained
 * on PolNeAR train) marks the words that report speech or belief ("said", "according to", "has also denied"),
 * headlines skipped, and each cue is brought to PolNeAR's edges with a confidence from its tagging margin.
 * Rules: a capitalised word inside a name is not the cue's modal ("Theresa May said"); adverbs, auxiliaries and
 * a governed preposition join the cue (withCueEdges, with the train-gold counts that set them).
 */
import { isHeadline, CUE_AUXILIARIES, LY_NOUNS, SAY_VERBS, type AnalysisState, type FoundCue, type Token } from '../core';
import { CUE_MASK, chunks, cueFeatures, decode } from '../tagger';

/** Margin (in weight units; weights are scaled so the largest is 100) that maps to confidence 0.73. */
const CONFIDENCE_SCALE = 25;

const CUE_ADVERBS = /^(?:also|just|still|often|once|never|later|not|even|already|again|repeatedly|publicly|privately|openly|previously|recently|\p{Ll}{3,}ly)$/u;
const CUE_PREPOSITIONS = new Set(['of', 'about', 'for', 'against', 'over']);

/**
 * A tagged cue [start, end) brought to PolNeAR's edges (train gold): the adverbs and auxiliaries just before
 * its verb are inside ("has also said": -ly adverbs 358 in, 54 out; "also" 283/19; "has" 727/7; "to" 199/55),
 * and so is "of", "about", "for", "against" or "over" just after a verb other than say/tell/write ("accused
 * her of" aside, "complained about": 83–98% in). Within [from, to), the cue's paragraph.
 */
export function withCueEdges(tokens: Token[], start: number, end: number, from: number, to: number): [number, number] {
  const joinsBefore = (token: Token): boolean => !token.isPunct && token.text === token.lower && !LY_NOUNS.has(token.lower)
    && (CUE_ADVERBS.test(token.lower) || CUE_AUXILIARIES.has(token.lower));
  while (start > from && tokens[start - 1].sentence === tokens[start].sentence && joinsBefore(tokens[start - 1])) start--;
  const last = tokens[end - 1];
  if (end < to && CUE_PREPOSITIONS.has(tokens[end].lower) && tokens[end].sentence === last.sentence && !SAY_VERBS.test(last.lower)) end++;
  return [start, end];
}

export function cues(state: AnalysisState): void {
  const { tokenized, tagger } = state;
  const { tokens } = tokenized;
  for (const [from, to] of tokenized.paragraphs) {
    if (isHeadline(tokens, from, to)) continue;
    const { path, emissions } = decode(tagger.cue, cueFeatures(tokens, from, to, tagger.lexicon, tokenized.sentences), CUE_MASK);
    for (let [start, end] of chunks(path, 1, 2, from)) {
      // "Theresa May said": a capitalised word inside a name is the name's, not a modal opening the cue.
      while (end - start > 1 && start > from && /^\p{Lu}/u.test(tokens[start].text) && tokens[start - 1].sentence === tokens[start].sentence
        && /^\p{Lu}\p{Ll}/u.test(tokens[start - 1].text)) start++;
      [start, end] = withCueEdges(tokens, start, end, from, to);
      let margin = 0;
      for (let i = start; i < end; i++) {
        const row = (i - from) * 3;
        const label = i === start ? 1 : 2;
        margin += emissions[row + label] - emissions[row];
      }
      margin /= end - start;
      state.cues.push({ start, end, confidence: 1 / (1 + Math.exp(-margin / CONFIDENCE_SCALE)) });
    }
  }
}
