/**
 * Who-said-what on the saved real pages in ../shared/pages, through the CLI's own pipeline (article
 * detection, then the engine), scored as ../shared/README.md says (eval/pages.ts).
 *
 *   npm run eval:pages                 what the overlay shows by default (shown: true), then everything
 *   npm run eval:pages -- --only cnn,bbc-1
 *   npm run eval:pages -- --quiet      pooled and per-page figures only, no item lists
 *   npm run eval:pages -- --json       the pooled scores as JSON, nothing else
 *
 * Pages without an annotation (a French article, a front page) are run too: nothing should be shown there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { extractFile } from '../src/cli/extract-file';
import { SHOWN_CONFIDENCE, whyHidden } from '../src/engine/passes/18-shown';
import { tokenize } from '../src/engine/core';
import { CERTAINTY_LABELS, describeQuote, isFound, pool, scorePage, type PageAnnotation, type PageRun, type PageScore, type PooledScore } from '../eval/pages';
import { SHARED_DIR } from './polnear';

const PAGES_DIR = path.join(SHARED_DIR, 'pages');
/**
 * Pages of ../shared/articles annotated in this project, blind to the engine (eval/blind-pages/README.md): each
 * annotation names its page by `articleKey`. Scored as their own set, outside the pooled shared-pages figures.
 */
const BLIND_DIR = path.resolve(__dirname, '..', 'eval', 'blind-pages');
const ARTICLES_HTML = path.join(SHARED_DIR, 'articles', 'html');
/**
 * The blind pages by round of annotation. The first ten: rules may be written from half A (every other page in
 * alphabetical order, from the first) and are checked on half B and on the second ten, read by nobody working on
 * the engine before the rules were written.
 */
export const BLIND_SETS: Record<string, readonly string[]> = {
  'blind, first ten': ['autoindustriya-sentra', 'cbsnews-kidnapping', 'cityam-alibaba', 'cleveland-doobie', 'livescience-simulation',
    'macrumors-keyboard', 'newsnation-oxygenbar', 'paradigm-senate', 'slashgear-vizzion', 'vox-delhi'],
  'blind, second ten': ['aljazeera-moon', 'appleinsider-macbook', 'dawgsbynature-browns', 'dealbreaker-swift', 'detroitnews-eagles',
    'foxbusiness-homedepot', 'gizmodo-macbook', 'indiewire-glasgow', 'space-europa', 'thehill-omar'],
  // Round 12's sixteen, halved by article key before anyone saw a score: rules from half A, checked on half B.
  'blind, third round A': ['sciencealert-plumes', 'techcrunch-wework', 'cnbc-emirates', 'nj-meth', 'expapp-gaspard', 'my6sense-mobile',
    'guardian-hongkong', 'theverge-startrek'],
  'blind, third round B': ['thehill-meth', 'wired-banking', 'slashgear-etron', 'nypost-plague', 'nbcdfw-rescue', 'ascom-strategy',
    'digg-stadia', 'gizmodo-duvet'],
};
/** Blind pages in no round above (annotated later): their own set until they are given one. */
export const LATER_BLIND_SET = 'blind, later';

/**
 * The annotated pages by when they came (../shared/README.md): the pages the rules were tuned on, a first
 * batch of news pages from outlets those do not cover (the half that rules may be written from), and a second
 * batch kept out of sight (the half each rule is checked on). Pages in none of these are pooled as "other".
 */
export const PAGE_SETS: Record<string, readonly string[]> = {
  tuned: ['ars-1', 'bbc-1', 'breitbart', 'buzzfeed-1', 'cnn', 'engadget', 'guardian-1', 'herald-sun-1', 'medicalnewstoday',
    'nytimes-1', 'nytimes-2', 'salon-1', 'seattletimes-1', 'telegraph', 'theverge', 'tmz-1', 'wapo-1', 'webmd-1'],
  'first batch': ['ap-unpredictable', 'bbc-europe', 'cbssports-browns', 'cnbc-coty', 'crn-cook', 'ctpost-patrick', 'latimes-gannett',
    'msn-flushots', 'newsweek-cannabis', 'nypost-taliban', 'politifact-mckinley', 'smithsonian-plague', 'spokesman-meth', 'thr-stadia',
    'timesunion-pge', 'wired-instagram'],
  'second batch': ['deccanherald-tariffs', 'express-hongkong', 'fox-dwts', 'indiapost-deportees', 'latimes-disney', 'moneycontrol-markets',
    'nbcnews-hitler', 'nytimes-opinion', 'reuters-markets', 'rt-bolivia', 'sciencealert-titan', 'sfgate-stabbing', 'sportsnet-daviscup',
    'sputnik-royal', 'usatoday-meth', 'venturebeat-wework'],
};

function setOf(name: string): string {
  const blindSet = Object.keys(BLIND_SETS).find((set) => BLIND_SETS[set].includes(name));
  if (blindSet) return blindSet;
  if (blindPages().some((page) => page.name === name)) return LATER_BLIND_SET;
  return Object.keys(PAGE_SETS).find((set) => PAGE_SETS[set].includes(name)) ?? 'other';
}

interface BlindPage { name: string; html: string; annotation: PageAnnotation }

let blindCache: BlindPage[] | null = null;

/** The blind-annotated pages whose saved HTML is at hand (none without ../shared); read once per process. */
export function blindPages(): BlindPage[] {
  if (blindCache) return blindCache;
  if (!fs.existsSync(BLIND_DIR) || !fs.existsSync(ARTICLES_HTML)) return (blindCache = []);
  return (blindCache = fs.readdirSync(BLIND_DIR).filter((file) => file.endsWith('.expected.json')).sort().map((file) => {
    const annotation = JSON.parse(fs.readFileSync(path.join(BLIND_DIR, file), 'utf8')) as PageAnnotation & { articleKey: string };
    return { name: file.slice(0, -'.expected.json'.length), html: path.join(ARTICLES_HTML, `${annotation.articleKey}.html`), annotation };
  }).filter((page) => fs.existsSync(page.html)));
}

export interface PagesReport {
  shown: PooledScore;
  all: PooledScore;
  /** What is shown by default, pooled over each set of pages that has any. */
  sets: Record<string, PooledScore>;
  pages: Array<{ shown: PageScore; all: PageScore; hiddenRequired: string[] }>;
  /** Pages with no annotation: how many attributions would be shown there, or why nothing was read. */
  unannotated: Array<{ name: string; shown: number; all: number; error?: string }>;
}

interface Runs { all: PageRun; shown: PageRun; error?: string }

function run(name: string, html = path.join(PAGES_DIR, `${name}.html`)): Runs {
  const result = extractFile(html, 5);
  if (!result.ok) {
    const empty: PageRun = { name, text: null, quotes: [], speakers: [] };
    return { all: empty, shown: empty, error: result.error };
  }
  const { text, quotes, speakers } = result.value;
  const shownQuotes = quotes.filter((quote) => quote.shown !== false);
  const shownIds = new Set(shownQuotes.map((quote) => quote.id));
  const shownSpeakers = speakers.filter((speaker) => speaker.attributionIds.some((id) => shownIds.has(id)));
  return {
    all: { name, text, quotes, speakers },
    shown: { name, text, quotes: shownQuotes, speakers: shownSpeakers },
  };
}

export function pageNames(only: string[] | null): { annotated: string[]; unannotated: string[] } {
  if (!fs.existsSync(PAGES_DIR)) throw new Error(`${PAGES_DIR} not found: the saved pages live in ../shared (see its README)`);
  const names = fs.readdirSync(PAGES_DIR).filter((file) => file.endsWith('.html')).map((file) => file.slice(0, -5)).sort();
  const wanted = only ? names.filter((name) => only.includes(name)) : names;
  const annotated = wanted.filter((name) => fs.existsSync(path.join(PAGES_DIR, `${name}.expected.json`)));
  return { annotated, unannotated: wanted.filter((name) => !annotated.includes(name)) };
}

export function evaluatePages(only: string[] | null = null): PagesReport {
  const { annotated, unannotated } = pageNames(only);
  const sources = [
    ...annotated.map((name) => ({ name, html: path.join(PAGES_DIR, `${name}.html`), annotation: JSON.parse(fs.readFileSync(path.join(PAGES_DIR, `${name}.expected.json`), 'utf8')) as PageAnnotation })),
    ...blindPages().filter((page) => !only || only.includes(page.name)),
  ];
  const scored = sources.map(({ name, html, annotation }) => {
    const runs = run(name, html);
    // Required items found among all attributions but hidden by default, with the reason.
    const hiddenRequired = annotation.required
      .filter((item) => !isFound(item, runs.shown.quotes) && isFound(item, runs.all.quotes))
      .map((item) => {
        const quote = runs.all.quotes.find((q) => isFound(item, [q]))!;
        return `${describeQuote(quote)}  — hidden: ${whyHidden(quote, runs.all.text ?? '', SHOWN_CONFIDENCE, tokenize(runs.all.text ?? '').tokens) ?? 'continues a hidden attribution'}`;
      });
    return { shown: scorePage(annotation, runs.shown), all: scorePage(annotation, runs.all), hiddenRequired };
  });
  const blindSets = [...Object.keys(BLIND_SETS), LATER_BLIND_SET];
  const pages = scored.filter((page) => !blindSets.includes(setOf(page.shown.name)));
  const sets: Record<string, PooledScore> = {};
  for (const set of [...Object.keys(PAGE_SETS), 'other', ...blindSets]) {
    const members = scored.filter((page) => setOf(page.shown.name) === set);
    if (members.length) sets[set] = pool(members.map((page) => page.shown));
  }
  return {
    shown: pool(pages.map((page) => page.shown)),
    all: pool(pages.map((page) => page.all)),
    sets,
    pages: scored,
    unannotated: unannotated.map((name) => {
      const runs = run(name);
      return { name, shown: runs.shown.quotes.length, all: runs.all.quotes.length, ...(runs.error ? { error: runs.error } : {}) };
    }),
  };
}

const f3 = (value: number) => value.toFixed(3);

export function pooledLine(label: string, score: PooledScore): string {
  return `${label.padEnd(8)} precision ${f3(score.precision)} (${score.right}/${score.extracted})  required recall ${f3(score.recall)} (${score.found}/${score.required})  direct ${f3(score.directRecall)} (${score.directFound}/${score.direct})  outside ${score.outside}  group errors ${score.groupErrors}/${score.groups}`;
}

export function certaintyLine(label: string, score: PooledScore): string {
  const { certainty } = score;
  const perLabel = CERTAINTY_LABELS.map((name) => {
    const row = certainty.labels[name];
    return `${name} P ${f3(row.precision)} R ${f3(row.recall)} (${row.right}/${row.predicted}/${row.gold})`;
  }).join('  ');
  return `  ${label.padEnd(14)} macro-F1 ${f3(certainty.macroF1)} over ${certainty.items}  Hedged/Speculated right ${f3(certainty.hedgedPrecision)} (${certainty.hedgedRight}/${certainty.hedgedJudged} judged, ${certainty.hedgedLabelled} shown)  ${perLabel}`;
}

export function pageLine(score: PageScore): string {
  const precision = score.extracted === 0 ? '  -  ' : f3(score.right / score.extracted);
  return `  ${score.name.padEnd(18)} P ${precision} (${String(score.right).padStart(2)}/${String(score.extracted).padStart(2)})  R ${f3(score.found / Math.max(1, score.required))} (${score.found}/${score.required})  direct ${score.directFound}/${score.direct}  outside ${score.outside.length}  groups ${score.groups - score.groupErrors.length}/${score.groups}${score.outsideInText.length ? `  outside text in article: ${score.outsideInText.length}` : ''}`;
}

function main(): void {
  const argv = process.argv.slice(2);
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
  const report = evaluatePages(only);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ shown: report.shown, all: report.all, sets: report.sets, unannotated: report.unannotated }, null, 2));
    return;
  }
  const quiet = argv.includes('--quiet');
  console.log(`Real pages (${report.shown.pages} annotated, ../shared/pages), scored as ../shared/README.md says.\n`);
  console.log(pooledLine('shown', report.shown));
  console.log(pooledLine('all', report.all));
  console.log('\nShown by default, by set of pages:');
  for (const [set, score] of Object.entries(report.sets)) console.log(`${set} (${score.pages} pages)`.padEnd(30) + pooledLine('', score).trimStart());
  console.log('\nCertainty of the labelled items found, shown by default:');
  console.log(certaintyLine('all', report.shown));
  for (const [set, score] of Object.entries(report.sets)) console.log(certaintyLine(set, score));
  console.log('\nPer page, shown by default:');
  for (const page of report.pages) console.log(pageLine(page.shown));
  console.log('\nPages with no annotation (nothing should be shown):');
  for (const page of report.unannotated) console.log(`  ${page.name.padEnd(18)} shown ${page.shown}, all ${page.all}${page.error ? `  (${page.error})` : ''}`);
  if (quiet) return;
  for (const { shown, all, hiddenRequired } of report.pages) {
    const hidden = all.wrong.filter((line) => !shown.wrong.includes(line));
    const lines = [
      ...shown.wrong.map((line) => `  wrong (shown)   ${line}`),
      ...hidden.map((line) => `  wrong (hidden)  ${line}`),
      ...shown.missed.map((line) => `  missed          ${line}`),
      ...hiddenRequired.map((line) => `  required hidden ${line}`),
      ...shown.outside.map((line) => `  outside         ${line}`),
      ...shown.outsideInText.map((line) => `  outside text    "${line}" is in the article text`),
      ...shown.groupErrors.map((error) => `  group           "${error.name}" heads ${error.groups.length === 0 ? 'no group' : error.groups.map((g) => `"${g}"`).join(', ')}`),
      ...shown.certainty.filter((pair) => pair.gold !== pair.predicted).map((pair) => `  certainty       ${pair.predicted} (reader: ${pair.gold}) ${pair.item}`),
      ...shown.hedged.wrong.filter((line) => !shown.certainty.some((pair) => line.endsWith(pair.item))).map((line) => `  hedged label    ${line}`),
    ];
    if (lines.length > 0) console.log(`\n${shown.name}\n${lines.join('\n')}`);
  }
}

if (require.main === module) main();
