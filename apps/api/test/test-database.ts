import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres, isAlive } from '../src/database/embedded-postgres';

/** Where the running test cluster is described for the test workers. */
export const TEST_CLUSTER_FILE = join(
  tmpdir(),
  `concerto-test-cluster-${process.ppid}-${process.pid}.json`,
);

/** What global setup shares with the test files (through the CONCERTO_TEST_CLUSTER env var). */
export interface TestCluster {
  /** URL of the maintenance database `postgres` on the test server. */
  adminUrl: string;
  /** URL template: replace `{db}` with a database name. */
  urlTemplate: string;
  /** Migrated database with the first admin and the demo content, copied for each test file. */
  templateDatabase: string;
  /** Temporary data directory of the embedded cluster, or null with an external server. */
  dataDir: string | null;
}

/** Password of the first admin in test databases. */
export const TEST_ADMIN_EMAIL = 'admin@concerto.test';
export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';

/**
 * Starts the test PostgreSQL: the server named by TEST_DATABASE_URL when set (its database is
 * used only to connect; each run creates and drops its own databases), otherwise a throwaway
 * embedded cluster in a temporary directory with fsync off.
 */
export async function startTestServer(): Promise<{
  adminUrl: string;
  urlTemplate: string;
  dataDir: string | null;
  embedded: EmbeddedPostgres | null;
}> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const url = new URL(external);
    url.pathname = '/postgres';
    const adminUrl = url.toString();
    url.pathname = '/{db}';
    return {
      adminUrl,
      urlTemplate: url.toString().replace('%7Bdb%7D', '{db}'),
      dataDir: null,
      embedded: null,
    };
  }
  await stopStaleTestClusters();
  const dataDir = mkdtempSync(join(tmpdir(), TEST_CLUSTER_PREFIX));
  const embedded = new EmbeddedPostgres({
    dataDir: join(dataDir, 'data'),
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
    adminUrl: connection.url('postgres'),
    urlTemplate: connection.url('{db}').replace('%7Bdb%7D', '{db}'),
    dataDir,
    embedded,
  };
}

export function writeCluster(cluster: TestCluster): void {
  writeFileSync(TEST_CLUSTER_FILE, JSON.stringify(cluster));
  process.env.CONCERTO_TEST_CLUSTER = TEST_CLUSTER_FILE;
}

export function readCluster(): TestCluster {
  const file = process.env.CONCERTO_TEST_CLUSTER;
  if (!file)
    throw new Error('CONCERTO_TEST_CLUSTER is not set: run the tests through jest (global setup)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestCluster;
}

export function removeClusterFile(): void {
  rmSync(TEST_CLUSTER_FILE, { force: true });
}

/** Prefix of the temporary directories of embedded test clusters. */
export const TEST_CLUSTER_PREFIX = 'concerto-test-pg-';

/** A directory without an owner file younger than this may be a run starting right now. */
const STARTING_GRACE_MS = 10 * 60_000;

/**
 * Stops and removes the embedded test clusters left by runs killed before their global
 * teardown: a cluster is stale when the process recorded in its `data.owner` file (the Jest
 * process that started it) is gone, or when it has no owner file and is older than ten
 * minutes (killed while starting). Clusters of a concurrent live run are not touched.
 * Also removes the cluster description files of dead runs.
 * @param root where the clusters live (default: the OS temporary directory)
 * @returns the directories removed
 */
export async function stopStaleTestClusters(root = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const described = /^concerto-test-cluster-\d+-(\d+)\.json$/.exec(name);
    if (described && !isAlive(Number(described[1]))) rmSync(path, { force: true });
    if (!name.startsWith(TEST_CLUSTER_PREFIX)) continue;
    const dataDir = join(path, 'data');
    if (!existsSync(`${dataDir}.owner`) && Date.now() - statSync(path).mtimeMs < STARTING_GRACE_MS)
      continue;
    if (!(await new EmbeddedPostgres({ dataDir, port: 0 }).stopIfOwnerGone())) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
