import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConcertoServer, currentTermsVersions, freePort } from './concerto-server';
import {
  embeddedPgClientDir,
  type PostgresServer,
  startSystemPostgres,
  systemPostgresBinDir,
} from './postgres-server';

const WORKSPACE = resolve(__dirname, '../../..');
const PASSWORD = 'une phrase de passe solide';

/**
 * `npm run backup` / `npm run restore` on the embedded cluster of `npm start`, both ways: the
 * custom-format pg_dump of the running server (a pg_dump ≥ 18 from `.ci/pg-client.mjs`) restored
 * with pg_restore, and the cold copy (`.tar.gz`) refused while the server runs. Either way, state
 * made before the backup (an account, its session, a built data export, the demo content) comes
 * back after a restore and an account created after the backup is gone.
 */
describe('backup and restore of the embedded database', () => {
  let dir: string;
  let server: ConcertoServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concerto-backup-'));
    server = new ConcertoServer(await freePort(), join(dir, 'postgres'), {
      ADMIN_PASSWORD: 'le mot de passe administrateur de sauvegarde',
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function gql(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  }

  const register = async (name: string, email: string): Promise<string> => {
    const res = await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
      i: { name, email, password: PASSWORD, ...(await currentTermsVersions(server.url)) },
    });
    expect(res.errors).toBeUndefined();
    return res.data.register.token as string;
  };
  const login = (email: string) =>
    gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { email, password: PASSWORD },
    });
  const script = (command: 'backup' | 'restore', file: string, pgBinDir = '') =>
    spawnSync(process.execPath, [join(WORKSPACE, 'apps/api/scripts/backup.mjs'), command, file], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        DATABASE_URL: '',
        EMBEDDED_POSTGRES_DIR: join(dir, 'postgres'),
        PG_BIN_DIR: pgBinDir,
      },
      encoding: 'utf8',
    });
  const spaces = async () => ((await gql(`{ spaces { id } }`)).data?.spaces ?? []).length as number;

  it('dumps the running embedded server with pg_dump (custom format) and restores it with pg_restore, Concerto stopped', async () => {
    const pgBinDir = embeddedPgClientDir();
    const token = await register('Exportée à chaud', 'dump.avant@example.org');
    const spacesBefore = await spaces();
    expect(spacesBefore).toBeGreaterThan(0);

    // taken while Concerto serves: one consistent snapshot
    const file = join(dir, 'backups', 'concerto.dump');
    const made = script('backup', file, pgBinDir);
    expect({ status: made.status, stderr: made.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    await register('Trop tardive', 'dump.apres@example.org');

    // a restore needs Concerto stopped
    const refused = script('restore', file, pgBinDir);
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining('stop Concerto'),
    });
    expect(await server.stop()).toBe(0);
    const restored = script('restore', file, pgBinDir);
    expect({ status: restored.status, stderr: restored.stderr }).toEqual({ status: 0, stderr: '' });
    await server.start();
    expect((await gql(`{ me { name } }`, {}, token)).data.me).toEqual({ name: 'Exportée à chaud' });
    expect((await login('dump.avant@example.org')).errors).toBeUndefined();
    expect((await login('dump.apres@example.org')).errors?.[0].extensions?.code).toBeDefined();
    expect(await spaces()).toBe(spacesBefore);
  }, 240_000);

  it('brings back accounts, sessions and built exports as they were at the backup, and refuses to copy a running cluster (cold copy, .tar.gz)', async () => {
    const token = await register('Sauvegardée', 'sauvegarde.avant@example.org');
    const requested = await gql(`mutation { requestDataExport { id } }`, {}, token);
    expect(requested.errors).toBeUndefined();
    const exportId: string = requested.data.requestDataExport.id;
    let downloadPath: string | null = null;
    for (
      const deadline = Date.now() + 30_000;
      !downloadPath && Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      const mine = (await gql(`{ myDataExports { id status downloadPath } }`, {}, token)).data
        .myDataExports as { id: string; status: string; downloadPath: string | null }[];
      downloadPath =
        mine.find((e) => e.id === exportId && e.status === 'READY')?.downloadPath ?? null;
    }
    expect(downloadPath).toBeTruthy();
    const spacesBefore = await spaces();
    expect(spacesBefore).toBeGreaterThan(0);

    const file = join(dir, 'backups', 'concerto.tar.gz');
    const refused = script('backup', file);
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining('stop Concerto'),
    });
    expect(existsSync(file)).toBe(false);

    expect(await server.stop()).toBe(0);
    const made = script('backup', file);
    expect({ status: made.status, stderr: made.stderr }).toEqual({ status: 0, stderr: '' });
    expect(statSync(file).size).toBeGreaterThan(1_000_000);

    // life goes on after the backup: a new account
    await server.start();
    await register('Trop tardive', 'sauvegarde.apres@example.org');
    expect((await login('sauvegarde.apres@example.org')).errors).toBeUndefined();
    expect(await server.stop()).toBe(0);

    const restored = script('restore', file);
    expect({ status: restored.status, stderr: restored.stderr }).toEqual({ status: 0, stderr: '' });
    expect(restored.stdout).toMatch(/the replaced cluster is kept in .*before-restore-/);
    await server.start();
    expect((await gql(`{ me { name } }`, {}, token)).data.me).toEqual({ name: 'Sauvegardée' }); // the session came back with the database
    expect((await login('sauvegarde.avant@example.org')).errors).toBeUndefined();
    expect(
      (await login('sauvegarde.apres@example.org')).errors?.[0].extensions?.code,
    ).toBeDefined(); // unknown account
    expect(await spaces()).toBe(spacesBefore);
    const zip = await fetch(`${server.url}${downloadPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(zip.status).toBe(200);
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 240_000);
});

/**
 * `npm run backup` / `npm run restore` with DATABASE_URL, as in production: a custom-format
 * `pg_dump` of a running Concerto on an external PostgreSQL (Debian's, whose client programs
 * match its version), restored with `pg_restore` into a fresh database that a new API process
 * then serves: the accounts, sessions and built exports made before the dump are there, the
 * account made after it is not.
 */
describe('backup and restore with DATABASE_URL (pg_dump custom format)', () => {
  let dir: string;
  let postgres: PostgresServer;
  const servers: ConcertoServer[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concerto-pgdump-'));
    postgres = await startSystemPostgres(await freePort());
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = async (databaseUrl: string) => {
    const server = new ConcertoServer(await freePort(), join(dir, 'unused-embedded'), {
      DATABASE_URL: databaseUrl,
      ADMIN_PASSWORD: 'le mot de passe administrateur externe',
    });
    servers.push(server);
    await server.start();
    return server;
  };
  const gql = async (
    server: ConcertoServer,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const register = async (server: ConcertoServer, name: string, email: string): Promise<string> => {
    const res = await gql(
      server,
      `mutation($i: RegisterInput!) { register(input: $i) { token } }`,
      { i: { name, email, password: PASSWORD, ...(await currentTermsVersions(server.url)) } },
    );
    expect(res.errors).toBeUndefined();
    return res.data.register.token as string;
  };
  const login = (server: ConcertoServer, email: string) =>
    gql(server, `mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { email, password: PASSWORD },
    });
  const script = (command: 'backup' | 'restore', file: string, databaseUrl: string) =>
    spawnSync(process.execPath, [join(WORKSPACE, 'apps/api/scripts/backup.mjs'), command, file], {
      cwd: WORKSPACE,
      env: { ...process.env, DATABASE_URL: databaseUrl, PG_BIN_DIR: systemPostgresBinDir() },
      encoding: 'utf8',
    });

  it('dumps a running Concerto and restores it into a fresh database that a new process serves', async () => {
    const source = await postgres.createDatabase('concerto');
    const first = await serve(source);
    const token = await register(first, 'Exportée', 'pgdump.avant@example.org');
    const requested = await gql(first, `mutation { requestDataExport { id } }`, {}, token);
    expect(requested.errors).toBeUndefined();
    let downloadPath: string | null = null;
    for (
      const deadline = Date.now() + 30_000;
      !downloadPath && Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      const mine = (await gql(first, `{ myDataExports { id status downloadPath } }`, {}, token))
        .data.myDataExports as { id: string; status: string; downloadPath: string | null }[];
      downloadPath =
        mine.find((e) => e.id === requested.data.requestDataExport.id && e.status === 'READY')
          ?.downloadPath ?? null;
    }
    expect(downloadPath).toBeTruthy();
    const spacesBefore = ((await gql(first, `{ spaces { id } }`)).data.spaces as unknown[]).length;
    expect(spacesBefore).toBeGreaterThan(0);

    // the dump is taken while Concerto runs (one consistent snapshot)
    const file = join(dir, 'backups', 'concerto.dump');
    const made = script('backup', file, source);
    expect({ status: made.status, stderr: made.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    await register(first, 'Trop tardive', 'pgdump.apres@example.org');
    expect(await first.stop()).toBe(0);

    const target = await postgres.createDatabase('concerto_restored');
    const restored = script('restore', file, target);
    expect({ status: restored.status, stderr: restored.stderr }).toEqual({ status: 0, stderr: '' });
    const second = await serve(target);
    expect((await gql(second, `{ me { name } }`, {}, token)).data.me).toEqual({ name: 'Exportée' }); // sessions come back with the database
    expect((await login(second, 'pgdump.avant@example.org')).errors).toBeUndefined();
    expect(
      (await login(second, 'pgdump.apres@example.org')).errors?.[0].extensions?.code,
    ).toBeDefined();
    expect(((await gql(second, `{ spaces { id } }`)).data.spaces as unknown[]).length).toBe(
      spacesBefore,
    );
    const zip = await fetch(`${second.url}${downloadPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(zip.status).toBe(200);
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 240_000);
});
