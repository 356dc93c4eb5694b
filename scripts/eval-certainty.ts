/**
 * The speaker's certainty on every labelled set at once, to write and check certainty rules:
 *   - docs/labelled-set/certainty-sourcetype.jsonl (PolNeAR dev) and, when present, certainty-train.jsonl
 *     (PolNeAR train): the classify pass run on the gold spans;
 *   - the shared pages' labelled items (npm run eval:pages), by set of pages.
 * `npm run eval:certainty` (`-- --list` adds the certainty disagreements of the train set's odd items, where rules are
 * written; its even items and dev are the checks: `--list-even` prints those too, once a rule is settled).
 * Each labelled set also gets a source-type line (the speakers pass's `speaker.type` and `speaker.anonymous`,
 * scored as scripts/eval-classifiers.ts scores them); `-- --list-source` lists the source-type and anonymity
 * disagreements of the train set only (dev is the check: its items are not listed).
 * The source-type lines measure what runs: the speakers pass sees ALL of the article's PolNeAR gold
 * attributions together (speakersInArticle), as at run time, and the labelled one is scored. `-- --alone`
 * prints instead the older figure, each item's attribution resolved by itself. The certainty lines are
 * unchanged: the classify pass runs on the item's attribution resolved alone, as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Attribution } from '../src/shared/attribution';
import { certaintyLevel } from '../src/shared/words';
import { classify } from '../src/engine/passes/17-classify';
import { resolveSpeakers } from '../src/engine/passes/16-speakers';
import { agreement, attributionFromGold, speakersInArticle, type LabelledItem } from './eval-classifiers';
import { loadSplit, type Split } from './polnear';
import { evaluatePages } from './eval-pages';

const LABELLED = path.resolve(__dirname, '..', 'docs', 'labelled-set');
const LABELS = ['high', 'medium', 'low'];
const SOURCE_TYPES = ['person', 'organization', 'media', 'unnamed'];
const SETS: Array<{ name: string; file: string; split: Split }> = [
  { name: 'PolNeAR dev (labelled set)', file: 'certainty-sourcetype.jsonl', split: 'dev' },
  { name: 'PolNeAR train (labelled set)', file: 'certainty-train.jsonl', split: 'train' },
];

interface Judged { item: LabelledItem & { stratum?: string }; attribution: Attribution }
/** The speakers pass alone on the gold spans: source type does not wait on the classify pass. */
interface Resolved { item: LabelledItem & { stratum?: string }; speaker: Attribution['speaker'] }

function resolveAll(file: string, split: Split, alone: boolean): Array<{ item: LabelledItem; text: string; built: Attribution[]; speaker: Attribution['speaker'] }> {
  const items = fs.readFileSync(path.join(LABELLED, file), 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as LabelledItem);
  const articles = new Map(loadSplit(split).map((article) => [article.id, article]));
  // The figure printed: each article resolved once with all its gold attributions (or alone, with --alone).
  const speakers = speakersInArticle(items, articles, resolveSpeakers, alone);
  return items.map((item) => {
    const article = articles.get(item.articleId);
    if (!article) throw new Error(`${file} item ${item.item}: article ${item.articleId} not in ${split}`);
    return { item, text: article.text, built: resolveSpeakers(article.text, [attributionFromGold(article.text, item, `l${item.item}`)]), speaker: speakers.get(item)!.speaker };
  });
}

function line(name: string, judged: Judged[]): string {
  const pairs = judged.map(({ item, attribution }) => [item.certainty, attribution.certainty!.label] as [string, string]);
  const scores = agreement(pairs, LABELS);
  // What the panel calls Hedged or Speculated: words holding no claim (a topic, a wish) it shows as "No claim" or "A wish".
  const hedged = judged.filter(({ attribution }) => ['medium', 'low'].includes(certaintyLevel(attribution.certainty!)))
    .map(({ item, attribution }) => [item.certainty, attribution.certainty!.label] as [string, string]);
  const hedgedRight = hedged.filter(([gold, predicted]) => gold === predicted).length;
  const confusion = LABELS.map((gold) => `${gold}→${LABELS.map((predicted) => scores.confusion[gold][predicted]).join('/')}`).join(' ');
  return `${name.padEnd(36)} n ${String(pairs.length).padStart(3)}  accuracy ${scores.accuracy.toFixed(3)}  macro-F1 ${scores.macroF1.toFixed(3)}  Hedged/Speculated right ${hedged.length ? (hedgedRight / hedged.length).toFixed(3) : '  -  '} (${hedgedRight}/${hedged.length})  gold→high/medium/low ${confusion}`;
}

/** Source type and anonymity as eval-classifiers.ts scores them: no speaker is unnamed and anonymous. */
function sourceLine(name: string, judged: Resolved[]): string {
  const types = agreement(judged.map(({ item, speaker }) => [item.sourceType, speaker?.type ?? 'unnamed'] as [string, string]), SOURCE_TYPES);
  const anonymous = agreement(judged.map(({ item, speaker }) => [String(item.anonymous), String(speaker ? speaker.anonymous === true : true)] as [string, string]), ['true', 'false']);
  const confusion = SOURCE_TYPES.map((gold) => `${gold.slice(0, 3)}→${SOURCE_TYPES.map((predicted) => types.confusion[gold][predicted]).join('/')}`).join(' ');
  return `${`${name} source type`.padEnd(44)} n ${String(judged.length).padStart(3)}  accuracy ${types.accuracy.toFixed(3)}  macro-F1 ${types.macroF1.toFixed(3)}  anonymous accuracy ${anonymous.accuracy.toFixed(3)}  gold→per/org/med/unn ${confusion}`;
}

/** Certainty macro-F1 and Hedged/Speculated right on one labelled PolNeAR set (the floors in tests/scripts). */
export function labelledCertainty(split: Split, half?: 'odd' | 'even'): { macroF1: number; hedgedRight: number; hedgedShown: number } {
  const set = SETS.find((candidate) => candidate.split === split)!;
  const judged = resolveAll(set.file, set.split, false)
    .filter(({ item }) => !half || item.item % 2 === (half === 'odd' ? 1 : 0))
    .map(({ item, text, built }) => ({ item, attribution: classify(text, built)[0] }));
  const scores = agreement(judged.map(({ item, attribution }) => [item.certainty, attribution.certainty!.label] as [string, string]), LABELS);
  const hedged = judged.filter(({ attribution }) => ['medium', 'low'].includes(certaintyLevel(attribution.certainty!)));
  return { macroF1: scores.macroF1, hedgedRight: hedged.filter(({ item, attribution }) => item.certainty === attribution.certainty!.label).length, hedgedShown: hedged.length };
}

function main(): void {
  const argv = process.argv.slice(2);
  const list = argv.includes('--list');
  const listSource = argv.includes('--list-source');
  for (const set of SETS) {
    if (!fs.existsSync(path.join(LABELLED, set.file))) continue;
    const resolved = resolveAll(set.file, set.split, argv.includes('--alone'));
    const strata = [...new Set(resolved.map(({ item }) => (item as Judged['item']).stratum).filter(Boolean))] as string[];
    let judged: Judged[] | null = null;
    try {
      judged = resolved.map(({ item, text, built }) => ({ item, attribution: classify(text, built)[0] }));
    } catch (error) {
      console.log(`${set.name}: certainty not measured (the classify pass threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    if (judged) {
      console.log(line(set.name, judged));
      for (const stratum of strata) console.log(line(`  stratum ${stratum}`, judged.filter(({ item }) => item.stratum === stratum)));
      // Train's halves (round 9): rules are written from the odd items' disagreements and kept only if the even ones agree.
      if (set.split === 'train') {
        console.log(line('  odd items (rules are read here)', judged.filter(({ item }) => item.item % 2 === 1)));
        console.log(line('  even items (the check)', judged.filter(({ item }) => item.item % 2 === 0)));
      }
    }
    const speakers: Resolved[] = resolved.map(({ item, speaker }) => ({ item, speaker }));
    console.log(sourceLine(set.name, speakers));
    for (const stratum of strata) console.log(sourceLine(`  stratum ${stratum}`, speakers.filter(({ item }) => item.stratum === stratum)));
    if (listSource && set.split === 'train') {
      for (const { item, speaker } of speakers) {
        const type = speaker?.type ?? 'unnamed';
        const anonymous = speaker ? speaker.anonymous === true : true;
        if (item.sourceType === type && item.anonymous === anonymous) continue;
        console.log(`    #${item.item} ${type}/${anonymous ? 'anon' : 'named'} (reader: ${item.sourceType}/${item.anonymous ? 'anon' : 'named'}) source "${item.sources.map((s) => s.text).join(' ')}" → ${speaker?.name ?? '(none)'}`);
      }
    }
    if (list && judged && set.split === 'train') {
      for (const { item, attribution } of judged) {
        if (item.item % 2 === 0 && !argv.includes('--list-even')) continue;
        if (item.certainty === attribution.certainty!.label) continue;
        const content = item.contents.map((span) => span.text).join(' … ').replace(/\s+/g, ' ');
        console.log(`    #${item.item} ${attribution.certainty!.label} (reader: ${item.certainty}) [${attribution.certainty!.evidence.join('; ')}] ${item.cue.map((s) => s.text).join(' ')} | ${content.slice(0, 160)}`);
      }
    }
  }
  let report: ReturnType<typeof evaluatePages>;
  try {
    report = evaluatePages();
  } catch (error) {
    console.log(`shared pages: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return;
  }
  for (const [set, score] of Object.entries(report.sets)) {
    const { certainty } = score;
    console.log(`${`shared pages, ${set}`.padEnd(36)} n ${String(certainty.items).padStart(3)}  macro-F1 ${certainty.macroF1.toFixed(3)}  Hedged/Speculated right ${certainty.hedgedPrecision.toFixed(3)} (${certainty.hedgedRight}/${certainty.hedgedJudged})  ${LABELS.map((label) => `${label} P ${certainty.labels[label].precision.toFixed(2)} R ${certainty.labels[label].recall.toFixed(2)}`).join('  ')}`);
  }
}

if (require.main === module) main();
