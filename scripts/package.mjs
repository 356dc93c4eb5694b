/**
 * npm run package (after npm run build): the two files a store or a colleague installs.
 *   release/whosaid-chrome-VERSION.zip   extension/ zipped with manifest.json at the root: what the Chrome
 *                                        Web Store takes, and what "Load unpacked" reads once unzipped
 *   release/whosaid-firefox-VERSION.zip  extension-firefox/ zipped by web-ext build, then checked with
 *                                        web-ext lint (--self-hosted, as npm run lint:firefox): no error
 * VERSION is package.json's and must equal the version in both built manifests. Both zips are made by
 * web-ext build (offline), which leaves out dotfiles, node_modules and earlier zips; only the built
 * files go in (the build emits no source maps).
 * Usage: node scripts/package.mjs [--chrome-dir DIR] [--firefox-dir DIR] [--out DIR] [--no-lint]
 *   (defaults: extension/, extension-firefox/, release/; the options are for tests, which package
 *   copies of the build into a temporary folder; --no-lint skips the Firefox lint, for tests that only
 *   need the zips)
 * Any failure prints one sentence saying why and exits 1.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A path as the user knows it: relative to the project when inside it. */
function shown(path) {
  const inside = relative(ROOT, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/** The built folder's manifest version; throws a one-sentence reason when the folder is not a build. */
function builtVersion(dir, what) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`the ${what} build folder ${shown(dir)}/ is missing: run npm run build first (npm run package does).`);
  }
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${shown(dir)}/ holds no manifest.json, so it is not a built ${what} extension: run npm run build first.`);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${shown(file)} is not valid JSON (${error.message}): run npm run build again.`);
  }
  if (typeof manifest.version !== 'string' || !manifest.version) throw new Error(`${shown(file)} has no version.`);
  return manifest.version;
}

function formatSize(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Writes both zips into outDir; resolves { version, chrome, firefox } (the zip paths). Both folders are
 * checked before anything is written, and a Firefox zip that fails lint is removed.
 */
export async function packageExtension({
  chromeDir = join(ROOT, 'extension'),
  firefoxDir = join(ROOT, 'extension-firefox'),
  outDir = join(ROOT, 'release'),
  lint = true,
  log = console.log,
} = {}) {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const targets = [
    { browser: 'chrome', what: 'Chrome', dir: resolve(chromeDir) },
    { browser: 'firefox', what: 'Firefox', dir: resolve(firefoxDir) },
  ];
  for (const target of targets) {
    const found = builtVersion(target.dir, target.what);
    if (found !== version) {
      throw new Error(`package.json says version ${version} but ${shown(join(target.dir, 'manifest.json'))} says ${found}: set the same version in package.json and manifest.json, then run npm run package again.`);
    }
  }

  // Loaded only now: the checks above answer at once, without web-ext's start-up time.
  const { default: webExt } = await import('web-ext');
  const zips = {};
  for (const target of targets) {
    const filename = `whosaid-${target.browser}-${version}.zip`;
    try {
      await webExt.cmd.build(
        { sourceDir: target.dir, artifactsDir: resolve(outDir), filename, overwriteDest: true },
        { shouldExitProgram: false },
      );
    } catch (error) {
      throw new Error(`web-ext build could not zip ${shown(target.dir)}/ into ${filename}: ${String(error.message ?? error).trim()}`);
    }
    zips[target.browser] = join(resolve(outDir), filename);
  }

  if (lint) {
    // The zip itself, as a store or Firefox reads it (addons-linter opens zips as well as folders).
    const result = await webExt.cmd.lint(
      { sourceDir: zips.firefox, selfHosted: true, output: 'none', boring: true },
      { shouldExitProgram: false },
    );
    const describe = (message) => `${message.code}${message.file ? ` in ${message.file}` : ''}: ${message.message}`;
    for (const warning of result.warnings ?? []) log(`package: web-ext lint warning: ${describe(warning)}`);
    const errors = result.errors ?? [];
    if (errors.length > 0) {
      rmSync(zips.firefox, { force: true });
      throw new Error(`web-ext lint found ${errors.length} error${errors.length === 1 ? '' : 's'} in ${basename(zips.firefox)}, so it was removed: ${errors.map(describe).join('; ')}`);
    }
    log(`package: web-ext lint: no error in ${basename(zips.firefox)} (${(result.warnings ?? []).length} warnings, ${(result.notices ?? []).length} notices)`);
  }

  for (const zip of Object.values(zips)) log(`package: wrote ${shown(zip)} (${formatSize(statSync(zip).size)})`);
  return { version, ...zips };
}

function parseArgs(argv) {
  const options = {};
  const flags = { '--chrome-dir': 'chromeDir', '--firefox-dir': 'firefoxDir', '--out': 'outDir' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--no-lint') options.lint = false;
    else if (flags[arg] && argv[i + 1]) options[flags[arg]] = resolve(argv[++i]);
    else throw new Error(`unknown argument ${arg} (usage: node scripts/package.mjs [--chrome-dir DIR] [--firefox-dir DIR] [--out DIR] [--no-lint]).`);
  }
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  Promise.resolve()
    .then(() => packageExtension(parseArgs(process.argv.slice(2))))
    .catch((error) => {
      console.error(`package: ${error.message ?? error}`);
      process.exit(1);
    });
}
