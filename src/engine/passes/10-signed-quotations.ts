/**
 * Pass 10 — signed quotations. Adds to `found` a quotation signed with a dash after its closing mark, as in
 * collected reader or voter quotes: “…” ― Pamela Padilla. The dash is the cue, the name after it the source.
 */
import type { Attribution } from '../../shared/attribution';
import { byParagraph, DASHES, overlaps, type AnalysisState, type Tokenized } from '../core';

/**
 * A quotation signed with a dash after its closing mark, as in collected reader or voter quotes:
 * “…” ― Pamela Padilla. The dash is the cue, the name after it the source.
 */
export function signedQuotationsIn(text: string, tokenized: Tokenized, found: Attribution[]): Attribution[] {
  const { tokens, paragraphs } = tokenized;
  const out: Attribution[] = [];
  const lists = byParagraph(tokenized, found);
  for (const [paragraph, [from, to]] of paragraphs.entries()) {
    let dash = -1;
    for (let i = from + 1; i < to; i++) if (DASHES.has(tokens[i].text) && tokens[i - 1].quote === 'close') dash = i;
    if (dash < 0 || to - dash - 1 < 1 || to - dash - 1 > 6) continue;
    const name = tokens.slice(dash + 1, to).filter((token) => !token.isPunct);
    if (!name.length || !name.every((token) => /^\p{Lu}/u.test(token.text))) continue;
    let open = dash - 1;
    while (open > from && tokens[open].quote !== 'open') open--;
    if (tokens[open].quote !== 'open') continue;
    const cue = tokens[dash];
    const first = tokens[open].start;
    const last = tokens[dash - 1].end;
    if (lists[paragraph].some((attribution) => overlaps(attribution, first, tokens[to - 1].end))) continue;
    // "― Pamela Padilla, Reno": the name ends at its comma; what follows is where the signer is from.
    let nameEnd = dash + 1;
    while (nameEnd < to && tokens[nameEnd].text !== ',' && tokens[nameEnd].text !== '(') nameEnd++;
    const signer = tokens.slice(dash + 1, nameEnd).filter((token) => !token.isPunct);
    const sourceFrom = signer[0]?.start ?? name[0].start;
    const sourceTo = signer[signer.length - 1]?.end ?? name[name.length - 1].end;
    const source = { start: sourceFrom, end: sourceTo, text: text.slice(sourceFrom, sourceTo) };
    out.push({
      id: '',
      cue: { start: cue.start, end: cue.end, text: cue.text },
      sources: [source],
      contents: [{ start: first, end: last, text: text.slice(first, last) }],
      kind: 'direct',
      speaker: { name: source.text, type: 'unnamed', aliases: [] },
      confidence: 0.9,
      cueLemma: 'say',
    });
  }
  return out;
}

export function signedQuotations(state: AnalysisState): void {
  state.found.push(...signedQuotationsIn(state.text, state.tokenized, state.found));
}
