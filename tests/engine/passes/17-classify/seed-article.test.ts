import * as fs from 'fs';
import type { Attribution, Span } from '../../../../src/shared/attribution';
import { classify } from '../../../../src/engine/passes/17-classify';
import { describeShared, sharedPath } from '../../../helpers/shared';

interface Required {
  speaker: string[];
  cue?: string;
  kind: Attribution['kind'];
  content: string;
  certainty?: 'low' | 'medium' | 'high';
}

/** The article's visible text: tags dropped, white space kept (the fixture has no character entities). */
function pageText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The expected content found by string search, widened to its quotation marks for a direct or mixed quotation. */
function contentSpan(text: string, expected: Required): Span {
  const at = text.indexOf(expected.content);
  if (at < 0) throw new Error(`content not in fixture: ${expected.content}`);
  let start = at;
  let end = at + expected.content.length;
  if (expected.kind !== 'indirect') {
    const open = text.lastIndexOf('“', start);
    const close = text.indexOf('”', end);
    if (open >= 0 && close >= 0 && !text.slice(open + 1, start).includes('”')) {
      start = open;
      end = close + 1;
    }
  }
  return span(text, start, end);
}

/** The occurrence of the cue word nearest the content. */
function cueSpan(text: string, cue: string, content: Span): Span {
  let best: Span | null = null;
  for (const match of text.matchAll(new RegExp(`\\b${cue}\\b`, 'g'))) {
    const start = match.index!;
    const distance = start < content.start ? content.start - start : start - content.end;
    if (distance < 0) continue;
    if (!best || distance < (best.start < content.start ? content.start - best.start : best.start - content.end)) best = span(text, start, start + cue.length);
  }
  if (!best) throw new Error(`cue not in fixture: ${cue}`);
  return best;
}

describeShared('certainty on the seed article (russia-isis-claim)', () => {
  const text = pageText(fs.readFileSync(sharedPath('fixtures', 'russia-isis-claim.html'), 'utf8'));
  const expected = JSON.parse(fs.readFileSync(sharedPath('fixtures', 'russia-isis-claim.expected.json'), 'utf8')) as { required: Required[] };
  const rated = expected.required.filter((item) => item.certainty && item.cue);

  it('has the seven attributions whose certainty a reader agrees on', () => {
    expect(rated.map((item) => item.speaker[0])).toEqual(['Russia', 'U.S. officials', 'Moscow', 'Russian Defense Ministry', 'Sergey Lavrov', 'Ryan Dillon', 'Jeff Davis']);
  });

  it.each(rated.map((item) => [item.speaker[0], item.cue!, item.certainty!, item] as const))('%s %s … → %s', (_speaker, cue, label, item) => {
    const content = contentSpan(text, item);
    const attribution: Attribution = {
      id: 'seed',
      cue: cueSpan(text, cue, content),
      sources: [],
      contents: [content],
      kind: item.kind,
      speaker: null,
      confidence: 0.9,
    };
    const [classified] = classify(text, [attribution]);
    expect(classified.certainty!.label).toBe(label);
  });

  it('explains low certainty with the hedge as written', () => {
    const lavrov = rated.find((item) => item.speaker.includes('Lavrov'))!;
    const content = contentSpan(text, lavrov);
    const [classified] = classify(text, [{ id: 'l', cue: cueSpan(text, 'said', content), sources: [], contents: [content], kind: 'direct', speaker: null, confidence: 0.9 }]);
    expect(classified.certainty!.evidence.join(' ')).toMatch(/don’t have a 100 percent/);
  });
});
