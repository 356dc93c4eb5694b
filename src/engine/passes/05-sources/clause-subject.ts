/**
 * A source read from the clause around the cue rather than from the role tagger's chunk: the head noun just
 * after a cut phrase, a verb the source swallowed, and the subject a participle cue shares with its clause.
 */
import { CUE_AUXILIARIES, SENTENCE_OPENERS, type FoundCue, type Token } from '../../core';
import { CALENDAR, COURTESY, DEMONYMS, GROUP_NOUNS, nounClass, TITLES } from '../../lexicon';

/** Words that never stand inside a noun phrase's modifiers. */
const FUNCTION_WORDS = new Set(['by', 'for', 'with', 'from', 'to', 'of', 'in', 'on', 'at', 'and', 'or', 'but', 'that', 'who', 'which', 'as', 'than', 'here', 'there', 'now', 'then']);

/**
 * "The Russian space | agency would not …, saying …": a source the tagger stopped one word short of its head
 * noun takes that noun when it names a person or a group (WordNet) and no other word of the phrase follows it.
 */
export function withAgentNounAfter(tokens: Token[], range: [number, number], cueStart: number): [number, number] {
  const [start, end] = range;
  const next = tokens[end];
  if (!next || end >= cueStart || next.sentence !== tokens[end - 1].sentence || next.isPunct || next.text !== next.lower || CUE_AUXILIARIES.has(next.lower)) return range;
  if (tokens[end - 1].isPunct || /(?:ed|ing)$/.test(next.lower) || nounClass(next.lower) !== 'agent') return range;
  const after = tokens[end + 1];
  if (after && !after.isPunct && after.text === after.lower && nounClass(after.lower) !== 'unknown' && !CUE_AUXILIARIES.has(after.lower)) return range;
  return [start, end + 1];
}

/**
 * "after being warned by the Russian | government that …": an agent after its cue that the tagger stopped on a capitalised
 * modifier (a people's name: "Russian", "Chinese") takes the one or two lower-case words after it when the last names a person
 * or a group (WordNet) and the phrase ends there ("the Chinese foreign ministry that …"). Round 22, batch C's read
 * part: "the Russian" warned.
 */
export function withAgentNounAfterModifier(tokens: Token[], range: [number, number], limit: number): [number, number] {
  const [start, end] = range;
  const last = tokens[end - 1];
  if (last.isPunct || !/^\p{Lu}\p{Ll}/u.test(last.text) || !DEMONYMS.has(last.lower)) return range;
  for (let head = end; head < Math.min(end + 2, limit); head++) {
    const word = tokens[head];
    if (word.sentence !== last.sentence || word.isPunct || word.text !== word.lower || /(?:ed|ing)$/.test(word.lower) || CUE_AUXILIARIES.has(word.lower)
      || FUNCTION_WORDS.has(word.lower)) return range;
    const after = tokens[head + 1];
    const phraseEnds = !after || after.isPunct || after.text !== after.lower || nounClass(after.lower) === 'unknown' || after.lower === 'that';
    if ((nounClass(word.lower) === 'agent' || GROUP_NOUNS.has(word.lower)) && phraseEnds) return [start, head + 1];
    if (nounClass(word.lower) === 'unknown' && head > end) return range;
  }
  return range;
}

/**
 * "The minister of finance resigned, citing …": a source before its cue that ends on a lower-case past form
 * (-ed) that names no one ("the accused" does, in WordNet) has swallowed its clause's verb; the verb goes.
 */
export function withoutTrailingVerb(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  const last = tokens[end - 1];
  if (end - start < 2 || last.isPunct || last.text !== last.lower || !/\p{Ll}{2,}ed$/u.test(last.lower) || nounClass(last.lower) === 'agent') return range;
  // "those surveyed", "the actors involved", "chairs that POLITICO interviewed", "he ’s poised": a participle after
  // its noun, or a clause of the source's own, is part of it (PolNeAR train: of 23 tagged sources ending on -ed, 8 had swallowed their verb).
  if (POSTMODIFYING.has(last.lower)) return range;
  const before = tokens[end - 2];
  if (before.isPunct || /^(?:those|percent|’s|'s|a|an|the)$/.test(before.lower)) return range;
  for (let k = start; k < end - 1; k++) if (/^(?:that|who|whom|whose|which)$/.test(tokens[k].lower)) return range;
  return [start, end - 1];
}

/** Participles that follow the noun they describe in a source ("those surveyed", "the people interviewed"). */
const POSTMODIFYING = new Set(['surveyed', 'polled', 'interviewed', 'involved', 'questioned', 'asked', 'affected', 'concerned', 'contacted', 'named', 'quoted', 'cited', 'consulted', 'sampled', 'briefed']);

/** A finite verb (or an adverb before one) right after a subject: a past or -s form, or a common irregular one. */
const FINITE_AFTER_SUBJECT = /^(?:\p{Ll}{2,}(?:ed|s)|said|told|wrote|was|has|had|is|also|then|later|first)$/u;
/** Words for how many, which WordNet also reads as nouns for people ("a few"). */
const QUANTITY_HEADS = new Set(['few', 'many', 'some', 'several', 'most', 'all', 'dozen', 'handful']);
/** Words that may stand between a clause and a participle cue that shares its subject ("…, while claiming"). */
const PARTICIPLE_LEADS = new Set([',', 'while', 'after', 'before', 'when', 'by']);

/**
 * "Uber unilaterally slashes drivers’ rates, while claiming they don’t need to unionize": a participle cue after
 * its clause, left with no source, has the clause's subject for source when that subject opens the sentence
 * plainly: a run of capitalised words, or "the"/"a" and up to three words ending in a noun for a person or a
 * group (WordNet). Null otherwise.
 */
export function participleSubject(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): [number, number] | undefined {
  // A title's closing quotation mark may stand between the clause and its comma ("… titled "X," explaining").
  const lead = tokens[cue.start - 1]?.quote === 'close' ? cue.start - 2 : cue.start - 1;
  if (!/ing$/.test(tokens[cue.start].lower) || lead < 1 || !PARTICIPLE_LEADS.has(tokens[lead].lower)) return undefined;
  return openingSubject(tokens, sentences, cue, lead);
}

/**
 * "WASHINGTON — Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed Donald Trump's attack … — something that's thrown the
 * GOP into chaos all week — and said it's basically the same thing as …": a finite cue after "and" (an adverb between
 * or not), left with no source, is the second verb of its sentence's subject, when that subject opens the sentence
 * plainly (round 22, batch D's second part: the tagger, finding no cue in "downplayed", gave "said" no source).
 */
export function coordinatedSubject(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): [number, number] | undefined {
  let lead = cue.start - 1;
  while (lead > 0 && CUE_AUXILIARIES.has(tokens[lead].lower)) lead--;
  // A finite verb of saying: "said", "told", "wrote", an -ed or -s form ("direct quotes about" is a noun).
  const verb = tokens[cue.end - 1].lower;
  if (lead < 2 || tokens[lead].lower !== 'and' || !/^(?:said|says|told|tells|wrote|writes|\p{Ll}{2,}ed)$/u.test(verb)) return undefined;
  // After a name, "and" joins two subjects ("Trump and Clinton said"), not two verbs.
  const before = tokens[lead - 1];
  if (/^\p{Lu}/u.test(before.text) || before.text === ',') return undefined;
  // The subject's own verb follows it ("Grassley … on Wednesday downplayed"), not a noun of a longer name ("Hong Kong
  // police"), and it is no quantity's noun ("A few minutes later").
  const subject = openingSubject(tokens, sentences, cue, lead, true);
  if (!subject || subject[1] >= lead - 1) return undefined;
  // "North Korea … fired a missile — and Japan protested and said …": a clause of another subject between is that
  // subject's (round 22's review).
  for (let at = subject[1]; at < lead; at++) if (tokens[at].lower === 'and' && /^\p{Lu}/u.test(tokens[at + 1]?.text ?? '')) return undefined;
  return subject;
}

/** The subject a sentence opens on plainly, before `lead` (see participleSubject); a dateline ("WASHINGTON —") skipped. */
function openingSubject(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue, lead: number, verbAfter = false): [number, number] | undefined {
  const [sentenceStart] = sentences[tokens[cue.start].sentence];
  let start = sentenceStart;
  while (start < cue.start && SENTENCE_OPENERS.has(tokens[start].lower)) start++;
  if (start + 1 < cue.start && /^\p{Lu}{2,}$/u.test(tokens[start].text) && /^[—–-]$/.test(tokens[start + 1].text)) start += 2;
  let end = start;
  // "As they met in Ottawa, Trump was … in Bangor, Maine, promising …": a sentence opening on a subordinate clause or a
  // phrase has its subject after that clause's comma (PolNeAR read as pages, half A).
  if (CLAUSE_OPENERS.has(tokens[start]?.lower ?? '') || /^(?:by|in|on|at|for|from|with|during|amid|despite)$/.test(tokens[start]?.lower ?? '')) {
    let comma = start + 1;
    while (comma < lead && tokens[comma].text !== ',' && !tokens[comma].quote) comma++;
    if (comma >= lead || tokens[comma].text !== ',') return undefined;
    start = comma + 1;
    end = start;
  }
  if (/^\p{Lu}/u.test(tokens[start]?.text ?? '') && !tokens[start].isPunct && !/^(?:the|a|an)$/.test(tokens[start].lower)) {
    // "Sen. Chuck Grassley": a title's full stop stays inside the name.
    const titleStop = (at: number) => tokens[at].text === '.' && at > start && (TITLES.has(tokens[at - 1].lower) || tokens[at - 1].lower in COURTESY);
    while (end < cue.start - 1 && ((/^\p{Lu}/u.test(tokens[end].text) && !tokens[end].isPunct) || titleStop(end))) end++;
  } else if (/^(?:the|a|an)$/.test(tokens[start]?.lower ?? '')) {
    let head = -1;
    for (let k = start + 1; k < Math.min(start + 4, cue.start - 1); k++) {
      if (tokens[k].isPunct) break;
      if (nounClass(tokens[k].lower) === 'agent' && !CUE_AUXILIARIES.has(tokens[k].lower)) head = k;
    }
    if (head < 0) return undefined;
    end = head + 1;
  }
  if (end === start || end >= cue.start - 1) return undefined;
  // The subject is followed by its verb, not by a comma or a conjunction (a list, an opening phrase); a party label in
  // parentheses ("(R-Iowa)") is the name's.
  let verbAt = end;
  if (tokens[verbAt].text === '(') {
    while (verbAt < lead && tokens[verbAt].text !== ')') verbAt++;
    verbAt++;
    if (verbAt >= lead) return undefined;
  }
  // "… on Wednesday downplayed": a day between the subject and its verb.
  if (verbAt + 1 < lead && /^(?:on|last|this)$/.test(tokens[verbAt].lower) && CALENDAR.has(tokens[verbAt + 1].lower)) verbAt += 2;
  const after = tokens[verbAt];
  // "Trump's congressional allies have been …": a name owning the subject is not the subject.
  if (after.isPunct || /^(?:and|or|of|in|on|at|for|to|with|'s|’s)$/.test(after.lower)) return undefined;
  if (verbAfter && (!FINITE_AFTER_SUBJECT.test(after.text) || QUANTITY_HEADS.has(tokens[end - 1].lower))) return undefined;
  return [start, end];
}

/**
 * "A spokeswoman for the House Armed Services Committee emailed …": a sentence-opening "a"/"the" and a noun for a
 * person or a group, then "for"/"of"/"at" and a capitalised name, then a lower-case word (its verb).
 */
function subjectWithModifier(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): [number, number] | undefined {
  const [start] = sentences[tokens[cue.start].sentence];
  if (!/^(?:the|a|an)$/.test(tokens[start].lower)) return undefined;
  let head = start + 1;
  while (head < start + 3 && head < cue.start && !tokens[head].isPunct && nounClass(tokens[head].lower) !== 'agent') head++;
  if (head >= cue.start || nounClass(tokens[head].lower) !== 'agent' || tokens[head].text !== tokens[head].lower) return undefined;
  let end = head + 1;
  if (!/^(?:for|of|at)$/.test(tokens[end]?.lower ?? '')) return undefined;
  end++;
  if (tokens[end]?.lower === 'the') end++;
  const nameStart = end;
  while (end < cue.start && /^\p{Lu}/u.test(tokens[end].text) && !tokens[end].isPunct) end++;
  if (end === nameStart || end >= cue.start) return undefined;
  const verb = tokens[end];
  return !verb.isPunct && verb.text === verb.lower && !/^(?:and|or|of|in|on|at|for|to|with)$/.test(verb.lower) ? [start, end] : undefined;
}

/** Words that open a clause of its own between a subject and a later noun phrase ("…, and Clinton replied"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'or', 'who', 'which', 'that', 'whose', 'whom', 'while', 'when', 'because', 'as', 'after', 'before', 'where', 'if', 'since', 'although', 'though', 'until', 'once', ';', ':']);

/**
 * "Starr said the situation reminds him of the book titled "The Tragedy …," explaining, "…"", "A spokeswoman
 * emailed reporters with the text of the Act, arguing, "…"": a participle cue after a comma shares the subject of
 * the clause it hangs on; a noun phrase the tagger took just before the comma is that clause's object. The object
 * gives way to the sentence's plain opening subject (participleSubject) when nothing between them opens a clause of
 * its own. From PolNeAR train half A (10 of 29 direct quotations with a wrong source were a participle's).
 */
export function participleClauseSubject(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue, source: [number, number]): [number, number] {
  const [start, end] = source;
  if (!/ing$/.test(tokens[cue.start].lower) || end > cue.start || tokens[start].tags.has('SubjectPronoun')) return source;
  // The noun phrase runs up to the comma; a title's closing quotation mark may stand before or after it.
  let comma = cue.start - 1;
  if (tokens[comma]?.quote === 'close') comma--;
  if (tokens[comma]?.text !== ',') return source;
  for (let k = end; k < comma; k++) if (tokens[k].quote !== 'close') return source;
  const subject = participleSubject(tokens, sentences, cue) ?? subjectWithModifier(tokens, sentences, cue);
  // A sentence opening with a quotation has its speaker after it, not a subject in the quoted words.
  if (!subject || subject[1] >= start || tokens[subject[0]].inQuote) return source;
  // "a message from Wendy Sherman, reporting …": the participle is the message's, its author's words.
  for (let k = subject[1]; k < start; k++) if (CLAUSE_OPENERS.has(tokens[k].lower) || tokens[k].lower === 'from' || (tokens[k].quote === 'open' && k < start - 1)) return source;
  return subject;
}

const NP_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'two', 'three', 'several', 'some', 'many']);
const CLAUSE_BREAK = /^[,;:()—–]$/;

/**
 * "A spokesperson who did not wish to be named because of agency policy | said …", "The doctors offering to operate
 * the flu vaccination clinic | noted …": a source the tagger took from inside a relative or participle phrase
 * ("of agency policy", "vaccination clinic") is no subject; the clause's subject is the noun phrase that opens
 * the clause, which that phrase modifies. Taken only when that noun names a person or a group (WordNet), so the
 * new source can speak; the phrase stays in the span, and the speaker's name is cut at it later.
 */
export function withSubjectBeforeModifier(tokens: Token[], range: [number, number], cueStart: number): [number, number] {
  const [start] = range;
  let clauseStart = start;
  while (clauseStart > 0 && tokens[clauseStart - 1].sentence === tokens[start].sentence && !CLAUSE_BREAK.test(tokens[clauseStart - 1].text)) {
    if (tokens[clauseStart - 1].inQuote) return range;
    clauseStart--;
  }
  while (clauseStart < start && SENTENCE_OPENERS.has(tokens[clauseStart].lower)) clauseStart++;
  if (clauseStart >= start - 1 || !NP_DETERMINERS.has(tokens[clauseStart].lower)) return range;
  // The noun phrase: its determiner and up to three words, the last a noun for a person or a group.
  for (let head = clauseStart + 1; head <= clauseStart + 3 && head < start; head++) {
    const word = tokens[head];
    if (word.isPunct || word.text !== word.lower) return range;
    const modifier = tokens[head + 1];
    const opensModifier = modifier.lower === 'who' || (/^[a-z]{3,}ing$/.test(modifier.lower) && /^(?:to|the|a|an|his|her|their|its)$/.test(tokens[head + 2]?.lower ?? ''));
    if (!opensModifier) continue;
    const canSpeak = nounClass(word.lower) === 'agent' || GROUP_NOUNS.has(word.lower) || GROUP_NOUNS.has(word.lower.replace(/s$/, ''));
    return canSpeak && head + 1 < start ? [clauseStart, Math.min(cueStart, range[1])] : range;
  }
  return range;
}
