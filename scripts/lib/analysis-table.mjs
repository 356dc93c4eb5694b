/** The who-said-what table printed by the demo: one row per attribution, as a reader would scan it. */

function excerpt(text, max) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

export function analysisRows(analysis) {
  return analysis.quotes.map((quote) => ({
    speaker: quote.speaker?.name ?? '(no source)',
    role: quote.speaker?.role ?? '',
    type: quote.speaker?.type ?? 'unnamed',
    kind: quote.kind,
    cue: quote.cue?.text ?? '—',
    content: quote.contents.map((span) => span.text).join(' … '),
    certainty: quote.certainty ? `${quote.certainty.label} ${quote.certainty.score.toFixed(2)}` : '',
    framing: quote.framing ?? '',
  }));
}

const COLUMNS = [
  ['speaker', 'Speaker', 22],
  ['role', 'Role', 24],
  ['type', 'Type', 12],
  ['kind', 'Kind', 8],
  ['cue', 'Cue', 12],
  ['content', 'Content', 48],
  ['certainty', 'Certainty', 11],
  ['framing', 'Framing', 10],
];

export function formatAnalysisTable(analysis) {
  const rows = analysisRows(analysis);
  const widths = COLUMNS.map(([key, title, max]) => Math.min(max, Math.max(title.length, ...rows.map((row) => excerpt(row[key], max).length))));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [
    line(COLUMNS.map(([, title]) => title)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map(([key, , max]) => excerpt(row[key], max)))),
  ].join('\n');
}
