/**
 * The content script's work on one page: decide whether to run, extract the article, ask the worker
 * to analyse it, then show the overlay and the highlights. Built from a small API object so tests can
 * drive it with fakes; index.ts hands it the real `browser`.
 *
 *   start()            settings → is this an article? → run('auto'); if not yet, watch the DOM a while
 *   run(mode)          extract → candidates → content/analyze-article → overlay + highlights
 *   background/…       toggle-panel (shortcut) and run-on-demand (toolbar button): with a result shown, open or
 *                      close the panel (opening focuses its first item); with none, or after an error (the
 *                      toolbar button retries), run('demand'), panel open
 *   overlay select     scroll to the attribution and flash it
 *   pointer            the attribution under the pointer → overlay hover tip; a plain click
 *                      inside a highlight → overlay opens the panel on that attribution's item
 *   new URL (SPA)      take the old page's overlay and highlights down now; once the URL has
 *                      settled, start over as on load (settings → article? → run('auto') or watch). A new URL
 *                      over the same article (a query rewritten, ?utm_… added or stripped: the same address
 *                      declared, or the same text) is not a new page: nothing is taken down
 *   page rebuilt       (rebuild.ts: hydration, a re-render, document.open/write) the same text is mapped again
 *                      and the overlay put back, with no new analysis; other text is analysed anew
 */
import { ANALYSIS_GONE, type AnalysisReply, type ArticlePayload, type BackgroundToContent, type ContentToBackground, type ContentToBackgroundReplies } from '../shared/messages';
import { extractArticle, extractArticleSteps, isProbablyArticle, isProbablyArticleSteps, offsetAt, type ExtractedArticle } from '../shared/article';
import { err, ok, type Result } from '../shared/result';
import { autoRunAllowed, DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../shared/settings';
import { attributionAt, placeAttributions, placeAttributionsSteps, type PlacedAttributions } from './attribution-ranges';
import { findCandidatePassages } from './candidates';
import { createHighlighter, type HighlightApi, type Highlighter } from './highlighter';
import { createOverlayHost, type OverlayHost } from './overlay-host';
import { warmOverlayFonts } from './font-warmup';
import { passageTarget } from './scroll-target';
import { articleMeta } from './article-meta';
import { createPageDesk, type PageDeskSession } from './page-desk';
import { ARTICLE_KEY_PREFIX, type ReviewPatch } from '../shared/desk/store';
import { pageClaimsSteps } from '../shared/desk/page';
import { articleId } from '../shared/desk/schema';
import type { PanelRect } from '../shared/overlay-contract';
import { watchUrl } from './navigation';
import { watchRebuilds } from './rebuild';
import { measured, recordMeasure } from './perf';
import { runSlicedUnlessAborted, yieldToPage } from '../shared/steps';
import { trackPointer, type PointerTracker } from './pointer';

/** Article text read at most; a page beyond it is analysed in part (the worker's time grows with it). */
export const MAX_ARTICLE_CHARS = 200_000;
/** Late-loading pages: how long after load the DOM is watched for an article, how quiet it must be before a retry, and how many retries. */
export const WATCH_MS = 8_000;
export const RETRY_QUIET_MS = 1_000;
/** A DOM that never goes quiet (a clock ticking every 900 ms) is re-checked at least this often all the same. */
export const RETRY_MAX_WAIT_MS = 2_500;
export const MAX_RETRIES = 2;
/** After a single-page site changes URL: how long the URL must stay put before the new page is read (redirect chains, router hops). */
export const NAVIGATION_SETTLE_MS = 500;
/** An article the page rebuilds with other text (a live blog, a clock in the byline) is analysed anew at most this often. */
export const REANALYSE_MS = 20_000;

export type RunMode = 'auto' | 'demand';

export interface ContentApi {
  runtime: {
    readonly id?: string;
    getManifest?(): { version: string };
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: (message: unknown) => Promise<unknown> | undefined): void;
      removeListener(listener: (message: unknown) => Promise<unknown> | undefined): void;
    };
  };
  storage: {
    sync: { get(keys: Record<string, unknown>): Promise<Record<string, unknown>> };
    /** Changes to the stored desk made elsewhere (another tab, the desk page): the panel follows them. */
    onChanged?: {
      addListener(listener: StorageListener): void;
      removeListener(listener: StorageListener): void;
    };
  };
}

type StorageListener = (changes: Record<string, unknown>, areaName: string) => void;

export interface ContentOptions {
  /** Prefix of highlight names and the instance's id. */
  instanceId: string;
  /** Null: no Highlight API (highlights are skipped); undefined: the browser's. */
  highlightApi?: HighlightApi | null;
  /** highlights.css is in the page (injected with the content script by the manifest or the worker). */
  staticRules?: boolean;
  /** Called once, when the controller is destroyed. */
  onDestroy?: () => void;
  /** Waits before asking a worker that did not answer again; the default is RETRY_DELAYS_MS. */
  retryDelaysMs?: readonly number[];
}

/**
 * A worker stopped in the middle of an analysis (an MV3 worker can be killed at any time) answers nothing, or
 * its port closes: the question is asked again after these waits, then given up with a message.
 */
export const RETRY_DELAYS_MS: readonly number[] = [300, 1_000, 3_000];

/** Errors of the messaging layer, not of the engine: the worker was gone or restarting. */
const WORKER_GONE = /did not answer|message port closed|could not establish connection|receiving end does not exist|no such (?:extension|listener)/i;
/** The worker dropped this question for a newer one from this tab (src/background/scheduler.ts). */
const SUPERSEDED = /^superseded by a newer request/;

export interface ContentController {
  start(): Promise<void>;
  run(mode: RunMode): Promise<void>;
  /** Whether the extension can still be reached ("Extension context invalidated" after an update). */
  alive(): boolean;
  destroy(): void;
  readonly destroyed: boolean;
}

const NO_ARTICLE_TEXT = 'WhoSaid found no article text on this page.';

/**
 * The address the page declares for itself: its canonical link or og:url, resolved against the page, else
 * its own URL without the hash. Only a claim: the worker keeps it for the cache, the desk and exports when
 * it is on the page's own site by the Public Suffix List (shared/site), a list too big for this script.
 */
export function declaredAddress(doc: Document, pageUrl: string): string {
  const declared =
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (declared) {
    try {
      const url = new URL(declared.trim(), pageUrl || undefined);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Malformed: fall back to the page's own URL.
    }
  }
  return pageUrl.split('#')[0];
}

function isContextGone(error: unknown): boolean {
  return /extension context invalidated|context invalidated/i.test(error instanceof Error ? error.message : String(error));
}

export function createContentController(doc: Document, api: ContentApi, options: ContentOptions): ContentController {
  const win = doc.defaultView;
  const highlighter: Highlighter = createHighlighter(doc, `whosaid-${options.instanceId}`, options.highlightApi, { staticRules: options.staticRules });
  let destroyed = false;
  let run: AbortController | null = null;
  let overlay: OverlayHost | null = null;
  let article: ExtractedArticle | null = null;
  let placed: PlacedAttributions | null = null;
  /** This page's desk: reviews placed on the attributions, corrections applied. */
  let pageDesk: PageDeskSession | null = null;
  /** The worker's reply as shown (the truncation notice included), before corrections. */
  let shownReply: AnalysisReply | null = null;
  let pointer: PointerTracker | null = null;
  let watcher: { stop(): void } | null = null;
  /** The shown article's run mode, declared address and watch for the page rebuilding it. */
  let shownMode: RunMode = 'auto';
  let shownAddress = '';
  let rebuilds: { stop(): void } | null = null;
  let reanalysedAt = -Infinity;
  let reanalyse: ReturnType<typeof setTimeout> | null = null;
  let autoRunStarted = false;
  /** Aborted when the URL changes or the controller is destroyed: ends that page's start-up. */
  let page = new AbortController();
  /** Aborted by destroy(): ends the URL watch. */
  const lifetime = new AbortController();
  let navigationSettle: ReturnType<typeof setTimeout> | null = null;

  function alive(): boolean {
    try {
      return typeof api.runtime.id === 'string' && api.runtime.id !== '';
    } catch {
      return false;
    }
  }

  /** Sends a message to the worker; a context cut off by an extension update ends this instance. */
  async function send<M extends ContentToBackground>(message: M): Promise<ContentToBackgroundReplies[M['type']] | null> {
    if (!alive()) {
      destroy();
      return null;
    }
    try {
      const reply = (await api.runtime.sendMessage(message)) as ContentToBackgroundReplies[M['type']] | undefined;
      return reply ?? (err('the background worker did not answer') as ContentToBackgroundReplies[M['type']]);
    } catch (error) {
      if (isContextGone(error) || !alive()) {
        destroy();
        return null;
      }
      return err(error) as ContentToBackgroundReplies[M['type']];
    }
  }

  /** Where the open panel is; passages picked in it are scrolled clear of it. */
  let panelRect: PanelRect | null = null;

  function ensureOverlay(): OverlayHost {
    if (!overlay || !overlay.element.isConnected) {
      overlay?.destroy();
      panelRect = null;
      overlay = createOverlayHost(doc, {
        onSelect: select,
        onOpenOptions: openOptions,
        onReview: (id, patch) => void review(id, patch),
        onPin: (pinned) => void pin(pinned),
        onOpenDesk: () => void send({ type: 'content/open-desk' }),
        onHide: takeDown,
        onPanelRect: (rect) => (panelRect = rect),
      });
    }
    return overlay;
  }

  /** The panel's settings button: only the worker can open the options page. */
  function openOptions(): void {
    if (!alive()) return destroy();
    void send({ type: 'content/open-options' });
  }

  function select(id: string): void {
    if (!alive()) return destroy();
    const range = placed?.anchors.get(id);
    if (!range) return;
    scrollToRange(range);
    highlighter.flash(id);
  }

  /**
   * Scrolls the passage to the middle of the view through its element's scrollIntoView, which also
   * scrolls any scrolling container it sits in (an article in a modal); for an element taller than
   * the view, the window is scrolled to the passage itself. Where the open panel would cover it, the
   * window is scrolled so the passage sits above the panel (scroll-target.ts).
   */
  function scrollToRange(anchor: AbstractRange): void {
    // Anchors are static ranges (no cost while the page mutates); a live one is made for measuring.
    let range: Range;
    try {
      range = doc.createRange();
      range.setStart(anchor.startContainer, anchor.startOffset);
      range.setEnd(anchor.endContainer, anchor.endOffset);
    } catch {
      return;
    }
    const reduceMotion = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const behavior: ScrollBehavior = reduceMotion ? 'auto' : 'smooth';
    const node = range.startContainer;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (win && panelRect) {
      const box = range.getBoundingClientRect();
      const target = passageTarget(box, win.innerHeight, panelRect);
      if (target !== null) {
        win.scrollTo({ top: win.scrollY + box.top - target, behavior });
        return;
      }
    }
    const tall = !!win && !!element && element.getBoundingClientRect().height > win.innerHeight * 0.8;
    if (element && !tall) {
      element.scrollIntoView({ block: 'center', behavior });
      return;
    }
    const rect = range.getBoundingClientRect();
    // A third of the way down the view: the passage and what leads into it are both in view.
    win?.scrollTo({ top: win.scrollY + rect.top - win.innerHeight / 3, behavior });
  }

  /** The analysis as the reader sees it: the worker's, with their speaker corrections. */
  function displayed(): AnalysisReply | null {
    if (!shownReply) return null;
    return pageDesk ? { ...shownReply, ...pageDesk.shown() } : shownReply;
  }

  /** Shows the current analysis and desk in the panel; `highlight`: the speakers changed, so the colours too. */
  function showDone(highlight: boolean, notice?: string): void {
    const analysis = displayed();
    if (!analysis) return;
    ensureOverlay().setState({ status: 'done', analysis, ...(pageDesk ? { desk: notice ? { ...pageDesk.desk, notice } : pageDesk.desk } : {}) });
    if (highlight && article && run && !run.signal.aborted && analysis.quotes.length > 0) showHighlights(article, analysis, run.signal);
  }

  async function review(id: string, patch: ReviewPatch): Promise<void> {
    if (!pageDesk) return;
    const before = pageDesk.desk.reviews[id]?.speaker ?? null;
    const result = await pageDesk.review(id, patch);
    if (destroyed) return;
    const after = pageDesk.desk.reviews[id]?.speaker ?? null;
    showDone(result.ok && before !== after, result.ok ? undefined : `Your review was not saved: ${result.error}`);
  }

  /** Replies to desk look-ups after a change: only the latest asked is shown (an older one may answer last). */
  let deskAsked = 0;

  /** This article's record changed in storage, whoever wrote it: the panel shows the record as it is now. */
  const onStorageChanged: StorageListener = (changes, areaName) => {
    if (areaName !== 'local' || !pageDesk || !(`${ARTICLE_KEY_PREFIX}${articleId(pageDesk.desk.article.url)}` in changes)) return;
    void refreshDesk(pageDesk);
  };

  async function refreshDesk(session: PageDeskSession): Promise<void> {
    const asked = ++deskAsked;
    const reply = await send({ type: 'content/desk-article', url: session.desk.article.url });
    if (destroyed || pageDesk !== session || asked !== deskAsked || !reply?.ok) return;
    const corrections = (reviews: PageDeskSession['desk']['reviews']) => JSON.stringify(Object.entries(reviews).map(([id, review]) => [id, review.speaker]));
    const before = corrections(session.desk.reviews);
    session.sync(reply.value.stored);
    // A correction erased or restored changes the speakers, so the highlights' colours too.
    showDone(corrections(session.desk.reviews) !== before);
  }

  let watchingDesk = false;
  function watchDesk(watch: boolean): void {
    if (watch === watchingDesk) return;
    watchingDesk = watch;
    try {
      if (watch) api.storage.onChanged?.addListener(onStorageChanged);
      else api.storage.onChanged?.removeListener(onStorageChanged);
    } catch {
      // The API object itself may be gone with the extension context.
    }
  }

  async function pin(pinned: boolean): Promise<void> {
    if (!pageDesk) return;
    const result = await pageDesk.pin(pinned);
    if (!destroyed) showDone(false, result.ok ? undefined : `Not kept on the desk: ${result.error}`);
  }

  function reveal(id: string): void {
    if (!alive()) return destroy();
    overlay?.reveal(id);
  }

  /** Highlight shows begun: one in slices gives way to any later one. */
  let highlightShows = 0;

  /** The pointer listeners belong to the run that placed the highlights: they stop with it, or with clearPage(). */
  function showHighlights(current: ExtractedArticle, analysis: AnalysisReply, signal: AbortSignal): void {
    highlightShows++;
    const placedNow = placeAttributions(analysis, current.text, current);
    highlighter.show(placedNow.items);
    attachPointer(current, placedNow, signal);
  }

  /** showHighlights in slices (a run's last step: 0.3 s in one task with 4,234 quotations on 100,000 elements). */
  async function showHighlightsSliced(current: ExtractedArticle, analysis: AnalysisReply, signal: AbortSignal): Promise<void> {
    const show = ++highlightShows;
    const placedNow = await runSlicedUnlessAborted(placeAttributionsSteps(analysis, current.text, current), signal);
    if (!placedNow || show !== highlightShows) return;
    const shown = await runSlicedUnlessAborted(highlighter.showSteps(placedNow.value.items), signal);
    if (!shown || show !== highlightShows || signal.aborted) return;
    attachPointer(current, placedNow.value, signal);
  }

  function attachPointer(current: ExtractedArticle, placedNow: PlacedAttributions, signal: AbortSignal): void {
    placed = placedNow;
    pointer?.destroy();
    const intervals = placed.intervals;
    pointer = trackPointer(
      doc,
      (node, offset) => {
        const at = offsetAt(current, node, offset);
        return at < 0 ? null : attributionAt(intervals, at);
      },
      {
        onHover: (detail) => {
          highlighter.focus(detail.id);
          overlay?.hover(detail);
        },
        onReveal: reveal,
      },
      signal,
    );
  }

  function clearPage(): void {
    highlightShows++;
    pointer?.destroy();
    pointer = null;
    placed = null;
    highlighter.destroy();
  }

  /** Stops the run and the DOM watch, and takes down everything shown. */
  function takeDown(): void {
    run?.abort();
    run = null;
    watcher?.stop();
    watcher = null;
    rebuilds?.stop();
    rebuilds = null;
    if (reanalyse !== null) clearTimeout(reanalyse);
    reanalyse = null;
    clearPage();
    overlay?.destroy();
    overlay = null;
    article = null;
    pageDesk = null;
    watchDesk(false);
    shownReply = null;
  }

  const readOptions = (mode: RunMode) => ({ fallbackToBody: mode === 'demand', maxChars: MAX_ARTICLE_CHARS });
  /** The article read in one go: a re-render's check, which must answer before the page changes again. */
  const read = (mode: RunMode) => extractArticle(doc, readOptions(mode));

  /** The article read in slices (a run's first step: 0.4 s in one task on a page of 100,000 elements); null when aborted. */
  async function readSliced(mode: RunMode, signal: AbortSignal): Promise<{ value: ExtractedArticle | null } | null> {
    const start = performance.now();
    const article = await runSlicedUnlessAborted(extractArticleSteps(doc, readOptions(mode)), signal);
    recordMeasure('whosaid:extract', start);
    return article;
  }

  /** The shown article's text nodes, or the overlay host with the <html> it was in, are gone from the document. */
  function stale(): boolean {
    const host = overlay?.element;
    return !!article && (article.segments.some((segment) => !segment.node.isConnected) || (!!host?.parentNode && !host.isConnected));
  }

  function onRebuilt(): void {
    if (!article || !run || destroyed) return;
    const again = read(shownMode);
    // Caught in the middle of a re-render: the next change looks again.
    if (!again) return;
    if (again.text !== article.text) {
      const wait = reanalysedAt + REANALYSE_MS - Date.now();
      if (wait <= 0) {
        reanalysedAt = Date.now();
        void runOnce(shownMode, true).catch(() => undefined);
      } else {
        reanalyse ??= setTimeout(() => {
          reanalyse = null;
          onRebuilt();
        }, wait);
      }
      return;
    }
    article = again;
    if (!overlay?.element.isConnected) showDone(false);
    const display = displayed();
    if (display && display.quotes.length > 0) showHighlights(again, display, run.signal);
  }

  /** The analysis with the attributions its first reply left out (`rest`), asked for QUOTES_PER_REPLY at a time. */
  async function withEveryQuote(first: AnalysisReply, signal: AbortSignal): Promise<Result<AnalysisReply> | null> {
    const { rest, ...analysis } = first;
    const quotes = [...first.quotes];
    while (rest && quotes.length < rest.total) {
      const part = await send({ type: 'content/analysis-quotes', key: rest.key, from: quotes.length });
      if (!part || signal.aborted || destroyed) return null;
      if (!part.ok) return part;
      if (part.value.quotes.length === 0) return err(new Error(ANALYSIS_GONE));
      quotes.push(...part.value.quotes);
    }
    return ok({ ...analysis, quotes });
  }

  /** `refresh`: the page rebuilt the article shown with other text; the panel is not opened, and nothing to show takes the old article down. */
  async function runOnce(mode: RunMode, refresh = false): Promise<void> {
    run?.abort();
    const controller = new AbortController();
    run = controller;
    const { signal } = controller;
    const started = performance.now();

    if (mode === 'demand' && !refresh) {
      const host = ensureOverlay();
      host.setState({ status: 'analyzing' });
      host.toggle(true);
    }
    await yieldToPage();
    if (signal.aborted || destroyed) return;
    const readInSlices = await readSliced(mode, signal);
    if (!readInSlices || signal.aborted || destroyed) return;
    let extracted = readInSlices.value;
    // The page replaced part of what was read while it was read (a re-render between two slices): read again in one go.
    if (extracted?.segments.some((segment) => !segment.node.isConnected)) extracted = measured('whosaid:extract', () => read(mode));
    if (!extracted) {
      if (mode === 'demand' && !refresh) {
        overlay?.setState({ status: 'error', error: NO_ARTICLE_TEXT });
        await send({ type: 'content/no-article', url: doc.location?.href ?? '' });
      }
      return;
    }
    await yieldToPage();
    if (signal.aborted || destroyed) return;

    const candidates = measured('whosaid:candidates', () => findCandidatePassages(extracted.text, extracted.paragraphs));
    // Auto-run on a page with no quotation mark and no claim verb: nothing for the engine to find.
    if (candidates.length === 0 && mode === 'auto') return refresh ? takeDown() : undefined;
    const pageUrl = doc.location?.href ?? '';
    const payload: ArticlePayload = {
      url: pageUrl,
      canonicalUrl: declaredAddress(doc, pageUrl),
      title: extracted.title,
      text: extracted.text,
      blockQuotes: extracted.blockQuotes,
    };
    const analysed = send({ type: 'content/analyze-article', article: payload });
    // While the worker reads: the overlay's fonts, so its first frame does no font matching.
    void warmOverlayFonts(doc, signal);
    let reply = await analysed;
    for (const delay of options.retryDelaysMs ?? RETRY_DELAYS_MS) {
      if (!reply || reply.ok || !WORKER_GONE.test(reply.error) || signal.aborted || destroyed) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (signal.aborted || destroyed) return;
      reply = await send({ type: 'content/analyze-article', article: payload });
    }
    if (!reply || signal.aborted || destroyed) return;
    // A long analysis comes in parts, each read in a task of its own; if the worker lost the rest, it is asked for once more.
    if (reply.ok && reply.value.rest) reply = await withEveryQuote(reply.value, signal);
    if (reply?.ok === false && reply.error === ANALYSIS_GONE && !signal.aborted && !destroyed) {
      reply = await send({ type: 'content/analyze-article', article: payload });
      if (reply?.ok && reply.value.rest) reply = await withEveryQuote(reply.value, signal);
    }
    if (!reply || signal.aborted || destroyed) return;
    if (!reply.ok) {
      if (SUPERSEDED.test(reply.error)) return;
      if (mode === 'demand') ensureOverlay().setState({ status: 'error', error: reply.error });
      return;
    }
    const analysis = reply.value;
    if (analysis.quotes.length === 0 && mode === 'auto') return refresh ? takeDown() : undefined;

    // The desk's record is looked up under the address the worker filed the page under, known only now.
    const meta = articleMeta(doc, analysis.canonicalUrl, extracted.title);
    const storedReply = await send({ type: 'content/desk-article', url: meta.url });
    if (signal.aborted || destroyed) return;
    const claims = await runSlicedUnlessAborted(pageClaimsSteps(extracted.text, meta.url, analysis.quotes), signal);
    if (!claims || signal.aborted || destroyed) return;
    // The page's desk and the panel's first draw each in a task of their own, not in the claims' last slice: on the
    // 100,000-element page the three together ran 50–62 ms (npm run bench:giant, BENCH_TASKS=1).
    await yieldToPage();
    if (signal.aborted || destroyed) return;
    article = extracted;
    shownMode = mode;
    shownAddress = payload.canonicalUrl;
    rebuilds ??= watchRebuilds(doc, stale, onRebuilt);
    clearPage();
    // A page cut at MAX_ARTICLE_CHARS says so in the panel: what comes after was not read.
    shownReply = extracted.truncated ? { ...analysis, truncatedAt: MAX_ARTICLE_CHARS } : analysis;
    pageDesk = createPageDesk(send, meta, extracted.text, analysis, storedReply?.ok ? storedReply.value : null, api.runtime.getManifest?.().version ?? '', claims.value);
    // Listened to only while a page's desk is shown: every page does not need to hear of every stored change.
    watchDesk(true);
    await yieldToPage();
    if (signal.aborted || destroyed) return;
    showDone(false);
    const display = displayed()!;
    if (display.quotes.length > 0) {
      await yieldToPage();
      if (signal.aborted || destroyed) return;
      const highlightStart = performance.now();
      await showHighlightsSliced(extracted, display, signal);
      recordMeasure('whosaid:highlight', highlightStart);
    }
    recordMeasure('whosaid:total', started);
  }

  /** Pages that build their article after load: re-check when the DOM has been quiet a moment, a few times, for a few seconds. */
  function watchForArticle(tryAgain: () => boolean): { stop(): void } {
    const Observer = win?.MutationObserver;
    if (!Observer) return { stop() {} };
    let retries = 0;
    let quiet: ReturnType<typeof setTimeout> | null = null;
    let waitingSince = 0;
    const observer = new Observer(() => {
      const now = Date.now();
      if (quiet !== null && now - waitingSince >= RETRY_MAX_WAIT_MS - RETRY_QUIET_MS) return;
      if (quiet !== null) clearTimeout(quiet);
      else waitingSince = now;
      quiet = setTimeout(() => {
        quiet = null;
        retries++;
        if (tryAgain() || retries >= MAX_RETRIES) stop();
      }, RETRY_QUIET_MS);
    });
    const deadline = setTimeout(() => stop(), WATCH_MS);
    function stop() {
      observer.disconnect();
      clearTimeout(deadline);
      if (quiet !== null) clearTimeout(quiet);
      quiet = null;
    }
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    return { stop };
  }

  function looksLikeArticle(): boolean {
    return measured('whosaid:detect', () => isProbablyArticle(doc));
  }

  /** looksLikeArticle in slices (a page of 20,000 short paragraphs reads them all); null when aborted. */
  async function looksLikeArticleSliced(signal: AbortSignal): Promise<boolean | null> {
    const start = performance.now();
    const result = await runSlicedUnlessAborted(isProbablyArticleSteps(doc), signal);
    recordMeasure('whosaid:detect', start);
    return result && result.value;
  }

  async function readSettings(): Promise<Settings> {
    try {
      return normaliseSettings(await api.storage.sync.get({ ...DEFAULT_SETTINGS }));
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  const onMessage = (message: unknown): Promise<Result<null>> | undefined => {
    const type = (message as BackgroundToContent | null)?.type;
    if (destroyed || (type !== 'background/run-on-demand' && type !== 'background/toggle-panel')) return undefined;
    if (overlay?.element.isConnected && (type === 'background/toggle-panel' || overlay.status === 'done')) {
      overlay.toggle(undefined, { focusList: true });
    } else {
      // Nothing shown yet: toggling the panel means analysing the page, as the toolbar button does.
      void runOnce('demand').catch(() => undefined);
    }
    return Promise.resolve(ok(null));
  };

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    lifetime.abort();
    page.abort();
    if (navigationSettle !== null) clearTimeout(navigationSettle);
    try {
      api.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The API object itself may be gone with the extension context.
    }
    takeDown();
    options.onDestroy?.();
  }

  /** What happens on load, and again on each new URL: settings → is this an article? → run, or watch for one. */
  async function startPage(signal: AbortSignal): Promise<void> {
    const settings = await readSettings();
    if (destroyed || signal.aborted || !autoRunAllowed(settings, doc.location?.hostname ?? '')) return;
    await yieldToPage();
    if (destroyed || signal.aborted) return;
    const article = await looksLikeArticleSliced(signal);
    // The toolbar button may have started a run while the page was read.
    if (article === null || destroyed || signal.aborted || run !== null) return;
    if (article) {
      autoRunStarted = true;
      return runOnce('auto');
    }
    watcher = watchForArticle(() => {
      if (destroyed || autoRunStarted || overlay || !looksLikeArticle()) return false;
      autoRunStarted = true;
      void runOnce('auto').catch(() => undefined);
      return true;
    });
  }

  /**
   * A new URL on a single-page site: what is shown belongs to the old article, so it goes now; the
   * new page is read once the URL has stayed put NAVIGATION_SETTLE_MS (the router may hop again).
   */
  function onNavigate(): void {
    if (sameArticle()) return;
    page.abort();
    page = new AbortController();
    takeDown();
    autoRunStarted = false;
    if (navigationSettle !== null) clearTimeout(navigationSettle);
    const { signal } = page;
    navigationSettle = setTimeout(() => {
      navigationSettle = null;
      void startPage(signal).catch(() => undefined);
    }, NAVIGATION_SETTLE_MS);
  }

  /** A new URL still showing the article shown: the same address declared (and its nodes in place), or the same text. */
  function sameArticle(): boolean {
    if (!article) return false;
    if (declaredAddress(doc, doc.location?.href ?? '') === shownAddress && !stale()) return true;
    return read(shownMode)?.text === article.text;
  }

  return {
    async start() {
      api.runtime.onMessage.addListener(onMessage);
      if (win) watchUrl(win, () => doc.location?.href ?? '', onNavigate, lifetime.signal);
      return startPage(page.signal);
    },
    run: runOnce,
    alive,
    destroy,
    get destroyed() {
      return destroyed;
    },
  };
}
