/**
 * Pass 12 — list items. Adds to `followOns` the points of a list after "X also said:", one point a paragraph:
 * each point no attribution holds continues the same speaker. An attribution that a point opened by a pronoun
 * had taken gives way to the point; attributions so emptied leave `found`.
 */
import type { Attribution, Span } from '../../shared/attribution';
import { firstTokenAt, overlaps, quoteKind, SUBJECT_PRONOUNS, type AnalysisState, type FollowOn, type Token, type Tokenized } from '../core';

/** A list item's shape: a short paragraph with no sentence-ending punctuation (bbc-1's "President Obama also said:" list). */
function isListItem(tokens: Token[], [from, to]: [number, number]): boolean {
  if (to - from < 3 || to - from > 45) return false;
  const last = tokens[to - 1];
  const beforeClose = last.quote === 'close' && to - 2 >= from ? tokens[to - 2].text : '';
  return !/^[.!?…:;]$/.test(last.text) && !/^[.!?…]$/.test(beforeClose);
}

/**
 * "In a wide-ranging interview, President Obama also said:" then a list, one point a paragraph, none of them
 * punctuated as sentences: the first point, right after the colon, is the cue's content; each point after it
 * that no attribution holds continues the same speaker. The list ends at the first punctuated sentence.
 */
export function listAfterColon(text: string, tokenized: Tokenized, found: Attribution[]): FollowOn[] {
  const { tokens, paragraphs } = tokenized;
  const out: FollowOn[] = [];
  const holders = ([from, to]: [number, number]) => found.filter((other) => overlaps(other, tokens[from].start, tokens[to - 1].end));
  // "He is confident the deal will pass", as a point of the list: the pronoun is the list's speaker, and the whole
  // point is what he said. Such an attribution gives way to the point (its contents emptied, dropped by the caller).
  const pointOpenedByPronoun = (holder: Attribution, from: number) => holder.sources.length === 1 && holder.sources[0].start === tokens[from].start
    && SUBJECT_PRONOUNS.has(tokens[from].lower) && holder.kind === 'indirect';
  for (const attribution of found) {
    if (!attribution.cue || attribution.contents.length !== 1) continue;
    const first = tokens[firstTokenAt(tokens, attribution.contents[0].start)];
    if (!first) continue;
    const paragraph = first.paragraph;
    if (paragraph < 1 || tokens[paragraphs[paragraph][0]].start !== attribution.contents[0].start) continue;
    if (tokens[paragraphs[paragraph - 1][1] - 1].text !== ':') continue;
    if (!isListItem(tokens, paragraphs[paragraph])) continue;
    let previous = attribution;
    for (let next = paragraph + 1; next < paragraphs.length && isListItem(tokens, paragraphs[next]); next++) {
      const [from, to] = paragraphs[next];
      const held = holders(paragraphs[next]);
      if (held.length > 0 && !held.every((holder) => pointOpenedByPronoun(holder, from))) continue;
      for (const holder of held) holder.contents = [];
      const content: Span = { start: tokens[from].start, end: tokens[to - 1].end, text: text.slice(tokens[from].start, tokens[to - 1].end) };
      const item: Attribution = {
        id: '',
        cue: null,
        sources: [],
        contents: [content],
        kind: quoteKind(tokens, [content]),
        speaker: null,
        confidence: Number((attribution.confidence * 0.8).toFixed(3)),
        cueLemma: attribution.cueLemma,
      };
      out.push({ attribution: item, follows: previous });
      previous = item;
    }
  }
  return out;
}

export function listItems(state: AnalysisState): void {
  const items = listAfterColon(state.text, state.tokenized, state.found);
  state.found.splice(0, state.found.length, ...state.found.filter((attribution) => attribution.contents.length));
  state.followOns.push(...items);
}
