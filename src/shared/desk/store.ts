/**
 * The desk's one storage manager: every read and write of marks, notes, corrections and kept articles
 * goes through here, in the worker (reviews from the panel) and on the desk page. storage.local with the
 * unlimitedStorage permission: the worker, the desk page and the Firefox event page all reach it with
 * no extra library, it survives restarts, updates and a killed worker, and one article per key keeps
 * each write small (a mark rewrites its article's record, not the desk). IndexedDB would add an async
 * wrapper and a second storage to erase for no gain at these sizes. Reading every record is what costs on
 * real storage (bench:desk:browser: storage.local.get(null) of 10,000 attributions, 7 MB, is most of a
 * desk open), so a small index (`INDEX_KEY`: each article's record key, last visit and attribution count)
 * lets the desk read only its newest articles for the first screen (`preview`) and the rest after.
 *
 * Records that are not WhoSaid's (corrupt, foreign, from a newer version that cannot be read) are
 * reported in `problems` and left untouched: nothing else is lost because of them.
 *
 * Every method runs under the desk lock (`DESK_LOCK`, Web Locks: one per extension origin, so the worker
 * and every desk page wait for each other; an in-process queue where there are none). A mark reads its
 * article's record and writes it back: two such writes interleaved would drop one of the marks.
 */
import { anchorPassage } from './anchor';
import { cappedMeta } from '../meta-caps';
import { mergeImported, type MergeOutcome } from './merge';
import { migrateRecord, type Migration, MIGRATIONS } from './migrate';
import {
  articleId,
  DEFAULT_DESK_SETTINGS,
  DESK_SCHEMA_VERSION,
  isMark,
  type ArticleMeta,
  type DeskSettings,
  type Mark,
  type Review,
  type StoredArticle,
  type StoredClaim,
} from './schema';

export interface StorageAreaLike {
  get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const DESK_KEY_PREFIX = 'desk:';
export const SCHEMA_KEY = 'desk:schema';
export const SETTINGS_KEY = 'desk:settings';
export const ARTICLE_KEY_PREFIX = 'desk:article:';
/** Record key → [lastSeen, attribution count] of every article; absent on a desk written before it (load() writes it). */
export const INDEX_KEY = 'desk:index';

export type DeskIndex = Record<string, [lastSeen: number, claims: number]>;

/** The newest articles, enough for the first screen of rows, and the desk's totals from its index. */
export interface DeskPreview {
  articles: StoredArticle[];
  settings: DeskSettings;
  totals: { articles: number; attributions: number };
}

export interface DeskData {
  articles: StoredArticle[];
  settings: DeskSettings;
  /** One plain sentence per record that could not be read; those records are kept as they are. */
  problems: string[];
}

export interface ReviewPatch {
  mark?: Mark | null;
  note?: string;
  speaker?: string | null;
}

/** A claim as the content script describes it, before any review. */
export type ClaimSnapshot = Omit<StoredClaim, 'review' | 'seenAt'>;

export interface DeskStore {
  load(): Promise<DeskData>;
  /** The newest articles holding at least `rows` attributions, read through the index; null when there is none to trust. */
  preview(rows: number): Promise<DeskPreview | null>;
  /** The stored article at this address, or null. */
  article(url: string): Promise<StoredArticle | null>;
  /** Applies the reader's review to one attribution (creating the article's record if needed); resolves the claim as stored. */
  review(meta: ArticleMeta, claim: ClaimSnapshot, patch: ReviewPatch): Promise<StoredClaim>;
  /** An analysed article: stored (every claim, reviews kept) when the settings keep everything or the article is already kept. */
  recordAnalysis(meta: ArticleMeta, claims: ClaimSnapshot[]): Promise<boolean>;
  pin(meta: ArticleMeta, claims: ClaimSnapshot[], pinned: boolean): Promise<void>;
  settings(): Promise<DeskSettings>;
  setSettings(settings: DeskSettings): Promise<void>;
  /** Removes every desk record (and nothing else in the storage area). */
  eraseAll(): Promise<void>;
  /**
   * Puts these articles and settings back under what is stored now (the desk's undo of an erase): what is
   * missing comes back, a claim's later review wins, and a setting changed since stays.
   */
  importAll(articles: readonly StoredArticle[], settings: DeskSettings): Promise<void>;
  /** Merges articles read from a backup into the desk (merge.ts: the later review wins, nothing kept is dropped); writes only what changed. */
  mergeArticles(articles: readonly StoredArticle[]): Promise<MergeOutcome>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readReview(value: unknown): Review | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  if (!(value.mark === null || isMark(value.mark)) || !isString(value.note) || !(value.speaker === null || isString(value.speaker)) || !isNumber(value.updatedAt)) return undefined;
  return { mark: value.mark as Mark | null, note: value.note, speaker: value.speaker as string | null, updatedAt: value.updatedAt };
}

function readClaim(value: unknown): StoredClaim | null {
  if (!isRecord(value) || !isString(value.key) || !isString(value.content) || !isString(value.kind) || !isRecord(value.selector)) return null;
  const selector = value.selector as Record<string, unknown>;
  const quote = selector.quote as Record<string, unknown> | undefined;
  const position = selector.position as Record<string, unknown> | undefined;
  if (!isRecord(quote) || !isString(quote.exact) || !isString(quote.prefix) || !isString(quote.suffix)) return null;
  if (!isRecord(position) || !isNumber(position.start) || !isNumber(position.end)) return null;
  const review = readReview(value.review ?? null);
  if (review === undefined) return null;
  return {
    key: value.key,
    speaker: isString(value.speaker) ? value.speaker : null,
    speakerType: isString(value.speakerType) ? value.speakerType : null,
    aliases: Array.isArray(value.aliases) ? value.aliases.filter(isString) : [],
    cue: isString(value.cue) ? value.cue : null,
    kind: value.kind as StoredClaim['kind'],
    content: value.content,
    confidence: isNumber(value.confidence) ? value.confidence : 0,
    certainty: isRecord(value.certainty) ? (value.certainty as unknown as StoredClaim['certainty']) : null,
    framing: isString(value.framing) ? (value.framing as StoredClaim['framing']) : null,
    selector: {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    },
    review,
    seenAt: isNumber(value.seenAt) ? value.seenAt : 0,
  };
}

/** A stored article as this version reads it; null when it is not one. */
export function readArticle(value: unknown): StoredArticle | null {
  if (!isRecord(value) || !isString(value.id) || !isString(value.url) || !Array.isArray(value.claims)) return null;
  const claims: StoredClaim[] = [];
  for (const raw of value.claims) {
    const claim = readClaim(raw);
    if (!claim) return null;
    claims.push(claim);
  }
  return {
    id: value.id,
    url: value.url,
    title: isString(value.title) ? value.title : value.url,
    outlet: isString(value.outlet) ? value.outlet : '',
    published: isString(value.published) ? value.published : null,
    firstSeen: isNumber(value.firstSeen) ? value.firstSeen : 0,
    lastSeen: isNumber(value.lastSeen) ? value.lastSeen : 0,
    pinned: value.pinned === true,
    claims,
  };
}

function readIndex(value: unknown): DeskIndex | null {
  if (!isRecord(value)) return null;
  for (const entry of Object.values(value)) if (!Array.isArray(entry) || entry.length !== 2 || !isNumber(entry[0]) || !isNumber(entry[1])) return null;
  return value as DeskIndex;
}

const indexEntry = (article: StoredArticle): DeskIndex[string] => [article.lastSeen, article.claims.length];

/** Same entries, in any order (storage areas need not keep the order keys were written in). */
function sameIndex(stored: DeskIndex | null, built: DeskIndex): boolean {
  if (!stored || Object.keys(stored).length !== Object.keys(built).length) return false;
  return Object.entries(built).every(([key, [lastSeen, claims]]) => stored[key]?.[0] === lastSeen && stored[key]?.[1] === claims);
}

/** The index of these stored articles, by record key. */
export function deskIndex(articles: readonly StoredArticle[]): DeskIndex {
  return Object.fromEntries(articles.map((article) => [`${ARTICLE_KEY_PREFIX}${articleId(article.url)}`, indexEntry(article)]));
}

function readSettings(value: unknown): DeskSettings {
  return isRecord(value) && typeof value.keepAll === 'boolean' ? { keepAll: value.keepAll } : DEFAULT_DESK_SETTINGS;
}

/** Whether an article record is worth keeping under the default setting: reviewed or pinned. */
export function isKept(article: StoredArticle): boolean {
  return article.pinned || article.claims.some((claim) => claim.review !== null);
}

/** Claims of a new analysis merged into the stored ones: reviews stay with their passage, by key or by anchor. */
function mergeClaims(stored: StoredClaim[], incoming: ClaimSnapshot[], now: number): StoredClaim[] {
  const byKey = new Map(stored.map((claim) => [claim.key, claim]));
  const merged: StoredClaim[] = incoming.map((claim) => {
    const old = byKey.get(claim.key);
    byKey.delete(claim.key);
    return { ...claim, review: old?.review ?? null, seenAt: old?.seenAt ?? now };
  });
  // Reviewed claims the new analysis no longer lists are kept (shown as orphans), never dropped.
  for (const old of byKey.values()) if (old.review) merged.push(old);
  return merged;
}

/** Runs `work` alone: no other holder of the same lock runs meanwhile, in this context or (Web Locks) another. */
export type DeskLock = <T>(work: () => Promise<T>) => Promise<T>;

/** The Web Locks name the worker and the desk pages hold while they read and write the desk. */
export const DESK_LOCK = 'whosaid-desk';

/** The tail of each in-process queue, by lock name: one queue per name in this context, as Web Locks has one per origin. */
const queues = new Map<string, Promise<unknown>>();

/** A lock within this context only: each piece of work starts once the one before it has settled. */
export function inProcessLock(name: string = DESK_LOCK): DeskLock {
  return (work) => {
    const run = (queues.get(name) ?? Promise.resolve()).then(work);
    queues.set(name, run.catch(() => undefined));
    return run;
  };
}

/** Web Locks where the context has them (every page of the extension and its worker share them), else the in-process queue (Node, jsdom). */
export function deskLock(): DeskLock {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? (work) => locks.request(DESK_LOCK, work) : inProcessLock(DESK_LOCK);
}

/**
 * `store` with every method run under `lock`. Generic on purpose: a method added to the store is locked
 * with nothing more to do. Inside the store, methods call the unlocked ones (Web Locks are not re-entrant).
 */
function underLock(store: DeskStore, lock: DeskLock): DeskStore {
  const locked: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store)) {
    locked[name] = typeof method === 'function' ? (...args: unknown[]) => lock(async () => method.apply(store, args)) : method;
  }
  return locked as unknown as DeskStore;
}

export interface DeskStoreOptions {
  now?: () => number;
  /** The schema this code writes, and the steps from older ones (tests pass a future version's). */
  version?: number;
  migrations?: readonly Migration[];
  /** What makes each read-modify-write atomic against every other writer; deskLock() by default (tests pass a shared in-process one). */
  lock?: DeskLock;
}

export function createDeskStore(area: StorageAreaLike, { now = Date.now, version = DESK_SCHEMA_VERSION, migrations = MIGRATIONS, lock = deskLock() }: DeskStoreOptions = {}): DeskStore {
  const keyOf = (url: string) => `${ARTICLE_KEY_PREFIX}${articleId(url)}`;

  async function stored(url: string): Promise<StoredArticle | null> {
    const key = keyOf(url);
    const found = await area.get(key);
    const schema = (await area.get(SCHEMA_KEY))[SCHEMA_KEY];
    const migrated = migrateRecord(found[key], typeof schema === 'number' ? schema : version, version, migrations);
    return migrated.ok ? readArticle(migrated.value) : null;
  }

  async function write(article: StoredArticle): Promise<void> {
    const key = keyOf(article.url);
    // No index yet (a desk from before it): the next load() writes a whole one; one of a single article would hide the rest.
    const index = readIndex((await area.get(INDEX_KEY))[INDEX_KEY]);
    await area.set({ [SCHEMA_KEY]: version, [key]: cappedMeta(article), ...(index && { [INDEX_KEY]: { ...index, [key]: indexEntry(article) } }) });
  }

  function fresh(meta: ArticleMeta, at: number): StoredArticle {
    return { ...meta, id: articleId(meta.url), firstSeen: at, lastSeen: at, pinned: false, claims: [] };
  }

  const store: DeskStore = {
    async load() {
      const all = await area.get(null);
      const schema = typeof all[SCHEMA_KEY] === 'number' ? (all[SCHEMA_KEY] as number) : version;
      const articles: StoredArticle[] = [];
      const problems: string[] = [];
      const upgraded: Record<string, unknown> = {};
      const index: DeskIndex = {};
      for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith(ARTICLE_KEY_PREFIX)) continue;
        const migrated = migrateRecord(value, schema, version, migrations);
        const article = migrated.ok ? readArticle(migrated.value) : null;
        if (!article) {
          problems.push(migrated.ok ? `A stored record (${key}) is not a WhoSaid article; it was left as it is.` : `${migrated.error} (${key}); it was left as it is.`);
          continue;
        }
        articles.push(article);
        index[key] = indexEntry(article);
        if (schema !== version) upgraded[key] = article;
      }
      if (schema < version) await area.set({ ...upgraded, [SCHEMA_KEY]: version });
      // The index mended whenever it differs from the records (missing, or written by a version without it).
      if (schema <= version && !sameIndex(readIndex(all[INDEX_KEY]), index)) await area.set({ [INDEX_KEY]: index });
      articles.sort((a, b) => b.lastSeen - a.lastSeen);
      return { articles, settings: readSettings(all[SETTINGS_KEY]), problems };
    },

    async preview(rows) {
      const found = await area.get([INDEX_KEY, SCHEMA_KEY, SETTINGS_KEY]);
      const index = readIndex(found[INDEX_KEY]);
      // A desk to upgrade is read whole by load(), which upgrades it.
      if (!index || (typeof found[SCHEMA_KEY] === 'number' && found[SCHEMA_KEY] !== version)) return null;
      const newest = Object.entries(index).sort((a, b) => b[1][0] - a[1][0]);
      const keys: string[] = [];
      let shown = 0;
      for (const [key, [, claims]] of newest) {
        if (shown >= rows) break;
        keys.push(key);
        shown += claims;
      }
      const records = keys.length > 0 ? await area.get(keys) : {};
      const articles = keys.flatMap((key) => readArticle(records[key]) ?? []).sort((a, b) => b.lastSeen - a.lastSeen);
      return { articles, settings: readSettings(found[SETTINGS_KEY]), totals: { articles: newest.length, attributions: newest.reduce((sum, [, [, claims]]) => sum + claims, 0) } };
    },

    article: stored,

    async review(meta, claim, patch) {
      const at = now();
      const article = (await stored(meta.url)) ?? fresh(meta, at);
      const previous = article.claims.find((old) => old.key === claim.key);
      const base: Review = previous?.review ?? { mark: null, note: '', speaker: null, updatedAt: at };
      const review: Review = {
        mark: patch.mark !== undefined ? patch.mark : base.mark,
        note: patch.note !== undefined ? patch.note.slice(0, 10_000) : base.note,
        speaker: patch.speaker !== undefined ? (patch.speaker?.trim() || null) : base.speaker,
        updatedAt: at,
      };
      const cleared = review.mark === null && review.note === '' && review.speaker === null;
      const next: StoredClaim = { ...claim, review: cleared ? null : review, seenAt: previous?.seenAt ?? at };
      const claims = previous ? article.claims.map((old) => (old.key === claim.key ? next : old)) : [...article.claims, next];
      await write({ ...article, ...meta, id: article.id, lastSeen: at, claims });
      return next;
    },

    async recordAnalysis(meta, claims) {
      const at = now();
      const [article, settings] = await Promise.all([stored(meta.url), store.settings()]);
      if (!settings.keepAll && !(article && isKept(article))) return false;
      const base = article ?? fresh(meta, at);
      await write({ ...base, ...meta, id: base.id, lastSeen: at, claims: mergeClaims(base.claims, claims, at) });
      return true;
    },

    async pin(meta, claims, pinned) {
      const at = now();
      const base = (await stored(meta.url)) ?? fresh(meta, at);
      await write({ ...base, ...meta, id: base.id, lastSeen: at, pinned, claims: mergeClaims(base.claims, claims, at) });
    },

    async settings() {
      return readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
    },

    async setSettings(settings) {
      await area.set({ [SETTINGS_KEY]: { keepAll: settings.keepAll === true } });
    },

    async importAll(articles, settings) {
      // Merged, never written over: a mark made since the snapshot (in a tab still open after an erase) stays.
      await store.mergeArticles(articles.flatMap((article) => readArticle(article) ?? []));
      if ((await area.get(SETTINGS_KEY))[SETTINGS_KEY] === undefined) await area.set({ [SETTINGS_KEY]: { keepAll: settings.keepAll === true } });
    },

    async mergeArticles(articles) {
      const found = await area.get([SCHEMA_KEY, INDEX_KEY, ...articles.map((article) => keyOf(article.url))]);
      const schema = typeof found[SCHEMA_KEY] === 'number' ? (found[SCHEMA_KEY] as number) : version;
      // A desk written by a newer WhoSaid takes nothing from this one; an unreadable record is skipped, never overwritten.
      const { write: changed, outcome } = mergeImported(articles, (url) => {
        if (schema > version) return `The desk was written by a newer WhoSaid (desk schema ${schema}; this one writes ${version}), so ${url} was not imported.`;
        const raw = found[keyOf(url)];
        if (raw === undefined) return null;
        const migrated = migrateRecord(raw, schema, version, migrations);
        return (migrated.ok ? readArticle(migrated.value) : null) ?? `The desk's record of ${url} could not be read, so that article was not imported; the record was left as it is.`;
      });
      const index = readIndex(found[INDEX_KEY]);
      if (changed.length > 0) await area.set({ [SCHEMA_KEY]: version, ...Object.fromEntries(changed.map((article) => [keyOf(article.url), article])), ...(index && { [INDEX_KEY]: { ...index, ...deskIndex(changed) } }) });
      return outcome;
    },

    async eraseAll() {
      const all = await area.get(null);
      const keys = Object.keys(all).filter((key) => key.startsWith(DESK_KEY_PREFIX));
      if (keys.length > 0) await area.remove(keys);
    },
  };
  return underLock(store, lock);
}

/** Where each stored claim is in the article's current text (null: an orphan). */
export function anchorClaims(text: string, claims: readonly StoredClaim[]): Array<{ claim: StoredClaim; range: { start: number; end: number } | null }> {
  return claims.map((claim) => ({ claim, range: anchorPassage(text, claim.selector) }));
}
