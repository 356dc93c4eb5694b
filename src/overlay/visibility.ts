/**
 * Whether the reader can see the panel, asked before a review action is taken (issue 21). A page can
 * put an opaque top-layer popover with `pointer-events: none` over the overlay (the top layer is above
 * any z-index): the reader's clicks still land on the panel they cannot see, and would store marks they
 * never meant. Occlusion is something only the browser can tell:
 *
 * - Chromium: IntersectionObserver v2 (`trackVisibility`) reports `isVisible` false for a target that is
 *   covered by anything drawn over it (the top layer included, whatever its pointer-events), or drawn with
 *   opacity, a filter or a transform. An action is allowed once the panel has been reported visible, and
 *   unchanged, for DWELL_MS: a page that uncovers the panel just as the reader clicks gains nothing.
 * - Elsewhere (Firefox has no IntersectionObserver v2) a check at the action: the top element at the point
 *   must be our host, no ancestor of the host may fade or filter it, and nothing the page holds in the top
 *   layer may paint over the panel's box (top-layer.ts: popovers, modal dialogs and the fullscreen element in
 *   the document and in every shadow root, closed ones included, with their ::backdrop and whatever their
 *   subtree draws; elementFromPoint alone skips an element with `pointer-events: none`). The check is also
 *   made as the pointer moves over the panel and at the press; a cover seen within DWELL_MS before the
 *   action refuses it.
 *
 * Both checks run in Chromium: the point check also catches a cover shown within the observer's delay.
 */

import { topLayerCover, type Layout } from './top-layer';

export interface Point {
  x: number;
  y: number;
}

export interface PanelVisibility {
  /** Whether an action the reader takes now at `point` (viewport px; null: not a pointer) comes from a panel they can see. */
  allows(point: Point | null): boolean;
  destroy(): void;
}

export interface VisibilityContext {
  /** The overlay's host element (what the page's document sees of it). */
  host: Element;
  /** Called with true once the panel has been seen for DWELL_MS, false when it stops being seen (IntersectionObserver v2 only). */
  onChange?(seen: boolean): void;
}

/** Makes the visibility check for the panel element. (Tests give the window a stand-in IntersectionObserver.) */
export type VisibilitySource = (panel: Element, context: VisibilityContext) => PanelVisibility;

/** How long the panel must have been reported visible before an action counts. */
export const DWELL_MS = 500;
/** How often, at most, the check is made as the pointer moves over the panel. */
const SAMPLE_MS = 100;
/** How old the list of the page's shadow roots may be for a sample taken as the pointer moves (top-layer.ts). */
const ROOTS_MAX_AGE_MS = 1000;
/** The smallest delay IntersectionObserver v2 accepts. */
const OBSERVER_DELAY_MS = 100;

interface VisibilityEntry {
  isIntersecting: boolean;
  isVisible?: boolean;
}

type ObserverV2 = new (
  callback: (entries: VisibilityEntry[]) => void,
  options: { trackVisibility: boolean; delay: number; threshold?: number },
) => { trackVisibility?: boolean; observe(target: Element): void; disconnect(): void };

/**
 * The point check (see above). True where there is no layout to ask (a DOM without elementFromPoint:
 * only test environments).
 */
export function pointIsClear(panel: Element, host: Element, point: Point | null, layout?: Layout, rootsMaxAgeMs = 0): boolean {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  if (typeof doc.elementFromPoint !== 'function' || typeof panel.getBoundingClientRect !== 'function') return true;
  const box = panel.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return false;
  const at = point ?? { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  if (doc.elementFromPoint(at.x, at.y) !== host) return false;
  if (topLayerCover(doc, host, box, layout, rootsMaxAgeMs)) return false;
  if (view && typeof view.getComputedStyle === 'function') {
    for (let element = host.parentElement; element; element = element.parentElement) {
      const style = view.getComputedStyle(element);
      if (Number(style.opacity) < 1 || (style.filter && style.filter !== 'none')) return false;
    }
  }
  return true;
}

/** The browser's own check: IntersectionObserver v2, or the point check alone where it is missing. */
export const trackVisibility: VisibilitySource = (panel, { host, onChange }) => {
  const view = host.ownerDocument.defaultView;
  const now = () => view?.performance?.now() ?? Date.now();
  const Observer = view?.IntersectionObserver as unknown as ObserverV2 | undefined;
  let observer: InstanceType<ObserverV2> | null = null;
  let seenSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  if (Observer) {
    try {
      observer = new Observer(
        (entries) => {
          const last = entries[entries.length - 1];
          if (!last) return;
          const seen = last.isIntersecting && last.isVisible === true;
          if (seen && seenSince === null) {
            seenSince = now();
            stopTimer();
            timer = setTimeout(() => onChange?.(true), DWELL_MS);
          } else if (!seen && seenSince !== null) {
            seenSince = null;
            stopTimer();
            onChange?.(false);
          }
        },
        { trackVisibility: true, delay: OBSERVER_DELAY_MS, threshold: 0 },
      );
      // A browser without v2 ignores the option; its entries would say nothing of occlusion.
      if (observer.trackVisibility !== true) {
        observer.disconnect();
        observer = null;
      } else {
        observer.observe(panel);
      }
    } catch {
      observer = null;
    }
  }

  // The check is also made as the reader's pointer moves over the panel and presses on it: a cover seen there
  // within DWELL_MS before an action refuses it, so a page that lifts its cover at the press (its listeners on
  // the window hear the press before the panel does) gains nothing.
  let coveredAt = -Infinity;
  let sampledAt = -Infinity;
  const sample = (event: Event) => {
    if (!event.isTrusted) return;
    const at = now();
    const moving = event.type === 'pointermove';
    // Where IntersectionObserver v2 watches, it already sees a cover come and go; the press is still checked.
    if (moving && (observer || at - sampledAt < SAMPLE_MS)) return;
    sampledAt = at;
    const pointer = event as MouseEvent;
    if (!pointIsClear(panel, host, { x: pointer.clientX, y: pointer.clientY }, undefined, moving ? ROOTS_MAX_AGE_MS : 0)) coveredAt = at;
  };
  const SAMPLED = ['pointermove', 'pointerdown'] as const;
  for (const type of SAMPLED) panel.addEventListener(type, sample, true);

  return {
    allows(point) {
      if (observer && (seenSince === null || now() - seenSince < DWELL_MS)) return false;
      const at = now();
      if (!pointIsClear(panel, host, point)) {
        coveredAt = at;
        return false;
      }
      return at - coveredAt >= DWELL_MS;
    },
    destroy() {
      for (const type of SAMPLED) panel.removeEventListener(type, sample, true);
      stopTimer();
      observer?.disconnect();
      observer = null;
    },
  };
};
