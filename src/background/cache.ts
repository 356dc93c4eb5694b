/**
 * Everything the worker remembers, kept in extension storage so a worker stopped between two events
 * (Chrome stops idle service workers after ~30 s) loses nothing: analyses by canonical URL + text
 * hash, and per tab what it last showed (for the badge). storage.session is used where it exists
 * (cleared when the browser closes, never written to disk in Chrome); otherwise storage.local.
 */
import type { AnalysisReply } from '../shared/messages';
import type { StorageArea } from './api';
import { hashText } from '../shared/text-hash';

const ANALYSIS_PREFIX = 'analysis:';
const TAB_PREFIX = 'tab:';
/** Bump when the stored shape changes; the extension version is added so a new engine re-runs. */
const SCHEMA = 1;

export interface CacheLimits {
  /** Most analyses kept; the least recently used go first. */
  maxEntries: number;
  /** Most bytes (JSON length) of analyses kept; storage.session allows 10 MB in Chrome. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: CacheLimits = { maxEntries: 40, maxBytes: 4_000_000 };

/** What a tab last showed; the badge is derived from it. */
export interface TabState {
  canonicalUrl: string;
  analysisKey: string;
  speakers: number;
  /** Whether the last reply to this tab came from the cache. */
  cached: boolean;
  updatedAt: number;
}

interface StoredAnalysis {
  usedAt: number;
  bytes: number;
  reply: AnalysisReply;
}

export interface StateStore {
  /** The storage key of an article's analysis: canonical URL plus a hash of its text. */
  analysisKey(canonicalUrl: string, text: string): string;
  getAnalysis(key: string): Promise<AnalysisReply | null>;
  putAnalysis(key: string, reply: AnalysisReply): Promise<void>;
  getTab(tabId: number): Promise<TabState | null>;
  setTab(tabId: number, state: TabState): Promise<void>;
  clearTab(tabId: number): Promise<void>;
  destroy(): void;
}

export function chooseArea(storage: { session?: StorageArea; local: StorageArea }): StorageArea {
  return storage.session ?? storage.local;
}

function isStoredAnalysis(value: unknown): value is StoredAnalysis {
  const entry = value as StoredAnalysis | undefined;
  return !!entry && typeof entry.usedAt === 'number' && typeof entry.bytes === 'number' && !!entry.reply && Array.isArray(entry.reply.quotes);
}

export function createStateStore(
  area: StorageArea,
  options: { version: string; limits?: CacheLimits; now?: () => number },
): StateStore {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const now = options.now ?? Date.now;
  const keyPrefix = `${ANALYSIS_PREFIX}${SCHEMA}:${options.version}:`;
  let destroyed = false;

  const live = () => {
    if (destroyed) throw new Error('state store used after destroy()');
  };

  /** Drops the least recently used analyses beyond the limits, and any left by another version. */
  async function prune(): Promise<void> {
    const everything = await area.get(null);
    const entries: Array<[string, StoredAnalysis]> = [];
    const stale: string[] = [];
    for (const [key, value] of Object.entries(everything)) {
      if (!key.startsWith(ANALYSIS_PREFIX)) continue;
      if (!key.startsWith(keyPrefix) || !isStoredAnalysis(value)) stale.push(key);
      else entries.push([key, value]);
    }
    entries.sort((a, b) => b[1].usedAt - a[1].usedAt);
    let bytes = 0;
    entries.forEach(([key, entry], index) => {
      bytes += entry.bytes;
      if (index >= limits.maxEntries || bytes > limits.maxBytes) stale.push(key);
    });
    if (stale.length) await area.remove(stale);
  }

  return {
    analysisKey(canonicalUrl, text) {
      return `${keyPrefix}${canonicalUrl}#${hashText(text)}`;
    },

    async getAnalysis(key) {
      live();
      const found = (await area.get(key))[key];
      if (!isStoredAnalysis(found)) return null;
      // Touch for least-recently-used eviction; a failed write only makes eviction less exact.
      await area.set({ [key]: { ...found, usedAt: now() } }).catch(() => undefined);
      return found.reply;
    },

    async putAnalysis(key, reply) {
      live();
      const stored: StoredAnalysis = { usedAt: now(), bytes: 0, reply: { ...reply, cached: false } };
      stored.bytes = JSON.stringify(stored.reply).length;
      if (stored.bytes > limits.maxBytes) return;
      try {
        await area.set({ [key]: stored });
      } catch {
        // Quota: make room and try once more; the reply still reaches the page if this fails too.
        await prune();
        await area.set({ [key]: stored }).catch(() => undefined);
      }
      await prune();
    },

    async getTab(tabId) {
      live();
      const key = `${TAB_PREFIX}${tabId}`;
      return ((await area.get(key))[key] as TabState | undefined) ?? null;
    },

    async setTab(tabId, state) {
      live();
      await area.set({ [`${TAB_PREFIX}${tabId}`]: state });
    },

    async clearTab(tabId) {
      live();
      await area.remove(`${TAB_PREFIX}${tabId}`);
    },

    destroy() {
      destroyed = true;
    },
  };
}
