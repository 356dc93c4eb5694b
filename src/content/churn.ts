/**
 * Tells when the page keeps rewriting itself (a ticker, a live clock, a counter redrawn every frame).
 * Chromium rebuilds every custom-highlight marker and repaints every highlighted text node in view on
 * each DOM or style change of the page, so there highlights cost in proportion to how many are painted:
 * with a 60 Hz ticker, 90 ranges over 30 passages in view kept the main thread busy 0.64 s in 5 s more
 * than none (13%), a tint on 15 passages 0.24 s; with the ticker at 10 Hz the same 90 ranges cost 0.09 s
 * (2%). Below 10 changes a second a page is calm. (scripts/probe-highlight-cost.cjs, Chromium 156, medians of 3.)
 */

/** Changes a second (mutation batches, one per task at most) above which the page is busy. */
export const BUSY_CHANGES_PER_SECOND = 10;
/** Seconds in a row over the rate before the page counts as busy; seconds under it, on average, before it is calm again. */
export const BUSY_AFTER_S = 2;
export const CALM_AFTER_S = 3;

export interface ChurnWatch {
  readonly busy: boolean;
  destroy(): void;
}

/**
 * Calls `onChange(true)` once the page has changed more than BUSY_CHANGES_PER_SECOND times in each of the
 * last BUSY_AFTER_S seconds, and `onChange(false)` once the last CALM_AFTER_S seconds averaged at most that rate.
 */
export function watchChurn(doc: Document, onChange: (busy: boolean) => void, now: () => number = () => Date.now()): ChurnWatch {
  const view = doc.defaultView;
  const Observer = view?.MutationObserver;
  let busy = false;
  let destroyed = false;
  /** Times of the recent mutation batches, oldest first, none older than the longest window. */
  const times: number[] = [];
  let calmCheck: ReturnType<typeof setInterval> | null = null;

  /** Changes in (from, to]. */
  const countBetween = (from: number, to: number) => {
    let count = 0;
    for (let k = times.length - 1; k >= 0 && times[k] > from; k--) if (times[k] <= to) count++;
    return count;
  };
  /** Every one of the last BUSY_AFTER_S seconds, taken one by one, over the rate: a burst at load is not churn. */
  const sustained = (at: number) => {
    for (let second = 0; second < BUSY_AFTER_S; second++) {
      if (countBetween(at - (second + 1) * 1000, at - second * 1000) <= BUSY_CHANGES_PER_SECOND) return false;
    }
    return true;
  };
  const forget = (at: number) => {
    const horizon = at - Math.max(BUSY_AFTER_S, CALM_AFTER_S) * 1000;
    let drop = 0;
    while (drop < times.length && times[drop] <= horizon) drop++;
    if (drop > 0) times.splice(0, drop);
  };

  function setBusy(value: boolean): void {
    if (value === busy || destroyed) return;
    busy = value;
    if (busy && calmCheck === null) {
      calmCheck = setInterval(() => {
        const at = now();
        forget(at);
        if (countBetween(at - CALM_AFTER_S * 1000, at) <= BUSY_CHANGES_PER_SECOND * CALM_AFTER_S) setBusy(false);
      }, 1000);
    } else if (!busy && calmCheck !== null) {
      clearInterval(calmCheck);
      calmCheck = null;
    }
    onChange(busy);
  }

  const observer = Observer
    ? new Observer(() => {
        const at = now();
        times.push(at);
        forget(at);
        if (!busy && sustained(at)) setBusy(true);
      })
    : null;
  observer?.observe(doc.documentElement, { childList: true, characterData: true, attributes: true, subtree: true });

  return {
    get busy() {
      return busy;
    },
    destroy() {
      destroyed = true;
      observer?.disconnect();
      if (calmCheck !== null) clearInterval(calmCheck);
      calmCheck = null;
      times.length = 0;
    },
  };
}
