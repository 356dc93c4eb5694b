/**
 * The speaker step on PolNeAR gold sources: type distribution, how many pronoun sources reach a named
 * antecedent, a sample to eyeball, and the time per article (median of several warm rounds).
 *
 *   npx tsx scripts/speakers-report.ts [dev|train] [--sample N] [--seed S]
 *
 * It also times, for comparison, compromise/one merely tokenising each article's distinct source strings
 * (one document per article): the reason the speaker step tokenises with a regex instead.
 */
import type { Attribution } from '../src/shared/attribution';
import { resolveSpeakers } from '../src/engine/passes/16-speakers';
import { groupSpeakers } from '../src/engine/passes/19-groups';
import { PRONOUNS } from '../src/engine/lexicon';
import { loadSplit, type Split } from './polnear';
import nlp from 'compromise/one';

const args = process.argv.slice(2);
const split = (args.find((arg) => arg === 'dev' || arg === 'train') ?? 'dev') as Split;
const sampleSize = Number(args[args.indexOf('--sample') + 1]) || 40;
const seedArg = args.indexOf('--seed');
let seed = seedArg >= 0 ? Number(args[seedArg + 1]) : 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const articles = loadSplit(split).map((article) => ({
  text: article.text,
  attributions: article.attributions.map((gold, i): Attribution => ({
    id: `g${i}`, cue: gold.cue[0] ?? null, sources: gold.sources, contents: gold.contents, kind: 'indirect', speaker: null, confidence: 1,
  })),
}));

const types = new Map<string, number>();
const pronouns = new Map<string, { total: number; named: number; unresolved: number }>();
const sample: string[] = [];
let withSource = 0;
let groups = 0;
for (const article of articles) {
  const resolved = resolveSpeakers(article.text, article.attributions);
  groups += groupSpeakers(resolved).length;
  for (const attribution of resolved) {
    if (attribution.sources.length === 0) continue;
    withSource++;
    const type = attribution.speaker?.type ?? 'null';
    types.set(type, (types.get(type) ?? 0) + 1);
    const written = attribution.sources.map((span) => span.text).join(' ');
    const pronounClass = PRONOUNS[written.trim().toLowerCase()];
    if (pronounClass) {
      const row = pronouns.get(pronounClass) ?? { total: 0, named: 0, unresolved: 0 };
      row.total++;
      const speaker = attribution.speaker;
      if (!speaker || speaker.name.toLowerCase() === written.trim().toLowerCase()) row.unresolved++;
      else if (speaker.type !== 'unnamed') row.named++;
      pronouns.set(pronounClass, row);
    }
    if (random() < sampleSize / 2000 && sample.length < sampleSize) {
      const speaker = attribution.speaker;
      sample.push(`${JSON.stringify(written).slice(0, 70).padEnd(72)} → ${speaker ? `${speaker.type.padEnd(12)} ${speaker.name}${speaker.role ? ` | ${speaker.role}` : ''}${speaker.anonymous ? ' (anonymous)' : ''}` : 'null'}`);
    }
  }
}

console.log(`PolNeAR ${split}: ${articles.length} articles, ${withSource} attributions with a source, ${groups} speaker groups (${(groups / articles.length).toFixed(1)} per article)`);
console.log('\nspeaker type of attributions with a gold source:');
for (const [type, count] of [...types].sort((a, b) => b[1] - a[1])) console.log(`  ${type.padEnd(13)} ${String(count).padStart(5)}  ${((100 * count) / withSource).toFixed(1)}%`);

console.log('\npronoun sources → a named antecedent (person, organization or media):');
const labels: Record<string, string> = { m: 'he/him/his', f: 'she/her', pl: 'they/them/their', n: 'it/its', first: 'I/we (in quotes)', second: 'you', rel: 'who/which/that' };
let total = 0;
let named = 0;
for (const [pronounClass, row] of pronouns) {
  total += row.total;
  named += row.named;
  console.log(`  ${labels[pronounClass].padEnd(18)} ${String(row.total).padStart(4)}  named ${((100 * row.named) / row.total).toFixed(1)}%  unresolved ${row.unresolved}`);
}
console.log(`  all                ${String(total).padStart(4)}  named ${((100 * named) / total).toFixed(1)}%`);

console.log(`\nsample (${sample.length}):`);
for (const line of sample) console.log(`  ${line}`);

// Timing: warm up, then the median over articles of the best of 5 rounds each (resolve + group).
const perArticle: number[] = [];
for (let round = 0; round < 2; round++) for (const article of articles) groupSpeakers(resolveSpeakers(article.text, article.attributions));
for (const article of articles) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    groupSpeakers(resolveSpeakers(article.text, article.attributions));
    best = Math.min(best, performance.now() - start);
  }
  perArticle.push(best);
}
perArticle.sort((a, b) => a - b);
const median = perArticle[perArticle.length >> 1];
const p90 = perArticle[Math.floor(perArticle.length * 0.9)];
const chars = articles.reduce((sum, article) => sum + article.text.length, 0) / articles.length;
console.log(`\nresolveSpeakers + groupSpeakers: median ${median.toFixed(3)} ms, p90 ${p90.toFixed(3)} ms, max ${perArticle[perArticle.length - 1].toFixed(3)} ms per article (mean ${chars.toFixed(0)} chars, ${(withSource / articles.length).toFixed(1)} sourced attributions)`);

const distinctSources = articles.map((article) => [...new Set(article.attributions.flatMap((attribution) => attribution.sources.map((span) => span.text)))].join('\n\n'));
const tokenising: number[] = [];
for (let round = 0; round < 2; round++) for (const sources of distinctSources) nlp(sources);
for (const sources of distinctSources) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let words = 0;
    for (const sentence of nlp(sources).docs) words += sentence.length;
    best = Math.min(best, performance.now() - start + words * 0);
  }
  tokenising.push(best);
}
tokenising.sort((a, b) => a - b);
console.log(`for comparison, compromise/one tokenising the distinct source strings alone: median ${tokenising[tokenising.length >> 1].toFixed(3)} ms per article`);
