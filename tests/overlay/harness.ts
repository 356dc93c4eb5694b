/**
 * Drives the overlay the way the content script does: a plain <whosaid-overlay> host appended to
 * <html>, CONTENT_TO_OVERLAY_* events dispatched on it, OVERLAY_TO_CONTENT_* events recorded.
 */
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_HOVER,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TAG,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_SELECT,
} from '../../src/shared/overlay-contract';
import type { HoverDetail, OverlayState, ToggleDetail } from '../../src/shared/overlay-contract';

export interface Harness {
  host: HTMLElement;
  shadow: ShadowRoot;
  readyCount(): number;
  selected: string[];
  state(state: OverlayState | unknown): void;
  toggle(detail?: ToggleDetail): void;
  hover(detail: HoverDetail): void;
  destroy(): void;
  query<T extends Element = HTMLElement>(selector: string): T | null;
  queryAll<T extends Element = HTMLElement>(selector: string): T[];
  /** Shadow-root elements that are not inside a [hidden] subtree. */
  visible<T extends Element = HTMLElement>(selector: string): T[];
}

function fire(target: EventTarget, type: string, detail: unknown, bubbles = false): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles }));
}

export function isHidden(element: Element): boolean {
  return element.closest('[hidden]') !== null;
}

export function mountHarness(doc: Document = document): Harness {
  const host = doc.createElement(OVERLAY_TAG);
  doc.documentElement.appendChild(host);
  let ready = 0;
  const selected: string[] = [];
  host.addEventListener(OVERLAY_TO_CONTENT_READY, () => ready++);
  host.addEventListener(OVERLAY_TO_CONTENT_SELECT, (event) => selected.push((event as CustomEvent<{ id: string }>).detail.id));
  fire(host, CONTENT_TO_OVERLAY_MOUNT, null, true);
  const shadow = host.shadowRoot;
  if (!shadow) throw new Error('the overlay did not attach a shadow root on mount');
  const queryAll = <T extends Element>(selector: string) => Array.from(shadow.querySelectorAll<T>(selector));
  return {
    host,
    shadow,
    readyCount: () => ready,
    selected,
    state: (state) => fire(host, CONTENT_TO_OVERLAY_STATE, state),
    toggle: (detail = {}) => fire(host, CONTENT_TO_OVERLAY_TOGGLE, detail),
    hover: (detail) => fire(host, CONTENT_TO_OVERLAY_HOVER, detail),
    destroy: () => fire(host, CONTENT_TO_OVERLAY_DESTROY, null),
    query: <T extends Element>(selector: string) => shadow.querySelector<T>(selector),
    queryAll,
    visible: <T extends Element>(selector: string) => queryAll<T>(selector).filter((element) => !isHidden(element)),
  };
}

/** Lets Preact flush state updates made inside event handlers (it batches them in a microtask). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
