/**
 * Shapes of text that several passes must recognise alike: a headline, a title in capitals, a work's quoted
 * name, and how much of a content stands inside quotation marks (the quote kind).
 */
import type { QuoteKind, Span } from '../../shared/attribution';
import type { Token } from './tokens';
import { firstTokenAt } from './spans';

/** Dashes that sign a quotation or set off an aside ("“…” ― Pamela Padilla", "— according to X —"). */
export const DASHES = new Set(['―', '—', '–', '--']);

/**
 * A headline rather than prose: short, no closing punctuation, most longer words capitalised
 * ("Russia Claims They Killed ISIS Leader"). Headlines state claims but attribute nothing themselves.
 */
export function isHeadline(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((token) => !token.isPunct);
  if (!words.length || words.length > 20) return false;
  if (/[.?!"”’:]/.test(tokens[to - 1].text) && tokens[to - 1].isPunct) return false;
  const long = words.filter((token) => token.text.length >= 4);
  const capitalised = long.filter((token) => /^\p{Lu}/u.test(token.text));
  return long.length > 0 && capitalised.length >= 0.7 * long.length;
}

/** Words [from, to) in title case, as a show, book or song is named ("Fox and Friends", "Face the Nation"): a name, not speech. */
export function isTitle(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((token) => !token.isPunct);
  return words.length <= 12 && words.every((token) => token.text.length < 4 || /^\p{Lu}/u.test(token.text));
}

/** Works whose names are quoted: "In her book “A Paradise Built in Hell,” Solnit wrote of …". */
const WORK_NOUNS = new Set([
  'book', 'novel', 'memoir', 'biography', 'film', 'movie', 'documentary', 'essay', 'article', 'column', 'op-ed',
  'song', 'album', 'poem', 'play', 'series', 'podcast', 'show', 'report', 'study', 'paper', 'speech', 'lecture',
]);

/**
 * A quoted title right after the name of a work ("her book “A Paradise Built in Hell: The Extraordinary
 * Communities that Arise in Disaster,”"): title case, allowing the short words and one in five others that
 * title case leaves lower-case ("that"). A name, not what was said.
 */
export function isWorkTitle(tokens: Token[], [start, end]: [number, number]): boolean {
  let last = end - 1;
  while (last > start && tokens[last].isPunct && !tokens[last].quote) last--;
  if (tokens[start].quote !== 'open' || tokens[last].quote !== 'close' || start === 0 || !WORK_NOUNS.has(tokens[start - 1].lower)) return false;
  const words = tokens.slice(start + 1, last).filter((token) => !token.isPunct && token.text.length >= 4);
  return words.length >= 2 && words.filter((token) => /^\p{Lu}/u.test(token.text)).length >= 0.8 * words.length;
}

/** direct: every word inside quotation marks; mixed: some; indirect: none. */
export function quoteKind(tokens: Token[], spans: Span[]): QuoteKind {
  let quoted = 0;
  let words = 0;
  for (const span of spans) {
    for (let i = firstTokenAt(tokens, span.start); i < tokens.length && tokens[i].end <= span.end; i++) {
      if (tokens[i].isPunct) continue;
      words++;
      if (tokens[i].inQuote) quoted++;
    }
  }
  if (words > 0 && quoted === words) return 'direct';
  return quoted > 0 ? 'mixed' : 'indirect';
}

/** The first word of its sentence, or of a quotation opening inside it. */
export function opensSentence(tokens: Token[], at: number): boolean {
  return at === 0 || tokens[at - 1].sentence !== tokens[at].sentence || tokens[at - 1].quote === 'open';
}
