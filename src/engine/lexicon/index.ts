/**
 * Word knowledge the passes look up: claim verbs and their inflections, verbs of saying, WordNet's classes
 * for nouns and verbs, name, place, role and organisation lists, and the cue lemmatiser. Data, not rules.
 */
export { CLAIM_VERB_LEMMA, CLAIM_VERB_FORMS, inflections, claimWordsPlugin } from './claim-words';
export { SAYING_NOUN_VERBS, speechCue } from './speech-verbs';
export { isPersonNoun, nounClass, saysThatClause, verbClass, type NounClass, type VerbClass } from './wordnet';
export { cueLemma, cueWords, lemmatize } from './lemma';
export * from './speakers';
