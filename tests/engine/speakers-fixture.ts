/**
 * The seed article's text and gold-like attributions (as the extractor should give them), for the speaker
 * tests and scripts/speakers-report.ts.
 */
import * as fs from 'fs';
import type { Attribution, Span } from '../../src/shared/attribution';

/**
 * The article body of the seed page, paragraphs separated by blank lines. A regex over the known page
 * rather than the article detection, so the speaker tests do not move when detection changes; detection
 * is tested on the same page in tests/shared and through the CLI in tests/cli/seed.test.ts.
 */
export function seedText(htmlPath: string): string {
  const html = fs.readFileSync(htmlPath, 'utf8');
  const body = html.slice(html.indexOf('<div class="entry-content">'), html.indexOf('</article>'));
  return [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((match) => match[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim())
    .join('\n\n');
}

/** The span of `needle` in `text`, searching from `from`; throws when absent so a broken row cannot pass. */
export function spanIn(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not found in the text`);
  return { start, end: start + needle.length, text: needle };
}

export interface GoldRow {
  id: string;
  source: string | null;
  cue: string | null;
  content: string;
  kind?: Attribution['kind'];
  /** Search for the source after this text (for repeated words like "he"). */
  after?: string;
  continues?: string;
}

export function attributionsFrom(text: string, rows: GoldRow[]): Attribution[] {
  return rows.map((row) => {
    const from = row.after ? spanIn(text, row.after).start : 0;
    const content = spanIn(text, row.content);
    const sources = row.source ? [spanIn(text, row.source, from)] : [];
    // The cue after the source ("Dillon said"), else before it ("said Mr. Kamin").
    const cueAfter = row.cue ? text.indexOf(row.cue, sources[0]?.end ?? from) : -1;
    const cue = row.cue ? (cueAfter >= 0 ? spanIn(text, row.cue, cueAfter) : spanIn(text, row.cue, from)) : null;
    const attribution: Attribution = {
      id: row.id, cue, sources, contents: [content], kind: row.kind ?? 'indirect', speaker: null, confidence: 1,
    };
    if (row.continues) attribution.continues = row.continues;
    return attribution;
  });
}

/** The seed's required and optional attributions, spans as an extractor gives them. */
export const SEED_ROWS: GoldRow[] = [
  { id: 'q1', source: 'Russia', cue: 'announced', content: 'they may have killed the leader of ISIS in an airstrike outside of Syria' },
  { id: 'q2', source: 'U.S. officials', cue: 'have said', content: 'there’s no proof of death' },
  { id: 'q3', source: 'Moscow', cue: 'claimed', content: 'they may have killed the ISIS leader during a May 28 airstrike' },
  { id: 'q4', source: 'the Russian Defense Ministry', cue: 'said', content: 'the death was still “being verified through various channels.”', kind: 'mixed' },
  { id: 'q5', source: 'The Associated Press', cue: 'reports', content: 'Asked about that claim' },
  { id: 'q6', source: 'Russian Foreign Minister Sergey Lavrov', cue: 'said', content: 'I don’t have a 100 percent confirmation of the information.', kind: 'direct' },
  { id: 'q7', source: 'A spokesman for the U.S.-led coalition fighting the Islamic State', cue: 'said', content: 'he would welcome such news' },
  { id: 'q8', source: 'A spokesman for the U.S.-led coalition fighting the Islamic State', cue: 'urged', content: 'caution' },
  { id: 'q9', source: 'U.S. Army Col. Ryan Dillon', cue: 'said', content: 'There have been several past claims of this kind that have been proven false', kind: 'direct' },
  { id: 'q10', source: 'Capt. Jeff Davis, a Pentagon spokesman', cue: 'also said', content: 'there was no information to corroborate the report' },
  { id: 'q11', source: null, cue: 'believed', content: 'to be in his mid-40s' },
  { id: 'q12', source: 'Al-Baghdadi', cue: 'urging', content: 'his followers to keep up the fight for Mosul' },
  { id: 'q13', source: 'CNN', cue: 'reports', content: 'CNN senior international correspondent' },
  { id: 'q14', source: 'CNN senior international correspondent Clarissa Ward', cue: 'warned', content: 'the details from the Russians were inconsistent with the typical behavior of ISIS leaders' },
  { id: 'q15', source: 'he', cue: 'said', content: 'I’m not going to take this too seriously because there have been at least five reported killings of al-Baghdadi over the last three years', kind: 'direct', after: 'last three years' },
  { id: 'q16', source: null, cue: null, content: 'I wouldn’t believe the Russian sources based on anything they’re hearing out of Syria.', kind: 'direct', continues: 'q15' },
];
