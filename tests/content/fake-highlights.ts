/** A stand-in for CSS.highlights and Highlight: a Map of name → the ranges and priority registered. */
import type { HighlightApi } from '../../src/content/highlighter';

export interface FakeHighlight {
  ranges: AbstractRange[];
  priority: number;
}

export function fakeHighlightApi(): Omit<HighlightApi, 'registry'> & { registry: Map<string, FakeHighlight> } {
  const registry = new Map<string, FakeHighlight>();
  return {
    registry,
    create: (ranges, priority) => ({ ranges: [...ranges], priority }),
  } as Omit<HighlightApi, 'registry'> & { registry: Map<string, FakeHighlight> };
}

/** An object that stands for a DOM range; the highlighter only passes ranges through. */
export function fakeRange(label: string): AbstractRange {
  return { label } as unknown as AbstractRange;
}
