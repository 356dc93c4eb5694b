/**
 * The folders by context, as in Dark Reader: each may import only what the design allows, so the
 * content script stays small and NLP-free and the engine stays free of DOM and browser APIs.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as esbuild from 'esbuild';

const SRC = path.resolve(__dirname, '..', 'src');

/** folder → folders under src/ it may import from (itself always allowed). */
const ALLOWED: Record<string, string[]> = {
  engine: ['shared'],
  content: ['shared'],
  overlay: ['shared'],
  options: ['shared'],
  desk: ['shared'],
  shared: [],
  background: ['shared', 'engine'],
  cli: ['shared', 'engine'],
};

/** Packages a folder must never import. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  content: /^(compromise|preact|linkedom|@mozilla\/readability$|webextension-polyfill)/,
  engine: /^(webextension-polyfill|preact|linkedom|@mozilla\/readability)/,
  overlay: /^(compromise|linkedom)/,
  desk: /^(compromise|linkedom)/,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of code.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

const files = sourceFiles(SRC).map((file) => [path.relative(SRC, file), file] as const);

describe('architecture: imports between src/ folders', () => {
  test('there are source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files)('%s imports only what its folder may', (relative, file) => {
    const folder = relative.split(path.sep)[0];
    const allowed = ALLOWED[folder];
    expect(allowed).toBeDefined();
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
        const targetFolder = target.split(path.sep)[0];
        if (targetFolder === folder || target.startsWith('..')) continue;
        expect({ file: relative, imports: spec, allowed: allowed.includes(targetFolder) }).toEqual({ file: relative, imports: spec, allowed: true });
      } else if (FORBIDDEN_PACKAGES[folder]) {
        expect({ file: relative, imports: spec, forbidden: FORBIDDEN_PACKAGES[folder].test(spec) }).toEqual({ file: relative, imports: spec, forbidden: false });
      }
    }
  });

  test('the rule catches a violation', () => {
    const fake = path.join(SRC, 'content', 'x.ts');
    const spec = '../engine/extract';
    const target = path.relative(SRC, path.resolve(path.dirname(fake), spec)).split(path.sep)[0];
    expect(ALLOWED.content.includes(target)).toBe(false);
    expect(FORBIDDEN_PACKAGES.content.test('compromise/one')).toBe(true);
  });
});

const ENGINE = path.join(SRC, 'engine');
const PASSES = path.join(ENGINE, 'passes');
/** Engine modules every pass may use: the shared primitives, the word lists and the taggers. */
const SHARED_ENGINE_MODULES = ['core', 'lexicon', 'tagger'];

/** The pass (its file or folder under passes/) a file belongs to, or null outside passes/. */
function passOf(file: string): string | null {
  const relative = path.relative(PASSES, file);
  if (relative.startsWith('..')) return null;
  return relative.split(path.sep)[0].replace(/\.ts$/, '');
}

describe('architecture: the engine is a pipeline of passes', () => {
  const engineFiles = sourceFiles(ENGINE);
  const passNames = fs.readdirSync(PASSES).map((entry) => entry.replace(/\.ts$/, ''));

  test('every pass is numbered in the order it runs, and pipeline.ts lists each once, in that order', () => {
    expect(passNames.every((name) => /^\d\d-[a-z-]+$/.test(name))).toBe(true);
    const pipeline = fs.readFileSync(path.join(ENGINE, 'pipeline.ts'), 'utf8');
    const listed = [...pipeline.matchAll(/from '\.\/passes\/([^'/]+)'/g)].map((match) => match[1]);
    expect(listed).toEqual([...passNames].sort());
  });

  test.each(engineFiles.filter((file) => passOf(file) !== null).map((file) => [path.relative(SRC, file), file]))('%s reaches into no other pass', (_relative, file) => {
    const own = passOf(file)!;
    for (const spec of importsOf(file).filter((spec) => spec.startsWith('.'))) {
      const target = path.resolve(path.dirname(file), spec);
      const targetPass = passOf(target);
      const inEngine = !path.relative(ENGINE, target).startsWith('..');
      const module = path.relative(ENGINE, target).split(path.sep)[0];
      const allowed = targetPass === own || (targetPass === null && (!inEngine || SHARED_ENGINE_MODULES.includes(module)));
      expect({ file: path.relative(SRC, file), imports: spec, allowed }).toEqual({ file: path.relative(SRC, file), imports: spec, allowed: true });
    }
  });

  test.each(engineFiles.filter((file) => SHARED_ENGINE_MODULES.includes(path.relative(ENGINE, file).split(path.sep)[0])).map((file) => [path.relative(SRC, file), file]))(
    '%s (a shared engine module) imports no pass', (_relative, file) => {
      for (const spec of importsOf(file).filter((spec) => spec.startsWith('.'))) {
        expect({ imports: spec, pass: passOf(path.resolve(path.dirname(file), spec)) }).toEqual({ imports: spec, pass: null });
      }
    });

  test('the rule catches a pass reaching into another', () => {
    const fake = path.join(PASSES, '04-contents', 'x.ts');
    expect(passOf(path.resolve(path.dirname(fake), '../05-sources/tidy'))).toBe('05-sources');
    expect(passOf(path.resolve(path.dirname(fake), './edges'))).toBe('04-contents');
    expect(passOf(path.join(PASSES, '02-cues.ts'))).toBe('02-cues');
  });
});

describe('architecture: evaluation stays out of the product', () => {
  const EVAL = path.resolve(__dirname, '..', 'eval');

  test.each(files)('%s imports nothing from eval/', (_relative, file) => {
    for (const spec of importsOf(file).filter((spec) => spec.startsWith('.'))) {
      expect(path.relative(EVAL, path.resolve(path.dirname(file), spec)).startsWith('..')).toBe(true);
    }
  });

  /** The files an entry point's bundle holds, as esbuild resolves them (the JSON data left out: it is read, not bundled here). */
  function bundledInputs(entry: string): string[] {
    const result = esbuild.buildSync({
      entryPoints: [path.resolve(__dirname, '..', entry)], bundle: true, write: false, metafile: true, platform: 'node',
      loader: { '.json': 'empty' }, logLevel: 'silent',
    });
    return Object.keys(result.metafile!.inputs).map((input) => path.resolve(__dirname, '..', input));
  }

  test.each(['src/background/index.ts', 'src/content/index.ts', 'src/cli/main.ts'])('the bundle of %s holds no file of eval/', (entry) => {
    const inputs = bundledInputs(entry);
    expect(inputs.some((input) => input.includes(`${path.sep}src${path.sep}`))).toBe(true);
    expect(inputs.filter((input) => !path.relative(EVAL, input).startsWith('..'))).toEqual([]);
  });

  test('the content script bundles no webextension-polyfill, not even through shared/ (9.7 KB on every page)', () => {
    expect(bundledInputs('src/content/index.ts').filter((input) => input.includes('webextension-polyfill'))).toEqual([]);
  });

  test('the check sees eval/ when a bundle does hold it', () => {
    expect(bundledInputs('scripts/eval-pages.ts').some((input) => !path.relative(EVAL, input).startsWith('..'))).toBe(true);
  });

  // The Public Suffix List (tldts, some 140 KB) is more than the content script's whole size budget: the
  // worker decides which site a page is on (shared/site), the content script only sends what the page declares.
  test('the Public Suffix List is in the worker\'s bundle, not the content script\'s', () => {
    const holdsList = (entry: string) => bundledInputs(entry).some((input) => input.includes(`${path.sep}node_modules${path.sep}tldts`));
    expect(holdsList('src/content/index.ts')).toBe(false);
    expect(holdsList('src/background/index.ts')).toBe(true);
  });

});
