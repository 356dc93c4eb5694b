/** @jest-environment ./tests/overlay/linkedom-environment.cjs */
import './native-modules';
import type { DomEnv } from './dom-env';
import { installDom } from './dom-env';
import { mountHarness } from './harness';
import { sampleAnalysis } from './fixture';
import { OVERLAY_BUNDLE_VERSION, OVERLAY_GLOBAL, installOverlay } from '../../src/overlay/install';
import type { OverlayScope } from '../../src/overlay/install';
import { CONTENT_TO_OVERLAY_MOUNT, OVERLAY_TAG, OVERLAY_TO_CONTENT_READY } from '../../src/shared/overlay-contract';

let env: DomEnv;
let scope: OverlayScope;

beforeEach(() => {
  env = installDom();
  scope = {} as OverlayScope;
});
afterEach(() => env.restore());

function requestMount(): HTMLElement {
  const host = env.document.createElement(OVERLAY_TAG);
  env.document.documentElement.appendChild(host);
  host.dispatchEvent(new CustomEvent(CONTENT_TO_OVERLAY_MOUNT, { detail: null, bubbles: true }));
  return host;
}

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
    expect(requestMount().shadowRoot).toBeNull();
  });

  test('after a second load a mount request is answered exactly once', () => {
    installOverlay(env.document, scope);
    const second = installOverlay(env.document, scope);
    const ui = mountHarness(env.document);
    expect(ui.readyCount()).toBe(1);
    expect(ui.queryAll('.root')).toHaveLength(1);
    ui.destroy();
    second.release();
  });

  test('an overlay mounted by a released bundle keeps working until destroyed', () => {
    installOverlay(env.document, scope);
    const ui = mountHarness(env.document);
    const second = installOverlay(env.document, scope);
    ui.state({ status: 'done', analysis: sampleAnalysis() });
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('7');
    ui.destroy();
    expect(ui.shadow.childNodes.length).toBe(0);
    second.release();
  });

  test('a host that asked before any bundle listened is mounted on install', () => {
    const host = env.document.createElement(OVERLAY_TAG);
    env.document.documentElement.appendChild(host);
    let ready = 0;
    host.addEventListener(OVERLAY_TO_CONTENT_READY, () => ready++);
    host.dispatchEvent(new CustomEvent(CONTENT_TO_OVERLAY_MOUNT, { detail: null, bubbles: true }));
    expect(host.shadowRoot).toBeNull();
    const bundle = installOverlay(env.document, scope);
    expect(host.shadowRoot).not.toBeNull();
    expect(ready).toBe(1);
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
    expect(requestMount().shadowRoot).toBeNull();
  });
});
