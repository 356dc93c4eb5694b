/**
 * The source span tidied: deterministic rules for PolNeAR's conventions, which the role tagger learns only loosely
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
 *   - no trailing time after a name ("The Times on Saturday") or "on <day>", nor "in October", "in 2012", "in a
 *     statement" (a dated document, an apposition's or a clause's time kept); balanced parentheses, an
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
import { LY_NOUNS, TRAILING_ADVERBS, isTrailingAdverb, opensSentence, type Token } from '../../core';
import { FEMALE_NAMES, FIRST_NAMES, LAST_NAMES, MALE_NAMES, MONTHS, PLACES, ROLE_NOUNS, WEEKDAYS } from '../../lexicon';


export const RELATIVE_PRONOUNS = new Set(['who', 'which']);

/** A possessive ending split off as its own token ("Trump | ’s"). */
export const isPossessiveMark = (token: Token | undefined): boolean => token?.text === '’s' || token?.text === "'s";

/** Words that open a clause or link it to the last, never a source's first word ("Meanwhile Trump said"). */
export const LEADING_LINKS = new Set(['meanwhile', 'however', 'where', 'how', 'as', 'when', 'while', 'because', 'but', 'and', 'so', 'though', 'although', 'whereas', 'why', 'if', 'since', 'after', 'before']);
/** Sentence adverbials that open a clause before its subject ("Now Sembler", "which critics"); gold sources follow them (300 times in train) but almost never start with them. */
const LEADING_ADVERBIALS = new Set(['that', 'now', 'then', 'ultimately', 'similarly', 'still', 'also', 'alongside', 'indeed', 'instead', 'thus', 'likewise', 'moreover', 'furthermore', 'nonetheless', 'nevertheless', 'later', 'earlier', 'today', 'yesterday', 'finally', 'separately', 'previously']);
/** Words that open a short adverbial phrase closed by a comma before the subject ("Last month, the Independent"). */
const ADVERBIAL_OPENERS = new Set(['like', 'unlike', 'last', 'this', 'in', 'on', 'at', 'after', 'before', 'during', 'for', 'with', 'alongside', 'earlier', 'later', 'now', 'similarly', 'meanwhile', 'still', 'instead', 'also', 'however', 'again', 'yet', 'even', 'by', 'from', 'under', 'since', 'until']);
const DASHES = new Set(['-', '--', '—', '–']);
/** Adverbs a headline in title case capitalises before its verb ("Kasich Just Revealed …"); none ends a name. */
const TITLE_CASE_ADVERBS = new Set(['just', 'also', 'now', 'still', 'already', 'again', 'finally', 'officially', 'reportedly', 'quietly', 'publicly', 'openly', 'repeatedly', 'actually', 'really', 'never', 'even']);

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
export const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
const TIME_UNITS = new Set(['week', 'month', 'year', 'weekend']);
/** -ing words that head titles and noun phrases rather than participle phrases ("managing director"). */
export const NOUN_LIKE_ING = new Set(['managing', 'acting', 'ranking', 'leading', 'founding', 'presiding', 'outgoing', 'incoming', 'governing', 'ruling', 'sitting', 'including', 'according', 'visiting', 'reigning', 'consulting', 'supervising', 'publishing', 'marketing', 'fundraising', 'polling', 'building', 'housing', 'nursing', 'banking', 'engineering', 'teaching', 'training', 'planning', 'accounting', 'advertising', 'broadcasting', 'manufacturing', 'mining', 'trading', 'lending', 'funding', 'spending']);
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

/** What a source said something in: the occasion, not part of who said it ("The mayor in a statement said"). */
const SCENE_NOUNS = new Set(['statement', 'interview', 'letter', 'email', 'e-mail', 'tweet', 'post', 'speech', 'memo', 'video', 'call', 'op-ed', 'podcast', 'briefing']);
/** Heads that keep a time of their own: a poll, a survey or a report in June is that poll ("A Bloomberg poll in June"). */
const DATED_DOCUMENTS = new Set(['poll', 'polls', 'survey', 'surveys', 'report', 'reports', 'study', 'studies', 'census', 'audit', 'ad', 'ads', 'article', 'articles', 'book', 'paper', 'letter', 'letters', 'memo', 'filing', 'analysis']);

/**
 * Tokens a trailing "in October", "in 2019", "in a statement", "in a telephone interview" takes at the end of
 * [start, end), 0 when there is none: the when and the occasion of the words, not the one who said them ("Clark in
 * October revealed", cnbc-emirates). PolNeAR train gold leaves such a phrase out after a name or a pronoun ("House
 * Speaker Paul Ryan || in a statement") and keeps it after a dated document ("A Times/CBS News poll in December").
 */
function trailingScene(tokens: Token[], start: number, end: number): number {
  let at = end - 1;
  const last = tokens[at].lower;
  if (SCENE_NOUNS.has(last)) {
    at--;
    if (at > start && /^\p{Ll}/u.test(tokens[at].text) && !NOUN_DETERMINERS.has(tokens[at].lower)) at--;
    if (at <= start || !NOUN_DETERMINERS.has(tokens[at].lower)) return 0;
    at--;
  } else if (MONTHS.has(last) || /^(?:19|20)\d\d$/.test(last)) {
    at--;
    if (at > start && /^(?:early|late|mid)$/.test(tokens[at].lower)) at--;
  } else return 0;
  if (at <= start || tokens[at].lower !== 'in') return 0;
  const before = tokens[at - 1];
  // "a poll released in late August": the time is the participle's.
  if (before.isPunct || DATED_DOCUMENTS.has(before.lower) || /^\p{Ll}+ed$/u.test(before.text)) return 0;
  // Inside an apposition or a relative clause the time is that clause's ("a candidate in 2012", "who voted for
  // Mr. Obama in 2008"): gold keeps it. Of the ten train sources this rule moves, "Mr. Sanders in December", "a
  // judge in October", "Ryan's language in the statement" follow gold's convention.
  for (let i = start; i < at; i++) if (tokens[i].text === ',' || RELATIVE_PRONOUNS.has(tokens[i].lower) || tokens[i].lower === 'that') return 0;
  // "A survey by the organization in March", "Democrats trying to regain control of the Senate in November": the
  // time of a dated document, or of a participle's own clause.
  for (let i = start; i < at; i++) if (DATED_DOCUMENTS.has(tokens[i].lower) || /^\p{Ll}{3,}ing$/u.test(tokens[i].text) && !NOUN_LIKE_ING.has(tokens[i].lower)) return 0;
  return end - at;
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
    // "Kasich Just Revealed …": in a headline written in title case an adverb before the cue is capitalised too.
    // Only where the cue is capitalised too: "Democracy Now reported" keeps its name (round 21's review).
    if (end - start > 1 && TITLE_CASE_ADVERBS.has(last.lower) && last.text !== last.lower && end === limit && end < tokens.length && /^\p{Lu}/u.test(tokens[end].text)) { end--; continue; }
    if (end - start > 2 && RELATIVE_PRONOUNS.has(last.lower) && tokens[end - 2].text === ',') { end -= 2; continue; }
    if (end - start > 1 && RELATIVE_PRONOUNS.has(last.lower) && limit === end) { start = end - 1; continue; }
    if (end - start > 1 && isPossessiveMark(last) && PRONOUNS_BEFORE_S.has(tokens[end - 2].lower)) { end--; continue; }
    if (end - start > 1 && last.text === ',') { end--; continue; }
    const time = end - start > 1 ? trailingTime(tokens, start, end) || trailingScene(tokens, start, end) : 0;
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

/** "his", "their", "many", "some", "another" name someone; these never do. */
export const NON_NOMINAL_WORDS = new Set(['the', 'a', 'an', 'perhaps', 'despite', 'together', 'maybe', 'however', 'even', 'just', 'only', 'not']);
