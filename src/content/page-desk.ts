/**
 * This page's side of the desk, in the content script (which holds the article text): the stored reviews
 * placed on this visit's attributions, the reader's reviews sent to the worker (which stores them), and the
 * analysis as shown, with the reader's speaker corrections applied. Pure string work on the article text;
 * storage is the worker's.
 */
import type { Analysis } from '../shared/attribution';
import { applyCorrections, claimSnapshot, pageClaims, placeReviews, type PageClaim, type PageDesk } from '../shared/desk/page';
import type { ArticleMeta, StoredArticle, StoredClaim } from '../shared/desk/schema';
import type { ReviewPatch } from '../shared/desk/store';
import type { ContentToBackground, ContentToBackgroundReplies, DeskArticle } from '../shared/messages';
import { err, ok, type Result } from '../shared/result';

type Send = <M extends ContentToBackground>(message: M) => Promise<ContentToBackgroundReplies[M['type']] | null>;

export interface PageDeskSession {
  readonly desk: PageDesk;
  /** The analysis with the reader's corrections: what the panel, the highlights and exports show. */
  shown(): Analysis;
  review(id: string, patch: ReviewPatch): Promise<Result<PageDesk>>;
  pin(pinned: boolean): Promise<Result<PageDesk>>;
  /** The desk's record of this article as it is now (changed elsewhere: another tab, the desk page, an erase or its undo). */
  sync(stored: StoredArticle | null): PageDesk;
}

export function createPageDesk(
  send: Send,
  meta: ArticleMeta,
  text: string,
  analysis: Analysis,
  deskArticle: DeskArticle | null,
  version: string,
  /** The claims of `analysis` on this page (pageClaims), when worked out already: in slices, on a giant page. */
  claims: Record<string, PageClaim> = pageClaims(text, meta.url, analysis.quotes),
): PageDeskSession {
  const stored = deskArticle?.stored ?? null;
  const placed = (record: StoredArticle | null) => placeReviews(text, analysis.quotes, claims, record);
  let desk: PageDesk = { article: meta, claims, ...placed(stored), pinned: stored?.pinned === true, version };
  let shown = applyCorrections(analysis, desk.reviews);
  const snapshots = () => analysis.quotes.filter((quote) => claims[quote.id]).map((quote) => claimSnapshot(quote, claims[quote.id]));

  // Kept on the desk when the reader keeps everything, or already keeps this article (its claims refreshed).
  if (deskArticle?.keeps) void send({ type: 'content/desk-record', article: meta, claims: snapshots() });

  return {
    get desk() {
      return desk;
    },
    shown: () => shown,
    async review(id, patch) {
      const quote = analysis.quotes.find((candidate) => candidate.id === id);
      const claim = claims[id];
      if (!quote || !claim) return err('this attribution is no longer on the page');
      const reply = await send({ type: 'content/review', article: meta, claim: claimSnapshot(quote, claim), patch });
      if (!reply) return err('WhoSaid was updated or turned off; reload the page');
      if (!reply.ok) return err(reply.error);
      const saved: StoredClaim = reply.value;
      const reviews = { ...desk.reviews };
      if (saved.review) reviews[id] = saved.review;
      else delete reviews[id];
      desk = { ...desk, reviews };
      shown = applyCorrections(analysis, reviews);
      return ok(desk);
    },
    async pin(pinned) {
      const reply = await send({ type: 'content/desk-pin', article: meta, claims: snapshots(), pinned });
      if (!reply) return err('WhoSaid was updated or turned off; reload the page');
      if (!reply.ok) return err(reply.error);
      desk = { ...desk, pinned };
      return ok(desk);
    },
    sync(record) {
      desk = { ...desk, ...placed(record), pinned: record?.pinned === true };
      shown = applyCorrections(analysis, desk.reviews);
      return desk;
    },
  };
}
