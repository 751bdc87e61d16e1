/** Browser end-to-end tests: the built app on its own embedded PostgreSQL, driven in headless Chromium. */
const ESM_PACKAGES = ['oidc-provider', 'jose'];

module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  // Node's, noting a failed test so a browser suite keeps its screenshot, DOM and console
  testEnvironment: '<rootDir>/jest-environment.cjs',
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
  // one suite at a time. Two at once took 1,022 → 640 s here (a browser suite mostly waits: 28 % of
  // two cores), but in a fresh-clone run the proposals suite then lost its open « Nouvelle
  // proposition » form once (the button it had just filled was gone for 30 s; cause not found yet).
  // Back to one until that race is understood and fixed in the app or the suite.
  maxWorkers: 1,
  testTimeout: 180_000,
};
