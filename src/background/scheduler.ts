/**
 * The engine's queue in the worker: one analysis at a time, each in a task of its own so messages keep
 * arriving between them; at most one waiting job per key (a tab), a newer one superseding it; and the next
 * job taken from the key served least recently, so a tab whose page changes every second cannot make an
 * ordinary article in another tab wait behind its stream (issue 12: 32 s against 0.9 s).
 *
 * A job that gives way (a part of a long article, `yields`) also waits while another tab is talking to the
 * worker: that tab's request comes in several messages (cache, engine, storage, the desk's look-up), each of which
 * would otherwise wait for a part in between. Round 10, bench:giant's other tab: see docs/EVALUATION.md.
 */

/** A job that gives way starts only when no other key has been heard from for this long... */
export const YIELD_MS = 250;
/**
 * ...or, after another tab starts loading a page, this long or until that tab is heard from again: the page's
 * load and its content script's start compete for the same 2 cores as the part (bench:giant's other tab, round 17:
 * its load event 135-174 ms alone, 294-380 ms while the worker analysed the 5 MB page).
 */
export const LOADING_HOLD_MS = 1_000;
/** ...or once it has waited this long, so a tab that never stops talking cannot hold a long article up for good. */
export const MAX_YIELD_WAIT_MS = 2_000;

/** Why a job never ran: a newer job for the same key took its place before it started. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request from the same tab');
    this.name = 'Superseded';
  }
}

export interface RunOptions {
  /** Gives way to other keys while they are active (see YIELD_MS). */
  yields?: boolean;
}

export interface Scheduler {
  /** Runs `job` when its turn comes; rejects with Superseded if a newer job for `key` arrives first. */
  run<T>(key: string, job: () => T, options?: RunOptions): Promise<T>;
  /** A message came from `key` (a tab): jobs of other keys that give way wait `holdMs` (YIELD_MS) from now. */
  noteActivity(key: string, holdMs?: number): void;
  /** Jobs waiting, for tests and diagnostics. */
  readonly waiting: number;
  destroy(): void;
}

interface Waiting {
  key: string;
  job: () => unknown;
  yields: boolean;
  /** When it was queued. */
  since: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function createScheduler(
  defer: (run: () => void) => void = (run) => setTimeout(run, 0),
  now: () => number = Date.now,
  later: (run: () => void, ms: number) => void = (run, ms) => void setTimeout(run, ms),
): Scheduler {
  const waiting = new Map<string, Waiting>();
  const lastServed = new Map<string, number>();
  /** Until when each key that was heard from holds the jobs of other keys that give way. */
  const holdsUntil = new Map<string, number>();
  let served = 0;
  let running = false;
  let destroyed = false;
  /** When a pump is set for, the first job that gives way may start then; null: none is set. */
  let wakeAt: number | null = null;

  /** How long `job` must still give way: 0 when it may start. */
  const holdFor = (job: Waiting): number => {
    if (!job.yields) return 0;
    const at = now();
    if (at - job.since >= MAX_YIELD_WAIT_MS) return 0;
    let until = -Infinity;
    for (const [key, time] of holdsUntil) if (key !== job.key && time > until) until = time;
    return Math.max(0, Math.min(until - at, MAX_YIELD_WAIT_MS - (at - job.since)));
  };

  /** The ready job of the key served least recently, and how long the first of those not ready must wait. */
  const next = (): { job?: Waiting; wait: number } => {
    let pick: Waiting | undefined;
    let wait = Infinity;
    for (const candidate of waiting.values()) {
      const hold = holdFor(candidate);
      if (hold > 0) {
        wait = Math.min(wait, hold);
        continue;
      }
      if (!pick || (lastServed.get(candidate.key) ?? -1) < (lastServed.get(pick.key) ?? -1)) pick = candidate;
    }
    return { job: pick, wait };
  };

  // The job is picked when its task runs, not when it is scheduled: one superseded meanwhile never runs.
  const pump = () => {
    if (running || destroyed || waiting.size === 0) return;
    running = true;
    defer(() => {
      const { job, wait } = next();
      if (!job || destroyed) {
        running = false;
        // A hold cut short (a loaded page's first message) needs a pump sooner than the one already set.
        const at = now() + wait;
        if (!destroyed && wait < Infinity && (wakeAt === null || at < wakeAt)) {
          wakeAt = at;
          later(() => {
            if (wakeAt === at) wakeAt = null;
            pump();
          }, wait);
        }
        return;
      }
      waiting.delete(job.key);
      lastServed.set(job.key, served++);
      try {
        job.resolve(job.job());
      } catch (error) {
        job.reject(error);
      } finally {
        running = false;
        pump();
      }
    });
  };

  return {
    run<T>(key: string, job: () => T, options: RunOptions = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (destroyed) {
          reject(new Superseded());
          return;
        }
        waiting.get(key)?.reject(new Superseded());
        waiting.set(key, { key, job, yields: options.yields === true, since: now(), resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
    },
    noteActivity(key: string, holdMs = YIELD_MS) {
      const at = now();
      for (const [heard, until] of holdsUntil) if (until <= at) holdsUntil.delete(heard);
      // The latest word from a key decides: a loaded page's first message ends the longer hold of its load.
      holdsUntil.set(key, at + holdMs);
      pump();
    },
    get waiting() {
      return waiting.size;
    },
    destroy() {
      destroyed = true;
      for (const job of waiting.values()) job.reject(new Superseded());
      waiting.clear();
    },
  };
}
