/**
 * Digests of what the CLI writes, to prove a restructuring changed no output: `whosaid extract --jsonl` on
 * PolNeAR train and dev, and `whosaid extract` (with and without --any-page) on every saved shared page and
 * the seed fixture. Run it before and after a change and compare the lines (`npm run digest`); with
 * `--out DIR` the outputs themselves are kept for a diff. Uses the built CLI (dist/cli.cjs): build first.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SHARED_DIR, splitPath } from './polnear';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'whosaid.js');

function cli(args: string[], input?: Buffer): string {
  try {
    return execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] }).toString('utf8');
  } catch (error) {
    // Exit status 1 when some input could not be analysed: its stdout is still the output to compare.
    const stdout = (error as { stdout?: Buffer }).stdout;
    if (stdout) return stdout.toString('utf8');
    throw error;
  }
}

function main(): void {
  if (!fs.existsSync(SHARED_DIR)) {
    console.log(`${SHARED_DIR} not found: the data to digest lives in ../shared (see its README).`);
    return;
  }
  const outAt = process.argv.indexOf('--out');
  const outDir = outAt >= 0 ? process.argv[outAt + 1] : null;
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  const pagesDir = path.join(SHARED_DIR, 'pages');
  // Paths relative to the checkout, as the output names them: two checkouts side by side give the same bytes.
  const pages = fs.readdirSync(pagesDir).filter((file) => file.endsWith('.html')).sort().map((file) => path.relative(ROOT, path.join(pagesDir, file)));
  const fixtures = path.join(SHARED_DIR, 'fixtures');
  const fixturePages = fs.readdirSync(fixtures).filter((file) => file.endsWith('.html')).sort().map((file) => path.relative(ROOT, path.join(fixtures, file)));
  const runs: Array<[string, () => string]> = [
    ['polnear-train', () => cli(['extract', '--jsonl'], fs.readFileSync(splitPath('train')))],
    ['polnear-dev', () => cli(['extract', '--jsonl'], fs.readFileSync(splitPath('dev')))],
    ['pages', () => cli(['extract', ...pages, ...fixturePages])],
    ['pages-any-page', () => cli(['extract', '--any-page', ...pages])],
  ];
  for (const [name, produce] of runs) {
    const output = produce();
    if (outDir) fs.writeFileSync(path.join(outDir, `${name}.jsonl`), output);
    const lines = output.split('\n').filter(Boolean).length;
    console.log(`${createHash('sha256').update(output).digest('hex').slice(0, 16)}  ${name} (${lines} lines)`);
  }
}

main();
