/**
 * Timing the content script's steps as performance measures named "whosaid:…", which the browser
 * benchmark reads from the page. Giving the page its main thread back between steps: runSliced in
 * src/shared/steps.ts (the overlay slices its work too).
 */

/** Runs `work`, recording its duration as a performance measure called `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    recordMeasure(name, start);
  }
}

/** Records a measure from `start` (a performance.now() value) to now. */
export function recordMeasure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // An engine without measure options: timing is a diagnostic, never worth failing for.
  }
}
