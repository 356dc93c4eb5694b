/**
 * Pass 6 — attributions. Adds `found`: one attribution per claim (cue, source and content spans, widened to
 * whole hyphenated words), its content never holding its own source; then a stretch two cues both claim stays
 * with the nearer cue unless one reports the other, a number's modifier joins the content ("said nearly 40
 * people"), attributions left with no content go, and each gets its quote kind (direct: every word inside
 * quotation marks; mixed: some; indirect: none).
 */
import type { Attribution, Span } from '../../shared/attribution';
import { firstTokenAt, quoteKind, spanOf, type AnalysisState, type Token } from '../core';

/**
 * Content never holds its own source (the tagger can mark "The companies" in "The companies expect to save …"
 * as both): a chunk that starts inside the source goes, one that runs into it stops at it.
 */
function withoutSource(tokens: Token[], contentChunks: Array<[number, number]>, source: [number, number] | undefined): Array<[number, number]> {
  if (!source) return contentChunks;
  const [sourceStart, sourceEnd] = source;
  const out: Array<[number, number]> = [];
  for (const chunk of contentChunks) {
    let [start, end] = chunk;
    if (end <= sourceStart || start >= sourceEnd) { out.push(chunk); continue; }
    // What runs on from inside the source is the rest of its phrase ("an official who spoke | on condition
    // of anonymity"), not what was said.
    if (start >= sourceStart) continue;
    end = sourceStart;
    // "… by the conservation department": the agent's "by" goes with it.
    if (end - 1 > start && tokens[end - 1].lower === 'by') end--;
    while (end > start && tokens[end - 1].isPunct && !tokens[end - 1].quote) end--;
    while (start < end && tokens[start].isPunct && !tokens[start].quote) start++;
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** The sentence of the last token starting at or before `offset`; `none` when there is no token. */
function sentenceAtOffset(tokens: Token[], offset: number, none: number): number {
  return tokens[Math.max(0, firstTokenAt(tokens, offset + 1) - 1)]?.sentence ?? none;
}

/** How many neighbours (in cue order) can share content with an attribution: role windows are short. */
const SHARING_NEIGHBOURS = 8;

/**
 * Two cues claiming the same stretch of content ("Lavrov said: “…” A spokesman said …" with the
 * spokesman's content reaching back over Lavrov's quotation, or over part of it): the stretch stays with
 * the nearer cue, unless one reports the other. Attributions are in cue order, so only near neighbours are compared and long texts stay linear.
 */
function giveSharedContentToNearestCue(found: Attribution[], tokens: Token[], text: string): void {
  // "…, the Guardian reported. “We had called him …,” his nephew added.": a stretch opening a sentence after one cue
  // and closed by another cue in that sentence is the second cue's, however few characters stand before it.
  const sentenceAt = (offset: number): number => sentenceAtOffset(tokens, offset, 0);
  const gap = (span: Span, cue: Span): number => (span.end <= cue.start ? cue.start - span.end : span.start - cue.end);
  // The stretch opens a sentence after a's cue, and b's cue closes that very sentence after it.
  const ownSentenceCue = (span: Span, a: Span, b: Span): boolean =>
    span.start >= a.end && b.start >= span.end && sentenceAt(span.start) > sentenceAt(a.start) && sentenceAt(span.start) === sentenceAt(b.start);
  found.forEach((a, k) => {
    for (let j = Math.max(0, k - SHARING_NEIGHBOURS); j < Math.min(found.length, k + SHARING_NEIGHBOURS + 1); j++) {
      const b = found[j];
      if (a === b || !a.cue || !b.cue) continue;
      a.contents = a.contents.filter((span) => !b.contents.some((other) => {
        const shared = Math.min(span.end, other.end) - Math.max(span.start, other.start);
        const alike = 2 * shared >= 0.8 * (span.end - span.start + other.end - other.start);
        const inside = shared >= 0.8 * (span.end - span.start);
        if (shared <= 0 || !(alike || inside)) return false;
        // Nested attributions ("X called for Y, sources said"): a content holding the other's cue reports
        // that whole attribution, and both keep their content.
        if (span.start <= b.cue!.start && b.cue!.end <= span.end) return false;
        // "(at one point as low as 19%, Gutin says)": an aside's own reporting clause keeps the aside's words.
        if (/\(\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start)) && /^\s*\)/.test(text.slice(a.cue!.end, a.cue!.end + 3))) return false;
        if (ownSentenceCue(span, a.cue!, b.cue!)) return true;
        if (ownSentenceCue(other, b.cue!, a.cue!)) return false;
        return gap(other, b.cue!) < gap(span, a.cue!);
      }));
    }
  });
}

/**
 * "Zimmerman claimed that the museum in Washington | had expressed interest in buying the firearm": a report nested
 * in another's content (its source inside that content, its cue in the same sentence right after where the content
 * stopped) is part of what the outer cue reports, so the outer content runs on to the nested content's end. The
 * tagger stops a content at another cue; PolNeAR's outer contents hold their nested reports whole.
 */
function throughNestedReports(text: string, found: Attribution[], tokens: Token[]): void {
  const sentenceAt = (offset: number): number => sentenceAtOffset(tokens, offset, -1);
  found.forEach((outer, k) => {
    const last = outer.contents[outer.contents.length - 1];
    if (!outer.cue || !last || last.start < outer.cue.end) return;
    for (let j = k + 1; j < Math.min(found.length, k + SHARING_NEIGHBOURS + 1); j++) {
      const inner = found[j];
      const source = inner.sources[0];
      const innerLast = inner.contents[inner.contents.length - 1];
      if (!inner.cue || !source || !innerLast || innerLast.start < inner.cue.end) continue;
      // The nested source starts inside the content, or right after a content that stops mid-clause ("a “proud
      // Democrat” | who wants to …"), not after one that ends on its own punctuation ("… for him.” | She says").
      const adjacent = source.start > last.end && !text.slice(last.end, source.start).trim() && /[\p{L}\p{N}]["”’']*$/u.test(last.text);
      if (source.start < last.start || (source.start > last.end && !adjacent) || last.end > inner.cue.start) continue;
      if (/[;:]/.test(text.slice(last.end, inner.cue.start))) continue;
      // "Cruz accuses Obama of … and Donald Trump says …": a source after a coordinator opens a clause of its own.
      if (/(?:^|[\s,])(?:and|but|or|while|whereas|yet)\s*$/i.test(text.slice(Math.max(last.start, source.start - 12), source.start))) continue;
      if (sentenceAt(outer.cue.start) !== sentenceAt(inner.cue.start) || sentenceAt(innerLast.end - 1) !== sentenceAt(inner.cue.start)) continue;
      outer.contents[outer.contents.length - 1] = { start: last.start, end: innerLast.end, text: text.slice(last.start, innerLast.end) };
      return;
    }
  });
}

/** Words that modify a number and belong to it ("says over 130 titles", "said nearly 40 people"). */
const QUANTITY_MODIFIER = /^\s+(?:over|under|about|nearly|almost|around|roughly|approximately|some|more than|fewer than|less than|at least|up to)\s+$/i;

/** A content that starts at a number the cue is separated from by its modifier takes the modifier in. */
export function withQuantityModifier(text: string, attribution: Attribution): void {
  const [first] = attribution.contents;
  const cue = attribution.cue;
  if (!cue || !first || first.start <= cue.end || !/^\d/.test(first.text)) return;
  const gap = text.slice(cue.end, first.start);
  if (!QUANTITY_MODIFIER.test(gap)) return;
  const start = cue.end + gap.length - gap.trimStart().length;
  attribution.contents[0] = { start, end: first.end, text: text.slice(start, first.end) };
}

export function attributions(state: AnalysisState): void {
  const { text, found } = state;
  const { tokens } = state.tokenized;
  for (const claim of state.claims) {
    const { cue, lemma } = claim.reading;
    const picked = claim.source;
    const contentChunks = claim.contents;
    const sources = picked ? [spanOf(text, tokens, picked[0], picked[1])] : [];
    // An attribution whose only content is its own source says nothing.
    const contents = withoutSource(tokens, contentChunks, picked).map(([start, end]) => spanOf(text, tokens, start, end));
    if (!contents.length) continue;
    found.push({
      id: '',
      cue: spanOf(text, tokens, cue.start, cue.end),
      sources,
      contents,
      kind: 'indirect',
      speaker: sources.length ? { name: sources[0].text, type: 'unnamed', aliases: [] } : null,
      confidence: Number(cue.confidence.toFixed(3)),
      cueLemma: lemma,
    });
  }
  giveSharedContentToNearestCue(found, tokens, text);
  throughNestedReports(text, found, tokens);
  for (const attribution of found) withQuantityModifier(text, attribution);
  found.splice(0, found.length, ...found.filter((attribution) => attribution.contents.length));
  for (const attribution of found) attribution.kind = quoteKind(tokens, attribution.contents);
}
