/**
 * One live content script per page. Two ways a second one appears: the same bundle injected twice
 * into one isolated world (the manifest's injection plus the worker's scripting.executeScript), and
 * an extension update or reload, after which the old script keeps running, cut off from the extension
 * ("Extension context invalidated"), while the new one is injected beside it.
 *
 * The page must not be able to silence a newcomer (and so hide attributions), so only state it cannot
 * reach decides whether one stands down: the record on the isolated world's global. It is keyed by a
 * symbol and read as an own property, because a string name on window can be clobbered by an element
 * with that id, in every world. DOM events are seen and forged by the page, so the one event left asks
 * nothing of the newcomer: it announces itself, and an older instance that is cut off destroys itself.
 * A forged announcement can therefore only end instances that are dead anyway. A live instance in
 * another world is not detected, since no event of its could be told from the page's; Chrome and
 * Firefox run one extension's content scripts in one isolated world per frame, so only an update (a
 * cut-off instance) puts two in different worlds.
 */

/** Unversioned on purpose: a newer bundle must find an older one's record in the same world to end it. */
export const INSTANCE_KEY = Symbol.for('whosaid.content-instance');
export const INSTANCE_START_EVENT = 'whosaid:content-start';

export interface InstanceRecord {
  id: string;
  /** Whether this instance can still reach the extension. */
  alive(): boolean;
  destroy(): void;
}

/** The isolated world's global (a test passes a plain object). */
export type InstanceScope = object;

export interface InstanceClaim {
  /** Stops listening to other instances and clears the record (called from destroy()). */
  release(): void;
}

/** The record an instance left on `scope`, if any; anything else there is not one of ours. */
export function instanceIn(scope: InstanceScope): InstanceRecord | null {
  const value = Object.getOwnPropertyDescriptor(scope, INSTANCE_KEY)?.value as Partial<InstanceRecord> | undefined;
  if (!value || typeof value.id !== 'string' || typeof value.alive !== 'function' || typeof value.destroy !== 'function') return null;
  return value as InstanceRecord;
}

/**
 * Claims the page for `record`, or returns null when a live instance already holds this world. An
 * instance in the same world that can no longer reach the extension is destroyed first; cut-off ones
 * in other worlds destroy themselves when they hear the announcement.
 */
export function claimPage(doc: Document, record: InstanceRecord, scope: InstanceScope = globalThis): InstanceClaim | null {
  const existing = instanceIn(scope);
  if (existing && existing.id !== record.id) {
    if (existing.alive()) return null;
    existing.destroy();
  }

  doc.dispatchEvent(new CustomEvent(INSTANCE_START_EVENT));
  // Registered after our own announcement, so only later ones (real or forged) reach it.
  const onStart = () => {
    if (!record.alive()) record.destroy();
  };
  doc.addEventListener(INSTANCE_START_EVENT, onStart);
  Object.defineProperty(scope, INSTANCE_KEY, { value: record, configurable: true });
  return {
    release() {
      doc.removeEventListener(INSTANCE_START_EVENT, onStart);
      if (instanceIn(scope) === record) delete (scope as Record<symbol, unknown>)[INSTANCE_KEY];
    },
  };
}
