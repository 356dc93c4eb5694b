/**
 * Long DOM work written once as a generator that yields at safe points: the CLI and tests run it whole
 * (runWhole); the content script runs it in slices that give the page its main thread back between them
 * (src/content/perf.ts, runSliced), so no task of WhoSaid's runs long on a giant page (issue 21).
 */
export type Steps<T> = Generator<void | typeof PAUSE, T, void>;

/** Yielded before a step that is long by itself (a swap done in one go): a sliced run gives the thread back first. */
export const PAUSE = 'pause';

export function runWhole<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How many units of work (nodes, links, quotations) a loop does between two yields. A yield costs the
 * runner a clock read; at 256 the slowest loop here (the text walk, ~2 µs a node on a 100,000-element page)
 * passes a point to stop every ~0.5 ms.
 */
export const STEP_UNITS = 256;
