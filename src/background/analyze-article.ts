/**
 * Answers the content script's `content/analyze-article`: the engine's analysis of the article text,
 * from the storage cache when the same text was analysed before.
 */
import type { Analysis } from '../shared/attribution';
import type { AnalysisReply, ArticlePayload } from '../shared/messages';
import { err, ok, type Result } from '../shared/result';
import type { StateStore } from './cache';

export type Analyzer = (text: string) => Analysis;

/** Rejects payloads that cannot be analysed before they reach the engine or the cache key. */
export function validateArticle(article: unknown): string | null {
  const value = article as Partial<ArticlePayload> | null;
  if (!value || typeof value !== 'object') return 'no article in the message';
  if (typeof value.text !== 'string') return 'article.text is not a string';
  if (typeof value.canonicalUrl !== 'string' || value.canonicalUrl === '') return 'article.canonicalUrl is missing';
  return null;
}

export async function analyzeArticle(
  article: ArticlePayload,
  store: StateStore,
  analyze: Analyzer,
  clock: () => number,
): Promise<Result<AnalysisReply>> {
  const invalid = validateArticle(article);
  if (invalid) return err(invalid);
  const key = store.analysisKey(article.canonicalUrl, article.text);
  const cached = await store.getAnalysis(key).catch(() => null);
  if (cached) return ok({ ...cached, canonicalUrl: article.canonicalUrl, cached: true });

  let analysis: Analysis;
  const started = clock();
  try {
    analysis = analyze(article.text);
  } catch (error) {
    return err(error);
  }
  const reply: AnalysisReply = {
    quotes: analysis.quotes,
    speakers: analysis.speakers,
    canonicalUrl: article.canonicalUrl,
    engineMs: Math.round((clock() - started) * 10) / 10,
    cached: false,
  };
  // A storage failure must not cost the user the answer they are waiting for.
  await store.putAnalysis(key, reply).catch(() => undefined);
  return ok(reply);
}
