/**
 * Draws the labelled set's items from PolNeAR dev: two attributions (with a cue and a content) from every
 * article, chosen with a fixed-seed PRNG so the sample is reproducible. Prints the unlabelled items as
 * JSON lines; the hand labels are in docs/labelled-set/labels.txt and, merged with these items, in
 * docs/labelled-set/certainty-sourcetype.jsonl (CRITERIA.md says how they were made).
 *
 *   npx tsx scripts/sample-labelled-set.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import type { GoldAttribution } from '../eval/metrics';
import { mulberry32 } from '../src/engine/tagger/perceptron';
import type { PolnearArticle } from './polnear';

const SEED = 20161101;
const PER_ARTICLE = 2;

type Gold = GoldAttribution;
type Article = PolnearArticle;

const devPath = path.resolve(__dirname, '..', '..', 'shared', 'data', 'polnear', 'dev.jsonl');
const articles: Article[] = fs.readFileSync(devPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const random = mulberry32(SEED);
let n = 0;
for (const article of articles) {
  const usable = article.attributions
    .map((gold, index) => ({ gold, index }))
    .filter(({ gold }) => gold.cue.length > 0 && gold.contents.length > 0);
  const picked = new Set<number>();
  while (picked.size < Math.min(PER_ARTICLE, usable.length)) picked.add(Math.floor(random() * usable.length));
  for (const i of [...picked].sort((a, b) => a - b)) {
    const { gold, index } = usable[i];
    n += 1;
    process.stdout.write(JSON.stringify({ item: n, articleId: article.id, attributionIndex: index, cue: gold.cue, sources: gold.sources, contents: gold.contents }) + '\n');
  }
}
