/**
 * Jest environment for DOM-tier tests of the article and content code (linkedom, no browser).
 * linkedom needs css-select, which is ESM only: jest's module registry cannot load it untransformed
 * (jest.config.cjs transforms no node_modules but preact), but Node 20's own require can, and a test
 * environment is loaded by Node itself. linkedom.ts hands it to the tests.
 * Use with the docblock: @jest-environment ./tests/shared/linkedom-environment.cjs
 */
const { TestEnvironment } = require('jest-environment-node');

class LinkedomEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.__linkedom = require('linkedom');
  }
}

module.exports = LinkedomEnvironment;
