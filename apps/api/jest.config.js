/** Jest for the API: real PostgreSQL (see test/global-setup.ts), SWC for speed. */
const path = require('node:path');

// ESM-only packages (feed 5, archiver 8 and its zip chain) that Node loads with require(esm) but
// Jest's own module loader cannot: SWC turns them into CommonJS for the tests only.
const ESM_PACKAGES = [
  'feed',
  'archiver',
  'zip-stream',
  'compress-commons',
  'crc32-stream',
  'is-stream',
  'openid-client',
  'oauth4webapi',
  'jose',
  'oidc-provider',
];

module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^@concerto/domain$': path.join(__dirname, '../../libs/domain/src/index.ts'),
    '^@concerto/testing$': path.join(__dirname, '../../libs/testing/src/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
};
