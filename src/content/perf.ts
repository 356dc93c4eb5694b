/**
 * Timing the content script's steps as performance measures named "whosaid:…", which the browser
 * benchmark reads from the page, and giving the page its main thread back between steps.
 */
import { PAUSE, type Steps } from '../shared/steps';

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

type Scheduler = { yield?: () => Promise<void> };

/** Ends the current task so input and rendering can run before the next step (no step holds the thread long). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Longest stretch of sliced work in one task. The aim is no task of WhoSaid's over 50 ms (issue 21); a slice
 * stops at the first point to stop past this, and the browser's own work in the same task (a restyle, a GC)
 * needs the rest.
 */
export const SLICE_MS = 25;

/** Thrown when a sliced run is aborted: its partial work is dropped. */
export class SliceAborted extends Error {
  constructor() {
    super('aborted');
  }
}

/** runSliced for a run that simply ends when aborted: null in place of SliceAborted thrown. */
export async function runSlicedUnlessAborted<T>(steps: Steps<T>, signal: AbortSignal, sliceMs = SLICE_MS): Promise<{ value: T } | null> {
  try {
    return { value: await runSliced(steps, signal, sliceMs) };
  } catch (error) {
    if (error instanceof SliceAborted) return null;
    throw error;
  }
}

/**
 * Runs `steps` (src/shared/steps.ts) in slices of about SLICE_MS, giving the page its main thread back between
 * them. The DOM may change between two slices: callers check what they read is still in the page (controller's
 * stale()), as they must after any wait.
 */
export async function runSliced<T>(steps: Steps<T>, signal?: AbortSignal, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value !== PAUSE && performance.now() - sliceStart < sliceMs) continue;
    await yieldToPage();
    if (signal?.aborted) {
      steps.return(undefined as T);
      throw new SliceAborted();
    }
    sliceStart = performance.now();
  }
}
