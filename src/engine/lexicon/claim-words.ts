/**
 * A compromise plugin for the extractor: claim verbs carry a ClaimVerb tag and titles that compromise
 * does not know as abbreviations are added, so "Amb. Samantha Power said" stays one sentence.
 * Tags come from compromise's lexicon lookup, which runs even in the tokenizer-only build (compromise/one).
 */

/** Verbs (and phrases' heads) that report speech or belief; inflections are added below. */
const CLAIM_VERB_LEMMAS = [
  'say', 'tell', 'add', 'write', 'ask', 'note', 'report', 'announce', 'suggest', 'tweet', 'describe', 'argue',
  'continue', 'explain', 'claim', 'declare', 'accuse', 'acknowledge', 'admit', 'urge', 'recall', 'conclude',
  'insist', 'warn', 'promise', 'state', 'respond', 'reply', 'assert', 'allege', 'contend', 'maintain', 'predict',
  'estimate', 'confirm', 'deny', 'stress', 'emphasize', 'observe', 'point', 'indicate', 'reveal', 'disclose',
  'testify', 'agree', 'believe', 'think', 'hope', 'fear', 'worry', 'doubt', 'speculate', 'concede', 'complain',
  'charge', 'criticize', 'praise', 'call', 'vow', 'pledge', 'boast', 'joke', 'quip', 'muse', 'recount', 'remark',
  'mention', 'inform', 'notify', 'announce', 'tout', 'propose', 'demand', 'question', 'wonder', 'answer', 'counter',
  'caution', 'acknowledge', 'affirm', 'assure', 'brag', 'cite', 'comment', 'ensure', 'forecast', 'hint', 'imply',
  'lament', 'proclaim', 'recommend', 'reiterate', 'repeat', 'retort', 'scoff', 'shout', 'signal', 'stipulate',
  'suspect', 'swear', 'theorize', 'threaten', 'underscore', 'whisper', 'yell', 'posit', 'figure', 'reckon',
  'learn', 'find', 'show', 'blame', 'dismiss', 'defend', 'endorse', 'support', 'oppose', 'reject',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'], tell: ['told', 'tells', 'telling'], write: ['wrote', 'written', 'writes', 'writing'],
  think: ['thought', 'thinks', 'thinking'], find: ['found', 'finds', 'finding'], show: ['showed', 'shown', 'shows', 'showing'],
  swear: ['swore', 'sworn', 'swears', 'swearing'], learn: ['learned', 'learnt', 'learns', 'learning'],
};

/** A verb's base form, past, third person and -ing form (irregular ones listed above). */
export function inflections(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [lemma, ...IRREGULAR[lemma]];
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const past = lemma.endsWith('e') ? lemma + 'd' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : lemma + 'ed';
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ies' : lemma + 's';
  return [lemma, past, third, stem + 'ing'];
}

/** Honorifics compromise's tokenizer would otherwise end a sentence on. */
const EXTRA_TITLES = ['amb', 'pfc', 'spc', 'cpl', 'lt', 'col', 'capt', 'cmdr', 'adm', 'brig', 'maj', 'gen', 'sgt', 'sen', 'rep', 'gov', 'atty', 'supt', 'insp', 'det', 'del'];

/** Closed word classes, so features can generalise over "he said" / "they said" / "officials said". */
const WORD_CLASSES: Record<string, string[]> = {
  SubjectPronoun: ['i', 'he', 'she', 'we', 'they', 'it', 'you', 'who'],
  ObjectPronoun: ['me', 'him', 'her', 'us', 'them'],
  Determiner: ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'its', 'their', 'our', 'my', 'your', 'some', 'many', 'several', 'other', 'another', 'each', 'every', 'no'],
  Preposition: ['of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'about', 'into', 'over', 'after', 'before', 'during', 'under', 'against', 'between', 'through', 'since', 'than', 'as'],
  Auxiliary: ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did'],
  Modal: ['will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'shall'],
  Conjunction: ['and', 'but', 'or', 'nor', 'so', 'yet', 'while', 'because', 'although', 'though', 'if', 'when', 'whether'],
  Adverb: ['also', 'not', 'never', 'repeatedly', 'previously', 'later', 'then', 'recently', 'publicly', 'privately', 'often', 'already', 'still', 'even', 'just', 'only', 'again', 'once'],
};

const words: Record<string, string> = {};
/** Inflected claim verb → its lemma ("argued" → "argue"), which suffix stripping gets wrong at times. */
export const CLAIM_VERB_LEMMA: ReadonlyMap<string, string> = new Map(
  CLAIM_VERB_LEMMAS.flatMap((lemma) => inflections(lemma).map((form) => [form, lemma] as [string, string])),
);
for (const [tag, list] of Object.entries(WORD_CLASSES)) for (const word of list) words[word] = tag;
for (const lemma of CLAIM_VERB_LEMMAS) for (const form of inflections(lemma)) words[form] = 'ClaimVerb';
for (const title of EXTRA_TITLES) words[title] = 'Honorific';

/** The plugin object passed to nlp.plugin(). */
export const claimWordsPlugin = {
  tags: {
    ClaimVerb: { isA: 'Verb' }, SubjectPronoun: {}, ObjectPronoun: {}, Determiner: {}, Preposition: {},
    Auxiliary: {}, Modal: {}, Conjunction: {}, Adverb: {},
  },
  words,
  model: { one: { abbreviations: Object.fromEntries(EXTRA_TITLES.map((title) => [title, true])) } },
};

export const CLAIM_VERB_FORMS: ReadonlySet<string> = new Set(Object.keys(words).filter((word) => words[word] === 'ClaimVerb'));
