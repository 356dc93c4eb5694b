/**
 * PolNeAR articles read as pages: 60 train articles annotated blind to the engine in the shared pages' format
 * (eval/polnear-pages/README.md), scored as `npm run eval:pages` scores a page (eval/pages.ts) on what the panel
 * shows by default. The articles are plain text, so there is no article detection and no outside text.
 * Half A's errors may be read (`--list`); half B is the check (`--list-b` prints its errors, once a round's rules are settled);
 * batch C, annotated later, is held out: its errors are never listed.
 *   npm run eval:polnear-pages [-- --quiet] [-- --list [--list-b]]
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../src/engine/index';
import { pool, scorePage, type PageAnnotation, type PageRun, type PageScore, type PooledScore } from '../eval/pages';
import { certaintyLine, pageLine, pooledLine } from './eval-pages';
import { loadSplit, SHARED_DIR } from './polnear';

const DIR = path.resolve(__dirname, '..', 'eval', 'polnear-pages');

export type Half = 'A' | 'B' | 'C';
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

/** Every annotated article scored, with its half. Needs ../shared (PolNeAR train). */
export function scorePolnearPages(): Array<{ half: Half; score: PageScore }> {
  const annotated = new Map(loadPolnearPages().map((page) => [page.articleId, page]));
  return loadSplit('train').filter((article) => annotated.has(article.id)).map((article) => {
    const annotation = annotated.get(article.id)!;
    return { half: annotation.half, score: scorePage(annotation, shownRun(article.id, article.text)) };
  });
}

export function poolHalves(scored: Array<{ half: Half; score: PageScore }>): Record<Half | 'all', PooledScore> {
  const of = (half?: Half) => pool(scored.filter((page) => !half || page.half === half).map((page) => page.score));
  return { A: of('A'), B: of('B'), C: of('C'), all: of() };
}

function main(): void {
  if (!fs.existsSync(SHARED_DIR)) {
    console.log(`${SHARED_DIR} not found: the PolNeAR articles live in ../shared (see its README).`);
    return;
  }
  const argv = process.argv.slice(2);
  const scored = scorePolnearPages();
  const pooled = poolHalves(scored);
  console.log(`PolNeAR train articles read as pages (${scored.length} annotated blind, eval/polnear-pages), shown by default.\n`);
  console.log(pooledLine('A (read)', pooled.A));
  console.log(pooledLine('B (check)', pooled.B));
  if (pooled.C.pages) console.log(pooledLine('C (held out)', pooled.C));
  console.log(pooledLine('all', pooled.all));
  console.log('\nCertainty of the labelled items found:');
  for (const half of ['A', 'B', 'C', 'all'] as const) if (pooled[half].pages) console.log(certaintyLine(half, pooled[half]));
  if (argv.includes('--quiet')) return;
  console.log('\nPer article:');
  for (const { half, score } of scored.filter((page) => page.half !== 'C')) console.log(`${half}${pageLine({ ...score, name: score.name.slice(0, 40) })}`);
  const listed = (half: Half) => (half === 'A' && argv.includes('--list')) || (half === 'B' && argv.includes('--list-b'));
  for (const { half, score } of scored.filter((page) => listed(page.half))) {
    const lines = [
      ...score.wrong.map((line) => `  wrong (shown)   ${line}`),
      ...score.missed.map((line) => `  missed          ${line}`),
      ...score.groupErrors.map((error) => `  group           "${error.name}" heads ${error.groups.length === 0 ? 'no group' : error.groups.map((g) => `"${g}"`).join(', ')}`),
      ...score.certainty.filter((pair) => pair.gold !== pair.predicted).map((pair) => `  certainty       ${pair.predicted} (reader: ${pair.gold}) ${pair.item}`),
      ...score.hedged.wrong.filter((line) => !score.certainty.some((pair) => line.endsWith(pair.item))).map((line) => `  hedged label    ${line}`),
    ];
    if (lines.length) console.log(`\n${half} ${score.name}\n${lines.join('\n')}`);
  }
}

if (require.main === module) main();
