// `npm run bench -- <name> [<name> …]`: runs the named benchmark scripts of this folder one
// after another (each starts its own PostgreSQL and the built API; `npm run build` first), with
// their output as is; exits non-zero when one fails. Without a name, lists the scripts.
//   npm run build && npm run bench -- ballot-casting ballot-counting
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'bench-server.mjs'].includes(f))
  .map((f) => f.replace(/\.mjs$/, ''))
  .sort();
const names = process.argv.slice(2);
if (!names.length) {
  console.log(
    `usage: npm run bench -- <name> [<name> …]\nscripts: ${scripts.join(', ')}\nfigures go to BENCHMARKS.md (machine, date, command, numbers, baseline).`,
  );
  process.exit(0);
}
const unknown = names.filter((n) => !scripts.includes(n.replace(/\.mjs$/, '')));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (scripts: ${scripts.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const name of names) {
  console.log(`\n## ${name}\n`);
  const run = spawnSync(process.execPath, [join(here, `${name.replace(/\.mjs$/, '')}.mjs`)], {
    stdio: 'inherit',
    env: process.env,
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
