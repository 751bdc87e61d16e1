import { loadAppConfig } from './app-config';

describe('configuration validated at boot', () => {
  it('applies defaults', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, EMBEDDED_POSTGRES_DIR: '.data/postgres', DEMO_CONTENT: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads and converts values', () => {
    const config = loadAppConfig({ PORT: '8080', DEMO_CONTENT: 'false', DATABASE_URL: 'postgres://u:p@db:5432/concerto', REDIS_URL: 'redis://cache:6379' });
    expect(config).toMatchObject({ PORT: 8080, DEMO_CONTENT: false, DATABASE_URL: 'postgres://u:p@db:5432/concerto', REDIS_URL: 'redis://cache:6379' });
  });

  it('refuses to start with every invalid variable listed', () => {
    expect(() => loadAppConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' })).toThrow(
      /Invalid configuration:[\s\S]*PORT[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*ADMIN_PASSWORD/,
    );
  });

  it('requires an external database in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: required in production/);
    expect(loadAppConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/concerto' }).isProduction).toBe(true);
  });
});
