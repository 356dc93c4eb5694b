/**
 * Deterministic source rules for PolNeAR's conventions, which the role tagger learns only loosely
 * (figures from PolNeAR train gold).
 *
 * tidySource, the span:
 *   - an apposition keeps its closing comma ("Jeff Davis, a Pentagon spokesman,"), a plain name does
 *     not ("the Pentagon"): 92% of gold sources followed by a comma follow this rule;
 *   - no trailing adverb ("Trump officially said" → "Trump"): lowercase -ly words end 0.1% of gold sources;
 *   - no trailing relative pronoun of a clause the span does not cover ("said Mr. Kamin, who added" →
 *     "Mr. Kamin"): 5 of 18,370 gold sources end so;
 *   - no leading linking word ("Meanwhile Trump"), clause opener ("which critics", "Ultimately Prager") or
 *     opening adverbial ("Like Corker, Menendez"); nothing before an unclosed dash ("WASHINGTON -- Obama");
 *   - no trailing time after a name ("The Times on Saturday") or "on <day>"; balanced parentheses, an
 *     unclosed one cut ("Mr. Burman (a view"), a party or state one kept ("Sen. Rand Paul (R-Ky.)");
 *   - a name or noun phrase cut at its start is made whole ("Loretta | Lynch", "spokesman | John Kirby");
 *   - a relative clause the tagger stopped inside is dropped ("Clinton, who had plenty of stories of her").
 * Around the tidied span (measured on held-out train articles with weights trained on the others):
 *   - an apposition between a name and its cue joins it (withAppositionBeforeCue), interjections do not;
 *   - a head noun before "of"/"for"/"to" (withHeadBeforePreposition), a role noun after a capitalised
 *     modifier (withRoleNounHead);
 *   - after the cue: "according to X" stops at a comma unless an apposition follows, a trailing scene is cut
 *     ("…, in a statement", "… during the debate"), and an inverted cue after a quotation the tagger left
 *     without a source takes the words after it (invertedCueSource).
 * Which cues take which source:
 *   - a passive cue ("was accused of", "is expected to") has no source before it: its subject is what was
 *     said about ("expected": 60 gold cues with no source, none with one before);
 *   - an impression cue ("seems to", "reportedly") mostly has none at all, nor a sentence-opening "Asked";
 *   - "who"/"which" just before a cue is its source;
 *   - a lone word that names no one ("the", "perhaps") is no source.
 */
import type { Token } from './tokens';
import { FEMALE_NAMES, FIRST_NAMES, LAST_NAMES, MALE_NAMES, PLACES, ROLE_NOUNS } from './speakers/lexicon';

/** Lowercase -ly words that are nouns or adjectives heading a noun phrase, not adverbs. */
export const LY_NOUNS = new Set(['family', 'ally', 'rally', 'tally', 'assembly', 'supply', 'reply', 'monopoly', 'anomaly', 'bully', 'daily', 'weekly', 'monthly', 'quarterly', 'elderly', 'july', 'italy']);
const TRAILING_ADVERBS = new Set(['here', 'late', 'almost', 'together', 'now', 'also', 'too', 'often', 'further', 'again', 'still', 'already', 'then', 'meanwhile', 'instead', 'once', 'later', 'previously', 'recently']);
const RELATIVE_PRONOUNS = new Set(['who', 'which']);

/** A possessive ending split off as its own token ("Trump | ’s"). */
const isPossessiveMark = (token: Token | undefined): boolean => token?.text === '’s' || token?.text === "'s";

/** The first word of its sentence, or of a quotation opening inside it. */
function opensSentence(tokens: Token[], at: number): boolean {
  return at === 0 || tokens[at - 1].sentence !== tokens[at].sentence || tokens[at - 1].quote === 'open';
}

function isTrailingAdverb(token: Token): boolean {
  if (token.isPunct || token.text !== token.lower) return false;
  if (TRAILING_ADVERBS.has(token.lower)) return true;
  return token.lower.endsWith('ly') && token.lower.length > 4 && !LY_NOUNS.has(token.lower);
}

/** Words that open a clause or link it to the last, never a source's first word ("Meanwhile Trump said"). */
const LEADING_LINKS = new Set(['meanwhile', 'however', 'where', 'how', 'as', 'when', 'while', 'because', 'but', 'and', 'so', 'though', 'although', 'whereas', 'why', 'if', 'since', 'after', 'before']);
/** Sentence adverbials that open a clause before its subject ("Now Sembler", "which critics"); gold sources follow them (300 times in train) but almost never start with them. */
const LEADING_ADVERBIALS = new Set(['that', 'now', 'then', 'ultimately', 'similarly', 'still', 'also', 'alongside', 'indeed', 'instead', 'thus', 'likewise', 'moreover', 'furthermore', 'nonetheless', 'nevertheless', 'later', 'earlier', 'today', 'yesterday', 'finally', 'separately', 'previously']);
/** Words that open a short adverbial phrase closed by a comma before the subject ("Last month, the Independent"). */
const ADVERBIAL_OPENERS = new Set(['like', 'unlike', 'last', 'this', 'in', 'on', 'at', 'after', 'before', 'during', 'for', 'with', 'alongside', 'earlier', 'later', 'now', 'similarly', 'meanwhile', 'still', 'instead', 'also', 'however', 'again', 'yet', 'even', 'by', 'from', 'under', 'since', 'until']);
const DASHES = new Set(['-', '--', '—', '–']);

/** "which critics", "that Trump", "ultimately Prager": a word before the subject, not part of it. */
function opensClauseBeforeSubject(tokens: Token[], start: number): boolean {
  const [first, next] = [tokens[start], tokens[start + 1]];
  if (!LEADING_ADVERBIALS.has(first.lower) && !RELATIVE_PRONOUNS.has(first.lower)) return false;
  if (next.isPunct || isPossessiveMark(next) || isTrailingAdverb(next) || NON_NOMINAL_WORDS.has(next.lower)) return false;
  // A sentence-opening "That letter" is a determiner.
  return first.lower !== 'that' || (start > 0 && tokens[start - 1].sentence === first.sentence);
}

/** Words that may stand in a role phrase before a name ("billionaire hedge fund manager Paul Singer"). */
const ROLE_PHRASE_STOPS = ['Verb', 'Preposition', 'Conjunction', 'Pronoun', 'Auxiliary', 'Modal', 'QuestionWord', 'Adverb'];

/**
 * "spokesman John Kirby", "presumptive Republican nominee Donald Trump": a lowercase role noun just before a
 * name, and the modifiers before it up to a determiner, belong to the source.
 */
function withRoleBeforeName(tokens: Token[], start: number, floor: number): number {
  const sentence = tokens[start].sentence;
  const inSentence = (i: number): boolean => i >= floor && i >= 0 && tokens[i].sentence === sentence;
  if (!/^\p{Lu}/u.test(tokens[start].text) || !inSentence(start - 1)) return start;
  const role = tokens[start - 1];
  if (role.isPunct || role.text !== role.lower || !ROLE_NOUNS.has(role.lower)) return start;
  let from = start - 1;
  for (let i = from - 1, taken = 0; inSentence(i) && taken < 4; i--, taken++) {
    const token = tokens[i];
    if (NOUN_DETERMINERS.has(token.lower)) { from = i; break; }
    if (token.isPunct && token.text !== '-' || LEADING_LINKS.has(token.lower) || RELATIVE_PRONOUNS.has(token.lower) || ROLE_PHRASE_STOPS.some((tag) => token.tags.has(tag)) || isTrailingAdverb(token)) break;
    from = i;
  }
  return from;
}

/**
 * "Sen. Rand Paul (R-Ky.)": a short parenthesis right after a name (party, state, age) belongs to the
 * source; train gold sources take it 130 times and leave it out 8.
 */
function withAffiliation(tokens: Token[], end: number, limit: number): number {
  const last = tokens[end - 1];
  if (end >= limit || tokens[end].text !== '(' || !/^\p{Lu}/u.test(last.text)) return end;
  for (let i = end + 1; i < Math.min(limit, end + 8); i++) {
    if (tokens[i].sentence !== last.sentence || tokens[i].text === '(') return end;
    if (tokens[i].text === ')') return i > end + 1 ? i + 1 : end;
  }
  return end;
}

/**
 * "Clinton, who had plenty of stories of her": a relative clause the span stops inside (a word follows,
 * not punctuation or the cue) was cut by the tagger; the source is what came before it.
 */
function withoutCutRelativeClause(tokens: Token[], start: number, end: number, limit: number): number {
  if (end >= limit || tokens[end].isPunct || tokens[end].sentence !== tokens[end - 1].sentence) return end;
  for (let i = start + 1; i < end; i++) {
    if (!RELATIVE_PRONOUNS.has(tokens[i].lower) && tokens[i].lower !== 'whose') continue;
    let cut = tokens[i - 1].text === ',' ? i - 1 : i;
    // An apposition before the clause keeps its closing comma ("Jose Yepez, a council member in Somerton, Ariz.,").
    for (let k = start; k < cut; k++) if (tokens[k].text === ',' && cut < i) { cut = i; break; }
    return cut > start ? cut : end;
  }
  return end;
}

/** The comma closing a short opening adverbial ("Like Corker, Menendez"), or -1. */
function leadingAdverbialComma(tokens: Token[], start: number, end: number): number {
  if (!ADVERBIAL_OPENERS.has(tokens[start].lower)) return -1;
  for (let i = start + 1; i < Math.min(end - 1, start + 5); i++) if (tokens[i].text === ',') return i;
  return -1;
}
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const TIME_UNITS = new Set(['week', 'month', 'year', 'weekend']);
/** -ing words that head titles and noun phrases rather than participle phrases ("managing director"). */
const NOUN_LIKE_ING = new Set(['managing', 'acting', 'ranking', 'leading', 'founding', 'presiding', 'outgoing', 'incoming', 'governing', 'ruling', 'sitting', 'including', 'according', 'visiting', 'reigning', 'consulting', 'supervising', 'publishing', 'marketing', 'fundraising', 'polling', 'building', 'housing', 'nursing', 'banking', 'engineering', 'teaching', 'training', 'planning', 'accounting', 'advertising', 'broadcasting', 'manufacturing', 'mining', 'trading', 'lending', 'funding', 'spending']);
const PRONOUNS_BEFORE_S = new Set(['it', 'he', 'she', 'that', 'there', 'who', 'what']);

/**
 * Tokens a time expression takes at the end of [start, end) after a name ("The Times on Saturday",
 * "the Supreme Court this month") or as "on <day>", 0 when there is none. After a lowercase word ("a poll
 * released Monday", "his speech Tuesday") a bare day belongs to the source and stays.
 */
function trailingTime(tokens: Token[], start: number, end: number): number {
  const last = tokens[end - 1].lower;
  let from = end - 1;
  if (TIME_UNITS.has(last) && from - 1 > start && ['this', 'last', 'next', 'earlier', 'later'].includes(tokens[from - 1].lower)) from--;
  else if (!WEEKDAYS.has(last)) return 0;
  else if (from - 1 > start && tokens[from - 1].lower === 'on') from--;
  if (from - 1 > start && ['just', 'earlier', 'late', 'early', 'also'].includes(tokens[from - 1].lower)) from--;
  const before = tokens[from - 1];
  if (from <= start || before.isPunct) return 0;
  // "The board of elections on Monday": "on" and a day end a source 79 times in train gold for 7 inside
  // it, most of those after a participle ("The trove released on Thursday").
  const onDay = tokens[from].lower === 'on' && WEEKDAYS.has(last);
  return /^\p{Lu}/u.test(before.text) || onDay && !/ed$/.test(before.lower) ? end - from : 0;
}

/**
 * The source's token range [start, end) tidied. `limit` is the first token it may not reach (the cue, or the
 * paragraph end), `floor` the first it may reach leftwards (past the cue, for a source after it).
 */
export function tidySource(tokens: Token[], range: [number, number], limit: number, floor = 0): [number, number] {
  let [start, end] = range;
  {
    // "CLEVELAND - Donald Trump", "the missing cross - Adel Nefzi": a dash the span does not close again ends
    // what came before it (4 of 18,370 train gold sources hold an unpaired dash).
    const dashes: number[] = [];
    for (let i = start; i < end; i++) if (DASHES.has(tokens[i].text) && i > 0 && tokens[i - 1].end < tokens[i].start) dashes.push(i);
    const lastDash = dashes[dashes.length - 1];
    if (dashes.length % 2 === 1 && lastDash < end - 1 && lastDash > start) start = lastDash + 1;
  }
  for (;;) {
    const first = tokens[start];
    if (end - start > 1 && LEADING_LINKS.has(first.lower)) { start++; continue; }
    if (end - start > 1 && (first.text === ',' || first.text === '--' || first.text === '-' || first.text === '—')) { start++; continue; }
    if (end - start > 2 && RELATIVE_PRONOUNS.has(first.lower) && !tokens[start + 1].isPunct) { start++; continue; }
    if (end - start > 1 && opensClauseBeforeSubject(tokens, start)) { start++; continue; }
    const comma = leadingAdverbialComma(tokens, start, end);
    if (comma > 0) { start = comma + 1; continue; }
    break;
  }
  // A name or title cut at its start ("Loretta | Lynch", "Vermont Sen. | Bernie Sanders"), or a noun
  // phrase cut after its determiner ("the | freewheeling environment").
  while (start > 0 && tokens[start - 1].sentence === tokens[start].sentence && start - 1 >= floor) {
    const previous = tokens[start - 1];
    const capitalised = (token: Token): boolean => !token.isPunct && /^\p{Lu}/u.test(token.text);
    if (LEADING_LINKS.has(previous.lower) || RELATIVE_PRONOUNS.has(previous.lower)) break;
    const sentenceFirst = start - 1 === 0 || tokens[start - 2].sentence !== previous.sentence;
    const opensName = !sentenceFirst || previous.tags.has('Honorific');
    const nameWord = (token: Token): boolean => capitalised(token) && token.text !== token.text.toUpperCase() || token.tags.has('Honorific');
    const closedClass = ['Determiner', 'Preposition', 'Conjunction', 'Auxiliary', 'Modal', 'SubjectPronoun'].some((tag) => previous.tags.has(tag) || tokens[start].tags.has(tag));
    if (nameWord(previous) && capitalised(tokens[start]) && opensName && !closedClass) { start--; continue; }
    if (NOUN_DETERMINERS.has(previous.lower) && !capitalised(tokens[start]) && !tokens[start].isPunct && !tokens[start].tags.has('SubjectPronoun')) { start--; continue; }
    break;
  }
  start = withRoleBeforeName(tokens, start, floor);
  // "Trump, speaking to a veterans group in Virginia," — a participle phrase after a name is the reporter's
  // scene-setting, not the source: 16 of 18,370 train gold sources hold ", <word>ing", most of them titles.
  for (let i = start + 1; i + 1 < end; i++) {
    const word = tokens[i + 1];
    if (tokens[i].text === ',' && /^\p{Ll}+ing$/u.test(word.text) && !NOUN_LIKE_ING.has(word.lower)) { end = i; break; }
  }
  end = withoutCutRelativeClause(tokens, start, end, limit);
  for (;;) {
    const last = tokens[end - 1];
    if (end - start > 1 && isTrailingAdverb(last)) { end--; continue; }
    if (end - start > 2 && RELATIVE_PRONOUNS.has(last.lower) && tokens[end - 2].text === ',') { end -= 2; continue; }
    if (end - start > 1 && RELATIVE_PRONOUNS.has(last.lower) && limit === end) { start = end - 1; continue; }
    if (end - start > 1 && isPossessiveMark(last) && PRONOUNS_BEFORE_S.has(tokens[end - 2].lower)) { end--; continue; }
    if (end - start > 1 && last.text === ',') { end--; continue; }
    const time = end - start > 1 ? trailingTime(tokens, start, end) : 0;
    if (time) { end -= time; continue; }
    break;
  }
  end = withAffiliation(tokens, end, limit);
  let open = 0;
  for (let i = start; i < end; i++) open += tokens[i].text === '(' ? 1 : tokens[i].text === ')' ? -1 : 0;
  if (open > 0 && end < limit && tokens[end].text === ')') end++;
  else if (open > 0) {
    // "Mr. Burman (a view": a parenthesis the span opens and never closes is an aside, not the source.
    let at = end - 1;
    while (at > start && tokens[at].text !== '(') at--;
    if (at > start) end = at;
  }
  else if (open < 0 && tokens[end - 1].text === ')' && end - start > 1) end--;
  let innerComma = false;
  for (let i = start; i < end; i++) if (tokens[i].text === ',') innerComma = true;
  if (innerComma && end < limit && tokens[end].text === ',' && tokens[end].sentence === tokens[end - 1].sentence) end++;
  return [start, end];
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const IRREGULAR_PARTICIPLES = new Set(['told', 'said', 'thought', 'heard', 'held', 'found', 'made', 'led', 'sent', 'caught', 'taught', 'brought', 'left', 'read', 'put', 'set', 'cut', 'hit', 'quoted']);
/** Past participles that after "be" are adjectives of feeling, whose subject is the one who feels. */
const FEELING_ADJECTIVES = new Set(['worried', 'concerned', 'divided', 'impressed', 'convinced', 'outraged', 'assured', 'pleased', 'disappointed', 'frustrated', 'surprised', 'shocked', 'confused', 'committed', 'determined', 'dedicated', 'focused', 'tired', 'devoted', 'interested', 'excited', 'troubled', 'alarmed', 'satisfied', 'encouraged', 'inclined', 'prepared', 'opposed', 'split', 'united', 'scared', 'afraid', 'angered', 'annoyed', 'bothered', 'disturbed', 'embarrassed', 'offended', 'persuaded', 'relieved', 'stunned', 'upset', 'fed', 'struck', 'taken']);

function isParticiple(token: Token): boolean {
  if (token.isPunct) return false;
  return IRREGULAR_PARTICIPLES.has(token.lower) || /(ed|en|wn)$/.test(token.lower) && token.lower.length > 3;
}

/** A cue in the passive voice: a form of "be" (in the cue or just before it), adverbs, a past participle. */
export function isPassiveCue(tokens: Token[], start: number, end: number): boolean {
  let be = start - 1;
  while (be >= 0 && isTrailingAdverb(tokens[be])) be--;
  const opensWithBe = be >= 0 && BE.has(tokens[be].lower) && tokens[be].sentence === tokens[start].sentence;
  for (let i = start; i < end; i++) {
    const afterBe = i === start ? opensWithBe : BE.has(tokens[i - 1].lower) || (isTrailingAdverb(tokens[i - 1]) && i - 2 >= start && BE.has(tokens[i - 2].lower));
    if (afterBe && isParticiple(tokens[i])) return !FEELING_ADJECTIVES.has(tokens[i].lower);
  }
  return false;
}

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

const IMPRESSION_VERBS = new Set(['seem', 'seems', 'seemed', 'seeming', 'appear', 'appears', 'appeared', 'appearing', 'reportedly']);

/**
 * A cue of impression ("seems to", "appeared to acknowledge", "reportedly"): its subject is what the
 * impression is about, and PolNeAR gives it no source in 190 of 238 such gold cues on train ("reportedly":
 * 14 of 14).
 */
export function isImpressionCue(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (IMPRESSION_VERBS.has(tokens[i].lower)) return true;
  return false;
}

const OPENING_PARTICIPLES = new Set(['asked', 'pressed', 'questioned', 'challenged']);

/**
 * "Asked about the emails, Clinton said …": a participle opening its sentence is said of the subject that
 * follows, which is the next cue's source; PolNeAR gives it none 39 times in 43 on train (the rest "by X").
 */
export function isOpeningParticiple(tokens: Token[], start: number): boolean {
  return opensSentence(tokens, start) && OPENING_PARTICIPLES.has(tokens[start].lower);
}

const CLOSED_CLASS = ['Preposition', 'Conjunction', 'Adverb', 'Auxiliary', 'Modal'];
/** "his", "their", "many", "some", "another" name someone; these never do. */
const NON_NOMINAL_WORDS = new Set(['the', 'a', 'an', 'perhaps', 'despite', 'together', 'maybe', 'however', 'even', 'just', 'only', 'not']);

/** A lone word that cannot name anyone: "the", "despite", "perhaps", "Meanwhile" (a tagger slip, mostly on a forced decode). */
export function isImplausibleSource(tokens: Token[], range: [number, number]): boolean {
  if (range[1] - range[0] !== 1) return false;
  const token = tokens[range[0]];
  if (token.isPunct) return true;
  if (LEADING_LINKS.has(token.lower) || NON_NOMINAL_WORDS.has(token.lower) || TRAILING_ADVERBS.has(token.lower)) return true;
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
