import { loadAppConfig } from './app-config';

describe('configuration validated at boot', () => {
  it('applies defaults', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      EMBEDDED_POSTGRES_DIR: '.data/postgres',
      DEMO_CONTENT: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads and converts values', () => {
    const config = loadAppConfig({
      PORT: '8080',
      DEMO_CONTENT: 'false',
      DATABASE_URL: 'postgres://u:p@db:5432/concerto',
      REDIS_URL: 'redis://cache:6379',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DEMO_CONTENT: false,
      DATABASE_URL: 'postgres://u:p@db:5432/concerto',
      REDIS_URL: 'redis://cache:6379',
    });
  });

  it('refuses to start with every invalid variable listed', () => {
    expect(() =>
      loadAppConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' }),
    ).toThrow(
      /Invalid configuration:[\s\S]*PORT[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*ADMIN_PASSWORD/,
    );
  });

  it('requires an external database in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL: required in production/,
    );
    expect(
      loadAppConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/concerto' })
        .isProduction,
    ).toBe(true);
  });

  it('reads OpenID Connect providers: none by default, presets for ProSanté Connect and FranceConnect, each invalid variable named', () => {
    expect(loadAppConfig({}).oidcProviders).toEqual([]);
    const config = loadAppConfig({
      OIDC_PROVIDERS: 'psc, fc',
      OIDC_PSC_ISSUER: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet',
      OIDC_PSC_CLIENT_ID: 'concerto',
      OIDC_PSC_CLIENT_SECRET: 's3cret',
      OIDC_PSC_PRESET: 'prosante-connect',
      OIDC_FC_ISSUER: 'https://oidc.franceconnect.gouv.fr/api/v2',
      OIDC_FC_CLIENT_ID: 'fc-client',
      OIDC_FC_PRESET: 'franceconnect',
      OIDC_FC_LABEL: 'FranceConnect',
    });
    expect(config.oidcProviders).toEqual([
      expect.objectContaining({
        key: 'psc',
        label: 'Pro Santé Connect',
        scopes: 'openid scope_all',
        acrValues: 'eidas1',
        clientSecret: 's3cret',
      }),
      expect.objectContaining({
        key: 'fc',
        label: 'FranceConnect',
        scopes: 'openid given_name family_name email',
        acrValues: 'eidas1',
        clientSecret: undefined,
      }),
    ]);
    expect(() =>
      loadAppConfig({
        OIDC_PROVIDERS: 'x,Bad Key',
        OIDC_X_ISSUER: 'pas une url',
        OIDC_X_SCOPES: 'email',
      }),
    ).toThrow(
      /OIDC_X_ISSUER: required[\s\S]*OIDC_X_CLIENT_ID: required[\s\S]*OIDC_PROVIDERS: « Bad Key »/,
    );
    expect(() =>
      loadAppConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/c',
        OIDC_PROVIDERS: 'x',
        OIDC_X_ISSUER: 'http://op.local',
        OIDC_X_CLIENT_ID: 'c',
      }),
    ).toThrow(/OIDC_X_ISSUER: must be https:\/\/ in production/);
  });
});
