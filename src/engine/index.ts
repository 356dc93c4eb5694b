/**
 * The engine: article text in, attributions out. Pure TypeScript, no DOM and no browser API, so the
 * same code runs in the background worker, the CLI, the tests and the training scripts.
 *
 *   extract          finds cue, source and content spans and the quote kind   (extract.ts)
 *   resolveSpeakers  names each source: titles split off, pronouns resolved   (speakers.ts)
 *   classify         certainty, framing, source type, calibrated confidence   (classify/)
 *   decideShown      what the overlay lists by default                          (shown.ts)
 *   groupSpeakers    one group per person or body                              (speakers.ts)
 */
import type { Analysis, Attribution, TextHints } from '../shared/attribution';
import { extract } from './extract';
import { resolveSpeakers, groupSpeakers } from './speakers';
import { classify } from './classify';
import { decideShown } from './shown';

export type { Analysis, Attribution, Speaker, Span, SpeakerRef, TextHints } from '../shared/attribution';
export { extract, resolveSpeakers, groupSpeakers, classify, decideShown };

/** The whole pipeline on one article text; `hints` carry what the page's markup said (block quotations). */
export function analyze(text: string, hints: TextHints = {}): Analysis {
  const found: Attribution[] = extract(text, hints);
  const named = resolveSpeakers(text, found);
  const quotes = decideShown(text, classify(text, named));
  return { quotes, speakers: groupSpeakers(quotes) };
}
