/**
 * Pass 15 — order. Sets `quotes`: every attribution found and every follow-on, in text order, with ids
 * ("q0", "q1", …) and each follow-on's `continues` pointing at the attribution it continues.
 */
import type { Attribution } from '../../shared/attribution';
import type { AnalysisState } from '../core';

function firstOffset(attribution: Attribution): number {
  return Math.min(attribution.cue?.start ?? Infinity, ...attribution.contents.map((span) => span.start));
}

export function order(state: AnalysisState): void {
  const all = [...state.found, ...state.followOns.map((followOn) => followOn.attribution)];
  all.sort((a, b) => firstOffset(a) - firstOffset(b));
  all.forEach((attribution, k) => { attribution.id = 'q' + k; });
  for (const { attribution, follows } of state.followOns) attribution.continues = follows.id;
  state.quotes = all;
}
