/**
 * Around the tidied source: the words between it and the cue, a head noun cut off, the scene after a name, the
 * source of a passive or inverted cue, and which lone words can name no one. Figures from PolNeAR train gold,
 * measured on held-out train articles with weights trained on the others (see tidy.ts's opening comment).
 */
import { LY_NOUNS, TRAILING_ADVERBS, isTrailingAdverb, opensSentence, type Token } from '../../core';
import { LEADING_LINKS, NON_NOMINAL_WORDS, NOUN_DETERMINERS, NOUN_LIKE_ING, RELATIVE_PRONOUNS, isPossessiveMark, tidySource } from './tidy';
import { FEMALE_NAMES, FIRST_NAMES, LAST_NAMES, MALE_NAMES, PLACES, ROLE_NOUNS } from '../../lexicon';

const AGENT_STOP = new Set(['that', 'who', 'which', 'when', 'while', 'after', 'before', 'because', 'as', 'in', 'on', 'at', 'during', 'since', 'for', 'to', 'and', 'but', 'why', 'whether', 'what', 'how', 'if', 'where', 'of']);

/**
 * "has been described as “heartbreaking” by the conservation department": a passive cue's agent, the noun
 * phrase after "by" in its sentence, is its source where the tagger gave none (train gold: 67 of 93 such
 * by-phrases are the source, 21 attributions have none).
 */
export function agentAfterPassive(tokens: Token[], cue: { start: number; end: number }, contents: Array<[number, number]>): [number, number] | undefined {
  const sentence = tokens[cue.start].sentence;
  // "by" right after the cue, a content chunk or a closing quotation mark: "play by the rules" inside a content
  // is no agent.
  const ends = new Set([cue.end, ...contents.map(([, end]) => end)]);
  for (let at = cue.end; at < tokens.length && at - cue.end <= 25 && tokens[at].sentence === sentence; at++) {
    if (tokens[at].lower !== 'by' || tokens[at].inQuote || !(ends.has(at) || tokens[at - 1].quote === 'close')) continue;
    const start = at + 1;
    let end = start;
    while (end < tokens.length && end - start < 8 && tokens[end].sentence === sentence && !tokens[end].isPunct && !AGENT_STOP.has(tokens[end].lower)) end++;
    if (end === start) return undefined;
    const head = tokens[end - 1];
    // A name, or a noun phrase opened by a determiner: "by Reuters", "by the conservation department"; not "by telephone".
    const named = /^\p{Lu}/u.test(tokens[start].text) || /^(?:the|a|an|his|her|their|its|our)$/.test(tokens[start].lower);
    if (!named || /^(?:the|a|an|his|her|their|its|our)$/.test(head.lower)) return undefined;
    // A content that starts at the agent is what the tagger read there ("was asked by a caller why …"): keep it.
    const opensContent = contents.some(([from]) => from >= start - 1 && from < end);
    return opensContent ? undefined : [start, end];
  }
  return undefined;
}

/** Words between a relative pronoun and its cue ("who has also said", "which repeatedly denied"). */
const BETWEEN_PRONOUN_AND_CUE = new Set(['also', 'then', 'later', 'again', 'further', 'first', 'once', 'not', 'never', 'has', 'have', 'had', 'was', 'is', 'are', 'were', 'would', 'will', 'did', 'does', 'do', 'could', 'can', 'may', 'might', 'should', 'must']);

/**
 * "who"/"which" just before a cue is its subject and, in PolNeAR, its source ("a senator who said …" →
 * "who"): so for 221 of 257 such gold cues in 400 train articles (the rest mostly empty).
 */
export function relativePronounSource(tokens: Token[], cueStart: number): [number, number] | undefined {
  let before = cueStart - 1;
  while (before >= 0 && (BETWEEN_PRONOUN_AND_CUE.has(tokens[before].lower) || isTrailingAdverb(tokens[before]))) before--;
  if (before < 1 || !RELATIVE_PRONOUNS.has(tokens[before].lower) || tokens[before].sentence !== tokens[cueStart].sentence) return undefined;
  // Opening its sentence it asks a question ("Who said …?") rather than naming anyone.
  if (tokens[before - 1].sentence !== tokens[before].sentence) return undefined;
  return [before, before + 1];
}

const CLOSED_CLASS = ['Preposition', 'Conjunction', 'Adverb', 'Auxiliary', 'Modal'];

/** Days and months; not April, May, June or August, which are names as often ("said June, his sister"). */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'tonight',
  'january', 'february', 'march', 'july', 'september', 'october', 'november', 'december',
]);

/**
 * Words opening a prepositional phrase: "“This will be a challenge” for Clinton, said Kunin", "said Dino Spencer, who
 * runs the gym, which to this day hosts …": a phrase opened by one is where or to whom, never who.
 */
const PHRASE_PREPOSITIONS = new Set(['for', 'to', 'of', 'with', 'in', 'on', 'at', 'from', 'after', 'before', 'during', 'into', 'since', 'despite', 'amid', 'among', 'through', 'against', 'without']);

/** "for Clinton", not "at least four senators" (an amount). */
function opensWithPreposition(tokens: Token[], at: number): boolean {
  return PHRASE_PREPOSITIONS.has(tokens[at].lower) && !(tokens[at].lower === 'at' && /^(?:least|most)$/.test(tokens[at + 1]?.lower ?? ''));
}

/**
 * "In a series of Twitter posts Sunday, Mr. Frum, a former speechwriter, …", "Of Carson, Levine, who has given …":
 * a source chunk opened by a prepositional phrase starts after that phrase's comma; the phrase is the scene.
 */
export function withoutOpeningPhrase(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  if (end - start < 2 || !opensWithPreposition(tokens, start)) return range;
  for (let k = start + 1; k < end - 1; k++) if (tokens[k].text === ',') return [k + 1, end];
  return range;
}

/**
 * A source that cannot name anyone: a phrase opened by a preposition, or a lone word such as "the", "despite",
 * "perhaps", "Meanwhile" (a tagger slip, mostly on a forced decode).
 */
export function isImplausibleSource(tokens: Token[], range: [number, number]): boolean {
  if (range[1] - range[0] > 1) return opensWithPreposition(tokens, range[0]);
  const token = tokens[range[0]];
  if (token.isPunct) return true;
  if (LEADING_LINKS.has(token.lower) || NON_NOMINAL_WORDS.has(token.lower) || TRAILING_ADVERBS.has(token.lower)) return true;
  // "…,” Mayer, Disney's chairman, said Tuesday at …": a day or a month is when it was said, never who.
  if (TIME_WORDS.has(token.lower)) return true;
  if (token.tags.has('SubjectPronoun') || token.tags.has('ObjectPronoun')) return false;
  return CLOSED_CLASS.some((tag) => token.tags.has(tag)) || isTrailingAdverb(token) || isOpeningAdverbOrGerund(tokens, range[0]);
}

/**
 * "Basically, …", "Fuelling the unrest, …": a capitalised -ly or -ing word opening its sentence is an adverb
 * or a participle there, unless it is a name ("Kelly", "Manning", "Schlafly") or a place ("Italy", "Reading").
 */
function isOpeningAdverbOrGerund(tokens: Token[], at: number): boolean {
  const token = tokens[at];
  if (!opensSentence(tokens, at) || !/^\p{Lu}\p{Ll}+(?:ly|ing)$/u.test(token.text) || token.lower.length <= 4) return false;
  const word = token.lower;
  if (LY_NOUNS.has(word) || NOUN_LIKE_ING.has(word) || MALE_NAMES.has(word) || FEMALE_NAMES.has(word) || FIRST_NAMES.has(word) || LAST_NAMES.has(word) || PLACES.has(word)) return false;
  // A name the lexicon lacks ("Schlafly") is capitalised inside a sentence somewhere in the article too.
  return !tokens.some((other, i) => i > 0 && other.text === token.text && tokens[i - 1].sentence === other.sentence && tokens[i - 1].quote !== 'open');
}

/**
 * "Donald Trump, her Republican opponent, said": an apposition between a name and its cue belongs to the
 * source (PolNeAR's convention, closing comma included), though the tagger often stops at the name.
 */
export function withAppositionBeforeCue(tokens: Token[], range: [number, number], cueStart: number): [number, number] {
  const [start, end] = range;
  const close = cueStart - 1;
  if (end >= close - 1 || tokens[end].text !== ',' || tokens[close].text !== ',') return range;
  const last = tokens[end - 1];
  if (!(/^\p{Lu}/u.test(last.text) || last.text === ')')) return range;
  const first = tokens[end + 1];
  const opensNounPhrase = NOUN_DETERMINERS.has(first.lower) || /^\d/.test(first.text)
    || /^\p{Lu}/u.test(first.text) && !['Preposition', 'Conjunction', 'Adverb', 'SubjectPronoun'].some((tag) => first.tags.has(tag))
    || isPossessiveMark(tokens[end + 2]);
  if (!opensNounPhrase) return range;
  for (let i = end + 1; i < close; i++) {
    const token = tokens[i];
    if (token.sentence !== last.sentence || RELATIVE_PRONOUNS.has(token.lower)) return range;
    if (token.tags.has('Verb') && !token.tags.has('Participle') && !token.tags.has('Gerund')) return range;
  }
  return [start, cueStart];
}

/** Words after a comma that go on describing the source ("Brian Wieser, an analyst at …"). */
const APPOSITION_OPENERS = new Set(['a', 'an', 'another', 'one', 'who', 'which', 'whose', 'including', 'writing', 'formerly', 'now', 'head', 'co-founder']);

/**
 * "…, according to the Tax Foundation, more than twice what it projected": a source after "according to"
 * ends at its first comma unless an apposition follows (22 of 386 train gold sources there hold a comma,
 * all before an apposition or a relative clause).
 */
export function accordingToSourceEnd(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  for (let i = start + 1; i < end - 1; i++) {
    if (tokens[i].text !== ',') continue;
    const next = tokens[i + 1];
    if (APPOSITION_OPENERS.has(next.lower) || isPossessiveMark(tokens[i + 2]) || ROLE_NOUNS.has(next.lower) || /^[RDI]-/.test(next.text)) return range;
    return [start, i];
  }
  return range;
}

/** Prepositions that open the reporter's scene-setting after a source ("…, in a statement", "…, at a rally"). */
const SCENE_PREPOSITIONS = new Set(['in', 'at', 'during', 'after', 'before', 'while', 'when', 'as', 'since', 'following', 'according']);

/** "said Rep. Elijah Cummings, the top Democrat on the committee, in a statement": the scene after the source's last comma is not the source. */
export function withoutTrailingScene(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  for (let i = end - 2; i > start; i--) {
    if (tokens[i].text !== ',') continue;
    if (!SCENE_PREPOSITIONS.has(tokens[i + 1].lower)) return range;
    // An apposition before the scene keeps its closing comma, by the convention tidySource follows.
    let apposition = false;
    for (let k = start; k < i; k++) if (tokens[k].text === ',') apposition = true;
    return [start, apposition ? i + 1 : i];
  }
  return range;
}

/**
 * "said Carly Fiorina during the second GOP debate", "said Trump in his speech": after an inverted cue, a
 * name then, with no comma, a scene ("during", "at", "in" and a lowercase word) that is not the source.
 * Before a cue the same shape is mostly a group ("Many in the crowd", "Spokesmen at the FBI"), so it is
 * left there.
 */
export function withoutSceneAfterName(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  if (!/^\p{Lu}/u.test(tokens[start].text) || NOUN_DETERMINERS.has(tokens[start].lower)) return range;
  for (let i = start + 1; i < end - 1; i++) {
    if (tokens[i].text === ',') break;
    const sentenceFirst = i - 1 === 0 || tokens[i - 2].sentence !== tokens[i - 1].sentence;
    if (['during', 'at', 'in'].includes(tokens[i].lower) && /^\p{Lu}/u.test(tokens[i - 1].text) && !sentenceFirst && !/^\p{Lu}/u.test(tokens[i + 1].text)) return [start, i];
  }
  return range;
}

/**
 * “…,” said a Mexican official who was not authorized to speak: an inverted cue right after a quotation
 * names its source next, but the tagger, running the quotation's content on past the cue, can leave it
 * without one. The words after the cue up to the sentence's end or the next quotation, tidied, are it.
 */
export function invertedCueSource(tokens: Token[], cue: { start: number; end: number }, paragraphEnd: number): [number, number] | undefined {
  let before = cue.start - 1;
  if (before >= 0 && tokens[before].text === ',') before--;
  if (before < 1 || tokens[before].quote !== 'close' || cue.end - cue.start > 1 || cue.end >= tokens.length) return undefined;
  // The quotation ends its clause (“…,” said X; “…?” asked X), not a sentence before the cue's own.
  if (before === cue.start - 1 && ![',', '?', '!'].includes(tokens[before - 1].text)) return undefined;
  const sentence = tokens[cue.start].sentence;
  if (tokens[before].sentence !== sentence) return undefined;
  let end = cue.end;
  while (end < tokens.length && tokens[end].sentence === sentence && !tokens[end].quote && !/^[:.;?!]$/.test(tokens[end].text) && end - cue.end < 30) end++;
  while (end > cue.end && tokens[end - 1].isPunct) end--;
  if (end === cue.end || end - cue.end >= 30) return undefined;
  const range = tidySource(tokens, [cue.end, end], paragraphEnd, cue.end);
  return isImplausibleSource(tokens, range) ? undefined : range;
}

/**
 * "Rendell, a Clinton | surrogate, called": a source before its cue that the tagger stopped on a
 * capitalised modifier takes the role noun that heads its phrase, up to the next punctuation or the cue.
 */
export function withRoleNounHead(tokens: Token[], range: [number, number], cueStart: number): [number, number] {
  const [start, end] = range;
  if (end >= cueStart || !/^\p{Lu}/u.test(tokens[end - 1].text)) return range;
  let stop = end;
  while (stop < cueStart && stop - end < 3 && !tokens[stop].isPunct && tokens[stop].sentence === tokens[end - 1].sentence) stop++;
  if (stop === end || stop - end > 2 || stop < cueStart && !tokens[stop].isPunct) return range;
  const rest = tokens.slice(end, stop);
  const lowercase = rest.every((token) => token.text === token.lower);
  return lowercase && ROLE_NOUNS.has(rest[rest.length - 1].lower) ? [start, stop] : range;
}

/**
 * "A group of | doctors in 2015 sent …, calling for", "His | ex-wife agreed", "British Prime Minister
 * Theresa | May said": a source before its cue that stops on a word no noun phrase ends with (a preposition,
 * a determiner or possessive, a first name before its surname) is missing its head: it takes up to three
 * more words (a hyphenated word counts as one), stopping at punctuation, a function word, a past tense
 * ("Gowdy's office slammed") or the cue.
 */
export function withHeadBeforeCue(tokens: Token[], range: [number, number], cueStart: number): [number, number] {
  const [start, end] = range;
  if (end >= cueStart) return range;
  const last = tokens[end - 1];
  const capitalised = (token: Token): boolean => /^\p{Lu}\p{Ll}/u.test(token.text);
  // A name goes on only before a cue in lower case: in a headline every word is capitalised ("Trump Just Announced").
  const namePart = capitalised(last) && !last.tags.has('Honorific') && !last.tags.has('Determiner') && /^\p{Ll}/u.test(tokens[cueStart].text);
  const dangling = last.tags.has('Preposition') || last.tags.has('Determiner') || /['’]s?$/.test(last.text) || namePart;
  if (!dangling) return range;
  let stop = end;
  let words = 0;
  while (stop < cueStart && words < 3) {
    const token = tokens[stop];
    const joined = stop > end && (token.start === tokens[stop - 1].end) && (token.text === '-' || tokens[stop - 1].text === '-');
    if (!joined) {
      // A capitalised word goes on a name ("Theresa May", not the modal); a determiner opens a preposition's object.
      const nameGoesOn = namePart && capitalised(token);
      const objectOpens = words === 0 && last.tags.has('Preposition') && token.tags.has('Determiner');
      if (token.isPunct || token.quote || token.sentence !== last.sentence || RELATIVE_PRONOUNS.has(token.lower) || (namePart && !capitalised(token))
        || (!nameGoesOn && !objectOpens && HEAD_BREAKERS.some((tag) => token.tags.has(tag))) || /^\p{Ll}+ed$/u.test(token.text)) break;
      words++;
    }
    stop++;
  }
  while (stop > end && tokens[stop - 1].text === '-') stop--;
  return stop > end ? [start, stop] : range;
}

const HEAD_BREAKERS = ['SubjectPronoun', 'ObjectPronoun', 'Conjunction', 'Auxiliary', 'Modal', 'ClaimVerb', 'Preposition', 'Determiner', 'Adverb'];

const HEAD_PREPOSITIONS = new Set(['of', 'for', 'to']);
const QUANTITY_HEADS = new Set(['one', 'some', 'most', 'many', 'all', 'any', 'each', 'none', 'several', 'both', 'few', 'dozens', 'hundreds', 'thousands', 'millions', 'half', 'majority']);

/**
 * "attorneys for | the family said", "advisers to | Mr. Obama say", "one of | Mr. Obama's advisers": a source
 * right after "of"/"for"/"to" whose head noun comes before it takes that head and its phrase.
 */
export function withHeadBeforePreposition(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  const preposition = start - 1;
  if (preposition < 1 || !HEAD_PREPOSITIONS.has(tokens[preposition].lower)) return range;
  const sentence = tokens[start].sentence;
  const head = tokens[preposition - 1];
  // The head is a noun: not an -ing or past form ("tried to", "speaking of").
  if (head.isPunct || /(ing|ed)$/.test(head.lower) || NOUN_DETERMINERS.has(head.lower)) return range;
  // A quantity ("one of"), a role or a plural head stands alone; any other head needs its determiner
  // within three words ("Her submission to", "a wide array of"), not a verb before it ("uses footage of").
  const sentenceFirst = preposition - 1 === 0 || tokens[preposition - 2].sentence !== head.sentence;
  if (QUANTITY_HEADS.has(head.lower) || ROLE_NOUNS.has(head.lower) || /[^s]s$/.test(head.lower) && (head.text === head.lower || sentenceFirst)) {
    const before = tokens[preposition - 2];
    return before && before.sentence === sentence && NOUN_DETERMINERS.has(before.lower) ? [preposition - 2, end] : [preposition - 1, end];
  }
  for (let i = preposition - 1; i >= 0 && preposition - i <= 3 && tokens[i].sentence === sentence; i--) {
    const token = tokens[i];
    if (NOUN_DETERMINERS.has(token.lower) || token.tags.has('Determiner')) return [i, end];
    if (token.isPunct || LEADING_LINKS.has(token.lower) || RELATIVE_PRONOUNS.has(token.lower) || ['Verb', 'Preposition', 'Conjunction', 'Auxiliary', 'Modal', 'SubjectPronoun', 'ObjectPronoun'].some((tag) => token.tags.has(tag))) return range;
  }
  return range;
}
