/**
 * The content script's side of the overlay contract (src/shared/overlay-contract.ts): the
 * host (<whosaid-overlay>, or a <div> when the page owns that tag) with a closed shadow root, appended to <html>
 * outside <body> so the page's text is unchanged, and its
 * link, over which state, hovers and reveals go to the overlay and selections and settings requests come back. Nothing the
 * page dispatches on the host reaches us.
 */
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_HOVER,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_REVEAL,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_FALLBACK_TAG,
  OVERLAY_TAG,
  OVERLAY_TO_CONTENT_HIDE,
  OVERLAY_TO_CONTENT_OPEN_DESK,
  OVERLAY_TO_CONTENT_PIN,
  OVERLAY_TO_CONTENT_REVIEW,
  OVERLAY_TO_CONTENT_OPEN_OPTIONS,
  OVERLAY_TO_CONTENT_PANEL,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_SELECT,
  overlayLinks,
  type HoverDetail,
  type OverlayLink,
  type OverlayState,
  type PanelRect,
  type ReviewDetail,
  type RevealDetail,
  type ToggleDetail,
} from '../shared/overlay-contract';
import { isMark } from '../shared/desk/schema';
import type { ReviewPatch } from '../shared/desk/store';

export interface OverlayHost {
  readonly element: HTMLElement;
  /** The status of the last state set; null before any. */
  readonly status: OverlayState['status'] | null;
  setState(state: OverlayState): void;
  /** Opens (true), closes (false) or toggles (undefined) the panel; `focusList`: an opening panel focuses its first item. */
  toggle(open?: boolean, options?: { focusList?: boolean }): void;
  hover(detail: HoverDetail): void;
  /** Opens the panel on this attribution's item. */
  reveal(attributionId: string): void;
  destroy(): void;
}

/**
 * Creates the host, registers its link and asks the overlay bundle to mount on it. The overlay mounts
 * synchronously when its bundle is already listening; if it starts later, its READY makes the host
 * send the latest state, panel request and a reveal asked for meanwhile, so neither load order loses them. `links` is the
 * isolated world's registry (a test passes its own).
 */
/** What the overlay asks of the content script. */
export interface OverlayRequests {
  /** The user picked an attribution. */
  onSelect(id: string): void;
  /** The user asked for WhoSaid's settings. */
  onOpenOptions(): void;
  /** The reader asked to hide WhoSaid on this page. */
  onHide?(): void;
  /** The open panel's place in the viewport; null when it closes. */
  onPanelRect?(rect: PanelRect | null): void;
  /** The reader marked, noted or corrected an attribution. */
  onReview?(id: string, patch: ReviewPatch): void;
  /** "Keep on desk" switched. */
  onPin?(pinned: boolean): void;
  onOpenDesk?(): void;
}

/** A review the overlay sent, checked field by field (the overlay is ours, but a detail is still checked). */
function readReview(detail: unknown): ReviewDetail | null {
  const value = detail as { id?: unknown; patch?: Record<string, unknown> } | null;
  if (!value || typeof value.id !== 'string' || !value.patch || typeof value.patch !== 'object') return null;
  const patch: ReviewPatch = {};
  const { mark, note, speaker } = value.patch;
  if (mark === null || isMark(mark)) patch.mark = mark;
  if (typeof note === 'string') patch.note = note;
  if (speaker === null || typeof speaker === 'string') patch.speaker = speaker;
  return { id: value.id, patch };
}

function readPanelRect(detail: unknown): PanelRect | null {
  const rect = detail as Partial<PanelRect> | null;
  if (!rect || typeof rect !== 'object') return null;
  const values = [rect.top, rect.left, rect.right, rect.bottom];
  return values.every((value) => typeof value === 'number' && Number.isFinite(value)) ? (rect as PanelRect) : null;
}

/** How often a minute the host is put back after the page took it away. */
export const RESTORE_LIMIT = 20;

/**
 * A host element with a closed shadow root. A page that defined OVERLAY_TAG as its own custom element
 * has its constructor run on the element we create and can attach a shadow root first (a fake panel):
 * attaching ours then throws, and the host is a built-in element the page cannot define.
 */
export function createHostElement(doc: Document): { element: HTMLElement; shadow: ShadowRoot } {
  for (const tag of [OVERLAY_TAG, OVERLAY_FALLBACK_TAG]) {
    const element = doc.createElement(tag);
    try {
      return { element, shadow: element.attachShadow({ mode: 'closed' }) };
    } catch {
      // Claimed by the page: try the next tag.
    }
  }
  throw new Error('WhoSaid could not attach its overlay to this page');
}

export function createOverlayHost(doc: Document, requests: OverlayRequests, links: WeakMap<Element, OverlayLink> = overlayLinks()): OverlayHost {
  const { element, shadow } = createHostElement(doc);
  let state: OverlayState | null = null;
  let openRequest: ToggleDetail | null = null;
  // A highlight clicked before the overlay bundle has mounted: revealed once it is ready.
  let pendingReveal: string | null = null;
  let destroyed = false;

  const link: OverlayLink = {
    shadow,
    toOverlay: null,
    toContent(message) {
      if (destroyed) return;
      if (message.type === OVERLAY_TO_CONTENT_READY) {
        if (state) send(CONTENT_TO_OVERLAY_STATE, state);
        if (openRequest) send(CONTENT_TO_OVERLAY_TOGGLE, openRequest);
        if (pendingReveal) send<RevealDetail>(CONTENT_TO_OVERLAY_REVEAL, { attributionId: pendingReveal });
        pendingReveal = null;
      } else if (message.type === OVERLAY_TO_CONTENT_SELECT) {
        const id = (message.detail as { id?: unknown } | null)?.id;
        if (typeof id === 'string') requests.onSelect(id);
      } else if (message.type === OVERLAY_TO_CONTENT_OPEN_OPTIONS) {
        requests.onOpenOptions();
      } else if (message.type === OVERLAY_TO_CONTENT_HIDE) {
        requests.onHide?.();
      } else if (message.type === OVERLAY_TO_CONTENT_PANEL) {
        requests.onPanelRect?.(readPanelRect(message.detail));
      } else if (message.type === OVERLAY_TO_CONTENT_REVIEW) {
        const review = readReview(message.detail);
        if (review) requests.onReview?.(review.id, review.patch);
      } else if (message.type === OVERLAY_TO_CONTENT_PIN) {
        const pinned = (message.detail as { pinned?: unknown } | null)?.pinned;
        if (typeof pinned === 'boolean') requests.onPin?.(pinned);
      } else if (message.type === OVERLAY_TO_CONTENT_OPEN_DESK) {
        requests.onOpenDesk?.();
      }
    },
  };
  const send = <T>(type: string, detail: T) => {
    if (!destroyed) link.toOverlay?.({ type, detail });
  };

  links.set(element, link);
  doc.documentElement.appendChild(element);
  element.dispatchEvent(new CustomEvent(CONTENT_TO_OVERLAY_MOUNT, { detail: null, bubbles: true }));

  // A page that removes the host, or moves it into an element it hides, gets it put back under <html> (the shadow
  // root and the panel go with the element). A page fighting back gets at most RESTORE_LIMIT restores a minute.
  const restores: number[] = [];
  const Observer = doc.defaultView?.MutationObserver;
  const observer = Observer ? new Observer(() => {
    if (destroyed || element.parentNode === doc.documentElement) return;
    const now = Date.now();
    while (restores.length > 0 && now - restores[0] > 60_000) restores.shift();
    if (restores.length >= RESTORE_LIMIT) return;
    restores.push(now);
    doc.documentElement.appendChild(element);
  }) : null;
  observer?.observe(doc.documentElement, { childList: true });

  return {
    element,
    get status() {
      return state?.status ?? null;
    },
    setState(next) {
      state = next;
      send(CONTENT_TO_OVERLAY_STATE, next);
    },
    toggle(open, options) {
      const detail: ToggleDetail = { ...(open === undefined ? {} : { open }), ...(options?.focusList ? { focusList: true } : {}) };
      // Only an explicit open/close is worth repeating on READY; a toggle repeated would undo itself.
      if (open !== undefined) openRequest = detail;
      send(CONTENT_TO_OVERLAY_TOGGLE, detail);
    },
    hover(detail) {
      send(CONTENT_TO_OVERLAY_HOVER, detail);
    },
    reveal(attributionId) {
      if (!link.toOverlay) pendingReveal = attributionId;
      send<RevealDetail>(CONTENT_TO_OVERLAY_REVEAL, { attributionId });
    },
    destroy() {
      if (destroyed) return;
      send(CONTENT_TO_OVERLAY_DESTROY, null);
      destroyed = true;
      observer?.disconnect();
      link.toOverlay = null;
      links.delete(element);
      element.remove();
    },
  };
}
