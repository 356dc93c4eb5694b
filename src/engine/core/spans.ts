/**
 * Spans and token ranges: the offsets every pass reads and writes. A token range is [first, last+1) token
 * index; a span is character offsets into the article text with its text.
 */
import type { Attribution, Span } from '../../shared/attribution';
import type { Token, Tokenized } from './tokens';

/** Index of the first token starting at or after a character offset. */
export function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].start < offset) low = mid + 1; else high = mid;
  }
  return low;
}

/** The tokens lying wholly inside [start, end), found by binary search: filtering every token per span made the
 * shown pass grow with the square of the text (0.9 s of 4.3 s on 700,000 characters). */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  const within: Token[] = [];
  for (let index = firstTokenAt(tokens, start); index < tokens.length && tokens[index].end <= end; index++) within.push(tokens[index]);
  return within;
}

/**
 * A span from a token range, widened to whole hyphenated words: compromise splits "al-Baghdadi" into three
 * tokens, and a span must not end inside a name.
 */
export function spanOf(text: string, tokens: Token[], start: number, end: number): Span {
  const joined = (left: number): boolean => tokens[left].end === tokens[left + 1].start;
  const hyphenAt = (i: number): boolean => tokens[i]?.text === '-' && i > 0 && i + 1 < tokens.length
    && !tokens[i - 1].isPunct && !tokens[i + 1].isPunct && joined(i - 1) && joined(i);
  while (hyphenAt(end)) end += 2;
  while (hyphenAt(start - 1)) start -= 2;
  const from = tokens[start].start;
  const to = tokens[end - 1].end;
  return { start: from, end: to, text: text.slice(from, to) };
}

/**
 * The closing mark of the quotation that an opening mark before `from` began: the first quotation mark in
 * [from, limit) if it closes, else -1 (another opening mark, or none, comes first).
 */
export function closingMark(tokens: Token[], from: number, limit: number): number {
  let close = from;
  while (close < limit && tokens[close].quote === null) close++;
  return close < limit && tokens[close].quote === 'close' ? close : -1;
}

/** The attributions touching each paragraph (by cue or content), so neighbours are found without an n² scan. */
export function byParagraph(tokenized: Tokenized, attributions: Attribution[]): Attribution[][] {
  const { tokens, paragraphs } = tokenized;
  const lists: Attribution[][] = paragraphs.map(() => []);
  const paragraphAt = (offset: number): number => tokens[Math.min(tokens.length - 1, firstTokenAt(tokens, offset))].paragraph;
  for (const attribution of attributions) {
    const spans = attribution.cue ? [attribution.cue, ...attribution.contents] : attribution.contents;
    const first = Math.min(...spans.map((span) => paragraphAt(span.start)));
    const last = Math.max(...spans.map((span) => paragraphAt(Math.max(span.start, span.end - 1))));
    for (let paragraph = first; paragraph <= last; paragraph++) lists[paragraph].push(attribution);
  }
  return lists;
}

/** Whether the cue or a content of the attribution touches [from, to) (character offsets). */
export function overlaps(attribution: Attribution, from: number, to: number): boolean {
  const spans = attribution.cue ? [attribution.cue, ...attribution.contents] : attribution.contents;
  return spans.some((span) => span.start < to && span.end > from);
}
