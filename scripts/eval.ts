/**
 * Accuracy on PolNeAR: the engine's analyze() against the naive compromise peer, scored by
 * eval/metrics.ts (Citron's exact and overlap metrics plus whole-attribution F1).
 *
 *   npm run eval -- --split dev            (default)
 *   npm run eval -- --split train --limit 100
 *   npm run eval -- --json                 (scores as JSON on stdout, nothing else)
 *   npm run eval -- --split train --skip 600 --weights /tmp/w600.json
 *       (held-out train: weights from `tsx scripts/train.ts --limit 600 --out /tmp/w600.json`, scored on
 *       the articles they were not trained on; extraction only, no classifier report)
 *
 * Then prints the classifier report of scripts/eval-classifiers.ts when that script exists.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Attribution } from '../src/shared/attribution';
import { evaluate, type Scores, type Prf } from '../eval/metrics';
import { naiveAttributions } from '../eval/naive';
import { loadSplit, type PolnearArticle, type Split } from './polnear';

interface Options {
  split: Split;
  limit: number;
  skip: number;
  weights: string | null;
  json: boolean;
}

const USAGE = 'usage: npm run eval -- [--split dev|train] [--skip N] [--limit N] [--weights FILE] [--json]';

function parseOptions(argv: string[]): Options {
  const options: Options = { split: 'dev', limit: Infinity, skip: 0, weights: null, json: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--split') {
      const value = argv[++index];
      if (value !== 'dev' && value !== 'train') throw new Error(`--split must be dev or train, not ${value}\n${USAGE}`);
      options.split = value;
    } else if (argument === '--limit') {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`--limit needs a positive whole number\n${USAGE}`);
      options.limit = value;
    } else if (argument === '--skip') {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`--skip needs a whole number\n${USAGE}`);
      options.skip = value;
    } else if (argument === '--weights') {
      const value = argv[++index];
      if (!value || !fs.existsSync(value)) throw new Error(`--weights needs a weights file (${value ?? 'none given'} not found)\n${USAGE}`);
      options.weights = value;
    } else if (argument === '--json') {
      options.json = true;
    } else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${argument}\n${USAGE}`);
    }
  }
  return options;
}

export interface SystemResult {
  name: string;
  scores: Scores;
  milliseconds: number;
  failures: string[];
}

/** Runs one system over the articles; an article it throws on counts as predicting nothing. */
export function runSystem(name: string, articles: PolnearArticle[], predict: (text: string) => Attribution[]): SystemResult {
  const failures: string[] = [];
  const started = performance.now();
  const documents = articles.map((article) => {
    let predicted: Attribution[] = [];
    try {
      predicted = predict(article.text);
    } catch (error) {
      failures.push(`${article.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { text: article.text, gold: article.attributions, predicted };
  });
  const milliseconds = performance.now() - started;
  return { name, scores: evaluate(documents), milliseconds, failures };
}

const figure = (value: number) => value.toFixed(3);
const prfCells = (value: Prf) => [figure(value.precision), figure(value.recall), figure(value.f1)];

/** One markdown table, a row per metric, P/R/F1 columns per system. */
export function scoreTable(results: SystemResult[]): string {
  const rows: Array<[string, (scores: Scores) => string[]]> = [
    ['cue exact', (s) => prfCells(s.exact.cue)],
    ['source exact', (s) => prfCells(s.exact.source)],
    ['content exact', (s) => prfCells(s.exact.content)],
    ['cue overlap', (s) => prfCells(s.overlap.cue)],
    ['source overlap', (s) => prfCells(s.overlap.source)],
    ['content overlap', (s) => prfCells(s.overlap.content)],
    ['attribution', (s) => prfCells(s.attribution)],
    ['who-said-what', (s) => prfCells(s.whoSaidWhat)],
    ['direct quotes, right source (recall)', (s) => ['', figure(s.directQuoteRecall), '']],
  ];
  const header = ['metric', ...results.flatMap((r) => [`${r.name} P`, `${r.name} R`, `${r.name} F1`])];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map(([label, cells]) => `| ${[label, ...results.flatMap((r) => cells(r.scores))].join(' | ')} |`),
  ];
  return lines.join('\n');
}

async function classifierReport(split: Split): Promise<string> {
  const script = path.join(__dirname, 'eval-classifiers.ts');
  if (!fs.existsSync(script)) return 'classifier evaluation not available (scripts/eval-classifiers.ts does not exist)';
  const module = (await import(script)) as { evaluateClassifiers?: (opts: { split: Split }) => Promise<string> };
  if (typeof module.evaluateClassifiers !== 'function') return 'classifier evaluation not available (scripts/eval-classifiers.ts exports no evaluateClassifiers)';
  return module.evaluateClassifiers({ split });
}

async function loadEngine(weights: string | null): Promise<((text: string) => Attribution[]) | string> {
  try {
    if (weights) {
      const { extractWith } = await import('../src/engine/index');
      const { unpackModel } = await import('../src/engine/tagger');
      const model = unpackModel(JSON.parse(fs.readFileSync(weights, 'utf8')));
      return (text: string) => extractWith(model, text);
    }
    const engine = await import('../src/engine/index');
    return (text: string) => engine.analyze(text).quotes;
  } catch (error) {
    return `engine not available: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const articles = loadSplit(options.split, options.skip + options.limit).slice(options.skip);
  const goldCount = articles.reduce((total, article) => total + article.attributions.length, 0);

  const engine = await loadEngine(options.weights);
  const results: SystemResult[] = [];
  if (typeof engine !== 'string') results.push(runSystem('whosaid', articles, engine));
  results.push(runSystem('naive', articles, naiveAttributions));

  if (options.json) {
    const json = Object.fromEntries(results.map((r) => [r.name, { ...r.scores, milliseconds: r.milliseconds, failures: r.failures }]));
    console.log(JSON.stringify({ split: options.split, articles: articles.length, gold: goldCount, ...json }, null, 2));
    return;
  }

  const slice = options.skip ? ` (from article ${options.skip + 1})` : '';
  const weights = options.weights ? `, extraction with ${options.weights}` : '';
  console.log(`PolNeAR ${options.split}${slice}: ${articles.length} articles, ${goldCount} gold attributions${weights}`);
  if (typeof engine === 'string') console.log(engine);
  for (const result of results) {
    const predicted = result.scores.counts.attribution.predicted;
    console.log(`${result.name}: ${predicted} attributions predicted in ${(result.milliseconds / 1000).toFixed(1)} s` +
      (result.failures.length ? `; threw on ${result.failures.length} articles, first: ${result.failures[0]}` : ''));
  }
  console.log('');
  console.log(scoreTable(results));
  console.log('');
  console.log('exact = identical span set (source/content also need an overlapping cue); overlap = shared word tokens;');
  console.log('attribution = content Dice >= 0.5 and cues overlap, one-to-one; who-said-what = that and sources overlap.');
  console.log('Published naive figures: exact source 0.11, cue 0.42, content 0.13, who-said-what F1 0.06.');
  if (options.weights) return;
  console.log('');
  console.log(await classifierReport(options.split));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
