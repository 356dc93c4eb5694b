/**
 * Drives the overlay the way the content script does: a host with a closed shadow root
 * (createHostElement) appended to <html> with its link registered, the mount request dispatched on it, CONTENT_TO_OVERLAY_* messages
 * sent over the link, OVERLAY_TO_CONTENT_* messages recorded.
 */
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_HOVER,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_REVEAL,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TO_CONTENT_HIDE,
  OVERLAY_TO_CONTENT_OPEN_OPTIONS,
  OVERLAY_TO_CONTENT_PANEL,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_SELECT,
  overlayLinks,
} from '../../src/shared/overlay-contract';
import type { HoverDetail, OverlayLink, OverlayState, ToggleDetail } from '../../src/shared/overlay-contract';
import { createHostElement } from '../../src/content/overlay-host';

export interface Harness {
  host: HTMLElement;
  link: OverlayLink;
  shadow: ShadowRoot;
  readyCount(): number;
  selected: string[];
  /** How many times the overlay asked for the settings. */
  optionsRequests(): number;
  /** How many times the reader asked to hide WhoSaid on this page. */
  hideRequests(): number;
  /** The panel places the overlay reported, latest last. */
  panelRects: unknown[];
  /** Every overlay → content message, in order. */
  messages: Array<{ type: string; detail: unknown }>;
  state(state: OverlayState | unknown): void;
  toggle(detail?: ToggleDetail): void;
  hover(detail: HoverDetail): void;
  /** The reader clicked a highlight of this attribution in the article. */
  reveal(attributionId: string): void;
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

/** `scope` stands for the isolated world's global, where the content script registers the host's link. */
export function mountHarness(doc: Document = document, scope: object = globalThis): Harness {
  const { element: host, shadow } = createHostElement(doc);
  let ready = 0;
  let optionsRequests = 0;
  let hideRequests = 0;
  const panelRects: unknown[] = [];
  const messages: Array<{ type: string; detail: unknown }> = [];
  const selected: string[] = [];
  const link: OverlayLink = {
    shadow,
    toOverlay: null,
    toContent({ type, detail }) {
      messages.push({ type, detail });
      if (type === OVERLAY_TO_CONTENT_READY) ready++;
      if (type === OVERLAY_TO_CONTENT_SELECT) selected.push((detail as { id: string }).id);
      if (type === OVERLAY_TO_CONTENT_OPEN_OPTIONS) optionsRequests++;
      if (type === OVERLAY_TO_CONTENT_HIDE) hideRequests++;
      if (type === OVERLAY_TO_CONTENT_PANEL) panelRects.push(detail);
    },
  };
  const send = (type: string, detail: unknown) => link.toOverlay?.({ type, detail });
  overlayLinks(scope).set(host, link);
  doc.documentElement.appendChild(host);
  fire(host, CONTENT_TO_OVERLAY_MOUNT, null, true);
  if (!link.toOverlay) throw new Error('the overlay did not mount on the host');
  const queryAll = <T extends Element>(selector: string) => Array.from(shadow.querySelectorAll<T>(selector));
  return {
    host,
    link,
    shadow,
    readyCount: () => ready,
    selected,
    optionsRequests: () => optionsRequests,
    hideRequests: () => hideRequests,
    panelRects,
    messages,
    state: (state) => send(CONTENT_TO_OVERLAY_STATE, state),
    toggle: (detail = {}) => send(CONTENT_TO_OVERLAY_TOGGLE, detail),
    hover: (detail) => send(CONTENT_TO_OVERLAY_HOVER, detail),
    reveal: (attributionId) => send(CONTENT_TO_OVERLAY_REVEAL, { attributionId }),
    destroy: () => send(CONTENT_TO_OVERLAY_DESTROY, null),
    query: <T extends Element>(selector: string) => shadow.querySelector<T>(selector),
    queryAll,
    visible: <T extends Element>(selector: string) => queryAll<T>(selector).filter((element) => !isHidden(element)),
  };
}

/** Lets Preact flush state updates made inside event handlers (it batches them in a microtask). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
