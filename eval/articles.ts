/**
 * Article-body detection scored as Zyte's article-extraction benchmark scores it (its evaluate.py,
 * copied to ../shared/articles/, is the reference; tests/eval/articles.test.ts checks the two agree).
 * Pure: the caller reads the pages and runs the detection.
 *
 * - Tokens are runs of Python's `\w`: for a str pattern that is every letter (L*) and number (Nd, Nl, No)
 *   and the underscore, and not combining marks ("e\u0301" is the token "e"). Case is kept.
 * - Shingles are runs of 4 tokens; a text of fewer than 4 tokens is one shingle, an empty one none.
 * - Per page, counting shingles as multisets: tp = shared, fp = extracted only, fn = true only, each then
 *   divided by tp + fp + fn so that a long page weighs no more than a short one.
 * - Precision is the mean of tp / (tp + fp) over the pages where something was extracted; recall the
 *   mean of tp / (tp + fn) over the pages with a true body (a page with nothing extracted scores recall 0
 *   and drops out of precision); F1 the harmonic mean of those two means. Accuracy is the share of pages
 *   whose token lists are identical.
 *
 * Where evaluate.py raises (no page with anything extracted, or precision and recall both 0) the score
 * here is 0. Python's `\w` follows the Unicode version of the Python that runs it (14.0 for 3.11); this
 * regex follows Node's, so the two differ only on characters assigned since, none of them in the benchmark.
 */

export const SHINGLE_SIZE = 4;

const WORD_RUN = /[\p{L}\p{N}_]+/gu;

/** A page's shingle counts, normalised so that tp + fp + fn is 1 (all 0 when both texts are empty). */
export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticlePageScore {
  key: string;
  counts: ShingleCounts;
  /** tp / (tp + fp); null when nothing (not one token) was extracted: the page drops out of pooled precision. */
  precision: number | null;
  /** tp / (tp + fn); null when the page has no true body (it drops out of pooled recall). */
  recall: number | null;
  /** Harmonic mean of the page's precision and recall, a missing one counted as 0. */
  f1: number;
  /** The token lists are identical. */
  exact: boolean;
}

export interface ArticlePooledScore {
  pages: number;
  /** Pages where something was extracted: those that count towards precision. */
  extractedPages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function tokenize(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}

/** Shingles of a token list with their counts, each keyed by its tokens joined with a space (never part of a token). */
export function shingles(tokens: string[], size = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const starts = Math.max(1, tokens.length - size + 1);
  for (let start = 0; start < starts; start++) {
    const shingle = tokens.slice(start, start + size).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** evaluate.py's string_shingle_matching: tp, fp and fn of the extracted text against the true one, normalised. */
export function shingleCounts(truth: string, extracted: string): ShingleCounts {
  const trueShingles = shingles(tokenize(truth));
  const extractedShingles = shingles(tokenize(extracted));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...trueShingles.keys(), ...extractedShingles.keys()])) {
    const trueCount = trueShingles.get(key) ?? 0;
    const extractedCount = extractedShingles.get(key) ?? 0;
    tp += Math.min(trueCount, extractedCount);
    fp += Math.max(0, extractedCount - trueCount);
    fn += Math.max(0, trueCount - extractedCount);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** evaluate.py's precision_score. */
export function precisionScore({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** evaluate.py's recall_score. */
export function recallScore({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function harmonicMean(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

function sameTokens(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}

/** One page: `extracted` is the text the detection found, "" where it found none. */
export function scoreArticlePage(key: string, truth: string, extracted: string): ArticlePageScore {
  const counts = shingleCounts(truth, extracted);
  const precision = counts.tp + counts.fp > 0 ? precisionScore(counts) : null;
  const recall = counts.tp + counts.fn > 0 ? recallScore(counts) : null;
  const exact = sameTokens(tokenize(truth), tokenize(extracted));
  const f1 = precision === null && recall === null ? (exact ? 1 : 0) : harmonicMean(precision ?? 0, recall ?? 0);
  return { key, counts, precision, recall, f1, exact };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** evaluate.py's metrics_from_tp_fp_fns and accuracy over a set of pages. */
export function poolArticlePages(pages: ArticlePageScore[]): ArticlePooledScore {
  const precisions = pages.flatMap((page) => (page.precision === null ? [] : [page.precision]));
  const recalls = pages.flatMap((page) => (page.recall === null ? [] : [page.recall]));
  const precision = mean(precisions);
  const recall = mean(recalls);
  return {
    pages: pages.length,
    extractedPages: precisions.length,
    precision,
    recall,
    f1: harmonicMean(precision, recall),
    accuracy: mean(pages.map((page) => (page.exact ? 1 : 0))),
  };
}
