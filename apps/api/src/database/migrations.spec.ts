import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readCluster } from '../../test/test-database';
import { runMigrations } from './data-source';
import { createDatabaseIfMissing, dropDatabase } from './database-server';

describe('migrations', () => {
  const cluster = readCluster();
  const name = `concerto_mig_${randomBytes(4).toString('hex')}`;
  const url = cluster.urlTemplate.replace('{db}', name);
  const tables = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (
        await client.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
        )
      ).rows.map((r) => r.table_name);
    } finally {
      await client.end();
    }
  };
  beforeAll(() => createDatabaseIfMissing(cluster.adminUrl, name));
  afterAll(() => dropDatabase(cluster.adminUrl, name));

  it('a failing migration reports itself and leaves the schema unchanged', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE TABLE participatory_spaces (clash int)`); // makes the initial migration fail midway
    await client.end();
    await expect(runMigrations(url)).rejects.toThrow(
      /database migration failed, schema left unchanged: .*participatory_spaces/,
    );
    // only TypeORM's bookkeeping table may exist, and it records nothing
    expect((await tables()).filter((t) => t !== 'migrations')).toEqual(['participatory_spaces']);
    const check = new Client({ connectionString: url });
    await check.connect();
    const recorded = await check
      .query(`SELECT count(*) AS n FROM migrations`)
      .catch(() => ({ rows: [{ n: '0' }] }));
    await check.end();
    expect(Number(recorded.rows[0].n)).toBe(0);
  });

  it('applies every migration once; a second run applies nothing', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP TABLE participatory_spaces`);
    await client.end();
    const applied = await runMigrations(url);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'users',
        'participatory_spaces',
        'components',
        'action_logs',
        'migrations',
      ]),
    );
    expect(await runMigrations(url)).toEqual([]);
  });
});
