/**
 * Issue 21 in Firefox (extension-firefox/): a review counts only from a panel the reader can see. Firefox
 * has no IntersectionObserver v2, so the check is made at the action: what the page holds in the top layer
 * (drawn above any z-index, so above the panel) and paints over the panel. Each page below puts an opaque
 * cover with pointer-events: none over the whole viewport once the overlay mounts, so the reader's real
 * clicks still land on the pill and on a mark button they cannot see; no mark may be stored, and the panel
 * says why. The covers differ in where they hide from a plain look at the document's open popovers:
 * - light: a full-viewport popover in the document (the Chromium test's cover, covered-panel.test.ts);
 * - open-shadow / closed-shadow: the same popover inside an open / a closed shadow root of the page;
 * - backdrop: a 1x1 transparent popover whose ::backdrop is opaque (the backdrop fills the viewport);
 * - child: a 1x1 popover whose position: fixed child fills the viewport (the popover's own box is tiny);
 * - lifted-at-press: the light cover, hidden by the page as the reader presses and shown again after the click;
 * - after-host: no popover, a fixed element with the largest z-index appended to <html> after the overlay's host.
 * The controls: the same clicks on the same article without a cover store the mark, and so they do with an
 * open popover of the page that paints nothing over the panel (a toast in a corner).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'puppeteer-core';
import { clickPointInRoot, ROOT, serveFolders } from './browser';
import { clickInOverlay, describeFirefox, inOverlay, launchFirefox, waitForExtensionPage, waitForOverlay, waitInOverlay, type LaunchedFirefox } from './firefox-browser';

const ITEM = '[data-speaker="Ryan Dillon"] .item[data-attribution]';
const OPAQUE = 'background:#fff;opacity:1;pointer-events:none';
const FULL = `position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;${OPAQUE}`;
const TINY = 'position:fixed;top:0;left:0;width:1px;height:1px;margin:0;padding:0;border:0;background:transparent;overflow:visible;pointer-events:none';

/** How each page builds its cover (`veil` is the popover; `mount(node)` puts a node on the page); run once the overlay's host is there. */
const COVERS: Record<string, string> = {
  light: `veil.style.cssText = '${FULL}'; veil.textContent = 'Nothing to see here.'; document.body.appendChild(veil);`,
  'open-shadow': `veil.style.cssText = '${FULL}'; veil.textContent = 'Nothing to see here.'; const holder = document.createElement('div'); holder.attachShadow({ mode: 'open' }).appendChild(veil); document.body.appendChild(holder);`,
  'closed-shadow': `veil.style.cssText = '${FULL}'; veil.textContent = 'Nothing to see here.'; const holder = document.createElement('div'); holder.attachShadow({ mode: 'closed' }).appendChild(veil); document.body.appendChild(holder);`,
  backdrop: `veil.style.cssText = '${TINY}'; const sheet = document.createElement('style'); sheet.textContent = '#cover::backdrop { background: #fff; pointer-events: none; }'; document.head.appendChild(sheet); document.body.appendChild(veil);`,
  child: `veil.style.cssText = '${TINY}'; const fill = document.createElement('div'); fill.style.cssText = '${FULL}'; fill.textContent = 'Nothing to see here.'; veil.appendChild(fill); document.body.appendChild(veil);`,
  // No top layer at all: a fixed element with the largest z-index appended to <html> after the overlay's host
  // paints above it (equal z-index, later in tree order) and lets the clicks through.
  'after-host': `veil.removeAttribute('popover'); veil.showPopover = () => {}; veil.style.cssText = '${FULL};z-index:2147483647'; document.documentElement.appendChild(veil);`,
  // Lifted as the reader presses (the page's window listener hears the press before the panel), put back after the click.
  'lifted-at-press': `veil.style.cssText = '${FULL}'; veil.textContent = 'Nothing to see here.'; document.body.appendChild(veil);
    window.addEventListener('pointerdown', () => veil.hidePopover(), true);
    window.addEventListener('click', () => setTimeout(() => veil.showPopover(), 0), true);`,
};

/** Harmless: a transparent full-viewport popover holding a small toast in the bottom-left corner, away from the panel. */
const TOAST = `veil.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;pointer-events:none';
  const toast = document.createElement('div'); toast.style.cssText = 'position:absolute;left:16px;bottom:16px;width:200px;padding:8px;background:#333;color:#fff;box-sizing:border-box'; toast.textContent = 'Saved to your list';
  veil.appendChild(toast); document.body.appendChild(veil);`;

/** Shows the cover as soon as the overlay's host is on the page; window.__cover is the popover (wherever it is). */
function coverScript(build: string): string {
  return `<script>
(() => {
  const cover = () => {
    if (window.__cover) return;
    const veil = document.createElement('div');
    veil.id = 'cover';
    veil.setAttribute('popover', 'manual');
    ${build}
    veil.showPopover();
    window.__cover = veil;
  };
  const hosted = () => [...document.documentElement.children].some((child) => child !== document.head && child !== document.body);
  if (hosted()) cover();
  else new MutationObserver((_, observer) => { if (hosted()) { observer.disconnect(); cover(); } }).observe(document.documentElement, { childList: true });
})();
</script>`;
}

/** The demo article under its own canonical address, with `script` at the end of its body. */
function article(slug: string, script = ''): string {
  const html = fs.readFileSync(path.join(ROOT, 'demo', 'index.html'), 'utf8');
  return html
    .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="http://127.0.0.1/news/${slug}">`)
    .replace('</body>', `${script}</body>`);
}

/** Whether the panel is shown, read in the overlay (a cover does not change what the overlay holds). */
const panelShown = (root: ShadowRoot) => {
  const panel = root.querySelector('section.panel');
  return !!panel && !panel.hasAttribute('hidden');
};

describeFirefox('e2e: Firefox, a page that covers the panel (issue 21)', () => {
  let firefox: LaunchedFirefox;
  let server: { origin: string; close(): Promise<void> };
  let site: string;

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-ff-covered-site-'));
    const pages: Record<string, string> = { open: article('open-claim'), toast: article('toast-claim', coverScript(TOAST)) };
    for (const [name, build] of Object.entries(COVERS)) pages[name] = article(`${name}-claim`, coverScript(build));
    const mounts: Record<string, string> = {};
    for (const [name, html] of Object.entries(pages)) {
      fs.mkdirSync(path.join(site, name));
      fs.writeFileSync(path.join(site, name, 'index.html'), html);
      mounts[`/news/2024/${name}-claim`] = path.join(site, name);
    }
    server = await serveFolders(mounts);
    firefox = await launchFirefox();
  }, 60000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  /** Opens the panel with the pill and marks Dillon's first quote "Checked", a reader's pace apart, all with the real mouse. */
  async function openAndMark(page: Page): Promise<string> {
    await clickInOverlay(page, 'button.pill');
    await waitInOverlay(page, panelShown, null, { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const key = await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-attribution') ?? null, ITEM);
    expect(key).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
    await clickInOverlay(page, `${ITEM} .item-select`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await clickInOverlay(page, `${ITEM} [data-mark="checked"]`);
    return key!;
  }

  /** The desk's marks, by attribution key, read on the desk page the panel opens. */
  async function deskMarks(page: Page): Promise<Record<string, string>> {
    await clickInOverlay(page, '[data-open-desk]');
    const desk = await waitForExtensionPage(firefox.browser, 'desk.html');
    try {
      await desk.waitForSelector('.lede, [data-empty]', { timeout: 5000 });
      return await desk.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-attribution][data-marked]')].map((node) => [node.getAttribute('data-attribution'), node.getAttribute('data-marked')])));
    } finally {
      await desk.close();
      await page.bringToFront();
    }
  }

  for (const name of Object.keys(COVERS)) {
    test(`covered (${name}): the clicks reach the panel, but no mark is stored, and the panel says why`, async () => {
      const { page } = firefox;
      await page.goto(`${server.origin}/news/2024/${name}-claim/`, { waitUntil: 'domcontentloaded' });
      await waitForOverlay(page);
      expect(await page.evaluate(() => {
        const veil = (window as unknown as { __cover?: Element }).__cover;
        return !!veil && veil.isConnected && (veil.matches(':popover-open') || !veil.hasAttribute('popover'));
      })).toBe(true);
      // What the reader sees where the pill is: the page's cover, not WhoSaid.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const pill = (await waitInOverlay(page, clickPointInRoot, 'button.pill', { timeout: 5000 }))!;
      expect(Buffer.from(await page.screenshot({ clip: { x: pill.x - 2, y: pill.y - 2, width: 4, height: 4 } }))).toEqual(Buffer.from(await page.screenshot({ clip: { x: 2, y: 2, width: 4, height: 4 } })));

      const key = await openAndMark(page);
      // The panel took the clicks (it is open and the item picked) ...
      expect(await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('aria-current'), ITEM)).toBe('true');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // ... but nothing was stored, and the panel says why.
      const marked = await inOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') ?? null, ITEM);
      console.log(`firefox covered (${name}): data-marked after the click = ${JSON.stringify(marked)}`);
      expect(marked).toBeNull();
      expect(await inOverlay(page, (root) => root.querySelector('[data-notice="covered"]')?.textContent ?? null)).toMatch(/covered by something on the page; your mark was not saved/);
      expect((await deskMarks(page))[key]).toBeUndefined();
    }, 60000);
  }

  test('control: the same clicks on the same article, uncovered, store the mark', async () => {
    const { page } = firefox;
    await page.goto(`${server.origin}/news/2024/open-claim/`, { waitUntil: 'domcontentloaded' });
    await waitForOverlay(page);
    const key = await openAndMark(page);
    await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'checked', ITEM, { timeout: 5000 });
    expect(await inOverlay(page, (root) => root.querySelector('[data-notice="covered"]'))).toBeNull();
    expect((await deskMarks(page))[key]).toBe('checked');
  }, 60000);

  test('control: a popover of the page that paints nothing over the panel (a toast in a corner) does not stop the mark', async () => {
    const { page } = firefox;
    await page.goto(`${server.origin}/news/2024/toast-claim/`, { waitUntil: 'domcontentloaded' });
    await waitForOverlay(page);
    expect(await page.evaluate(() => (window as unknown as { __cover?: Element }).__cover?.matches(':popover-open'))).toBe(true);
    const key = await openAndMark(page);
    await waitInOverlay(page, (root, selector) => root.querySelector(selector)?.getAttribute('data-marked') === 'checked', ITEM, { timeout: 5000 });
    expect((await deskMarks(page))[key]).toBe('checked');
  }, 60000);
});
