/**
 * The speaker-name check (eval/speaker-names.ts): who said each direct quotation of 72 PolNeAR train articles,
 * annotated blind to the engine (eval/speaker-names/README.md), against the speaker the panel shows. Prints each
 * part: half A, whose errors may be read (`--list`); half B, the check until batch C came, now listed with `--list-b`; and
 * batch C, held out, whose items are never listed.
 *   npm run eval:speakers [-- --list [--list-b]]
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../src/engine/index';
import { addSpeakerNameCounts, emptySpeakerNameCounts, scoreSpeakerNames, type NamedQuotation, type SpeakerNameCounts, type SpeakerNameError } from '../eval/speaker-names';
import { loadSplit, SHARED_DIR } from './polnear';

const DIR = path.resolve(__dirname, '..', 'eval', 'speaker-names');

export type Half = 'A' | 'B' | 'C';
export interface NamedArticle { articleId: string; half: Half; annotator: string; items: NamedQuotation[] }

export function loadNamedArticles(): NamedArticle[] {
  return fs.readdirSync(DIR).filter((file) => file.endsWith('.json')).sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as NamedArticle);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b).toFixed(3);

export function formatCounts(label: string, c: SpeakerNameCounts): string {
  return `${label.padEnd(22)} quotations ${String(c.speech).padStart(3)}  shown right ${c.right}  wrong ${c.wrong}  not shown ${c.notShown}  ` +
    `right of shown ${ratio(c.right, c.right + c.wrong)}  right of all ${ratio(c.right, c.speech)}  no one's words shown with a speaker ${c.shownWithoutSpeaker}`;
}

/**
 * Scores every annotated article on the engine, summed per part; `onErrors` hears each article's errors (for listing).
 * Needs ../shared (PolNeAR train).
 */
export function scoreNamedArticles(onErrors?: (article: NamedArticle, errors: SpeakerNameError[]) => void): Record<Half, SpeakerNameCounts> {
  const named = new Map(loadNamedArticles().map((article) => [article.articleId, article]));
  const totals: Record<Half, SpeakerNameCounts> = { A: emptySpeakerNameCounts(), B: emptySpeakerNameCounts(), C: emptySpeakerNameCounts() };
  for (const article of loadSplit('train')) {
    const annotation = named.get(article.id);
    if (!annotation) continue;
    const { counts, errors } = scoreSpeakerNames(article.text, annotation.items, analyze(article.text).quotes);
    totals[annotation.half] = addSpeakerNameCounts(totals[annotation.half], counts);
    onErrors?.(annotation, errors);
  }
  return totals;
}

function main(): void {
  if (!fs.existsSync(SHARED_DIR)) {
    console.log(`${SHARED_DIR} not found: the PolNeAR articles live in ../shared (see its README).`);
    return;
  }
  const list = process.argv.includes('--list');
  const listB = process.argv.includes('--list-b');
  const totals = scoreNamedArticles((annotation, errors) => {
    if (!list || !(annotation.half === 'A' || (annotation.half === 'B' && listB))) return;
    for (const error of errors) console.log(`  ${annotation.articleId} #${error.item} ${error.verdict}: ${JSON.stringify(error.annotated)} shown as ${JSON.stringify(error.shown)} | ${error.quotation}`);
  });
  console.log(formatCounts('half A (may be read)', totals.A));
  console.log(formatCounts('half B (the check)', totals.B));
  if (totals.C.items) console.log(formatCounts('batch C (held out)', totals.C));
  console.log(formatCounts('all', addSpeakerNameCounts(addSpeakerNameCounts(totals.A, totals.B), totals.C)));
}

if (require.main === module) main();
