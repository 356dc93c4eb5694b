/**
 * Between offsets in the article text and positions in the page: [start, end) → DOM Range for
 * highlights and scrolling, and (text node, offset) → article offset for hover.
 */
import type { TextSegment } from './text';

export interface TextMap {
  segments: TextSegment[];
}

export interface DomSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Index of the first segment ending after `offset`, or segments.length. */
function firstEndingAfter(segments: TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid].end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Where [start, end) of the article text lies in the page. An edge that falls on a character the page
 * does not hold (a paragraph break) moves inward to the nearest mapped character. Null when the range
 * holds no mapped character.
 */
export function locateSpan(map: TextMap, start: number, end: number): DomSpan | null {
  const { segments } = map;
  if (!(end > start)) return null;
  const first = firstEndingAfter(segments, start);
  // The last segment starting before `end`.
  const last = firstEndingAfter(segments, end - 1);
  const lastIndex = last < segments.length && segments[last].start < end ? last : last - 1;
  if (first >= segments.length || lastIndex < first) return null;
  const a = segments[first];
  const b = segments[lastIndex];
  return {
    startNode: a.node,
    startOffset: a.nodeStart + Math.max(0, start - a.start),
    endNode: b.node,
    endOffset: b.nodeStart + (Math.min(end, b.end) - b.start),
  };
}

/** A live DOM Range over [start, end) of the article text, or null when nothing there maps to the page. */
export function rangeForSpan(map: TextMap, start: number, end: number): Range | null {
  const span = locateSpan(map, start, end);
  if (!span) return null;
  const range = span.startNode.ownerDocument.createRange();
  range.setStart(span.startNode, span.startOffset);
  range.setEnd(span.endNode, span.endOffset);
  return range;
}

type StaticRangeConstructor = new (init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) => AbstractRange;

/**
 * A StaticRange over [start, end): unlike a live Range it is not updated on every change to the page's DOM, so
 * thousands of highlights cost nothing while the page mutates (a 60 Hz ticker: 3.4 s busy per 10 s with live
 * ranges against 0.9 s without the extension). Falls back to a live Range where StaticRange is missing.
 */
export function staticRangeForSpan(map: TextMap, start: number, end: number): AbstractRange | null {
  const span = locateSpan(map, start, end);
  if (!span) return null;
  const view = span.startNode.ownerDocument.defaultView as (Window & { StaticRange?: StaticRangeConstructor }) | null;
  if (view?.StaticRange) {
    try {
      return new view.StaticRange({ startContainer: span.startNode, startOffset: span.startOffset, endContainer: span.endNode, endOffset: span.endOffset });
    } catch {
      // Offsets the page changed under us: fall back to a live range, which clamps them.
    }
  }
  const range = span.startNode.ownerDocument.createRange();
  range.setStart(span.startNode, span.startOffset);
  range.setEnd(span.endNode, span.endOffset);
  return range;
}

const firstSegmentOf = new WeakMap<TextSegment[], Map<Text, number>>();

/**
 * The article offset of a caret position (a text node and an offset in it), or -1 when the node is not
 * part of the article text. A caret inside collapsed whitespace lands on the next mapped character.
 */
export function offsetAt(map: TextMap, node: Node, offset: number): number {
  const { segments } = map;
  let index = firstSegmentOf.get(segments);
  if (!index) {
    index = new Map();
    for (let i = segments.length - 1; i >= 0; i--) index.set(segments[i].node, i);
    firstSegmentOf.set(segments, index);
  }
  const first = index.get(node as Text);
  if (first === undefined) return -1;
  let i = first;
  for (; i < segments.length && segments[i].node === node; i++) {
    const segment = segments[i];
    const nodeEnd = segment.nodeStart + (segment.end - segment.start);
    if (offset < segment.nodeStart) return segment.start;
    if (offset < nodeEnd) return segment.start + (offset - segment.nodeStart);
  }
  // Past the node's last mapped character: the caret sits at the end of its text.
  return segments[i - 1].end;
}
