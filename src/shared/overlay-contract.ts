/**
 * The content script and the overlay are separate bundles (the content script must stay small and
 * free of UI code). They talk through DOM CustomEvents on the overlay's host element, which both
 * reach in the same isolated world. Event names say the direction.
 */
import type { AnalysisReply } from './messages';

/** Tag of the host element; it gets an open shadow root holding all of the overlay's DOM and CSS. */
export const OVERLAY_TAG = 'whosaid-overlay';

export interface OverlayState {
  status: 'analyzing' | 'done' | 'error';
  analysis?: AnalysisReply;
  error?: string;
}

/**
 * content → overlay: dispatched (bubbling) on a fresh host element that the content script has just
 * appended to document.documentElement (outside <body>, so the page's own text is unchanged). The
 * overlay bundle listens on document, attaches the shadow root to the event's target and answers
 * OVERLAY_TO_CONTENT_READY on the host. The content script creates the host only when it has
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
/** overlay → content: the user picked an attribution; scroll to it and flash its highlight. detail: { id: string } */
export const OVERLAY_TO_CONTENT_SELECT = 'whosaid:overlay-select';
/** overlay → content: the overlay's bundle is listening on this host. detail: null */
export const OVERLAY_TO_CONTENT_READY = 'whosaid:overlay-ready';

export interface HoverDetail {
  id: string | null;
  x: number;
  y: number;
}
export interface SelectDetail {
  id: string;
}
export interface ToggleDetail {
  open?: boolean;
}
