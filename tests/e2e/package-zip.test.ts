/**
 * The Chrome release zip as a colleague installs it: scripts/package.mjs zips a copy of the build, the
 * zip is unpacked into a temporary folder, and Chromium loads THAT folder (Load unpacked). The worker
 * reports package.json's version, the overlay lists the demo article's speakers, and the options and
 * desk pages load every file they need from the unpacked zip.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { unzipTo } from '../helpers/zip';
import {
  describeBrowser,
  EXTENSION_DIR,
  extensionWorker,
  launchBrowser,
  readOverlay,
  ROOT,
  serveFolders,
  setPanelOpen,
  waitForOverlay,
  type LaunchedBrowser,
} from './browser';

/** An article-like path: the content script, like a reader, does not take a site's front page for an article. */
const ARTICLE_PATH = '/world/russia-baghdadi-claim/';
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

declare const chrome: { runtime: { getManifest(): { version: string } } };

describeBrowser('e2e: the Chrome release zip, unpacked and loaded', () => {
  let tmp: string;
  let unpacked: string;
  let browser: LaunchedBrowser;
  let server: { origin: string; close(): Promise<void> };
  let origin: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-zip-e2e-'));
    // Copies, so a rebuild in the working tree (others build too) cannot change the folders mid-run.
    fs.cpSync(EXTENSION_DIR, path.join(tmp, 'extension'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'extension-firefox'), path.join(tmp, 'extension-firefox'), { recursive: true });
    const release = path.join(tmp, 'release');
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'package.mjs'), '--chrome-dir', path.join(tmp, 'extension'), '--firefox-dir', path.join(tmp, 'extension-firefox'), '--out', release, '--no-lint'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60000 },
    );
    if (run.status !== 0) throw new Error(`scripts/package.mjs failed (${run.status}): ${run.stderr}`);
    unpacked = path.join(tmp, 'unpacked');
    fs.mkdirSync(unpacked);
    unzipTo(path.join(release, `whosaid-chrome-${VERSION}.zip`), unpacked);
    server = await serveFolders({ [ARTICLE_PATH]: path.join(ROOT, 'demo') });
    browser = await launchBrowser({ extensionDir: unpacked, headless: true });
    origin = (await extensionWorker(browser.context)).url().match(/^chrome-extension:\/\/[^/]+/)![0];
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  /** Opens one of the extension's pages, collecting script errors and files that failed to load. */
  async function openPage(name: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(`${origin}/${name}`);
    return { page, problems };
  }

  test('the worker runs the unpacked zip, at package.json\'s version', async () => {
    const worker = await extensionWorker(browser.context);
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(VERSION);
  });

  test('on the demo article the overlay appears and lists its speakers', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${ARTICLE_PATH}`);
    expect((await waitForOverlay(page))!.count).toBeGreaterThanOrEqual(4);
    // The panel draws its list when it first opens.
    await setPanelOpen(page, true);
    const overlay = await readOverlay(page);
    expect(overlay!.speakers.map((speaker) => speaker.name)).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Ryan Dillon']));
    expect(errors).toEqual([]);
  });

  test('the options page and the desk load their scripts and styles from the zip, and run', async () => {
    const options = await openPage('options.html');
    await options.page.waitForSelector('#auto-run:checked');
    expect(await options.page.evaluate(() => document.styleSheets.length)).toBe(1);
    const desk = await openPage('desk.html');
    await desk.page.waitForSelector('.lede');
    expect(await desk.page.evaluate(() => document.styleSheets.length)).toBeGreaterThanOrEqual(1);
    expect([...options.problems, ...desk.problems]).toEqual([]);
    await options.page.close();
    await desk.page.close();
  });
});
