/**
 * Imported articles merged into the stored ones, as pure functions (the store reads and writes around
 * them). Per article address, per attribution key: what the desk lacks is added; where both sides hold a
 * review, the later `updatedAt` wins (a tie keeps the desk's); nothing on the desk is ever dropped, so
 * importing the same file twice changes nothing the second time.
 */
import { articleId, type Review, type StoredArticle, type StoredClaim } from './schema';

/** What one import did to the desk, counted in attributions. */
export interface MergeOutcome {
  /** Attributions the desk did not hold. */
  added: number;
  /** Attributions the desk held whose review came from the file (the desk had none, or an older one). */
  updated: number;
  /** Attributions already on the desk as the file has them. */
  unchanged: number;
  /** Attributions whose review on the desk is newer than the file's: the desk's was kept. */
  keptNewer: number;
  /** Articles written: new ones and changed ones. */
  articles: number;
  /** One plain sentence per article left out (the desk's record of it could not be read, or the desk is newer): those records are left as they are. */
  skipped: string[];
}

export const EMPTY_OUTCOME: MergeOutcome = { added: 0, updated: 0, unchanged: 0, keptNewer: 0, articles: 0, skipped: [] };

function sameReview(a: Review, b: Review): boolean {
  return a.mark === b.mark && a.note === b.note && a.speaker === b.speaker;
}

const earliest = (a: number, b: number) => (a && b ? Math.min(a, b) : a || b);

/** One incoming article merged into the desk's record of the same address (or none). `changed` false: nothing to write. */
export function mergeArticle(existing: StoredArticle | null, incoming: StoredArticle): { article: StoredArticle; changed: boolean; counts: Omit<MergeOutcome, 'articles' | 'skipped'> } {
  const counts = { added: 0, updated: 0, unchanged: 0, keptNewer: 0 };
  if (!existing) {
    counts.added = incoming.claims.length;
    return { article: { ...incoming, id: articleId(incoming.url) }, changed: true, counts };
  }
  const claims: StoredClaim[] = [...existing.claims];
  const at = new Map(claims.map((claim, index) => [claim.key, index]));
  let changed = false;
  for (const claim of incoming.claims) {
    const index = at.get(claim.key);
    if (index === undefined) {
      at.set(claim.key, claims.length);
      claims.push(claim);
      counts.added++;
      changed = true;
      continue;
    }
    const mine = claims[index].review;
    const theirs = claim.review;
    if (!theirs || (mine && sameReview(mine, theirs))) counts.unchanged++;
    else if (mine && mine.updatedAt >= theirs.updatedAt) counts.keptNewer++;
    else {
      // The desk's own snapshot of the passage stays (it may be fresher); only the review comes in.
      claims[index] = { ...claims[index], review: theirs };
      counts.updated++;
      changed = true;
    }
  }
  // The desk's title, outlet and date stay; the file fills in only what the desk does not know.
  const article: StoredArticle = {
    ...existing,
    title: existing.title === existing.url && incoming.title !== incoming.url ? incoming.title : existing.title,
    outlet: existing.outlet || incoming.outlet,
    published: existing.published ?? incoming.published,
    pinned: existing.pinned || incoming.pinned,
    firstSeen: earliest(existing.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(existing.lastSeen, incoming.lastSeen),
    claims,
  };
  const metaChanged = (['title', 'outlet', 'published', 'pinned', 'firstSeen', 'lastSeen'] as const).some((field) => article[field] !== existing[field]);
  return { article, changed: changed || metaChanged, counts };
}

/**
 * Every incoming article merged into what `stored` finds at its address: null when the desk has no such
 * article, a sentence when the article may not be written (a record the desk cannot read: it is skipped
 * with that sentence, the record untouched). Returns the articles to write and the counts.
 */
export function mergeImported(incoming: readonly StoredArticle[], stored: (url: string) => StoredArticle | null | string): { write: StoredArticle[]; outcome: MergeOutcome } {
  const outcome: MergeOutcome = { ...EMPTY_OUTCOME, skipped: [] };
  const merged = new Map<string, StoredArticle>();
  for (const article of incoming) {
    const id = articleId(article.url);
    const before = merged.has(id) ? merged.get(id)! : stored(article.url);
    if (typeof before === 'string') {
      outcome.skipped.push(before);
      continue;
    }
    const { article: after, changed, counts } = mergeArticle(before, article);
    outcome.added += counts.added;
    outcome.updated += counts.updated;
    outcome.unchanged += counts.unchanged;
    outcome.keptNewer += counts.keptNewer;
    if (changed) merged.set(id, after);
  }
  outcome.articles = merged.size;
  return { write: [...merged.values()], outcome };
}
