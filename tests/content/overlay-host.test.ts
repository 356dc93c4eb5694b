/** @jest-environment ./tests/shared/linkedom-environment.cjs */
import { createOverlayHost } from '../../src/content/overlay-host';
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TAG,
  OVERLAY_TO_CONTENT_READY,
  OVERLAY_TO_CONTENT_SELECT,
} from '../../src/shared/overlay-contract';
import { parseDocumentWithEvents } from '../shared/linkedom';

let restore: () => void = () => undefined;
afterEach(() => restore());

function setup() {
  const parsed = parseDocumentWithEvents('<html><body><p>Page text.</p></body></html>');
  restore = parsed.restore;
  const doc = parsed.doc;
  const events: Array<[string, unknown]> = [];
  for (const type of [CONTENT_TO_OVERLAY_MOUNT, CONTENT_TO_OVERLAY_STATE, CONTENT_TO_OVERLAY_TOGGLE, CONTENT_TO_OVERLAY_DESTROY]) {
    doc.addEventListener(type, (event) => events.push([type, (event as CustomEvent).detail]));
  }
  const selected: string[] = [];
  const host = createOverlayHost(doc, (id) => selected.push(id));
  return { doc, events, selected, host };
}

describe('the overlay host', () => {
  test('is appended to <html>, outside <body>, and asks the overlay to mount on it', () => {
    const { doc, events, host } = setup();
    expect(host.element.localName).toBe(OVERLAY_TAG);
    expect(host.element.parentElement).toBe(doc.documentElement);
    expect(doc.body.innerHTML).toBe('<p>Page text.</p>');
    expect(events).toEqual([[CONTENT_TO_OVERLAY_MOUNT, null]]);
  });

  test('an overlay that starts late gets the latest state and the last explicit open request on READY', () => {
    const { events, host } = setup();
    host.setState({ status: 'analyzing' });
    host.setState({ status: 'error', error: 'x' });
    host.toggle(true);
    host.toggle();
    events.length = 0;
    host.element.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_READY, { detail: null, bubbles: true }));
    expect(events).toEqual([
      [CONTENT_TO_OVERLAY_STATE, { status: 'error', error: 'x' }],
      [CONTENT_TO_OVERLAY_TOGGLE, { open: true }],
    ]);
  });

  test('passes the overlay’s selections on, ignoring malformed ones', () => {
    const { host, selected } = setup();
    for (const detail of [{ id: 'q3' }, { id: 7 }, null, 'q4']) {
      host.element.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_SELECT, { detail, bubbles: true }));
    }
    expect(selected).toEqual(['q3']);
  });

  test('destroy tells the overlay, removes the host and stops listening', () => {
    const { doc, events, host, selected } = setup();
    host.destroy();
    expect(events.at(-1)).toEqual([CONTENT_TO_OVERLAY_DESTROY, null]);
    expect(doc.querySelector(OVERLAY_TAG)).toBeNull();
    host.element.dispatchEvent(new CustomEvent(OVERLAY_TO_CONTENT_SELECT, { detail: { id: 'q1' }, bubbles: true }));
    host.setState({ status: 'analyzing' });
    expect(selected).toEqual([]);
    expect(events.at(-1)).toEqual([CONTENT_TO_OVERLAY_DESTROY, null]);
  });
});
