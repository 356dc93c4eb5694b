/**
 * Real-browser plumbing shared by the demo, the browser benchmark and the e2e tests: find Debian
 * Chromium, serve folders from 127.0.0.1, launch Chromium with the built extension, read the overlay,
 * stop the extension's service worker through the DevTools protocol.
 * CommonJS so both the .mjs scripts and the jest (CommonJS) tests load it; types in browser.d.cts.
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const EXTENSION_DIR = path.join(ROOT, 'extension');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const OVERLAY_TAG = 'whosaid-overlay';

/** The Chromium to drive: $WHOSAID_CHROMIUM, else Debian's. Null when it is not installed. */
function findChromium() {
  const candidate = process.env.WHOSAID_CHROMIUM || DEFAULT_CHROMIUM;
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return null;
  }
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves each folder under its mount path ({ '/pages': '/abs/dir' }) from 127.0.0.1 on a free port.
 * Only files directly inside the folders; anything else is 404.
 */
function serveFolders(mounts) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const name = decodeURIComponent(url.pathname);
    for (const [mount, dir] of Object.entries(mounts)) {
      const prefix = mount.endsWith('/') ? mount : mount + '/';
      if (!name.startsWith(prefix)) continue;
      const relative = name.slice(prefix.length) || 'index.html';
      const file = path.join(dir, relative);
      if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
      // CORS open on purpose: a request the extension makes could then succeed, so a test sees the CSP block it.
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      });
      fs.createReadStream(file).pipe(response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** Chromium flags: quiet, offline (every host but 127.0.0.1 fails to resolve at once), headless=new without a display. */
function chromiumArgs({ extensionDir, headless }) {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
  if (headless) args.push('--headless=new');
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  else args.push('--disable-extensions');
  return args;
}

/**
 * A persistent context in a fresh temporary profile (extensions load only in persistent contexts).
 * `extensionDir: null` launches the same browser without the extension, for comparisons.
 * `profileDir`: relaunch on this profile (a browser restart); it is then kept on close.
 * Resolves { context, profileDir, close() }; close() deletes a profile it made.
 */
async function launchBrowser({ extensionDir = EXTENSION_DIR, headless = !process.env.DISPLAY, viewport = { width: 1280, height: 900 }, profileDir: reuse = null } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium not found at ${process.env.WHOSAID_CHROMIUM || DEFAULT_CHROMIUM}`);
  if (extensionDir && !fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run npm run build`);
  }
  const { chromium } = require('playwright-core');
  const profileDir = reuse || fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-profile-'));
  let context = null;
  const close = async () => {
    if (context) await context.close().catch(() => undefined);
    if (!reuse) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      // Headless or not is set by our explicit --headless=new (extensions run only in the new headless mode).
      headless: false,
      args: chromiumArgs({ extensionDir, headless }),
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport,
    });
    if (extensionDir) await extensionWorker(context);
  } catch (error) {
    await close();
    throw error;
  }
  return { context, profileDir, close };
}

/** chrome-extension://<id> of the loaded extension, per context, remembered from its first worker. */
const extensionOrigins = new WeakMap();

function extensionOrigin(worker) {
  // Node's URL gives the origin of a chrome-extension: URL as "null"; take scheme and host by hand.
  return worker.url().match(/^chrome-extension:\/\/[^/]+/)[0];
}

/** The extension's service worker (waits for it to start). */
async function extensionWorker(context, timeout = 10000) {
  // Only our extension is loaded (--disable-extensions-except), so any extension worker is ours.
  const isOurs = (worker) => worker.url().startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout }));
  extensionOrigins.set(context, extensionOrigin(worker));
  return worker;
}

/**
 * Stops the extension's service worker the way Chrome does when it idles: a browser-level DevTools
 * session closes the worker's target. Resolves once the browser no longer lists it. (Playwright's
 * Worker object for it may linger for seconds: do not evaluate in it afterwards.)
 */
async function stopExtensionWorker(context) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser-level DevTools session for this context');
  const cdp = await browser.newBrowserCDPSession();
  const workerTargets = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((info) => info.type === 'service_worker' && info.url.startsWith('chrome-extension://'));
  try {
    const targets = await workerTargets();
    if (targets.length === 0) throw new Error('the extension service worker is not running');
    for (const target of targets) await cdp.send('Target.closeTarget', { targetId: target.targetId });
    const deadline = Date.now() + 10000;
    while ((await workerTargets()).length > 0) {
      if (Date.now() > deadline) throw new Error('the extension service worker did not stop');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A page of the extension itself (its options page): a trusted context that can read its storage. */
async function openExtensionPage(context) {
  const origin = extensionOrigins.get(context) ?? extensionOrigin(await extensionWorker(context));
  const page = await context.newPage();
  await page.goto(`${origin}/options.html`);
  return page;
}

/** Entries of the extension's storage (storage.session, else local) whose keys start with keyPrefix. */
function storageEntries(extensionPage, keyPrefix = '') {
  return extensionPage.evaluate(async (prefix) => {
    const area = chrome.storage.session ?? chrome.storage.local;
    const all = await area.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
  }, keyPrefix);
}

/** Empties the extension's session (or local) storage: the next visit to any page runs the engine again. */
function clearExtensionStorage(extensionPage) {
  return extensionPage.evaluate(() => (chrome.storage.session ?? chrome.storage.local).clear());
}

/**
 * Reads the extension's storage from one of its own pages. Playwright's Worker handle goes stale
 * once the worker is stopped and restarted, so tests read through a page.
 */
async function readExtensionStorage(context, keyPrefix = '') {
  const page = await openExtensionPage(context);
  try {
    return await storageEntries(page, keyPrefix);
  } finally {
    await page.close();
  }
}

/**
 * The overlay's shadow root is closed: the page's scripts (and Playwright's selectors) cannot reach
 * it. The DevTools protocol can: DOM.getDocument with pierce lists closed roots, DOM.resolveNode
 * gives a handle on one, Runtime.callFunctionOn runs a function with it. One session per page.
 */
const cdpSessions = new WeakMap();

async function pageSession(page) {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  const cdp = await session;
  cdpSessionPromises.set(cdp, session);
  return cdp;
}

/**
 * A DevTools call that gives up after `ms`: an answer that never comes (a page being replaced, a renderer busy
 * in a swap) must not hang a caller forever, and waitInOverlay's deadline holds only if each try returns. The
 * page's session is dropped then, so the next try opens a fresh one.
 */
function sendWithin(page, cdp, method, params, ms = 5000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      if (cdpSessions.get(page) === cdpSessionPromises.get(cdp)) cdpSessions.delete(page);
      reject(new Error(`${method}: no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([cdp.send(method, params), timeout]).finally(() => clearTimeout(timer));
}
const cdpSessionPromises = new WeakMap();

/** The backend node id of the overlay's shadow root (a child of <html> whose root holds .mount), or null. */
async function overlayShadowId(cdp, page) {
  const { root } = await sendWithin(page, cdp, 'DOM.getDocument', { depth: 4, pierce: true });
  const html = (root.children || []).find((node) => node.nodeName === 'HTML');
  for (const child of (html && html.children) || []) {
    for (const shadow of child.shadowRoots || []) {
      const mounted = (shadow.children || []).some((node) => {
        const attributes = node.attributes || [];
        const at = attributes.indexOf('class');
        return at >= 0 && attributes[at + 1] === 'mount';
      });
      if (mounted) return shadow.backendNodeId;
    }
  }
  return null;
}

/**
 * Runs `fn(shadowRoot, arg)` in the page with the overlay's closed shadow root; resolves its result
 * (JSON-serialisable), or `absent` when no overlay is mounted.
 */
async function inOverlay(page, fn, arg, absent = null) {
  const cdp = await pageSession(page);
  const backendNodeId = await overlayShadowId(cdp, page);
  if (backendNodeId === null) return absent;
  const { object } = await sendWithin(page, cdp, 'DOM.resolveNode', { backendNodeId });
  try {
    const { result, exceptionDetails } = await sendWithin(page, cdp, 'Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the overlay: ${(exceptionDetails.exception && exceptionDetails.exception.description) || exceptionDetails.text}`);
    return result.value;
  } finally {
    // Bounded too: a renderer swapped between the call and the release never answers it, and the caller's deadline would not hold.
    await sendWithin(page, cdp, 'Runtime.releaseObject', { objectId: object.objectId }, 2000).catch(() => undefined);
  }
}

/** Polls `fn(shadowRoot, arg)` until it returns something truthy; resolves that value. */
async function waitInOverlay(page, fn, arg, { timeout = 15000, polling = 20 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A navigation between the lookup and the call loses the node: try again.
    const value = await inOverlay(page, fn, arg).catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting in the overlay for ${fn.name || 'a condition'}`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}

/*
 * Functions run inside the page with the overlay's shadow root, shared with the Firefox driver
 * (tests/e2e/firefox-browser.ts), which reaches the root another way.
 */

/** The centre of the first shown element matching `selector`, scrolled into view; null while there is none. */
function clickPointInRoot(root, selector) {
  const element = root.querySelector(selector);
  if (!element || element.closest('[hidden]')) return null;
  element.scrollIntoView({ block: 'nearest' });
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

function panelOpenInRoot(root) {
  const panel = root.querySelector('section.panel');
  return !!panel && !panel.hasAttribute('hidden');
}

/** True once the panel is open (wanted true) or closed (wanted false). */
function panelIsInRoot(root, wanted) {
  const panel = root.querySelector('section.panel');
  return !!panel && panel.hasAttribute('hidden') !== wanted;
}

/** Clicks the first element matching `selector` in the overlay with the real mouse (a trusted click), scrolled into view first. */
async function clickInOverlay(page, selector) {
  const box = await waitInOverlay(page, clickPointInRoot, selector, { timeout: 5000 });
  await page.mouse.click(box.x, box.y);
}

/** Whether the panel is open (its section is shown), false when there is no overlay. */
function panelOpen(page) {
  return inOverlay(page, panelOpenInRoot, null, false);
}

/** Whether the open panel has been seen long enough for a review to count (src/overlay/visibility.ts). */
function panelSeenInRoot(root) {
  return !!root.querySelector('.mount[data-seen]');
}

/** Opens or closes the panel with the pill, as a reader would, and waits for it (open: until reviews count). */
async function setPanelOpen(page, open) {
  if ((await panelOpen(page)) !== open) {
    await clickInOverlay(page, 'button.pill');
    await waitInOverlay(page, panelIsInRoot, open, { timeout: 5000 });
  }
  if (open) await waitInOverlay(page, panelSeenInRoot, null, { timeout: 5000 });
}

/** What the overlay shows: the count, and per speaker its name and text. Null while there is no populated panel. */
function readOverlayInRoot(root) {
  const counted = root.querySelector('[data-count]');
  if (!counted) return null;
  return {
    count: Number(counted.getAttribute('data-count')),
    // A group's text as listed: the picked item's details (meter, review buttons) are left out, so two reads of
    // the same analysis compare equal whichever item the reader picked.
    speakers: [...root.querySelectorAll('[data-speaker]')].map((node) => {
      const listed = node.cloneNode(true);
      for (const details of listed.querySelectorAll('.item-details')) details.remove();
      return { name: node.getAttribute('data-speaker'), text: listed.textContent || '' };
    }),
  };
}

function readOverlay(page) {
  return inOverlay(page, readOverlayInRoot, null);
}

/** Waits until the overlay shows a count; resolves the overlay's contents. */
function waitForOverlay(page, timeout = 15000) {
  return waitInOverlay(page, readOverlayInRoot, null, { timeout, polling: 10 });
}

/**
 * The backend node ids of the page's <html> children that are WhoSaid overlay hosts (closed roots with .mount),
 * read over the DevTools protocol: which host is there, not only how many (a host removed and another added
 * between two reads counts 1 both times).
 */
async function overlayHostIds(page) {
  const cdp = await pageSession(page);
  const { root } = await sendWithin(page, cdp, 'DOM.getDocument', { depth: 4, pierce: true });
  const html = (root.children || []).find((node) => node.nodeName === 'HTML');
  return ((html && html.children) || [])
    .filter((child) => (child.shadowRoots || []).some((shadow) => (shadow.children || []).some((node) => (node.attributes || []).join(' ').includes('class mount'))))
    .map((child) => child.backendNodeId);
}

/** How many of the page's <html> children are WhoSaid overlay hosts. */
async function overlayHostCount(page) {
  return (await overlayHostIds(page)).length;
}

module.exports = {
  ROOT,
  EXTENSION_DIR,
  OVERLAY_TAG,
  findChromium,
  serveFolders,
  chromiumArgs,
  launchBrowser,
  extensionWorker,
  stopExtensionWorker,
  openExtensionPage,
  storageEntries,
  clearExtensionStorage,
  readExtensionStorage,
  inOverlay,
  waitInOverlay,
  clickPointInRoot,
  panelOpenInRoot,
  panelIsInRoot,
  panelSeenInRoot,
  readOverlayInRoot,
  clickInOverlay,
  panelOpen,
  setPanelOpen,
  readOverlay,
  waitForOverlay,
  overlayHostIds,
  overlayHostCount,
};
