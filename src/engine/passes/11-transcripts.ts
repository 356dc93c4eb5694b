/**
 * Pass 11 — transcripts. Adds to `found` the turns of a transcript: a paragraph opened by a speaker's label in
 * capitals and a colon ("“WALLACE: Let’s start …"), and the paragraphs that go on without a label of their own.
 */
import type { Attribution, Span } from '../../shared/attribution';
import { isHeadline, overlaps, type AnalysisState, type Token, type Tokenized } from '../core';

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
 * paragraph as the content, plus the following paragraphs that go on without a label of their own ("“(CROSSTALK.)"
 * and a new label end it). Lines the tagger already attributed from their colon are left alone.
 */
export function transcriptLines(text: string, tokenized: Tokenized, found: Attribution[]): Attribution[] {
  const { tokens, paragraphs } = tokenized;
  const out: Attribution[] = [];
  const takenColons = new Set(found.map((attribution) => attribution.cue?.start).filter((start) => start !== undefined));
  let current: Attribution | null = null;
  const paragraphSpan = (from: number, to: number): Span => {
    let end = to;
    // A paragraph inside a running quotation keeps its closing marks only when it opens a quotation of its own.
    const opensQuotation = tokens.slice(from + 1, to).some((token) => token.quote === 'open');
    while (!opensQuotation && end > from && tokens[end - 1].quote === 'close') end--;
    return { start: tokens[from].start, end: tokens[end - 1].end, text: text.slice(tokens[from].start, tokens[end - 1].end) };
  };
  for (const [from, to] of paragraphs) {
    const start = tokens[from].quote === 'open' ? from + 1 : from;
    let colon = start;
    while (colon < to && colon - start <= 4 && tokens[colon].text !== ':') colon++;
    const label = tokens.slice(start, colon).filter((token) => !token.isPunct || token.text === '.');
    const labelled = colon < to && tokens[colon].text === ':' && colon + 1 < to && isCapitalsLabel(label.filter((token) => token.text !== '.'))
      && !isHeadline(tokens, colon + 1, to);
    if (labelled) {
      current = null;
      if (takenColons.has(tokens[colon].start)) continue;
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
      continue;
    }
    // A paragraph of the same speaker: it opens a quotation again, says no stage direction, and no one else claims it.
    if (current && tokens[from].quote === 'open' && tokens[start]?.text !== '(' && !found.some((attribution) => overlaps(attribution, tokens[from].start, tokens[to - 1].end))) {
      current.contents.push(paragraphSpan(start, to));
    } else current = null;
  }
  return out;
}

export function transcripts(state: AnalysisState): void {
  state.found.push(...transcriptLines(state.text, state.tokenized, state.found));
}
