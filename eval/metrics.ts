/**
 * Accuracy of predicted attributions against PolNeAR gold, scored the way Citron (BBC R&D,
 * citron/metrics.py) reports it, plus three whole-attribution scores. Pure: no I/O.
 *
 * Counts are kept per document and summed (micro-average), as Citron does; scores come from the sums.
 * A ratio with a zero denominator is 0, as in Citron: nothing predicted earns no precision, nothing to
 * find earns no recall.
 *
 * Word tokens are runs of letters or digits (with inner apostrophes, hyphens and dots: "don't",
 * "U.S.", "al-Baghdadi"); punctuation and quotation marks are not tokens, so a span that does or does
 * not include its closing quotation mark or full stop has the same tokens. A token belongs to a span
 * when their character ranges intersect.
 *
 * Definitions (P = precision, R = recall, F1 = their harmonic mean):
 *
 * - cue exact: a predicted cue is right when some gold attribution has exactly that cue span set
 *   (same start and end). P = right predicted cues / predicted cues; R = gold cues equalled by some
 *   predicted cue / gold cues. As in Citron this is not one-to-one. A prediction with a null cue (a
 *   follow-on quotation) makes no cue claim and is left out of the cue scores only.
 * - source exact: a prediction is right when some gold attribution has an overlapping cue and the
 *   identical source span set (both empty counts as identical); R symmetric over gold. Citron's rule.
 * - content exact: the same with the content span set.
 * - cue / source / content overlap: partial credit by shared word tokens. P = Σ over predictions of
 *   its tokens of that element that lie in any gold span of that element / Σ its tokens; R = Σ over
 *   gold of its tokens that lie in any predicted span of that element / Σ its tokens. Citron sums the
 *   overlap of every predicted–gold pair instead, which counts a span shared by two gold attributions
 *   ("He said X and added Y") twice and can exceed 1; counting each token once per attribution keeps
 *   the score in [0, 1] with the same meaning.
 * - attribution: a prediction matches a gold attribution when their contents' token sets have
 *   Dice ≥ 0.5 (2|A∩B| / (|A|+|B|)) and their cues overlap by at least one character. Matching is
 *   one-to-one, greedy by Dice (highest first, then text order). P = matched / predictions,
 *   R = matched / gold.
 * - who-said-what: as attribution, and also their sources overlap by at least one character, or both
 *   have no source. Matched on its own (the stricter rule may pair differently).
 * - direct quotations: among gold attributions whose content opens with a quotation mark, the share
 *   that the who-said-what matching pairs with a prediction (found, with the right source).
 */
import type { Attribution, Span } from '../src/shared/attribution';

/** One PolNeAR attribution: every element is a list of spans (cue usually one). */
export interface GoldAttribution {
  cue: Span[];
  sources: Span[];
  contents: Span[];
}

export interface PrfCounts {
  /** Predictions credited (exact/matching) or predicted tokens in gold (overlap). */
  predictedRight: number;
  predicted: number;
  /** Gold items found (exact/matching) or gold tokens in predictions (overlap). */
  goldFound: number;
  gold: number;
}

export type ElementName = 'cue' | 'source' | 'content';

export interface DocumentCounts {
  exact: Record<ElementName, PrfCounts>;
  overlap: Record<ElementName, PrfCounts>;
  attribution: PrfCounts;
  whoSaidWhat: PrfCounts;
  directQuotes: { found: number; total: number };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  exact: Record<ElementName, Prf>;
  overlap: Record<ElementName, Prf>;
  attribution: Prf;
  whoSaidWhat: Prf;
  /** Share of gold direct quotations found with the right source; 0 when there are none. */
  directQuoteRecall: number;
  counts: DocumentCounts;
}

const ELEMENTS: ElementName[] = ['cue', 'source', 'content'];
const QUOTATION_MARK = /^["“”„«»‘’'‹›「『]/;
const WORD = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu;

const zeroPrf = (): PrfCounts => ({ predictedRight: 0, predicted: 0, goldFound: 0, gold: 0 });

export function emptyCounts(): DocumentCounts {
  return {
    exact: { cue: zeroPrf(), source: zeroPrf(), content: zeroPrf() },
    overlap: { cue: zeroPrf(), source: zeroPrf(), content: zeroPrf() },
    attribution: zeroPrf(),
    whoSaidWhat: zeroPrf(),
    directQuotes: { found: 0, total: 0 },
  };
}

/** The spans of one element of an attribution, gold or predicted, in one shape. */
interface Spans {
  cue: Span[];
  source: Span[];
  content: Span[];
}

function ofGold(gold: GoldAttribution): Spans {
  return { cue: gold.cue, source: gold.sources, content: gold.contents };
}

function ofPredicted(predicted: Attribution): Spans {
  return { cue: predicted.cue ? [predicted.cue] : [], source: predicted.sources, content: predicted.contents };
}

/** Word-token start offsets of a text, sorted, so a span's tokens are found by binary search. */
class Tokens {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string) {
    for (const match of text.matchAll(WORD)) {
      this.starts.push(match.index!);
      this.ends.push(match.index! + match[0].length);
    }
  }

  /** Indices of the tokens intersecting any of the spans, as a set. */
  of(spans: Span[]): Set<number> {
    const found = new Set<number>();
    for (const span of spans) {
      // First token whose end is past the span start.
      let low = 0;
      let high = this.ends.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.ends[middle] <= span.start) low = middle + 1;
        else high = middle;
      }
      for (let index = low; index < this.starts.length && this.starts[index] < span.end; index++) found.add(index);
    }
    return found;
  }
}

const key = (spans: Span[]): string =>
  spans
    .map((span) => `${span.start}:${span.end}`)
    .sort()
    .join(',');

function spansOverlap(a: Span[], b: Span[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
}

function intersectionSize(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const token of small) if (large.has(token)) shared++;
  return shared;
}

function dice(a: Set<number>, b: Set<number>): number {
  const total = a.size + b.size;
  return total === 0 ? 0 : (2 * intersectionSize(a, b)) / total;
}

/** Greedy one-to-one matching: pairs allowed by `allowed`, best Dice first. Returns gold index → predicted index. */
function matchOneToOne(
  gold: Spans[],
  predicted: Spans[],
  goldContent: Set<number>[],
  predictedContent: Set<number>[],
  allowed: (g: Spans, p: Spans) => boolean,
): Map<number, number> {
  const candidates: Array<{ g: number; p: number; score: number }> = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (!spansOverlap(g.cue, p.cue)) return;
      const score = dice(goldContent[gi], predictedContent[pi]);
      if (score >= 0.5 && allowed(g, p)) candidates.push({ g: gi, p: pi, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const pairs = new Map<number, number>();
  const usedPredicted = new Set<number>();
  for (const { g, p } of candidates) {
    if (pairs.has(g) || usedPredicted.has(p)) continue;
    pairs.set(g, p);
    usedPredicted.add(p);
  }
  return pairs;
}

const sourcesAgree = (g: Spans, p: Spans): boolean =>
  (g.source.length === 0 && p.source.length === 0) || spansOverlap(g.source, p.source);

/** Opens with a quotation mark, ignoring leading white space. */
export function isDirectQuotation(gold: GoldAttribution): boolean {
  const first = [...gold.contents].sort((a, b) => a.start - b.start)[0];
  return first !== undefined && QUOTATION_MARK.test(first.text.trimStart());
}

/** Counts for one document; sum documents with addCounts and score with toScores. */
export function countDocument(text: string, goldAttributions: GoldAttribution[], predictions: Attribution[]): DocumentCounts {
  const counts = emptyCounts();
  const tokens = new Tokens(text);
  const gold = goldAttributions.map(ofGold);
  const predicted = predictions.map(ofPredicted);

  // Exact, Citron's rules.
  const cued = predicted.filter((p) => p.cue.length > 0);
  const goldCueKeys = new Set(gold.map((g) => key(g.cue)));
  const predictedCueKeys = new Set(cued.map((p) => key(p.cue)));
  counts.exact.cue = {
    predictedRight: cued.filter((p) => goldCueKeys.has(key(p.cue))).length,
    predicted: cued.length,
    goldFound: gold.filter((g) => predictedCueKeys.has(key(g.cue))).length,
    gold: gold.length,
  };
  for (const element of ['source', 'content'] as const) {
    const agrees = (g: Spans, p: Spans) => spansOverlap(g.cue, p.cue) && key(g[element]) === key(p[element]);
    counts.exact[element] = {
      predictedRight: predicted.filter((p) => gold.some((g) => agrees(g, p))).length,
      predicted: predicted.length,
      goldFound: gold.filter((g) => predicted.some((p) => agrees(g, p))).length,
      gold: gold.length,
    };
  }

  // Overlap: each attribution's tokens against the union of the other side's tokens.
  for (const element of ELEMENTS) {
    const goldTokens = gold.map((g) => tokens.of(g[element]));
    const predictedTokens = predicted.map((p) => tokens.of(p[element]));
    const goldUnion = new Set(goldTokens.flatMap((set) => [...set]));
    const predictedUnion = new Set(predictedTokens.flatMap((set) => [...set]));
    const sum = (sets: Set<number>[]) => sets.reduce((total, set) => total + set.size, 0);
    counts.overlap[element] = {
      predictedRight: predictedTokens.reduce((total, set) => total + intersectionSize(set, goldUnion), 0),
      predicted: sum(predictedTokens),
      goldFound: goldTokens.reduce((total, set) => total + intersectionSize(set, predictedUnion), 0),
      gold: sum(goldTokens),
    };
  }

  // Whole attributions, one-to-one.
  const goldContent = gold.map((g) => tokens.of(g.content));
  const predictedContent = predicted.map((p) => tokens.of(p.content));
  const attributionPairs = matchOneToOne(gold, predicted, goldContent, predictedContent, () => true);
  const whoSaidWhatPairs = matchOneToOne(gold, predicted, goldContent, predictedContent, sourcesAgree);
  counts.attribution = { predictedRight: attributionPairs.size, predicted: predicted.length, goldFound: attributionPairs.size, gold: gold.length };
  counts.whoSaidWhat = { predictedRight: whoSaidWhatPairs.size, predicted: predicted.length, goldFound: whoSaidWhatPairs.size, gold: gold.length };

  goldAttributions.forEach((g, index) => {
    if (!isDirectQuotation(g)) return;
    counts.directQuotes.total++;
    if (whoSaidWhatPairs.has(index)) counts.directQuotes.found++;
  });
  return counts;
}

function addPrf(a: PrfCounts, b: PrfCounts): PrfCounts {
  return {
    predictedRight: a.predictedRight + b.predictedRight,
    predicted: a.predicted + b.predicted,
    goldFound: a.goldFound + b.goldFound,
    gold: a.gold + b.gold,
  };
}

export function addCounts(a: DocumentCounts, b: DocumentCounts): DocumentCounts {
  const perElement = (x: Record<ElementName, PrfCounts>, y: Record<ElementName, PrfCounts>) => ({
    cue: addPrf(x.cue, y.cue),
    source: addPrf(x.source, y.source),
    content: addPrf(x.content, y.content),
  });
  return {
    exact: perElement(a.exact, b.exact),
    overlap: perElement(a.overlap, b.overlap),
    attribution: addPrf(a.attribution, b.attribution),
    whoSaidWhat: addPrf(a.whoSaidWhat, b.whoSaidWhat),
    directQuotes: { found: a.directQuotes.found + b.directQuotes.found, total: a.directQuotes.total + b.directQuotes.total },
  };
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

export function prf(counts: PrfCounts): Prf {
  const precision = ratio(counts.predictedRight, counts.predicted);
  const recall = ratio(counts.goldFound, counts.gold);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

export function toScores(counts: DocumentCounts): Scores {
  const perElement = (x: Record<ElementName, PrfCounts>) => ({ cue: prf(x.cue), source: prf(x.source), content: prf(x.content) });
  return {
    exact: perElement(counts.exact),
    overlap: perElement(counts.overlap),
    attribution: prf(counts.attribution),
    whoSaidWhat: prf(counts.whoSaidWhat),
    directQuoteRecall: ratio(counts.directQuotes.found, counts.directQuotes.total),
    counts,
  };
}

export interface EvaluatedDocument {
  text: string;
  gold: GoldAttribution[];
  predicted: Attribution[];
}

/** Micro-averaged scores over documents. */
export function evaluate(documents: Iterable<EvaluatedDocument>): Scores {
  let total = emptyCounts();
  for (const document of documents) total = addCounts(total, countDocument(document.text, document.gold, document.predicted));
  return toScores(total);
}
