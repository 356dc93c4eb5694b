/**
 * Answers the content script's `content/analyze-article`: the engine's analysis of the article text,
 * from the storage cache when the same text was analysed before. The reply names the address the page is
 * filed under (pageAddress: its canonical link only when on its own site), which the content script then
 * uses for the desk and exports: the Public Suffix List that decides it is too big for the content script.
 */
import type { Analysis, TextHints } from '../shared/attribution';
import type { AnalysisReply, ArticlePayload } from '../shared/messages';
import { err, ok, type Result } from '../shared/result';
import { pageAddress } from '../shared/site';
import type { StateStore } from './cache';

export type Analyzer = (text: string, hints?: TextHints) => Analysis;

/** Rejects payloads that cannot be analysed before they reach the engine or the cache key. */
export function validateArticle(article: unknown): string | null {
  const value = article as Partial<ArticlePayload> | null;
  if (!value || typeof value !== 'object') return 'no article in the message';
  if (typeof value.text !== 'string') return 'article.text is not a string';
  if (typeof value.canonicalUrl !== 'string' || value.canonicalUrl === '') return 'article.canonicalUrl is missing';
  return null;
}

function hintsOf(article: ArticlePayload): TextHints {
  return Array.isArray(article.blockQuotes) ? { blockQuotes: article.blockQuotes.filter(isRange) } : {};
}

/** The address the article is filed under: the one it declares when on the page's own site, else the page's. */
export function addressOf(article: ArticlePayload): string {
  return pageAddress(typeof article.url === 'string' ? article.url : '', article.canonicalUrl);
}

/** The cache key of an article's analysis: its address, text and hints (they change the analysis of the same text). */
export function analysisKeyOf(store: StateStore, article: ArticlePayload): string {
  const blockQuotes = hintsOf(article).blockQuotes ?? [];
  return store.analysisKey(addressOf(article), blockQuotes.length ? `${article.text}\u0000${JSON.stringify(blockQuotes)}` : article.text);
}

function isRange(value: unknown): value is { start: number; end: number } {
  const range = value as { start?: unknown; end?: unknown } | null;
  return !!range && Number.isInteger(range.start) && Number.isInteger(range.end) && (range.start as number) < (range.end as number);
}

/** Runs the engine job when its turn comes (the worker's fair queue); by default at once. */
export type EngineRunner = <T>(job: () => T) => Promise<T>;

const runAtOnce: EngineRunner = async (job) => job();

export async function analyzeArticle(
  article: ArticlePayload,
  store: StateStore,
  analyze: Analyzer,
  clock: () => number,
  runEngine: EngineRunner = runAtOnce,
): Promise<Result<AnalysisReply>> {
  const invalid = validateArticle(article);
  if (invalid) return err(invalid);
  const hints = hintsOf(article);
  const key = analysisKeyOf(store, article);
  const canonicalUrl = addressOf(article);
  const cached = await store.getAnalysis(key).catch(() => null);
  if (cached) return ok({ ...cached, canonicalUrl, cached: true });

  let analysis: Analysis;
  let engineMs = 0;
  try {
    analysis = await runEngine(() => {
      const started = clock();
      const result = analyze(article.text, hints);
      engineMs = Math.round((clock() - started) * 10) / 10;
      return result;
    });
  } catch (error) {
    return err(error);
  }
  const reply: AnalysisReply = {
    quotes: analysis.quotes,
    speakers: analysis.speakers,
    canonicalUrl,
    engineMs,
    cached: false,
  };
  // A storage failure must not cost the user the answer they are waiting for.
  await store.putAnalysis(key, reply).catch(() => undefined);
  return ok(reply);
}
