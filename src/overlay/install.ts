/**
 * Listening for mount requests, once per isolated world. Content scripts get no customElements
 * registry, so there is no custom element: the content script appends a plain host with a closed
 * shadow root, registers its link and dispatches CONTENT_TO_OVERLAY_MOUNT on it. A host without a link
 * (one the page made, with a forged request) is ignored.
 */
import { CONTENT_TO_OVERLAY_MOUNT, overlayLinks } from '../shared/overlay-contract';
import { mountOverlay } from './mount';

/** Bumped when the bundle changes how it mounts; tells instances apart while debugging. */
export const OVERLAY_BUNDLE_VERSION = 1;

/** The global that marks a loaded overlay bundle in this isolated world. */
export const OVERLAY_GLOBAL = '__whosaidOverlay';

export interface OverlayBundle {
  version: number;
  /** Stops listening for new mounts; overlays already mounted keep working until their host is destroyed. */
  release(): void;
}

export type OverlayScope = typeof globalThis & { [OVERLAY_GLOBAL]?: OverlayBundle };

function mountHost(target: EventTarget | null, scope: object): void {
  const host = target as Element | null;
  if (host?.nodeType !== 1) return;
  const link = overlayLinks(scope).get(host);
  if (link) mountOverlay(host as HTMLElement, link);
}

/**
 * Listens on `doc` for mount requests. A bundle already loaded in this world (the same file injected
 * twice, or the previous version left behind by an extension update) is released first: the newest
 * bundle answers new mounts, and exactly one listener is left either way. Hosts that asked before any
 * bundle listened (an injection-order race) are mounted now.
 */
export function installOverlay(doc: Document = document, scope: OverlayScope = globalThis as OverlayScope): OverlayBundle {
  scope[OVERLAY_GLOBAL]?.release();

  const onMount = (event: Event) => mountHost(event.target, scope);
  doc.addEventListener(CONTENT_TO_OVERLAY_MOUNT, onMount);
  // document.open() erases the document's listeners, an isolated world's too, as it replaces <html>: listen again then.
  const Observer = doc.defaultView?.MutationObserver;
  const reopened = Observer ? new Observer(() => doc.addEventListener(CONTENT_TO_OVERLAY_MOUNT, onMount)) : null;
  reopened?.observe(doc, { childList: true });
  // Our hosts are children of <html>: no need to search the page's whole tree.
  for (const host of Array.from(doc.documentElement?.children ?? [])) {
    if (!overlayLinks(scope).get(host)?.toOverlay) mountHost(host, scope);
  }

  const bundle: OverlayBundle = {
    version: OVERLAY_BUNDLE_VERSION,
    release() {
      doc.removeEventListener(CONTENT_TO_OVERLAY_MOUNT, onMount);
      reopened?.disconnect();
      if (scope[OVERLAY_GLOBAL] === bundle) delete scope[OVERLAY_GLOBAL];
    },
  };
  scope[OVERLAY_GLOBAL] = bundle;
  return bundle;
}
