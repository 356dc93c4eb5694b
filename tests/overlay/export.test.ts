import { EXPORT_COLUMNS, csvField, exportFilename, exportRow, toCsv, toJson } from '../../src/overlay/export';
import { HOSTILE_TEXT, QUOTES } from './fixture';

/** A small RFC 4180 reader, to check that toCsv round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    [0.58, '0.58'],
    [true, 'true'],
    [null, ''],
    [['may have', 'being verified'], 'may have; being verified'],
    // Spreadsheet formulas are neutralised.
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1 555', "'+1 555"],
    ['-the rest', "'-the rest"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %s', (value, expected) => expect(csvField(value)).toBe(expected));

  test.each([['a-b'], ['1+1'], ['mail@example.com'], ['<img src=x>']])('leaves %j alone (not a formula, no special character)', (value) => {
    expect(csvField(value)).toBe(value);
  });
});

describe('exportRow', () => {
  test('flattens an attribution with its classification', () => {
    expect(exportRow(QUOTES[3])).toEqual({
      id: 'q4', speaker: 'Russian Defense Ministry', role: null, sourceType: 'organization', anonymous: false,
      cue: 'claimed', cueLemma: 'claim', kind: 'mixed', content: expect.stringContaining('it may have killed the ISIS leader \u2026 the airstrike'),
      contentStart: QUOTES[3].contents[0].start, contentEnd: QUOTES[3].contents[1].end,
      confidence: 0.58, certainty: 'low', certaintyScore: 0.21, certaintyEvidence: ['may have', 'being verified'], framing: 'distancing',
      shown: true,
    });
  });

  test('a less-sure attribution stays in the export, marked shown: false', () => {
    expect(exportRow({ ...QUOTES[3], shown: false }).shown).toBe(false);
    expect(parseCsv(toCsv([{ ...QUOTES[3], shown: false }]))[1][EXPORT_COLUMNS.indexOf('shown')]).toBe('false');
  });

  test('missing speaker, cue and classification become nulls', () => {
    const row = exportRow({ ...QUOTES[1], speaker: null });
    expect([row.speaker, row.cue, row.certainty, row.certaintyScore, row.framing, row.certaintyEvidence]).toEqual([null, null, null, null, null, []]);
  });
});

describe('toCsv', () => {
  const rows = parseCsv(toCsv(QUOTES));

  test('a header and one row per attribution, every row as wide as the header', () => {
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(QUOTES.length + 1);
    for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.length);
  });

  test('page text round-trips as text', () => {
    const hostile = rows.find((row) => row[0] === 'q6')!;
    expect(hostile[EXPORT_COLUMNS.indexOf('content')]).toBe(HOSTILE_TEXT);
  });
});

describe('toJson', () => {
  test('carries the page, time, count and rows', () => {
    const parsed = JSON.parse(toJson(QUOTES.slice(0, 2), { url: 'https://a.example/x', exportedAt: '2026-11-26T07:00:00.000Z' }));
    expect(parsed).toEqual({
      tool: 'WhoSaid', url: 'https://a.example/x', exportedAt: '2026-11-26T07:00:00.000Z', count: 2,
      attributions: [exportRow(QUOTES[0]), exportRow(QUOTES[1])],
    });
  });
});

describe('exportFilename', () => {
  test.each([
    ['https://www.bbc.co.uk/news/x', '2026-11-26T07:00:00Z', 'csv', 'whosaid-www.bbc.co.uk-2026-11-26.csv'],
    ['not a url', '2026-11-26T07:00:00Z', 'json', 'whosaid-page-2026-11-26.json'],
    ['file:///tmp/a.html', '2026-01-02T00:00:00Z', 'json', 'whosaid-page-2026-01-02.json'],
    ['https://x.example/', 'garbage', 'csv', 'whosaid-x.example-export.csv'],
  ] as const)('%s at %s → %s', (url, at, ext, expected) => expect(exportFilename(url, at, ext)).toBe(expected));
});
