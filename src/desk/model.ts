/**
 * The desk's views over what is stored, as pure functions: one row per stored attribution, search,
 * the speaker ledger (one entry per speaker across articles, aliases and corrections folded in) and
 * quote provenance (the same quotation across articles, earliest first). bench:desk times them at
 * 10,000 attributions.
 */
import { claimSpeaker, type Mark, type StoredArticle, type StoredClaim } from '../shared/desk/schema';

export interface DeskRow {
  key: string;
  article: StoredArticle;
  claim: StoredClaim;
  /** The corrected speaker, else the engine's. */
  speaker: string | null;
  mark: Mark | null;
  /** ISO date: the article's stated date, else when WhoSaid first saw the attribution. */
  date: string;
  /** Lower-case text searched by free words. */
  haystack: string;
}

export function deskRows(articles: readonly StoredArticle[]): DeskRow[] {
  const rows: DeskRow[] = [];
  for (const article of articles) {
    for (const claim of article.claims) {
      const speaker = claimSpeaker(claim);
      rows.push({
        key: claim.key,
        article,
        claim,
        speaker,
        mark: claim.review?.mark ?? null,
        date: article.published ?? new Date(claim.seenAt || article.firstSeen).toISOString(),
        haystack: [speaker, claim.speaker, ...claim.aliases, claim.content, claim.cue, article.title, article.outlet, claim.review?.note].filter(Boolean).join('\n').toLowerCase(),
      });
    }
  }
  return rows;
}

export interface DeskQuery {
  words: string[];
  speaker: string | null;
  outlet: string | null;
  mark: Mark | 'unmarked' | null;
  /** ISO dates, inclusive. */
  after: string | null;
  before: string | null;
}

/**
 * `speaker:dillon outlet:bbc mark:disputed after:2026-01-01 before:2026-12-31 "exact words" more words`.
 * Every part must hold; free words and phrases are looked for in the speaker, quote, title, outlet and note.
 */
export function parseQuery(text: string): DeskQuery {
  const query: DeskQuery = { words: [], speaker: null, outlet: null, mark: null, after: null, before: null };
  for (const match of text.matchAll(/(\w+):("[^"]*"|\S+)|"([^"]+)"|(\S+)/g)) {
    const [, field, rawValue, phrase, word] = match;
    const value = rawValue?.replace(/^"|"$/g, '').toLowerCase();
    if (field === 'speaker') query.speaker = value;
    else if (field === 'outlet') query.outlet = value;
    else if (field === 'mark' && ['checked', 'disputed', 'to-check', 'unmarked'].includes(value)) query.mark = value as DeskQuery['mark'];
    else if (field === 'after') query.after = value;
    else if (field === 'before') query.before = value;
    else if (phrase) query.words.push(phrase.toLowerCase());
    else query.words.push((word ?? match[0]).toLowerCase());
  }
  return query;
}

export function matchesQuery(row: DeskRow, query: DeskQuery): boolean {
  if (query.speaker && !(row.speaker ?? '').toLowerCase().includes(query.speaker) && !row.claim.aliases.some((alias) => alias.toLowerCase().includes(query.speaker!))) return false;
  if (query.outlet && !row.article.outlet.toLowerCase().includes(query.outlet) && !row.article.url.toLowerCase().includes(query.outlet)) return false;
  if (query.mark === 'unmarked' ? row.mark !== null : query.mark && row.mark !== query.mark) return false;
  if (query.after && row.date.slice(0, 10) < query.after) return false;
  if (query.before && row.date.slice(0, 10) > query.before) return false;
  return query.words.every((word) => row.haystack.includes(word));
}

export function search(rows: readonly DeskRow[], text: string): DeskRow[] {
  const query = parseQuery(text);
  return rows.filter((row) => matchesQuery(row, query));
}

const nameKey = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();

export interface LedgerEntry {
  name: string;
  /** Other names the same speaker goes by in the stored articles. */
  aliases: string[];
  rows: DeskRow[];
  /** Claims the speaker hedged or speculated (certainty below "stated as fact"). */
  hedged: DeskRow[];
  articles: number;
}

/**
 * One entry per speaker across articles. A name is folded into a longer one that ends with it when that
 * longer one is the only such in its article, or else on the whole desk ("Dillon" into "Ryan Dillon");
 * engine aliases and the reader's corrections count. Claims with no speaker are left out.
 */
export function speakerLedger(rows: readonly DeskRow[]): LedgerEntry[] {
  const names = new Map<string, string>();
  for (const row of rows) if (row.speaker) names.set(nameKey(row.speaker), row.speaker);
  const full = [...names.keys()];
  const canonical = new Map<string, string>();
  for (const key of full) {
    const longer = full.filter((other) => other !== key && other.endsWith(` ${key}`));
    canonical.set(key, longer.length === 1 ? longer[0] : key);
  }
  // An engine alias of a claim ("Dillon" for "Ryan Dillon") folds the alias too.
  for (const row of rows) {
    if (!row.speaker || row.claim.review?.speaker) continue;
    for (const alias of row.claim.aliases) {
      const key = nameKey(alias);
      if (names.has(key) && canonical.get(key) === key) canonical.set(key, canonical.get(nameKey(row.speaker)) ?? nameKey(row.speaker));
    }
  }
  // Within one article a name ending another speaker's there is that speaker ("Smith" beside "Jane Smith"), even
  // when other articles have other Smiths.
  const inArticle = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.speaker) continue;
    const list = inArticle.get(row.article.id) ?? [];
    list.push(nameKey(row.speaker));
    inArticle.set(row.article.id, list);
  }
  const entries = new Map<string, LedgerEntry>();
  for (const row of rows) {
    if (!row.speaker) continue;
    const own = nameKey(row.speaker);
    const local = [...new Set(inArticle.get(row.article.id) ?? [])].filter((other) => other !== own && other.endsWith(` ${own}`));
    const key = local.length === 1 ? (canonical.get(local[0]) ?? local[0]) : (canonical.get(own) ?? own);
    let entry = entries.get(key);
    if (!entry) {
      entry = { name: names.get(key) ?? row.speaker, aliases: [], rows: [], hedged: [], articles: 0 };
      entries.set(key, entry);
    }
    if (row.speaker !== entry.name && !entry.aliases.includes(row.speaker)) entry.aliases.push(row.speaker);
    entry.rows.push(row);
    if (row.claim.certainty && row.claim.certainty.label !== 'high') entry.hedged.push(row);
  }
  for (const entry of entries.values()) {
    entry.rows.sort((a, b) => a.date.localeCompare(b.date));
    entry.articles = new Set(entry.rows.map((row) => row.article.id)).size;
  }
  return [...entries.values()].sort((a, b) => b.rows.length - a.rows.length || a.name.localeCompare(b.name));
}

/** A quotation's words for matching across outlets: lower case, letters and digits only, single spaces. */
export function normaliseQuote(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface ProvenanceGroup {
  /** The longest wording seen. */
  text: string;
  rows: DeskRow[];
  outlets: string[];
  /** The earliest date it was seen or published, ISO. */
  earliest: string;
  first: DeskRow;
}

/** Trimmed quotations match a longer one when they keep at least this many of its words. */
const MIN_SHARED_WORDS = 5;

/**
 * Quotations (direct or mixed) seen in more than one article, grouped by their normalised words; a
 * quotation trimmed by one outlet joins the longer one it is part of. Earliest first.
 */
export function quoteProvenance(rows: readonly DeskRow[]): ProvenanceGroup[] {
  const quoted = rows
    .filter((row) => row.claim.kind !== 'indirect')
    .map((row) => ({ row, words: normaliseQuote(row.claim.content) }))
    .filter((entry) => entry.words.split(' ').length >= MIN_SHARED_WORDS)
    .sort((a, b) => b.words.length - a.words.length);
  const groups: Array<{ words: string; rows: DeskRow[] }> = [];
  // Each group is found again by any run of MIN_SHARED_WORDS words of its longest wording.
  const byShingle = new Map<string, Array<{ words: string; rows: DeskRow[] }>>();
  for (const { row, words } of quoted) {
    const tokens = words.split(' ');
    const shingle = tokens.slice(0, MIN_SHARED_WORDS).join(' ');
    const candidates = byShingle.get(shingle) ?? [];
    const home = candidates.find((group) => ` ${group.words} `.includes(` ${words} `));
    if (home) {
      home.rows.push(row);
      continue;
    }
    const group = { words, rows: [row] };
    groups.push(group);
    for (let at = 0; at + MIN_SHARED_WORDS <= tokens.length; at++) {
      const key = tokens.slice(at, at + MIN_SHARED_WORDS).join(' ');
      const list = byShingle.get(key) ?? [];
      list.push(group);
      byShingle.set(key, list);
    }
  }
  return groups
    .filter((group) => new Set(group.rows.map((row) => row.article.id)).size > 1)
    .map((group) => {
      const sorted = [...group.rows].sort((a, b) => a.date.localeCompare(b.date));
      return {
        text: sorted.reduce((longest, row) => (row.claim.content.length > longest.length ? row.claim.content : longest), ''),
        rows: sorted,
        outlets: [...new Set(sorted.map((row) => row.article.outlet))],
        earliest: sorted[0].date,
        first: sorted[0],
      };
    })
    .sort((a, b) => a.earliest.localeCompare(b.earliest));
}
