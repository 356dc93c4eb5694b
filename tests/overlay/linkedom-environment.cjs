/**
 * Jest environment for the overlay's DOM tests. linkedom needs css-select and Preact 11 is .mjs
 * only: jest's module registry cannot load either untransformed (jest.config.cjs transforms neither),
 * but Node 20's own require can. A test environment is loaded by Node itself, so they are loaded here
 * and handed to the tests as globals; native-modules.ts routes the tests' imports to them.
 * Use with the docblock: @jest-environment ./tests/overlay/linkedom-environment.cjs
 */
const { TestEnvironment } = require('jest-environment-node');

class LinkedomEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.__overlayNativeModules = {
      linkedom: require('linkedom'),
      preact: require('preact'),
      'preact/hooks': require('preact/hooks'),
      'preact/jsx-runtime': require('preact/jsx-runtime'),
    };
  }
}

module.exports = LinkedomEnvironment;
