/**
 * The folders by context, as in Dark Reader: each may import only what the design allows, so the
 * content script stays small and NLP-free and the engine stays free of DOM and browser APIs.
 */
import * as fs from 'fs';
import * as path from 'path';

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
  content: /^(compromise|preact|linkedom|@mozilla\/readability$)/,
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
