/**
 * Is this the article? The CLI's article-body detection (src/cli/file-text.ts: the same detection the
 * content script runs, on a page parsed with linkedom) on the 93 pages of Zyte's article-extraction
 * benchmark in ../shared/articles, scored as the benchmark's evaluate.py scores it (eval/articles.ts).
 *
 *   npm run eval:articles               pooled precision, recall, F1 and accuracy, then every page under F1 0.8
 *   npm run -s eval:articles -- --json  the pooled and per-page figures as JSON on stdout, nothing else
 *   npm run eval:articles -- --halves   also the two halves of the pages in key order (even and odd
 *                                       places): rules are written from one half's failures and kept
 *                                       only if they do not hurt the other
 *
 * A page the CLI refuses (no article found, not an article) counts as nothing extracted: recall 0.
 * Without ../shared (a user's clone) it says so and exits 0.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readFileText } from '../src/cli/file-text';
import { DEFAULT_MAX_MEGABYTES } from '../src/cli/input';
import { poolArticlePages, scoreArticlePage, tokenize, type ArticlePageScore, type ArticlePooledScore } from '../eval/articles';
import { SHARED_DIR } from './polnear';

export const ARTICLES_DIR = path.join(SHARED_DIR, 'articles');

/** Pages under this F1 are listed with what was taken and what is true. */
const LISTED_BELOW_F1 = 0.8;

interface GroundTruth {
  [key: string]: { url: string; articleBody: string };
}

export interface ArticleRun extends ArticlePageScore {
  url: string;
  /** The text the CLI would analyse, "" where it read none. */
  extracted: string;
  truth: string;
  /** Why the CLI read no text from the page. */
  error?: string;
}

export interface ArticlesReport {
  pooled: ArticlePooledScore;
  pages: ArticleRun[];
  milliseconds: number;
}

export function loadGroundTruth(): GroundTruth {
  return JSON.parse(fs.readFileSync(path.join(ARTICLES_DIR, 'ground-truth.json'), 'utf8')) as GroundTruth;
}

/** The text the CLI reads from one benchmark page, or "" and the reason it reads none. */
export function extractPage(key: string): { text: string; error?: string } {
  const read = readFileText(path.join(ARTICLES_DIR, 'html', `${key}.html`), DEFAULT_MAX_MEGABYTES);
  return read.ok ? { text: read.value.text } : { text: '', error: read.error };
}

/** Every page of ground-truth.json (or only the keys given), detected and scored, in key order. */
export function evaluateArticles(only: string[] | null = null): ArticlesReport {
  const groundTruth = loadGroundTruth();
  const keys = Object.keys(groundTruth).sort().filter((key) => only === null || only.includes(key));
  const started = Date.now();
  const pages = keys.map((key): ArticleRun => {
    const { url, articleBody } = groundTruth[key];
    const { text, error } = extractPage(key);
    return { ...scoreArticlePage(key, articleBody, text), url, extracted: text, truth: articleBody, ...(error ? { error } : {}) };
  });
  return { pooled: poolArticlePages(pages), pages, milliseconds: Date.now() - started };
}

const f3 = (value: number | null) => (value === null ? '  -  ' : value.toFixed(3));

function opening(text: string, words = 8): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return '(nothing)';
  return `"${tokens.slice(0, words).join(' ')}${tokens.length > words ? ' …' : ''}"`;
}

function pageLines(page: ArticleRun): string[] {
  return [
    `  ${f3(page.f1)}  P ${f3(page.precision)}  R ${f3(page.recall)}  ${page.key.slice(0, 12)}  ${page.url}`,
    `         taken ${page.error ? `nothing: ${page.error}` : `${opening(page.extracted)} (${tokenize(page.extracted).length} words)`}`,
    `         truth ${opening(page.truth)} (${tokenize(page.truth).length} words)`,
  ];
}

function main(): void {
  if (!fs.existsSync(path.join(ARTICLES_DIR, 'ground-truth.json'))) {
    console.log(`${ARTICLES_DIR} not found: the article benchmark lives in ../shared (see its README), absent from a user's clone. Nothing to evaluate.`);
    return;
  }
  const report = evaluateArticles();
  if (process.argv.slice(2).includes('--json')) {
    const pages = report.pages.map(({ extracted, truth, ...figures }) => ({ ...figures, extractedWords: tokenize(extracted).length, trueWords: tokenize(truth).length }));
    console.log(JSON.stringify({ pooled: report.pooled, pages }, null, 2));
    return;
  }
  const { pooled, pages } = report;
  const below = (threshold: number) => pages.filter((page) => page.f1 < threshold);
  console.log(`Article bodies of ${pooled.pages} pages of Zyte's article-extraction benchmark (../shared/articles), scored as its evaluate.py scores them.\n`);
  console.log(`F1 ${f3(pooled.f1)}  precision ${f3(pooled.precision)} (over ${pooled.extractedPages} pages with text)  recall ${f3(pooled.recall)}  accuracy ${f3(pooled.accuracy)}`);
  console.log(`pages under F1 0.5: ${below(0.5).length}, under ${LISTED_BELOW_F1}: ${below(LISTED_BELOW_F1).length}; detection took ${(report.milliseconds / 1000).toFixed(1)} s`);
  if (process.argv.slice(2).includes('--halves')) {
    for (const [name, parity] of [['even', 0], ['odd', 1]] as const) {
      const half = pages.filter((_, index) => index % 2 === parity);
      const score = poolArticlePages(half);
      const under = (threshold: number) => half.filter((page) => page.f1 < threshold).length;
      console.log(`${name} half (${score.pages} pages): F1 ${f3(score.f1)}  precision ${f3(score.precision)}  recall ${f3(score.recall)}; under 0.5: ${under(0.5)}, under ${LISTED_BELOW_F1}: ${under(LISTED_BELOW_F1)}`);
    }
  }
  const listed = below(LISTED_BELOW_F1).sort((a, b) => a.f1 - b.f1);
  if (listed.length > 0) console.log(`\nPages under F1 ${LISTED_BELOW_F1}, worst first:`);
  for (const page of listed) console.log(pageLines(page).join('\n'));
}

if (require.main === module) main();
