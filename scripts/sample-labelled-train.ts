/**
 * Draws the TRAIN labelled set's items from PolNeAR train (the dev set is drawn by
 * scripts/sample-labelled-set.ts). Two strata, both with a fixed-seed PRNG so the sample is reproducible:
 *
 *   random      300 attributions drawn uniformly at random from every usable attribution of the 840
 *               articles (a shuffle of the whole pool, taken in order), at most two per article;
 *   hedge-word  200 more drawn at random from the usable attributions not already drawn whose cue or
 *               content contains a word of HEDGE_WORDS below (or a question mark), at most two per
 *               article in this stratum, so that medium and low certainty are represented.
 *
 * "Usable" means the attribution has a cue and a non-empty content (the source may be empty, as in the dev
 * set: "it is believed"). The gold spans are copied exactly (offsets into the article's `text`, end
 * exclusive). Items are numbered random stratum first, then hedge-word, each in article order (article id,
 * then the position of the attribution's first span in the text), the order they were labelled in.
 * Prints the unlabelled items as JSON lines (or writes them to the path given as the first argument); the
 * labels are in docs/labelled-set/labels-train.txt and, merged, in docs/labelled-set/certainty-train.jsonl
 * (CRITERIA.md says how they were made).
 *
 *   npx tsx scripts/sample-labelled-train.ts [out.jsonl]
 */
import * as fs from 'fs';
import * as path from 'path';
import type { GoldAttribution } from '../eval/metrics';
import { mulberry32 } from '../src/engine/tagger/perceptron';
import type { PolnearArticle } from './polnear';

const SEED = 20161102;
const N_RANDOM = 300;
const N_HEDGE = 200;
const PER_ARTICLE = 2;

/**
 * The hedge/modal list for the hedge-word stratum. Written down before any train item was looked at and not
 * changed afterwards: modal verbs, epistemic adverbs and adjectives, belief/expectation verbs, conditionals
 * and embedded questions, doubt and (non-)confirmation words. Matched case-insensitively as whole words
 * (inflected forms are listed explicitly) in the cue or any content span. A "?" anywhere in the content
 * also qualifies (questions are low unless rhetorical). The list only picks the stratum; it says nothing
 * about the label, which is given by reading the item against CRITERIA.md.
 */
const HEDGE_WORDS = [
  // modals
  'may', 'might', 'could', 'would', 'should', 'can\'t', 'cannot', 'couldn\'t', 'wouldn\'t',
  // epistemic adverbs / adjectives
  'possibly', 'possible', 'perhaps', 'maybe', 'probably', 'probable', 'likely', 'unlikely', 'apparently',
  'presumably', 'potentially', 'potential', 'seemingly', 'supposedly', 'allegedly', 'reportedly',
  'unclear', 'uncertain', 'unsure', 'unknown', 'unconfirmed', 'unverified', 'doubtful',
  // belief, expectation, inference verbs
  'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'expect', 'expects', 'expected',
  'suspect', 'suspects', 'suspected', 'suggest', 'suggests', 'suggested', 'appear', 'appears', 'appeared',
  'seem', 'seems', 'seemed', 'guess', 'guessed', 'estimate', 'estimates', 'estimated', 'predict',
  'predicts', 'predicted', 'speculate', 'speculated', 'assume', 'assumes', 'assumed', 'hope', 'hopes',
  'hoped', 'wonder', 'wonders', 'wondered', 'feel', 'feels', 'felt', 'imagine', 'suppose',
  // conditionals, embedded questions
  'if', 'unless', 'whether',
  // doubt and (non-)confirmation
  'doubt', 'doubts', 'doubted', 'confirm', 'confirmed', 'sure',
];
const HEDGE_RE = new RegExp(`(^|[^\\w'’])(${HEDGE_WORDS.map((w) => w.replace(/'/g, '[\'’]')).join('|')})(?=$|[^\\w'’])`, 'i');

type Gold = GoldAttribution;
type Article = PolnearArticle;
interface Candidate { article: Article; gold: Gold; index: number }

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function isHedged(gold: Gold): boolean {
  if (gold.cue.some((s) => HEDGE_RE.test(s.text))) return true;
  return gold.contents.some((s) => HEDGE_RE.test(s.text) || s.text.includes('?'));
}

function firstOffset(gold: Gold): number {
  return Math.min(...[...gold.cue, ...gold.sources, ...gold.contents].map((s) => s.start));
}

function take(pool: Candidate[], n: number, random: () => number, exclude: Set<string>): Candidate[] {
  const perArticle = new Map<string, number>();
  const picked: Candidate[] = [];
  for (const c of shuffle(pool, random)) {
    if (picked.length >= n) break;
    const key = `${c.article.id}#${c.index}`;
    if (exclude.has(key)) continue;
    const k = perArticle.get(c.article.id) ?? 0;
    if (k >= PER_ARTICLE) continue;
    perArticle.set(c.article.id, k + 1);
    picked.push(c);
  }
  return picked.sort((a, b) =>
    a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : firstOffset(a.gold) - firstOffset(b.gold));
}

const trainPath = path.resolve(__dirname, '..', '..', 'shared', 'data', 'polnear', 'train.jsonl');
const articles: Article[] = fs.readFileSync(trainPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const usable: Candidate[] = [];
for (const article of articles) {
  article.attributions.forEach((gold, index) => {
    if (gold.cue.length > 0 && gold.contents.length > 0 && gold.contents.some((s) => s.text.trim() !== '')) {
      usable.push({ article, gold, index });
    }
  });
}

const random = mulberry32(SEED);
const randomItems = take(usable, N_RANDOM, random, new Set());
const drawn = new Set(randomItems.map((c) => `${c.article.id}#${c.index}`));
const hedgeItems = take(usable.filter((c) => isHedged(c.gold)), N_HEDGE, random, drawn);

const lines: string[] = [];
let n = 0;
for (const [stratum, items] of [['random', randomItems], ['hedge-word', hedgeItems]] as const) {
  for (const { article, gold, index } of items) {
    n += 1;
    lines.push(JSON.stringify({
      item: n, articleId: article.id, attributionIndex: index, stratum,
      cue: gold.cue, sources: gold.sources, contents: gold.contents,
    }));
  }
}
const out = process.argv[2];
if (out) fs.writeFileSync(out, lines.join('\n') + '\n');
else process.stdout.write(lines.join('\n') + '\n');
process.stderr.write(`usable ${usable.length}, hedge-word pool ${usable.filter((c) => isHedged(c.gold)).length}; ` +
  `drew random ${randomItems.length}, hedge-word ${hedgeItems.length}\n`);
