/**
 * Reading a desk backup: WhoSaid's JSON export (the desk's carries its schema and review times,
 * backup.ts; the panel's does not, and reads as schema 1 reviewed when it was exported) and its W3C Web
 * Annotation export. Pure: the desk page reads the file, the store merges the result (merge.ts).
 *
 * Everything in the file is untrusted. A file that is not an export, is cut short, comes from a newer
 * schema or is too big is refused whole, with a sentence saying why; within a good file, a record that
 * does not hold up is skipped and an over-long text is cut, each counted in the outcome. Addresses must
 * be http or https (the desk links to them). Texts stay text: the desk renders them through Preact,
 * which never parses them as markup.
 */
import type { Certainty, Framing, QuoteKind } from '../attribution';
import { FRAMING_WORDS, grouped, KIND_WORDS } from '../words';
import { BACKUP_SCHEMA_FIELD } from './backup';
import type { MergeOutcome } from './merge';
import { articleId, DESK_SCHEMA_VERSION, isMark, MARK_LABEL, MARKS, type Mark, type Review, type StoredArticle, type StoredClaim } from './schema';
import { readArticle } from './store';

export const IMPORT_LIMITS = {
  /** A backup of 50,000 attributions is about 75 MB of indented JSON. */
  fileBytes: 100 * 1024 * 1024,
  attributions: 50_000,
  articles: 50_000,
  /** The store cuts a note at this length too. */
  noteChars: 10_000,
  quoteChars: 10_000,
  /** A title, an outlet, a speaker, a cue, a piece of evidence. */
  textChars: 1_000,
  urlChars: 2_048,
  contextChars: 256,
  evidence: 20,
} as const;

export type ImportFormat = 'json' | 'annotations';

export type ImportRead =
  | {
      ok: true;
      format: ImportFormat;
      articles: StoredArticle[];
      /** Attributions in `articles`. */
      attributions: number;
      /** Records left out, and why, one sentence per reason ("2 attributions had no quotation"). */
      skipped: string[];
      skippedCount: number;
      /** Texts cut to their limit, one sentence per kind of text. */
      cut: string[];
    }
  | { ok: false; error: string };

const n = grouped;
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;
const MB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Null when a file of this size may be read; else why not. Checked before reading it. */
export function checkFileSize(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty.';
  return bytes > IMPORT_LIMITS.fileBytes ? `The file is ${MB(bytes)}; the desk reads backups of up to ${MB(IMPORT_LIMITS.fileBytes)}.` : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 8.64e15;

/** Reasons counted, each said once with its count: "3 attributions had no passage to place on the page". */
class Tally {
  private readonly counts = new Map<string, { count: number; say: (count: number) => string }>();
  total = 0;
  add(reason: string, say: (count: number) => string): void {
    const entry = this.counts.get(reason) ?? { count: 0, say };
    entry.count++;
    this.counts.set(reason, entry);
    this.total++;
  }
  sentences(): string[] {
    return [...this.counts.values()].map(({ count, say }) => say(count));
  }
}

/** What was skipped and cut while reading one file. */
class Reading {
  readonly skipped = new Tally();
  readonly cuts = new Tally();

  skipArticle(reason: string): void {
    this.skipped.add(`article ${reason}`, (count) => `${plural(count, 'article')} ${reason}`);
  }

  skipClaim(reason: string): void {
    this.skipped.add(`claim ${reason}`, (count) => `${plural(count, 'attribution')} ${reason}`);
  }

  /** The text, cut to `limit` characters when longer (counted per kind of text, `what`: "note"). */
  text(value: unknown, limit: number, what: string): string | null {
    if (!isString(value)) return null;
    if (value.length <= limit) return value;
    this.cuts.add(what, (count) => `${plural(count, what)} longer than ${n(limit)} characters ${count === 1 ? 'was' : 'were'} cut to that length`);
    return value.slice(0, limit);
  }
}

/** An http(s) address without its hash, or null. */
function webAddress(value: unknown): string | null {
  if (!isString(value) || value.length > IMPORT_LIMITS.urlChars) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return value.split('#')[0];
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Attribution keys are claimKey's ("w" and a hash); anything else is not one of WhoSaid's. */
const KEY = /^w[0-9a-z]{1,20}-[0-9a-z]{1,12}$/;

function readCertainty(value: unknown, reading: Reading): Certainty | null {
  if (!isRecord(value) || !['low', 'medium', 'high'].includes(value.label as string) || typeof value.score !== 'number' || !Number.isFinite(value.score)) return null;
  const words = (list: unknown) => (Array.isArray(list) ? list.slice(0, IMPORT_LIMITS.evidence).map((word) => reading.text(word, IMPORT_LIMITS.textChars, 'piece of evidence')).filter(isString) : []);
  const certainty: Certainty = { label: value.label as Certainty['label'], score: value.score, evidence: words(value.evidence) };
  if (Array.isArray(value.differs)) certainty.differs = words(value.differs);
  if (value.basis === 'topic' || value.basis === 'wish') certainty.basis = value.basis;
  return certainty;
}

interface ClaimFields {
  key: unknown;
  speaker: unknown;
  speakerType?: unknown;
  aliases?: unknown;
  cue: unknown;
  kind: unknown;
  content: unknown;
  confidence?: unknown;
  certainty?: unknown;
  framing?: unknown;
  selector: { quote: unknown; position: unknown };
  seenAt: number;
  review: { mark: unknown; note: unknown; speaker: string | null; updatedAt: number } | null;
}

/** One attribution checked field by field; a reason (for the tally) when it cannot be kept. */
function readClaimFields(fields: ClaimFields, reading: Reading): StoredClaim | string {
  if (!isString(fields.key) || !KEY.test(fields.key)) return 'had no WhoSaid attribution key';
  if (!isString(fields.kind) || !Object.hasOwn(KIND_WORDS, fields.kind)) return 'had an unknown kind of quotation';
  if (!isString(fields.content) || fields.content.trim() === '') return 'had no quotation';
  if (fields.content.length > IMPORT_LIMITS.quoteChars) return `had a quotation longer than ${n(IMPORT_LIMITS.quoteChars)} characters`;
  const quote = fields.selector.quote;
  const position = fields.selector.position;
  if (!isRecord(quote) || !isString(quote.exact) || quote.exact.length > IMPORT_LIMITS.quoteChars || !isRecord(position) || !isCount(position.start) || !isCount(position.end) || position.end < position.start) {
    return 'had no passage to place on the page';
  }
  let review: Review | null = null;
  if (fields.review) {
    const { mark, note, speaker, updatedAt } = fields.review;
    if (!(mark === null || mark === undefined || isMark(mark))) return 'had a mark that is not Checked, Disputed or To check';
    if (!(note === null || note === undefined || isString(note))) return 'had a note that is not text';
    const text = reading.text(note ?? '', IMPORT_LIMITS.noteChars, 'note') ?? '';
    const corrected = speaker === null ? null : reading.text(speaker, IMPORT_LIMITS.textChars, 'speaker name');
    if (mark || text || corrected) review = { mark: (mark as Mark | null | undefined) ?? null, note: text, speaker: corrected, updatedAt };
  }
  const context = (value: unknown) => reading.text(isString(value) ? value : '', IMPORT_LIMITS.contextChars, 'passage context') ?? '';
  return {
    key: fields.key,
    speaker: reading.text(fields.speaker, IMPORT_LIMITS.textChars, 'speaker name'),
    speakerType: isString(fields.speakerType) && fields.speakerType.length <= 40 ? fields.speakerType : null,
    aliases: Array.isArray(fields.aliases) ? fields.aliases.slice(0, 50).map((alias) => reading.text(alias, IMPORT_LIMITS.textChars, 'speaker name')).filter(isString) : [],
    cue: reading.text(fields.cue, IMPORT_LIMITS.textChars, 'cue'),
    kind: fields.kind as QuoteKind,
    content: fields.content,
    confidence: typeof fields.confidence === 'number' && fields.confidence >= 0 && fields.confidence <= 1 ? fields.confidence : 0,
    certainty: readCertainty(fields.certainty, reading),
    framing: isString(fields.framing) && Object.hasOwn(FRAMING_WORDS, fields.framing) ? (fields.framing as Framing) : null,
    selector: {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: context(quote.prefix), suffix: context(quote.suffix) },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    },
    review,
    seenAt: fields.seenAt,
  };
}

/** The incoming articles by address, each attribution once (the later review wins within the file too). */
class Collected {
  private readonly byUrl = new Map<string, { article: Omit<StoredArticle, 'claims'>; claims: Map<string, StoredClaim> }>();

  add(article: Omit<StoredArticle, 'claims'>, claim: StoredClaim | null): void {
    let entry = this.byUrl.get(article.url);
    if (!entry) this.byUrl.set(article.url, (entry = { article, claims: new Map() }));
    if (!claim) return;
    const before = entry.claims.get(claim.key);
    if (!before || (claim.review && (!before.review || claim.review.updatedAt > before.review.updatedAt))) entry.claims.set(claim.key, claim);
  }

  /** Each article through the store's own reader, so an import holds nothing the store would not. */
  articles(reading: Reading): StoredArticle[] {
    const out: StoredArticle[] = [];
    for (const { article, claims } of this.byUrl.values()) {
      const checked = readArticle({ ...article, claims: [...claims.values()] });
      if (checked) out.push(checked);
      else reading.skipArticle('could not be read');
    }
    return out;
  }
}

function articleMeta(url: string, fields: { title?: unknown; outlet?: unknown; published?: unknown; pinned?: unknown; firstSeen?: unknown; lastSeen?: unknown }, at: number, reading: Reading): Omit<StoredArticle, 'claims'> {
  const published = isString(fields.published) && fields.published.length <= 64 && !Number.isNaN(Date.parse(fields.published)) ? fields.published : null;
  return {
    id: articleId(url),
    url,
    title: reading.text(fields.title, IMPORT_LIMITS.textChars, 'title') || url,
    outlet: reading.text(fields.outlet, IMPORT_LIMITS.textChars, 'outlet name') || hostOf(url),
    published,
    firstSeen: isTime(fields.firstSeen) ? fields.firstSeen : at,
    lastSeen: isTime(fields.lastSeen) ? fields.lastSeen : at,
    pinned: fields.pinned === true,
  };
}

function tooMany(count: number, what: string, limit: number): string {
  return `The file lists ${plural(count, what)}; the desk imports at most ${n(limit)} from one file.`;
}

/** WhoSaid's JSON export, the panel's or the desk's. */
function readJsonExport(value: Record<string, unknown>, now: number): ImportRead {
  const schema = value[BACKUP_SCHEMA_FIELD] ?? 1;
  if (!isCount(schema) || schema < 1) return { ok: false, error: `The file names a desk schema WhoSaid does not know (${String(schema).slice(0, 20)}).` };
  if (schema > DESK_SCHEMA_VERSION) {
    return { ok: false, error: `This file was written by a newer WhoSaid (desk schema ${schema}; this one reads ${DESK_SCHEMA_VERSION}). Update WhoSaid, then import it again.` };
  }
  const list = value.articles as unknown[];
  if (list.length > IMPORT_LIMITS.articles) return { ok: false, error: tooMany(list.length, 'article', IMPORT_LIMITS.articles) };
  let total = 0;
  for (const entry of list) if (isRecord(entry) && Array.isArray(entry.attributions)) total += entry.attributions.length;
  if (total > IMPORT_LIMITS.attributions) return { ok: false, error: tooMany(total, 'attribution', IMPORT_LIMITS.attributions) };

  const exportedAt = isString(value.exportedAt) ? Date.parse(value.exportedAt) : NaN;
  // The panel's export has no review times: a review is no newer than the file.
  const at = isTime(exportedAt) ? exportedAt : now;
  const reading = new Reading();
  const collected = new Collected();
  for (const entry of list) {
    if (!isRecord(entry) || !Array.isArray(entry.attributions)) {
      reading.skipArticle('had no list of attributions');
      continue;
    }
    const url = webAddress(entry.url);
    if (!url) {
      reading.skipArticle('had an address that is not an http or https web address');
      continue;
    }
    const meta = articleMeta(url, entry, at, reading);
    for (const raw of entry.attributions) {
      if (!isRecord(raw)) {
        reading.skipClaim('was not a record');
        continue;
      }
      const engine = raw.engineSpeaker === undefined ? raw.speaker : raw.engineSpeaker;
      const shown = isString(raw.speaker) ? raw.speaker : null;
      const claim = readClaimFields(
        {
          key: raw.attribution,
          speaker: engine,
          speakerType: raw.speakerType,
          aliases: raw.aliases,
          cue: raw.cue,
          kind: raw.kind,
          content: raw.quote,
          confidence: raw.confidence,
          certainty: raw.certainty,
          framing: raw.framing,
          selector: { quote: isRecord(raw.selector) ? raw.selector.quote : undefined, position: isRecord(raw.selector) ? raw.selector.position : undefined },
          seenAt: isTime(raw.seenAt) ? raw.seenAt : at,
          // The export writes the shown speaker and the engine's: where they differ, the reader corrected it.
          review: { mark: raw.mark, note: raw.note, speaker: shown !== null && shown !== engine ? shown : null, updatedAt: isTime(raw.updatedAt) ? raw.updatedAt : at },
        },
        reading,
      );
      if (typeof claim === 'string') reading.skipClaim(claim);
      else collected.add(meta, claim);
    }
    // An article kept with nothing reviewed comes back kept; an empty unkept one is not worth a record.
    if (entry.attributions.length === 0 && meta.pinned) collected.add(meta, null);
  }
  return finish('json', collected, reading);
}

const MARK_BY_LABEL = new Map<string, Mark>(MARKS.map((mark) => [MARK_LABEL[mark], mark]));
const KIND_BY_LABEL = new Map<string, QuoteKind>(Object.entries(KIND_WORDS).map(([kind, words]) => [words.label.toLowerCase(), kind as QuoteKind]));
const UNNAMED = 'No named source';

/** WhoSaid's Web Annotation export: one annotation per attribution, its key in the id. */
function readAnnotations(items: unknown[], now: number): ImportRead {
  if (items.length > IMPORT_LIMITS.attributions) return { ok: false, error: tooMany(items.length, 'annotation', IMPORT_LIMITS.attributions) };
  const reading = new Reading();
  const collected = new Collected();
  for (const raw of items) {
    if (!isRecord(raw) || raw.type !== 'Annotation') {
      reading.skipClaim('was not an annotation');
      continue;
    }
    const key = isString(raw.id) && raw.id.startsWith('urn:whosaid:') ? raw.id.slice('urn:whosaid:'.length) : null;
    if (!key) {
      reading.skipClaim('was not made by WhoSaid');
      continue;
    }
    const target = isRecord(raw.target) ? raw.target : {};
    const url = webAddress(target.source);
    if (!url) {
      reading.skipClaim('had an address that is not an http or https web address');
      continue;
    }
    const selectors = Array.isArray(target.selector) ? target.selector.filter(isRecord) : isRecord(target.selector) ? [target.selector] : [];
    const bodies = (Array.isArray(raw.body) ? raw.body : [raw.body]).filter(isRecord);
    const body = (purpose: string) => {
      const found = bodies.find((entry) => entry.purpose === purpose);
      return found && isString(found.value) ? found.value : null;
    };
    const speaker = body('identifying');
    // "Ryan Dillon — said (quoted)": the cue and the kind, after the speaker's name.
    const describing = body('describing');
    const rest = describing !== null && speaker !== null && describing.startsWith(speaker) ? describing.slice(speaker.length) : null;
    const described = rest?.match(/^(?: \u2014 (.*))? \(([^()]+)\)$/s) ?? null;
    const assessed = body('assessing');
    const mark = assessed === null ? null : MARK_BY_LABEL.get(assessed);
    if (mark === undefined) {
      reading.skipClaim('had a mark that is not Checked, Disputed or To check');
      continue;
    }
    const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
    const created = isString(raw.created) ? Date.parse(raw.created) : NaN;
    const modified = isString(raw.modified) ? Date.parse(raw.modified) : NaN;
    const claim = readClaimFields(
      {
        key,
        speaker: speaker === UNNAMED ? null : speaker,
        cue: described?.[1] ?? null,
        kind: described ? KIND_BY_LABEL.get(described[2]) : 'direct',
        content: quote && isString(quote.exact) ? quote.exact.replace(/\s+/g, ' ').trim() : null,
        selector: { quote, position: selectors.find((selector) => selector.type === 'TextPositionSelector') },
        seenAt: isTime(created) ? created : now,
        review: { mark, note: body('commenting'), speaker: null, updatedAt: isTime(modified) ? modified : isTime(created) ? created : now },
      },
      reading,
    );
    if (typeof claim === 'string') reading.skipClaim(claim);
    else collected.add(articleMeta(url, {}, isTime(created) ? created : now, reading), claim);
  }
  return finish('annotations', collected, reading);
}

function finish(format: ImportFormat, collected: Collected, reading: Reading): ImportRead {
  const articles = collected.articles(reading);
  const attributions = articles.reduce((sum, article) => sum + article.claims.length, 0);
  return { ok: true, format, articles, attributions, skipped: reading.skipped.sentences(), skippedCount: reading.skipped.total, cut: reading.cuts.sentences() };
}

/** An already parsed file: which export it is, and its articles. */
export function readImport(value: unknown, { now = Date.now() }: { now?: number } = {}): ImportRead {
  if (isRecord(value) && value.tool === 'WhoSaid' && Array.isArray(value.articles)) return readJsonExport(value, now);
  if (isRecord(value) && value.type === 'AnnotationPage' && Array.isArray(value.items)) return readAnnotations(value.items, now);
  if (isRecord(value) && value.type === 'Annotation') return readAnnotations([value], now);
  if (Array.isArray(value) && value.length > 0 && isRecord(value[0]) && value[0].type === 'Annotation') return readAnnotations(value, now);
  if (Array.isArray(value) && value.length > 0 && isRecord(value[0]) && value[0]['@type'] === 'ClaimReview') {
    return { ok: false, error: 'This is a ClaimReview export: it does not say where each quote is in its article. Import the JSON or the Web Annotation export instead.' };
  }
  return { ok: false, error: 'This file is JSON but not a WhoSaid export: it holds neither WhoSaid articles nor Web Annotations.' };
}

/** Whether JSON text ends inside a string, an object or a list: a file cut short, not one written wrong. */
function unclosed(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c) at++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) depth++;
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** The text of a file: refused with a reason, or read as one of the exports the desk takes back. */
export function parseImport(text: string, options: { now?: number } = {}): ImportRead {
  const size = checkFileSize(text.length);
  if (size) return { ok: false, error: size };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };
  if (/^url,title,outlet,/.test(body)) return { ok: false, error: 'This is a CSV export, which the desk cannot read back. Import the JSON or the Web Annotation export instead.' };
  if (/^# Fact-check draft/.test(body)) return { ok: false, error: 'This is a Markdown export, which the desk cannot read back. Import the JSON or the Web Annotation export instead.' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return {
      ok: false,
      error: /^\s*[[{]/.test(body) && unclosed(body)
        ? 'The file stops part-way through: it was probably cut short while it was saved or copied.'
        : 'This file is not JSON, so it is not a WhoSaid JSON or Web Annotation export.',
    };
  }
  return readImport(value, options);
}

/** The outcome in plain words: "Imported 12 attributions from 3 articles; 2 records skipped: …". */
export function importSummary(read: Extract<ImportRead, { ok: true }>, outcome: MergeOutcome): string {
  const imported = outcome.added + outcome.updated;
  const parts: string[] = [];
  if (imported > 0) parts.push(`Imported ${plural(imported, 'attribution')} from ${plural(outcome.articles, 'article')}`);
  else if (read.attributions > 0) parts.push(`Nothing new: ${read.attributions === 1 ? 'the attribution in the file was' : `all ${n(read.attributions)} attributions in the file were`} already on the desk`);
  else parts.push('Nothing imported: the file holds no attributions the desk can keep');
  if (imported > 0 && outcome.unchanged > 0) parts.push(`${n(outcome.unchanged)} ${outcome.unchanged === 1 ? 'was' : 'were'} already there`);
  if (outcome.keptNewer > 0) parts.push(`${plural(outcome.keptNewer, 'review')} on the desk ${outcome.keptNewer === 1 ? 'was' : 'were'} newer and kept`);
  const skipped = read.skippedCount + outcome.skipped.length;
  if (skipped > 0) parts.push(`${plural(skipped, 'record')} skipped: ${[...read.skipped, ...outcome.skipped.map((sentence) => sentence.replace(/\.$/, ''))].join('; ')}`);
  let text = `${parts.join('; ')}.`;
  if (read.cut.length > 0) text += ` ${read.cut.map((sentence) => sentence[0].toUpperCase() + sentence.slice(1)).join('. ')}.`;
  return text;
}
