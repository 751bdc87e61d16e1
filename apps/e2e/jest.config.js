/** Browser end-to-end tests: the built app on its own embedded PostgreSQL, driven in headless Chromium. */
const ESM_PACKAGES = ['oidc-provider', 'jose'];

module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    // ESM-only packages of the in-test OpenID Provider, turned into CommonJS for Jest's module loader
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  moduleNameMapper: {
    '^@concerto/domain$': require('node:path').join(__dirname, '../../libs/domain/src/index.ts'),
    '^@concerto/testing$': require('node:path').join(__dirname, '../../libs/testing/src/index.ts'),
  },
  // two suites at once: a browser suite mostly waits (its server, PostgreSQL, Chromium, timers). One
  // at a time used 28 % of two cores and took 1,022 s; two at a time take 640 s (all 105 tests
  // passed). Each suite has its own server, database, ports and temporary folder.
  maxWorkers: 2,
  testTimeout: 180_000,
};
