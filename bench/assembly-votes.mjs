// Benchmark: castVote through the whole GraphQL stack, MEMBERS members voting at once on one
// motion (first votes, then every member changes their vote), and reading the motions list
// with its tally; baseline in the same run: the cheapest authenticated query (`me`) at the
// same concurrency. Checks that every member is counted exactly once.
//   npm run build && node bench/assembly-votes.mjs
// Each burst also reports the SQL round trips per request (pg queries made on its behalf).
import {
  machine,
  percentile,
  queryCounter,
  registerClients,
  startBenchServer,
  timeIt,
} from './bench-server.mjs';

const MEMBERS = Number(process.env.MEMBERS ?? 200);
const VOTE = `mutation($id: ID!, $choice: VoteChoice!) { castVote(motionId: $id, choice: $choice) { id } }`;
const MOTIONS = `query($c: ID!) { motions(componentId: $c) { id status tally { forWeight againstWeight votersCount } } }`;

/** Runs `fn` for every client at once; returns latencies (sorted, ms), wall seconds and error count. */
async function burst(clients, fn) {
  const latencies = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (client, i) => {
      const t0 = process.hrtime.bigint();
      const res = await fn(client, i);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.errors) errors++;
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    seconds,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    perSecond: clients.length / seconds,
  };
}
const show = (label, r, trips) =>
  console.log(
    `${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  errors ${r.errors}` +
      (trips === undefined ? '' : `  SQL round trips per request ${trips.toFixed(1)}`),
  );

// the API process counts its SQL round trips made on behalf of requests (bench/count-queries.cjs)
const counter = queryCounter();
const server = await startBenchServer(counter.env);
/** Runs a burst and counts the SQL round trips its requests made, per request. */
async function counted(clients, fn) {
  const before = (await counter.read(server)).request;
  const result = await burst(clients, fn);
  return { result, trips: ((await counter.read(server)).request - before) / clients.length };
}
try {
  console.log(`machine: ${await machine()}`);
  console.log(`date: ${new Date().toISOString()}; ${MEMBERS} members voting at once on one motion`);
  const {
    rows: [space],
  } = await server.pool.query(
    `SELECT s.id, c.id AS component_id FROM participatory_spaces s JOIN components c ON c.space_id = s.id WHERE s.type = 'ASSEMBLY' AND c.type = 'MOTIONS' LIMIT 1`,
  );
  const clients = await registerClients(server, MEMBERS, (i) => `Votant ${i}`);
  await server.pool.query(
    `INSERT INTO assembly_members (space_id, user_id) SELECT $1, unnest($2::uuid[])`,
    [space.id, clients.map((c) => c.id)],
  );
  const {
    rows: [motion],
  } = await server.pool.query(
    `SELECT id FROM motions WHERE component_id = $1 ORDER BY reference LIMIT 1`,
    [space.component_id],
  );

  const me = await counted(clients, (c) => server.gql(`{ me { id } }`, {}, c.token));
  show('baseline: me (authenticated)', me.result, me.trips);
  const first = await counted(clients, (c) =>
    server.gql(VOTE, { id: motion.id, choice: 'FOR' }, c.token),
  );
  show('castVote FOR (first votes)', first.result, first.trips);
  const changes = await counted(clients, (c) =>
    server.gql(VOTE, { id: motion.id, choice: 'AGAINST' }, c.token),
  );
  show('castVote AGAINST (changes)', changes.result, changes.trips);
  const read = await timeIt(50, () => server.gql(MOTIONS, { c: space.component_id }));
  console.log(
    `${'motions(componentId) read, serial'.padEnd(34)} p50 ${read.median.toFixed(1)} ms  p95 ${read.p95.toFixed(1)} ms`,
  );
  const {
    rows: [check],
  } = await server.pool.query(
    `SELECT (SELECT count(*)::int FROM motion_participations WHERE motion_id = $1) AS participations,
            (SELECT count(*)::int FROM motion_ballots WHERE motion_id = $1) AS ballots,
            (SELECT count(*)::int FROM motion_ballots WHERE motion_id = $1 AND choice = 'AGAINST') AS against`,
    [motion.id],
  );
  console.log(
    `check: ${check.participations} participations, ${check.ballots} ballots, ${check.against} AGAINST (expected ${MEMBERS} each)`,
  );
  if (check.participations !== MEMBERS || check.ballots !== MEMBERS || check.against !== MEMBERS)
    process.exitCode = 1;
} finally {
  await server.stop();
}
