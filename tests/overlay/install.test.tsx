import type { DomEnv } from './dom-env';
import { installDom } from './dom-env';
import { mountHarness, settle } from './harness';
import { sampleAnalysis } from './fixture';
import { OVERLAY_BUNDLE_VERSION, OVERLAY_GLOBAL, installOverlay } from '../../src/overlay/install';
import type { OverlayScope } from '../../src/overlay/install';
import {
  CONTENT_TO_OVERLAY_DESTROY,
  CONTENT_TO_OVERLAY_MOUNT,
  CONTENT_TO_OVERLAY_REVEAL,
  CONTENT_TO_OVERLAY_STATE,
  CONTENT_TO_OVERLAY_TOGGLE,
  OVERLAY_TAG,
  OVERLAY_TO_CONTENT_READY,
  overlayLinks,
} from '../../src/shared/overlay-contract';
import type { OverlayLink } from '../../src/shared/overlay-contract';
import { createHostElement } from '../../src/content/overlay-host';

let env: DomEnv;
let scope: OverlayScope;

beforeEach(() => {
  env = installDom();
  scope = {} as OverlayScope;
});
afterEach(() => env.restore());

/** A link that counts READY messages. */
function countingLink(shadow: ShadowRoot): OverlayLink & { ready: number } {
  const link = {
    shadow,
    ready: 0,
    toOverlay: null,
    toContent: ({ type }: { type: string }) => {
      if (type === OVERLAY_TO_CONTENT_READY) link.ready++;
    },
  };
  return link;
}

/** A host registered as the content script registers it, then the mount request. */
function requestMount(links: object = scope): { host: HTMLElement; link: OverlayLink & { ready: number } } {
  const { element: host, shadow } = createHostElement(env.document);
  const link = countingLink(shadow);
  overlayLinks(links).set(host, link);
  env.document.documentElement.appendChild(host);
  host.dispatchEvent(new CustomEvent(CONTENT_TO_OVERLAY_MOUNT, { detail: null, bubbles: true }));
  return { host, link };
}

/** Whether the overlay rendered into this host's shadow root. */
const isMounted = ({ link }: { link: OverlayLink }) => link.shadow.childNodes.length > 0;

describe('installOverlay: one listener per isolated world', () => {
  test('marks the world with a versioned global', () => {
    const bundle = installOverlay(env.document, scope);
    expect(scope[OVERLAY_GLOBAL]).toBe(bundle);
    expect(bundle.version).toBe(OVERLAY_BUNDLE_VERSION);
    bundle.release();
    expect(scope[OVERLAY_GLOBAL]).toBeUndefined();
  });

  test('a second load releases the first, so releasing the second leaves nothing listening', () => {
    installOverlay(env.document, scope);
    const second = installOverlay(env.document, scope);
    expect(scope[OVERLAY_GLOBAL]).toBe(second);
    second.release();
    expect(isMounted(requestMount())).toBe(false);
  });

  test('after a second load a mount request is answered exactly once', () => {
    installOverlay(env.document, scope);
    const second = installOverlay(env.document, scope);
    const ui = mountHarness(env.document, scope);
    expect(ui.readyCount()).toBe(1);
    expect(ui.queryAll('.root')).toHaveLength(1);
    ui.destroy();
    second.release();
  });

  test('an overlay mounted by a released bundle keeps working until destroyed', async () => {
    installOverlay(env.document, scope);
    const ui = mountHarness(env.document, scope);
    const second = installOverlay(env.document, scope);
    ui.state({ status: 'done', analysis: sampleAnalysis() });
    await settle();
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('7');
    ui.destroy();
    expect(ui.shadow.childNodes.length).toBe(0);
    second.release();
  });

  test('a host that asked before any bundle listened is mounted on install', () => {
    const asked = requestMount();
    expect(isMounted(asked)).toBe(false);
    const bundle = installOverlay(env.document, scope);
    expect(isMounted(asked)).toBe(true);
    expect(asked.link.ready).toBe(1);
    bundle.release();
  });
});

describe('what the page can dispatch is ignored', () => {
  const forge = (target: EventTarget, type: string, detail: unknown) => target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));

  test('a host the page made, with a mount request, is not mounted (no link in this world)', () => {
    const bundle = installOverlay(env.document, scope);
    const forged = env.document.createElement(OVERLAY_TAG);
    const pageRoot = forged.attachShadow({ mode: 'open' });
    env.document.documentElement.appendChild(forged);
    forge(forged, CONTENT_TO_OVERLAY_MOUNT, null);
    expect(pageRoot.childNodes.length).toBe(0);
    // A link registered in another world's registry is not this world's either.
    expect(isMounted(requestMount({}))).toBe(false);
    bundle.release();
  });

  test('well-formed state, toggle and destroy events on our host change nothing', () => {
    const bundle = installOverlay(env.document, scope);
    const ui = mountHarness(env.document, scope);
    ui.state({ status: 'done', analysis: sampleAnalysis() });
    // Open, so the list with its quotation text is drawn and a forged state would show in it.
    ui.toggle({ open: true });
    const before = ui.shadow.innerHTML;
    const invented = sampleAnalysis();
    invented.quotes = invented.quotes.slice(0, 1);
    invented.quotes[0].contents = [{ start: 0, end: 8, text: 'invented' }];
    forge(ui.host, CONTENT_TO_OVERLAY_STATE, { status: 'done', analysis: invented });
    forge(ui.host, CONTENT_TO_OVERLAY_TOGGLE, { open: false });
    forge(ui.host, CONTENT_TO_OVERLAY_DESTROY, null);
    expect(ui.shadow.innerHTML).toBe(before);
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('7');
    expect(ui.shadow.innerHTML).not.toContain('invented');
    // The same state over the link is drawn: the forged events were ignored, not undrawable.
    ui.state({ status: 'done', analysis: invented });
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('1');
    expect(ui.shadow.innerHTML).toContain('invented');
    ui.destroy();
    bundle.release();
  });

  test('a well-formed reveal event on our host neither opens the panel nor moves focus', () => {
    const bundle = installOverlay(env.document, scope);
    const ui = mountHarness(env.document, scope);
    ui.state({ status: 'done', analysis: sampleAnalysis() });
    forge(ui.host, CONTENT_TO_OVERLAY_REVEAL, { attributionId: 'q3' });
    forge(env.document, CONTENT_TO_OVERLAY_REVEAL, { attributionId: 'q3' });
    expect(ui.query('.panel')?.hasAttribute('hidden')).toBe(true);
    expect(env.activeElement()).toBeNull();
    // The same reveal over the link opens the panel on the item.
    ui.reveal('q3');
    expect(ui.query('.panel')?.hasAttribute('hidden')).toBe(false);
    expect(env.activeElement()?.closest('[data-attribution-id]')?.getAttribute('data-attribution-id')).toBe('q3');
    ui.destroy();
    bundle.release();
  });
});

describe('the bundle entry', () => {
  test('loading it twice leaves one listener on document', () => {
    const world = globalThis as OverlayScope;
    jest.isolateModules(() => require('../../src/overlay/index'));
    jest.isolateModules(() => require('../../src/overlay/index'));
    const bundle = world[OVERLAY_GLOBAL];
    expect(bundle?.version).toBe(OVERLAY_BUNDLE_VERSION);
    const ui = mountHarness(env.document);
    expect(ui.readyCount()).toBe(1);
    ui.destroy();
    bundle?.release();
    expect(world[OVERLAY_GLOBAL]).toBeUndefined();
    expect(isMounted(requestMount())).toBe(false);
  });
});
