/**
 * PolNeAR articles read as pages: 180 train articles annotated blind to the engine in the shared pages' format
 * (eval/polnear-pages/README.md), scored as `npm run eval:pages` scores a page (eval/pages.ts) on what the panel
 * shows by default. The articles are plain text, so there is no article detection and no outside text.
 * Each batch was held out when it came, then split by a hash before any of its errors was read: half A and B
 * (`--list`, `--list-b`), C1/C2, D1/D2, E1/E2 are read now; round 23 reads G's first part (`--list-g1`), checks on
 * its second (`--list-g2`, once the round's rules are settled) and holds batches F and H out: their errors are
 * never listed.
 *   npm run eval:polnear-pages [-- --quiet] [-- --list] [-- --list-b] [-- --list-c1] [-- --list-c2] [-- --list-d1]
 *     [-- --list-d2] [-- --list-e1] [-- --list-e2] [-- --list-g1] [-- --list-g2]
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../src/engine/index';
import { pool, scorePage, type PageAnnotation, type PageRun, type PageScore, type PooledScore } from '../eval/pages';
import { certaintyLine, pageLine, pooledLine } from './eval-pages';
import { loadSplit, SHARED_DIR } from './polnear';

const DIR = path.resolve(__dirname, '..', 'eval', 'polnear-pages');

export type Half = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';
/** The sets scored apart: batches C, D, E and G each in two parts fixed by a hash before any of their errors was read. */
export type Part = 'A' | 'B' | 'C1' | 'C2' | 'D1' | 'D2' | 'E1' | 'E2' | 'F' | 'G1' | 'G2' | 'H';
export const PARTS: readonly Part[] = ['A', 'B', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'F', 'G1', 'G2', 'H'];
const HELD_OUT: readonly Part[] = ['F', 'H'];
const SPLIT_SALT: Partial<Record<Half, string>> = { C: 'reader-pages-half-c', D: 'reader-pages-half-d', E: 'reader-pages-half-e', G: 'reader-pages-half-g' };

export function partOf(page: { articleId: string; half: Half }): Part {
  const salt = SPLIT_SALT[page.half];
  if (salt === undefined) return page.half as Part;
  const even = parseInt(createHash('sha1').update(`${page.articleId}:${salt}`).digest('hex')[0], 16) % 2 === 0;
  return `${page.half}${even ? 1 : 2}` as Part;
}
export interface PolnearPage extends PageAnnotation { articleId: string; half: Half; annotator: string }

export function loadPolnearPages(): PolnearPage[] {
  return fs.readdirSync(DIR).filter((file) => file.endsWith('.expected.json')).sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as PolnearPage);
}

/** What the panel shows by default for one article's text: the run a page's scoring takes. */
function shownRun(name: string, text: string): PageRun {
  const { quotes, speakers } = analyze(text);
  const shown = quotes.filter((quote) => quote.shown !== false);
  const ids = new Set(shown.map((quote) => quote.id));
  return { name, text, quotes: shown, speakers: speakers.filter((speaker) => speaker.attributionIds.some((id) => ids.has(id))) };
}

export interface ScoredArticle { half: Half; part: Part; score: PageScore }

/** Every annotated article scored, with its half and part. Needs ../shared (PolNeAR train). */
export function scorePolnearPages(): ScoredArticle[] {
  const annotated = new Map(loadPolnearPages().map((page) => [page.articleId, page]));
  return loadSplit('train').filter((article) => annotated.has(article.id)).map((article) => {
    const annotation = annotated.get(article.id)!;
    return { half: annotation.half, part: partOf(annotation), score: scorePage(annotation, shownRun(article.id, article.text)) };
  });
}

export function poolHalves(scored: ScoredArticle[]): Record<Half | Part | 'all', PooledScore> {
  const of = (keep: (page: ScoredArticle) => boolean) => pool(scored.filter(keep).map((page) => page.score));
  const halves = Object.fromEntries((['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const).map((half) => [half, of((page) => page.half === half)]));
  const parts = Object.fromEntries(PARTS.map((part) => [part, of((page) => page.part === part)]));
  return { ...halves, ...parts, all: of(() => true) } as Record<Half | Part | 'all', PooledScore>;
}

const LABELS: Record<Half | Part | 'all', string> = {
  A: 'A (read)', B: 'B (read)', C: 'C (read)', C1: 'C1 (read)', C2: 'C2 (read)', D: 'D (read)', D1: 'D1 (read)', D2: 'D2 (read)',
  E: 'E (read)', E1: 'E1 (read)', E2: 'E2 (read)', F: 'F (held out)', G: 'G', G1: 'G1 (read)', G2: 'G2 (check)', H: 'H (held out)', all: 'all',
};
const LIST_FLAGS: Record<Part, string | undefined> = {
  A: '--list', B: '--list-b', C1: '--list-c1', C2: '--list-c2', D1: '--list-d1', D2: '--list-d2', E1: '--list-e1', E2: '--list-e2',
  F: undefined, G1: '--list-g1', G2: '--list-g2', H: undefined,
};

function main(): void {
  if (!fs.existsSync(SHARED_DIR)) {
    console.log(`${SHARED_DIR} not found: the PolNeAR articles live in ../shared (see its README).`);
    return;
  }
  const argv = process.argv.slice(2);
  const scored = scorePolnearPages();
  const pooled = poolHalves(scored);
  console.log(`PolNeAR train articles read as pages (${scored.length} annotated blind, eval/polnear-pages), shown by default.\n`);
  const sets = (['A', 'B', 'C', 'C1', 'C2', 'D', 'D1', 'D2', 'E', 'E1', 'E2', 'F', 'G', 'G1', 'G2', 'H', 'all'] as const).filter((set) => pooled[set].pages);
  for (const set of sets) console.log(pooledLine(LABELS[set], pooled[set]));
  console.log('\nCertainty of the labelled items found:');
  for (const set of sets) console.log(certaintyLine(set, pooled[set]));
  if (argv.includes('--quiet')) return;
  console.log('\nPer article (batches F and H, held out, are not listed):');
  for (const { part, score } of scored.filter((page) => !HELD_OUT.includes(page.part))) console.log(`${part.padEnd(2)}${pageLine({ ...score, name: score.name.slice(0, 40) })}`);
  const listed = (part: Part) => LIST_FLAGS[part] !== undefined && argv.includes(LIST_FLAGS[part]!);
  for (const { part, score } of scored.filter((page) => listed(page.part))) {
    const lines = [
      ...score.wrong.map((line) => `  wrong (shown)   ${line}`),
      ...score.missed.map((line) => `  missed          ${line}`),
      ...score.groupErrors.map((error) => `  group           "${error.name}" heads ${error.groups.length === 0 ? 'no group' : error.groups.map((g) => `"${g}"`).join(', ')}`),
      ...score.certainty.filter((pair) => pair.gold !== pair.predicted).map((pair) => `  certainty       ${pair.predicted} (reader: ${pair.gold}) ${pair.item}`),
      ...score.hedged.wrong.filter((line) => !score.certainty.some((pair) => line.endsWith(pair.item))).map((line) => `  hedged label    ${line}`),
    ];
    if (lines.length) console.log(`\n${part} ${score.name}\n${lines.join('\n')}`);
  }
}

if (require.main === module) main();
