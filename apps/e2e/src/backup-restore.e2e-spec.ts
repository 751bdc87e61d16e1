import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConcertoServer, currentTermsVersions, freePort } from './concerto-server';

const WORKSPACE = resolve(__dirname, '../../..');
const PASSWORD = 'une phrase de passe solide';

/**
 * `npm run backup` / `npm run restore` on the embedded cluster of `npm start`: state made before
 * the backup (an account, its session, a built data export, the demo content) comes back after a
 * restore; an account created after the backup is gone; a backup is refused while the server
 * runs. (With DATABASE_URL the script uses pg_dump/pg_restore at the server's version: see
 * README; this machine's pg_dump is older than the embedded PostgreSQL, which the script refuses.)
 */
describe('backup and restore of the embedded database', () => {
  let dir: string;
  let server: ConcertoServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concerto-backup-'));
    server = new ConcertoServer(await freePort(), join(dir, 'postgres'), { ADMIN_PASSWORD: 'le mot de passe administrateur de sauvegarde' });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  }

  const register = async (name: string, email: string): Promise<string> => {
    const res = await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, { i: { name, email, password: PASSWORD, ...(await currentTermsVersions(server.url)) } });
    expect(res.errors).toBeUndefined();
    return res.data.register.token as string;
  };
  const login = (email: string) => gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { email, password: PASSWORD } });
  const script = (command: 'backup' | 'restore', file: string) =>
    spawnSync(process.execPath, [join(WORKSPACE, 'scripts/backup.mjs'), command, file], {
      cwd: WORKSPACE,
      env: { ...process.env, DATABASE_URL: '', EMBEDDED_POSTGRES_DIR: join(dir, 'postgres') },
      encoding: 'utf8',
    });
  const spaces = async () => ((await gql(`{ spaces { id } }`)).data?.spaces ?? []).length as number;

  it('brings back accounts, sessions and built exports as they were at the backup, and refuses to copy a running cluster', async () => {
    const token = await register('Sauvegardée', 'sauvegarde.avant@example.org');
    const requested = await gql(`mutation { requestDataExport { id } }`, {}, token);
    expect(requested.errors).toBeUndefined();
    const exportId: string = requested.data.requestDataExport.id;
    let downloadPath: string | null = null;
    for (const deadline = Date.now() + 30_000; !downloadPath && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const mine = (await gql(`{ myDataExports { id status downloadPath } }`, {}, token)).data.myDataExports as { id: string; status: string; downloadPath: string | null }[];
      downloadPath = mine.find((e) => e.id === exportId && e.status === 'READY')?.downloadPath ?? null;
    }
    expect(downloadPath).toBeTruthy();
    const spacesBefore = await spaces();
    expect(spacesBefore).toBeGreaterThan(0);

    const file = join(dir, 'backups', 'concerto.tar.gz');
    const refused = script('backup', file);
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({ status: 2, stderr: expect.stringContaining('stop Concerto') });
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
    expect((await login('sauvegarde.apres@example.org')).errors?.[0].extensions?.code).toBeDefined(); // unknown account
    expect(await spaces()).toBe(spacesBefore);
    const zip = await fetch(`${server.url}${downloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(zip.status).toBe(200);
    expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  }, 240_000);
});
