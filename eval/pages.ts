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
}

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
}

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
  };
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 0 : numerator / denominator);

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
  };
}
