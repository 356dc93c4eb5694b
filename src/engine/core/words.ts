/** Closed word classes that more than one pass reads the same way. */
import type { Token } from './tokens';

/** Lowercase -ly words that are nouns or adjectives heading a noun phrase, not adverbs. */
export const LY_NOUNS = new Set(['family', 'ally', 'rally', 'tally', 'assembly', 'supply', 'reply', 'monopoly', 'anomaly', 'bully', 'daily', 'weekly', 'monthly', 'quarterly', 'elderly', 'july', 'italy']);

/** Auxiliaries (and infinitive "to") that join a cue before its verb ("has said", "would tell", "to deny"). */
export const CUE_AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'did', 'does', 'do', 'could', 'can', 'may', 'might', 'should', 'must', 'be', 'been', 'to']);

/** The plain verbs of saying, telling and writing, in every form. */
export const SAY_VERBS = /^(?:say|says|said|saying|tell|tells|told|telling|write|writes|wrote|writing)$/;

/** Finite auxiliaries and modals: a clause of its own has begun. */
export const FINITE_AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do)$/;

/** Words that open a sentence before its subject and clause ("But Uber …", "However prices will rise, said …"): not part of either. */
export const SENTENCE_OPENERS = new Set(['but', 'and', 'so', 'yet', 'however', 'still', 'meanwhile', 'now', 'then']);

/** Subject pronouns that can open a speaker's clause. */
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

export const TRAILING_ADVERBS = new Set(['here', 'late', 'almost', 'together', 'now', 'also', 'too', 'often', 'further', 'again', 'still', 'already', 'then', 'meanwhile', 'instead', 'once', 'later', 'previously', 'recently',
  // "Gizmodo very recently explained": a degree or focus adverb ends no name (round 14, half B's gizmodo-duvet).
  'very', 'just', 'only']);

/** An adverb that trails a name or precedes a verb ("Trump officially said", "was repeatedly asked"). */
export function isTrailingAdverb(token: Token): boolean {
  if (token.isPunct || token.text !== token.lower) return false;
  if (TRAILING_ADVERBS.has(token.lower)) return true;
  return token.lower.endsWith('ly') && token.lower.length > 4 && !LY_NOUNS.has(token.lower);
}

/** A word or phrase as a regular expression matching it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
