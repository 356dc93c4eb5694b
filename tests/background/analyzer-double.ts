/**
 * A stand-in engine for the worker's tests: one attribution per "Name said" in the text, grouped by
 * name. Counts its calls so tests can tell a cached reply from a fresh run.
 */
import type { Analysis, Attribution, Speaker, TextHints } from '../../src/shared/attribution';

export function countingAnalyzer() {
  const calls: string[] = [];
  const hints: Array<TextHints | undefined> = [];
  const analyze = (text: string, hint?: TextHints): Analysis => {
    calls.push(text);
    hints.push(hint);
    const quotes: Attribution[] = [];
    for (const match of text.matchAll(/([A-Z][a-z]+) said/g)) {
      const start = match.index ?? 0;
      quotes.push({
        id: `q${quotes.length}`,
        cue: { start: start + match[1].length + 1, end: start + match[0].length, text: 'said' },
        sources: [{ start, end: start + match[1].length, text: match[1] }],
        contents: [{ start: 0, end: start, text: text.slice(0, start) }],
        kind: 'indirect',
        speaker: { name: match[1], type: 'person', aliases: [] },
        confidence: 0.9,
      });
    }
    const byName = new Map<string, Speaker>();
    for (const quote of quotes) {
      const name = quote.speaker!.name;
      const group = byName.get(name) ?? { name, type: 'person' as const, aliases: [], attributionIds: [], hedged: 0 };
      group.attributionIds.push(quote.id);
      byName.set(name, group);
    }
    return { quotes, speakers: [...byName.values()] };
  };
  return { analyze, calls, hints };
}
