import { Client } from 'pg';
import { resolve } from 'node:path';
import { EmbeddedPostgres } from './embedded-postgres';

/** A database ready for the app: its URL, and the embedded server to stop at exit, if one was started. */
export interface DatabaseServer {
  url: string;
  embedded: EmbeddedPostgres | null;
}

/**
 * Provides the app's database: `databaseUrl` when given, otherwise the embedded PostgreSQL
 * in `embeddedDir` (started, or reused when already running) with a `concerto` database.
 * @param options.databaseUrl external server URL, used as is
 * @param options.embeddedDir data directory of the embedded cluster
 * @param options.embeddedPort its port (0 = any free port)
 * @param options.log progress lines
 */
export async function provideDatabase(options: {
  databaseUrl?: string;
  embeddedDir: string;
  embeddedPort: number;
  log: (line: string) => void;
}): Promise<DatabaseServer> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: null };
  const embedded = new EmbeddedPostgres({
    dataDir: resolve(options.embeddedDir),
    port: options.embeddedPort,
    log: options.log,
  });
  const connection = await embedded.start();
  await createDatabaseIfMissing(connection.url('postgres'), 'concerto');
  return { url: connection.url('concerto'), embedded };
}

/**
 * Creates a database when it does not exist yet.
 * @param adminUrl URL of a maintenance database on the same server (e.g. `postgres`)
 * @param name database name ([a-z0-9_] only)
 * @param template optional template database to copy
 */
export async function createDatabaseIfMissing(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name) || (template && !/^[a-z0-9_]+$/.test(template)))
    throw new Error(`bad database name ${name}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client
        .query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''} ENCODING 'UTF8'`)
        .catch((error: { code?: string }) => {
          // another process created it between the check and here (processes started together)
          if (error.code !== '42P04' && error.code !== '23505') throw error;
        });
    }
  } finally {
    await client.end();
  }
}

/**
 * Drops a database, ending its sessions (`WITH (FORCE)`).
 * @param adminUrl URL of a maintenance database on the same server
 * @param name database name
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
