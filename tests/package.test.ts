/**
 * npm run package without its build step (npm test builds first): scripts/package.mjs run once on a
 * copy of the built folders, into a temporary release folder. The Chrome zip holds manifest.json at its
 * root and every file the manifest and its pages name, and nothing but the built files (no dotfile, no
 * source map); the Firefox zip keeps its gecko settings and passed web-ext lint; a missing build folder
 * or a version that differs from package.json stops it with one plain sentence.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readZip, type ZipEntry } from './helpers/zip';

const ROOT = path.resolve(__dirname, '..');
const CHROME = path.join(ROOT, 'extension');
const FIREFOX = path.join(ROOT, 'extension-firefox');
const SCRIPT = path.join(ROOT, 'scripts', 'package.mjs');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
/** Opened by the background (runtime.getURL), named by no manifest key. */
const DESK_PAGE = 'desk.html';
const built = fs.existsSync(path.join(CHROME, 'manifest.json')) && fs.existsSync(path.join(FIREFOX, 'manifest.json'));

if (!built && process.env.CI === 'true') throw new Error('CI=true but extension/ is not built: run npm run build first');
if (!built) console.warn('SKIPPED: extension/ and extension-firefox/ are not built (npm run build); package tests skipped.');
const describeBuilt = built ? describe : describe.skip;

function runPackage(...args: string[]) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim(), ms: Date.now() - started };
}

/** Files under dir, relative, with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = prefix + entry.name;
    return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${name}/`) : [name];
  });
}

/** Every file a Chrome manifest points at, and the scripts and styles its pages load. */
function referencedFiles(manifest: Record<string, any>, read: (name: string) => string): string[] {
  const framed = (manifest.web_accessible_resources ?? []).flatMap((entry: { resources: string[] }) => entry.resources).filter((name: string) => name.endsWith('.html'));
  const pages = [manifest.options_ui?.page, manifest.action?.default_popup, DESK_PAGE, ...framed].filter(Boolean) as string[];
  const files = [
    ...Object.values((manifest.icons ?? {}) as Record<string, string>),
    ...Object.values((manifest.action?.default_icon ?? {}) as Record<string, string>),
    ...(manifest.content_scripts ?? []).flatMap((script: { js?: string[]; css?: string[] }) => [...(script.js ?? []), ...(script.css ?? [])]),
    manifest.background.service_worker,
    ...(manifest.web_accessible_resources ?? []).flatMap((entry: { resources: string[] }) => entry.resources),
    `_locales/${manifest.default_locale}/messages.json`,
    ...pages,
  ];
  for (const page of pages) {
    for (const [, linked] of read(page).matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
      if (!/^[a-z]+:/i.test(linked)) files.push(linked.replace(/^\.?\//, ''));
    }
  }
  return [...new Set(files)];
}

describeBuilt('npm run package (scripts/package.mjs)', () => {
  let tmp: string;
  let release: string;
  let run: ReturnType<typeof runPackage>;
  let chrome: ZipEntry[];
  let firefox: ZipEntry[];
  const entry = (entries: ZipEntry[], name: string) => entries.find((candidate) => candidate.name === name);
  const json = (entries: ZipEntry[], name: string) => JSON.parse(entry(entries, name)!.data().toString('utf8'));

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-package-'));
    // Copies, so a rebuild in the working tree (others build too) cannot change the folders mid-run.
    fs.cpSync(CHROME, path.join(tmp, 'extension'), { recursive: true });
    fs.cpSync(FIREFOX, path.join(tmp, 'extension-firefox'), { recursive: true });
    // What an editor or a file manager leaves behind: none of it may ship.
    fs.writeFileSync(path.join(tmp, 'extension', '.DS_Store'), 'x');
    fs.mkdirSync(path.join(tmp, 'extension', '.cache'));
    fs.writeFileSync(path.join(tmp, 'extension', '.cache', 'state'), 'x');
    release = path.join(tmp, 'release');
    run = runPackage('--chrome-dir', path.join(tmp, 'extension'), '--firefox-dir', path.join(tmp, 'extension-firefox'), '--out', release);
    console.log(`package: scripts/package.mjs took ${run.ms} ms`);
    if (run.status !== 0) throw new Error(`scripts/package.mjs failed (${run.status}): ${run.stderr}`);
    chrome = readZip(path.join(release, `whosaid-chrome-${VERSION}.zip`));
    firefox = readZip(path.join(release, `whosaid-firefox-${VERSION}.zip`));
  }, 120000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('writes both zips, named with package.json\'s version, and the Firefox one passed web-ext lint', () => {
    expect(fs.readdirSync(release).sort()).toEqual([`whosaid-chrome-${VERSION}.zip`, `whosaid-firefox-${VERSION}.zip`]);
    expect(run.stdout).toContain(`web-ext lint: no error in whosaid-firefox-${VERSION}.zip`);
  });

  test('Chrome: manifest.json at the root, with the version and no Firefox-only keys', () => {
    const manifest = json(chrome, 'manifest.json');
    expect(manifest.version).toBe(VERSION);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.browser_specific_settings).toBeUndefined();
  });

  test('Chrome: every file the manifest and its pages name is inside', () => {
    const names = new Set(chrome.map((candidate) => candidate.name));
    const read = (name: string) => entry(chrome, name)?.data().toString('utf8') ?? '';
    const wanted = referencedFiles(json(chrome, 'manifest.json'), read);
    expect(wanted).toEqual(expect.arrayContaining(['background.js', 'content.js', 'overlay.js', 'options.html', 'options.js', 'desk.html', 'desk.js', 'icons/icon-128.png']));
    expect(wanted.filter((name) => !names.has(name))).toEqual([]);
  });

  test('Chrome: exactly the built files, byte for byte: no dotfile, no source map, no folder around them', () => {
    const source = path.join(tmp, 'extension');
    const shipped = filesUnder(source).filter((name) => !name.split('/').some((part) => part.startsWith('.')));
    const files = chrome.filter((candidate) => !candidate.name.endsWith('/'));
    expect(files.map((file) => file.name).sort()).toEqual(shipped.sort());
    for (const file of files) expect({ file: file.name, same: file.data().equals(fs.readFileSync(path.join(source, file.name))) }).toEqual({ file: file.name, same: true });
    expect(chrome.map((candidate) => candidate.name).filter((name) => /(^|\/)\.|\.map$/.test(name))).toEqual([]);
  });

  test('Firefox: manifest.json at the root, with the version, the gecko settings and background scripts', () => {
    const manifest = json(firefox, 'manifest.json');
    const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(VERSION);
    expect(manifest.browser_specific_settings.gecko).toEqual(source.browser_specific_settings.gecko);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(entry(firefox, 'background.js')).toBeDefined();
  });

  test('a missing build folder stops it with one plain sentence, and writes nothing', () => {
    const out = path.join(tmp, 'release-missing');
    const missing = runPackage('--chrome-dir', path.join(tmp, 'no-such-build'), '--out', out);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`package: the Chrome build folder ${path.join(tmp, 'no-such-build')}/ is missing: run npm run build first (npm run package does).`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a built manifest whose version differs from package.json stops it with one plain sentence', () => {
    const stale = path.join(tmp, 'stale-firefox');
    fs.mkdirSync(stale);
    fs.writeFileSync(path.join(stale, 'manifest.json'), JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(FIREFOX, 'manifest.json'), 'utf8')), version: `${VERSION}.9` }));
    const out = path.join(tmp, 'release-stale');
    const result = runPackage('--chrome-dir', path.join(tmp, 'extension'), '--firefox-dir', stale, '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`package: package.json says version ${VERSION} but ${path.join(stale, 'manifest.json')} says ${VERSION}.9: set the same version in package.json and manifest.json, then run npm run package again.`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
