/**
 * Pass 7 — missed quotations. Adds to `found` the direct quotations the taggers gave to no one although the
 * sentence says whose they are (rare verbs and long sources are where a tagger trained on PolNeAR's words
 * misses): “…,” she yells / “…,” said Ellis / "Said Ellis: “…”" / Emery states, “…” / In Dr. Shadlen's words, “…”.
 */
import type { Attribution, Span } from '../../shared/attribution';
import { byParagraph, closingMark, isTitle, isWorkTitle, overlaps, SUBJECT_PRONOUNS, type AnalysisState, type Token, type Tokenized } from '../core';
import { cueLemma, inflections, speechCue } from '../lexicon';

const SINGLE_MARK = /^['‘’]$/;

/** The closing mark of a double quotation at `open` that holds a single-quoted one (“… that important 'a-ha!' moment?”); -1 if none. */
function closingDoubleMark(tokens: Token[], open: number, limit: number): number {
  if (SINGLE_MARK.test(tokens[open].text)) return -1;
  for (let at = open + 1; at < limit; at++) {
    if (tokens[at].quote === null || SINGLE_MARK.test(tokens[at].text)) continue;
    return tokens[at].quote === 'close' ? at : -1;
  }
  return -1;
}

/** Verbs that introduce a direct quotation by themselves ("…,” she yells"), as their finite forms: "said", "yells",
 * "added" (a base form is no attribution's verb in a text's narration: "state" in "state Del." is a noun), with their lemma. */
const SPEECH_VERBS: ReadonlyMap<string, string> = new Map([
  'say', 'tell', 'add', 'write', 'ask', 'note', 'tweet', 'explain', 'claim', 'declare', 'insist', 'warn', 'recall', 'reply', 'respond',
  'shout', 'yell', 'scream', 'whisper', 'exclaim', 'joke', 'quip', 'muse', 'remark', 'recount', 'retort', 'scoff', 'boast', 'brag',
  'continue', 'argue', 'concede', 'acknowledge', 'admit', 'complain', 'counter', 'predict', 'promise', 'vow', 'wonder', 'answer',
  'observe', 'lament', 'proclaim', 'repeat', 'reiterate', 'state', 'assert', 'maintain', 'contend', 'testify', 'confirm', 'deny',
  'stress', 'emphasize', 'caution', 'urge', 'chant', 'cry', 'sigh', 'laugh', 'plead', 'interject', 'conclude',
  'confess', 'announce', 'mutter', 'murmur', 'grumble', 'gush', 'marvel', 'demand', 'suggest',
].flatMap((verb) => inflections(verb).slice(1).filter((form) => !form.endsWith('ing')).map((form) => [form, verb] as [string, string]))
  // How a message or a sign opens or reads, next to its quoted words ("“…,” one Twitter response began").
  .concat([['began', 'begin'], ['begins', 'begin'], ['read', 'read'], ['reads', 'read']]));

const isSpeechVerb = (token: Token | undefined): boolean => !!token && SPEECH_VERBS.has(token.text);

/** "“…,” Trump went on, as if …": "went on"/"goes on" before a comma, a full stop or "to", after a quotation. */
function goesOnAt(tokens: Token[], at: number): boolean {
  return /^(?:went|goes)$/.test(tokens[at]?.text ?? '') && tokens[at + 1]?.lower === 'on'
    && (tokens[at + 2] === undefined || /^(?:[,.;:]|to)$/.test(tokens[at + 2].lower));
}

/** Where the verb of saying at `at` ends: one token, or two for "went on"; -1 for none. */
function speechVerbEnd(tokens: Token[], at: number): number {
  if (isSpeechVerb(tokens[at])) return at + 1;
  return goesOnAt(tokens, at) ? at + 2 : -1;
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose', 'whom']);

/** Adverbs between a source and its verb that belong to the cue ("she later said", "he also added"). */
const CUE_ADVERB = /^(?:also|later|then|again|once|further|\p{Ll}+ly)$/u;

/** Punctuation closing a quotation that goes on into its own attribution: “…,” / “…?” / “…!” / “…—”. */
const CONTINUING_CLOSE = new Set([',', '?', '!', '—', '–', '--', '...', '…']);

const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);

/** Tokens a source before its verb may span at most ("Scott's niece, state Del. Marcia “Cia” Price (D-Newport News),"). */
const SOURCE_MAX_TOKENS = 24;

/** A cue and a source as token ranges. */
interface CueAndSource { cue: [number, number]; source: [number, number] }

/** "Said Ellis: “…”": the verb opens the sentence, a capitalised name and a colon follow, then the quotation at `open`. */
function saidNameColon(tokens: Token[], open: number, from: number): CueAndSource | null {
  const colon = open - 1;
  if (colon <= from || tokens[colon].text !== ':') return null;
  let start = colon;
  while (start - 1 >= from && /^\p{Lu}/u.test(tokens[start - 1].text) && !tokens[start - 1].isPunct && colon - start < 6) start--;
  const opensSentence = start === from || tokens[start].sentence !== tokens[start - 1].sentence;
  if (colon - start < 2 || !/^(?:said|says)$/.test(tokens[start].lower) || tokens[start].text === tokens[start].lower || !opensSentence) return null;
  return { cue: [start, start + 1], source: [start + 1, colon] };
}

/** “…,” said Dillon / “…,” yells she: the verb right after the quotation, the source after it up to punctuation. */
function invertedAfterQuotation(tokens: Token[], after: number, to: number, sentence: number): CueAndSource | null {
  if (!isSpeechVerb(tokens[after]) || tokens[after].sentence !== sentence) return null;
  let end = after + 1;
  const stops = (token: Token): boolean => token.quote !== null || /^[,;:!?()]$/.test(token.text) || (token.text === '.' && (end + 1 >= to || tokens[end + 1].sentence !== sentence));
  while (end < to && !stops(tokens[end]) && tokens[end].sentence === sentence && end - after <= 8) end++;
  if (end === after + 1 || end - after > 8 || !isSourceStart(tokens[after + 1])) return null;
  return { cue: [after, after + 1], source: [after + 1, end] };
}

/** “…,” Scott's niece, state Del. Marcia “Cia” Price (D-Newport News), shouted: a source, then the verb. */
function sourceThenVerb(tokens: Token[], after: number, to: number, sentence: number): CueAndSource | null {
  if (after >= to || tokens[after].sentence !== sentence || !isSourceStart(tokens[after])) return null;
  let verb = after + 1;
  let nested = 0;
  while (verb < to && verb - after <= SOURCE_MAX_TOKENS && tokens[verb].sentence === sentence && (nested > 0 || speechVerbEnd(tokens, verb) < 0)) {
    // "one neighbour, who asked not to be named, told the Echo": a verb inside the source's relative clause is not
    // the quotation's (a made-up battery of round 17 gave it "asked"); the clause ends at its comma.
    if (RELATIVE_PRONOUNS.has(tokens[verb].lower) && tokens[verb - 1]?.text === ',') {
      let close = verb + 1;
      while (close < to && tokens[close].sentence === sentence && tokens[close].text !== ',' && tokens[close].quote === null) close++;
      if (close >= to || tokens[close].text !== ',') return null;
      verb = close + 1;
      continue;
    }
    if (tokens[verb].quote === 'open') nested++;
    if (tokens[verb].quote === 'close') nested--;
    if (nested < 0 || /^[;:]$/.test(tokens[verb].text)) return null;
    verb++;
  }
  const verbEnd = verb < to ? speechVerbEnd(tokens, verb) : -1;
  if (verb >= to || nested !== 0 || verbEnd < 0 || tokens[verb].sentence !== sentence) return null;
  let cueStart = verb;
  while (cueStart - 1 > after && CUE_ADVERB.test(tokens[cueStart - 1].lower) && tokens[cueStart - 1].text === tokens[cueStart - 1].lower) cueStart--;
  let sourceEnd = cueStart;
  while (sourceEnd > after && tokens[sourceEnd - 1].text === ',') sourceEnd--;
  // "Sanders was asked": a passive cue's subject did not say it.
  if (sourceEnd === after || PASSIVE_AUXILIARIES.has(tokens[sourceEnd - 1].lower)) return null;
  return { cue: [cueStart, verbEnd], source: [after, sourceEnd] };
}

/** Words that open a clause before its subject and belong to neither source nor cue ("As the report states: …"). */
const CLAUSE_OPENERS = new Set(['as', 'and', 'but', 'so', 'then', 'while', 'when', 'yet', 'or', 'now']);

const SOURCE_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'one', 'another']);

/**
 * "Alverson summed up the journey from a wooden fishing boat to the fish counter: “It’s Seattle old school …”": a
 * sentence opened by a name or pronoun and a verb of saying, whose colon introduces the quotation.
 */
function sentenceSubjectAndVerb(tokens: Token[], sentence: number, colon: number): CueAndSource | null {
  let start = colon;
  while (start - 1 >= 0 && tokens[start - 1].sentence === sentence) start--;
  let nameEnd = start;
  if (SUBJECT_PRONOUNS.has(tokens[start].lower) && tokens[start].lower !== 'it' && tokens[start].lower !== 'you') nameEnd = start + 1;
  else while (nameEnd < colon && nameEnd - start < 4 && /^\p{Lu}/u.test(tokens[nameEnd].text) && !tokens[nameEnd].isPunct) nameEnd++;
  const verb = nameEnd;
  if (nameEnd === start || verb >= colon - 1 || tokens[verb].text !== tokens[verb].lower || SOURCE_DETERMINERS.has(tokens[start].lower)) return null;
  const particle = verb + 1 < colon && /^(?:up|out)$/.test(tokens[verb + 1].lower) ? verb + 2 : verb + 1;
  return speechCue(cueLemma(tokens.slice(verb, particle).map((token) => token.text).join(' '))) ? { cue: [verb, particle], source: [start, nameEnd] } : null;
}

/**
 * X states, “…” / As the report states: “…” / In Dr. Shadlen's words, “…”: a source and a finite speech verb
 * (or "In X's words") right before the comma or colon that opens the quotation at `open`.
 */
function verbThenQuotation(tokens: Token[], open: number, from: number): CueAndSource | null {
  const separator = open - 1;
  if (separator - 2 < from || !/^[,:)]$/.test(tokens[separator].text)) return null;
  const verb = separator - 1;
  const sentence = tokens[verb].sentence;
  let start = verb;
  while (start - 1 >= from && tokens[start - 1].sentence === sentence && !/^[,;:()]$/.test(tokens[start - 1].text) && tokens[start - 1].quote === null && verb - start < 9) start--;
  const colonAfterSubject = tokens[separator].text === ':' ? sentenceSubjectAndVerb(tokens, tokens[verb].sentence, separator) : null;
  if (colonAfterSubject) return colonAfterSubject;
  if (/^(?:words|phrase)$/.test(tokens[verb].lower)) {
    // "In X's words,", "(in economist Tyler Cowen's phrase)": the source is X.
    const possessive = verb - 1;
    if (tokens[start].lower !== 'in' || possessive - start < 2 || !/^['’]s$|['’]s$/.test(tokens[possessive].text)) return null;
    const sourceEnd = /^['’]s$/.test(tokens[possessive].text) ? possessive : possessive + 1;
    const named = tokens.slice(start + 1, sourceEnd).some((token) => /^\p{Lu}/u.test(token.text));
    return named ? { cue: [verb, verb + 1], source: [start + 1, sourceEnd] } : null;
  }
  if (!isSpeechVerb(tokens[verb])) return null;
  let cueStart = verb;
  while (cueStart - 1 > start && CUE_ADVERB.test(tokens[cueStart - 1].lower) && tokens[cueStart - 1].text === tokens[cueStart - 1].lower) cueStart--;
  while (start < cueStart && CLAUSE_OPENERS.has(tokens[start].lower)) start++;
  if (start === cueStart || cueStart - start > 8 || PASSIVE_AUXILIARIES.has(tokens[cueStart - 1].lower)) return null;
  if (!isSourceStart(tokens[start]) && !SOURCE_DETERMINERS.has(tokens[start].lower)) return null;
  return { cue: [cueStart, verb + 1], source: [start, cueStart] };
}

const isSourceStart = (token: Token): boolean => /^\p{Lu}/u.test(token.text) || SUBJECT_PRONOUNS.has(token.lower) || SOURCE_DETERMINERS.has(token.lower);

/**
 * Direct quotations the taggers gave to no one although the text says plainly whose they are: a quotation
 * that closes on a comma, question or exclamation mark followed, in its sentence, by a source and a speech
 * verb (“…,” she yells; “…!” Scott's niece, state Del. Marcia “Cia” Price, shouted) or by the verb and then
 * the source (“…,” said Ellis), "Said Ellis: “…”", and a source and verb before it (Emery states, “…”; As the report
 * states: “…”; In Dr. Shadlen's words, “…”). Rare verbs and long sources are where the cue tagger,
 * trained on PolNeAR's words, misses; the quotation itself leaves no doubt.
 */
export function quotationsWithMissedCue(text: string, tokenized: Tokenized, found: Attribution[]): Attribution[] {
  const { tokens, paragraphs } = tokenized;
  const out: Attribution[] = [];
  const lists = byParagraph(tokenized, found);
  const span = (from: number, to: number): Span => ({ start: tokens[from].start, end: tokens[to - 1].end, text: text.slice(tokens[from].start, tokens[to - 1].end) });
  for (const [paragraph, [from, to]] of paragraphs.entries()) {
    for (let open = from; open < to; open++) {
      if (tokens[open].quote !== 'open') continue;
      const close = closingMark(tokens, open + 1, to) >= 0 ? closingMark(tokens, open + 1, to) : closingDoubleMark(tokens, open, to);
      if (close < 0 || close - open < 3) continue;
      const contentFrom = tokens[open].start;
      const contentTo = tokens[close].end;
      const touching = lists[paragraph].filter((attribution) => overlaps(attribution, contentFrom, contentTo));
      // An attribution nested inside the quotation ("… the brain believes …") does not say whose the quotation is.
      const nestedOnly = touching.every((attribution) => attribution.cue !== null && attribution.cue.start >= contentFrom && attribution.cue.end <= contentTo);
      if ((touching.length > 0 && !nestedOnly) || isTitle(tokens, open + 1, close) || isWorkTitle(tokens, [open, close + 1])) continue;
      // “…!” and “…?” may end compromise's sentence: the attribution after them is the next one's start.
      const sentence = close + 1 < to ? tokens[close + 1].sentence : tokens[close].sentence;
      const continues = CONTINUING_CLOSE.has(tokens[close - 1].text);
      const match = touching.length > 0
        ? verbThenQuotation(tokens, open, from)
        : saidNameColon(tokens, open, from)
          ?? (continues ? invertedAfterQuotation(tokens, close + 1, to, sentence) ?? sourceThenVerb(tokens, close + 1, to, sentence) : null)
          ?? verbThenQuotation(tokens, open, from);
      if (!match) continue;
      const source = span(match.source[0], match.source[1]);
      out.push({
        id: '',
        cue: span(match.cue[0], match.cue[1]),
        sources: [source],
        contents: [{ start: contentFrom, end: contentTo, text: text.slice(contentFrom, contentTo) }],
        kind: 'direct',
        speaker: { name: source.text, type: 'unnamed', aliases: [] },
        confidence: 0.6,
        cueLemma: SPEECH_VERBS.get(tokens[match.cue[1] - 1].lower),
      });
    }
  }
  return out;
}

export function missedQuotations(state: AnalysisState): void {
  state.found.push(...quotationsWithMissedCue(state.text, state.tokenized, state.found));
}
