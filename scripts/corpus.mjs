/**
 * npm run corpus -- IN.jsonl OUT.jsonl [--scheduler tcp://HOST:8786] [--workers N]: `whosaid extract --jsonl`
 * over a whole corpus on a Dask distributed cluster (scripts/corpus/whosaid_dask.py; docs/CORPUS.md).
 * This wrapper only finds a Python that has Dask distributed and checks the CLI is built, so that a
 * missing piece is one plain sentence rather than a Python traceback.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const JOB = join(ROOT, 'scripts', 'corpus', 'whosaid_dask.py');
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');

/** WHOSAID_PYTHON if set; else python3 on the PATH, or Debian's, whichever has distributed (a pyenv or venv python3 may shadow Debian's). */
function findPython() {
  const candidates = process.env.WHOSAID_PYTHON ? [process.env.WHOSAID_PYTHON] : ['python3', '/usr/bin/python3'];
  return candidates.find((python) => spawnSync(python, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0);
}

const python = findPython();
if (!python) {
  process.stderr.write(
    'whosaid corpus: no python3 with Dask distributed was found; install it with apt-get install python3-distributed (Debian, Ubuntu) ' +
      "or pip install 'dask[distributed]', or name the Python that has it in WHOSAID_PYTHON.\n",
  );
  process.exit(2);
}
if (!existsSync(BUNDLE)) {
  process.stderr.write(`whosaid corpus: ${BUNDLE} is missing; run "npm run build" first.\n`);
  process.exit(2);
}

const job = spawn(python, [JOB, ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches the job from the terminal already (same process group): the wrapper waits for it to close its cluster.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => job.kill('SIGTERM'));
job.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
