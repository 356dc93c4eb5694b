/**
 * Verbs of saying and writing, by lemma: WordNet's communication verbs (the first sense's class, from the
 * build-time table) plus a short list WordNet files elsewhere. Used by the extraction passes that find
 * quotations the tagger missed and by the `shown` pass.
 */
import { verbClass } from './wordnet';

/** Cue lemmas that report speech or writing although WordNet files their first sense elsewhere. */
const SPEECH_LEMMAS = new Set([
  'according to', 'add', 'reveal', 'show', 'point out', 'sum up', 'note', 'say', 'tell', 'write', 'tweet', 'post',
  'declare', 'insist', 'state', 'report', 'conclude', 'explain', 'describe', 'claim', 'deny', 'admit', 'confirm',
  'acknowledge', 'warn', 'promise', 'vow', 'pledge', 'urge', 'argue', 'suggest', 'estimate', 'predict', 'read',
  'plea', 'statement', 'words', 'phrase', 'accuse', 'challenge', 'mention', 'quote', 'cite', 'recall', 'respond',
  // A court's or a board's ruling is what it pronounces; "charged that" alleges (PolNeAR read as pages: "the Illinois
  // Board of Elections, which ruled that he met the citizenship criteria", "Trump charges that a … judge would be
  // biased", both required and hidden). With only a noun phrase after them ("ruled the law void", "charged him with
  // fraud") they report no clause and stay hidden.
  'rule', 'charge',
  // A threat is said ("threatening to cut off the money they send home unless Mexico pays": half B, hidden).
  'threaten',
]);

/**
 * Nouns for something said, with the verb that says it: a possessor's "revelation that …" or "claim that …" reports its
 * clause as "revealed that …" would (pass 9's possessedClaims; the `shown` pass lets such a noun speak only with its possessor).
 */
export const SAYING_NOUN_VERBS: ReadonlyMap<string, string> = new Map([
  ['claim', 'claim'], ['assertion', 'assert'], ['allegation', 'allege'], ['accusation', 'accuse'], ['statement', 'state'],
  ['promise', 'promise'], ['pledge', 'pledge'], ['vow', 'vow'], ['warning', 'warn'], ['insistence', 'insist'],
  ['contention', 'contend'], ['argument', 'argue'], ['remark', 'remark'], ['comment', 'comment'], ['revelation', 'reveal'],
  ['admission', 'admit'], ['denial', 'deny'], ['announcement', 'announce'], ['prediction', 'predict'], ['declaration', 'declare'],
  ['suggestion', 'suggest'], ['charge', 'charge'], ['boast', 'boast'], ['complaint', 'complain'], ['acknowledgment', 'acknowledge'],
  ['acknowledgement', 'acknowledge'], ['testimony', 'testify'],
]);

/** Whether a cue reports speech or writing, by its lemma: WordNet's communication verbs plus SPEECH_LEMMAS. */
export function speechCue(lemma: string): boolean {
  if (SPEECH_LEMMAS.has(lemma)) return true;
  const head = lemma.split(' ')[0];
  return SPEECH_LEMMAS.has(head) || verbClass(head) === 'communication';
}

