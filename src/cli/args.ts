/** The command line of `whosaid`, parsed into what to do, or a usage error. */
import { err, ok, type Result } from '../shared/result';
import { DEFAULT_MAX_MEGABYTES, FILE_TO_TEXT_RATIO } from './input';

export const USAGE = `usage: whosaid extract [--pretty] [--max-mb N] [--any-page] FILE...
       whosaid extract --jsonl [--max-mb N] < articles.jsonl
       whosaid --help | --version

Finds who said what in news articles, on this machine.

  extract FILE...   analyse each file: a .txt file is the article text; an .html page first goes
                    through the same article-body detection as the browser extension. Writes one
                    JSON object per file, one per line (JSON Lines), in the order given:
                      {"source", "title", "text", "quotes": [...], "speakers": [...]}
                    span offsets (start, end exclusive) index into "text"; "title" is null for .txt.
                    A FILE of - reads the article text from stdin; after --, every argument is a
                    FILE, even one that starts with - (whosaid extract -- -notes.txt).
  --jsonl           read {"id", "text"} objects, one per line, on stdin; write {"id", "quotes"}
                    lines on stdout as each is done.
  --pretty          indent the JSON (objects are then no longer one per line).
  --any-page        read an .html page that does not look like an article (a front page, a list of
                    links) all the same, as the extension does when asked from its toolbar button.
  --max-mb N        refuse article text over N megabytes (default ${DEFAULT_MAX_MEGABYTES}; the engine's time grows
                    faster than the text) and files over ${FILE_TO_TEXT_RATIO} × N megabytes.

A file or line that cannot be analysed is reported on stderr as "whosaid: FILE: reason" or
"whosaid: stdin line N: reason"; the others are still analysed. Exit status: 0 when every input was
analysed, 1 when some could not be, 2 on a usage error.`;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'files'; files: string[]; pretty: boolean; maxMegabytes: number; anyPage: boolean }
  | { kind: 'jsonl'; maxMegabytes: number };

export function parseArguments(argv: string[]): Result<Command> {
  // After "--" every argument is a file, even one named -h or --version.
  const end = argv.indexOf('--');
  const options = end >= 0 ? argv.slice(0, end) : argv;
  if (options.includes('--help') || options.includes('-h') || options[0] === 'help') return ok({ kind: 'help' });
  if (options.includes('--version') || options.includes('-V')) return ok({ kind: 'version' });
  const [command, ...rest] = argv;
  if (command === undefined) return err('no command given');
  if (command !== 'extract') return err(`unknown command "${command}"`);

  const files: string[] = [];
  let jsonl = false;
  let pretty = false;
  let anyPage = false;
  let maxMegabytes = DEFAULT_MAX_MEGABYTES;
  let onlyFiles = false;
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    if (onlyFiles || !argument.startsWith('-') || argument === '-') {
      files.push(argument);
    } else if (argument === '--') {
      onlyFiles = true;
    } else if (argument === '--jsonl') {
      jsonl = true;
    } else if (argument === '--pretty') {
      pretty = true;
    } else if (argument === '--any-page') {
      anyPage = true;
    } else if (argument === '--max-mb' || argument.startsWith('--max-mb=')) {
      const value = argument.includes('=') ? argument.slice(argument.indexOf('=') + 1) : rest[++index];
      const number = Number(value);
      if (value === undefined || !Number.isFinite(number) || number <= 0) return err(`--max-mb needs a positive number, not "${value ?? ''}"`);
      maxMegabytes = number;
    } else {
      return err(`unknown option "${argument}"`);
    }
  }
  if (jsonl && files.length > 0) return err('--jsonl reads stdin: give it no files');
  if (jsonl && pretty) return err('--pretty cannot be used with --jsonl (one object per line)');
  if (jsonl && anyPage) return err('--any-page is for .html files, not --jsonl text');
  if (jsonl) return ok({ kind: 'jsonl', maxMegabytes });
  if (files.length === 0) return err('extract needs at least one FILE (or --jsonl)');
  return ok({ kind: 'files', files, pretty, maxMegabytes, anyPage });
}
