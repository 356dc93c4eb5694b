/**
 * Page text in every export format: quotations, speakers, cues, titles and site names are the page's to
 * choose, so each format must carry them as data, never as markup, a formula, a script or a link it did
 * not mean (issue 21, "Markup in exports").
 */
import { exportText, quoteWithCitation, type ExportItem } from '../../../src/shared/desk/exports';
import type { ArticleMeta, StoredClaim } from '../../../src/shared/desk/schema';
import { claimOn } from './fixture';

const CONTEXT = { exportedAt: '2026-12-05T12:00:00.000Z', version: '0.2.0' };

const HOSTILE: Array<[string, string]> = [
  ['HTML with a handler', '<img src=x onerror=alert(1)>'],
  ['a script link', '[see](javascript:alert(1))'],
  ['an autolink', '<javascript:alert(1)>'],
  ['backticks', 'run `rm -rf` and ```fence```'],
  ['table pipes', 'a | b | c'],
  ['new lines that start blocks', 'one\n# Heading\n> quoted\n- item\n1. first\n---'],
  ['a spreadsheet formula', '=HYPERLINK("https://evil.example","click")'],
  ['a script end inside JSON-LD', '</script><script>alert(1)</script>'],
  ['emphasis and entities', '**bold** _em_ ~~gone~~ &lt;b&gt;'],
  ['a list marker first', '- not a list'],
];

const SAFE_URL = 'https://news.example/strike';

function hostileItem(text: string, url = SAFE_URL): ExportItem {
  const article: ArticleMeta = { url, title: `Title ${text}`, outlet: text, published: '2026-03-01T10:00:00Z' };
  const base = claimOn('may have', null);
  const claim: StoredClaim = {
    ...base,
    speaker: `Speaker ${text}`,
    cue: `said ${text}`,
    content: `Quote ${text}`,
    review: { mark: 'disputed', note: 'reader note', speaker: null, updatedAt: Date.parse('2026-12-02T00:00:00Z') },
    seenAt: Date.parse('2026-12-01T00:00:00Z'),
  };
  return { article, claim };
}

/** Whether `char` occurs in Markdown text without a backslash escaping it (an odd run of backslashes before it). */
function unescaped(markdown: string, char: string): boolean {
  for (let i = markdown.indexOf(char); i >= 0; i = markdown.indexOf(char, i + 1)) {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && markdown[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) return true;
  }
  return false;
}

/** Markdown with its backslash escapes taken off: the text a reader sees. */
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe.each(HOSTILE)('Markdown export: %s', (_name, text) => {
  const markdown = exportText('markdown', [hostileItem(text)], CONTEXT);
  const benign = exportText('markdown', [hostileItem('plain words')], CONTEXT);

  test('no raw HTML, no link, no code, table or emphasis the page wrote', () => {
    for (const char of ['<', '>', '`', '|', '*', '_', '~', '&']) {
      // Our own markup: the "> " of the quotation block, the **bold** speaker and mark.
      const ours = markdown.replace(/^>( |$)/gm, '').replace(/\*\*(Speaker [^\n]*?|Disputed)\*\*/g, '$1');
      expect({ char, unescaped: unescaped(ours, char) }).toEqual({ char, unescaped: false });
    }
    expect(markdown).not.toMatch(/(^|[^\\])\]\((?!https:\/\/news\.example\/strike\))/m);
    expect(markdown).not.toMatch(/(^|[^\\])\[(?!Title )/m);
  });

  test('as many lines as for plain words: a new line in page text starts no block', () => {
    expect(markdown.split('\n')).toHaveLength(benign.split('\n').length);
    const outletLine = markdown.split('\n')[6];
    expect(outletLine).not.toMatch(/^(?:[-+=]|\d+[.)])/);
  });

  test('still readable: the words are all there once the escapes are taken off', () => {
    const shown = unescape(markdown);
    for (const field of [`Quote ${text}`, `Speaker ${text}`, `Title ${text}`]) expect(shown).toContain(oneLine(field));
  });
});

describe.each(HOSTILE)('copy with citation: %s', (_name, text) => {
  const { article, claim } = hostileItem(text);
  const { text: plain, markdown } = quoteWithCitation(article, claim);

  test('the Markdown copy escapes the quotation, speaker, cue, title and site as the export does', () => {
    const ours = markdown.replace(/^>( |$)/gm, '').replace(/\*\*(Speaker [^\n]*?)\*\*/g, '$1');
    for (const char of ['<', '>', '`', '|', '*', '_', '~', '&']) expect({ char, unescaped: unescaped(ours, char) }).toEqual({ char, unescaped: false });
    expect(markdown.split('\n')).toHaveLength(3);
    expect(unescape(markdown)).toContain(oneLine(`Quote ${text}`));
  });

  test('the plain-text copy keeps the words as they are', () => {
    expect(plain).toContain(`Quote ${text}`.trim());
    expect(plain.endsWith(SAFE_URL)).toBe(true);
  });
});

/** A CSV file's records, quoted cells with doubled quotes and line breaks inside. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  const cell = /"((?:[^"]|"")*)"(,|\r\n)/g;
  let row: string[] = [];
  let at = csv.indexOf('\r\n') + 2;
  cell.lastIndex = at;
  for (let match = cell.exec(csv); match && match.index === at; match = cell.exec(csv)) {
    row.push(match[1].replace(/""/g, '"'));
    if (match[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
    at = cell.lastIndex;
  }
  expect(at).toBe(csv.length);
  return rows;
}

describe.each(HOSTILE)('CSV export: %s', (_name, text) => {
  const csv = exportText('csv', [hostileItem(text)], CONTEXT);

  test('one record, every cell quoted, no cell a formula, the text kept', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(1);
    for (const value of rows[0]) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    const outlet = rows[0][2];
    expect(outlet.replace(/^'/, '')).toBe(text);
  });
});

describe.each(HOSTILE)('JSON formats: %s', (_name, text) => {
  const item = hostileItem(text);
  const formats = ['json', 'annotations', 'claimreview'] as const;

  test.each(formats)('%s: the same text once parsed, and no <, > or & that could end a <script> block', (format) => {
    const output = exportText(format, [item], CONTEXT);
    expect(output).not.toMatch(/[<>&\u2028\u2029]/);
    const strings = JSON.stringify(JSON.parse(output));
    for (const field of [`Quote ${text}`, `Title ${text}`, `Speaker ${text}`]) {
      // An annotation names the passage by its selector, and the article by its address only.
      if (format === 'annotations' && !field.startsWith('Speaker')) continue;
      if (format === 'claimreview' && field.startsWith('Quote')) expect(JSON.parse(output)[0].claimReviewed).toBe(field);
      else expect(strings).toContain(JSON.stringify(field).slice(1, -1));
    }
  });
});

describe.each([
  ['javascript:', 'javascript:alert(1)//https://news.example/'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
])('an article address that is no web page (%s) is never a link in an export', (_scheme, url) => {
  const item = hostileItem('plain words', url);

  test('Markdown export and copy: the title without a link', () => {
    const markdown = exportText('markdown', [item], CONTEXT);
    expect(markdown).not.toContain(url.slice(0, 8));
    expect(markdown).toContain('## Title plain words');
    const copy = quoteWithCitation(item.article, item.claim);
    expect(copy.markdown).not.toContain(url.slice(0, 8));
    expect(copy.text).not.toContain(url.slice(0, 8));
  });

  test.each(['csv', 'json', 'annotations', 'claimreview'] as const)('%s: no such address', (format) => {
    expect(exportText(format, [item], CONTEXT)).not.toContain(url.slice(0, 8));
  });
});

test('a web address with parentheses and spaces stays one Markdown link', () => {
  const markdown = exportText('markdown', [hostileItem('plain words', 'https://news.example/a_(b)/c d?q=<x>')], CONTEXT);
  expect(markdown).toContain('## [Title plain words](https://news.example/a_%28b%29/c%20d?q=%3Cx%3E)');
});
