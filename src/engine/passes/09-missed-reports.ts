/**
 * Pass 9 — missed reports. Adds to `found` reports of speech the cue tagger missed: a finite verb of telling or revealing after its subject, and the
 * reported clause after it ("Officials divulged Thursday that the government had allowed …", "Law
 * enforcement sources tell TMZ ... the dress was taken", "Lupita told cops it was taken …" inside another
 * report). The tagger learnt its verbs from PolNeAR's 840 articles; rarer ones ("divulged") and reports nested
 * in another content slip through, though the sentence leaves no doubt. Deterministic and narrow: the verb
 * must be a finite form, its subject a name, a pronoun or a plural noun for people, and the clause must start
 * with "that" or, after an object of "tell", with a subject of its own; "As X reports, …" reports the rest of
 * its sentence (PolNeAR annotates all 6 such openers in train so).
 */
import type { Attribution } from '../../shared/attribution';
import { FINITE_AUXILIARY, quoteKind, spanOf, type AnalysisState, type Token, type Tokenized } from '../core';
import { DOCUMENT_NOUNS, GROUP_NOUNS, inflections, lemmatize, nounClass, SAYING_NOUN_VERBS } from '../lexicon';

/** Verbs whose finite forms report speech when a clause follows; "tell"-like ones take an object first. */
const TELLING = ['tell', 'inform', 'notify', 'assure', 'warn', 'remind', 'advise', 'instruct', 'convince', 'promise'];
const REPORTING = [
  'say', 'divulge', 'disclose', 'reveal', 'announce', 'claim', 'insist', 'admit', 'acknowledge', 'confirm', 'deny',
  'report', 'explain', 'state', 'write', 'tweet', 'argue', 'allege', 'testify', 'vow', 'predict', 'concede', 'declare',
  'assert', 'confide', 'maintain', 'contend', 'suggest', 'stress', 'emphasize', 'note', 'add', 'complain', 'boast',
  // Round 16 (a made-up battery: "Trump posted on social media that the deal was …"): a post with a clause is a statement.
  'post',
  // Also telling verbs whose object may be left out ("The company now promises it will …").
  'promise', 'warn',
  'pledge', 'swear',
];

/**
 * Commitments made in words report what was promised with an infinitive ("who has repeatedly pledged to ban all
 * Muslims", "pledged to create 700,000 jobs"): the blind readers require each one (four missed in the read sets,
 * where the tagger, taught on PolNeAR's 840 articles, did not fire after a long list of nouns).
 */
const COMMITMENT = new Set(['pledge', 'vow', 'promise', 'swear']);

/** Past and third-person forms, and the base form (finite after a plural subject: "sources tell"). */
function finiteForms(lemmas: string[]): Map<string, string> {
  const forms = new Map<string, string>();
  for (const lemma of lemmas) {
    const [base, past, third] = inflections(lemma);
    forms.set(past, lemma);
    forms.set(third, lemma);
    forms.set(base, lemma);
  }
  return forms;
}

const TELLING_FORMS = finiteForms(TELLING);
const BASE_FORMS = new Set([...TELLING, ...REPORTING]);
const REPORTING_FORMS = finiteForms(REPORTING);
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'later', 'then', 'now', 'again', 'reportedly', 'previously', 'repeatedly', 'publicly', 'privately']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
const CLAUSE_SUBJECT = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'the', 'a', 'an', 'this', 'that', 'there', 'his', 'her', 'their', 'its', 'our']);
const BOUNDARY = /^(?:[,;:()—–-]|and|but|that|which|who|while|as|because|if|when)$/i;
/** Words for a time, a place or a manner between the verb and its clause ("Thursday", "on Wednesday", "by telephone"). */
const SETTING_WORD = /^(?:on|by|in|at|last|this|early|late|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year|morning|evening|night|telephone|phone|email|interview|statement|privately|publicly|also)$/;
/** Where words were posted or written ("on social media", "on Truth Social", "in a blog post"): the medium, no clause. */
const MEDIUM_WORD = /^(?:social|media|website|site|blog|post|account|page|feed|platform|network|a|his|her|their|its)$/;
const isSetting = (token: Token) => SETTING_WORD.test(token.lower);
const isMediumWord = (token: Token) => MEDIUM_WORD.test(token.lower) || isCapitalised(token);

/** The word at `at` names the medium after "on"/"in", or goes on naming it ("posted on Truth Social that …"). */
function inMedium(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1];
  if (/^(?:on|in)$/.test(before.lower)) return isMediumWord(tokens[at]);
  return isMediumWord(before) && isMediumWord(tokens[at]) && tokens[at].lower !== 'that';
}
const PREPOSITION = /^(?:of|from|for|in|on|at|by|with|to|about|into|over|after|before)$/;
const ELLIPSIS = /^(?:\.\.\.|…)$/;
const QUANTIFIERS = new Set(['many', 'some', 'most', 'all', 'several', 'few', 'both', 'the', 'this', 'these', 'those', 'other', 'others', 'such', 'each', 'any', 'more', 'no']);

/** A capitalised word, or a name opening with a digit and holding a capital ("9to5Mac", "3M"). */
const isCapitalised = (token: Token) => /^(?:\p{Lu}|\d[\p{L}\d]*\p{Lu})/u.test(token.text) && !token.isPunct;

/** The subject before the verb at `verb`: a name, a pronoun or a plural noun for people; null if none. */
function subjectBefore(tokens: Token[], verb: number, sentenceStart: number, commitment = false): [number, number] | null {
  let end = verb;
  while (end - 1 >= sentenceStart && AUXILIARIES.has(tokens[end - 1].lower)) end--;
  if (end === verb && verb - 1 >= sentenceStart && /^(?:was|were|is|are|be|been)$/.test(tokens[verb - 1].lower)) return null;
  if (end - 1 < sentenceStart) return null;
  const last = tokens[end - 1];
  // "the company claims", "the mayor told": a determiner and a singular noun for a person or body.
  if (end - 2 >= sentenceStart && /^(?:the|a|an)$/.test(tokens[end - 2].lower) && !isCapitalised(last) && nounClass(last.lower) === 'agent' && !/s$/.test(last.lower)) {
    return [end - 2, end];
  }
  // "The lawsuit claims the company knew …": a document speaks for its authors (the tagger, reading "claims" after
  // "lawsuit" as a noun, missed it: a made-up battery of round 17).
  if (end - 2 >= sentenceStart && /^(?:the|a|an|this|that)$/.test(tokens[end - 2].lower) && !isCapitalised(last) && DOCUMENT_NOUNS.has(last.lower)) {
    return [end - 2, end];
  }
  // "…, who has repeatedly pledged to …": a relative pronoun speaks for the name it follows (pass 16 resolves it); only
  // before a commitment, since before other verbs the tagger's misses read no better than its finds (PolNeAR train: two
  // of five right, "the lifelong Republican who wrote the powerful speech"); not after a word for a thing.
  if (last.lower === 'who' && end - 1 > sentenceStart) {
    // Between commas ("The mayor, who promised to …,") the clause ends at its comma; without one, only after a copula
    // ("… is a serial liar and birther who has pledged to …"), where the relative clause runs to the sentence's end:
    // "The man who swore to kill his wife was arrested" goes on into its own verb (round 22's review).
    const nonRestrictive = tokens[end - 2].text === ',';
    const predicate = tokens.slice(sentenceStart, end - 1).some((token) => /^(?:is|was|are|were)$/.test(token.lower));
    return commitment && nounClass(tokens[end - 2].lower) !== 'other' && (nonRestrictive || predicate) ? [end - 1, end] : null;
  }
  if (SUBJECT_PRONOUNS.has(last.lower)) {
    const before = tokens[end - 2];
    return end - 1 === sentenceStart || (before && BOUNDARY.test(before.text)) ? [end - 1, end] : null;
  }
  let start = end;
  while (start - 1 >= sentenceStart && end - start < 6 && !tokens[start - 1].isPunct && !BOUNDARY.test(tokens[start - 1].text) && tokens[start - 1].quote === null) start--;
  if (start === end) return null;
  const words = tokens.slice(start, end);
  const head = words[words.length - 1];
  // "Many reports …", "Some say …": a quantifier is no subject of its own.
  if (QUANTIFIERS.has(head.lower)) return null;
  if (isCapitalised(head)) {
    // A name: the capitalised words before the verb, no more ("He said CNN had tweeted" gives "CNN").
    let nameStart = end - 1;
    while (nameStart - 1 >= start && (isCapitalised(tokens[nameStart - 1]) || tokens[nameStart - 1].text === '.')) nameStart--;
    // "As Mashable reports, …": the opener is no part of the name.
    while (nameStart < end - 1 && /^(?:as|and|but|so|then)$/.test(tokens[nameStart].lower)) nameStart++;
    const single = nameStart === end - 1;
    return single && nameStart === sentenceStart && nounClass(head.text) === 'other' ? null : [nameStart, end];
  }
  // A plural noun for people, with at most two modifiers ("Law enforcement sources").
  if (!/s$/.test(head.lower) || (nounClass(head.lower) !== 'agent' && !GROUP_NOUNS.has(head.lower))) return null;
  const modifiers = tokens.slice(Math.max(start, end - 3), end - 1);
  return modifiers.some((word) => PREPOSITION.test(word.lower)) ? null : [Math.max(start, end - 3), end];
}

/** Where the reported clause starts after the verb (and a telling verb's object); -1 if no clause follows. */
function clauseStart(tokens: Token[], verb: number, sentenceEnd: number, telling: boolean): number {
  let at = verb + 1;
  if (telling) {
    const objectStart = at;
    while (at < sentenceEnd && at - objectStart < 5 && (isCapitalised(tokens[at]) || /^(?:cops|police|reporters|investigators|officials|him|her|them|us|me|the|a|his|her|their)$/i.test(tokens[at].text)) && tokens[at].lower !== 'that') at++;
    if (at === objectStart) return -1;
  }
  const settingFrom = at;
  while (at < sentenceEnd && at - settingFrom < 6 && (isSetting(tokens[at]) || (at > settingFrom && inMedium(tokens, at)))) at++;
  // "..." is one mark or three full stops.
  if (at < sentenceEnd && ELLIPSIS.test(tokens[at].text)) return at + 1;
  if (at + 2 < sentenceEnd && tokens[at].text === '.' && tokens[at + 1].text === '.' && tokens[at + 2].text === '.') return at + 3;
  if (at < sentenceEnd && tokens[at].lower === 'that') return at + 1;
  if (at !== settingFrom || at >= sentenceEnd || !CLAUSE_SUBJECT.has(tokens[at].lower)) return -1;
  // With no "that", a clause needs a finite verb of its own soon ("claims its new prices have saved …"),
  // or it is the verb's object ("announced its new prices"); a telling verb's object already says so.
  return telling || hasFiniteVerbSoon(tokens, at, sentenceEnd) ? at : -1;
}

/**
 * The comma closing "As X reports[ adjunct]," or -1: after the verb, at most five words of a setting ("on Monday",
 * "last week") or of one prepositional phrase ("for NPR", "in a blog post"), none quoted and none a verb.
 */
function asClauseEnd(tokens: Token[], verb: number, sentenceEnd: number): number {
  const from = verb + 1;
  if (from < sentenceEnd && tokens[from].text === ',') return from;
  if (from >= sentenceEnd || !(isSetting(tokens[from]) || PREPOSITION.test(tokens[from].lower))) return -1;
  for (let at = from + 1; at < sentenceEnd && at - from <= 5; at++) {
    const token = tokens[at];
    if (token.text === ',') return at;
    if (token.isPunct || token.inQuote || token.lower === 'that' || REPORTING_FORMS.has(token.lower) || FINITE_AUXILIARY.test(token.lower)) return -1;
  }
  return -1;
}

/** Whether the token stands inside the cue of an attribution already found. */
function insideCue(found: Attribution[], token: Token): boolean {
  return found.some((attribution) => attribution.cue && attribution.cue.start <= token.start && token.end <= attribution.cue.end);
}

/** A verb in the past tense: a regular form or a common irregular one (the tokens carry few tags). */
const PAST_FORM = /^(?:\p{Ll}{3,}ed|knew|told|went|made|took|gave|found|thought|saw|did|began|kept|left|lost|paid|sold|won|wrote|spent|became|came|got|held|led|brought|bought|built|ran|met|hid|lied|sent|fell|broke|stole|drove|understood)$/u;

const NOT_BEFORE_PAST = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'to', 'be', 'been', 'being', 'was', 'were', 'is', 'are', 'has', 'have', 'had',
  'into', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'about', 'as', 'than', 'very', 'most', 'more', 'well', 'newly']);
const AFTER_PAST = /^(?:the|a|an|his|her|their|its|about|that|to|it|him|them|us|in|on|at|for|with|from|by|of|up|out|off|no|nothing|more|[,.])$/;

/** A finite auxiliary or modal soon after, or a verb in the past tense: a clause's own verb is at hand. */
function hasFiniteVerbSoon(tokens: Token[], from: number, to: number): boolean {
  for (let at = from + 1; at < to && at - from <= 8; at++) {
    if (/^[,;:]$/.test(tokens[at].text)) return false;
    if (FINITE_AUXILIARY.test(tokens[at].lower)) return true;
    // "the company knew about …": a verb in the past tense right after the subject's noun, and an object or a
    // complement after it, not a noun it modifies ("a large pledged delegate lead", "into advanced age"; round 17).
    if (at - from <= 3 && PAST_FORM.test(tokens[at].lower) && /^\p{Ll}+$/u.test(tokens[at - 1].text) && !NOT_BEFORE_PAST.has(tokens[at - 1].lower)
      && at + 1 < to && AFTER_PAST.test(tokens[at + 1].lower)) return true;
  }
  return false;
}

/** The subject comes right after a comma, and after the verb only its setting and the full stop: "…, X reported earlier this year." */
function reportClosesSentence(tokens: Token[], subject: [number, number], verb: number, sentenceStart: number, sentenceEnd: number): boolean {
  if (subject[0] - 1 <= sentenceStart + 3 || tokens[subject[0] - 1].text !== ',') return false;
  let at = verb + 1;
  while (at < sentenceEnd && (isSetting(tokens[at]) || /^(?:ago|a|report)$/.test(tokens[at].lower))) at++;
  return at === sentenceEnd || (at === sentenceEnd - 1 && /^[.!?]$/.test(tokens[at].text));
}

function pushReport(out: Attribution[], text: string, tokens: Token[], subject: [number, number], verb: number, [start, end]: [number, number], form: string): void {
  let cueStart = verb;
  while (cueStart > subject[1] && AUXILIARIES.has(tokens[cueStart - 1].lower)) cueStart--;
  const span = (from: number, to: number) => ({ start: tokens[from].start, end: tokens[to - 1].end, text: text.slice(tokens[from].start, tokens[to - 1].end) });
  const source = span(subject[0], subject[1]);
  out.push({
    id: '',
    cue: span(cueStart, verb + 1),
    sources: [source],
    contents: [span(start, end)],
    kind: 'indirect',
    speaker: { name: source.text, type: 'unnamed', aliases: [] },
    confidence: 0.6,
    cueLemma: TELLING_FORMS.get(form) ?? REPORTING_FORMS.get(form),
  });
}

export function reportsWithMissedCue(text: string, tokenized: Tokenized, found: Attribution[]): Attribution[] {
  const { tokens, sentences } = tokenized;
  const out: Attribution[] = [];
  const cueAt = (token: Token) => insideCue(found, token);
  for (const [sentenceStart, sentenceEnd] of sentences) {
    for (let verb = sentenceStart + 1; verb < sentenceEnd; verb++) {
      const token = tokens[verb];
      const telling = TELLING_FORMS.has(token.text);
      if ((!telling && !REPORTING_FORMS.has(token.text)) || token.inQuote || cueAt(token)) continue;
      const lemma = TELLING_FORMS.get(token.text) ?? REPORTING_FORMS.get(token.text);
      const commitment = lemma !== undefined && COMMITMENT.has(lemma) && verb + 2 < sentenceEnd && tokens[verb + 1].lower === 'to' && /^\p{Ll}+$/u.test(tokens[verb + 2].text);
      const subject = subjectBefore(tokens, verb, sentenceStart, commitment);
      if (!subject) continue;
      // "Western states", "FEC reports": after capitalised words an -s form that is also a plural noun reads as the noun.
      const ambiguous = /s$/.test(token.text) && !/^(?:says|tells)$/.test(token.text) && nounClass(token.text) !== 'unknown';
      // "As Mashable reports, the company announced …": the rest of the sentence is the report. The "as" stands for
      // the verb's object, so only a setting or a prepositional phrase can come before the comma ("As Emily Feng
      // reports for NPR, …", "As Smith said on Monday, …").
      const asComma = subject[0] === sentenceStart + 1 && tokens[sentenceStart].lower === 'as' ? asClauseEnd(tokens, verb, sentenceEnd) : -1;
      const asOpener = asComma > 0 && asComma + 1 < sentenceEnd;
      if (ambiguous && !asOpener && isCapitalised(tokens[subject[1] - 1])) continue;
      // A base form is finite only after a plural subject ("sources tell", "they say"), never after "to" or a modal.
      const subjectHead = tokens[subject[1] - 1].lower;
      if (BASE_FORMS.has(token.text) && (subject[1] !== verb || !(/s$/.test(subjectHead) || /^(?:they|we|i)$/.test(subjectHead)))) continue;
      // "…, Yahoo Finance reported earlier this year.": a report closing its sentence gives it the clause before.
      const closing = !telling && reportClosesSentence(tokens, subject, verb, sentenceStart, sentenceEnd);
      if (closing) {
        pushReport(out, text, tokens, subject, verb, [sentenceStart, subject[0] - 1], token.text);
        continue;
      }
      let start = commitment ? verb + 1 : asOpener ? asComma + 1 : clauseStart(tokens, verb, sentenceEnd, telling);
      if (start < 0 && telling && REPORTING_FORMS.has(token.text)) start = clauseStart(tokens, verb, sentenceEnd, false);
      if (start < 0) continue;
      let end = sentenceEnd;
      // "The mayor, who promised to fix the roads, lost": a relative clause between commas ends at its comma.
      if (tokens[subject[0]].lower === 'who' && tokens[subject[0] - 1].text === ',') {
        const comma = tokens.findIndex((candidate, at) => at > start && at < sentenceEnd && candidate.text === ',');
        if (comma > 0) end = comma;
      }
      while (end > start && tokens[end - 1].isPunct && tokens[end - 1].quote === null) end--;
      // "…, the source added": the sentence's own attribution closes it, outside this content.
      for (let comma = end - 2; comma > start && end - comma <= 7; comma--) {
        if (tokens[comma].text === ',' && REPORTING_FORMS.has(tokens[end - 1].text)) {
          end = comma;
          break;
        }
      }
      if (end - start < 4) continue;
      pushReport(out, text, tokens, subject, verb, [start, end], token.text);
    }
  }
  return out;
}

/**
 * "…, per WHO." and "Per Reuters, …": "per" before a name is "according to" (the tagger, taught on PolNeAR, has
 * no such cue). Only before a capitalised name, so "per cent", "per capita", "$5 per share" are never read so,
 * and only where the clause holds no cue of its own ("one commenter said, per Feng" is a relayed report).
 */
export function perReports(text: string, tokenized: Tokenized, found: Attribution[]): Attribution[] {
  const { tokens, sentences } = tokenized;
  const out: Attribution[] = [];
  const cueWithin = (from: number, to: number) => found.some((attribution) => attribution.cue && attribution.cue.start < tokens[to - 1].end && tokens[from].start < attribution.cue.end);
  const span = (from: number, to: number) => ({ start: tokens[from].start, end: tokens[to - 1].end, text: text.slice(tokens[from].start, tokens[to - 1].end) });
  for (const [sentenceStart, sentenceEnd] of sentences) {
    for (let per = sentenceStart; per < sentenceEnd - 1; per++) {
      if (tokens[per].lower !== 'per' || tokens[per].inQuote) continue;
      const nameStart = per + 1 < sentenceEnd && tokens[per + 1].lower === 'the' ? per + 2 : per + 1;
      let nameEnd = nameStart;
      while (nameEnd < sentenceEnd && nameEnd - nameStart < 6 && (isCapitalised(tokens[nameEnd]) || (nameEnd > nameStart && /^(?:of|for|’s|'s)$/.test(tokens[nameEnd].lower) && isCapitalised(tokens[nameEnd + 1] ?? tokens[nameEnd])))) nameEnd++;
      if (nameEnd === nameStart || !isCapitalised(tokens[nameEnd - 1])) continue;
      let contents: [number, number];
      if (per === sentenceStart) {
        // "Per Reuters, the company …": the rest of the sentence.
        if (tokens[nameEnd]?.text !== ',') continue;
        let end = sentenceEnd;
        while (end > nameEnd + 1 && tokens[end - 1].isPunct && tokens[end - 1].quote === null) end--;
        contents = [nameEnd + 1, end];
      } else {
        // "…, per WHO.": the name closes the sentence and a comma opens it; the clause before is the report.
        const closes = nameEnd === sentenceEnd || (nameEnd === sentenceEnd - 1 && /^[.!?]$/.test(tokens[nameEnd].text));
        if (!closes || tokens[per - 1].text !== ',') continue;
        contents = [sentenceStart, per - 1];
      }
      if (contents[1] - contents[0] < 4 || cueWithin(contents[0], contents[1])) continue;
      const source = span(nameStart, nameEnd);
      out.push({
        id: '',
        cue: span(per, per + 1),
        sources: [source],
        contents: [span(contents[0], contents[1])],
        kind: 'indirect',
        speaker: { name: source.text, type: 'unnamed', aliases: [] },
        confidence: 0.6,
        cueLemma: 'according to',
      });
    }
  }
  return out;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);

/** Prepositions opening an adjunct of time or place between a noun of saying and its clause (not "to": an infinitive). */
const ADJUNCT_PREPOSITIONS = new Set(['at', 'in', 'on', 'during', 'before', 'from']);

/** Words of time after a verb that leave it last in its clause ("that I mentioned earlier"); core's TRAILING_ADVERBS are the ones that end a name. */
const CLAUSE_FINAL_TIME_WORDS = new Set(['earlier', 'later', 'again', 'before', 'yesterday', 'today', 'then', 'now', 'once', 'twice']);

/**
 * The "that" opening what a noun of saying reports: right after the noun, or after one adjunct of time or place
 * ("Mr. Obama's suggestion at a similarly timed debate that she was ''likable enough''", "her comments before a special
 * House Benghazi committee that “I was responsible …”": batch G's read part; PolNeAR train: 5 more, all reports). After
 * an adjunct a "that" may be a relative ("Smith's remarks at the hearing that the committee later released": round 23's
 * review), so a subject or a quotation must open the clause, and an unquoted clause of three words or one ending on a past
 * participle or a preposition (its object gone before it) is taken for one. -1 when there is none.
 */
function thatAfterAdjunct(tokens: Token[], from: number, sentenceEnd: number): number {
  if (from < sentenceEnd && tokens[from].lower === 'that') return from;
  if (from >= sentenceEnd || !ADJUNCT_PREPOSITIONS.has(tokens[from].lower)) return -1;
  for (let at = from + 1; at < sentenceEnd && at - from <= 8; at++) {
    if (tokens[at].isPunct || tokens[at].quote) return -1;
    if (tokens[at].lower !== 'that') continue;
    const next = tokens[at + 1];
    const opensClause = !!next && (next.quote === 'open' || (CLAUSE_SUBJECT.has(next.lower) && next.lower !== 'that') || /^\p{Lu}/u.test(next.text));
    let end = at + 1;
    while (end < sentenceEnd && !/^[,;:—–.!?()]$/.test(tokens[end].text)) end++;
    const words = tokens.slice(at + 1, end).filter((token) => !token.isPunct);
    while (words.length > 1 && CLAUSE_FINAL_TIME_WORDS.has(words[words.length - 1].lower)) words.pop();
    const last = words[words.length - 1]?.lower ?? '';
    const gapped = next?.quote !== 'open' && (words.length < 4 || /ed$/.test(last) || ADJUNCT_PREPOSITIONS.has(last) || /^(?:for|to|with|about|of|by)$/.test(last));
    return opensClause && !gapped ? at : -1;
  }
  return -1;
}

/**
 * "making an issue out of Donald Trump’s claim that President Barack Obama “founded ISIS,”", "author J.K. Rowling’s 2007
 * revelation that she always thought of Dumbledore …": a possessor's noun for something said, a "that" clause after it,
 * reports the clause as the possessor's (the read sets' readers require both; the tagger, finding the noun inside
 * another cue's content, left it). Not at the sentence's opening, where the clause runs into the sentence's own verb
 * ("Trump's promise that Mexico would pay drew cheers"); the clause runs to the next comma, dash or the sentence's end.
 */
export function possessedClaims(text: string, tokenized: Tokenized, found: Attribution[]): Attribution[] {
  const { tokens, sentences } = tokenized;
  const out: Attribution[] = [];
  const span = (from: number, to: number) => spanOf(text, tokens, from, to);
  for (const [sentenceStart, sentenceEnd] of sentences) {
    for (let noun = sentenceStart + 2; noun + 2 < sentenceEnd; noun++) {
      const saying = SAYING_NOUN_VERBS.get(lemmatize(tokens[noun].lower));
      if (!saying || tokens[noun].inQuote || insideCue(found, tokens[noun])) continue;
      const that = thatAfterAdjunct(tokens, noun + 1, sentenceEnd);
      if (that < 0) continue;
      // The possessor: "X’s" right before the noun, or a year or one adjective between ("Rowling’s 2007 revelation").
      let possessive = noun - 1;
      if (possessive > sentenceStart && !/^['’]s$/.test(tokens[possessive].lower) && !POSSESSIVE_PRONOUNS.has(tokens[possessive].lower)) possessive--;
      let source: [number, number];
      if (POSSESSIVE_PRONOUNS.has(tokens[possessive].lower)) source = [possessive, possessive + 1];
      else if (/^['’]s$/.test(tokens[possessive].lower)) {
        let start = possessive;
        while (start - 1 >= sentenceStart && possessive - start < 5 && (isCapitalised(tokens[start - 1]) || tokens[start - 1].text === '.')) start--;
        if (start === possessive) continue;
        source = [start, possessive];
      } else continue;
      if (source[0] <= sentenceStart) continue;
      let end = that + 1;
      while (end < sentenceEnd && !/^[,;:—–.!?()]$/.test(tokens[end].text)) end++;
      // A closing quotation mark right after the comma belongs to the quoted words ("“founded ISIS,”").
      let contentEnd = end;
      if (contentEnd < sentenceEnd && /^[,.!?]$/.test(tokens[contentEnd].text) && tokens[contentEnd + 1]?.quote === 'close') contentEnd += 2;
      while (contentEnd > that + 1 && tokens[contentEnd - 1].isPunct && tokens[contentEnd - 1].quote === null) contentEnd--;
      if (contentEnd - (that + 1) < 3) continue;
      const sourceSpan = span(source[0], source[1]);
      out.push({
        id: '',
        cue: span(noun, noun + 1),
        sources: [sourceSpan],
        contents: [span(that + 1, contentEnd)],
        kind: 'indirect',
        speaker: { name: sourceSpan.text, type: 'unnamed', aliases: [] },
        confidence: 0.6,
        cueLemma: saying,
      });
    }
  }
  return out;
}

export function missedReports(state: AnalysisState): void {
  const { tokens } = state.tokenized;
  const reports = reportsWithMissedCue(state.text, state.tokenized, state.found);
  const found = [...state.found, ...reports];
  const per = perReports(state.text, state.tokenized, found);
  const claims = possessedClaims(state.text, state.tokenized, [...found, ...per]);
  state.found.push(...[...reports, ...per, ...claims].map((report) => ({ ...report, kind: quoteKind(tokens, report.contents) })));
}
