/**
 * From the worker's analysis to places on the page: each attribution's spans as DOM ranges (for the
 * highlighter and scrolling) and as text intervals (for finding the attribution under the pointer).
 */
import type { Analysis, Span } from '../shared/attribution';
import { staticRangeForSpan, type TextMap } from '../shared/article';
import type { HighlightItem, HighlightRole } from './highlighter';
import { runWhole, STEP_UNITS, type Steps } from '../shared/steps';

export interface TextInterval {
  start: number;
  end: number;
  id: string;
}

export interface PlacedAttributions {
  items: HighlightItem[];
  /** Every placed span, by start offset. */
  intervals: TextInterval[];
  /** Where to scroll for each attribution: its first content range, else its cue, else its source. */
  anchors: Map<string, AbstractRange>;
}

/**
 * Where a span lies in `text`. Its offsets are trusted when the text there is the span's; otherwise
 * (a cached analysis of a page whose text has since changed) the occurrence of its text nearest the
 * old offset is taken, and a span whose text is gone is dropped.
 */
export function placeSpan(text: string, span: Span): { start: number; end: number } | null {
  if (span.end <= span.start || span.text === '') return null;
  if (text.slice(span.start, span.end) === span.text) return { start: span.start, end: span.end };
  let best = -1;
  for (let at = text.indexOf(span.text); at !== -1; at = text.indexOf(span.text, at + 1)) {
    if (best === -1 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best === -1 ? null : { start: best, end: best + span.text.length };
}

export function placeAttributions(analysis: Analysis, text: string, map: TextMap): PlacedAttributions {
  return runWhole(placeAttributionsSteps(analysis, text, map));
}

/** placeAttributions in steps (src/shared/steps.ts): 4,234 quotations took 106 ms in one task. */
export function* placeAttributionsSteps(analysis: Analysis, text: string, map: TextMap): Steps<PlacedAttributions> {
  const speakerIndex = new Map<string, number>();
  // Words people said together ("Donald Trump and Hillary Clinton") have no group of that name: the first group listing them.
  const firstGroupOf = new Map<string, number>();
  analysis.speakers.forEach((speaker, index) => {
    if (!speakerIndex.has(speaker.name)) speakerIndex.set(speaker.name, index);
    for (const id of speaker.attributionIds) if (!firstGroupOf.has(id)) firstGroupOf.set(id, index);
  });
  const items: HighlightItem[] = [];
  const intervals: TextInterval[] = [];
  const anchors = new Map<string, AbstractRange>();

  let units = 0;
  for (const quote of analysis.quotes) {
    // A unit is a span placed (a range made), not a quotation: a quotation has one to a dozen.
    units += 1 + quote.contents.length + quote.sources.length;
    if (units >= STEP_UNITS) {
      units = 0;
      yield;
    }
    const ranges: Record<HighlightRole, AbstractRange[]> = { content: [], source: [], cue: [] };
    const add = (role: HighlightRole, span: Span | null) => {
      const placed = span && placeSpan(text, span);
      const range = placed && staticRangeForSpan(map, placed.start, placed.end);
      if (!placed || !range) return;
      ranges[role].push(range);
      intervals.push({ start: placed.start, end: placed.end, id: quote.id });
    };
    quote.contents.forEach((span) => add('content', span));
    add('cue', quote.cue);
    quote.sources.forEach((span) => add('source', span));
    const anchor = ranges.content[0] ?? ranges.cue[0] ?? ranges.source[0];
    if (!anchor) continue;
    anchors.set(quote.id, anchor);
    // Less-sure attributions are listed on request and can be scrolled to, but never highlighted in the page.
    if (quote.shown === false) {
      intervals.splice(intervals.length - ranges.content.length - ranges.cue.length - ranges.source.length);
      continue;
    }
    items.push({ id: quote.id, speakerIndex: quote.speaker ? speakerIndex.get(quote.speaker.name) ?? firstGroupOf.get(quote.id) ?? -1 : -1, ranges });
  }
  intervals.sort((a, b) => a.start - b.start);
  return { items, intervals, anchors };
}

/** The attribution whose span holds `offset`; the narrowest where spans nest (a cue inside a content). */
export function attributionAt(intervals: TextInterval[], offset: number): string | null {
  let found: TextInterval | null = null;
  for (const interval of intervals) {
    if (interval.start > offset) break;
    if (offset < interval.end && (!found || interval.end - interval.start < found.end - found.start)) found = interval;
  }
  return found ? found.id : null;
}
