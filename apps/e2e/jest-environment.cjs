// The browser suites' Jest environment: Node's, plus a note of the test that just failed, so the
// suite's `afterEach` can keep what the browser showed at that moment (apps/e2e/src/browser-suite.ts).
const { TestEnvironment } = require('jest-environment-node');

class BrowserSuiteEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__e2eFailedTest = null;
    if (event.name === 'test_fn_failure') this.global.__e2eFailedTest = event.test.name;
  }
}

module.exports = BrowserSuiteEnvironment;
