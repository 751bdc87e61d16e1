/** Browser end-to-end tests: the built app on its own embedded PostgreSQL, driven in headless Chromium. */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  moduleNameMapper: { '^@concerto/domain$': require('node:path').join(__dirname, '../../libs/domain/src/index.ts') },
  maxWorkers: 1,
  testTimeout: 180_000,
};
