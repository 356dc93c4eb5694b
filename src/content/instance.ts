/**
 * One live content script per page. Two ways a second one appears: the same bundle injected twice
 * into one isolated world (the manifest's injection plus the worker's scripting.executeScript), and
 * an extension update or reload, after which the old script keeps running, cut off from the extension
 * ("Extension context invalidated"), while the new one is injected beside it, in the same world or a
 * new one. A global flag covers the first; DOM events, which every world on the page sees, cover the
 * second: a starting instance announces itself, a live older one answers that it is alive (the
 * newcomer stands down) and a cut-off one destroys itself.
 */

export const INSTANCE_GLOBAL = '__whosaidContent';
export const INSTANCE_START_EVENT = 'whosaid:content-start';
export const INSTANCE_ALIVE_EVENT = 'whosaid:content-alive';

export interface InstanceRecord {
  id: string;
  /** Whether this instance can still reach the extension. */
  alive(): boolean;
  destroy(): void;
}

export type InstanceScope = typeof globalThis & { [INSTANCE_GLOBAL]?: InstanceRecord };

export interface InstanceClaim {
  /** Stops answering other instances and clears the global flag (called from destroy()). */
  release(): void;
}

/**
 * Claims the page for `record`, or returns null when a live instance already holds it. An instance
 * in the same world that can no longer reach the extension is destroyed first.
 */
export function claimPage(doc: Document, record: InstanceRecord, scope: InstanceScope = globalThis as InstanceScope): InstanceClaim | null {
  const existing = scope[INSTANCE_GLOBAL];
  if (existing && existing.id !== record.id) {
    if (existing.alive()) return null;
    existing.destroy();
  }

  let answered = false;
  let announcing = false;
  const onAlive = () => {
    if (announcing) answered = true;
  };
  const onStart = () => {
    // Our own announcement comes back to us synchronously; only others' count.
    if (announcing) return;
    if (record.alive()) doc.dispatchEvent(new CustomEvent(INSTANCE_ALIVE_EVENT));
    else record.destroy();
  };

  doc.addEventListener(INSTANCE_ALIVE_EVENT, onAlive);
  announcing = true;
  doc.dispatchEvent(new CustomEvent(INSTANCE_START_EVENT));
  announcing = false;
  doc.removeEventListener(INSTANCE_ALIVE_EVENT, onAlive);
  if (answered) return null;

  doc.addEventListener(INSTANCE_START_EVENT, onStart);
  scope[INSTANCE_GLOBAL] = record;
  return {
    release() {
      doc.removeEventListener(INSTANCE_START_EVENT, onStart);
      if (scope[INSTANCE_GLOBAL] === record) delete scope[INSTANCE_GLOBAL];
    },
  };
}
