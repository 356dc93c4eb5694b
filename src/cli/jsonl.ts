/**
 * `whosaid extract --jsonl`: {"id", "text"} lines in, {"id", "quotes"} lines out, one at a time, so a
 * long batch streams and a bad line costs only itself.
 */
import * as readline from 'readline';
import type { Readable } from 'stream';
import type { Attribution } from '../shared/attribution';
import { err, ok, type Result } from '../shared/result';
import { analyze } from '../engine/index';
import { articleText } from './input';

export interface JsonlOutput {
  id: string | number;
  quotes: Attribution[];
}

/** One input line to its output object, or why not. */
export function analyzeLine(line: string, maxMegabytes: number): Result<JsonlOutput> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return err(`invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return err('expected a JSON object {"id", "text"}');
  const { id, text } = parsed as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' && typeof id !== 'number') return err('"id" must be a string or a number');
  if (typeof text !== 'string') return err(`"text" must be a string (id ${JSON.stringify(id)})`);
  const checked = articleText(text, maxMegabytes);
  if (!checked.ok) return err(`${checked.error} (id ${JSON.stringify(id)})`);
  try {
    return ok({ id, quotes: analyze(checked.value).quotes });
  } catch (error) {
    return err(`the engine failed on id ${JSON.stringify(id)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface LineSink {
  /** Resolves once the line is handed to the output (waits when the reader is slower than we are). */
  write(line: string): Promise<void>;
  error(message: string): void;
}

/** Processes every line of `input`; resolves to the number of lines that could not be analysed. */
export async function runJsonl(input: Readable, sink: LineSink, maxMegabytes: number): Promise<number> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = analyzeLine(line, maxMegabytes);
    if (result.ok) {
      await sink.write(JSON.stringify(result.value));
    } else {
      failures++;
      sink.error(`stdin line ${lineNumber}: ${result.error}`);
    }
  }
  return failures;
}
