/**
 * Export for fact-checkers: copy or save this article's attributions (all, or those the filters leave)
 * in the chosen format (src/shared/desk/exports.ts: CSV, JSON, Markdown draft, Web Annotation,
 * ClaimReview), each carrying the article's address, title, outlet and date, the export time and the
 * version. Nothing leaves the machine: clipboard or a Blob URL download.
 */
import { useState } from 'preact/hooks';
import { EXPORT_FILE, EXPORT_FORMATS, exportText, type ExportFormat, type ExportItem } from '../shared/desk/exports';
import type { Result } from '../shared/result';
import { copyText, downloadText } from './deliver';
import { plural } from './view-model';

interface ExportBarProps {
  /** How many attributions an export holds now. */
  count: number;
  /** The attributions as export items, built only when the reader exports (a page may hold thousands). */
  items(): readonly ExportItem[];
  version: string;
  /** Where the copy textarea and download link go: inside the shadow root. */
  container(): (Node & ParentNode) | null;
}

interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** "whosaid-example.com-2026-11-26.csv"; only filename-safe characters. */
export function exportFilename(url: string, exportedAt: string, format: ExportFormat): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || host;
  } catch {
    // Not a URL (a file or a test string): keep the generic name.
  }
  const safeHost = host.replace(/[^a-z0-9.-]+/gi, '-').replace(/^[.-]+|[.-]+$/g, '') || 'page';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0] ?? 'export';
  const extension = format === 'claimreview' ? 'claimreview.jsonld' : format === 'annotations' ? 'annotations.jsonld' : EXPORT_FILE[format].extension;
  return `whosaid-${safeHost}-${day}.${extension}`;
}

export function ExportBar({ count, items, version, container }: ExportBarProps) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const what = plural(count, 'quote');
  const report = (result: Result<null>, done: string) =>
    setNotice(result.ok ? { kind: 'ok', text: done } : { kind: 'error', text: `Export failed: ${result.error}` });
  const serialise = (exportedAt: string, built: readonly ExportItem[]) => exportText(format, built, { exportedAt, version });
  const label = EXPORT_FILE[format].label;

  const copy = async () => {
    const target = container();
    if (!target) return;
    report(await copyText(serialise(new Date().toISOString(), items()), target), `Copied ${what} as ${label}.`);
  };
  const download = () => {
    const target = container();
    if (!target) return;
    const exportedAt = new Date().toISOString();
    const built = items();
    const filename = exportFilename(built[0]?.article.url ?? '', exportedAt, format);
    report(downloadText(serialise(exportedAt, built), filename, EXPORT_FILE[format].mime, target), `Saved ${filename}.`);
  };

  const disabled = count === 0;
  return (
    <div class="export" role="group" aria-label={`Export ${what}`}>
      <label class="export-label">
        Export {count} as{' '}
        <select class="export-format" data-export-format value={format} onChange={(event) => setFormat((event.target as HTMLSelectElement).value as ExportFormat)}>
          {EXPORT_FORMATS.map((name) => (
            <option key={name} value={name}>
              {EXPORT_FILE[name].label}
            </option>
          ))}
        </select>
      </label>
      <span class="seg">
        <button type="button" class="seg-button" data-export="copy" aria-label={`Copy ${label}`} disabled={disabled} onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" class="seg-button" data-export="save" aria-label={`Save ${label}`} disabled={disabled} onClick={() => download()}>
          Save
        </button>
      </span>
      <span class="notice" role="status" data-kind={notice?.kind}>
        {notice?.text ?? ''}
      </span>
    </div>
  );
}
