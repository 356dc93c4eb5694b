/** Three tiers, as in Dark Reader: pure unit (engine, cli), DOM (content, overlay via linkedom), real browser (e2e). */
module.exports = {
  testEnvironment: 'node',
  // DOM-tier tests put linkedom windows and documents on the global. jest's default 'soft' cleanup
  // turns their properties into warning getters, which linkedom's window proxy then reads while jest
  // walks it (dozens of JEST-01 warnings per overlay file); 'on' deletes them outright.
  testEnvironmentOptions: { globalsCleanup: 'on' },
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.m?(t|j)sx?$': ['@swc/jest', {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic', importSource: 'preact' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    }],
  },
  // preact, linkedom and linkedom's dependencies ship ESM only, so node_modules are compiled too,
  // except the big CommonJS packages that need no transform.
  transformIgnorePatterns: ['/node_modules/(compromise|playwright-core|typescript|esbuild|@swc|web-ext|jest[^/]*|@jest)/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 30000,
};
