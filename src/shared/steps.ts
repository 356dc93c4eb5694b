/**
 * Long DOM work written once as a generator that yields at safe points: the CLI and tests run it whole
 * (runWhole); the content script runs it in slices that give the page its main thread back between them
 * (runSliced below), so no task of WhoSaid's runs long on a giant page (issue 21). The content script and the
 * overlay both run their long DOM work so.
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

type Scheduler = { yield?: () => Promise<void> };

/** Ends the current task so input and rendering can run before the next step (no step holds the thread long). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Longest stretch of sliced work in one task. The aim is no task of WhoSaid's over 50 ms (issue 21); a slice
 * stops at the first point to stop past this, and the browser's own work in the same task needs the rest: a V8
 * garbage collection alone took 12–23 ms of a slice on the 5 MB page. At 25 ms its slices still ran 53–80 ms;
 * at 15 none passed 50 (npm run bench:giant, traced, round 13).
 */
export const SLICE_MS = 15;

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
 * Runs `steps` in slices of about SLICE_MS, giving the page its main thread back between
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
