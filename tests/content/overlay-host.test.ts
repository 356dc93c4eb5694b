import { createHostElement, createOverlayHost, RESTORE_LIMIT } from '../../src/content/overlay-host';
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_REVEAL,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_FALLBACK_TAG,
  OVERLAY_TAG,
  OVERLAY_TO_CONTENT_OPEN_OPTIONS,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_SELECT,
  type OverlayLink,
} from '../../src/shared/overlay-contract';
import { parseDocumentWithEvents } from '../helpers/linkedom';

let restore: () => void = () => undefined;
afterEach(() => restore());

/** A host with its own link registry; `attach` plays the overlay taking the link on mount. */
function setup({ attach = true } = {}) {
  const parsed = parseDocumentWithEvents('<html><body><p>Page text.</p></body></html>');
  restore = parsed.restore;
  const doc = parsed.doc;
  const links = new WeakMap<Element, OverlayLink>();
  const received: Array<[string, unknown]> = [];
  const domEvents: Array<[string, unknown]> = [];
  for (const type of [CONTENT_TO_OVERLAY_MOUNT, CONTENT_TO_OVERLAY_STATE, CONTENT_TO_OVERLAY_TOGGLE, CONTENT_TO_OVERLAY_DESTROY]) {
    doc.addEventListener(type, (event) => domEvents.push([type, (event as CustomEvent).detail]));
  }
  doc.addEventListener(CONTENT_TO_OVERLAY_MOUNT, (event) => {
    const link = links.get(event.target as Element);
    if (attach && link) link.toOverlay = ({ type, detail }) => received.push([type, detail]);
  });
  const selected: string[] = [];
  let optionsRequests = 0;
  const host = createOverlayHost(doc, { onSelect: (id) => selected.push(id), onOpenOptions: () => optionsRequests++ }, links);
  const link = () => links.get(host.element);
  return { doc, links, received, domEvents, selected, host, link, optionsRequests: () => optionsRequests };
}

describe('the overlay host', () => {
  test('has a closed shadow root: the page reads null, the link holds the root', () => {
    const { host, link } = setup();
    expect(host.element.shadowRoot).toBeNull();
    expect(link()?.shadow).toBeDefined();
  });

  test('a page that defined <whosaid-overlay> first (claiming its shadow root) gets a plain <div> host instead', () => {
    const parsed = parseDocumentWithEvents('<html><body><p>Page text.</p></body></html>');
    restore = parsed.restore;
    const view = parsed.doc.defaultView as unknown as { customElements: CustomElementRegistry; HTMLElement: typeof HTMLElement };
    class FakeOverlay extends view.HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'closed' }).innerHTML = '<p data-count="0">0 quotes</p>';
      }
    }
    view.customElements.define(OVERLAY_TAG, FakeOverlay);
    expect(() => parsed.doc.createElement(OVERLAY_TAG).attachShadow({ mode: 'closed' })).toThrow();
    const { element, shadow } = createHostElement(parsed.doc);
    expect(element.localName).toBe(OVERLAY_FALLBACK_TAG);
    expect(element.shadowRoot).toBeNull();
    expect(shadow.childNodes.length).toBe(0);
  });

  test('is appended to <html>, outside <body>, registers its link and rings the mount doorbell with no detail', () => {
    const { doc, domEvents, host, link } = setup();
    expect(host.element.localName).toBe(OVERLAY_TAG);
    expect(host.element.parentElement).toBe(doc.documentElement);
    expect(doc.body.innerHTML).toBe('<p>Page text.</p>');
    expect(link()).toBeDefined();
    expect(domEvents).toEqual([[CONTENT_TO_OVERLAY_MOUNT, null]]);
  });

  test('state, toggles and destroy go over the link, never as DOM events the page could read', () => {
    const { domEvents, received, host } = setup();
    host.setState({ status: 'analyzing' });
    host.toggle(true);
    host.destroy();
    expect(received).toEqual([
      [CONTENT_TO_OVERLAY_STATE, { status: 'analyzing' }],
      [CONTENT_TO_OVERLAY_TOGGLE, { open: true }],
      [CONTENT_TO_OVERLAY_DESTROY, null],
    ]);
    expect(domEvents).toEqual([[CONTENT_TO_OVERLAY_MOUNT, null]]);
  });

  test('an overlay that starts late gets the latest state and the last explicit open request on READY', () => {
    const { received, host, link } = setup({ attach: false });
    host.setState({ status: 'analyzing' });
    host.setState({ status: 'error', error: 'x' });
    host.toggle(true);
    host.toggle();
    link()!.toOverlay = ({ type, detail }) => received.push([type, detail]);
    link()!.toContent({ type: OVERLAY_TO_CONTENT_READY, detail: null });
    expect(received).toEqual([
      [CONTENT_TO_OVERLAY_STATE, { status: 'error', error: 'x' }],
      [CONTENT_TO_OVERLAY_TOGGLE, { open: true }],
    ]);
  });

  test('a reveal asked for before the overlay mounts is sent after the state on READY, once', () => {
    const { received, host, link } = setup({ attach: false });
    host.setState({ status: 'analyzing' });
    host.reveal('q3');
    link()!.toOverlay = ({ type, detail }) => received.push([type, detail]);
    link()!.toContent({ type: OVERLAY_TO_CONTENT_READY, detail: null });
    link()!.toContent({ type: OVERLAY_TO_CONTENT_READY, detail: null });
    expect(received).toEqual([
      [CONTENT_TO_OVERLAY_STATE, { status: 'analyzing' }],
      [CONTENT_TO_OVERLAY_REVEAL, { attributionId: 'q3' }],
      [CONTENT_TO_OVERLAY_STATE, { status: 'analyzing' }],
    ]);
  });

  test('passes the overlay’s selections on, ignoring malformed ones', () => {
    const { host, selected, link } = setup();
    for (const detail of [{ id: 'q3' }, { id: 7 }, null, 'q4']) link()!.toContent({ type: OVERLAY_TO_CONTENT_SELECT, detail });
    expect(selected).toEqual(['q3']);
    expect(host.element.isConnected).toBe(true);
  });

  test('passes a settings request on; the page cannot send one as a DOM event', () => {
    const { host, link, optionsRequests } = setup();
    host.element.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_OPEN_OPTIONS, { detail: null, bubbles: true }));
    expect(optionsRequests()).toBe(0);
    link()!.toContent({ type: OVERLAY_TO_CONTENT_OPEN_OPTIONS, detail: null });
    expect(optionsRequests()).toBe(1);
  });

  test('what the page dispatches on the host is not heard: READY and SELECT events do nothing', () => {
    const { host, selected, received } = setup({ attach: false });
    host.setState({ status: 'analyzing' });
    host.element.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_SELECT, { detail: { id: 'q1' }, bubbles: true }));
    host.element.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_READY, { detail: null, bubbles: true }));
    expect(selected).toEqual([]);
    expect(received).toEqual([]);
  });

  test('destroy tells the overlay, removes the host, forgets the link and stops listening', () => {
    const { doc, received, host, selected, links } = setup();
    const link = links.get(host.element)!;
    host.destroy();
    expect(received.at(-1)).toEqual([CONTENT_TO_OVERLAY_DESTROY, null]);
    expect(doc.querySelector(OVERLAY_TAG)).toBeNull();
    expect(links.has(host.element)).toBe(false);
    expect(link.toOverlay).toBeNull();
    link.toContent({ type: OVERLAY_TO_CONTENT_SELECT, detail: { id: 'q1' } });
    host.setState({ status: 'analyzing' });
    expect(selected).toEqual([]);
    expect(received.at(-1)).toEqual([CONTENT_TO_OVERLAY_DESTROY, null]);
  });

  test('a page that removes the host, or moves it into a hidden element, gets it back under <html>', async () => {
    const { doc, host, received } = setup();
    host.element.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.element.parentElement).toBe(doc.documentElement);
    const hidden = doc.createElement('div');
    hidden.setAttribute('hidden', '');
    doc.body.appendChild(hidden);
    hidden.appendChild(host.element);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.element.parentElement).toBe(doc.documentElement);
    // The same element, so the same shadow root and panel: the link still works.
    host.setState({ status: 'analyzing' });
    expect(received.at(-1)).toEqual([CONTENT_TO_OVERLAY_STATE, { status: 'analyzing' }]);
  });

  test('a page that keeps removing it is answered at most RESTORE_LIMIT times a minute; after destroy, never', async () => {
    const { doc, host } = setup();
    for (let round = 0; round < RESTORE_LIMIT + 5; round++) {
      host.element.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(host.element.isConnected).toBe(false);
    expect(doc.querySelector(OVERLAY_TAG)).toBeNull();
  });

  test('after destroy the host stays gone', async () => {
    const { doc, host } = setup();
    host.destroy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(doc.querySelector(OVERLAY_TAG)).toBeNull();
  });
});
