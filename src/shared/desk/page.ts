/**
 * The desk as one page sees it, computed in the content script (which holds the article text) and
 * handed to the overlay with the analysis: each attribution's stable key and anchor, the reviews stored
 * for this article placed back on the attributions they belong to, the reviews that could not be
 * placed (orphans, listed, never dropped), and the analysis with the reader's speaker corrections
 * applied, so they win in the panel, the highlights and the exports alike.
 */
import type { Analysis, Attribution } from '../attribution';
import { anchorPassage, describePassage, type PassageSelector } from './anchor';
import { claimKey, type ArticleMeta, type Review, type StoredArticle, type StoredClaim } from './schema';
import type { ClaimSnapshot } from './store';
import { runWhole, STEP_UNITS, type Steps } from '../steps';

export interface PageClaim {
  key: string;
  selector: PassageSelector;
}

export interface OrphanReview {
  key: string;
  content: string;
  speaker: string | null;
  review: Review;
}

/** What the overlay is told about the desk for this page. */
export interface PageDesk {
  article: ArticleMeta;
  /** Attribution id → key and anchor. */
  claims: Record<string, PageClaim>;
  /** Attribution id → the reader's review. */
  reviews: Record<string, Review>;
  orphans: OrphanReview[];
  pinned: boolean;
  /** WhoSaid's version, for exports. */
  version: string;
}

function contentRange(quote: Attribution): { start: number; end: number } | null {
  if (quote.contents.length === 0) return null;
  return { start: quote.contents[0].start, end: quote.contents[quote.contents.length - 1].end };
}

/** Each attribution's key (its words and which occurrence of them) and anchor in `text`. */
export function pageClaims(text: string, url: string, quotes: readonly Attribution[]): Record<string, PageClaim> {
  return runWhole(pageClaimsSteps(text, url, quotes));
}

/** pageClaims in steps (src/shared/steps.ts): 4,234 attributions took 44 ms in one task. */
export function* pageClaimsSteps(text: string, url: string, quotes: readonly Attribution[]): Steps<Record<string, PageClaim>> {
  const seen = new Map<string, number>();
  const claims: Record<string, PageClaim> = {};
  const ordered = [...quotes].sort((a, b) => (contentRange(a)?.start ?? 0) - (contentRange(b)?.start ?? 0));
  let units = 0;
  for (const quote of ordered) {
    if (++units % STEP_UNITS === 0) yield;
    const range = contentRange(quote) ?? (quote.cue ? { start: quote.cue.start, end: quote.cue.end } : null);
    if (!range) continue;
    const words = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
    const occurrence = seen.get(words) ?? 0;
    seen.set(words, occurrence + 1);
    claims[quote.id] = { key: claimKey(url, words, occurrence), selector: describePassage(text, range.start, range.end) };
  }
  return claims;
}

/** What the store keeps of one attribution. */
export function claimSnapshot(quote: Attribution, claim: PageClaim): ClaimSnapshot {
  return {
    key: claim.key,
    speaker: quote.speaker?.name ?? null,
    speakerType: quote.speaker?.type ?? null,
    aliases: quote.speaker?.aliases ?? [],
    cue: quote.cue?.text ?? null,
    kind: quote.kind,
    content: claim.selector.quote.exact.replace(/\s+/g, ' ').trim(),
    confidence: quote.confidence,
    certainty: quote.certainty ?? null,
    framing: quote.framing ?? null,
    selector: claim.selector,
  };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Stored reviews placed on this visit's attributions: by key first (same words, same occurrence), else by
 * anchoring the stored passage in the text and taking the attribution covering most of it (at least half).
 * The rest are orphans.
 */
export function placeReviews(
  text: string,
  quotes: readonly Attribution[],
  claims: Record<string, PageClaim>,
  stored: StoredArticle | null,
): { reviews: Record<string, Review>; orphans: OrphanReview[] } {
  const reviews: Record<string, Review> = {};
  const orphans: OrphanReview[] = [];
  if (!stored) return { reviews, orphans };
  const byKey = new Map(Object.entries(claims).map(([id, claim]) => [claim.key, id]));
  for (const claim of stored.claims) {
    if (!claim.review) continue;
    let id = byKey.get(claim.key);
    if (!id || reviews[id]) {
      id = undefined;
      const range = anchorPassage(text, claim.selector);
      if (range) {
        let best = 0;
        for (const quote of quotes) {
          const own = contentRange(quote);
          const shared = own ? overlap(own, range) : 0;
          if (shared > best && shared * 2 >= range.end - range.start && !reviews[quote.id]) {
            best = shared;
            id = quote.id;
          }
        }
      }
    }
    if (id) reviews[id] = claim.review;
    else orphans.push(orphanOf(claim));
  }
  return { reviews, orphans };
}

function orphanOf(claim: StoredClaim): OrphanReview {
  return { key: claim.key, content: claim.content, speaker: claim.review?.speaker || claim.speaker, review: claim.review! };
}

/**
 * The analysis with the reader's corrections: a corrected attribution's speaker is the corrected name, it
 * leaves its old speaker's group and joins (or starts) the group of that name.
 */
export function applyCorrections(analysis: Analysis, reviews: Record<string, Review>): Analysis {
  const corrected = Object.entries(reviews).filter(([, review]) => review.speaker);
  if (corrected.length === 0) return analysis;
  const names = new Map(corrected.map(([id, review]) => [id, review.speaker!.trim()]));
  const quotes = analysis.quotes.map((quote) => {
    const name = names.get(quote.id);
    if (!name || quote.speaker?.name === name) return quote;
    return { ...quote, speaker: { name, type: 'person' as const, aliases: quote.speaker ? [quote.speaker.name] : [] } };
  });
  const speakers = analysis.speakers
    .map((speaker) => ({ ...speaker, attributionIds: speaker.attributionIds.filter((id) => !names.has(id) || names.get(id) === speaker.name) }))
    .filter((speaker) => speaker.attributionIds.length > 0);
  for (const quote of quotes) {
    const name = names.get(quote.id);
    if (!name) continue;
    const home = speakers.find((speaker) => speaker.name === name);
    if (home) {
      if (!home.attributionIds.includes(quote.id)) home.attributionIds = [...home.attributionIds, quote.id];
    } else {
      speakers.push({ name, type: 'person', aliases: [], attributionIds: [quote.id], hedged: 0 });
    }
  }
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  for (const speaker of speakers) speaker.hedged = speaker.attributionIds.filter((id) => byId.get(id)?.certainty?.label === 'low').length;
  return { ...analysis, quotes, speakers };
}
