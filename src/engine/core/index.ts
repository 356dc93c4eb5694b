/**
 * The primitives every pass shares: tokens with their sentences and paragraphs, spans and token ranges, the
 * text shapes several passes recognise, closed word classes, and the analysis state itself.
 */
export { tokenize, type Token, type Tokenized, type QuoteMark } from './tokens';
export { firstTokenAt, tokensWithin, spanOf, closingMark, byParagraph, overlaps } from './spans';
export { DASHES, isHeadline, isTitle, isWorkTitle, quoteKind, opensSentence } from './shapes';
export { LY_NOUNS, CUE_AUXILIARIES, SAY_VERBS, FINITE_AUXILIARY, SENTENCE_OPENERS, SUBJECT_PRONOUNS, TRAILING_ADVERBS, escapeRegExp, isTrailingAdverb } from './words';
export { newState, type AnalysisState, type Pass, type FoundCue, type CueReading, type CueClaim, type FollowOn } from './state';
