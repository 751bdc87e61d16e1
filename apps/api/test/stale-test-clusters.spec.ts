import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, isAlive } from '../src/database/embedded-postgres';
import { stopStaleTestClusters, TEST_CLUSTER_PREFIX } from './test-database';

/**
 * A Jest run killed before its global teardown leaves its throwaway PostgreSQL running; the
 * next run's global setup stops it — and only it: a concurrent live run's cluster stays up.
 */
describe('global setup stops the test clusters of dead runs, not those of live ones', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-stale-clusters-'));
  chmodSync(root, 0o755); // as root, the postgres OS user must reach the data directories
  const started: EmbeddedPostgres[] = [];
  const startCluster = async (name: string) => {
    const dataDir = join(root, `${TEST_CLUSTER_PREFIX}${name}`, 'data');
    mkdirSync(join(root, `${TEST_CLUSTER_PREFIX}${name}`));
    const cluster = new EmbeddedPostgres({ dataDir, port: 0, settings: { fsync: 'off' } });
    started.push(cluster);
    const connection = await cluster.start();
    return {
      dataDir,
      connection,
      postmaster: () =>
        Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    };
  };
  afterAll(async () => {
    for (const cluster of started) await cluster.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('stops and removes the cluster whose owner is dead, keeps the live one and one still starting', async () => {
    const dead = await startCluster('dead');
    const live = await startCluster('live');
    const deadPostmaster = dead.postmaster();
    // the owner of "dead" is a process that has exited (a Jest run killed with SIGKILL)
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${dead.dataDir}.owner`, String(gone));
    // a run that has just created its directory and not yet started its server
    mkdirSync(join(root, `${TEST_CLUSTER_PREFIX}starting`));

    const removed = await stopStaleTestClusters(root);

    expect(removed).toEqual([join(root, `${TEST_CLUSTER_PREFIX}dead`)]);
    expect(isAlive(deadPostmaster)).toBe(false);
    expect(existsSync(join(root, `${TEST_CLUSTER_PREFIX}dead`))).toBe(false);
    expect(existsSync(join(root, `${TEST_CLUSTER_PREFIX}starting`))).toBe(true);
    const client = new Client({ connectionString: live.connection.url('postgres') });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await client.end();
  });
});
