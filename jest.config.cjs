/** Three tiers, as in Dark Reader: pure unit (engine, cli), DOM (content, overlay via linkedom), real browser (e2e). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic', importSource: 'preact' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    }],
  },
  // preact and friends ship ESM for import; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(preact|@preact)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testTimeout: 30000,
};
