/**
 * Pass 13 — follow-on quotations. Adds to `followOns` a paragraph that is all quotation, with no cue of its
 * own, right after a paragraph whose last attribution is a quotation or a report of speech that closes it:
 * the same speaker goes on talking. A pull quote (words the article quoted already) is no one's.
 */
import type { Attribution } from '../../shared/attribution';
import { byParagraph, firstTokenAt, type AnalysisState, type FollowOn, type Token, type Tokenized } from '../core';
import { cueLemma, isFirstName, MONTHS, nounClass, speechCue, WEEKDAYS } from '../lexicon';

/** Words opening a description of someone ("the judge", "his lawyer"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my']);

/**
 * Paragraphs that open with a quotation mark, hold no cue and no extracted content, and come straight after
 * a paragraph whose last attribution is a quotation, or reported speech with a verb of saying that names its
 * source and closes the paragraph: the same speaker goes on talking (bbc-1: Obama "defended his decision to
 * engage …", then his words in a paragraph of their own).
 */
export function followOnQuotations(text: string, tokenized: Tokenized, found: Attribution[]): FollowOn[] {
  const { tokens, paragraphs } = tokenized;
  const out: FollowOn[] = [];
  const lists = byParagraph(tokenized, found);
  let previous: Attribution | null = null;
  /** Whether `previous` is reported speech that closes its paragraph (its cue in the paragraph's last sentence). */
  let previousClosesReport = false;
  for (const [paragraph, [from, to]] of paragraphs.entries()) {
    const fromChar = tokens[from].start;
    const here = [...lists[paragraph]];
    // "“… they still just go on with their lying, lying little ways saying that I’m the one that’s wrong.”": reports
    // whose source the paragraph's quotation holds are the quoted speaker's words about others, no cue of the paragraph's
    // own (round 22, batch C's second part).
    const opensQuote = tokens[from].quote === 'open' && tokens[from].inQuote;
    const nestedOnly = opensQuote && here.length > 0 && previous !== null && closesQuotation(tokens, from, to)
      && here.every((attribution) => attribution.sources.length > 0 && tokens[firstTokenAt(tokens, attribution.sources[0].start)]?.inQuote);
    if (here.length && !nestedOnly) {
      previous = here.sort((a, b) => (b.cue?.start ?? 0) - (a.cue?.start ?? 0))[0];
      // A transcript's turn ("PENCE: …") runs on as pass 11 reads it; the next unlabelled paragraph is no follow-on of it.
      if (previous.cue?.text === ':' && previous.sources.length > 0 && !/\p{Ll}/u.test(previous.sources[0].text)) previous = null;
      const cue = previous?.cue;
      previousClosesReport = !!previous && !!cue && previous.sources.length > 0 && speechCue(cueLemma(cue.text))
        && cue.start >= sentenceStartChar(tokens, to - 1);
      continue;
    }
    const opens = tokens[from].quote === 'open' && tokens[from].inQuote;
    // "“WALLACE: …" in a transcript names its own speaker.
    const namesSpeaker = tokens.slice(from, Math.min(to, from + 5)).some((token) => token.text === ':');
    // A quotation left open at the paragraph's end goes on in the next paragraph, which opens with a mark again: the
    // one named where it closes said all of it, whoever spoke before.
    const closer = opens && !namesSpeaker && to - from >= 4 ? closingAttribution(tokenized, lists, paragraph) : null;
    if (closer) {
      let end = to;
      while (end > from && !tokens[end - 1].inQuote) end--;
      const attribution = followOnOf(text, fromChar, tokens[end - 1].end, closer);
      out.push({ attribution, follows: closer });
      previous = attribution;
      continue;
    }
    // After reported speech too ("he defended his decision …" then his quoted words) when it names its source with a
    // verb of saying in its paragraph's last sentence. (PolNeAR dev: 2 such paragraphs, neither after a closing
    // report; allowing any reported speech gave both to the wrong attribution, who-said-what 0.6853 → 0.6849.)
    // "Howard continued his scathing remarks.": a short narration whose subject is the one who just spoke leaves them speaking.
    if (!opens && previous && here.length === 0 && narratesSpeaker(tokens, from, to, previous)) continue;
    if (!opens || namesSpeaker || !previous || (previous.kind === 'indirect' && !previousClosesReport) || to - from < 4) {
      previous = null;
      continue;
    }
    let end = to;
    while (end > from && !tokens[end - 1].inQuote) end--;
    const contentEnd = tokens[end - 1].end;
    // "“We are not going to back down” — that was the message from union leader Sara Nelson.": the paragraph names
    // someone after the quotation, no one the attribution before named (a made-up battery of round 17).
    if (namesSomeoneElse(tokens, end, to, previous)) {
      previous = null;
      continue;
    }
    // A pull quote repeats words the article quoted already: no one goes on talking there.
    if (repeatsEarlierText(text, fromChar, contentEnd)) {
      previous = null;
      continue;
    }
    const attribution = followOnOf(text, fromChar, contentEnd, previous);
    out.push({ attribution, follows: previous });
    previous = attribution;
  }
  return out;
}

/**
 * Whether the words after a paragraph's quotation, tokens [from, to), name a person (a first name, or two capitalised
 * words running) whose words do not stand in the sources of `previous`, or open with a description of someone
 * other than its source and a verb.
 */
function namesSomeoneElse(tokens: Token[], from: number, to: number, previous: Attribution): boolean {
  const named = previous.sources.map((span) => span.text).join(' ');
  // "“Explain to me why you are here,” the judge interrupted me.": a reporting clause of its own, whatever its verb.
  let at = from;
  while (at < to && tokens[at].isPunct) at++;
  if (at + 2 < to && DETERMINERS.has(tokens[at].lower) && nounClass(tokens[at + 1].lower) === 'agent' && !named.toLowerCase().includes(tokens[at + 1].lower)
    && !tokens[at + 2].isPunct && tokens[at + 2].text === tokens[at + 2].lower) return true;
  const isName = (token: Token | undefined): boolean => !!token && !token.isPunct && /^\p{Lu}\p{Ll}/u.test(token.text)
    && !WEEKDAYS.has(token.lower) && !MONTHS.has(token.lower);
  for (let at = from; at < to; at++) {
    if (!isName(tokens[at]) || named.includes(tokens[at].text)) continue;
    if (isFirstName(tokens[at].text) || isName(tokens[at + 1])) return true;
  }
  return false;
}

/**
 * A paragraph of one short sentence, no quotation in it, opening on the surname that ends the source of `previous`
 * ("Howard continued his scathing remarks." after Howard's quotation).
 */
function narratesSpeaker(tokens: Token[], from: number, to: number, previous: Attribution): boolean {
  const source = previous.sources[previous.sources.length - 1]?.text.trim();
  const surname = source?.split(/\s+/).pop()?.replace(/[,.]$/, '');
  if (!surname || !/^\p{Lu}\p{Ll}+$/u.test(surname) || previous.kind === 'indirect') return false;
  // Not the surname's possessive ("Howard’s critics were not impressed": round 22's review).
  if (to - from > 12 || tokens[from].text !== surname || /^['’]s$/.test(tokens[from + 1]?.text ?? '')) return false;
  return tokens.slice(from, to).every((token) => token.quote === null && !token.inQuote && token.sentence === tokens[from].sentence);
}

/** A quotation paragraph [from, to) with no cue of its own, said by whoever said `follows`. */
function followOnOf(text: string, from: number, to: number, follows: Attribution): Attribution {
  return {
    id: '',
    cue: null,
    sources: [],
    contents: [{ start: from, end: to, text: text.slice(from, to) }],
    kind: 'direct',
    speaker: null,
    confidence: Number((follows.confidence * 0.8).toFixed(3)),
    cueLemma: follows.cueLemma,
  };
}

/** Paragraphs a quotation may run over, open at each one's end, before the one that closes it and names its speaker. */
const MAX_OPEN_PARAGRAPHS = 5;

/**
 * The attribution of the quotation that paragraph `paragraph` opens and leaves open at its end: the quotation goes on
 * in the next paragraphs, each opening with a mark again, and the first of them holding an attribution whose
 * quotation starts right at it names who said all of it. Null when the paragraph closes its quotation or no such
 * paragraph follows.
 */
function closingAttribution(tokenized: Tokenized, lists: Attribution[][], paragraph: number): Attribution | null {
  const { tokens, paragraphs } = tokenized;
  for (let k = paragraph; k < Math.min(paragraphs.length, paragraph + MAX_OPEN_PARAGRAPHS); k++) {
    const [from, to] = paragraphs[k];
    if (k > paragraph) {
      // The same mark opens every paragraph of one quotation: a straight mark before a curly one is an excerpt
      // quoting someone inside it (PolNeAR train: a breitbart excerpt of another outlet, "“…,” Earnest said.").
      if (tokens[from].quote !== 'open' || tokens[from].text !== tokens[paragraphs[paragraph][0]].text) return null;
      const start = tokens[from].start;
      // "“…,” the mayor said": the quotation closes before its cue, outside the marks. A cue inside the run-on
      // quotation ("“King said …" in an excerpt of another outlet's report) names someone the quoted text speaks of.
      const said = lists[k].find((attribution) => attribution.kind !== 'indirect' && attribution.contents[0]?.start === start
        && !!attribution.cue && attribution.cue.start >= attribution.contents[0].end && /[”"’']\W*$/.test(attribution.contents[0].text));
      if (said) return said;
      if (lists[k].length) return null;
    }
    // The paragraph closes its quotation: it is no run-on.
    let last = to - 1;
    while (last > from && tokens[last].isPunct && tokens[last].quote === null) last--;
    if (tokens[last].quote === 'close' || !tokens[to - 1].inQuote) return null;
  }
  return null;
}

/** Whether the paragraph [from, to) ends on a closing mark (end punctuation aside): a whole quotation, no transcript's run-on. */
function closesQuotation(tokens: Token[], from: number, to: number): boolean {
  let last = to - 1;
  while (last > from && tokens[last].isPunct && tokens[last].quote === null) last--;
  return tokens[last].quote === 'close';
}

/** Whether the quoted words in [from, to), marks and end punctuation aside, already stand earlier in the text (their first 60 characters). */
function repeatsEarlierText(text: string, from: number, to: number): boolean {
  // An ellipsis opening the excerpt ("“… Fares have increased") is the writer's cut, not the quoted words.
  const words = text.slice(from, to).replace(/^[\s"“‘'.…]+|[\s"”’'.,!?]+$/g, '').slice(0, 60);
  return words.length >= 20 && from >= words.length && text.lastIndexOf(words, from - words.length) >= 0;
}

/** Where the sentence holding token `at` starts, as a character offset. */
function sentenceStartChar(tokens: Token[], at: number): number {
  let first = at;
  while (first > 0 && tokens[first - 1].sentence === tokens[at].sentence) first--;
  return tokens[first].start;
}

/** Words a quoted sentence going on may open with before its mark ("But “…”"). */
const GOING_ON = new Set(['but', 'and', 'yet', 'still', 'so', 'then']);

/**
 * "“I don’t think it’s do or die,” he said outside the building. But “Donald Trump’s candidacy is strengthened … It
 * helps.”": the next sentence of the paragraph, all quotation after at most a conjunction, with no cue and no content
 * of anyone's, goes on with the direct quotation whose cue closes the sentence before (round 22, batch D's first part).
 */
export function followOnSentences(text: string, tokenized: Tokenized, found: Attribution[]): FollowOn[] {
  const { tokens, sentences } = tokenized;
  const out: FollowOn[] = [];
  const covered = (from: number, to: number) => found.some((attribution) => [attribution.cue, ...attribution.contents, ...attribution.sources]
    .some((span) => span !== null && span.start < to && from < span.end));
  for (const attribution of found) {
    const { cue } = attribution;
    const content = attribution.contents[attribution.contents.length - 1];
    if (!cue || attribution.kind === 'indirect' || attribution.sources.length === 0 || !content || content.end > cue.start) continue;
    const cueToken = firstTokenAt(tokens, cue.start);
    const sentence = tokens[cueToken]?.sentence;
    const next = sentences[sentence + 1];
    if (!next || tokens[next[0]].paragraph !== tokens[cueToken].paragraph) continue;
    let open = next[0];
    if (GOING_ON.has(tokens[open].lower)) open++;
    // A double quotation opens there (single marks never set inQuote on their own).
    if (open >= next[1] || tokens[open].quote !== 'open' || !tokens[open].inQuote) continue;
    // The quotation may run over several sentences of the paragraph ("… person. It helps.”"): to its closing mark.
    let close = open + 1;
    while (close < tokens.length && tokens[close].paragraph === tokens[open].paragraph && tokens[close].inQuote && tokens[close].quote !== 'close') close++;
    if (close >= tokens.length || close - open < 4 || tokens[close].quote !== 'close') continue;
    let end = close + 1;
    while (end < tokens.length && tokens[end].paragraph === tokens[open].paragraph && tokens[end].isPunct && tokens[end].quote === null) end++;
    // The quotation ends its sentence: no cue or narration after it.
    if (end < tokens.length && tokens[end].paragraph === tokens[open].paragraph && tokens[end].sentence === tokens[close].sentence) continue;
    const [from, to] = [tokens[open].start, tokens[close].end];
    if (covered(tokens[next[0]].start, to)) continue;
    out.push({ attribution: followOnOf(text, from, to, attribution), follows: attribution });
  }
  return out;
}

export function followOns(state: AnalysisState): void {
  const quoted = [...state.found, ...state.followOns.map((followOn) => followOn.attribution)];
  state.followOns.push(...followOnQuotations(state.text, state.tokenized, quoted));
  state.followOns.push(...followOnSentences(state.text, state.tokenized, state.found));
}
