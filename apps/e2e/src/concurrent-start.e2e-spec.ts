import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ConcertoServer, freePort } from './concerto-server';
import { PostgresServer, startPostgres } from './postgres-server';

/**
 * Three API processes started at the same instant on one empty database (through DATABASE_URL,
 * as in production): the start lock lets one migrate and set up while the others wait, then all
 * three serve. Without the lock two of them fail on `relation "migrations" already exists`.
 */
describe('concurrent starts: three processes on one fresh database all come up', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-concurrent-'));
  let postgres: PostgresServer;
  let databaseUrl: string;
  const servers: ConcertoServer[] = [];

  beforeAll(async () => {
    postgres = await startPostgres(join(root, 'pg'));
    databaseUrl = await postgres.createDatabase('concerto_fresh');
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await postgres?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('migrates once, creates one admin and one demo, and every process becomes ready, then each exits 0 on SIGTERM', async () => {
    const env = {
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: 'admin@concerto.test',
      ADMIN_PASSWORD: 'concurrent-admin-password',
      WEB_DIST_DIR: '',
    };
    for (let i = 0; i < 3; i++)
      servers.push(new ConcertoServer(await freePort(), join(root, 'unused'), env));
    servers.forEach((s) => s.launch()); // at once
    await Promise.all(servers.map((s) => s.waitUntilReady()));

    const outputs = servers.map((s) => s.output);
    expect(outputs.filter((o) => /migrations applied:/.test(o))).toHaveLength(1);
    expect(outputs.filter((o) => /database schema up to date/.test(o))).toHaveLength(2);
    expect(outputs.join('\n')).not.toMatch(/migration failed|start failed/);

    for (const server of servers) {
      const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
        status: string;
        checks: Record<string, string>;
      };
      expect(ready).toMatchObject({
        status: 'ready',
        checks: { database: 'ok', migrations: 'ok', redis: 'skipped', draining: 'ok' },
      });
    }

    const sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    try {
      const count = async (text: string) => Number((await sql.query(text)).rows[0].n);
      const migrations = await count(`SELECT count(*) AS n FROM migrations`);
      expect(await count(`SELECT count(DISTINCT name) AS n FROM migrations`)).toBe(migrations);
      expect(await count(`SELECT count(*) AS n FROM users WHERE is_admin`)).toBe(1);
      // one flag per demo loader (the base content, the petitions added later…), each written once
      const flags = await count(`SELECT count(*) AS n FROM app_settings WHERE key LIKE 'demo%'`);
      expect(flags).toBeGreaterThanOrEqual(1);
      expect(
        await count(`SELECT count(DISTINCT key) AS n FROM app_settings WHERE key LIKE 'demo%'`),
      ).toBe(flags);
      // and each loader's content once: one component of each type in a demo space
      expect(
        await count(
          `SELECT count(*) AS n FROM (SELECT c.space_id, c.type FROM components c JOIN participatory_spaces s ON s.id = c.space_id WHERE s.is_demo GROUP BY 1, 2 HAVING count(*) > 1) d`,
        ),
      ).toBe(0);
      const spaces = await count(`SELECT count(*) AS n FROM participatory_spaces`);
      expect(await count(`SELECT count(DISTINCT slug) AS n FROM participatory_spaces`)).toBe(
        spaces,
      );
      expect(spaces).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }

    const codes = await Promise.all(servers.map((s) => s.stop('SIGTERM')));
    expect(codes).toEqual([0, 0, 0]);
  });
});
