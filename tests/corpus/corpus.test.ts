/**
 * npm run corpus (scripts/corpus.mjs → scripts/corpus/whosaid_dask.py): `whosaid extract --jsonl` as the map
 * step of a Dask distributed run. Judged against one plain `whosaid extract --jsonl` process, line for line.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, ensureCliBundle, runCli, temporaryDirectory } from '../cli/cli-harness';
import { describeShared, sharedPath } from '../helpers/shared';

const WRAPPER = path.join(ROOT, 'scripts', 'corpus.mjs');
const RUN_TIMEOUT_MS = 240_000;

/** The Python the wrapper would take (scripts/corpus.mjs looks for one the same way). */
const python = (process.env.WHOSAID_PYTHON ? [process.env.WHOSAID_PYTHON] : ['python3', '/usr/bin/python3']).find(
  (candidate) => spawnSync(candidate, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0,
);
if (!python && process.env.CI === 'true') throw new Error('CI=true but no python3 with Dask distributed: .ci/run installs python3-distributed');
if (!python) console.warn('SKIPPED: no python3 with Dask distributed (apt-get install python3-distributed); the corpus tests are skipped.');
const describeDask = python ? describe : describe.skip;

interface CorpusRun {
  code: number | null;
  stderr: string;
}

/** Starts `npm run corpus -- ARGS` (the wrapper itself); `stderr()` is what it has said so far. */
function startCorpus(args: string[]) {
  const child = spawn(process.execPath, [WRAPPER, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Stopped a little before jest gives up on the test, so a hang is reported with what the job said.
  const timer = setTimeout(() => child.kill('SIGTERM'), RUN_TIMEOUT_MS - 15_000);
  const done = new Promise<CorpusRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
  return { done, stderr: () => stderr };
}

async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The worker pids the job names when it starts: "workers: tcp://…:1234 (pid 567), …". */
function workerPids(stderr: string): number[] | undefined {
  const line = stderr.split('\n').find((text) => text.includes('cluster, workers: '));
  return line ? [...line.matchAll(/\(pid (\d+)\)/g)].map((match) => Number(match[1])) : undefined;
}

const lineCount = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').length - 1 : 0);

let scratch: ReturnType<typeof temporaryDirectory>;
beforeAll(async () => {
  await ensureCliBundle();
  scratch = temporaryDirectory();
}, 60_000);
afterAll(() => scratch?.remove());

describeDask('npm run corpus: whosaid extract --jsonl on Dask distributed', () => {
  describeShared('over PolNeAR dev (84 articles)', () => {
    const DEV = sharedPath('data', 'polnear', 'dev.jsonl');
    let reference: string;

    beforeAll(async () => {
      const single = await runCli(['extract', '--jsonl'], { input: fs.readFileSync(DEV), timeoutMs: RUN_TIMEOUT_MS });
      expect(single.code).toBe(0);
      reference = single.stdout;
      expect(reference.split('\n')).toHaveLength(85);
    }, RUN_TIMEOUT_MS);

    test('a local cluster of 2 workers gives, article by article, what one whosaid process gives', async () => {
      const out = path.join(scratch.dir, 'dev-2-workers.jsonl');
      const run = await startCorpus([DEV, out, '--workers', '2', '--partition-lines', '10']).done;
      expect(run.stderr).toMatch(/local cluster, workers: \S+ \(pid \d+\), \S+ \(pid \d+\)\n/);
      expect(run.stderr).toMatch(/: 84 articles in .* on 2 workers, 0 line\(s\) failed\n/);
      expect(run.code).toBe(0);
      const got = fs.readFileSync(out, 'utf8').split('\n');
      const want = reference.split('\n');
      for (let index = 0; index < want.length; index++) expect([index, got[index]]).toEqual([index, want[index]]);
      expect(got).toHaveLength(want.length);
    }, RUN_TIMEOUT_MS);

    test('a worker killed mid-run: its partitions run again elsewhere and every article still comes back identical', async () => {
      // The first 40 articles (10 partitions) are enough to kill a worker in the middle, in half the time.
      const first40 = path.join(scratch.dir, 'dev-first-40.jsonl');
      fs.writeFileSync(first40, fs.readFileSync(DEV, 'utf8').split('\n').slice(0, 40).map((line) => `${line}\n`).join(''));
      const want = reference.split('\n').slice(0, 40).map((line) => `${line}\n`).join('');
      const out = path.join(scratch.dir, 'dev-killed-worker.jsonl');
      const job = startCorpus([first40, out, '--workers', '2', '--partition-lines', '4']);
      const pids = await waitFor('the worker pids', () => workerPids(job.stderr()));
      expect(pids).toHaveLength(2);
      // Once the first results are written, both workers are busy with the partitions queued after them.
      const written = await waitFor('the first results', () => lineCount(out));
      process.kill(pids[0], 'SIGKILL');
      const run = await job.done;
      expect(written).toBeLessThan(40);
      expect(run.stderr).toMatch(/1 worker\(s\) left during the run/);
      expect(run.stderr).toMatch(/: 40 articles in .*, 0 line\(s\) failed\n/);
      expect(run.code).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toBe(want);
    }, RUN_TIMEOUT_MS);
  });

  test('bad lines are reported with their corpus line numbers, as the CLI words them; every good line is still analysed', async () => {
    const QUOTE = '"We will not raise taxes this year," Mayor Jane Doe said on Tuesday.';
    const line = (value: unknown) => JSON.stringify(value);
    const input = Buffer.concat([
      Buffer.from([
        line({ id: 'a', text: QUOTE }),
        'not json',
        '',
        line({ id: 'b' }),
        '  \u3000 ',
        line({ id: 'c', text: QUOTE }),
        '\ufeff',
        line({ id: 'd', text: 'Nothing is quoted here.' }),
        '',
      ].join('\n')),
      Buffer.from('{"id": "latin1", "text": "Le caf\xe9, a dit le maire."}\n', 'latin1'),
      Buffer.from(`${line({ id: 7, text: QUOTE })}\r\n`),
      Buffer.from(`${line({ id: 'no-newline-at-end', text: QUOTE })}`),
    ]);
    const file = path.join(scratch.dir, 'bad-lines.jsonl');
    fs.writeFileSync(file, input);
    const single = await runCli(['extract', '--jsonl'], { input });
    const out = path.join(scratch.dir, 'bad-lines.out.jsonl');
    // Partitions of 3 lines: the numbers must count from the corpus's first line, not from a partition's.
    const run = await startCorpus([file, out, '--workers', '1', '--partition-lines', '3']).done;
    const reported = run.stderr.split('\n').filter((text) => /^whosaid corpus: line \d+:/.test(text));
    expect(reported).toEqual([
      expect.stringMatching(/^whosaid corpus: line 2: invalid JSON/),
      'whosaid corpus: line 4: "text" must be a string (id "b")',
      expect.stringMatching(/^whosaid corpus: line 9: not valid UTF-8/),
    ]);
    // The same reasons, at the same lines, as one whosaid process gives.
    expect(reported.map((text) => text.replace('whosaid corpus: line', 'whosaid: stdin line'))).toEqual(single.stderr.trimEnd().split('\n'));
    expect(run.stderr).toMatch(/: 5 articles in .*, 3 line\(s\) failed\n/);
    expect(run.code).toBe(1);
    const output = fs.readFileSync(out, 'utf8');
    expect(output.trimEnd().split('\n').map((text) => JSON.parse(text).id)).toEqual(['a', 'c', 'd', 7, 'no-newline-at-end']);
    expect(output).toBe(single.stdout);
  }, RUN_TIMEOUT_MS);
});
