// Benchmark: the Débat analysis at PARTICIPANTS × STATEMENTS × VOTES (default 10,000 × 500 ×
// 1,000,000), votes planted from GROUPS opinion groups with NOISE flips. Times, in the same run on
// the same database: reading the votes from PostgreSQL (the service's own query), building the
// matrix and analysing it (PCA, k-means with k by silhouette, repness, consensus), the whole
// recomputation as the API runs it (DebateAnalysisService.compute: read + analyse), and
// memory (heap and resident set before / after, peak resident set of this process).
//   npm run build && node bench/debate-analysis.mjs      (env PARTICIPANTS, STATEMENTS, PER_PARTICIPANT, GROUPS, NOISE, RUNS)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, ROOT, startBenchServer } from './bench-server.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => join(ROOT, 'dist/apps/api', p);
const { DebateAnalysisService } = require(dist('modules/debate/debate-analysis.service.js'));
const { buildVoteMatrix } = require(dist('modules/debate/analysis/vote-matrix.js'));
const { analyseOpinions } = require(dist('modules/debate/analysis/opinion-analysis.js'));
const { adjustedRandIndex } = require(dist('modules/debate/analysis/adjusted-rand-index.js'));

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 10_000);
const STATEMENTS = Number(process.env.STATEMENTS ?? 500);
const PER_PARTICIPANT = Number(process.env.PER_PARTICIPANT ?? 100); // 10,000 × 100 = 1,000,000 votes
const GROUPS = Number(process.env.GROUPS ?? 4);
const NOISE = Number(process.env.NOISE ?? 0.1);
const RUNS = Number(process.env.RUNS ?? 3);

const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
const peakRss = () => Number(readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:')).replace(/\D+/g, '')) * 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  console.log(`date: ${new Date().toISOString()}; ${PARTICIPANTS} participants × ${STATEMENTS} statements, ${PER_PARTICIPANT} votes each, ${GROUPS} planted groups, noise ${NOISE}`);
  const pool = server.pool;
  const { rows: [space] } = await pool.query(`SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`);
  const { rows: [component] } = await pool.query(`INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'DEBATE', 'Débat de banc d''essai', now()) RETURNING id`, [space.id]);
  const { rows: [debate] } = await pool.query(`INSERT INTO debates (component_id, title) VALUES ($1, 'Débat de banc d''essai') RETURNING id`, [component.id]);
  // A snapshot dated to 'infinity' first, so that the API's own sweep leaves this debate alone while we measure.
  await pool.query(`INSERT INTO debate_analyses (debate_id, basis_votes, basis_changed_at, duration_ms, result) VALUES ($1, 0, 'infinity', 0, '{}')`, [debate.id]);

  let t0 = process.hrtime.bigint();
  const client = await pool.connect();
  try {
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `INSERT INTO users (name, email, password_hash) SELECT 'Votant·e ' || i, 'votant-' || i || '@bench.test', 'x' FROM generate_series(1, $1) i`,
      [PARTICIPANTS],
    );
    await client.query(`INSERT INTO debate_statements (debate_id, body, state, seeded) SELECT $1, 'Affirmation de banc d''essai n° ' || j, 'PUBLISHED', true FROM generate_series(1, $2) j`, [
      debate.id,
      STATEMENTS,
    ]);
    // participant p (1…P) in planted group p % GROUPS sees each statement with probability PER_PARTICIPANT / STATEMENTS
    // (seeded random(): about PARTICIPANTS × PER_PARTICIPANT votes); a group's stance on a statement is a fixed
    // pseudo-random sign (hashint4); NOISE of the votes are flipped.
    await client.query(
      `WITH u AS (SELECT id, row_number() OVER (ORDER BY email) AS p FROM users WHERE email LIKE 'votant-%@bench.test'),
            s AS (SELECT id, row_number() OVER (ORDER BY position) AS j FROM debate_statements WHERE debate_id = $1)
       INSERT INTO debate_votes (statement_id, user_id, debate_id, value)
       SELECT s.id, u.id, $1,
              (CASE WHEN hashint4(((u.p % $4) * 7919 + s.j)::int) % 2 = 0 THEN 1 ELSE -1 END) * (CASE WHEN random() < $5 THEN -1 ELSE 1 END)
         FROM u CROSS JOIN s WHERE random() < $3::float8 / $2`,
      [debate.id, STATEMENTS, PER_PARTICIPANT, GROUPS, NOISE],
    );
    await client.query(`ANALYZE debate_votes`);
  } finally {
    client.release();
  }
  const { rows: [{ n }] } = await pool.query(`SELECT count(*)::int AS n FROM debate_votes WHERE debate_id = $1`, [debate.id]);
  console.log(`seeded ${n.toLocaleString('en')} votes in ${(ms(t0) / 1000).toFixed(1)} s`);

  // The API's own code path: DebateAnalysisService.compute(manager, debateId) reads with its query and analyses.
  const service = new DebateAnalysisService(null, { NODE_ENV: 'test' }, null);
  const manager = { query: async (sql, params) => (await pool.query(sql, params)).rows };
  const readVotes = (m) => service.readVotes(m, debate.id);

  const rows = [];
  let last;
  const before = process.memoryUsage();
  for (let run = 0; run < RUNS; run++) {
    global.gc?.();
    t0 = process.hrtime.bigint();
    const votes = await readVotes(manager);
    const readMs = ms(t0);
    const { rows: statements } = await pool.query(`SELECT id FROM debate_statements WHERE debate_id = $1 ORDER BY position`, [debate.id]);
    t0 = process.hrtime.bigint();
    const matrix = buildVoteMatrix(votes, statements.map((s) => s.id));
    const buildMs = ms(t0);
    t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const analysis = analyseOpinions(matrix, { seed: 1 });
    const analyseMs = ms(t0);
    const cpu = process.cpuUsage(cpu0);
    const heap = process.memoryUsage();
    t0 = process.hrtime.bigint();
    const full = await service.compute(manager, debate.id);
    const fullMs = ms(t0);
    rows.push({ readMs, buildMs, analyseMs, cpuMs: (cpu.user + cpu.system) / 1000, fullMs, fullRead: full.timings.readMs, fullAnalyse: full.timings.analyseMs, heapUsed: heap.heapUsed, rss: heap.rss });
    last = { analysis, matrix };
  }
  // planted-group recovery on the benchmark data
  const planted = last.matrix.participants.map(() => 0);
  const { rows: order } = await pool.query(`SELECT id, (row_number() OVER (ORDER BY email)) % $1 AS g FROM users WHERE email LIKE 'votant-%@bench.test'`, [GROUPS]);
  const groupOf = new Map(order.map((r) => [r.id, Number(r.g)]));
  last.matrix.participants.forEach((id, i) => (planted[i] = groupOf.get(id)));
  const ari = adjustedRandIndex(planted, last.analysis.groupOf);

  const med = (k) => median(rows.map((r) => r[k]));
  console.log('');
  console.log(`| participants | statements | votes | read votes from PostgreSQL | build matrix | analyse (PCA, k-means ×4 k, repness) | CPU of analyse | whole recomputation (API code path: read + analyse) | groups found (k) | ARI vs planted | heap used after | RSS after | peak RSS |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  console.log(
    `| ${PARTICIPANTS.toLocaleString('en')} | ${STATEMENTS} | ${n.toLocaleString('en')} | ${med('readMs').toFixed(0)} ms | ${med('buildMs').toFixed(0)} ms | ${med('analyseMs').toFixed(0)} ms | ${med('cpuMs').toFixed(0)} ms | ${med('fullMs').toFixed(0)} ms (read ${med('fullRead').toFixed(0)} + analyse ${med('fullAnalyse').toFixed(0)}) | ${last.analysis.groups.length} | ${ari.toFixed(3)} | ${mib(med('heapUsed'))} MiB | ${mib(med('rss'))} MiB | ${mib(peakRss())} MiB |`,
  );
  console.log('');
  console.log(`runs: ${RUNS} (median shown); heap before the runs ${mib(before.heapUsed)} MiB, RSS before ${mib(before.rss)} MiB`);
  console.log(`per run: ${rows.map((r) => `read ${r.readMs.toFixed(0)} / build ${r.buildMs.toFixed(0)} / analyse ${r.analyseMs.toFixed(0)} / whole ${r.fullMs.toFixed(0)} ms`).join('; ')}`);
  const interval = 10;
  console.log(`CPU share of one debate under the default throttle (one recomputation per ${interval} s at most, whatever the number of voters): ${((med('fullMs') / (interval * 1000)) * 100).toFixed(0)} % of one core`);
} finally {
  await server.stop();
}
