// Benchmark: the pairwise booth of a Boîte à idées through the whole GraphQL stack, with IDEAS
// ideas (default 1,000) and VOTERS voters (default 200) at once, each in a closed loop of ROUNDS
// requests: `nextIdeaPair` on a box with no open pair (draw + record), `nextIdeaPair` again
// (the open pair, as on a page reload), then `voteOnIdeaPair` (answer + next pair drawn) — the
// booth's real loop. Baseline in the same run, same concurrency: the cheapest authenticated
// query (`me`). Then the results read (`ideaResults`, Bradley–Terry refit of every comparison)
// and a score refresh. Checks that every answer was counted once (sum of wins = answered pairs).
//   npm run build && node bench/idea-pairs.mjs
import { createHash, randomBytes } from 'node:crypto';
import { concurrentPhase, machine, startBenchServer, timeIt } from './bench-server.mjs';

const IDEAS = Number(process.env.IDEAS ?? 1000);
const VOTERS = Number(process.env.VOTERS ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 10);
const NEXT = `mutation($b: ID!) { nextIdeaPair(boxId: $b) { id left { id body } right { id body } } }`;
const VOTE = `mutation($p: ID!, $c: IdeaVoteChoice!) { voteOnIdeaPair(pairId: $p, choice: $c) { pairId next { id left { id body } right { id body } } } }`;
const RESULTS = `query($b: ID!) { ideaResults(boxId: $b) { comparisonsCount scoredComparisons ideas { rank score scoreLow scoreHigh wins losses idea { id } } } }`;

/** Every client runs `rounds` requests one after the other, all clients at once ({@link concurrentPhase}). */
const closedLoop = (clients, rounds, fn) => concurrentPhase(server, null, clients, rounds, fn);
const show = (label, r) =>
  console.log(
    `${label.padEnd(44)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  (${r.n} requests, ${r.errors} errors)`,
  );

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; ${IDEAS} ideas, ${VOTERS} voters at once, ${ROUNDS} requests each per phase`,
  );
  const { pool } = server;
  const {
    rows: [space],
  } = await pool.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const {
    rows: [component],
  } = await pool.query(
    `INSERT INTO components (space_id, type, title, published_at, settings) VALUES ($1, 'IDEAS', 'Banc d''essai', now(), '{}') RETURNING id`,
    [space.id],
  );
  const {
    rows: [box],
  } = await pool.query(
    `INSERT INTO idea_boxes (component_id, space_id, question, published_at) VALUES ($1, $2, 'Quelle action en priorité ?', now()) RETURNING id`,
    [component.id, space.id],
  );
  await pool.query(
    `INSERT INTO ideas (box_id, body, origin, status) SELECT $1, 'Idée de banc d''essai n° ' || g, 'SEED', 'PUBLISHED' FROM generate_series(1, $2) g`,
    [box.id, IDEAS],
  );
  // voters: accounts and sessions written directly (as the API's tests do), so setup does not dominate the run
  const tokens = Array.from({ length: VOTERS }, () => randomBytes(24).toString('base64url'));
  const { rows: users } = await pool.query(
    `INSERT INTO users (name, email, password_hash) SELECT 'Votant·e ' || i, 'votant-idees-' || i || '@bench.test', 'x' FROM generate_series(1, $1) i RETURNING id`,
    [VOTERS],
  );
  await pool.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT unnest($1::uuid[]), unnest($2::text[]), now() + interval '1 day'`,
    [users.map((u) => u.id), tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  await pool.query('ANALYZE ideas');
  const clients = tokens.map((token) => ({ token, pair: null }));

  await closedLoop(clients, 2, (c) => server.gql(`{ me { id } }`, {}, c.token)); // warm-up (JIT, connections), not reported
  show(
    'baseline: me (authenticated query)',
    await closedLoop(clients, ROUNDS, (c) => server.gql(`{ me { id } }`, {}, c.token)),
  );
  const first = await closedLoop(clients, 1, async (c) => {
    const res = await server.gql(NEXT, { b: box.id }, c.token);
    c.pair = res.data?.nextIdeaPair ?? null;
    return res;
  });
  show('nextIdeaPair, first (draw + record)', first);
  show(
    'nextIdeaPair, again (the open pair)',
    await closedLoop(clients, ROUNDS, (c) => server.gql(NEXT, { b: box.id }, c.token)),
  );
  const voted = await closedLoop(clients, ROUNDS, async (c, r) => {
    const res = await server.gql(VOTE, { p: c.pair.id, c: r % 2 ? 'LEFT' : 'RIGHT' }, c.token);
    if (res.data) c.pair = res.data.voteOnIdeaPair.next;
    return res;
  });
  show('voteOnIdeaPair (answer + next pair drawn)', voted);
  await new Promise((r) => setTimeout(r, 2500)); // the scheduled refresh of the scores
  const read = await timeIt(10, () => server.gql(RESULTS, { b: box.id }));
  console.log(
    `${'ideaResults read (scores fresh), serial'.padEnd(44)} p50 ${read.median.toFixed(1)} ms  p95 ${read.p95.toFixed(1)} ms`,
  );
  // a results read right after one more vote refits first
  const refit = await timeIt(5, async () => {
    const c = clients[0];
    const res = await server.gql(VOTE, { p: c.pair.id, c: 'LEFT' }, c.token);
    c.pair = res.data.voteOnIdeaPair.next;
    return server.gql(RESULTS, { b: box.id });
  });
  console.log(
    `${'vote + ideaResults with a refit, serial'.padEnd(44)} p50 ${refit.median.toFixed(1)} ms  p95 ${refit.p95.toFixed(1)} ms`,
  );
  const {
    rows: [check],
  } = await pool.query(
    `SELECT (SELECT count(*)::int FROM idea_pairs WHERE box_id = $1 AND choice IN ('LEFT','RIGHT')) AS answered,
            (SELECT sum(wins)::int FROM ideas WHERE box_id = $1) AS wins,
            (SELECT sum(losses)::int FROM ideas WHERE box_id = $1) AS losses,
            (SELECT count(*)::int FROM idea_pairs WHERE box_id = $1 AND answered_at IS NULL) AS open`,
    [box.id],
  );
  const expected = VOTERS * ROUNDS + 5;
  console.log(
    `check: ${check.answered} answered pairs (expected ${expected}), wins ${check.wins}, losses ${check.losses}, ${check.open} open pairs (expected ${VOTERS})`,
  );
  if (
    check.answered !== expected ||
    check.wins !== expected ||
    check.losses !== expected ||
    check.open !== VOTERS ||
    voted.errors ||
    first.errors
  )
    process.exitCode = 1;
} finally {
  await server.stop();
}
