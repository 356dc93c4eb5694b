/**
 * Trains the attribution extractor on PolNeAR and writes src/engine/tagger/weights.json.
 *   npm run train                           (all of ../shared/data/polnear/train.jsonl)
 *   tsx scripts/train.ts --limit 20 --out /tmp/w.json   (a slice, for the determinism test)
 * Deterministic: documents in file order, features interned in the order met, fixed-seed shuffles, fixed
 * epochs, rounded weights; two runs write byte-identical files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tokenize, type Token, type Tokenized } from '../src/engine/core/tokens';
import { cueFeatures, roleFeatures, roleWindow, cueLemma } from '../src/engine/tagger/features';
import { PerceptronTrainer, bioMask, type Instance } from '../src/engine/tagger/perceptron';
import { CUE_LABELS, ROLE_LABELS, packModel, type ExtractorModel } from '../src/engine/tagger/model';

interface GoldSpan { start: number; end: number; text: string }
interface GoldAttribution { cue: GoldSpan[]; sources: GoldSpan[]; contents: GoldSpan[] }
interface Article { id: string; text: string; attributions: GoldAttribution[] }

const ROOT = path.resolve(__dirname, '..');
const CUE_EPOCHS = 12;
const ROLE_EPOCHS = 12;
const SEED = 20160101;
/**
 * Features whose scaled weights (largest 100) all stay below these are dropped: keeps the file under 2 MB
 * at a cost of under 0.01 F1 (measured on dev).
 */
const CUE_PRUNE = 6;
const ROLE_PRUNE = 3;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Token indices lying inside a character span. */
function tokensIn(tokens: Token[], span: GoldSpan): number[] {
  const out: number[] = [];
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].end <= span.start) low = mid + 1; else high = mid;
  }
  for (let i = low; i < tokens.length && tokens[i].start < span.end; i++) {
    if (tokens[i].start >= span.start && tokens[i].end <= span.end) out.push(i);
  }
  return out;
}

interface WordCounts { seen: Map<string, number>; asCue: Map<string, number> }

function countWords(tokenized: Tokenized, article: Article): WordCounts {
  const seen = new Map<string, number>();
  const asCue = new Map<string, number>();
  const cueTokens = new Set<number>();
  for (const attribution of article.attributions) for (const span of attribution.cue) for (const i of tokensIn(tokenized.tokens, span)) cueTokens.add(i);
  tokenized.tokens.forEach((token, i) => {
    if (token.isPunct && token.text !== ':') return;
    seen.set(token.lower, (seen.get(token.lower) ?? 0) + 1);
    if (cueTokens.has(i)) asCue.set(token.lower, (asCue.get(token.lower) ?? 0) + 1);
  });
  return { seen, asCue };
}

/**
 * Cue likelihood per word, from all documents but `leftOut`: training features use the lexicon without
 * their own document (leave-one-out), so the tagger learns to trust it as much as it deserves on new text.
 */
function buildLexicon(total: WordCounts, leftOut?: WordCounts): Record<string, number> {
  const lexicon: Record<string, number> = {};
  for (const word of [...total.asCue.keys()].sort()) {
    const count = total.asCue.get(word)! - (leftOut?.asCue.get(word) ?? 0);
    if (count < 2) continue;
    const seen = total.seen.get(word)! - (leftOut?.seen.get(word) ?? 0);
    lexicon[word] = Number((count / (seen + 1)).toFixed(3));
  }
  return lexicon;
}

function main(): void {
  const started = Date.now();
  const limit = Number(option('--limit') ?? Infinity);
  const out = option('--out') ?? path.join(ROOT, 'src', 'engine', 'tagger', 'weights.json');
  const source = path.resolve(ROOT, '..', 'shared', 'data', 'polnear', 'train.jsonl');
  const articles: Article[] = fs.readFileSync(source, 'utf8').split('\n').filter((line) => line.trim()).slice(0, limit).map((line) => JSON.parse(line));
  const documents = articles.map((article) => ({ article, tokenized: tokenize(article.text) }));
  const perDocument = documents.map(({ tokenized, article }) => countWords(tokenized, article));
  const total: WordCounts = { seen: new Map(), asCue: new Map() };
  for (const counts of perDocument) {
    for (const [word, n] of counts.seen) total.seen.set(word, (total.seen.get(word) ?? 0) + n);
    for (const [word, n] of counts.asCue) total.asCue.set(word, (total.asCue.get(word) ?? 0) + n);
  }
  const lexicon = buildLexicon(total);
  const log = (message: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
  log(`${articles.length} articles tokenized, lexicon ${Object.keys(lexicon).length} words`);

  const cueTrainer = new PerceptronTrainer(CUE_LABELS, bioMask(CUE_LABELS));
  const roleTrainer = new PerceptronTrainer(ROLE_LABELS, bioMask(ROLE_LABELS));
  const cueInstances: Instance[] = [];
  const roleInstances: Instance[] = [];
  documents.forEach(({ article, tokenized }, documentIndex) => {
    const { tokens, paragraphs, sentences } = tokenized;
    const ownLexicon = buildLexicon(total, perDocument[documentIndex]);
    const cueLabel = new Int32Array(tokens.length);
    const cueRanges: Array<[number, number]> = [];
    for (const attribution of article.attributions) {
      for (const span of attribution.cue) {
        const inside = tokensIn(tokens, span);
        if (!inside.length) continue;
        inside.forEach((i, k) => { cueLabel[i] = k === 0 ? 1 : 2; });
        cueRanges.push([inside[0], inside[inside.length - 1] + 1]);
      }
    }
    for (const [from, to] of paragraphs) {
      cueInstances.push({ features: cueTrainer.intern(cueFeatures(tokens, from, to, ownLexicon, sentences)), gold: cueLabel.slice(from, to) });
    }
    for (const attribution of article.attributions) {
      if (attribution.cue.length !== 1) continue;
      const cue = tokensIn(tokens, attribution.cue[0]);
      if (!cue.length) continue;
      const start = cue[0];
      const end = cue[cue.length - 1] + 1;
      const [from, to] = roleWindow(tokens, sentences, paragraphs, start);
      const otherCue = new Set<number>();
      for (const [s, e] of cueRanges) if (s !== start) for (let i = s; i < e; i++) if (i < start || i >= end) otherCue.add(i);
      const gold = new Int32Array(to - from);
      const mark = (spans: GoldSpan[], begin: number, inside: number): void => {
        for (const span of spans) {
          tokensIn(tokens, span).forEach((i, k) => {
            if (i >= from && i < to && (i < start || i >= end)) gold[i - from] = k === 0 || i === from ? begin : inside;
          });
        }
      };
      mark(attribution.contents, 3, 4);
      mark(attribution.sources, 1, 2);
      // Repair BIO where a span was clipped by the cue or the window.
      for (let k = 0; k < gold.length; k++) {
        if ((gold[k] === 2 || gold[k] === 4) && (k === 0 || (gold[k - 1] !== gold[k] && gold[k - 1] !== gold[k] - 1))) gold[k] -= 1;
      }
      const context = { start, end, lemma: cueLemma(tokens, start, end), otherCue };
      roleInstances.push({ features: roleTrainer.intern(roleFeatures(tokens, from, to, context, ownLexicon, sentences)), gold });
    }
  });
  log(`cue: ${cueInstances.length} paragraphs, ${cueTrainer.featureCount} features; role: ${roleInstances.length} cues, ${roleTrainer.featureCount} features`);
  cueTrainer.train(cueInstances, CUE_EPOCHS, SEED, (m) => log('cue ' + m));
  roleTrainer.train(roleInstances, ROLE_EPOCHS, SEED + 1, (m) => log('role ' + m));
  const model: ExtractorModel = {
    trainedOn: `PolNeAR train.jsonl, ${articles.length} articles; cue ${CUE_EPOCHS} epochs, role ${ROLE_EPOCHS} epochs, seed ${SEED}`,
    lexicon,
    cue: cueTrainer.export(CUE_PRUNE, 0),
    role: roleTrainer.export(ROLE_PRUNE, 0),
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(packModel(model)) + '\n');
  log(`wrote ${out}: ${(fs.statSync(out).size / 1024).toFixed(0)} KB, cue ${model.cue.features.length} and role ${model.role.features.length} features kept`);
}

main();
