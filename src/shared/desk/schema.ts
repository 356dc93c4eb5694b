/**
 * What the fact-checker's desk keeps on the device: per article its address, title, outlet and date,
 * and the attributions the reader reviewed (a mark, a note, a corrected speaker) or every analysed one
 * when the reader chose to keep everything. Each attribution carries its anchor (text quote + position),
 * never a DOM range. Versioned: DESK_SCHEMA_VERSION is written beside the records, and migrate.ts
 * brings older records up to it.
 */
import type { Certainty, Framing, QuoteKind } from '../attribution';
import { hashText } from '../text-hash';
import type { PassageSelector } from './anchor';

export const DESK_SCHEMA_VERSION = 1;

export const MARKS = ['checked', 'disputed', 'to-check'] as const;
export type Mark = (typeof MARKS)[number];

export const MARK_LABEL: Record<Mark, string> = { checked: 'Checked', disputed: 'Disputed', 'to-check': 'To check' };

export function isMark(value: unknown): value is Mark {
  return typeof value === 'string' && (MARKS as readonly string[]).includes(value);
}

/** The article as the page states it. */
export interface ArticleMeta {
  /** The page's own address (a canonical link only when same-site), without its hash. */
  url: string;
  title: string;
  /** og:site_name, else the host name. */
  outlet: string;
  /** ISO date the page states (article:published_time, JSON-LD datePublished, <time datetime>); null when it states none. */
  published: string | null;
}

/** The reader's own review of one attribution. */
export interface Review {
  mark: Mark | null;
  note: string;
  /** The reader's correction of the speaker: wins over the engine's everywhere once set. */
  speaker: string | null;
  updatedAt: number;
}

export interface StoredClaim {
  /** Stable across visits: see claimKey. The panel's and the desk's `data-attribution`. */
  key: string;
  /** The speaker as the engine named it. */
  speaker: string | null;
  speakerType: string | null;
  aliases: string[];
  cue: string | null;
  kind: QuoteKind;
  content: string;
  confidence: number;
  certainty: Certainty | null;
  framing: Framing | null;
  selector: PassageSelector;
  review: Review | null;
  /** When WhoSaid first saw it (ms since 1970). */
  seenAt: number;
}

export interface StoredArticle extends ArticleMeta {
  /** articleId(url). */
  id: string;
  firstSeen: number;
  lastSeen: number;
  /** Kept by the reader's choice even with nothing reviewed. */
  pinned: boolean;
  claims: StoredClaim[];
}

export interface DeskSettings {
  /** Keep every analysed article, not only those reviewed or pinned. Off by default. */
  keepAll: boolean;
}

export const DEFAULT_DESK_SETTINGS: DeskSettings = { keepAll: false };

/** The speaker a claim is shown and filed under: the reader's correction, else the engine's. */
export function claimSpeaker(claim: Pick<StoredClaim, 'speaker' | 'review'>): string | null {
  return claim.review?.speaker?.trim() || claim.speaker;
}

/** The article's key on the desk: its address without the hash. */
export function articleId(url: string): string {
  return `a${hashText(url.split('#')[0])}`;
}

/**
 * An attribution's stable key: its article's address, its content's words and which occurrence of those
 * words it is. The same on every visit however the markup changes, and unique across articles.
 */
export function claimKey(url: string, content: string, occurrence: number): string {
  return `w${hashText(`${url.split('#')[0]}\n${content.replace(/\s+/g, ' ').trim()}\n${occurrence}`)}`;
}
