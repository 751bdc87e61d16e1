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
  maxWorkers: 1,
  testTimeout: 180_000,
};
