/**
 * Pass 11 — transcripts. Adds to `found` the turns of a transcript: a paragraph opened by a speaker's label in
 * capitals and a colon ("“WALLACE: Let’s start …"), and the paragraphs that go on without a label of their own.
 */
import type { Attribution, Span } from '../../shared/attribution';
import { escapeRegExp, isHeadline, overlaps, type AnalysisState, type Token, type Tokenized } from '../core';
import { isFirstName } from '../lexicon';

/** Capitals labels that head a newsroom line, not a speaker's turn ("BYLINE: …", "CORRECTION: …", "WATCH: …"). */
const NEWSROOM_LABELS = new Set(['byline', 'correction', 'clarification', 'update', 'updated', 'editor', 'editors', 'note', 'watch', 'read', 'look',
  'see', 'breaking', 'exclusive', 'busted', 'photos', 'photo', 'video', 'related', 'more', 'also', 'source', 'sources', 'credit', 'analysis',
  'opinion', 'report', 'live', 'graphic', 'warning', 'disclosure', 'caption', 'dateline', 'headline', 'subscribe', 'follow', 'contact', 'share']);

/** A speaker's label in a transcript: one to three words in capitals ("WALLACE", "SEN. JOHN KENNEDY"). */
function isCapitalsLabel(words: Token[]): boolean {
  return words.length > 0 && words.length <= 3 && words.every((token) => /\p{Lu}{2,}/u.test(token.text) && token.text === token.text.toUpperCase())
    && !words.some((token) => NEWSROOM_LABELS.has(token.lower.replace(/['’]s$/, '')));
}

/**
 * Transcripts: a paragraph that opens ("“WALLACE: Let’s start …") with a speaker's label in capitals and a
 * colon is that speaker's; PolNeAR takes the colon as the cue, the label as the source and the rest of the
 * paragraph as the content, plus the following paragraphs that go on without a label of their own: in quotation
 * marks, or, in a transcript printed without them, while another labelled turn follows ("“(CROSSTALK.)", a
 * stage direction, and a new label end it). A line the tagger read from its colon as a direct quotation is left
 * alone; one it read otherwise (kind indirect, the content cut at the first comma: "TAPPER: And obviously") is
 * replaced (PolNeAR read as pages, half B: seven turns of one CNN transcript missed).
 * Returns the turns to add and the tagger's readings they replace.
 */
export function transcriptLines(text: string, tokenized: Tokenized, found: Attribution[]): { lines: Attribution[]; replaced: Set<Attribution> } {
  const { tokens, paragraphs } = tokenized;
  const out: Attribution[] = [];
  const replaced = new Set<Attribution>();
  const atColon = new Map<number, Attribution[]>();
  for (const attribution of found) {
    if (attribution.cue) atColon.set(attribution.cue.start, [...(atColon.get(attribution.cue.start) ?? []), attribution]);
  }
  const paragraphSpan = (from: number, to: number): Span => {
    let end = to;
    // A paragraph inside a running quotation keeps its closing marks only when it opens a quotation of its own.
    const opensQuotation = tokens.slice(from + 1, to).some((token) => token.quote === 'open');
    while (!opensQuotation && end > from && tokens[end - 1].quote === 'close') end--;
    return { start: tokens[from].start, end: tokens[end - 1].end, text: text.slice(tokens[from].start, tokens[end - 1].end) };
  };
  const labels = paragraphs.map(([from, to]) => {
    const start = tokens[from].quote === 'open' ? from + 1 : from;
    let colon = start;
    while (colon < to && colon - start <= 4 && tokens[colon].text !== ':') colon++;
    const label = tokens.slice(start, colon).filter((token) => !token.isPunct || token.text === '.');
    const labelled = colon < to && tokens[colon].text === ':' && colon + 1 < to && isCapitalsLabel(label.filter((token) => token.text !== '.'))
      && !isHeadline(tokens, colon + 1, to);
    return labelled ? { start, colon } : null;
  });
  let lastLabel = -1;
  labels.forEach((label, index) => {
    if (label) lastLabel = index;
  });
  let current: Attribution | null = null;
  /** Whether the current turn's label opened its paragraph without a quotation mark (a transcript printed without them). */
  let unquoted = false;
  paragraphs.forEach(([from, to], index) => {
    const label = labels[index];
    if (label) {
      current = null;
      const { start, colon } = label;
      const tagged = atColon.get(tokens[colon].start) ?? [];
      if (tagged.some((attribution) => attribution.kind === 'direct')) return;
      for (const attribution of tagged) replaced.add(attribution);
      unquoted = tokens[from].quote !== 'open';
      const source = { start: tokens[start].start, end: tokens[colon - 1].end, text: text.slice(tokens[start].start, tokens[colon - 1].end) };
      current = {
        id: '',
        cue: { start: tokens[colon].start, end: tokens[colon].end, text: ':' },
        sources: [source],
        contents: [paragraphSpan(colon + 1, to)],
        kind: 'direct',
        speaker: { name: source.text, type: 'unnamed', aliases: [] },
        confidence: 0.9,
        cueLemma: 'say',
      };
      out.push(current);
      return;
    }
    const start = tokens[from].quote === 'open' ? from + 1 : from;
    if (!current || /^[(…[]|^\.{3}/.test(tokens[start]?.text ?? '')) {
      current = null;
      return;
    }
    // A paragraph of the same speaker: it opens a quotation again and no one else claims it; or, printed without
    // quotation marks, it stands between two labelled turns.
    const quoted = tokens[from].quote === 'open' && !found.some((attribution) => overlaps(attribution, tokens[from].start, tokens[to - 1].end));
    const between = unquoted && tokens[from].quote !== 'open' && index < lastLabel;
    if (quoted || between) (current as Attribution).contents.push(paragraphSpan(start, to));
    else current = null;
  });
  return { lines: out, replaced };
}

/** A question's marker opening a paragraph: "Q:", "Q.", "Question:", or a "Q" run into the question ("QThere's"). */
const QUESTION_MARK = /^\s*(?:(?:Q|Question)\s*[:.)–—-]\s*|Q(?=\p{Lu}\p{Ll}))/u;
/** An answer's marker opening a paragraph: "A:", "A.", "Answer:". */
const ANSWER_MARK = /^\s*(?:A|Answer)\s*[:.)–—-]\s+/u;
/** A person's name of two or three capitalised words, an initial allowed, tried at every capitalised word ("Vice President Joe Biden" holds "Joe Biden"). */
const PERSON_NAME = /(?<![\p{L}'’-])(?=(\p{Lu}[\p{Ll}'’-]+)((?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})(?![\p{L}'’-]))/gu;

interface Mention { start: number; end: number; first: string; last: string }

/**
 * The one the interview is with: of the people the introduction names (before the first question), the one it
 * names most often, by first name or surname, a question addressing them by name ("Q: Junior – …") counting
 * twice more (and making a first name no list knows a name). None when two people tie: a wrong speaker on
 * every answer is worse than none.
 */
function interviewee(text: string, introEnd: number, questions: string[]): Mention | null {
  const intro = text.slice(0, introEnd);
  const addressed = new Set(questions.map((question) => /^\s*(\p{Lu}[\p{Ll}'’-]+)\s*[,–—-]/u.exec(question.replace(QUESTION_MARK, ''))?.[1]).filter(Boolean));
  const people = new Map<string, Mention>();
  for (const match of intro.matchAll(PERSON_NAME)) {
    const first = match[1];
    const last = match[2].trim().split(/\s+/).pop()!;
    if (!isFirstName(first) && !addressed.has(first)) continue;
    const length = first.length + match[2].length;
    if (!people.has(last)) people.set(last, { start: match.index!, end: match.index! + length, first, last });
  }
  const count = (word: string) => (intro.match(new RegExp(`\\b${escapeRegExp(word)}\\b`, 'gu')) ?? []).length;
  // The questions talk about others at length (Sanders, in a Q&A with Biden): only being addressed counts there.
  const ranked = [...people.values()].map((mention) => ({ mention, times: count(mention.last) + count(mention.first) + (addressed.has(mention.first) ? 2 : 0) }))
    .sort((a, b) => b.times - a.times);
  if (!ranked.length || (ranked.length > 1 && ranked[1].times === ranked[0].times)) return null;
  return ranked[0].mention;
}

/**
 * Interviews printed as questions and answers: a paragraph opened by "A:" answers the question before it, in
 * the words of the one interviewed, whom the introduction names ("We’ve asked him …", "Q&A with Vice President
 * Joe Biden"); it goes on through unmarked paragraphs until the next question. Needs two questions and two
 * answers, the first answer after the first question. The markers "Q" and "A" are nobody: a reading that took
 * one for a source is dropped, so neither becomes a speaker. The answers are verbatim, so direct, with "A:" as
 * their cue; an "I" or "we" inside them then resolves to the one interviewed, as inside a quotation.
 */
export function interviewAnswers(text: string, tokenized: Tokenized, found: Attribution[]): { answers: Attribution[]; markers: Set<Attribution> } {
  const none = { answers: [], markers: new Set<Attribution>() };
  const { tokens, paragraphs } = tokenized;
  const turns = paragraphs.map(([from, to]) => {
    const start = tokens[from].start;
    const end = tokens[to - 1].end;
    const paragraph = text.slice(start, end);
    return { start, end, paragraph, mark: QUESTION_MARK.test(paragraph) ? 'Q' : ANSWER_MARK.exec(paragraph) ? 'A' : '' };
  });
  const questions = turns.filter((turn) => turn.mark === 'Q');
  const firstAnswer = turns.find((turn) => turn.mark === 'A');
  if (questions.length < 2 || turns.filter((turn) => turn.mark === 'A').length < 2 || !firstAnswer || firstAnswer.start < questions[0].start) return none;
  const markers = new Set(found.filter((attribution) => attribution.sources.length === 1 && /^(?:Q|A)(?:\s*[:.]|$)/.test(attribution.sources[0].text.trim())));
  const person = interviewee(text, questions[0].start, questions.map((turn) => turn.paragraph));
  if (!person) return { answers: [], markers };
  const source: Span = { start: person.start, end: person.end, text: text.slice(person.start, person.end) };
  const lastQuestion = questions[questions.length - 1].start;
  const answers: Attribution[] = [];
  let current: Attribution | null = null;
  turns.forEach((turn) => {
    if (turn.mark === 'Q') {
      current = null;
      return;
    }
    if (turn.mark === 'A') {
      const marker = ANSWER_MARK.exec(turn.paragraph)![0];
      const cueStart = turn.start + marker.length - marker.trimStart().length;
      const cueEnd = turn.start + marker.trimEnd().length;
      const contentStart = turn.start + marker.length;
      current = {
        id: '',
        cue: { start: cueStart, end: cueEnd, text: text.slice(cueStart, cueEnd) },
        sources: [source],
        contents: [{ start: contentStart, end: turn.end, text: text.slice(contentStart, turn.end) }],
        kind: 'direct',
        speaker: null,
        confidence: 0.9,
        cueLemma: 'say',
      };
      answers.push(current);
      return;
    }
    // An unmarked paragraph goes on with the answer only while another question follows: after the last one
    // the article may have moved on ("This interview has been edited …").
    if (current && turn.start < lastQuestion) current.contents.push({ start: turn.start, end: turn.end, text: turn.paragraph });
    else current = null;
  });
  return { answers, markers };
}

export function transcripts(state: AnalysisState): void {
  const { lines, replaced } = transcriptLines(state.text, state.tokenized, state.found);
  if (replaced.size) state.found = state.found.filter((attribution) => !replaced.has(attribution));
  state.found.push(...lines);
  const { answers, markers } = interviewAnswers(state.text, state.tokenized, state.found);
  if (markers.size) state.found = state.found.filter((attribution) => !markers.has(attribution));
  state.found.push(...answers);
}
