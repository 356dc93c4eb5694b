import { spawn } from 'child_process';
import { BIN, ROOT, ensureCliBundle, jsonLines, runCli } from './cli-harness';

const QUOTE = '"We will not raise taxes this year," Mayor Jane Doe said on Tuesday.';
const line = (value: unknown) => JSON.stringify(value);

beforeAll(() => ensureCliBundle(), 60_000);

describe('whosaid extract --jsonl', () => {
  test('writes {"id","quotes"} for each {"id","text"} line, in order, ids kept as given', async () => {
    const input = [line({ id: 'a', text: QUOTE }), '', line({ id: 7, text: 'Nothing is quoted here.' })].join('\n');
    const run = await runCli(['extract', '--jsonl'], { input });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const outputs = jsonLines<{ id: string | number; quotes: Array<{ contents: Array<{ text: string }> }> }>(run.stdout);
    expect(outputs.map((o) => o.id)).toEqual(['a', 7]);
    expect(Object.keys(outputs[0]).sort()).toEqual(['id', 'quotes']);
    expect(outputs[0].quotes.some((q) => q.contents.some((c) => c.text.includes('We will not raise taxes')))).toBe(true);
  });

  // [id as written in the line]: every one comes back exactly so, not read into a double and written again.
  const IDS: string[] = ['1e400', '-1e400', '12345678901234567890', '0.1000000000000000000001', '1.50', '-0', '1E-400', '7', '"a"', '"12345678901234567890"'];

  test.each(IDS)('the id %s is written back as given', async (id) => {
    const run = await runCli(['extract', '--jsonl'], { input: `{"id": ${id}, "text": ${JSON.stringify(QUOTE)}}\n {"text":"Nothing is quoted here.",\t"id" :${id} }\n` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const output of lines) expect(output.startsWith(`{"id":${id},"quotes":[`)).toBe(true);
    expect(lines[1]).toBe(`{"id":${id},"quotes":[]}`);
  });

  test('an id is read where JSON.parse reads it: the last "id" of the line, however spelt, never one nested deeper', async () => {
    const input = [
      `{"id": 1, "id": 12345678901234567891, "text": "Nothing."}`,
      `{"meta": {"id": 2, "list": [{"id": 3}]}, "\\u0069d": 1e999, "text": "Nothing, \\"id\\": 4."}`,
      `{"text": "Nothing.", "id": "x\\"y"}`,
    ].join('\n');
    const run = await runCli(['extract', '--jsonl'], { input });
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual(['{"id":12345678901234567891,"quotes":[]}', '{"id":1e999,"quotes":[]}', '{"id":"x\\"y","quotes":[]}']);
  });

  // [line, stderr pattern]
  const BAD: Array<[string, RegExp]> = [
    ['{"id": "x", "text": "unterminated', /invalid JSON/],
    ['not json at all', /invalid JSON/],
    ['[1, 2]', /expected a JSON object/],
    [line({ text: QUOTE }), /"id" must be a string or a number/],
    [line({ id: 'no-text' }), /"text" must be a string/],
    [line({ id: 'empty', text: '   ' }), /empty text \(id "empty"\)/],
    ['{"id": 1e400, "text": "   "}', /empty text \(id 1e400\)$/],
    ['{"id": 12345678901234567890, "text": 5}', /"text" must be a string \(id 12345678901234567890\)$/],
  ];

  test.each(BAD)('bad line %s → "whosaid: stdin line 2: …", the lines around it still analysed, exit 1', async (bad, reason) => {
    const input = [line({ id: 'before', text: QUOTE }), bad, line({ id: 'after', text: QUOTE })].join('\n');
    const run = await runCli(['extract', '--jsonl'], { input });
    expect(run.code).toBe(1);
    expect(jsonLines<{ id: string }>(run.stdout).map((o) => o.id)).toEqual(['before', 'after']);
    const reported = run.stderr.trimEnd().split('\n');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^whosaid: stdin line 2: /);
    expect(reported[0]).toMatch(reason);
  });

  test('a line that is not UTF-8 is named, the others still analysed', async () => {
    const input = Buffer.concat([
      Buffer.from(`${line({ id: 'before', text: QUOTE })}\n`),
      Buffer.from('{"id": "latin1", "text": "Le caf\xe9, a dit le maire."}\n', 'latin1'),
      Buffer.from(`${line({ id: 'after', text: QUOTE })}\r\n`),
    ]);
    const run = await runCli(['extract', '--jsonl'], { input });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^whosaid: stdin line 2: not valid UTF-8/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(jsonLines<{ id: string }>(run.stdout).map((o) => o.id)).toEqual(['before', 'after']);
  });

  test('a line over the line limit (10 × --max-mb) is skipped as it streams, not parsed', async () => {
    const long = line({ id: 'long', text: 'x'.repeat(1_600_000) });
    const run = await runCli(['extract', '--jsonl', '--max-mb', '0.1'], { input: `${long}\n${line({ id: 'ok', text: QUOTE })}\n` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^whosaid: stdin line 1: line of 1\.5 MB is over the 1 MB line limit/);
    expect(jsonLines<{ id: string }>(run.stdout).map((o) => o.id)).toEqual(['ok']);
  });

  test('a text over the size limit is refused by line, without hanging', async () => {
    const big = `${QUOTE}\n\n`.repeat(Math.ceil((2 * 1024 * 1024) / QUOTE.length));
    const run = await runCli(['extract', '--jsonl', '--max-mb', '1'], { input: `${line({ id: 'big', text: big })}\n${line({ id: 'ok', text: QUOTE })}\n` });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^whosaid: stdin line 1: text of \d+\.\d MB is over the 1 MB limit/);
    expect(jsonLines<{ id: string }>(run.stdout).map((o) => o.id)).toEqual(['ok']);
  });

  test('streams: each result is written before the next line is read (stdin kept open)', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', '--jsonl'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const waitForLines = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no streamed output after 15 s; got ${JSON.stringify(stdout)}`)), 15_000);
        const check = () => {
          if (stdout.split('\n').filter(Boolean).length >= count) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      child.stdin.write(`${line({ id: 'first', text: QUOTE })}\n`);
      await waitForLines(1);
      expect(jsonLines<{ id: string }>(stdout).map((o) => o.id)).toEqual(['first']);
      child.stdin.write(`${line({ id: 'second', text: QUOTE })}\n`);
      await waitForLines(2);
      child.stdin.end();
      expect(await closed).toBe(0);
      expect(jsonLines<{ id: string }>(stdout).map((o) => o.id)).toEqual(['first', 'second']);
    } finally {
      child.kill();
    }
  });
});
