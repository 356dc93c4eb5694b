/**
 * One JSON line per attribution the engine finds in a PolNeAR split: article, offset, source as written, speaker
 * and its type, certainty label and evidence, the content's start. Run in two checkouts and diff the outputs to read
 * every speaker or label a change moves, on text no one annotated (how the round-9 rules were checked: docs/EVALUATION.md).
 *   npx tsx scripts/dump-attributions.ts train > /tmp/after.jsonl
 */
import { analyze } from '../src/engine/index';
import { loadSplit, type Split } from './polnear';

const split = (process.argv[2] ?? 'train') as Split;
for (const article of loadSplit(split)) {
  for (const quote of analyze(article.text).quotes) {
    console.log(JSON.stringify([
      article.id,
      quote.cue?.start ?? quote.contents[0]?.start,
      quote.sources.map((span) => span.text).join(' '),
      quote.speaker?.name ?? null,
      quote.speaker?.type ?? null,
      quote.certainty?.label ?? null,
      quote.certainty?.evidence ?? [],
      quote.contents.map((span) => span.text).join(' … ').slice(0, 200),
    ]));
  }
}
