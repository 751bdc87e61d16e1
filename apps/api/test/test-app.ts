import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createConcertoApp } from '../src/bootstrap';
import { AppConfig, loadAppConfig } from '../src/config/app-config';
import { createDatabaseIfMissing, dropDatabase } from '../src/database/database-server';
import { readCluster, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from './test-database';

/** A GraphQL response as the tests read it. */
export interface GqlResponse<T = any> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  /** The response's extensions (e.g. `contentRemoved` after a mutation). */
  extensions?: Record<string, unknown>;
}

/** The API booted on a fresh copy of the template database, listening on a free port. */
export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  baseUrl: string;
  databaseUrl: string;
  /** Runs a GraphQL operation; `token` is sent as a Bearer token. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** Runs SQL on the test database (for counting rows). */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** The current terms and privacy versions, as `register`'s `acceptedTermsVersion` / `acceptedPrivacyVersion`. */
  currentTermsVersions(): Promise<{ acceptedTermsVersion: number; acceptedPrivacyVersion: number }>;
  /** Registers a participant (accepting the current terms); returns its token and id. */
  register(name?: string): Promise<{ token: string; id: string; email: string }>;
  /** Signs the first admin in; returns its token. */
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the API for one test file on its own database, copied from the run's template
 * (migrated, with the first admin and the demo content).
 * @param env extra configuration variables
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const cluster = readCluster();
  const database = `concerto_t_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(cluster.adminUrl, database, cluster.templateDatabase);
  const databaseUrl = cluster.urlTemplate.replace('{db}', database);
  const config = loadAppConfig({
    NODE_ENV: 'test',
    ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    WEB_DIST_DIR: '',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // suites fire many mutations from one IP; rate-limit.spec.ts proves the limits with their own values
    MUTATION_RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const app = await createConcertoApp(config, databaseUrl, false);
  await app.listen(0, '127.0.0.1');
  // The server never closes an idle keep-alive connection: the tests' fetch (undici) closes its
  // own after 4 s. With Node's default (5 s, the same order) a heavily loaded run could send a
  // request on a connection the server was closing at that instant: ECONNRESET, a failed test.
  (app.getHttpServer() as import('node:http').Server).keepAliveTimeout = 0;
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const sqlClient = new Client({ connectionString: databaseUrl });
  await sqlClient.connect();
  let counter = 0;

  const gql: TestApp['gql'] = async (query, variables, token, headers = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResponse;
  };
  let adminTokenCache: string | undefined;
  /** The versions a sign-up must accept, read from the API like the web app does. */
  const currentTermsVersions: TestApp['currentTermsVersions'] = async () => {
    const terms = await gql(`{ termsDocuments { kind version } }`);
    const version = (kind: string) =>
      (terms.data.termsDocuments as { kind: string; version: number }[]).find(
        (d) => d.kind === kind,
      )!.version;
    return { acceptedTermsVersion: version('TERMS'), acceptedPrivacyVersion: version('PRIVACY') };
  };

  return {
    app,
    config,
    baseUrl,
    databaseUrl,
    gql,
    currentTermsVersions,
    sql: async (text, params) => (await sqlClient.query(text, params as unknown[])).rows,
    async register(name = 'Participante') {
      counter += 1;
      const email = `user-${randomBytes(4).toString('hex')}-${counter}@example.org`;
      const result = await gql(
        `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
        {
          input: {
            name,
            email,
            password: 'correct horse battery',
            ...(await currentTermsVersions()),
          },
        },
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return { token: result.data.register.token, id: result.data.register.user.id, email };
    },
    async adminToken() {
      if (adminTokenCache) return adminTokenCache;
      const result = await gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
        input: { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD },
      });
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      adminTokenCache = result.data.login.token as string;
      return adminTokenCache;
    },
    async close() {
      await sqlClient.end();
      await app.close();
      await dropDatabase(cluster.adminUrl, database);
    },
  };
}

/** The terms and privacy versions the migration publishes, as `register` accepts them (for sign-ups written inline in tests). */
export const INITIAL_TERMS = { acceptedTermsVersion: 1, acceptedPrivacyVersion: 1 } as const;

/** The `extensions.code` of the first error, or undefined. */
export const errorCode = (response: GqlResponse) => response.errors?.[0]?.extensions?.code;
