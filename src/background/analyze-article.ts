/**
 * Answers the content script's `content/analyze-article`: the engine's analysis of the article text,
 * from the storage cache when the same text was analysed before. The reply names the address the page is
 * filed under (pageAddress: its canonical link only when on its own site), which the content script then
 * uses for the desk and exports: the Public Suffix List that decides it is too big for the content script.
 */
import { groupSpeakers } from '../engine/passes/19-groups';
import type { Analysis, Attribution, Span, TextHints } from '../shared/attribution';
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
/** Runs an engine job in its turn; `yields`: a part of a long article, which gives way while other tabs are active. */
export type EngineRunner = <T>(job: () => T, options?: { yields?: boolean }) => Promise<T>;

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

  const text = article.text;
  const parts: Part[] = [];
  const analyses: Analysis[] = [];
  let engineMs = 0;
  let size = text.length <= WHOLE_CHARS ? text.length : FIRST_PART;
  try {
    // One engine job a part, each queued after the one before: between them the queue serves other tabs first.
    while (parts.length === 0 || parts[parts.length - 1].end < text.length) {
      const start = parts.length ? parts[parts.length - 1].end : 0;
      const part = { start, end: cutAt(text, start, size) };
      let ms = 0;
      analyses.push(
        await runEngine(() => {
          const started = clock();
          const result = analyze(text.slice(part.start, part.end), hintsWithin(hints, part));
          ms = clock() - started;
          return result;
        }, { yields: text.length > WHOLE_CHARS }),
      );
      parts.push(part);
      engineMs += ms;
      size = Math.min(MAX_PART, Math.max(MIN_PART, Math.round((PART_MS * (part.end - part.start)) / Math.max(ms, 1))));
    }
  } catch (error) {
    return err(error);
  }
  engineMs = Math.round(engineMs * 10) / 10;
  const analysis = analyses.length === 1 ? analyses[0] : joinParts(analyses, parts);
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

/**
 * Over WHOLE_CHARS an article is analysed in parts, each an engine job of its own, cut at a paragraph's end where
 * there is one (else a sentence's, else a space): a 200,000-character page held the worker's queue 3.2 s in one
 * job while another tab waited for its overlay. The engine's speed depends on the text (20,000 characters of
 * dense quotations took 1.7-2.5 s on a loaded 2-core host, of plain news 0.25 s), so the first part is small and
 * each next one sized from the last to take about PART_MS. The parts give way while another tab is talking to the
 * worker (scheduler.ts, YIELD_MS), so its request waits for at most the part running when it came.
 * Nearly every article is shorter and analysed whole; in a longer one an attribution whose speaker is named
 * only before a cut ("he said" after it) loses its name.
 */
export const PART_MS = 100;
const WHOLE_CHARS = 30_000;
const FIRST_PART = 2_000;
const MIN_PART = 500;
export const MAX_PART = 20_000;

export interface Part {
  start: number;
  end: number;
}

/** Where a part of about `size` characters from `start` ends: after the last paragraph, sentence or word in its second half. */
export function cutAt(text: string, start: number, size: number): number {
  const end = Math.min(text.length, start + size);
  if (end === text.length) return end;
  const from = start + Math.floor(size / 2);
  const window = text.slice(from, end);
  const cut = [window.lastIndexOf('\n'), lastSentenceEnd(window), window.lastIndexOf(' ')].find((at) => at >= 0);
  return cut === undefined ? end : from + cut + 1;
}

/** Where the last sentence of `text` ends (the space after its mark); -1 for none. */
function lastSentenceEnd(text: string): number {
  for (let k = text.length - 2; k >= 0; k--) if ('.!?”"'.includes(text[k]) && /\s/.test(text[k + 1])) return k + 1;
  return -1;
}

/** The block-quote hints inside `part`, in its own offsets. */
function hintsWithin(hints: TextHints, part: Part): TextHints {
  if (!hints.blockQuotes) return hints;
  const blockQuotes = hints.blockQuotes
    .filter((range) => range.end > part.start && range.start < part.end)
    .map((range) => ({ start: Math.max(range.start, part.start) - part.start, end: Math.min(range.end, part.end) - part.start }));
  return { blockQuotes };
}

/** The parts' analyses as one of the whole text: spans moved to the text's offsets, ids numbered anew, speakers grouped again. */
export function joinParts(analyses: readonly Analysis[], parts: readonly Part[]): Analysis {
  const quotes: Attribution[] = [];
  analyses.forEach((analysis, index) => {
    const offset = parts[index].start;
    const shift = (span: Span): Span => ({ ...span, start: span.start + offset, end: span.end + offset });
    const ids = new Map(analysis.quotes.map((quote, k) => [quote.id, `q${quotes.length + k}`]));
    for (const quote of analysis.quotes) {
      quotes.push({
        ...quote,
        id: ids.get(quote.id)!,
        cue: quote.cue && shift(quote.cue),
        sources: quote.sources.map(shift),
        contents: quote.contents.map(shift),
        ...(quote.continues !== undefined ? { continues: ids.get(quote.continues) ?? quote.continues } : {}),
      });
    }
  });
  return { quotes, speakers: groupSpeakers(quotes) };
}
