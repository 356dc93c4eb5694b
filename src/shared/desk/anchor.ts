/**
 * Anchors for marks that outlive the page's markup, as the W3C Web Annotation model and Hypothesis do:
 * a TextQuoteSelector (the exact passage with a little context either side) and a TextPositionSelector
 * (its offsets in the article text) as a hint. Never a DOM range: the markup may change between visits.
 * Re-anchoring looks for the exact passage; among several, the best context match wins, then the one
 * nearest the old position. Whitespace is compared collapsed, so a re-flowed paragraph still matches.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface PassageSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Characters of context kept either side (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;

export function describePassage(text: string, start: number, end: number): PassageSelector {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** The text with runs of whitespace collapsed to one space, and a map from each kept character to its original offset. */
function collapsed(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let space = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (/\s/.test(char)) {
      if (space) continue;
      space = true;
      out += ' ';
    } else {
      space = false;
      out += char;
    }
    offsets.push(index);
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/** How many characters of `a`'s end agree with `b`'s end (prefix context), or of their starts (suffix context). */
function agreeingEnd(a: string, b: string): number {
  let count = 0;
  while (count < a.length && count < b.length && a[a.length - 1 - count] === b[b.length - 1 - count]) count++;
  return count;
}
function agreeingStart(a: string, b: string): number {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) count++;
  return count;
}

/** Where the passage is in `text` now, or null when its exact words are no longer there (an orphan). */
export function anchorPassage(text: string, selector: PassageSelector): { start: number; end: number } | null {
  const exact = squeeze(selector.quote.exact).trim();
  if (exact === '') return null;
  const flat = collapsed(text);
  const prefix = squeeze(selector.quote.prefix);
  const suffix = squeeze(selector.quote.suffix);
  let best: { start: number; end: number; score: number; distance: number } | null = null;
  for (let at = flat.text.indexOf(exact); at >= 0; at = flat.text.indexOf(exact, at + 1)) {
    const start = flat.offsets[at];
    const end = flat.offsets[at + exact.length - 1] + 1;
    const before = flat.text.slice(Math.max(0, at - prefix.length), at);
    const after = flat.text.slice(at + exact.length, at + exact.length + suffix.length);
    const score = agreeingEnd(before, prefix) + agreeingStart(after, suffix);
    const distance = Math.abs(start - selector.position.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start, end, score, distance };
  }
  return best ? { start: best.start, end: best.end } : null;
}
