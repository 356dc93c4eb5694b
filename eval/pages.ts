/**
 * Who-said-what on real pages, scored as ../shared/README.md defines it for the hand annotations in
 * `pages/NAME.expected.json`. Pure: the caller reads the files and runs the pipeline.
 *
 * - Text is compared lower-cased, curly quotes and apostrophes made straight, white space runs one space.
 * - speaker: one of the item's names is a substring of the program's speaker name, one of its aliases or
 *   its source text; the name "" matches only an attribution with no source.
 * - content: the item's excerpt is a substring of one content span or of the spans joined; an item with
 *   no excerpt is matched on speaker and cue.
 * - cue (recall only, when the item gives one): a substring of the program's cue.
 * - precision = extracted attributions matched by some required or optional item on speaker and content,
 *   over extracted; recall = required items matched by speaker, cue and content; direct-quotation recall
 *   the same over required items of kind direct or mixed.
 * - outside text: an extracted attribution whose content holds a forbidden excerpt, or lies inside one.
 * - speaker groups: each annotated name must head exactly one group: the group's name holds it as whole
 *   words. Zero groups or two are one error each.
 */
import type { Attribution, Speaker } from '../src/shared/attribution';
import { certaintyLevel } from '../src/shared/words';

export interface PageItem {
  speaker: string[];
  cue?: string;
  kind?: 'direct' | 'indirect' | 'mixed';
  content?: string;
  sourceType?: string;
  certainty?: string;
  note?: string;
}

export interface PageAnnotation {
  page: string;
  required: PageItem[];
  optional: PageItem[];
  forbidden: string[];
  speakers: { groups: string[] };
}

export interface PageRun {
  name: string;
  /** The article text the pipeline found, or null where it found none. */
  text: string | null;
  quotes: Attribution[];
  speakers: Speaker[];
}

export interface GroupError {
  name: string;
  /** The groups it heads: none, or more than one. */
  groups: string[];
}

export interface PageScore {
  name: string;
  extracted: number;
  right: number;
  required: number;
  found: number;
  direct: number;
  directFound: number;
  /** Extracted attributions no item matches, described for a reader. */
  wrong: string[];
  /** Required items nothing matched, with the nearest extraction when one has the content. */
  missed: string[];
  /** Extracted attributions over text from outside the article. */
  outside: string[];
  /** Forbidden excerpts present in the article text the pipeline found (article detection). */
  outsideInText: string[];
  groupErrors: GroupError[];
  groups: number;
  /** Items the annotation gives a certainty, found (first matching attribution): the reader's label and the program's. */
  certainty: CertaintyPair[];
  /**
   * Attributions the panel calls Hedged or Speculated (medium or low certainty): how many, how many match an item
   * that carries a certainty label, and how many of those carry that very label.
   */
  hedged: { labelled: number; judged: number; right: number; wrong: string[] };
}

export interface CertaintyPair { gold: string; predicted: string; item: string }

export interface PooledScore {
  pages: number;
  extracted: number;
  right: number;
  precision: number;
  required: number;
  found: number;
  recall: number;
  direct: number;
  directFound: number;
  directRecall: number;
  outside: number;
  outsideInText: number;
  groupErrors: number;
  groups: number;
  certainty: CertaintyScore;
}

export interface CertaintyScore {
  /** Labelled items found. */
  items: number;
  /** Per label: precision and recall over the labelled items found. */
  labels: Record<string, { gold: number; predicted: number; right: number; precision: number; recall: number; f1: number }>;
  macroF1: number;
  /** Of the attributions shown as Hedged or Speculated that match a labelled item, the share whose label the reader gave. */
  hedgedRight: number;
  hedgedJudged: number;
  hedgedLabelled: number;
  hedgedPrecision: number;
}

export const CERTAINTY_LABELS = ['high', 'medium', 'low'] as const;

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 0 : numerator / denominator);

export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function contentsOf(quote: Attribution): string[] {
  const spans = quote.contents.map((content) => normalise(content.text));
  return spans.length > 1 ? [...spans, spans.join(' ')] : spans;
}

export function speakerMatches(quote: Attribution, names: string[]): boolean {
  if (names.includes('') && quote.sources.length === 0) return true;
  const said = [quote.speaker?.name ?? '', ...(quote.speaker?.aliases ?? []), ...quote.sources.map((s) => s.text)].map(normalise);
  return names.some((name) => name !== '' && said.some((phrase) => phrase.includes(normalise(name))));
}

function cueMatches(quote: Attribution, cue: string | undefined): boolean {
  return cue === undefined || (quote.cue !== null && normalise(quote.cue.text).includes(normalise(cue)));
}

export function contentMatches(quote: Attribution, item: PageItem): boolean {
  if (!item.content) return cueMatches(quote, item.cue);
  const wanted = normalise(item.content);
  return contentsOf(quote).some((content) => content.includes(wanted));
}

/** Right for precision: some item matches it by speaker and content. */
export function isRight(quote: Attribution, items: PageItem[]): boolean {
  return items.some((item) => speakerMatches(quote, item.speaker) && contentMatches(quote, item));
}

/** Found for recall: some extraction matches it by speaker, cue and content. */
export function isFound(item: PageItem, quotes: Attribution[]): boolean {
  return quotes.some((quote) => speakerMatches(quote, item.speaker) && contentMatches(quote, item) && cueMatches(quote, item.cue));
}

function touchesOutside(quote: Attribution, forbidden: string[]): boolean {
  const contents = contentsOf(quote);
  return forbidden.map(normalise).some((excerpt) =>
    contents.some((content) => content.includes(excerpt) || (content.split(' ').length >= 3 && excerpt.includes(content))));
}

export function describeQuote(quote: Attribution): string {
  const content = quote.contents.map((c) => c.text).join(' … ').replace(/\s+/g, ' ');
  const source = quote.sources.map((s) => s.text).join(' / ');
  return `${quote.speaker?.name ?? '(no source)'}${source && source !== quote.speaker?.name ? ` [${source}]` : ''} | ${quote.cue?.text ?? '(no cue)'} | ${quote.kind} | ${content.length > 110 ? `${content.slice(0, 107)}...` : content} (${quote.confidence.toFixed(2)})`;
}

function describeItem(item: PageItem, quotes: Attribution[]): string {
  const label = `${item.speaker.filter(Boolean)[0] ?? '(no source)'} | ${item.cue ?? '(no cue)'} | ${item.kind ?? ''} | ${item.content ?? ''}`;
  const near = item.content ? quotes.filter((quote) => contentMatches(quote, item)) : [];
  return near.length === 0 ? `${label}  — no extraction has this content` : `${label}  — nearest: ${describeQuote(near[0])}`;
}

function groupErrors(speakers: Speaker[], names: string[]): GroupError[] {
  return names.flatMap((name) => {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(normalise(name))}($|[^\\p{L}\\p{N}])`, 'u');
    const heads = speakers.filter((speaker) => pattern.test(normalise(speaker.name))).map((speaker) => speaker.name);
    return heads.length === 1 ? [] : [{ name, groups: heads }];
  });
}

export function scorePage(annotation: PageAnnotation, run: PageRun): PageScore {
  const items = [...annotation.required, ...annotation.optional];
  const direct = annotation.required.filter((item) => item.kind === 'direct' || item.kind === 'mixed');
  const text = run.text === null ? '' : normalise(run.text);
  const wrong = run.quotes.filter((quote) => !isRight(quote, items));
  const missed = annotation.required.filter((item) => !isFound(item, run.quotes));
  return {
    name: run.name,
    extracted: run.quotes.length,
    right: run.quotes.length - wrong.length,
    required: annotation.required.length,
    found: annotation.required.length - missed.length,
    direct: direct.length,
    directFound: direct.filter((item) => isFound(item, run.quotes)).length,
    wrong: wrong.map(describeQuote),
    missed: missed.map((item) => describeItem(item, run.quotes)),
    outside: run.quotes.filter((quote) => touchesOutside(quote, annotation.forbidden)).map(describeQuote),
    outsideInText: annotation.forbidden.filter((excerpt) => text.includes(normalise(excerpt))),
    groupErrors: groupErrors(run.speakers, annotation.speakers.groups),
    groups: annotation.speakers.groups.length,
    certainty: certaintyPairs(items, run.quotes),
    hedged: hedgedLabels(items, run.quotes),
  };
}

function certaintyPairs(items: PageItem[], quotes: Attribution[]): CertaintyPair[] {
  return items.flatMap((item) => {
    if (!item.certainty) return [];
    const quote = quotes.find((q) => speakerMatches(q, item.speaker) && contentMatches(q, item) && cueMatches(q, item.cue));
    return quote?.certainty ? [{ gold: item.certainty, predicted: quote.certainty.label, item: describeQuote(quote) }] : [];
  });
}

function hedgedLabels(items: PageItem[], quotes: Attribution[]): PageScore['hedged'] {
  // What the panel calls Hedged or Speculated: words holding no claim are shown as "No claim" or "A wish".
  const hedged = quotes.filter((quote) => quote.certainty && ['medium', 'low'].includes(certaintyLevel(quote.certainty)));
  let judged = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const quote of hedged) {
    const labelled = items.filter((item) => item.certainty && speakerMatches(quote, item.speaker) && contentMatches(quote, item));
    if (!labelled.length) continue;
    judged++;
    if (labelled.some((item) => item.certainty === quote.certainty!.label)) right++;
    else wrong.push(`${quote.certainty!.label} (reader: ${labelled[0].certainty}) ${describeQuote(quote)}`);
  }
  return { labelled: hedged.length, judged, right, wrong };
}

/** Per-label precision and recall, macro-F1, and the share of Hedged/Speculated labels that are right. */
export function scoreCertainty(pairs: CertaintyPair[], hedged: Array<PageScore['hedged']>): CertaintyScore {
  const labels: CertaintyScore['labels'] = {};
  for (const label of CERTAINTY_LABELS) {
    const gold = pairs.filter((pair) => pair.gold === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const right = pairs.filter((pair) => pair.gold === label && pair.predicted === label).length;
    const precision = ratio(right, predicted);
    const recall = ratio(right, gold);
    labels[label] = { gold, predicted, right, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  }
  const present = CERTAINTY_LABELS.filter((label) => labels[label].gold > 0);
  const hedgedRight = hedged.reduce((total, h) => total + h.right, 0);
  const hedgedJudged = hedged.reduce((total, h) => total + h.judged, 0);
  return {
    items: pairs.length,
    labels,
    macroF1: ratio(present.reduce((total, label) => total + labels[label].f1, 0), present.length),
    hedgedRight,
    hedgedJudged,
    hedgedLabelled: hedged.reduce((total, h) => total + h.labelled, 0),
    hedgedPrecision: ratio(hedgedRight, hedgedJudged),
  };
}

export function pool(scores: PageScore[]): PooledScore {
  const sum = (read: (score: PageScore) => number) => scores.reduce((total, score) => total + read(score), 0);
  const extracted = sum((s) => s.extracted);
  const right = sum((s) => s.right);
  const required = sum((s) => s.required);
  const found = sum((s) => s.found);
  const direct = sum((s) => s.direct);
  const directFound = sum((s) => s.directFound);
  return {
    pages: scores.length,
    extracted,
    right,
    precision: ratio(right, extracted),
    required,
    found,
    recall: ratio(found, required),
    direct,
    directFound,
    directRecall: ratio(directFound, direct),
    outside: sum((s) => s.outside.length),
    outsideInText: sum((s) => s.outsideInText.length),
    groupErrors: sum((s) => s.groupErrors.length),
    groups: sum((s) => s.groups),
    certainty: scoreCertainty(scores.flatMap((s) => s.certainty), scores.map((s) => s.hedged)),
  };
}
