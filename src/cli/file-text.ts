/**
 * A file named to `whosaid extract` to the text the engine is given: an HTML page's article body, found
 * by the same detection the content script runs, or a plain text file's text; or why it cannot be read.
 * Kept apart from the engine so the article-body evaluation (scripts/eval-articles.ts) runs exactly this.
 */
import * as fs from 'fs';
import type { TextHints } from '../shared/attribution';
import { err, ok, type Result } from '../shared/result';
import { FILE_TO_TEXT_RATIO, articleText, checkBytes, checkFileSize, decodeUtf8, isHtml, megabytes } from './input';
import { articleFromHtml } from './html';

export interface FileText {
  /** The page's title for HTML; null for plain text. */
  title: string | null;
  /** The text the engine analyses and every span offset indexes into. */
  text: string;
  hints: TextHints;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Standard input (or a file that only streams: a pipe, /dev/zero) read a chunk at a time and given up one byte
 * past the file limit, so endless input ends with the oversized-file message, not with memory exhausted.
 */
function readCapped(fd: number, maxMegabytes: number): Result<Uint8Array> {
  const limit = maxMegabytes * FILE_TO_TEXT_RATIO * 1024 * 1024;
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > limit) return err(`file of more than ${megabytes(limit)} is over the ${maxMegabytes * FILE_TO_TEXT_RATIO} MB file limit (${FILE_TO_TEXT_RATIO} × --max-mb)`);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return ok(Buffer.concat(chunks, total));
}

/** The bytes of a file (or of stdin for "-"), refusing early what is too big to read. */
function readBytes(file: string, maxMegabytes: number): Result<Uint8Array> {
  try {
    if (file === '-') return readCapped(0, maxMegabytes);
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return err(REASONS.EISDIR);
    if (!stat.isFile()) {
      // A device or a pipe has no size to check first: read it capped.
      const fd = fs.openSync(file, 'r');
      try {
        return readCapped(fd, maxMegabytes);
      } finally {
        fs.closeSync(fd);
      }
    }
    const size = checkFileSize(stat.size, maxMegabytes);
    if (!size.ok) return size;
    const bytes = fs.readFileSync(file);
    const read = checkFileSize(bytes.length, maxMegabytes);
    return read.ok ? ok(bytes) : read;
  } catch (error) {
    return err(readReason(error));
  }
}

export interface ExtractOptions {
  /** Read an HTML page that does not look like an article (a front page, a list of links) all the same. */
  anyPage?: boolean;
}

/** What `whosaid extract` analyses for a file (an HTML page's article body), or the one-line reason it cannot. */
export function readFileText(file: string, maxMegabytes: number, options: ExtractOptions = {}): Result<FileText> {
  const bytes = readBytes(file, maxMegabytes);
  if (!bytes.ok) return bytes;
  const checked = checkBytes(bytes.value);
  if (!checked.ok) return checked;
  const decoded = decodeUtf8(bytes.value);
  if (!decoded.ok) return decoded;

  if (isHtml(file, decoded.value)) {
    const article = articleFromHtml(decoded.value, maxMegabytes * 1024 * 1024, options.anyPage === true);
    if (!article.ok) return article;
    const text = articleText(article.value.text, maxMegabytes);
    if (!text.ok) return err(text.error === 'empty text' ? 'no article text found in the page' : text.error);
    // Offsets of the hints hold only while the text is the page's as built (no line ends rewritten).
    const hints = text.value === article.value.text ? { blockQuotes: article.value.blockQuotes } : {};
    return ok({ title: article.value.title, text: text.value, hints });
  }
  const text = articleText(decoded.value, maxMegabytes);
  if (!text.ok) return text;
  return ok({ title: null, text: text.value, hints: {} });
}
