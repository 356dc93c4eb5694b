/**
 * The `whosaid` command: entry of the dist/cli.cjs bundle that bin/whosaid.js runs. See args.ts for
 * the usage text. Every input is tried; failures are reported one line each on stderr and set the
 * exit status at the end.
 */
import { version } from '../../package.json';
import { parseArguments, USAGE } from './args';
import { extractFile } from './extract-file';
import { runJsonl } from './jsonl';

const EXIT_OK = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_USAGE = 2;

/** Writes one line to stdout, waiting while the pipe is full so a slow reader does not pile up memory. */
function writeLine(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${line}\n`)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

function reportError(message: string): void {
  process.stderr.write(`whosaid: ${message}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    reportError(parsed.error);
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const command = parsed.value;
  switch (command.kind) {
    case 'help':
      await writeLine(USAGE);
      return EXIT_OK;
    case 'version':
      await writeLine(`whosaid ${version}`);
      return EXIT_OK;
    case 'jsonl': {
      const failures = await runJsonl(process.stdin, { write: writeLine, error: reportError }, command.maxMegabytes);
      return failures > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    }
    case 'files': {
      let failures = 0;
      for (const file of command.files) {
        // Whatever goes wrong with one file stays with that file: the ones after it are still analysed.
        let result: ReturnType<typeof extractFile>;
        try {
          result = extractFile(file, command.maxMegabytes, { anyPage: command.anyPage });
        } catch (error) {
          result = { ok: false, error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
        }
        if (result.ok) {
          await writeLine(JSON.stringify(result.value, null, command.pretty ? 2 : undefined));
        } else {
          failures++;
          reportError(`${file === '-' ? 'stdin' : file}: ${result.error}`);
        }
      }
      return failures > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    }
  }
}

// A reader that stops early (`whosaid extract a.txt | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    reportError(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = EXIT_SOME_FAILED;
  },
);
