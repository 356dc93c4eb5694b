/** Reads the PolNeAR split files in ../shared for the eval and bench scripts. */
import * as fs from 'fs';
import * as path from 'path';
import type { GoldAttribution } from '../eval/metrics';

export type Split = 'train' | 'dev';

export interface PolnearArticle {
  id: string;
  publisher: string;
  date: string;
  title: string;
  text: string;
  attributions: GoldAttribution[];
}

export const SHARED_DIR = path.resolve(__dirname, '..', '..', 'shared');

export function splitPath(split: Split): string {
  return path.join(SHARED_DIR, 'data', 'polnear', `${split}.jsonl`);
}

/** Articles of a split, in file order; throws naming the file when it is missing. */
export function loadSplit(split: Split, limit = Infinity): PolnearArticle[] {
  const file = splitPath(split);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: the PolNeAR data lives in ../shared (see its README)`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, limit)
    .map((line) => JSON.parse(line) as PolnearArticle);
}
