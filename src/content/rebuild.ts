/**
 * Pages rebuild what the highlights and the overlay stand on: hydration (React, Next.js) swaps the
 * server's article for the client's, the same text on new nodes; a re-render replaces a part of it;
 * document.open() and write() replace the whole document, the overlay host with it. Ranges on removed
 * nodes paint nothing and lead nowhere, and nothing else notices. So the document is watched (one
 * MutationObserver on the Document node, which outlives a replaced <html>), and once a change has been
 * quiet REBUILD_QUIET_MS (or REBUILD_MAX_WAIT_MS on a page that never is) `stale()` is asked; true
 * calls `onStale()`, at most REBUILD_LIMIT times a minute against a page that keeps rebuilding.
 */

export const REBUILD_QUIET_MS = 200;
export const REBUILD_MAX_WAIT_MS = 1_000;
export const REBUILD_LIMIT = 10;

export function watchRebuilds(doc: Document, stale: () => boolean, onStale: () => void, now: () => number = Date.now): { stop(): void } {
  const Observer = doc.defaultView?.MutationObserver;
  if (!Observer) return { stop() {} };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let since = 0;
  let last = 0;
  const handled: number[] = [];
  const check = () => {
    const at = now();
    // Still changing: wait for quiet, up to the longest wait.
    if (at - last < REBUILD_QUIET_MS && at - since < REBUILD_MAX_WAIT_MS) {
      timer = setTimeout(check, REBUILD_QUIET_MS);
      return;
    }
    timer = null;
    if (!stale()) return;
    while (handled.length > 0 && at - handled[0] > 60_000) handled.shift();
    if (handled.length >= REBUILD_LIMIT) return;
    handled.push(at);
    onStale();
  };
  // Each batch only notes the time: a page changing 60 times a second costs a timer a quiet period.
  const observer = new Observer(() => {
    last = now();
    if (timer !== null) return;
    since = last;
    timer = setTimeout(check, REBUILD_QUIET_MS);
  });
  observer.observe(doc, { childList: true, subtree: true });
  return {
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
