/**
 * Exports a newsroom can use, for one article (the panel) or any selection (the desk). Every format
 * carries, per attribution, the article's address, title, outlet and stated date, and, per file, the
 * export time and the WhoSaid version:
 *   CSV        UTF-8 with a BOM (spreadsheets then read it as UTF-8), CRLF, every cell quoted, page text
 *              never a formula (a leading = + - @ tab or CR gets an apostrophe, OWASP's advice);
 *   JSON       the same fields, nested by article;
 *   Markdown   a fact-check draft: each quotation with its citation, mark and note; page text escaped, so
 *              a quotation, a speaker, a title or a site name is never markup, HTML or a link;
 *   Web Annotation JSON-LD  one W3C annotation per attribution, targeting the article with its
 *              TextQuoteSelector and TextPositionSelector, so annotation tools can import them;
 *   ClaimReview JSON-LD     schema.org, one per reviewed attribution: claimReviewed, itemReviewed as a
 *              Claim with its author (the speaker) and appearance (the article); reviewRating and the
 *              review's author are left for the fact-checker's organisation to fill.
 * The JSON formats write < > & as \u escapes, so a quotation holding "</script>" cannot end the
 * <script type="application/ld+json"> block a fact-checker pastes ClaimReview into. An article address
 * that is not http(s) (a javascript: or data: address, from an edited import) is never exported as one.
 * Pure string building: copying, saving and the clipboard are the caller's.
 */
import type { ClaimReview, WithContext } from 'schema-dts';
import { kindWords } from '../words';
import { claimSpeaker, MARK_LABEL, type ArticleMeta, type StoredClaim } from './schema';

export interface ExportItem {
  article: ArticleMeta;
  claim: StoredClaim;
  /** Listed in the panel by default (false: one of the "less sure"); absent on the desk. */
  shown?: boolean;
}

export interface ExportContext {
  /** ISO time of the export (passed in, so tests are reproducible). */
  exportedAt: string;
  /** WhoSaid's version (manifest). */
  version: string;
}

export const EXPORT_FORMATS = ['csv', 'json', 'markdown', 'annotations', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILE: Record<ExportFormat, { extension: string; mime: string; label: string }> = {
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', label: 'CSV' },
  json: { extension: 'json', mime: 'application/json', label: 'JSON' },
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8', label: 'Markdown' },
  annotations: { extension: 'jsonld', mime: 'application/ld+json', label: 'Web Annotation' },
  claimreview: { extension: 'jsonld', mime: 'application/ld+json', label: 'ClaimReview' },
};

export const CSV_COLUMNS = [
  'url', 'title', 'outlet', 'published', 'attribution', 'speaker', 'engineSpeaker', 'cue', 'kind', 'quote', 'confidence',
  'certainty', 'certaintyEvidence', 'framing', 'shown', 'mark', 'note', 'exportedAt', 'whosaidVersion',
] as const;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`;
}

/** The article's address when it is a web page's (http or https), else null: the only addresses an export carries. */
export function webAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** JSON that stays data inside an HTML <script> block too: < > & and the JS line separators as \u escapes (the same values once parsed). */
function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function flat(item: ExportItem, context: ExportContext): Record<(typeof CSV_COLUMNS)[number], unknown> {
  const { article, claim } = item;
  return {
    url: webAddress(article.url),
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    attribution: claim.key,
    speaker: claimSpeaker(claim),
    engineSpeaker: claim.speaker,
    cue: claim.cue,
    kind: claim.kind,
    quote: claim.content,
    confidence: Number(claim.confidence.toFixed(3)),
    certainty: claim.certainty?.label ?? null,
    certaintyEvidence: claim.certainty?.evidence ?? [],
    framing: claim.framing,
    shown: item.shown ?? null,
    mark: claim.review?.mark ?? null,
    note: claim.review?.note || null,
    exportedAt: context.exportedAt,
    whosaidVersion: context.version,
  };
}

export function toCsv(items: readonly ExportItem[], context: ExportContext): string {
  const lines = [CSV_COLUMNS.join(','), ...items.map((item) => {
    const row = flat(item, context);
    return CSV_COLUMNS.map((column) => csvCell(row[column])).join(',');
  })];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function byArticle(items: readonly ExportItem[]): Array<{ article: ArticleMeta; claims: StoredClaim[]; items: ExportItem[] }> {
  const groups = new Map<string, { article: ArticleMeta; claims: StoredClaim[]; items: ExportItem[] }>();
  for (const item of items) {
    const group = groups.get(item.article.url) ?? { article: item.article, claims: [], items: [] };
    group.claims.push(item.claim);
    group.items.push(item);
    groups.set(item.article.url, group);
  }
  return [...groups.values()];
}

export function toJson(items: readonly ExportItem[], context: ExportContext): string {
  return jsonText(
    {
      tool: 'WhoSaid',
      version: context.version,
      exportedAt: context.exportedAt,
      articles: byArticle(items).map(({ article, items: group }) => ({
        url: webAddress(article.url),
        title: article.title,
        outlet: article.outlet,
        published: article.published,
        attributions: group.map((item) => {
          const row = flat(item, context);
          return {
            attribution: row.attribution, speaker: row.speaker, engineSpeaker: row.engineSpeaker, cue: row.cue, kind: row.kind,
            quote: row.quote, confidence: row.confidence, certainty: item.claim.certainty, framing: row.framing,
            ...(item.shown === undefined ? {} : { shown: item.shown }),
            mark: row.mark, note: row.note, selector: item.claim.selector,
          };
        }),
      })),
    },
  );
}

/** "— Ryan Dillon, said (BBC News, “Title”, 2026-03-01): https://…" */
export function citation(article: ArticleMeta, claim: StoredClaim): string {
  const speaker = claimSpeaker(claim) ?? 'No named source';
  const cue = claim.cue ? `, ${claim.cue}` : '';
  const date = article.published ? `, ${article.published.slice(0, 10)}` : '';
  const url = webAddress(article.url);
  return `\u2014 ${speaker}${cue} (${article.outlet}, \u201C${article.title}\u201D${date})${url ? `: ${url}` : ''}`;
}

/** A quotation in curly quotes, once: the page's own marks (and a comma left inside them) are taken off first. */
export function quoted(content: string): string {
  return `\u201C${content.trim().replace(/^[\u201C\u201D"\u2018']+/, '').replace(/[,;:]?[\u201C\u201D"\u2019']+$/, '')}\u201D`;
}

/** One quotation with its citation, as plain text and as Markdown ("Copy with citation"). */
export function quoteWithCitation(article: ArticleMeta, claim: StoredClaim): { text: string; markdown: string } {
  const speaker = claimSpeaker(claim) ?? 'No named source';
  const quote = claim.kind === 'indirect' ? claim.content : quoted(claim.content);
  const date = article.published ? `, ${mdLine(article.published.slice(0, 10))}` : '';
  return {
    text: `${quote}\n${citation(article, claim)}`,
    markdown: `> ${mdLine(quote)}\n>\n> \u2014 **${mdLine(speaker)}**${claim.cue ? `, ${mdLine(claim.cue)}` : ''} (${mdTitle(article)}, ${mdLine(article.outlet)}${date})`,
  };
}

/**
 * Text as Markdown text: a backslash before every character CommonMark or GitHub acts on inline (emphasis,
 * code, links, images, HTML and autolinks, entities, tables, strikethrough, headings). Letters, digits and
 * common punctuation stay as they are, so the file still reads as prose.
 */
function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#~&])/g, '\\$1');
}

/**
 * Page text on one Markdown line: line breaks and control characters become spaces (no page text starts a
 * block of its own), and a list or heading marker at its start is escaped as well as mdEscape's characters.
 */
function mdLine(text: string): string {
  const line = mdEscape(text.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim());
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** The article's title as a Markdown link to it; the title alone when its address is not a web page's. */
function mdTitle(article: ArticleMeta): string {
  const url = webAddress(article.url);
  if (!url) return mdLine(article.title);
  // The parser's form of the address, with the characters that would end a link destination early encoded.
  const target = new URL(url).href.replace(/[()<>\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${mdLine(article.title)}](${target})`;
}

export function toMarkdown(items: readonly ExportItem[], context: ExportContext): string {
  const parts = [`# Fact-check draft`, '', `Exported ${context.exportedAt} with WhoSaid ${context.version}.`, ''];
  for (const { article, claims } of byArticle(items)) {
    const date = article.published ? ` \u00B7 ${mdLine(article.published.slice(0, 10))}` : '';
    parts.push(`## ${mdTitle(article)}`, '', `${mdLine(article.outlet)}${date}`, '');
    for (const claim of claims) {
      parts.push(quoteWithCitation(article, claim).markdown);
      const review = [claim.review?.mark ? `**${MARK_LABEL[claim.review.mark]}**` : null, claim.review?.note ? mdEscape(claim.review.note) : null].filter(Boolean).join(' \u2014 ');
      if (review) parts.push('', review);
      parts.push('');
    }
  }
  return parts.join('\n');
}

export function toWebAnnotations(items: readonly ExportItem[], context: ExportContext): string {
  const annotations = items.map(({ article, claim }) => {
    const speaker = claimSpeaker(claim) ?? 'No named source';
    const body: Array<Record<string, string>> = [
      { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: `${speaker}${claim.cue ? ` \u2014 ${claim.cue}` : ''} (${kindWords(claim.kind).label.toLowerCase()})` },
      { type: 'TextualBody', purpose: 'identifying', format: 'text/plain', value: speaker },
    ];
    if (claim.review?.mark) body.push({ type: 'TextualBody', purpose: 'assessing', format: 'text/plain', value: MARK_LABEL[claim.review.mark] });
    if (claim.review?.note) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: claim.review.note });
    return {
      id: `urn:whosaid:${claim.key}`,
      type: 'Annotation',
      motivation: claim.review?.mark ? 'assessing' : 'identifying',
      created: new Date(claim.seenAt || Date.parse(context.exportedAt)).toISOString(),
      ...(claim.review ? { modified: new Date(claim.review.updatedAt).toISOString() } : {}),
      generator: { id: 'https://github.com/whosaid/whosaid', type: 'Software', name: `WhoSaid ${context.version}` },
      body,
      // A target needs a source: an address that is not a web page's is replaced by the one that names none.
      target: { source: webAddress(article.url) ?? 'about:invalid', selector: [claim.selector.quote, claim.selector.position] },
    };
  });
  return jsonText({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:whosaid:export:${context.exportedAt}`, type: 'AnnotationPage', generated: context.exportedAt, items: annotations });
}

/** A person's name or an organisation's: the engine's source type, the reader's correction counted as a person. */
function speakerThing(claim: StoredClaim): { '@type': 'Person' | 'Organization'; name: string } {
  const name = claimSpeaker(claim) ?? 'Unnamed source';
  const organisation = !claim.review?.speaker && (claim.speakerType === 'organization' || claim.speakerType === 'media');
  return { '@type': organisation ? 'Organization' : 'Person', name };
}

/** schema.org ClaimReview drafts, for the reviewed attributions only. Typed by schema-dts, generated from schema.org. */
export function claimReviews(items: readonly ExportItem[]): Array<WithContext<ClaimReview>> {
  return items
    .filter(({ claim }) => claim.review?.mark)
    .map(({ article, claim }) => {
      const url = webAddress(article.url);
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.content,
        itemReviewed: {
          '@type': 'Claim',
          author: speakerThing(claim),
          appearance: {
            '@type': 'CreativeWork',
            ...(url ? { url } : {}),
            headline: article.title,
            publisher: { '@type': 'Organization', name: article.outlet },
            ...(article.published ? { datePublished: article.published } : {}),
          },
        },
        reviewRating: { '@type': 'Rating', ratingValue: '', bestRating: '', worstRating: '', alternateName: '' },
        author: { '@type': 'Organization', name: '' },
      };
    });
}

export function toClaimReview(items: readonly ExportItem[]): string {
  return jsonText(claimReviews(items));
}

export function exportText(format: ExportFormat, items: readonly ExportItem[], context: ExportContext): string {
  switch (format) {
    case 'csv':
      return toCsv(items, context);
    case 'json':
      return toJson(items, context);
    case 'markdown':
      return toMarkdown(items, context);
    case 'annotations':
      return toWebAnnotations(items, context);
    case 'claimreview':
      return toClaimReview(items);
  }
}
