/**
 * Measures the classifiers of issue 4 (src/engine/passes/17-classify/) and the speakers step's source type:
 *   - certainty and source type against the hand-labelled set (docs/labelled-set/, PolNeAR dev), run on
 *     the gold spans of each item: accuracy, macro-F1, confusion matrix;
 *   - framing lexicon coverage of the split's cues;
 *   - calibration of `confidence` on the split's predictions: expected calibration error over ten
 *     equal-width bins, and a reliability diagram (docs/reliability.svg, written by train-classifiers);
 *   - time classify adds per article.
 *
 *   npm run eval                          (scripts/eval.ts calls evaluateClassifiers)
 *   npx tsx scripts/eval-classifiers.ts [--split dev|train]
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Attribution, Span, SourceType } from '../src/shared/attribution';
import { countDocument, isDirectQuotation, type GoldAttribution } from '../eval/metrics';
import { classify, cueLemma } from '../src/engine/passes/17-classify';
import { loadSplit, type PolnearArticle, type Split } from './polnear';

export const ROOT = path.resolve(__dirname, '..');
const LABELLED_SET = path.join(ROOT, 'docs', 'labelled-set', 'certainty-sourcetype.jsonl');
const LEXICON = path.join(ROOT, 'src', 'engine', 'passes', '17-classify', 'framing-lexicon.json');

export type Extract = (text: string) => Attribution[];
export type ResolveSpeakers = (text: string, attributions: Attribution[]) => Attribution[];

/** The first of a module's possible files that exists ("speakers.ts" or "speakers/index.ts"). */
function moduleFile(...candidates: string[]): string | null {
  for (const candidate of candidates) {
    const file = path.join(ROOT, 'src', 'engine', candidate);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

async function loadFunction<T>(name: string, candidates: string[], what: string): Promise<T | string> {
  const file = moduleFile(...candidates);
  if (!file) return `${what} not available (no src/engine/${candidates.join(' or ')})`;
  try {
    const module = (await import(file)) as Record<string, unknown>;
    return typeof module[name] === 'function' ? (module[name] as T) : `${path.relative(ROOT, file)} exports no ${name}()`;
  } catch (error) {
    return `${what} not available: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** The extractor, or why it is not there (another helper's file, written in parallel). */
export function loadExtract(): Promise<Extract | string> {
  return loadFunction<Extract>('extract', ['index.ts'], 'extractor');
}

/** The speakers step, or why it is not there. */
export function loadResolveSpeakers(): Promise<ResolveSpeakers | string> {
  return loadFunction<ResolveSpeakers>('resolveSpeakers', ['passes/16-speakers/index.ts'], 'speakers pass');
}

/** One prediction with the extractor's raw score and whether it is right under the who-said-what rule. */
export interface ScoredPrediction {
  attribution: Attribution;
  raw: number;
  right: boolean;
}

/**
 * Extracts every article and marks each prediction right when it alone matches a gold attribution under
 * metrics.ts's who-said-what rule (content Dice ≥ 0.5, cues overlap, sources overlap or both absent).
 * Scored one prediction at a time through countDocument, so it reuses the metric exactly; two
 * predictions of the same gold attribution are both right here, where the one-to-one F1 credits one.
 */
export function scorePredictions(articles: PolnearArticle[], extract: Extract, resolve: ResolveSpeakers | null): ScoredPrediction[] {
  const scored: ScoredPrediction[] = [];
  for (const article of articles) {
    let found = extract(article.text);
    if (resolve) found = resolve(article.text, found);
    for (const attribution of found) {
      const counts = countDocument(article.text, article.attributions, [attribution]);
      scored.push({ attribution, raw: attribution.confidence, right: counts.whoSaidWhat.predictedRight > 0 });
    }
  }
  return scored;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Ten equal-width bins of predicted probability; the last bin includes 1. */
export function reliabilityBins(points: Array<{ p: number; right: boolean }>, bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, k) => ({ from: k / bins, to: (k + 1) / bins, count: 0, meanConfidence: 0, accuracy: 0 }));
  for (const { p, right } of points) {
    const bin = out[Math.min(bins - 1, Math.floor(p * bins))];
    bin.count++;
    bin.meanConfidence += p;
    bin.accuracy += right ? 1 : 0;
  }
  for (const bin of out) {
    if (bin.count === 0) continue;
    bin.meanConfidence /= bin.count;
    bin.accuracy /= bin.count;
  }
  return out;
}

/** Expected calibration error: Σ over bins of (bin share) × |accuracy − mean confidence|. */
export function expectedCalibrationError(bins: ReliabilityBin[]): number {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return 0;
  return bins.reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.accuracy - bin.meanConfidence), 0);
}

/** A hand-written SVG reliability diagram: bars of accuracy per bin against the diagonal. */
export function reliabilitySvg(bins: ReliabilityBin[], title: string, ece: number): string {
  const size = 320;
  const margin = 48;
  const plot = size - 2 * margin + 20;
  const x = (v: number) => margin + v * plot;
  const y = (v: number) => margin - 10 + (1 - v) * plot;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${size + 40}" height="${size + 50}" viewBox="0 0 ${size + 40} ${size + 50}" font-family="sans-serif" font-size="11">`);
  parts.push(`<title>${title}</title>`);
  parts.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  parts.push(`<text x="${margin}" y="20" font-size="13" font-weight="bold">${title}</text>`);
  parts.push(`<text x="${margin}" y="34">ECE ${ece.toFixed(3)} over ${total} predictions, 10 equal-width bins</text>`);
  for (const bin of bins) {
    if (bin.count === 0) continue;
    const left = x(bin.from) + 1;
    const width = plot / bins.length - 2;
    parts.push(`<rect class="bin" x="${left.toFixed(1)}" y="${y(bin.accuracy).toFixed(1)}" width="${width.toFixed(1)}" height="${(y(0) - y(bin.accuracy)).toFixed(1)}" fill="#4a78b5" fill-opacity="${(0.35 + 0.65 * Math.min(1, bin.count / (total / 5))).toFixed(2)}"><title>${bin.from.toFixed(1)}–${bin.to.toFixed(1)}: ${bin.count} predictions, mean confidence ${bin.meanConfidence.toFixed(3)}, right ${bin.accuracy.toFixed(3)}</title></rect>`);
    parts.push(`<circle cx="${x(bin.meanConfidence).toFixed(1)}" cy="${y(bin.accuracy).toFixed(1)}" r="2.5" fill="#c0392b"/>`);
  }
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#888" stroke-dasharray="4 3"/>`);
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}" stroke="#000"/>`);
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}" stroke="#000"/>`);
  for (let k = 0; k <= 10; k += 2) {
    const v = k / 10;
    parts.push(`<text x="${x(v).toFixed(1)}" y="${(y(0) + 14).toFixed(1)}" text-anchor="middle">${v.toFixed(1)}</text>`);
    parts.push(`<text x="${(x(0) - 6).toFixed(1)}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  parts.push(`<text x="${x(0.5)}" y="${(y(0) + 30).toFixed(1)}" text-anchor="middle">predicted confidence</text>`);
  parts.push(`<text transform="translate(${(x(0) - 34).toFixed(1)} ${y(0.5).toFixed(1)}) rotate(-90)" text-anchor="middle">share right (who-said-what)</text>`);
  const legend = y(0) + 48;
  parts.push(`<rect x="${x(0)}" y="${legend - 9}" width="10" height="10" fill="#4a78b5"/><text x="${x(0) + 14}" y="${legend}">share right in the bin (darker = more predictions)</text>`);
  parts.push(`<circle cx="${x(0) + 5}" cy="${legend + 11}" r="2.5" fill="#c0392b"/><text x="${x(0) + 14}" y="${legend + 15}">at the bin's mean confidence; dashed: perfect calibration</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

// ---- labelled set ----

export interface LabelledItem {
  item: number;
  articleId: string;
  /** Index of the item's attribution in its article's PolNeAR `attributions`. */
  attributionIndex: number;
  cue: Span[];
  sources: Span[];
  contents: Span[];
  certainty: 'low' | 'medium' | 'high';
  sourceType: SourceType;
  anonymous: boolean;
}

export function loadLabelledSet(): LabelledItem[] {
  return fs.readFileSync(LABELLED_SET, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as LabelledItem);
}

/** The Attribution the engine would build from gold spans: one cue span from first to last cue piece. */
export function attributionFromGold(text: string, gold: GoldAttribution, id: string): Attribution {
  const cue = gold.cue.length
    ? (() => {
        const start = Math.min(...gold.cue.map((s) => s.start));
        const end = Math.max(...gold.cue.map((s) => s.end));
        return { start, end, text: text.slice(start, end) };
      })()
    : null;
  const kind = isDirectQuotation(gold) ? 'direct' : 'indirect';
  return { id, cue, sources: gold.sources, contents: gold.contents, kind, speaker: null, confidence: 1 };
}

/**
 * The speaker of each labelled item as the product finds it: the speakers pass run once per article on ALL
 * of the article's gold attributions together (so "they", "he", "I" in a quotation can reach a speaker an
 * earlier attribution names), then read at the item's attributionIndex. `alone` resolves each item by itself
 * (the shortcut these scripts used before round 8's harness change, kept for comparison).
 */
export function speakersInArticle<T extends LabelledItem & { attributionIndex: number }>(
  items: T[], articles: Map<string, PolnearArticle>, resolve: ResolveSpeakers, alone = false,
): Map<T, Attribution> {
  const out = new Map<T, Attribution>();
  const byArticle = new Map<string, T[]>();
  for (const item of items) {
    const list = byArticle.get(item.articleId);
    if (list) list.push(item); else byArticle.set(item.articleId, [item]);
  }
  for (const [articleId, group] of byArticle) {
    const article = articles.get(articleId);
    if (!article) throw new Error(`labelled item ${group[0].item}: article ${articleId} not in the split`);
    if (alone) {
      for (const item of group) out.set(item, resolve(article.text, [attributionFromGold(article.text, item, `l${item.item}`)])[0]);
      continue;
    }
    const built = resolve(article.text, article.attributions.map((gold, k) => attributionFromGold(article.text, gold, `g${k}`)));
    for (const item of group) {
      const resolved = built[item.attributionIndex];
      const gold = article.attributions[item.attributionIndex];
      if (!resolved || !gold || gold.sources.map((s) => s.start).join() !== item.sources.map((s) => s.start).join()) {
        throw new Error(`labelled item ${item.item}: attribution ${item.attributionIndex} of ${articleId} is not the labelled one`);
      }
      out.set(item, resolved);
    }
  }
  return out;
}

interface Agreement {
  accuracy: number;
  macroF1: number;
  labels: string[];
  /** confusion[gold][predicted] */
  confusion: Record<string, Record<string, number>>;
}

export function agreement(pairs: Array<[string, string]>, labels: string[]): Agreement {
  const confusion: Record<string, Record<string, number>> = {};
  for (const gold of labels) confusion[gold] = Object.fromEntries(labels.map((label) => [label, 0]));
  let right = 0;
  for (const [gold, predicted] of pairs) {
    confusion[gold][predicted] = (confusion[gold][predicted] ?? 0) + 1;
    if (gold === predicted) right++;
  }
  const f1s = labels.map((label) => {
    const truePositive = confusion[label][label];
    const predicted = labels.reduce((sum, gold) => sum + (confusion[gold][label] ?? 0), 0);
    const actual = labels.reduce((sum, other) => sum + confusion[label][other], 0);
    const precision = predicted ? truePositive / predicted : 0;
    const recall = actual ? truePositive / actual : 0;
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  });
  return { accuracy: pairs.length ? right / pairs.length : 0, macroF1: f1s.reduce((a, b) => a + b, 0) / labels.length, labels, confusion };
}

function confusionTable(result: Agreement): string {
  const header = `| gold \\ predicted | ${result.labels.join(' | ')} |`;
  const rule = `|---|${result.labels.map(() => '---:').join('|')}|`;
  const rows = result.labels.map((gold) => `| ${gold} | ${result.labels.map((predicted) => result.confusion[gold][predicted]).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

const CERTAINTY_LABELS = ['low', 'medium', 'high'];
const SOURCE_TYPES = ['person', 'organization', 'media', 'unnamed'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Framing coverage of one split's cues: share of cue occurrences whose lemma the lexicon classes. */
export function framingCoverage(articles: PolnearArticle[]): { tokens: number; covered: number; nonNeutral: number } {
  const classes = (JSON.parse(fs.readFileSync(LEXICON, 'utf8')) as { classes: Record<string, string> }).classes;
  let tokens = 0;
  let covered = 0;
  let nonNeutral = 0;
  for (const article of articles) {
    for (const gold of article.attributions) {
      if (!gold.cue.length) continue;
      tokens++;
      const lemma = cueLemma(gold.cue.map((span) => span.text).join(' '));
      const framing = classes[lemma];
      if (framing !== undefined) covered++;
      if (framing !== undefined && framing !== 'neutral') nonNeutral++;
    }
  }
  return { tokens, covered, nonNeutral };
}

const pct = (part: number, whole: number) => (whole ? ((100 * part) / whole).toFixed(1) + '%' : 'n/a');

export async function evaluateClassifiers(opts: { split: 'dev' | 'train' }): Promise<string> {
  const lines: string[] = ['## Classifiers (issue 4)', ''];
  const resolve = await loadResolveSpeakers();
  const extract = await loadExtract();

  // Labelled set: always PolNeAR dev, whatever split the rest reports.
  const items = loadLabelledSet();
  const dev = new Map(loadSplit('dev').map((article) => [article.id, article]));
  const certaintyPairs: Array<[string, string]> = [];
  const sourcePairs: Array<[string, string]> = [];
  const anonymousPairs: Array<[string, string]> = [];
  // Source type as it runs: the speakers pass on all of each article's gold attributions (speakersInArticle);
  // certainty stays measured as before, on the item's attribution resolved alone.
  const inArticle = typeof resolve === 'function' ? speakersInArticle(items, dev, resolve) : null;
  for (const item of items) {
    const article = dev.get(item.articleId);
    if (!article) throw new Error(`labelled item ${item.item}: article ${item.articleId} not in dev`);
    let built = [attributionFromGold(article.text, item, `l${item.item}`)];
    if (typeof resolve === 'function') built = resolve(article.text, built);
    const [classified] = classify(article.text, built);
    certaintyPairs.push([item.certainty, classified.certainty!.label]);
    if (typeof resolve === 'function') {
      const speaker = inArticle!.get(item)!.speaker;
      sourcePairs.push([item.sourceType, speaker?.type ?? 'unnamed']);
      anonymousPairs.push([String(item.anonymous), String(speaker ? speaker.anonymous === true : true)]);
    }
  }
  const certainty = agreement(certaintyPairs, CERTAINTY_LABELS);
  lines.push(`Labelled set: ${items.length} PolNeAR dev attributions (docs/labelled-set/), classifiers run on the gold spans.`);
  lines.push('');
  lines.push(`Certainty: accuracy ${certainty.accuracy.toFixed(3)}, macro-F1 ${certainty.macroF1.toFixed(3)}`);
  lines.push('');
  lines.push(confusionTable(certainty));
  lines.push('');
  if (typeof resolve === 'function') {
    const source = agreement(sourcePairs, SOURCE_TYPES);
    const anonymous = agreement(anonymousPairs, ['true', 'false']);
    lines.push(`Source type (speakers step, all of the article's gold attributions resolved together): accuracy ${source.accuracy.toFixed(3)}, macro-F1 ${source.macroF1.toFixed(3)}; anonymous: accuracy ${anonymous.accuracy.toFixed(3)}`);
    lines.push('');
    lines.push(confusionTable(source));
  } else {
    lines.push(`Source type: unavailable (${resolve})`);
  }
  lines.push('');

  // Framing coverage on the split.
  const articles = loadSplit(opts.split);
  const coverage = framingCoverage(articles);
  lines.push(`Framing lexicon on ${opts.split} cues: ${pct(coverage.covered, coverage.tokens)} of ${coverage.tokens} cue occurrences have a classed lemma; ${pct(coverage.nonNeutral, coverage.tokens)} are non-neutral.`);
  lines.push('');

  // Calibration and time on the split's predictions.
  if (typeof extract !== 'function') {
    lines.push(`Calibration: not measured (${extract})`);
    return lines.join('\n');
  }
  const resolveFn = typeof resolve === 'function' ? resolve : null;
  try {
    lines.push(...calibrationReport(opts.split, articles, extract, resolveFn));
  } catch (error) {
    lines.push(`Calibration: not measured (the extractor threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  return lines.join('\n');
}

function calibrationReport(split: Split, articles: PolnearArticle[], extract: Extract, resolveFn: ResolveSpeakers | null): string[] {
  const lines: string[] = [];
  const scored = scorePredictions(articles, extract, resolveFn);
  const points: Array<{ p: number; right: boolean }> = [];
  const extractMs: number[] = [];
  const classifyMs: number[] = [];
  let k = 0;
  for (const article of articles) {
    const started = performance.now();
    let found = extract(article.text);
    if (resolveFn) found = resolveFn(article.text, found);
    const extracted = performance.now();
    const classified = classify(article.text, found);
    classifyMs.push(performance.now() - extracted);
    extractMs.push(extracted - started);
    for (const attribution of classified) points.push({ p: attribution.confidence, right: scored[k++].right });
  }
  const bins = reliabilityBins(points);
  const ece = expectedCalibrationError(bins);
  const rawEce = expectedCalibrationError(reliabilityBins(scored.map((s) => ({ p: s.raw, right: s.right }))));
  lines.push(`Calibration on ${split}: ECE ${ece.toFixed(3)} (10 equal-width bins, ${points.length} predictions, ${pct(points.filter((p) => p.right).length, points.length)} right); the raw extractor score's ECE is ${rawEce.toFixed(3)}.`);
  lines.push('');
  lines.push('| bin | predictions | mean confidence | share right |');
  lines.push('|---|---:|---:|---:|');
  for (const bin of bins) if (bin.count) lines.push(`| ${bin.from.toFixed(1)}–${bin.to.toFixed(1)} | ${bin.count} | ${bin.meanConfidence.toFixed(3)} | ${bin.accuracy.toFixed(3)} |`);
  lines.push('');
  const extractMedian = median(extractMs);
  const classifyMedian = median(classifyMs);
  lines.push(`Time per article (${split}, median of ${articles.length}): extract${resolveFn ? ' + speakers' : ''} ${extractMedian.toFixed(2)} ms, classify ${classifyMedian.toFixed(3)} ms (+${pct(classifyMedian, extractMedian)}).`);
  return lines;
}

if (require.main === module) {
  const index = process.argv.indexOf('--split');
  const split: Split = index >= 0 && process.argv[index + 1] === 'train' ? 'train' : 'dev';
  evaluateClassifiers({ split })
    .then((report) => console.log(report))
    .catch((error) => {
      console.error(`eval-classifiers: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    });
}
