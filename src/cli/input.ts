/**
 * Turning bytes from a file or a JSON line into article text the engine can take, or a one-line reason
 * why not. Checks run cheapest first so a bad input is rejected before the engine sees it.
 */
import { err, ok, type Result } from '../shared/result';

/**
 * Text over this is refused so an interactive run stays within seconds: the engine takes about 2.6 s
 * for 1 MB of news text, 4.4 s for 2 MB, 8.7 s for 4 MB and 17 s for 8 MB (26 Nov), and no article
 * comes near 2 MB. Raised with --max-mb.
 */
export const DEFAULT_MAX_MEGABYTES = 2;

/** A file may be this many times the text limit (HTML is mostly markup); bigger is not even read. */
export const FILE_TO_TEXT_RATIO = 10;

const MEGABYTE = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const megabytes = (bytes: number) => `${(bytes / MEGABYTE).toFixed(1)} MB`;

/** Rejects a file too big to read before reading it. */
export function checkFileSize(size: number, maxMegabytes: number): Result<void> {
  const limit = maxMegabytes * FILE_TO_TEXT_RATIO;
  if (size > limit * MEGABYTE) return err(`file of ${megabytes(size)} is over the ${limit} MB file limit (${FILE_TO_TEXT_RATIO} × --max-mb)`);
  return ok(undefined);
}

/** Rejects what is not worth decoding: binary (a NUL byte). */
export function checkBytes(bytes: Uint8Array): Result<void> {
  if (bytes.includes(0)) return err('binary file (it contains NUL bytes), not text');
  return ok(undefined);
}

/** UTF-8 bytes to a string, without a byte-order mark, or why they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Result<string> {
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return err('not valid UTF-8 text (convert it first, e.g. iconv -t UTF-8)');
  }
  return ok(decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded);
}

/**
 * Article text as the engine and the printed offsets see it: line ends made \n, so offsets do not
 * depend on the platform that saved the file.
 */
export function articleText(raw: string, maxMegabytes: number): Result<string> {
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return err('empty text');
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxMegabytes * MEGABYTE) return err(`text of ${megabytes(size)} is over the ${maxMegabytes} MB limit (raise it with --max-mb)`);
  if (/\u0000/.test(text)) return err('text contains NUL characters (binary data)');
  return ok(text);
}

/** True when the file looks like an HTML page by its name or, failing that, by how it starts. */
export function isHtml(fileName: string, content: string): boolean {
  if (/\.x?html?$/i.test(fileName)) return true;
  if (/\.(txt|text|md)$/i.test(fileName)) return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content.slice(0, 2048));
}
