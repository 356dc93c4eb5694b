/**
 * Tests that read ../shared (PolNeAR, saved pages, the seed fixture) skip in a user's clone, where it is
 * absent, and must run under CI=true, where it is always laid beside the project.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');

export function sharedDir(): string | null {
  if (fs.existsSync(path.join(SHARED_DIR, 'README.md'))) return SHARED_DIR;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${SHARED_DIR} is missing: shared data is required in CI`);
  return null;
}

let warned = false;
/** describe() when ../shared is there, describe.skip() with a loud note when it is not. */
export function describeShared(name: string, fn: () => void): void {
  if (sharedDir()) {
    describe(name, fn);
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`SKIPPED: ${SHARED_DIR} not found; tests that need the shared data (PolNeAR, saved pages, seed fixture) are skipped.`);
  }
  // The body is not run: it may read ../shared while jest collects its tests (describe.skip still runs it).
  describe.skip(`${name} (skipped: ../shared not found)`, () => {
    test.skip('needs ../shared', () => undefined);
  });
}

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}
