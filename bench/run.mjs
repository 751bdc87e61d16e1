// `npm run bench -- <name> [<name> …]`: runs the named benchmark scripts of this folder one
// after another (each starts its own PostgreSQL and the built API; `npm run build` first), with
// their output as is; exits non-zero when one fails. Without a name, lists the scripts.
//   npm run build && npm run bench -- ballot-casting ballot-counting
//
// Before/after in one run: `--against <checkout>` names another checkout of Concerto (built,
// e.g. a `git worktree` of an older commit with `npm ci && npm run build` done in it). For each
// name, the other checkout's script of the same name runs on its own build, then ours on ours,
// `--rounds` times (default 1) alternately, so both see the same machine at about the same
// moment. A name the other checkout does not have runs only here, and says so.
//   npm run bench -- --against /tmp/base --rounds 2 supports random-order
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'bench-server.mjs'].includes(f))
  .map((f) => f.replace(/\.mjs$/, ''))
  .sort();

const args = process.argv.slice(2);
let against = null;
let rounds = 1;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--against') against = resolve(args[++i] ?? '');
  else if (args[i] === '--rounds') rounds = Number(args[++i]);
  else names.push(args[i].replace(/\.mjs$/, ''));
}
if (!names.length) {
  console.log(
    `usage: npm run bench -- [--against <checkout> [--rounds N]] <name> [<name> …]\nscripts: ${scripts.join(', ')}\nfigures go to BENCHMARKS.md (machine, date, command, numbers, baseline).`,
  );
  process.exit(0);
}
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('--rounds wants a whole number ≥ 1');
  process.exit(2);
}
if (against && !existsSync(join(against, 'dist/apps/api/main.js'))) {
  console.error(`${against} has no dist/apps/api/main.js: run npm ci && npm run build there first`);
  process.exit(2);
}
const unknown = names.filter((n) => !scripts.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (scripts: ${scripts.join(', ')})`);
  process.exit(2);
}

/** Runs one checkout's script with that checkout as working directory; true when it exited 0. */
function runScript(checkout, name, label) {
  const started = new Date();
  console.log(`\n### ${label} — ${started.toISOString()}\n`);
  const run = spawnSync(process.execPath, [join(checkout, 'bench', `${name}.mjs`)], {
    cwd: checkout,
    stdio: 'inherit',
    env: process.env,
  });
  console.log(
    `\n(${label}: exit ${run.status}, ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s)`,
  );
  return run.status === 0;
}

const ours = join(here, '..');
let failed = 0;
for (const name of names) {
  console.log(`\n## ${name}\n`);
  const theirs = against && existsSync(join(against, 'bench', `${name}.mjs`));
  if (against && !theirs) console.log(`(${against} has no bench/${name}.mjs: this checkout only)`);
  for (let round = 1; round <= (theirs ? rounds : 1); round++) {
    const suffix = theirs && rounds > 1 ? `, round ${round}` : '';
    if (theirs && !runScript(against, name, `before (${against})${suffix}`)) failed++;
    if (!runScript(ours, name, theirs ? `after (this checkout)${suffix}` : 'this checkout'))
      failed++;
  }
}
process.exit(failed ? 1 : 0);
