/** `whosaid extract FILE`: one file in, its analysis as a JSON-ready object out, or why not. */
import * as fs from 'fs';
import type { Attribution, Speaker, TextHints } from '../shared/attribution';
import { err, ok, type Result } from '../shared/result';
import { analyze } from '../engine/index';
import { articleText, checkBytes, checkFileSize, decodeUtf8, isHtml } from './input';
import { articleFromHtml } from './html';

export interface FileAnalysis {
  /** The file as named on the command line. */
  source: string;
  /** The page's title for HTML; null for plain text. */
  title: string | null;
  /** The text every span offset indexes into. */
  text: string;
  quotes: Attribution[];
  speakers: Speaker[];
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

/** The bytes of a file (or of stdin for "-"), refusing early what is too big to read. */
function readBytes(file: string, maxMegabytes: number): Result<Uint8Array> {
  try {
    if (file !== '-') {
      const stat = fs.statSync(file);
      if (stat.isDirectory()) return err(REASONS.EISDIR);
      const size = checkFileSize(stat.size, maxMegabytes);
      if (!size.ok) return size;
    }
    const bytes = fs.readFileSync(file === '-' ? 0 : file);
    const size = checkFileSize(bytes.length, maxMegabytes);
    return size.ok ? ok(bytes) : size;
  } catch (error) {
    return err(readReason(error));
  }
}

function analysed(source: string, title: string | null, text: string, hints: TextHints = {}): Result<FileAnalysis> {
  try {
    const { quotes, speakers } = analyze(text, hints);
    return ok({ source, title, text, quotes, speakers });
  } catch (error) {
    return err(`the engine failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface ExtractOptions {
  /** Read an HTML page that does not look like an article (a front page, a list of links) all the same. */
  anyPage?: boolean;
}

export function extractFile(file: string, maxMegabytes: number, options: ExtractOptions = {}): Result<FileAnalysis> {
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
    return analysed(file, article.value.title, text.value, hints);
  }
  const text = articleText(decoded.value, maxMegabytes);
  if (!text.ok) return text;
  return analysed(file, null, text.value);
}
