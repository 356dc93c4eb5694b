/**
 * The speaker's certainty on every labelled set at once, to write and check certainty rules:
 *   - docs/labelled-set/certainty-sourcetype.jsonl (PolNeAR dev) and, when present, certainty-train.jsonl
 *     (PolNeAR train): the classify pass run on the gold spans;
 *   - the shared pages' labelled items (npm run eval:pages), by set of pages.
 * `npm run eval:certainty` (`-- --list` adds every disagreement on the labelled sets, `-- --set NAME` only one).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Attribution } from '../src/shared/attribution';
import { classify } from '../src/engine/passes/17-classify';
import { resolveSpeakers } from '../src/engine/passes/16-speakers';
import { agreement, attributionFromGold, type LabelledItem } from './eval-classifiers';
import { loadSplit, type Split } from './polnear';
import { evaluatePages } from './eval-pages';

const LABELLED = path.resolve(__dirname, '..', 'docs', 'labelled-set');
const LABELS = ['high', 'medium', 'low'];
const SETS: Array<{ name: string; file: string; split: Split }> = [
  { name: 'PolNeAR dev (labelled set)', file: 'certainty-sourcetype.jsonl', split: 'dev' },
  { name: 'PolNeAR train (labelled set)', file: 'certainty-train.jsonl', split: 'train' },
];

interface Judged { item: LabelledItem & { stratum?: string }; attribution: Attribution }

function judge(file: string, split: Split): Judged[] {
  const items = fs.readFileSync(path.join(LABELLED, file), 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as LabelledItem);
  const articles = new Map(loadSplit(split).map((article) => [article.id, article]));
  return items.map((item) => {
    const article = articles.get(item.articleId);
    if (!article) throw new Error(`${file} item ${item.item}: article ${item.articleId} not in ${split}`);
    const built = resolveSpeakers(article.text, [attributionFromGold(article.text, item, `l${item.item}`)]);
    return { item, attribution: classify(article.text, built)[0] };
  });
}

function line(name: string, judged: Judged[]): string {
  const pairs = judged.map(({ item, attribution }) => [item.certainty, attribution.certainty!.label] as [string, string]);
  const scores = agreement(pairs, LABELS);
  const hedged = pairs.filter(([, predicted]) => predicted !== 'high');
  const hedgedRight = hedged.filter(([gold, predicted]) => gold === predicted).length;
  const confusion = LABELS.map((gold) => `${gold}→${LABELS.map((predicted) => scores.confusion[gold][predicted]).join('/')}`).join(' ');
  return `${name.padEnd(36)} n ${String(pairs.length).padStart(3)}  accuracy ${scores.accuracy.toFixed(3)}  macro-F1 ${scores.macroF1.toFixed(3)}  Hedged/Speculated right ${hedged.length ? (hedgedRight / hedged.length).toFixed(3) : '  -  '} (${hedgedRight}/${hedged.length})  gold→high/medium/low ${confusion}`;
}

function main(): void {
  const argv = process.argv.slice(2);
  const list = argv.includes('--list');
  for (const set of SETS) {
    if (!fs.existsSync(path.join(LABELLED, set.file))) continue;
    const judged = judge(set.file, set.split);
    console.log(line(set.name, judged));
    const strata = [...new Set(judged.map(({ item }) => item.stratum).filter(Boolean))] as string[];
    for (const stratum of strata) console.log(line(`  stratum ${stratum}`, judged.filter(({ item }) => item.stratum === stratum)));
    if (list) {
      for (const { item, attribution } of judged) {
        if (item.certainty === attribution.certainty!.label) continue;
        const content = item.contents.map((span) => span.text).join(' … ').replace(/\s+/g, ' ');
        console.log(`    #${item.item} ${attribution.certainty!.label} (reader: ${item.certainty}) [${attribution.certainty!.evidence.join('; ')}] ${item.cue.map((s) => s.text).join(' ')} | ${content.slice(0, 160)}`);
      }
    }
  }
  const report = evaluatePages();
  for (const [set, score] of Object.entries(report.sets)) {
    const { certainty } = score;
    console.log(`${`shared pages, ${set}`.padEnd(36)} n ${String(certainty.items).padStart(3)}  macro-F1 ${certainty.macroF1.toFixed(3)}  Hedged/Speculated right ${certainty.hedgedPrecision.toFixed(3)} (${certainty.hedgedRight}/${certainty.hedgedJudged})  ${LABELS.map((label) => `${label} P ${certainty.labels[label].precision.toFixed(2)} R ${certainty.labels[label].recall.toFixed(2)}`).join('  ')}`);
  }
}

main();
