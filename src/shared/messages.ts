/**
 * Every message between the content script and the background worker, one union per direction.
 * Add a message here first; both sides switch on `type` so the compiler checks each is handled.
 */
import type { Analysis, Attribution } from './attribution';
import type { ArticleMeta, StoredArticle, StoredClaim } from './desk/schema';
import type { ClaimSnapshot, ReviewPatch } from './desk/store';
import type { Result } from './result';

/** A paragraph of the article text, by offset. */
export interface ParagraphRange {
  start: number;
  end: number;
}

/** What the content script extracted from the page: the whole article text, not only candidates. */
export interface ArticlePayload {
  url: string;
  /** The address the page declares (<link rel=canonical>, og:url), else the URL without its hash; the worker keeps it only on the page's own site. */
  canonicalUrl: string;
  title: string;
  /**
   * The article body as plain text, paragraphs separated by "\n\n". Its paragraph and candidate ranges stay in
   * the content script (the candidates decide whether to ask at all): the engine reads the whole text, and the
   * 8,800 ranges of a giant page took ~40 ms of the sending task to serialise.
   */
  text: string;
  /** The text of each <blockquote>: quoted passages without quotation marks. Absent from older content scripts. */
  blockQuotes?: ParagraphRange[];
}

export interface AnalysisReply extends Analysis {
  /** The address the article is filed under, for the cache, the desk and exports: decided by the worker (shared/site pageAddress). */
  canonicalUrl: string;
  /** Time the engine and classifiers took in the worker, ms. */
  engineMs: number;
  /** True when the reply came from the storage cache. */
  cached: boolean;
  /** Set by the content script when the page's text was cut at this many characters (a huge page). */
  truncatedAt?: number;
  /**
   * Set when the article has more than QUOTES_PER_REPLY attributions: `quotes` holds the first of them, the rest are
   * asked for with content/analysis-quotes under `key`, `total` in all.
   */
  rest?: { key: string; total: number };
}

/**
 * Attributions per message from the worker. A reply is read (parsed) in one task of the page's: the 4,234 of the
 * 100,000-element page in one reply took 38–62 ms of it (npm run bench:giant, BENCH_TASKS=1, round 16).
 */
export const QUOTES_PER_REPLY = 500;

/** The worker no longer holds the rest of an analysis (it was restarted, or the tab moved on): ask for it again. */
export const ANALYSIS_GONE = 'the rest of this analysis is no longer held';

/** content → background */
export type ContentToBackground =
  | { type: 'content/analyze-article'; article: ArticlePayload }
  /** The next QUOTES_PER_REPLY attributions of an analysis whose reply carried `rest`, from the index `from`. */
  | { type: 'content/analysis-quotes'; key: string; from: number }
  | { type: 'content/no-article'; url: string }
  /** The panel's settings button: open the options page (content scripts cannot). */
  | { type: 'content/open-options' }
  /** The desk's record of this article (its reviews), to place them on this visit's attributions. */
  | { type: 'content/desk-article'; url: string }
  /** The reader marked, noted or corrected an attribution in the panel. */
  | { type: 'content/review'; article: ArticleMeta; claim: ClaimSnapshot; patch: ReviewPatch }
  /** An analysed article: kept on the desk when the reader keeps everything, or already keeps this one. */
  | { type: 'content/desk-record'; article: ArticleMeta; claims: ClaimSnapshot[] }
  /** The panel's "Keep on desk" switch. */
  | { type: 'content/desk-pin'; article: ArticleMeta; claims: ClaimSnapshot[]; pinned: boolean }
  /** The panel's desk button: open desk.html in a tab. */
  | { type: 'content/open-desk' };

/** The desk's side of an article, for its page. */
export interface DeskArticle {
  /** Its record (reviews, pin), or null: never kept. */
  stored: StoredArticle | null;
  /**
   * Whether the desk records this article's analysis (the reader keeps everything, or already keeps this one):
   * only then does the page send it every claim (content/desk-record), 4,234 of them in one message on a giant page.
   */
  keeps: boolean;
}

/** What the background answers to each content → background message. */
export interface ContentToBackgroundReplies {
  'content/analyze-article': Result<AnalysisReply>;
  'content/analysis-quotes': Result<{ quotes: Attribution[] }>;
  'content/no-article': Result<null>;
  'content/open-options': Result<null>;
  'content/desk-article': Result<DeskArticle>;
  'content/review': Result<StoredClaim>;
  'content/desk-record': Result<boolean>;
  'content/desk-pin': Result<null>;
  'content/open-desk': Result<null>;
}

/** background → content (tabs.sendMessage) */
export type BackgroundToContent =
  /** Toolbar button or shortcut: analyse this page now even if it does not look like an article, and open the panel. */
  | { type: 'background/run-on-demand' }
  /** Command shortcut: open or close the panel. */
  | { type: 'background/toggle-panel' };

export interface BackgroundToContentReplies {
  'background/run-on-demand': Result<null>;
  'background/toggle-panel': Result<null>;
}
