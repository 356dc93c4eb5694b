/**
 * `whosaid extract --jsonl`: {"id", "text"} lines in, {"id", "quotes"} lines out, one at a time, so a
 * long batch streams and a bad line costs only itself.
 */
import type { Readable } from 'stream';
import type { Attribution } from '../shared/attribution';
import { err, ok, type Result } from '../shared/result';
import { analyze } from '../engine/index';
import { FILE_TO_TEXT_RATIO, articleText, decodeUtf8 } from './input';

export interface JsonlOutput {
  /** The id as JSON: a number exactly as the input line wrote it, so no digit is lost to a double (1e400, 12345678901234567890). */
  idJson: string;
  quotes: Attribution[];
}

/** The output line of an analysed input line: {"id", "quotes"}, the id written as given. */
export const outputLine = (output: JsonlOutput) => `{"id":${output.idJson},"quotes":${JSON.stringify(output.quotes)}}`;

const JSON_SPACE = ' \t\n\r';

/**
 * The source text of the value of the top-level member `key` of a line that JSON.parse read as an object (the
 * last such member, as JSON.parse keeps the last), or undefined. The line is known to be valid JSON, so only
 * strings and nesting are followed.
 */
export function memberSource(line: string, key: string): string | undefined {
  let index = line.indexOf('{') + 1;
  const skipSpace = () => {
    while (index < line.length && JSON_SPACE.includes(line[index])) index++;
  };
  /** From a string's opening quote to just past its closing one. */
  const skipString = () => {
    for (index++; index < line.length && line[index] !== '"'; ) index += line[index] === '\\' ? 2 : 1;
    index++;
  };
  /** A whole value (a string, a literal, a number, or an object or array with all it holds), as source text. */
  const takeValue = () => {
    const start = index;
    for (let depth = 0; index < line.length; ) {
      const char = line[index];
      if (char === '"') {
        skipString();
        if (depth === 0) break;
        continue;
      }
      if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        if (depth === 0) break;
        if (--depth === 0) {
          index++;
          break;
        }
      } else if (depth === 0 && (char === ',' || JSON_SPACE.includes(char))) break;
      index++;
    }
    return line.slice(start, index);
  };
  let found: string | undefined;
  skipSpace();
  while (line[index] === '"') {
    const nameStart = index;
    skipString();
    const name = JSON.parse(line.slice(nameStart, index)) as string;
    skipSpace();
    index++; // the colon
    skipSpace();
    const value = takeValue();
    if (name === key) found = value;
    skipSpace();
    if (line[index] !== ',') break;
    index++;
    skipSpace();
  }
  return found;
}

/** A line of stdin as bytes, or a note that it was too long and skipped. */
type RawLine = { bytes: Buffer } | { tooLong: number };

/**
 * Splits a byte stream at \n (dropping a \r before it). Bytes, not text, so a line that is not UTF-8
 * is reported instead of silently decoded with replacement characters; a line over maxBytes is
 * skipped as it streams past rather than held in memory.
 */
async function* byteLines(input: Readable, maxBytes: number): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let skipping = false;
  const finish = (): RawLine => {
    let line: RawLine;
    if (skipping) {
      line = { tooLong: pendingLength };
    } else {
      const bytes = Buffer.concat(pending);
      line = { bytes: bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes };
    }
    pending = [];
    pendingLength = 0;
    skipping = false;
    return line;
  };
  const keep = (part: Buffer) => {
    pendingLength += part.length;
    if (pendingLength > maxBytes) {
      skipping = true;
      pending = [];
    }
    if (!skipping) pending.push(part);
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let newline = buffer.indexOf(0x0a); newline >= 0; newline = buffer.indexOf(0x0a)) {
      keep(buffer.subarray(0, newline));
      yield finish();
      buffer = buffer.subarray(newline + 1);
    }
    if (buffer.length > 0) keep(buffer);
  }
  if (pendingLength > 0) yield finish();
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
  // A number is kept as written: read back as a double, 1e400 would become null and 12345678901234567890 lose digits.
  const idJson = (typeof id === 'number' ? memberSource(line, 'id') : undefined) ?? JSON.stringify(id);
  if (typeof text !== 'string') return err(`"text" must be a string (id ${idJson})`);
  const checked = articleText(text, maxMegabytes);
  if (!checked.ok) return err(`${checked.error} (id ${idJson})`);
  try {
    return ok({ idJson, quotes: analyze(checked.value).quotes });
  } catch (error) {
    return err(`the engine failed on id ${idJson}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface LineSink {
  /** Resolves once the line is handed to the output (waits when the reader is slower than we are). */
  write(line: string): Promise<void>;
  error(message: string): void;
}

/** Processes every line of `input`; resolves to the number of lines that could not be analysed. */
export async function runJsonl(input: Readable, sink: LineSink, maxMegabytes: number): Promise<number> {
  const maxLineBytes = maxMegabytes * FILE_TO_TEXT_RATIO * 1024 * 1024;
  let lineNumber = 0;
  let failures = 0;
  for await (const raw of byteLines(input, maxLineBytes)) {
    lineNumber++;
    const decoded: Result<string> = 'bytes' in raw
      ? decodeUtf8(raw.bytes)
      : err(`line of ${(raw.tooLong / 1024 / 1024).toFixed(1)} MB is over the ${maxMegabytes * FILE_TO_TEXT_RATIO} MB line limit (${FILE_TO_TEXT_RATIO} × --max-mb)`);
    if (decoded.ok && decoded.value.trim() === '') continue;
    const result = decoded.ok ? analyzeLine(decoded.value, maxMegabytes) : decoded;
    if (result.ok) {
      await sink.write(outputLine(result.value));
    } else {
      failures++;
      sink.error(`stdin line ${lineNumber}: ${result.error}`);
    }
  }
  return failures;
}
