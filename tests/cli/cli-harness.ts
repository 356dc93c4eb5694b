/**
 * Runs the real `whosaid` (bin/whosaid.js → dist/cli.cjs) as a child process. The bundle is built
 * here when it is missing or older than the sources, so `jest` alone works without `npm run build`.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'whosaid.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli.cjs');
const SOURCES = ['src/cli', 'src/engine', 'src/shared'].map((dir) => path.join(ROOT, dir));

function newestSourceTime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

/** Builds dist/cli.cjs with esbuild when stale; written to a temporary name and renamed, so parallel test files never see half a bundle. */
export async function ensureCliBundle(): Promise<void> {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map(newestSourceTime))) return;
  const esbuild = await import('esbuild');
  const temporary = `${BUNDLE}.${process.pid}.${Date.now()}.tmp`;
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: temporary,
    logLevel: 'error',
  });
  fs.renameSync(temporary, BUNDLE);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs whosaid with `args`, feeding `input` on stdin; killed after `timeoutMs` (a hang is a failure, not a stuck suite). */
export function runCli(args: string[], options: { input?: string | Buffer; timeoutMs?: number; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary directory, removed by the returned function. */
export function temporaryDirectory(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-cli-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The JSON objects of JSON Lines output. */
export function jsonLines<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
