/**
 * How the reporter framed a claim through its cue: neutral "said", distancing "claimed", endorsing
 * "confirmed", emphatic "insisted", directive "urged", tentative "suggested". The lexicon is built from
 * PolNeAR train cues by scripts/train-classifiers.ts (framing-seed.json says how).
 */
import type { Framing } from '../../../shared/attribution';
import lexicon from './framing-lexicon.json';

const FRAMINGS: ReadonlySet<string> = new Set(['neutral', 'distancing', 'endorsing', 'emphatic', 'directive', 'tentative']);
const classes = (lexicon as { classes: Record<string, string> }).classes;

/** The framing of a cue lemma: its own class, else its head verb's ("warn of" → "warn"), else neutral. */
export function framingOf(lemma: string): Framing {
  const own = classes[lemma];
  if (own !== undefined && FRAMINGS.has(own)) return own as Framing;
  const head = lemma.split(' ')[0];
  const ofHead = classes[head];
  if (ofHead !== undefined && FRAMINGS.has(ofHead)) return ofHead as Framing;
  return 'neutral';
}

/** The reporter's own adverbs of distance inside a cue ("allegedly told", "reportedly said"): they frame it whatever its verb. */
const DISTANCING_ADVERBS = new Set(['allegedly', 'reportedly', 'supposedly', 'purportedly', 'ostensibly']);

/** The framing of a cue as written: a distancing adverb in it first ("allegedly told" is distancing), else its lemma's. */
export function framingOfCue(cueText: string, lemma: string): Framing {
  if (cueText.toLowerCase().split(/[^\p{L}]+/u).some((word) => DISTANCING_ADVERBS.has(word))) return 'distancing';
  return framingOf(lemma);
}
