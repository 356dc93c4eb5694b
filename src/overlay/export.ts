/**
 * Export for fact-checkers: the attributions as one flat row each, as JSON or CSV. Pure string
 * building; copying and downloading are in deliver.ts.
 */
import type { Attribution } from '../shared/attribution';
import { contentText } from './view-model';

export interface ExportRow {
  id: string;
  speaker: string | null;
  role: string | null;
  sourceType: string | null;
  anonymous: boolean;
  cue: string | null;
  cueLemma: string | null;
  kind: string;
  content: string;
  /** Offsets of the content in the article text (first span start, last span end). */
  contentStart: number | null;
  contentEnd: number | null;
  confidence: number;
  certainty: string | null;
  certaintyScore: number | null;
  certaintyEvidence: string[];
  framing: string | null;
  /** Listed in the panel by default; false for the "less sure" ones (src/engine/shown.ts). */
  shown: boolean;
}

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'id', 'speaker', 'role', 'sourceType', 'anonymous', 'cue', 'cueLemma', 'kind', 'content',
  'contentStart', 'contentEnd', 'confidence', 'certainty', 'certaintyScore', 'certaintyEvidence', 'framing', 'shown',
];

export function exportRow(quote: Attribution): ExportRow {
  const first = quote.contents[0];
  const last = quote.contents[quote.contents.length - 1];
  return {
    id: quote.id,
    speaker: quote.speaker?.name ?? null,
    role: quote.speaker?.role ?? null,
    sourceType: quote.speaker?.type ?? null,
    anonymous: quote.speaker?.anonymous === true,
    cue: quote.cue?.text ?? null,
    cueLemma: quote.cueLemma ?? null,
    kind: quote.kind,
    content: contentText(quote),
    contentStart: first ? first.start : null,
    contentEnd: last ? last.end : null,
    confidence: quote.confidence,
    certainty: quote.certainty?.label ?? null,
    certaintyScore: quote.certainty?.score ?? null,
    certaintyEvidence: quote.certainty?.evidence ?? [],
    framing: quote.framing ?? null,
    shown: quote.shown !== false,
  };
}

export interface ExportMeta {
  url: string;
  /** ISO time of the export; passed in so output is reproducible in tests. */
  exportedAt: string;
}

export function toJson(quotes: readonly Attribution[], meta: ExportMeta): string {
  return JSON.stringify(
    { tool: 'WhoSaid', url: meta.url, exportedAt: meta.exportedAt, count: quotes.length, attributions: quotes.map(exportRow) },
    null,
    2,
  );
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a formula; page text must
 * never become one, so such cells get a leading apostrophe (OWASP's CSV-injection advice).
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; inner quotes doubled. */
export function csvField(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Array.isArray(value)) text = neutraliseFormula(value.join('; '));
  else if (typeof value === 'string') text = neutraliseFormula(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(quotes: readonly Attribution[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const quote of quotes) {
    const row = exportRow(quote);
    lines.push(EXPORT_COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** "whosaid-example.com-2026-11-26.csv"; only filename-safe characters. */
export function exportFilename(url: string, exportedAt: string, extension: 'json' | 'csv'): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || host;
  } catch {
    // Not a URL (a file or a test string): keep the generic name.
  }
  const safeHost = host.replace(/[^a-z0-9.-]+/gi, '-').replace(/^[.-]+|[.-]+$/g, '') || 'page';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0] ?? 'export';
  return `whosaid-${safeHost}-${day}.${extension}`;
}
