/**
 * One JSON line per attribution the engine finds in a PolNeAR split: article, offset, certainty label and its
 * evidence. Run in two checkouts and diff to read every label a certainty rule moves on text no one labelled.
 *   npx tsx scripts/dump-certainty.ts train > /tmp/after.jsonl
 */
import { analyze } from '../src/engine/index';
import { loadSplit, type Split } from './polnear';

const split = (process.argv[2] ?? 'train') as Split;
for (const article of loadSplit(split)) {
  for (const quote of analyze(article.text).quotes) {
    const content = quote.contents.map((span) => span.text).join(' … ');
    console.log(JSON.stringify([article.id, quote.cue?.start ?? quote.contents[0]?.start, quote.certainty?.label ?? null, quote.certainty?.evidence ?? [], content.slice(0, 200)]));
  }
}
