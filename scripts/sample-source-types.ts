/**
 * Fresh source-type errors from PolNeAR train, away from the labelled items the speakers rules were written from:
 * a fixed-seed sample of gold attributions with a source (not "he"/"she"), from train articles holding no labelled
 * item. `-- --show N` prints the first N for a reader to judge by docs/labelled-set/CRITERIA.md (source, cue, the text
 * before it), with no engine output; `-- --engine N` prints the speakers pass's type and name for the same N, to be
 * compared with the reader's labels afterwards; `-- --all` prints the engine's decision on the whole pool (diff two builds). The speakers pass sees all the article's gold attributions, as at run time.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveSpeakers } from '../src/engine/passes/16-speakers';
import { mulberry32 } from '../src/engine/tagger/perceptron';
import { attributionFromGold } from './eval-classifiers';
import { loadSplit } from './polnear';

const argv = process.argv.slice(2);
const show = argv.indexOf('--show') >= 0 ? Number(argv[argv.indexOf('--show') + 1]) : 0;
const engine = argv.indexOf('--engine') >= 0 ? Number(argv[argv.indexOf('--engine') + 1]) : 0;
const from = argv.indexOf('--from') >= 0 ? Number(argv[argv.indexOf('--from') + 1]) : 0;
/** `--all`: the engine's decision on every item of the pool, for diffing two builds (the items a change moves are then read). */
const all = argv.includes('--all');
const labelled = fs.readFileSync(path.resolve(__dirname, '..', 'docs', 'labelled-set', 'certainty-train.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((line) => JSON.parse(line).articleId as string);
const excluded = new Set(labelled);
const articles = loadSplit('train').filter((article) => !excluded.has(article.id));
const pool: Array<{ article: number; index: number }> = [];
articles.forEach((article, a) => article.attributions.forEach((gold, index) => {
  const source = gold.sources.map((span) => span.text).join(' ').trim();
  if (source && gold.contents.length && !/^(?:he|she)$/i.test(source)) pool.push({ article: a, index });
}));
const random = mulberry32(20261206);
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
const picked = all ? pool : pool.slice(from, from + Math.max(show, engine));
const resolved = new Map<number, ReturnType<typeof resolveSpeakers>>();
picked.forEach(({ article, index }, k) => {
  const { text, attributions } = articles[article];
  const gold = attributions[index];
  const source = gold.sources.map((span) => span.text).join(' ');
  const n = from + k + 1;
  if (show) {
    const at = gold.sources[0].start;
    const before = text.slice(Math.max(0, at - 350), at).replace(/\s+/g, ' ');
    const cue = gold.cue.map((span) => span.text).join(' ');
    const content = gold.contents.map((span) => span.text).join(' … ').replace(/\s+/g, ' ').slice(0, 90);
    console.log(`#${n} SOURCE «${source}» cue «${cue}» content «${content}»\n    …${before}⟦${source}⟧\n`);
  } else {
    if (!resolved.has(article)) resolved.set(article, resolveSpeakers(text, attributions.map((g, i) => attributionFromGold(text, g, `g${i}`))));
    const speaker = resolved.get(article)![index].speaker;
    console.log(`#${n} ${speaker?.type ?? 'unnamed'} «${source}» → ${speaker?.name ?? '(none)'}`);
  }
});
console.error(`pool ${pool.length} attributions from ${articles.length} articles`);
