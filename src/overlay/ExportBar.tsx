/**
 * Export for fact-checkers: copy or download the attributions shown (all, or those the filters
 * leave) as JSON or CSV. Nothing leaves the machine: clipboard or a Blob URL download.
 */
import { useState } from 'preact/hooks';
import type { Attribution } from '../shared/attribution';
import type { Result } from '../shared/result';
import { copyText, downloadText } from './deliver';
import { exportFilename, toCsv, toJson } from './export';
import { plural } from './view-model';

type Format = 'json' | 'csv';

const MIME: Record<Format, string> = { json: 'application/json', csv: 'text/csv' };

interface ExportBarProps {
  quotes: readonly Attribution[];
  url: string;
  /** Where the copy textarea and download link go: inside the shadow root. */
  container(): (Node & ParentNode) | null;
}

interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

function serialise(format: Format, quotes: readonly Attribution[], url: string, exportedAt: string): string {
  return format === 'json' ? toJson(quotes, { url, exportedAt }) : toCsv(quotes);
}

export function ExportBar({ quotes, url, container }: ExportBarProps) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const what = plural(quotes.length, 'quote');
  const report = (result: Result<null>, done: string) =>
    setNotice(result.ok ? { kind: 'ok', text: done } : { kind: 'error', text: `Export failed: ${result.error}` });

  const copy = async (format: Format) => {
    const target = container();
    if (!target) return;
    const text = serialise(format, quotes, url, new Date().toISOString());
    report(await copyText(text, target), `Copied ${what} as ${format.toUpperCase()}.`);
  };
  const download = (format: Format) => {
    const target = container();
    if (!target) return;
    const exportedAt = new Date().toISOString();
    const filename = exportFilename(url, exportedAt, format);
    report(downloadText(serialise(format, quotes, url, exportedAt), filename, MIME[format], target), `Saved ${filename}.`);
  };

  const disabled = quotes.length === 0;
  return (
    <div class="export" role="group" aria-label={`Export ${what}`}>
      <span class="export-label" aria-hidden="true">
        Export {quotes.length}
      </span>
      {(['json', 'csv'] as const).map((format) => {
        const name = format.toUpperCase();
        return (
          <span key={format} class="seg">
            <span class="seg-name" aria-hidden="true">
              {name}
            </span>
            <button type="button" class="seg-button" data-export={`copy-${format}`} aria-label={`Copy ${name}`} disabled={disabled} onClick={() => void copy(format)}>
              Copy
            </button>
            <button type="button" class="seg-button" data-export={`save-${format}`} aria-label={`Save ${name}`} disabled={disabled} onClick={() => download(format)}>
              Save
            </button>
          </span>
        );
      })}
      <span class="notice" role="status" data-kind={notice?.kind}>
        {notice?.text ?? ''}
      </span>
    </div>
  );
}
