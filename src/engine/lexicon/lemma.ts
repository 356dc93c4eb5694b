/**
 * Cue lemmas for the framing lexicon: "said" → "say", "according to", "pointed out" → "point out",
 * "has said in a statement" → "say". Rule-based so it costs microseconds and needs no tagger; the same
 * function builds the lexicon (scripts/train-classifiers.ts) and looks cues up at run time, so the two
 * always agree.
 */

const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', wrote: 'write', written: 'write', writing: 'write', thought: 'think',
  saw: 'see', seen: 'see', knew: 'know', known: 'know', gave: 'give', given: 'give', sought: 'seek', made: 'make',
  felt: 'feel', found: 'find', spoke: 'speak', spoken: 'speak', took: 'take', taken: 'take', held: 'hold',
  went: 'go', gone: 'go', goes: 'go', led: 'lead', meant: 'mean', heard: 'hear', brought: 'bring', taught: 'teach',
  began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', drew: 'draw', drawn: 'draw', threw: 'throw',
  thrown: 'throw', swore: 'swear', sworn: 'swear', got: 'get', gotten: 'get', kept: 'keep', left: 'leave',
  lost: 'lose', paid: 'pay', sent: 'send', shown: 'show', stood: 'stand', understood: 'understand', won: 'win',
  fought: 'fight', ran: 'run', became: 'become', came: 'come', did: 'do', does: 'do', done: 'do', has: 'have',
  had: 'have', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', am: 'be', laid: 'lay', struck: 'strike',
  forgot: 'forget', forgotten: 'forget', withdrew: 'withdraw', rang: 'ring', sang: 'sing', sung: 'sing',
  created: 'create', creating: 'create', learnt: 'learn', dealt: 'deal', sold: 'sell', bought: 'buy',
  spent: 'spend', built: 'build', sat: 'sit', met: 'meet', read: 'read', put: 'put', cast: 'cast', set: 'set',
  cut: 'cut', hit: 'hit', let: 'let', quit: 'quit', spread: 'spread', forecast: 'forecast', broadcast: 'broadcast',
  according: 'according', news: 'news', always: 'always', agreed: 'agree', disagreed: 'disagree', freed: 'free',
  decreed: 'decree', guaranteed: 'guarantee', perhaps: 'perhaps', nothing: 'nothing', something: 'something',
  anything: 'anything', everything: 'everything', morning: 'morning', evening: 'evening', during: 'during',
  tied: 'tie', tying: 'tie', vied: 'vie', vying: 'vie', overridden: 'override', overrode: 'override', hidden: 'hide', hid: 'hide', lied: 'lie', lying: 'lie', died: 'die', dying: 'die', various: 'various',
};

/** Lemmas whose -ed/-ing stem needs its final e back but that the spelling rules below get wrong. */
const E_FINAL = new Set([
  'cite', 'invite', 'write', 'unite', 'excite', 'recite', 'incite', 'ignite', 'expedite', 'rewrite', 'compete',
  'delete', 'complete', 'deplete', 'interfere', 'adhere', 'persevere', 'revere', 'ignore', 'restore', 'explore',
  'deplore', 'implore', 'score', 'store', 'adore', 'underscore', 'phone', 'atone', 'condone', 'postpone', 'clone',
  'hone', 'zone', 'intone', 'convene', 'intervene', 'breathe', 'bathe', 'loathe', 'soothe', 'clothe', 'seethe',
  'persuade', 'dissuade',
]);
/** Lemmas ending consonant–vowel–consonant that take no e ("developed" → "develop"). */
const NO_E = new Set(['develop', 'envelop', 'gallop', 'gossip', 'worship', 'kidnap', 'handicap', 'focus', 'bias', 'canvas', 'combat', 'pivot']);
const KEEP_DOUBLE = new Set(['add', 'err', 'buzz', 'fizz', 'purr']);
const VOWEL = /[aeiouy]/;

/** Put back the e that -ed / -ing removed ("not" → "note", "argu" → "argue"), by English spelling rules. */
function restoreE(stem: string): string {
  if (E_FINAL.has(stem + 'e')) return stem + 'e';
  if (NO_E.has(stem) || stem.length < 2) return stem;
  const last = stem[stem.length - 1];
  const before = stem[stem.length - 2];
  const third = stem.length > 2 ? stem[stem.length - 3] : '';
  const cvc = !VOWEL.test(third) && VOWEL.test(before) && !VOWEL.test(last);
  switch (last) {
    case 'c': case 'v': case 'u': return stem + 'e';
    case 'z': return before === 'z' ? stem : stem + 'e';
    case 's': return before === 's' ? stem : stem + 'e';
    case 'g': return /[rdl]/.test(before) || VOWEL.test(before) || /[ae]ng$/.test(stem) && !/^(h|b|r|s)ang$/.test(stem) ? stem + 'e' : stem;
    case 't':
      if (before === 'a') return VOWEL.test(third) && !/[iu]/.test(third) ? stem : stem + 'e';
      if (before === 'o') return third !== 'o' && third !== 'i' ? stem + 'e' : stem;
      if (before === 'u') return cvc ? stem + 'e' : stem;
      return stem;
    case 'n':
      return before === 'i' || before === 'a' || before === 'u' ? (cvc ? stem + 'e' : stem) : stem;
    case 'r':
      if (before === 'i') return /[aeo]/.test(third) ? stem : stem + 'e';
      return before === 'a' || before === 'u' ? (cvc ? stem + 'e' : stem) : stem;
    case 'l':
      if (/[bcdfgkptz]/.test(before)) return stem + 'e';
      return (before === 'i' || before === 'u' || before === 'o') && cvc ? stem + 'e' : stem;
    case 'b': case 'd': case 'k': case 'm': case 'p':
      return cvc ? stem + 'e' : stem;
    default:
      return stem;
  }
}

function undouble(stem: string): string | null {
  const n = stem.length;
  if (n < 3 || stem[n - 1] !== stem[n - 2] || /[lsfzaeiou]/.test(stem[n - 1]) || KEEP_DOUBLE.has(stem)) return null;
  return stem.slice(0, -1);
}

/** The base form of one lower-case word: verb inflections and noun plurals. */
export function lemmatize(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.length <= 3) return word;
  if (word.endsWith('ied') || (word.endsWith('ies') && word.length > 4)) return word.slice(0, -3) + 'y';
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const stem = word.slice(0, -suffix.length);
    if (!VOWEL.test(stem)) continue;
    if (suffix === 'ed' && word.endsWith('eed')) return word;
    return undouble(stem) ?? restoreE(stem);
  }
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|shes|ches|xes|zzes|oes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return NO_E.has(word.slice(0, -2)) ? word.slice(0, -2) : word.slice(0, -1);
  return word;
}

/** Auxiliaries, negation and adverbs that may precede the head of a cue phrase and are not its meaning. */
const SKIPPED = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'should',
  'may', 'might', 'must', 'shall', 'do', 'does', 'did', 'not', "n't", 'never', 'also', 'then', 'again', 'later',
  'first', 'just', 'already', 'still', 'even', 'only', 'once', 'in', 'effect', 'to', 'who', 'that', 'which',
  'a', 'an', 'the', 'one', 'some', 'all', 'more', 'most', 'less', 'so', 'now', 'often', 'always', 'long', 'well',
  'almost', 'soon', 'yet', 'last', 'earlier', 'further', 'there', 'it', 'this', 'they', 'he', 'she', 'we', 'i',
  "'s", "'ll", "'d", "'re", "'ve", "'m", 'ca', 'wo', 'cannot', 'very', 'too', 'much', 'and', 'or', 'but',
]);
/** True particles stay with the head wherever they stand; prepositions only when they end the cue. */
const TRUE_PARTICLES = new Set(['out', 'up', 'off', 'back', 'down']);
/** Particles kept with the head ("call for", "point out"); a preposition not listed ("said in a statement") is dropped. */
const PARTICLES = new Set(['about', 'for', 'on', 'out', 'to', 'of', 'up', 'off', 'back', 'down', 'against', 'at', 'with', 'into']);

/** Lower-case words of a cue, curly apostrophes straightened, "don't" split into "do" + "n't". */
export function cueWords(cue: string): string[] {
  return cue
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/n't\b/g, " n't")
    .replace(/'(s|ll|d|re|ve|m)\b/g, " '$1")
    .split(/[^a-z0-9'-]+/)
    .filter((word) => word !== '' && word !== "'" && word !== '-');
}

/** The cue's lemma: head verb (or noun) plus a following particle; punctuation cues keep their mark. */
export function cueLemma(cue: string): string {
  const words = cueWords(cue);
  if (words.length === 0) return cue.trim() || cue;
  // "per WHO" is "according to WHO" (pass 9 reads it so only before a name).
  if (words[0] === 'according' || (words.length === 1 && words[0] === 'per')) return 'according to';
  let head = 0;
  while (head < words.length - 1 && (SKIPPED.has(words[head]) || (words[head].endsWith('ly') && words[head].length > 4))) head++;
  const lemma = lemmatize(words[head]);
  const next = words[head + 1];
  const keepsParticle = next !== undefined && (TRUE_PARTICLES.has(next) || (PARTICLES.has(next) && head + 2 === words.length));
  return keepsParticle ? `${lemma} ${next}` : lemma;
}
