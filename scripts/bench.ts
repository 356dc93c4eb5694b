/**
 * Speed and memory on PolNeAR dev, in one process: analyze(), extract() alone, and the naive
 * compromise peer. `npm run bench` (options: --rounds N, default 3; --limit N articles).
 *
 * Fairness: every system is warmed up over all articles first; then, per round and per article, the
 * systems run one after another in an order that rotates from article to article, so none always runs
 * on a cold or a warm cache. An article's time is its median over the rounds.
 *
 * Memory is measured after timing, one system at a time (ours first, naive last, so compromise's full
 * build is not charged to us): heap growth above a collected baseline and the process RSS, both
 * peaks sampled after each article. RSS is the whole process (all systems' code and data loaded so
 * far), so it compares systems only roughly; the heap growth is each system's own.
 *
 * Aims (issue 4): median ≤ 15 ms per article and ≤ 1/3 of naive's; 1 MB of text < 2 s; the classify
 * step ≤ 20% of engine time.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import type { Attribution } from '../src/shared/attribution';
import { naiveAttributions } from '../eval/naive';
import { loadSplit, type PolnearArticle } from './polnear';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

type Engine = typeof import('../src/engine/index');
type Pipeline = typeof import('../src/engine/pipeline');

interface System {
  name: string;
  run: (text: string) => unknown;
}

interface Timing {
  name: string;
  perArticle: number[];
}

const median = (values: number[]) => quantile(values, 0.5);

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function parseOptions(argv: string[]): { rounds: number; limit: number } {
  const options = { rounds: 3, limit: Infinity };
  for (let index = 0; index < argv.length; index++) {
    const value = Number(argv[index + 1]);
    if (argv[index] === '--rounds' && Number.isInteger(value) && value > 0) options.rounds = value;
    else if (argv[index] === '--limit' && Number.isInteger(value) && value > 0) options.limit = value;
    else throw new Error(`usage: npm run bench -- [--rounds N] [--limit N] (bad argument ${argv[index]})`);
    index++;
  }
  return options;
}

/** Per-article median over rounds, the systems' order rotating from article to article. */
function timeInterleaved(systems: System[], articles: PolnearArticle[], rounds: number): Timing[] {
  const samples = systems.map(() => articles.map(() => [] as number[]));
  for (let round = 0; round < rounds; round++) {
    articles.forEach((article, articleIndex) => {
      for (let offset = 0; offset < systems.length; offset++) {
        const systemIndex = (articleIndex + round + offset) % systems.length;
        const started = performance.now();
        systems[systemIndex].run(article.text);
        samples[systemIndex][articleIndex].push(performance.now() - started);
      }
    });
  }
  return systems.map((system, index) => ({ name: system.name, perArticle: samples[index].map(median) }));
}

/**
 * Time of each pass of the pipeline, summed over articles (median over rounds per article), and the stages
 * they make: extract (the extraction passes), resolveSpeakers, classify, shown and groupSpeakers.
 */
function timeStages(pipeline: Pipeline, articles: PolnearArticle[], rounds: number) {
  const perPass = new Map<string, number[]>(pipeline.PIPELINE.map((pass) => [pass.name, []]));
  for (const article of articles) {
    const perRound = new Map<string, number[]>(pipeline.PIPELINE.map((pass) => [pass.name, []]));
    for (let round = 0; round < rounds; round++) {
      const state = pipeline.run([], article.text);
      for (const pass of pipeline.PIPELINE) {
        const started = performance.now();
        pass(state);
        perRound.get(pass.name)!.push(performance.now() - started);
      }
    }
    for (const [name, values] of perRound) perPass.get(name)!.push(median(values));
  }
  const passTotals = new Map([...perPass].map(([name, values]) => [name, sum(values)]));
  const extract = sum(pipeline.EXTRACTION.map((pass) => passTotals.get(pass.name)!));
  const stages = {
    extract,
    resolveSpeakers: passTotals.get('speakers')!,
    classify: passTotals.get('classification')!,
    shown: passTotals.get('shown')!,
    groupSpeakers: passTotals.get('groups')!,
  };
  return { stages, passTotals };
}

function measureMemory(system: System, articles: PolnearArticle[]) {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peakHeap = baseline;
  let peakRss = 0;
  for (const article of articles) {
    system.run(article.text);
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  }
  return { heapGrowth: peakHeap - baseline, rss: peakRss };
}

/** About 1 MB of real article text: dev articles joined by blank lines, cut at a paragraph break. */
export function syntheticText(articles: PolnearArticle[], size = 1_000_000): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index = (index + 1) % articles.length) {
    parts.push(articles[index].text);
    length += articles[index].text.length + 2;
  }
  const joined = parts.join('\n\n');
  const cut = joined.lastIndexOf('\n\n', size);
  return cut > size * 0.9 ? joined.slice(0, cut) : joined.slice(0, size);
}

async function loadEngine(): Promise<Engine | string> {
  try {
    return await import('../src/engine/index');
  } catch (error) {
    return `engine not available: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const articles = loadSplit('dev', options.limit);
  const characters = sum(articles.map((article) => article.text.length));
  const engine = await loadEngine();

  const systems: System[] = [];
  if (typeof engine !== 'string') {
    systems.push({ name: 'analyze', run: (text) => engine.analyze(text) });
    systems.push({ name: 'extract', run: (text) => engine.extract(text) });
  }
  systems.push({ name: 'naive', run: naiveAttributions });

  console.log(`PolNeAR dev: ${articles.length} articles, median ${Math.round(median(articles.map((a) => a.text.length)))} characters, ` +
    `${options.rounds} timed rounds after a warm-up, node ${process.version}`);
  if (typeof engine === 'string') console.log(engine);

  for (const system of systems) for (const article of articles) system.run(article.text);
  const timings = timeInterleaved(systems, articles, options.rounds);
  const memory = systems.map((system) => measureMemory(system, articles));

  const naive = timings.find((timing) => timing.name === 'naive')!;
  const rows = timings.map((timing, index) => {
    const total = sum(timing.perArticle);
    return [
      timing.name,
      ms(median(timing.perArticle)),
      ms(quantile(timing.perArticle, 0.95)),
      (articles.length / (total / 1000)).toFixed(0),
      ((characters / 1024) / (total / 1000)).toFixed(0),
      mb(memory[index].heapGrowth),
      mb(memory[index].rss),
      timing === naive ? '1' : (median(timing.perArticle) / median(naive.perArticle)).toFixed(3),
    ];
  });
  const header = ['system', 'median ms', 'p95 ms', 'articles/s', 'KB/s', 'peak heap growth MB', 'peak RSS MB', 'median vs naive'];
  console.log('');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|---|${header.slice(1).map(() => '---:').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  if (typeof engine !== 'string') {
    const { stages, passTotals } = timeStages(await import('../src/engine/pipeline'), articles, options.rounds);
    const engineTotal = sum(Object.values(stages));
    const share = (value: number) => `${((100 * value) / engineTotal).toFixed(1)}%`;
    console.log('');
    console.log(`stages, summed over articles: extract ${ms(stages.extract)} ms (${share(stages.extract)}), ` +
      `resolveSpeakers ${ms(stages.resolveSpeakers)} ms (${share(stages.resolveSpeakers)}), ` +
      `classify ${ms(stages.classify)} ms (${share(stages.classify)}), shown ${ms(stages.shown)} ms (${share(stages.shown)}), ` +
      `groupSpeakers ${ms(stages.groupSpeakers)} ms (${share(stages.groupSpeakers)})`);
    console.log(`passes, summed over articles: ${[...passTotals].map(([name, total]) => `${name} ${ms(total)} ms`).join(', ')}`);
    const base = stages.extract + stages.resolveSpeakers;
    console.log(`classify adds ${((100 * stages.classify) / base).toFixed(1)}% over extract+resolveSpeakers; ` +
      `it is ${share(stages.classify)} of engine time (aim ≤ 20%)`);

    const big = syntheticText(articles);
    collectGarbage();
    const started = performance.now();
    const result = engine.analyze(big);
    const elapsed = performance.now() - started;
    console.log(`1 MB synthetic text (${big.length} characters from dev articles): analyze ${elapsed.toFixed(0)} ms, ` +
      `${result.quotes.length} attributions (aim < 2000 ms)`);

    const ours = median(timings[0].perArticle);
    console.log(`aims: median ${ms(ours)} ms ≤ 15 ms: ${ours <= 15 ? 'met' : 'NOT met'}; ` +
      `≤ 1/3 of naive (${ms(median(naive.perArticle))} ms): ${ours <= median(naive.perArticle) / 3 ? 'met' : 'NOT met'}; ` +
      `1 MB < 2 s: ${elapsed < 2000 ? 'met' : 'NOT met'}; classify ≤ 20%: ${stages.classify <= 0.2 * engineTotal ? 'met' : 'NOT met'}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
