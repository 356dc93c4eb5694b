/**
 * The engine's queue in the worker: one analysis at a time, each in a task of its own so messages keep
 * arriving between them; at most one waiting job per key (a tab), a newer one superseding it; and the next
 * job taken from the key served least recently, so a tab whose page changes every second cannot make an
 * ordinary article in another tab wait behind its stream (issue 12: 32 s against 0.9 s).
 */

/** Why a job never ran: a newer job for the same key took its place before it started. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request from the same tab');
    this.name = 'Superseded';
  }
}

export interface Scheduler {
  /** Runs `job` when its turn comes; rejects with Superseded if a newer job for `key` arrives first. */
  run<T>(key: string, job: () => T): Promise<T>;
  /** Jobs waiting, for tests and diagnostics. */
  readonly waiting: number;
  destroy(): void;
}

interface Waiting {
  key: string;
  job: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function createScheduler(defer: (run: () => void) => void = (run) => setTimeout(run, 0)): Scheduler {
  const waiting = new Map<string, Waiting>();
  const lastServed = new Map<string, number>();
  let served = 0;
  let running = false;
  let destroyed = false;

  const next = (): Waiting | undefined => {
    let pick: Waiting | undefined;
    for (const candidate of waiting.values()) {
      if (!pick || (lastServed.get(candidate.key) ?? -1) < (lastServed.get(pick.key) ?? -1)) pick = candidate;
    }
    return pick;
  };

  // The job is picked when its task runs, not when it is scheduled: one superseded meanwhile never runs.
  const pump = () => {
    if (running || destroyed || waiting.size === 0) return;
    running = true;
    defer(() => {
      const job = next();
      if (!job || destroyed) {
        running = false;
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
    run<T>(key: string, job: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (destroyed) {
          reject(new Superseded());
          return;
        }
        waiting.get(key)?.reject(new Superseded());
        waiting.set(key, { key, job, resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
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
