/**
 * The highlights are painted, in real Chromium with the built extension: on a white page by the rules of
 * highlights.css (injected with the content script, so no rule is added at run time and the page is not restyled
 * whole), on a page of another colour by the rules WhoSaid writes for it. Painted means the pixels of a quotation
 * differ with and without its highlight registered.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeBrowser, launchBrowser, serveFolders, waitForOverlay, type LaunchedBrowser } from './browser';

function articlePage(background: string): string {
  const paragraphs = [
    '“We will vote on the plan next week, and we expect it to pass with a comfortable majority of the members,” Maria Lopez said at the council meeting on Tuesday evening.',
    'John Carter, the council’s treasurer, said the budget would not cover the new library and that the city would have to borrow to build it before the end of the decade.',
    '“The numbers simply do not add up, whatever the mayor’s office says about the grants it hopes to win from the state,” Carter told reporters after the session ended.',
    'The library has been planned since 2015, when the old building on Main Street was closed after an inspection found damage to its roof and to the reading rooms below.',
    'Residents who spoke at the meeting were divided: some asked the council to wait for the grants, while others said the town had waited long enough for a library of its own.',
  ];
  return `<!doctype html><html><head><meta charset="utf-8"><title>Council plans</title><meta property="og:type" content="article">
<style>body{margin:0;background:${background};font:18px/1.6 Georgia,serif} article{max-width:640px;margin:40px auto}</style></head>
<body><article><h1>Council plans a vote</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article></body></html>`;
}

interface PaintCheck { names: string[]; style: boolean; painted: boolean }

/** The content highlight's pixels with it registered and without (put back after), and how it is styled. */
async function paintCheck(page: Page): Promise<PaintCheck> {
  const found = await page.evaluate(() => {
    const names: string[] = [];
    CSS.highlights.forEach((_highlight, name) => { if (name.startsWith('whosaid-')) names.push(name); });
    const content = names.find((name) => name.endsWith('-content'))!;
    const range = [...(CSS.highlights.get(content) as unknown as Set<AbstractRange>)][0];
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = live.getClientRects()[0];
    return { names, content, box: { x: box.x, y: box.y, width: Math.min(box.width, 300), height: box.height }, style: !!document.querySelector('style[data-whosaid]') };
  });
  const clip = { x: Math.floor(found.box.x), y: Math.floor(found.box.y), width: Math.ceil(found.box.width), height: Math.ceil(found.box.height) };
  const frame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const withIt = await page.screenshot({ clip });
  await page.evaluate((name) => {
    (window as unknown as { __held: unknown }).__held = CSS.highlights.get(name);
    CSS.highlights.delete(name);
  }, found.content);
  await frame();
  const without = await page.screenshot({ clip });
  await page.evaluate((name) => CSS.highlights.set(name, (window as unknown as { __held: Highlight }).__held), found.content);
  return { names: found.names, style: found.style, painted: !withIt.equals(without) };
}

describeBrowser('e2e: the highlights are painted', () => {
  let browser: LaunchedBrowser;
  let server: { origin: string; close(): Promise<void> };
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-paint-'));
    fs.writeFileSync(path.join(folder, 'white.html'), articlePage('#ffffff'));
    fs.writeFileSync(path.join(folder, 'grey.html'), articlePage('#8a8a8a'));
    server = await serveFolders({ '/paint': folder });
    browser = await launchBrowser({ headless: true, viewport: { width: 1000, height: 700 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a white page: by highlights.css’s rules, under its shared names, with no <style> added', async () => {
    await page.goto(`${server.origin}/paint/white.html`);
    await waitForOverlay(page, 30000);
    const check = await paintCheck(page);
    expect(check.names.length).toBeGreaterThan(0);
    expect(check.names.every((name) => name.startsWith('whosaid-l-'))).toBe(true);
    expect(check.style).toBe(false);
    expect(check.painted).toBe(true);
  }, 60000);

  test('a grey page: by rules written for it, in a <style> of WhoSaid’s', async () => {
    await page.goto(`${server.origin}/paint/grey.html`);
    await waitForOverlay(page, 30000);
    const check = await paintCheck(page);
    expect(check.names.some((name) => /^whosaid-(?:l|d)-/.test(name))).toBe(false);
    expect(check.style).toBe(true);
    expect(check.painted).toBe(true);
  }, 60000);
});
