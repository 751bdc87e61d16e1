// Benchmark: the Débat analysis at PARTICIPANTS × STATEMENTS × VOTES (default 10,000 × 500 ×
// 1,000,000), votes planted from GROUPS opinion groups with NOISE flips. Times, in the same run on
// the same database: reading the votes from PostgreSQL (the service's own query), building the
// matrix and analysing it (PCA, k-means with k by silhouette, repness, consensus), the whole
// recomputation as the API runs it (DebateAnalysisService.compute: read + analyse), and
// memory (heap and resident set before / after, peak resident set of this process).
// The incremental runs (the API's default) each follow a change of 1 % of the votes and read only those
// (DebateAnalysisService keeps the votes and XᵀX statistics of its last run), beside the full read of the same run.
//   npm run build && node bench/debate-analysis.mjs      (env PARTICIPANTS, STATEMENTS, PER_PARTICIPANT, GROUPS, NOISE, RUNS)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentTerms, machine, ROOT, startBenchServer, timeIt } from './bench-server.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => join(ROOT, 'dist/apps/api', p);
const { DebateAnalysisService } = require(dist('modules/debate/debate-analysis.service.js'));
const { matrixFromParticipantRows } = require(dist('common/opinion/vote-matrix.js'));
const { analyseOpinions } = require(dist('common/opinion/opinion-analysis.js'));
const { adjustedRandIndex } = require(dist('common/opinion/adjusted-rand-index.js'));

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 10_000);
const STATEMENTS = Number(process.env.STATEMENTS ?? 500);
const PER_PARTICIPANT = Number(process.env.PER_PARTICIPANT ?? 100); // 10,000 × 100 = 1,000,000 votes
const GROUPS = Number(process.env.GROUPS ?? 4);
const NOISE = Number(process.env.NOISE ?? 0.1);
const RUNS = Number(process.env.RUNS ?? 3);

const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
const peakRss = () =>
  Number(
    readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'))
      .replace(/\D+/g, ''),
  ) * 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; ${PARTICIPANTS} participants × ${STATEMENTS} statements, ${PER_PARTICIPANT} votes each, ${GROUPS} planted groups, noise ${NOISE}`,
  );
  const pool = server.pool;
  const {
    rows: [space],
  } = await pool.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const {
    rows: [component],
  } = await pool.query(
    `INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'DEBATE', 'Débat de banc d''essai', now()) RETURNING id`,
    [space.id],
  );
  const {
    rows: [debate],
  } = await pool.query(
    `INSERT INTO debates (component_id, title) VALUES ($1, 'Débat de banc d''essai') RETURNING id`,
    [component.id],
  );
  // A snapshot dated to 'infinity' first, so that the API's own sweep leaves this debate alone while we measure.
  await pool.query(
    `INSERT INTO debate_analyses (debate_id, basis_votes, basis_changed_at, duration_ms, result) VALUES ($1, 0, 'infinity', 0, '{}')`,
    [debate.id],
  );

  const t0 = process.hrtime.bigint();
  const client = await pool.connect();
  try {
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `INSERT INTO users (name, email, password_hash) SELECT 'Votant·e ' || i, 'votant-' || i || '@bench.test', 'x' FROM generate_series(1, $1) i`,
      [PARTICIPANTS],
    );
    await client.query(
      `INSERT INTO debate_statements (debate_id, body, state, seeded) SELECT $1, 'Affirmation de banc d''essai n° ' || j, 'PUBLISHED', true FROM generate_series(1, $2) j`,
      [debate.id, STATEMENTS],
    );
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
  const {
    rows: [{ n }],
  } = await pool.query(`SELECT count(*)::int AS n FROM debate_votes WHERE debate_id = $1`, [
    debate.id,
  ]);
  console.log(`seeded ${n.toLocaleString('en')} votes in ${(ms(t0) / 1000).toFixed(1)} s`);

  // The API's own code path: DebateAnalysisService.compute(manager, debateId, mode) reads with its query and analyses,
  // in a REPEATABLE READ transaction as the API runs it (the incremental read needs one snapshot).
  const service = new DebateAnalysisService(null, { NODE_ENV: 'test' }, null);
  const inRepeatableRead = async (fn) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const value = await fn({ query: async (sql, params) => (await c.query(sql, params)).rows });
      await c.query('COMMIT');
      return value;
    } finally {
      c.release();
    }
  };
  const { rows: statementRows } = await pool.query(
    `SELECT id FROM debate_statements WHERE debate_id = $1 ORDER BY position`,
    [debate.id],
  );
  const statementIds = statementRows.map((s) => s.id);

  const timed = async (fn) => {
    global.gc?.();
    const cpu0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    const value = await fn();
    const cpu = process.cpuUsage(cpu0);
    return { value, ms: ms(t), cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const full = [];
  let last;
  const before = process.memoryUsage();
  for (let run = 0; run < RUNS; run++) {
    const read = await timed(() => inRepeatableRead((m) => service.readVotes(m, debate.id, null)));
    const build = await timed(() => matrixFromParticipantRows(statementIds, read.value));
    const analyse = await timed(() => analyseOpinions(build.value, { seed: 1 }));
    const heap = process.memoryUsage();
    const whole = await timed(() => inRepeatableRead((m) => service.compute(m, debate.id, 'FULL')));
    full.push({ read, build, analyse, whole, heapUsed: heap.heapUsed, rss: heap.rss });
    last = { analysis: analyse.value, matrix: build.value, snapshot: whole.value.snapshot };
  }
  // Incremental: the previous snapshot stored (its axes); the service keeps the votes of its last run (the FULL one
  // above). Each run: 1 % of the votes changed (sign flipped), then the API's default recomputation, which reads only them.
  await pool.query(`UPDATE debate_analyses SET result = $2 WHERE debate_id = $1`, [
    debate.id,
    JSON.stringify(last.snapshot),
  ]);
  const incremental = [];
  const changedPerRun = [];
  for (let run = 0; run < RUNS; run++) {
    const changed = await pool.query(
      `UPDATE debate_votes SET value = -value, updated_at = now() WHERE debate_id = $1 AND value <> 0 AND random() < 0.01`,
      [debate.id],
    );
    changedPerRun.push(changed.rowCount);
    incremental.push(
      await timed(() => inRepeatableRead((m) => service.compute(m, debate.id, 'INCREMENTAL'))),
    );
  }
  const afterIncremental = process.memoryUsage();
  const kept = [...service.cache.values()].reduce((sum, e) => sum + e.votes.bytes, 0);
  // the incremental result against a full recomputation of the same votes by a service that keeps nothing
  const check = await inRepeatableRead((m) =>
    new DebateAnalysisService(null, { NODE_ENV: 'test' }, null).compute(m, debate.id, 'FULL'),
  );
  const mine = incremental.at(-1).value;
  let worstPoint = 0;
  mine.positions.x.forEach((x, i) => {
    worstPoint = Math.max(
      worstPoint,
      Math.abs(x - check.positions.x[i]),
      Math.abs(mine.positions.y[i] - check.positions.y[i]),
    );
  });
  const sameResult =
    JSON.stringify(mine.positions.users) === JSON.stringify(check.positions.users) &&
    JSON.stringify(mine.positions.group) === JSON.stringify(check.positions.group) &&
    JSON.stringify(mine.snapshot.statements.map((s) => [s.agree, s.disagree, s.pass, s.groups])) ===
      JSON.stringify(
        check.snapshot.statements.map((s) => [s.agree, s.disagree, s.pass, s.groups]),
      ) &&
    JSON.stringify(mine.snapshot.consensus) === JSON.stringify(check.snapshot.consensus) &&
    JSON.stringify(mine.snapshot.divisive) === JSON.stringify(check.snapshot.divisive);

  // planted-group recovery on the benchmark data
  const { rows: order } = await pool.query(
    `SELECT id, (row_number() OVER (ORDER BY email)) % $1 AS g FROM users WHERE email LIKE 'votant-%@bench.test'`,
    [GROUPS],
  );
  const groupOf = new Map(order.map((r) => [r.id, Number(r.g)]));
  const planted = last.matrix.participants.map((id) => groupOf.get(id));
  const ari = adjustedRandIndex(planted, last.analysis.groupOf);

  const med = (xs) => median(xs).toFixed(0);
  const wholeFull = full.map((r) => r.whole);
  console.log('');
  console.log(
    `| participants | statements | votes | read votes from PostgreSQL | build matrix | analyse (PCA, k-means for k = 2…5, repness, consensus) | whole recomputation, full (API code path: all votes read, statistics built) | whole recomputation, incremental (1 % of votes changed: only they are read) | groups found | ARI vs planted | heap used | RSS | peak RSS |`,
  );
  console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  console.log(
    `| ${PARTICIPANTS.toLocaleString('en')} | ${STATEMENTS} | ${n.toLocaleString('en')} | ${med(full.map((r) => r.read.ms))} ms | ${med(full.map((r) => r.build.ms))} ms | ${med(full.map((r) => r.analyse.ms))} ms (CPU ${med(full.map((r) => r.analyse.cpuMs))} ms) | ${med(wholeFull.map((r) => r.ms))} ms (read ${med(wholeFull.map((r) => r.value.timings.readMs))} + analyse ${med(wholeFull.map((r) => r.value.timings.analyseMs))}; CPU ${med(wholeFull.map((r) => r.cpuMs))} ms) | ${med(incremental.map((r) => r.ms))} ms (read ${med(incremental.map((r) => r.value.timings.readMs))} + analyse ${med(incremental.map((r) => r.value.timings.analyseMs))}; CPU ${med(incremental.map((r) => r.cpuMs))} ms) | ${last.analysis.groups.length} | ${ari.toFixed(3)} | ${mib(median(full.map((r) => r.heapUsed)))} MiB | ${mib(median(full.map((r) => r.rss)))} MiB | ${mib(peakRss())} MiB |`,
  );
  console.log('');
  console.log(
    `runs: ${RUNS} (median shown); heap before the runs ${mib(before.heapUsed)} MiB, RSS before ${mib(before.rss)} MiB; PCA: ${last.analysis.pca.dense ? 'XᵀX formed' : 'sparse products'}`,
  );
  console.log(
    `PCA power iterations (first, second component): full ${wholeFull.map((r) => r.value.timings.pcaIterations.join('+')).join(', ')}; incremental ${incremental.map((r) => r.value.timings.pcaIterations.join('+')).join(', ')}`,
  );
  console.log(
    `per run, full: ${full.map((r) => `read ${r.read.ms.toFixed(0)} / build ${r.build.ms.toFixed(0)} / analyse ${r.analyse.ms.toFixed(0)} / whole ${r.whole.ms.toFixed(0)} ms`).join('; ')}`,
  );
  console.log(
    `per run, incremental: ${incremental.map((r, k) => `${r.ms.toFixed(0)} ms (${r.value.timings.incremental ? 'incremental' : 'FULL READ'}: ${r.value.timings.votesRead} votes read of ${changedPerRun[k]} changed; read ${r.value.timings.readMs.toFixed(0)} + analyse ${r.value.timings.analyseMs.toFixed(0)})`).join(', ')}`,
  );
  console.log(
    `incremental vs a full recomputation of the same votes: same participants, groups, counts and lists: ${sameResult ? 'yes' : 'NO'}; largest point difference ${worstPoint.toFixed(3)} (points rounded to 1/1000)`,
  );
  console.log(
    `memory kept between runs for this debate (votes 1 byte per participant × statement + XᵀX statistics): ${(kept / 2 ** 20).toFixed(1)} MiB; heap used after the incremental runs ${mib(afterIncremental.heapUsed)} MiB, RSS ${mib(afterIncremental.rss)} MiB`,
  );
  const interval = 10;
  const cpuIncr = median(incremental.map((r) => r.cpuMs));
  console.log(
    `CPU of this process for one debate under the default throttle (at most one recomputation per ${interval} s, whatever the number of voters): ${((cpuIncr / (interval * 1000)) * 100).toFixed(0)} % of one core (PostgreSQL's share of the read not counted)`,
  );
  console.log(
    `load average during the run: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );

  // GraphQL through the API at this size (the snapshot stored above; its basis keeps the API's sweep away until a vote).
  const terms = await currentTerms(server.gql);
  const registered = await server.gql(
    `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
    {
      input: {
        name: 'Lectrice du banc',
        email: 'lectrice@bench.test',
        password: 'bench password 123',
        ...terms,
      },
    },
  );
  const token = registered.data.register.token;
  const must = async (query, variables) => {
    const res = await server.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res;
  };
  const DEBATE = `query($id: ID!) { debate(id: $id) { id statementsCount participantsCount viewerVotesCount } }`;
  const NEXT = `query($d: ID!) { debateNextStatement(debateId: $d) { id votesCount } }`;
  const ANALYSIS = `query($d: ID!) { debateAnalysis(debateId: $d) { participantCount groups { size centroid { x y } points { x y } representatives { statementId share } } ungrouped { x y } consensus { statementId consensus } divisive { statementId } statements { statementId agree disagree pass groups { agree seen } } viewerPosition { x y } } }`;
  const debateQuery = await timeIt(20, () => must(DEBATE, { id: debate.id }));
  const nextQuery = await timeIt(20, () => must(NEXT, { d: debate.id }));
  const analysisQuery = await timeIt(10, () => must(ANALYSIS, { d: debate.id }));
  const analysisBytes = JSON.stringify((await must(ANALYSIS, { d: debate.id })).data).length;
  // votes: each one asks for a background recomputation (the first at once, then one per 10 s) in the API process
  const voteTimes = [];
  for (let i = 0; i < 30; i++) {
    const next = (await must(NEXT, { d: debate.id })).data.debateNextStatement;
    const t = process.hrtime.bigint();
    await must(
      `mutation($i: VoteDebateStatementInput!) { voteDebateStatement(input: $i) { id } }`,
      { i: { statementId: next.id, choice: 'PASS' } },
    );
    voteTimes.push(ms(t));
  }
  voteTimes.sort((a, b) => a - b);
  console.log('');
  console.log(`| GraphQL at this size (one client, median / p95) | ms |`);
  console.log(`|---|---:|`);
  console.log(
    `| \`debate\` (counts: statements, distinct participants, the viewer's votes) | ${debateQuery.median.toFixed(1)} / ${debateQuery.p95.toFixed(1)} |`,
  );
  console.log(
    `| \`debateNextStatement\` (unseen probe + snapshot figures) | ${nextQuery.median.toFixed(1)} / ${nextQuery.p95.toFixed(1)} |`,
  );
  console.log(
    `| \`debateAnalysis\` (the whole results page: ${(analysisBytes / 1024).toFixed(0)} KiB of JSON, 10,000 points) | ${analysisQuery.median.toFixed(1)} / ${analysisQuery.p95.toFixed(1)} |`,
  );
  console.log(
    `| \`voteDebateStatement\` × 30, while the API recomputes this debate in the background | ${voteTimes[14].toFixed(1)} / ${voteTimes[28].toFixed(1)} (max ${voteTimes[29].toFixed(1)}) |`,
  );
} finally {
  await server.stop();
}
