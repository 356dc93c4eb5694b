import * as fs from 'fs';
import * as path from 'path';
import type { Attribution, Span } from '../../src/shared/attribution';
import { ensureCliBundle, jsonLines, runCli, temporaryDirectory } from './cli-harness';

const ARTICLE = [
  'City Hall Budget Vote',
  '',
  '"We will not raise taxes this year," Mayor Jane Doe said on Tuesday.',
  '',
  'The council’s finance chair, Tom Reyes, told reporters that the budget was balanced.',
].join('\n');

const PAGE = `<!doctype html><html><head><title>Budget vote | City News</title></head><body>
<nav><a href="/">Home</a> <a href="/x">“Fake news” desk</a></nav>
<main><article><h1>Budget vote</h1>
<p>"We will not raise taxes this year," Mayor Jane Doe said on Tuesday at City Hall, where the council met to vote on the budget.</p>
<p>The council’s finance chair, Tom Reyes, told reporters that the budget was balanced and that no services would be cut this year.</p>
<p>Residents at the meeting said they were relieved, though several asked how long the city could keep property taxes where they are.</p>
</article></main>
<aside class="sidebar"><p>“Trump Wall” is trending, readers said.</p></aside>
</body></html>`;

interface FileOutput {
  source: string;
  title: string | null;
  text: string;
  quotes: Attribution[];
  speakers: Array<{ name: string; attributionIds: string[] }>;
}

let tmp: { dir: string; remove: () => void };
const file = (name: string) => path.join(tmp.dir, name);

beforeAll(async () => {
  await ensureCliBundle();
  tmp = temporaryDirectory();
  fs.writeFileSync(file('article.txt'), ARTICLE);
  fs.writeFileSync(file('article-crlf.txt'), `\ufeff${ARTICLE.replace(/\n/g, '\r\n')}`);
  fs.writeFileSync(file('page.html'), PAGE);
  fs.writeFileSync(file('empty.txt'), '');
  fs.writeFileSync(file('blank.txt'), '  \n\n\t \n');
  fs.writeFileSync(file('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
  fs.writeFileSync(file('latin1.txt'), Buffer.from('Le caf\xe9 est ferm\xe9, a dit le maire.', 'latin1'));
  fs.writeFileSync(file('huge.txt'), `${ARTICLE}\n\n`.repeat(Math.floor((10 * 1024 * 1024) / Buffer.byteLength(`${ARTICLE}\n\n`))));
  fs.mkdirSync(file('a-directory'));
  fs.writeFileSync(file('no-article.html'), '<!doctype html><html><head><title>x</title></head><body><script>var a = 1;</script></body></html>');
  fs.writeFileSync(file('deep.html'), `<html><body><article>${'<div>'.repeat(7000)}<p>“We will win the vote,” the mayor said on Tuesday at City Hall.</p>${'</div>'.repeat(7000)}</article></body></html>`);
  // og:type "website" alone refuses no page (publishers' systems give it to their articles too); a home page's address does.
  fs.writeFileSync(file('front-page.html'), PAGE.replace('<head>', '<head><meta property="og:type" content="website"><link rel="canonical" href="https://citynews.example/">'));
  fs.writeFileSync(file('empty.html'), '');
  fs.writeFileSync(file('blank.html'), ' \n\t\n');
  fs.writeFileSync(file('doctype-only.html'), '<!doctype html>\n');
  fs.writeFileSync(file('comment-only.html'), '<!doctype html><!-- nothing yet -->');
}, 60_000);

afterAll(() => tmp?.remove());

describe('whosaid extract: one input cannot take the others down', () => {
  test('a page nested 7,000 elements deep is read, and the file after it too', async () => {
    const run = await runCli(['extract', file('deep.html'), file('article.txt')], { timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const outputs = jsonLines<FileOutput>(run.stdout);
    expect(outputs.map((o) => o.source)).toEqual([file('deep.html'), file('article.txt')]);
    expect(outputs[0].quotes.map((q) => q.contents[0].text)).toContain('“We will win the vote,”');
  }, 90_000);

  test.each([['/dev/zero'], ['/dev/urandom']])('endless input (%s) ends with the oversized-file message; the next file is analysed', async (device) => {
    if (!fs.existsSync(device)) return;
    const run = await runCli(['extract', '--max-mb', '0.2', device, file('article.txt')], { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^whosaid: ${device}: file of more than 2\\.0 MB is over the 2 MB file limit`));
    expect(jsonLines<FileOutput>(run.stdout).map((o) => o.source)).toEqual([file('article.txt')]);
  });

  test('endless standard input is capped the same way', async () => {
    const run = await runCli(['extract', '--max-mb', '0.1', '-'], { input: Buffer.alloc(3 * 1024 * 1024, 'a'), timeoutMs: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^whosaid: stdin: file of more than 1\.0 MB is over the 1 MB file limit/);
  });
});

describe('whosaid extract --any-page', () => {
  test('reads a page that calls itself no article all the same', async () => {
    const run = await runCli(['extract', '--any-page', file('front-page.html')]);
    expect(run.code).toBe(0);
    expect(jsonLines<FileOutput>(run.stdout)[0].text).toContain('We will not raise taxes this year');
  });

  test('is refused with --jsonl', async () => {
    const run = await runCli(['extract', '--jsonl', '--any-page']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--any-page is for \.html files/);
  });
});

describe('whosaid extract: a page that leaves out <html>, <head> or <body> is parsed as a browser does', () => {
  const SAID = '<p>“Hi,” Smith said on Tuesday at City Hall, where the council met to vote on the budget.</p>';
  // [name, page, title]: the head's elements go to the head (its title is the title, its script and style are no text), the rest to the body.
  const PAGES: Array<[string, string, string | null]> = [
    ['no html, head or body', `<!doctype html><title>x</title><article>${SAID}</article>`, 'x'],
    ['no doctype either', `<title>x</title><article>${SAID}</article>`, 'x'],
    ['minified: meta, script and style before the text', `<!doctype html><html lang=en><meta charset=utf-8><title>x</title><style>p{color:red}</style><script>var tracking = 1;</script><main>${SAID}</main>`, 'x'],
    ['a head but no body', `<html><head><title>x</title></head><article>${SAID}</article></html>`, 'x'],
    ['a head but no html or body', `<head><title>x</title></head><article>${SAID}</article>`, 'x'],
    ['a body but no head', `<html><title>x</title><body><article>${SAID}</article></body></html>`, 'x'],
    ['no title, no tags at all', `<article>${SAID}</article>`, null],
  ];

  test.each(PAGES)('%s: read, with and without --any-page', async (name, page, title) => {
    const path = file(`${name.replace(/\W+/g, '-')}.html`);
    fs.writeFileSync(path, page);
    for (const options of [[], ['--any-page']]) {
      const run = await runCli(['extract', ...options, path]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const [output] = jsonLines<FileOutput>(run.stdout);
      expect(output.title).toBe(title);
      expect(output.text).toBe('“Hi,” Smith said on Tuesday at City Hall, where the council met to vote on the budget.');
      expect(output.quotes.map((q) => q.speaker?.name)).toContain('Smith');
    }
  });

  test('without its tags, a page nested 7,000 elements deep is read, and the file after it too', async () => {
    fs.writeFileSync(file('deep-untagged.html'), `<!doctype html><title>Vote</title><article>${'<div>'.repeat(7000)}<p>“We will win the vote,” the mayor said on Tuesday at City Hall.</p>${'</div>'.repeat(7000)}</article>`);
    const run = await runCli(['extract', file('deep-untagged.html'), file('article.txt')], { timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const outputs = jsonLines<FileOutput>(run.stdout);
    expect(outputs.map((o) => o.source)).toEqual([file('deep-untagged.html'), file('article.txt')]);
    expect(outputs[0].title).toBe('Vote');
    expect(outputs[0].quotes.map((q) => q.contents[0].text)).toContain('“We will win the vote,”');
  }, 90_000);

  test('the page without its html, head and body tags reads exactly as with them', async () => {
    fs.writeFileSync(file('page-untagged.html'), PAGE.replace(/<\/?(html|head|body)>/g, ''));
    const run = await runCli(['extract', file('page.html'), file('page-untagged.html')]);
    expect(run.code).toBe(0);
    const [tagged, untagged] = jsonLines<FileOutput>(run.stdout);
    expect(untagged.title).toBe(tagged.title);
    expect(untagged.text).toBe(tagged.text);
    expect(untagged.text).not.toContain('Trump Wall');
  });
});

describe('whosaid: usage', () => {
  test.each([
    [['--help'], 0, /^usage: whosaid extract/m, 'stdout'],
    [['extract', '--help'], 0, /--jsonl/, 'stdout'],
    [['--version'], 0, /^whosaid \d+\.\d+\.\d+/, 'stdout'],
    [[], 2, /^whosaid: no command given/, 'stderr'],
    [['summarise', 'a.txt'], 2, /^whosaid: unknown command "summarise"/, 'stderr'],
    [['extract'], 2, /^whosaid: extract needs at least one FILE/, 'stderr'],
    [['extract', '--frobnicate', 'a.txt'], 2, /^whosaid: unknown option "--frobnicate"/, 'stderr'],
    [['extract', '--jsonl', 'a.txt'], 2, /^whosaid: --jsonl reads stdin/, 'stderr'],
    [['extract', '--max-mb', 'lots', 'a.txt'], 2, /^whosaid: --max-mb needs a positive number/, 'stderr'],
    [['extract', 'a.txt', '-h', '--', 'b.txt'], 0, /^usage: whosaid extract/m, 'stdout'],
    // After --, arguments are files: these are read (and are missing), not taken for options.
    [['extract', '--', '-h'], 1, /^whosaid: -h: no such file\n$/, 'stderr'],
    [['extract', '--', '--help', '--version', '-V'], 1, /^whosaid: --help: no such file\nwhosaid: --version: no such file\nwhosaid: -V: no such file\n$/, 'stderr'],
    [['extract', '--', '--jsonl'], 1, /^whosaid: --jsonl: no such file\n$/, 'stderr'],
  ] as Array<[string[], number, RegExp, 'stdout' | 'stderr']>)('whosaid %j exits %i', async (args, code, pattern, stream) => {
    const run = await runCli(args, { cwd: tmp.dir });
    expect(run.code).toBe(code);
    expect(run[stream]).toMatch(pattern);
    if (code !== 0) expect(run.stdout).toBe('');
  });

  test('whosaid extract -- -h reads the file named -h', async () => {
    fs.mkdirSync(file('dashes'));
    fs.writeFileSync(file('dashes/-h'), ARTICLE);
    const run = await runCli(['extract', '--', '-h'], { cwd: file('dashes') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [output] = jsonLines<FileOutput>(run.stdout);
    expect(output.source).toBe('-h');
    expect(output.text).toBe(ARTICLE);
  });
});

describe('whosaid extract FILE', () => {
  test('a .txt article: its text, quotes with spans that index into it, speakers', async () => {
    const run = await runCli(['extract', file('article.txt')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [output] = jsonLines<FileOutput>(run.stdout);
    expect(output.source).toBe(file('article.txt'));
    expect(output.title).toBeNull();
    expect(output.text).toBe(ARTICLE);
    expect(output.quotes.length).toBeGreaterThan(0);
    const spans: Span[] = output.quotes.flatMap((q) => [...(q.cue ? [q.cue] : []), ...q.sources, ...q.contents]);
    for (const span of spans) expect(output.text.slice(span.start, span.end)).toBe(span.text);
    const mayor = output.quotes.find((q) => q.contents.some((c) => c.text.includes('We will not raise taxes')));
    expect(mayor?.speaker?.name).toMatch(/Jane Doe/);
    const ids = new Set(output.quotes.map((q) => q.id));
    for (const speaker of output.speakers) for (const id of speaker.attributionIds) expect(ids.has(id)).toBe(true);
  });

  test('a byte-order mark and CRLF line ends are normalised before offsets are taken', async () => {
    const run = await runCli(['extract', file('article-crlf.txt')]);
    expect(run.code).toBe(0);
    const [output] = jsonLines<FileOutput>(run.stdout);
    expect(output.text).toBe(ARTICLE);
  });

  test('an .html page goes through article detection: title, body text, no navigation or sidebar', async () => {
    const run = await runCli(['extract', file('page.html')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [output] = jsonLines<FileOutput>(run.stdout);
    expect(output.title).toMatch(/Budget vote/);
    expect(output.text).toContain('Mayor Jane Doe said on Tuesday');
    expect(output.text).not.toContain('Fake news');
    expect(output.text).not.toContain('Trump Wall');
    for (const quote of output.quotes) for (const span of quote.contents) expect(output.text.slice(span.start, span.end)).toBe(span.text);
  });

  test('--pretty indents the object', async () => {
    const run = await runCli(['extract', '--pretty', file('article.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\{\n {2}"source"/);
    expect(JSON.parse(run.stdout).text).toBe(ARTICLE);
  });

  test('several files: one JSON object per line, in the order given', async () => {
    const run = await runCli(['extract', file('article.txt'), file('page.html')]);
    expect(run.code).toBe(0);
    expect(jsonLines<FileOutput>(run.stdout).map((o) => o.source)).toEqual([file('article.txt'), file('page.html')]);
  });
});

describe('whosaid extract: bad input is named on stderr, and the rest is still processed', () => {
  // [file, stderr reason pattern]
  const BAD: Array<[string, RegExp]> = [
    ['missing.txt', /no such file/],
    ['a-directory', /is a directory/],
    ['empty.txt', /empty text/],
    ['blank.txt', /empty text/],
    ['binary.txt', /binary/],
    ['latin1.txt', /not valid UTF-8/],
    ['huge.txt', /text of 10\.0 MB is over the 2 MB limit \(raise it with --max-mb\)/],
    ['huge.txt --max-mb 0.5', /file of 10\.0 MB is over the 5 MB file limit/],
    ['no-article.html', /no article/],
    ['front-page.html', /no article in the page: it looks like a front page or a list of links \(--any-page reads it anyway\)/],
    ['empty.html', /: no article text found in the page: it has no text$/],
    ['blank.html', /: no article text found in the page: it has no text$/],
    ['doctype-only.html', /: no article text found in the page: it has no text$/],
    ['comment-only.html', /: no article text found in the page: it has no text$/],
    ['empty.html --any-page', /: no article text found in the page: it has no text$/],
  ];

  test.each(BAD)('%s → "whosaid: FILE: reason", exit 1', async (nameAndOptions, reason) => {
    const [name, ...options] = nameAndOptions.split(' ');
    const run = await runCli(['extract', ...options, file(name)], { timeoutMs: 20_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`whosaid: ${file(name)}: `)).toBe(true);
    expect(lines[0]).toMatch(reason);
  });

  test('good and bad files mixed: every good one printed, every bad one reported, exit 1', async () => {
    const names = ['missing.txt', 'article.txt', 'binary.txt', 'empty.html', 'page.html', 'empty.txt', 'doctype-only.html', 'blank.html'];
    const run = await runCli(['extract', ...names.map(file)]);
    expect(run.code).toBe(1);
    expect(jsonLines<FileOutput>(run.stdout).map((o) => o.source)).toEqual([file('article.txt'), file('page.html')]);
    const reported = run.stderr.trimEnd().split('\n');
    expect(reported).toHaveLength(6);
    expect(reported.map((line) => line.split(': ')[1])).toEqual(['missing.txt', 'binary.txt', 'empty.html', 'empty.txt', 'doctype-only.html', 'blank.html'].map(file));
    expect(run.stderr).not.toMatch(/internal error/);
  });

  test('a long text under the limit is analysed and finishes (about 400 KB under --max-mb 0.5)', async () => {
    fs.writeFileSync(file('long.txt'), `${ARTICLE}\n\n`.repeat(Math.floor((400 * 1024) / Buffer.byteLength(`${ARTICLE}\n\n`))));
    const run = await runCli(['extract', '--max-mb', '0.5', file('long.txt')], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [output] = jsonLines<FileOutput>(run.stdout);
    expect(output.quotes.length).toBeGreaterThan(1000);
  }, 70_000);

  test('what must not be reported: a good file alone writes nothing on stderr and exits 0', async () => {
    const run = await runCli(['extract', file('article.txt'), file('page.html')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
