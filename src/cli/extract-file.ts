/** `whosaid extract FILE`: one file in, its analysis as a JSON-ready object out, or why not. */
import type { Attribution, Speaker, TextHints } from '../shared/attribution';
import { err, ok, type Result } from '../shared/result';
import { analyze } from '../engine/index';
import { readFileText, type ExtractOptions } from './file-text';

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

function analysed(source: string, title: string | null, text: string, hints: TextHints = {}): Result<FileAnalysis> {
  try {
    const { quotes, speakers } = analyze(text, hints);
    return ok({ source, title, text, quotes, speakers });
  } catch (error) {
    return err(`the engine failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function extractFile(file: string, maxMegabytes: number, options: ExtractOptions = {}): Result<FileAnalysis> {
  const read = readFileText(file, maxMegabytes, options);
  if (!read.ok) return read;
  return analysed(file, read.value.title, read.value.text, read.value.hints);
}
