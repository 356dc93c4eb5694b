/**
 * The content script and the overlay are separate bundles (the content script must stay small and
 * free of UI code) loaded into the same isolated world. The host element sits in the page's DOM,
 * where the page can dispatch any event on it, so only the mount request is a DOM event (a doorbell
 * with no detail). Everything else, state included, goes through an OverlayLink: a plain object the
 * content script registers for its host in a map held on the isolated world's global, which the page
 * can neither read nor write. A host the content script did not register is never mounted. Message
 * types say the direction.
 */
import type { AnalysisReply } from './messages';
import type { PageDesk } from './desk/page';
import type { ReviewPatch } from './desk/store';

/**
 * Tag of the host element; the content script gives it a closed shadow root holding all of the
 * overlay's DOM and CSS, so the page can neither read nor write the panel. A page may define this
 * tag first as its own custom element (its constructor then runs on our host and can claim the
 * shadow root): the host is then a plain OVERLAY_FALLBACK_TAG, which no page can define.
 */
export const OVERLAY_TAG = 'whosaid-overlay';
/** The host when the page owns OVERLAY_TAG: a built-in element that accepts a shadow root. */
export const OVERLAY_FALLBACK_TAG = 'div';

export interface OverlayState {
  status: 'analyzing' | 'done' | 'error';
  analysis?: AnalysisReply;
  error?: string;
  /** The desk for this page: keys, the reader's reviews, orphans; `notice` when the last review failed to save. */
  desk?: PageDesk & { notice?: string };
}

/** One message over a link: `type` is one of the constants below, `detail` as each describes. */
export interface OverlayMessage {
  type: string;
  detail: unknown;
}

/** The private line between the content script and the overlay mounted on one host. */
export interface OverlayLink {
  /** The host's closed shadow root, attached by the content script; the overlay renders into it. */
  readonly shadow: ShadowRoot;
  /** content → overlay: set by the overlay when it mounts on the host, null before and after. */
  toOverlay: ((message: OverlayMessage) => void) | null;
  /** overlay → content: READY, SELECT and OPEN_OPTIONS. */
  toContent(message: OverlayMessage): void;
}

/** Versioned, so a bundle left behind by an extension update never reads another version's links. */
export const OVERLAY_LINKS_KEY = Symbol.for('whosaid.overlay-links.v1');

type LinkScope = { [OVERLAY_LINKS_KEY]?: WeakMap<Element, OverlayLink> };

/** host → link for this isolated world (created on first use). Objects on this global are invisible to the page. */
export function overlayLinks(scope: object = globalThis): WeakMap<Element, OverlayLink> {
  const holder = scope as LinkScope;
  let links = holder[OVERLAY_LINKS_KEY];
  if (!links) {
    links = new WeakMap();
    Object.defineProperty(holder, OVERLAY_LINKS_KEY, { value: links, configurable: true });
  }
  return links;
}

/**
 * content → overlay, the one DOM event: dispatched (bubbling) on a fresh host element that the content script has just
 * appended to document.documentElement (outside <body>, so the page's own text is unchanged). The
 * overlay bundle listens on document, looks up the target's link, renders into the link's shadow root and
 * answers OVERLAY_TO_CONTENT_READY over the link. The content script creates the host only when it has
 * something to show, so pages with no attributions get no visible trace. detail: null
 */
export const CONTENT_TO_OVERLAY_MOUNT = 'whosaid:content-mount';
/** content → overlay: the host is going away (extension context invalidated, page unload); unmount. detail: null */
export const CONTENT_TO_OVERLAY_DESTROY = 'whosaid:content-destroy';
/** content → overlay: new state to render. detail: OverlayState */
export const CONTENT_TO_OVERLAY_STATE = 'whosaid:content-state';
/** content → overlay: open, close or toggle the panel. detail: { open?: boolean } (absent = toggle) */
export const CONTENT_TO_OVERLAY_TOGGLE = 'whosaid:content-toggle';
/** content → overlay: the pointer is over a highlight of this attribution (null: left it). detail: { id: string | null, x: number, y: number } */
export const CONTENT_TO_OVERLAY_HOVER = 'whosaid:content-hover';
/**
 * content → overlay: the user clicked inside a highlight of this attribution; open the panel on its
 * item. detail: { attributionId: string }
 */
export const CONTENT_TO_OVERLAY_REVEAL = 'whosaid:content-reveal';
/** overlay → content: the user picked an attribution; scroll to it and flash its highlight. detail: { id: string } */
export const OVERLAY_TO_CONTENT_SELECT = 'whosaid:overlay-select';
/** overlay → content: the user asked for WhoSaid's settings (the content script asks the worker to open them). detail: null */
export const OVERLAY_TO_CONTENT_OPEN_OPTIONS = 'whosaid:overlay-open-options';
/** overlay → content: the reader asked to hide WhoSaid on this page (overlay and highlights go until the toolbar button or shortcut). detail: null */
export const OVERLAY_TO_CONTENT_HIDE = 'whosaid:overlay-hide';
/**
 * overlay → content: where the open panel is in the viewport, sent just before each SELECT so the passage is not
 * scrolled under it; null when the panel closes. detail: PanelRect | null
 */
export const OVERLAY_TO_CONTENT_PANEL = 'whosaid:overlay-panel';
/** overlay → content: the reader marked, noted or corrected an attribution. detail: ReviewDetail */
export const OVERLAY_TO_CONTENT_REVIEW = 'whosaid:overlay-review';
/** overlay → content: "Keep on desk" switched. detail: { pinned: boolean } */
export const OVERLAY_TO_CONTENT_PIN = 'whosaid:overlay-pin';
/** overlay → content: open the desk page. detail: null */
export const OVERLAY_TO_CONTENT_OPEN_DESK = 'whosaid:overlay-open-desk';
/** overlay → content: the overlay's bundle is listening on this host. detail: null */
export const OVERLAY_TO_CONTENT_READY = 'whosaid:overlay-ready';

export interface HoverDetail {
  id: string | null;
  x: number;
  y: number;
}
export interface RevealDetail {
  attributionId: string;
}
export interface PanelRect {
  top: number;
  left: number;
  right: number;
  bottom: number;
}
export interface ReviewDetail {
  id: string;
  patch: ReviewPatch;
}
export interface SelectDetail {
  id: string;
}
export interface ToggleDetail {
  open?: boolean;
  /** Asked from the keyboard (the shortcut, the toolbar button): an opening panel puts focus, visibly, on its first item. */
  focusList?: boolean;
}
