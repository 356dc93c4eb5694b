import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, any>;
}
export interface TraceSummary {
  ourMs: number;
  byScript: Record<string, number>;
  longestTaskMs: number;
  ourLongestMs: number;
  samples: number;
}
export declare function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>>;
export declare function summariseTrace(events: TraceEvent[], isOurUrl?: (url: string) => boolean): TraceSummary;
