// Benchmark: the public open-data archive (`GET /open-data.zip`). Seeds PROPOSALS proposals and
// COMMENTS comments on them by SQL (authored by one member), then measures the first download
// (which builds the archive: every dataset streamed in keyset pages through csv-stringify into
// archiver), a second download (served from the file), the ZIP's size, and the API's RSS before
// the build and at its peak (sampled every 20 ms).
//   npm run build && PROPOSALS=100000 COMMENTS=1000000 node bench/open-data.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, seedProposals, startBenchServer } from './bench-server.mjs';

const PROPOSALS = Number(process.env.PROPOSALS ?? 100_000);
const COMMENTS = Number(process.env.COMMENTS ?? 1_000_000);
const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; // MiB
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

const dir = mkdtempSync(join(tmpdir(), 'concerto-open-data-bench-'));
// a week between rebuilds: the API's minute timer builds the archive once (it is missing at start),
// maybe mid-seeding; the file is removed after seeding so that the first download builds it
const server = await startBenchServer({
  DEMO_CONTENT: 'true',
  OPEN_DATA_DIR: dir,
  OPEN_DATA_REFRESH_MINUTES: '10080',
});
try {
  console.log(`machine: ${await machine()}`);
  console.log(`date: ${new Date().toISOString()}; ${PROPOSALS} proposals, ${COMMENTS} comments`);
  const t0 = Date.now();
  const {
    rows: [author],
  } = await server.pool.query(
    `INSERT INTO users (name, email) VALUES ('Autrice du banc', 'banc@bench.test') RETURNING id`,
  );
  const componentId = await seedProposals(server.pool, PROPOSALS);
  await server.pool.query(
    `UPDATE proposals SET author_id = $1, official = false WHERE component_id = $2`,
    [author.id, componentId],
  );
  const {
    rows: [space],
  } = await server.pool.query(`SELECT space_id FROM components WHERE id = $1`, [componentId]);
  await server.pool.query(
    `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, body)
     SELECT 'PROPOSAL', p.id, $2, $1, 'Commentaire de banc d''essai, "cité", n° ' || g
       FROM generate_series(1, $4) g
       JOIN proposals p ON p.component_id = $3 AND p.position_index = g % $5`,
    [author.id, space.space_id, componentId, COMMENTS, PROPOSALS],
  );
  await server.pool.query('ANALYZE');
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // wait for a build the timer may have started mid-seeding, then drop its file
  for (;;) {
    const busy = readdirSync(dir).some((f) => f.endsWith('.tmp'));
    if (!busy) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const f of readdirSync(dir))
    if (/^open-data.*\.zip$/.test(f)) rmSync(join(dir, f), { force: true });

  const idle = rssOf(server.pid);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid))), 20);
  const started = process.hrtime.bigint();
  const first = await fetch(`${server.url}/open-data.zip`);
  const bytes = Buffer.from(await first.arrayBuffer());
  const built = seconds(started);
  clearInterval(sampler);
  const after = rssOf(server.pid);
  const s0 = process.hrtime.bigint();
  const second = await fetch(`${server.url}/open-data.zip`);
  const again = Buffer.from(await second.arrayBuffer());
  const served = seconds(s0);
  console.log(
    `first download (builds): HTTP ${first.status} in ${built.toFixed(1)} s, ZIP ${(bytes.length / 2 ** 20).toFixed(1)} MiB; ` +
      `API RSS ${idle.toFixed(0)} MiB before → peak ${peak.toFixed(0)} MiB (+${(peak - idle).toFixed(0)}), ${after.toFixed(0)} MiB after`,
  );
  console.log(
    `second download (from the file): HTTP ${second.status} in ${served.toFixed(2)} s, same size: ${again.length === bytes.length}`,
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
