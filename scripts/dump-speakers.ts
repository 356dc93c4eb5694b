/**
 * One JSON line per attribution the engine finds in a PolNeAR split: article, offset, source as written, speaker
 * and its type. Run in two checkouts and diff the outputs to read every speaker a change moves, on text no one
 * annotated (how the round-9 speaker rules were checked on train and dev: docs/EVALUATION.md).
 *   npx tsx scripts/dump-speakers.ts train > /tmp/after.jsonl
 */
import { analyze } from '../src/engine/index';
import { loadSplit, type Split } from './polnear';

const split = (process.argv[2] ?? 'train') as Split;
for (const article of loadSplit(split)) {
  for (const quote of analyze(article.text).quotes) {
    const source = quote.sources.map((span) => span.text).join(' ');
    console.log(JSON.stringify([article.id, quote.cue?.start ?? quote.contents[0]?.start, source, quote.speaker?.name ?? null, quote.speaker?.type ?? null]));
  }
}
