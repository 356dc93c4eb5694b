/**
 * Mounting on one host element: its closed shadow root (attached by the content script, handed over on
 * the link) gets the styles and the Preact tree, the
 * receiving end of the host's link, and destroy() that undoes all of it. External state (analysis,
 * open, hover, the latest reveal request) is held here and re-rendered synchronously on each message,
 * so the content script can send STATE right after READY without racing a deferred effect. Events dispatched on the host are
 * not listened to: the page can dispatch those. A review (mark, note, "Keep on desk") is sent only while the reader can
 * see the panel (visibility.ts); otherwise the panel says it was not saved.
 */
import { render } from 'preact';
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_HOVER,
  CONTENT_TO_OVERLAY_REVEAL,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_HIDE,
  OVERLAY_TO_CONTENT_OPEN_DESK,
  OVERLAY_TO_CONTENT_OPEN_OPTIONS,
  OVERLAY_TO_CONTENT_PANEL,
  OVERLAY_TO_CONTENT_PIN,
  OVERLAY_TO_CONTENT_REVIEW,
  OVERLAY_TO_CONTENT_SELECT,
} from '../shared/overlay-contract';
import type { HoverDetail, OverlayLink, OverlayMessage, OverlayState, SelectDetail } from '../shared/overlay-contract';
import { readHover, readReveal, readState, readToggle } from './event-details';
import { Overlay, type RevealRequest } from './Overlay';
import { OVERLAY_CSS } from './styles';
import { trackVisibility, type PanelVisibility, type Point } from './visibility';

export interface MountedOverlay {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  destroy(): void;
}

interface View {
  state: OverlayState | null;
  open: boolean;
  hover: HoverDetail | null;
  reveal: RevealRequest | null;
  /** A new object per keyboard opening: focus goes to the list's first item. */
  focusList: object | null;
  /** Why the reader's last review was refused (the panel was covered); null once one goes through. */
  notice: string | null;
}

/** What was not saved, per action, when the panel was covered. */
const REFUSED = { mark: 'your mark was not saved', note: 'your note was not saved', pin: 'your change to \u201CKeep on desk\u201D was not saved' } as const;
/** Told in the note's own frame, which stays open with the note as typed: the reader saves again once the panel is seen. */
export const NOTE_REFUSED = 'Not saved: the panel is covered by something on the page. Your note is still here: save it again once you can see the whole panel.';

/**
 * A constructed stylesheet where it adopts, else a <style> element: a <style> can be refused by a
 * strict page CSP (style-src without 'unsafe-inline'), which constructed sheets are not subject to;
 * constructed sheets are missing in old engines and can fail to adopt from Firefox's content-script
 * sandbox (a throw, or an assignment that does not take). Only one of them: parsing the rules twice
 * cost every page about a millisecond.
 */
function applyStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return;
  } catch {
    // Fall back to the <style> element.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = OVERLAY_CSS;
  shadow.appendChild(style);
}

/** The events through which the reader acts in the panel. */
export const USER_EVENT_TYPES = ['click', 'keydown', 'keyup', 'input', 'change', 'submit', 'pointerdown', 'mousedown'] as const;

/** Mounts the overlay on `host`, speaking over `link`; null when something is mounted there already. */
export function mountOverlay(host: HTMLElement, link: OverlayLink): MountedOverlay | null {
  const { shadow } = link;
  if (link.toOverlay || shadow.firstChild) return null;
  applyStyles(shadow);
  // Preact renders into this element, so the <style> fallback stays outside the tree it diffs.
  const container = shadow.ownerDocument.createElement('div');
  container.className = 'mount';
  shadow.appendChild(container);
  // Only the reader's own input acts: an event a script made (isTrusted false) is stopped here, in the capture
  // phase, before any button hears it. The closed root already keeps the page's scripts away from the buttons.
  const stopScripted = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of USER_EVENT_TYPES) container.addEventListener(type, stopScripted, true);
  // Where the click being handled is (null: a keyboard activation, detail 0), for the visibility check of the
  // review it makes. Only for that click's own task: a note saved from its frame later has no point here.
  let actionPoint: Point | null = null;
  const notePoint = (event: Event) => {
    const pointer = event as MouseEvent;
    actionPoint = pointer.detail > 0 ? { x: pointer.clientX, y: pointer.clientY } : null;
    setTimeout(() => (actionPoint = null), 0);
  };
  container.addEventListener('click', notePoint, true);

  let view: View = { state: null, open: false, hover: null, reveal: null, focusList: null, notice: null };
  let destroyed = false;
  // Watches the panel element once it is drawn (it is kept from the first state on).
  let watched: { panel: Element; visibility: PanelVisibility } | null = null;
  const watchPanel = () => {
    const panel = container.querySelector('section.panel');
    if (panel === (watched?.panel ?? null)) return;
    watched?.visibility.destroy();
    container.removeAttribute('data-seen');
    // data-seen: the panel has been seen long enough for a review to count (read by the e2e helpers).
    watched = panel ? { panel, visibility: trackVisibility(panel, { host, onChange: (seen) => container.toggleAttribute('data-seen', seen) }) } : null;
  };
  /** A review action, taken only if the reader can see the panel; otherwise the panel says why (and so does the returned reason). */
  const act = (what: keyof typeof REFUSED, send: () => void): string | undefined => {
    if (watched?.visibility.allows(actionPoint)) {
      if (view.notice) update({ notice: null });
      send();
      return undefined;
    }
    update({ notice: `WhoSaid was covered by something on the page; ${REFUSED[what]}.` });
    return what === 'note' ? NOTE_REFUSED : `Not saved: the panel is covered by something on the page; ${REFUSED[what]}.`;
  };

  const draw = () =>
    render(
      <Overlay
        state={view.state}
        open={view.open}
        hover={view.hover}
        reveal={view.reveal}
        focusList={view.focusList}
        notice={view.notice}
        onOpenChange={(open) => update({ open })}
        onSelect={(id) => link.toContent({ type: OVERLAY_TO_CONTENT_SELECT, detail: { id } satisfies SelectDetail })}
        onOpenSettings={() => link.toContent({ type: OVERLAY_TO_CONTENT_OPEN_OPTIONS, detail: null })}
        onHide={() => link.toContent({ type: OVERLAY_TO_CONTENT_HIDE, detail: null })}
        onPanelRect={(rect) => link.toContent({ type: OVERLAY_TO_CONTENT_PANEL, detail: rect })}
        onReview={(id, patch) => act(patch.mark !== undefined ? 'mark' : 'note', () => link.toContent({ type: OVERLAY_TO_CONTENT_REVIEW, detail: { id, patch } }))}
        onPin={(pinned) => void act('pin', () => link.toContent({ type: OVERLAY_TO_CONTENT_PIN, detail: { pinned } }))}
        onOpenDesk={() => link.toContent({ type: OVERLAY_TO_CONTENT_OPEN_DESK, detail: null })}
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
    watchPanel();
  };

  // The content script is trusted, but a detail is still checked before it is drawn.
  const receive = ({ type, detail }: OverlayMessage) => {
    if (type === CONTENT_TO_OVERLAY_STATE) {
      const state = readState(detail);
      if (state) update({ state });
    } else if (type === CONTENT_TO_OVERLAY_TOGGLE) {
      const { open, focusList } = readToggle(detail);
      const next = open ?? !view.open;
      update({ open: next, focusList: focusList && next ? {} : view.focusList });
    } else if (type === CONTENT_TO_OVERLAY_HOVER) {
      const hover = readHover(detail);
      if (hover) update({ hover: hover.id ? hover : null });
    } else if (type === CONTENT_TO_OVERLAY_REVEAL) {
      const id = readReveal(detail)?.attributionId;
      // Only an attribution of the analysis shown opens the panel: a stale id from an older run does nothing.
      if (id && view.state?.analysis?.quotes.some((quote) => quote.id === id)) update({ open: true, reveal: { id } });
    } else if (type === CONTENT_TO_OVERLAY_DESTROY) {
      mounted.destroy();
    }
  };
  link.toOverlay = receive;

  const mounted: MountedOverlay = {
    host,
    shadow,
    destroy() {
      if (destroyed) return;
      for (const type of USER_EVENT_TYPES) container.removeEventListener(type, stopScripted, true);
      container.removeEventListener('click', notePoint, true);
      watched?.visibility.destroy();
      watched = null;
      if (link.toOverlay === receive) link.toOverlay = null;
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
  link.toContent({ type: OVERLAY_TO_CONTENT_READY, detail: null });
  return mounted;
}
