/**
 * Mounting on one host element: an open shadow root with the styles and the Preact tree, listeners
 * for the content script's events on the host, and destroy() that undoes all of it. External state
 * (analysis, open, hover) is held here and re-rendered synchronously on each event, so the content
 * script can dispatch STATE right after READY without racing a deferred effect.
 */
import { render } from 'preact';
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_HOVER,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_SELECT,
} from '../shared/overlay-contract';
import type { HoverDetail, OverlayState, SelectDetail } from '../shared/overlay-contract';
import { readHover, readState, readToggle } from './event-details';
import { Overlay } from './Overlay';
import { OVERLAY_CSS } from './styles';

export interface MountedOverlay {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  destroy(): void;
}

interface View {
  state: OverlayState | null;
  open: boolean;
  hover: HoverDetail | null;
}

/**
 * Both a constructed stylesheet and a <style> element, because each fails somewhere: a <style> can be
 * refused by a strict page CSP (style-src without 'unsafe-inline'), which constructed sheets are not
 * subject to; constructed sheets are missing in old engines and can fail to adopt from Firefox's
 * content-script sandbox. The rules are identical, so where both apply nothing changes.
 */
function applyStyles(shadow: ShadowRoot): void {
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = OVERLAY_CSS;
  shadow.appendChild(style);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // The <style> element carries the rules.
  }
}

function dispatch<T>(host: HTMLElement, type: string, detail: T): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
}

/** Mounts the overlay on `host`; null when it already has a shadow root (mounted before, or not ours). */
export function mountOverlay(host: HTMLElement): MountedOverlay | null {
  if (host.shadowRoot) return null;
  let shadow: ShadowRoot;
  try {
    shadow = host.attachShadow({ mode: 'open' });
  } catch {
    return null;
  }
  applyStyles(shadow);
  // Preact renders into this element, so the <style> fallback stays outside the tree it diffs.
  const container = shadow.ownerDocument.createElement('div');
  container.className = 'mount';
  shadow.appendChild(container);

  let view: View = { state: null, open: false, hover: null };
  let destroyed = false;

  const draw = () =>
    render(
      <Overlay
        state={view.state}
        open={view.open}
        hover={view.hover}
        onOpenChange={(open) => update({ open })}
        onSelect={(id) => dispatch<SelectDetail>(host, OVERLAY_TO_CONTENT_SELECT, { id })}
      />,
      container,
    );
  const update = (patch: Partial<View>) => {
    if (destroyed) return;
    view = { ...view, ...patch };
    try {
      draw();
    } catch (error) {
      // A result that passed the shape checks but still cannot be drawn: say so instead of a blank panel.
      view = { ...view, hover: null, state: { status: 'error', error: `WhoSaid could not display this result (${error instanceof Error ? error.message : String(error)}).` } };
      render(null, container);
      draw();
    }
  };

  const onState = (event: Event) => {
    const state = readState((event as CustomEvent).detail);
    if (state) update({ state });
  };
  const onToggle = (event: Event) => {
    const { open } = readToggle((event as CustomEvent).detail);
    update({ open: open ?? !view.open });
  };
  const onHover = (event: Event) => {
    const hover = readHover((event as CustomEvent).detail);
    if (hover) update({ hover: hover.id ? hover : null });
  };
  const listeners: [string, (event: Event) => void][] = [
    [CONTENT_TO_OVERLAY_STATE, onState],
    [CONTENT_TO_OVERLAY_TOGGLE, onToggle],
    [CONTENT_TO_OVERLAY_HOVER, onHover],
    [CONTENT_TO_OVERLAY_DESTROY, () => mounted.destroy()],
  ];
  for (const [type, listener] of listeners) host.addEventListener(type, listener);

  const mounted: MountedOverlay = {
    host,
    shadow,
    destroy() {
      if (destroyed) return;
      for (const [type, listener] of listeners) host.removeEventListener(type, listener);
      render(null, container);
      destroyed = true;
      while (shadow.firstChild) shadow.removeChild(shadow.firstChild);
      try {
        shadow.adoptedStyleSheets = [];
      } catch {
        // Nothing adopted.
      }
    },
  };

  update({});
  dispatch(host, OVERLAY_TO_CONTENT_READY, null);
  return mounted;
}
