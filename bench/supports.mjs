// Benchmark: supportProposal through the whole GraphQL stack with 50 concurrent clients
// (each with a support limit to hit), beside pgbench running the equivalent
// lock-check-insert-count transaction on the same PostgreSQL in the same run.
//   npm run build && node bench/supports.mjs      (pgbench: Debian's postgresql-client)
//   CPU_PROFILE=/tmp/api profiles the API process (/tmp/api.5.cpuprofile: the 50 clients' phase)
//   API_NODE_ENV=development|production (default production, as deployed)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  currentTerms,
  machine,
  percentile,
  queryCounter,
  seedProposals,
  startBenchServer,
} from './bench-server.mjs';

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 60); // supports each client tries
const LIMIT = Number(process.env.LIMIT ?? 50); // supportLimit: the last attempts must get LIMIT_REACHED
const PROPOSALS = Number(process.env.PROPOSALS ?? 500);
const PGBENCH_SECONDS = Number(process.env.PGBENCH_SECONDS ?? 15);
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { supportsCount } }`;
const UNSUPPORT = `mutation($id: ID!) { unsupportProposal(proposalId: $id) { supportsCount } }`;
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 20); // one client's supports whose SQL round trips are counted
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;

// JSON log lines as in production (set explicitly: with API_NODE_ENV=development the default is pino-pretty);
// the API process counts its SQL round trips (pg Client.query calls) and reports them on SIGUSR2
const counter = queryCounter();
const NODE_ENV = process.env.API_NODE_ENV ?? 'production';
const server = await startBenchServer({ ...counter.env, LOG_FORMAT: 'json', NODE_ENV });
/** Waits until the notification dispatcher has processed every event (its background work would weigh on the next phase). */
async function dispatcherIdle() {
  while (
    Number(
      (
        await server.pool.query(
          `SELECT count(*) AS n FROM domain_events WHERE processed_at IS NULL`,
        )
      ).rows[0].n,
    ) > 0
  )
    await new Promise((r) => setTimeout(r, 100));
}
/** SQL round trips the API process has made so far: on behalf of HTTP requests, and in all (background work included). */
const roundTrips = () => counter.read(server);
try {
  console.log(
    `machine: ${await machine()}; load average at the start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`,
  );
  const terms = await currentTerms(server.gql); // sign-ups accept the current terms and privacy notice
  console.log(
    `date: ${new Date().toISOString()}; ${CLIENTS} clients × ${ATTEMPTS} supports, supportLimit ${LIMIT}, ${PROPOSALS} proposals, NODE_ENV=${NODE_ENV}`,
  );
  const componentId = await seedProposals(server.pool, PROPOSALS, { supportLimit: LIMIT });
  const { rows: proposals } = await server.pool.query(
    `SELECT id FROM proposals WHERE component_id = $1 ORDER BY position_index`,
    [componentId],
  );
  const clients = [];
  for (let c = 0; c < CLIENTS; c++) {
    const res = await server.gql(REGISTER, {
      input: {
        name: `Bench ${c}`,
        email: `bench-${c}@bench.test`,
        password: 'bench password 123',
        ...terms,
      },
    });
    clients.push({ token: res.data.register.token, id: res.data.register.user.id });
  }

  // round trips: one more participant supports SEQUENTIAL proposals one after the other, then withdraws them
  const counter = await server.gql(REGISTER, {
    input: {
      name: 'Bench counter',
      email: 'bench-counter@bench.test',
      password: 'bench password 123',
      ...terms,
    },
  });
  const counterToken = counter.data.register.token;
  let before = await roundTrips();
  for (let i = 0; i < SEQUENTIAL; i++) {
    const res = await server.gql(SUPPORT, { id: proposals[i].id }, counterToken);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  let after = await roundTrips();
  const supportTrips = {
    request: (after.request - before.request) / SEQUENTIAL,
    all: (after.all - before.all) / SEQUENTIAL,
  };
  before = await roundTrips();
  for (let i = 0; i < SEQUENTIAL; i++) {
    const res = await server.gql(UNSUPPORT, { id: proposals[i].id }, counterToken);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  after = await roundTrips();
  const unsupportTrips = {
    request: (after.request - before.request) / SEQUENTIAL,
    all: (after.all - before.all) / SEQUENTIAL,
  };
  console.log(
    `SQL round trips per request, ${SEQUENTIAL} in a row by one participant (the whole HTTP request, session lookup included; in brackets: with the notification dispatcher's background work meanwhile): ` +
      `supportProposal ${supportTrips.request.toFixed(1)} (${supportTrips.all.toFixed(1)}), unsupportProposal ${unsupportTrips.request.toFixed(1)} (${unsupportTrips.all.toFixed(1)})`,
  );

  await dispatcherIdle();
  // warm-up (not measured): the stack's code paths compiled before the first measured phase
  await Promise.all(
    clients.map(async (client) => {
      for (let a = 0; a < 10; a++) await server.gql(`{ me { id } }`, {}, client.token);
    }),
  );
  const beforeLoad = await roundTrips();
  const latencies = [];
  const outcomes = { ok: 0, limit: 0, other: 0 };
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let a = 0; a < ATTEMPTS; a++) {
        const proposal = proposals[(c * 7 + a * 13) % proposals.length].id; // distinct per client while ATTEMPTS ≤ PROPOSALS / gcd
        const t0 = process.hrtime.bigint();
        const res = await server.gql(SUPPORT, { id: proposal }, client.token);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        const code = res.errors?.[0]?.extensions?.code;
        if (!code) outcomes.ok++;
        else if (code === 'LIMIT_REACHED') outcomes.limit++;
        else outcomes.other++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const afterLoad = await roundTrips();
  await dispatcherIdle();
  // the stack's floor at the same concurrency: { me { id } } costs the session lookup only (1 SQL round trip)
  const floor = [];
  const floorStarted = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (client) => {
      for (let a = 0; a < ATTEMPTS; a++) {
        const t0 = process.hrtime.bigint();
        const res = await server.gql(`{ me { id } }`, {}, client.token);
        floor.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      }
    }),
  );
  const floorRate = floor.length / (Number(process.hrtime.bigint() - floorStarted) / 1e9);
  floor.sort((a, b) => a - b);

  latencies.sort((a, b) => a - b);
  const {
    rows: [check],
  } = await server.pool.query(
    `SELECT (SELECT count(*) FROM (SELECT user_id FROM proposal_supports WHERE component_id = $1 GROUP BY user_id HAVING count(*) > $2) x) AS over_limit,
            (SELECT count(*) FROM proposals p WHERE p.component_id = $1 AND p.supports_count <> (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted)) AS drifted,
            (SELECT count(*) FROM proposal_supports WHERE component_id = $1) AS supports`,
    [componentId, LIMIT],
  );

  // pgbench: the same transaction in plain SQL, on the same server, same concurrency
  const dir = mkdtempSync(join(tmpdir(), 'concerto-pgbench-'));
  await server.pool.query(
    `CREATE TABLE bench_users AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users`,
  );
  await server.pool.query(
    `CREATE TABLE bench_proposals AS SELECT position_index + 1 AS n, id FROM proposals WHERE component_id = $1`,
    [componentId],
  );
  await server.pool.query(`DELETE FROM proposal_supports WHERE component_id = $1`, [componentId]);
  await server.pool.query(`UPDATE proposals SET supports_count = 0 WHERE component_id = $1`, [
    componentId,
  ]);
  const {
    rows: [{ users }],
  } = await server.pool.query(`SELECT count(*)::int AS users FROM bench_users`);
  const script = join(dir, 'support.sql');
  writeFileSync(
    script,
    `\\set u random(1, ${users})
\\set p random(1, ${PROPOSALS})
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('support:${componentId}:' || (SELECT id FROM bench_users WHERE n = :u), 0));
SELECT count(*) FROM proposal_supports WHERE component_id = '${componentId}' AND user_id = (SELECT id FROM bench_users WHERE n = :u);
SELECT supports_count FROM proposals WHERE id = (SELECT id FROM bench_proposals WHERE n = :p) FOR UPDATE;
WITH ins AS (
  INSERT INTO proposal_supports (proposal_id, component_id, user_id, counted)
  SELECT (SELECT id FROM bench_proposals WHERE n = :p), '${componentId}', (SELECT id FROM bench_users WHERE n = :u), true
  ON CONFLICT DO NOTHING RETURNING proposal_id)
UPDATE proposals SET supports_count = supports_count + 1 WHERE id IN (SELECT proposal_id FROM ins);
COMMIT;
`,
  );
  const url = new URL(server.databaseUrl);
  const pgbench = spawnSync(
    'pgbench',
    [
      '-n',
      '-c',
      String(CLIENTS),
      '-j',
      '2',
      '-T',
      String(PGBENCH_SECONDS),
      '-f',
      script,
      '-h',
      url.hostname,
      '-p',
      url.port,
      '-U',
      url.username,
      url.pathname.slice(1),
    ],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, encoding: 'utf8' },
  );
  if (pgbench.status !== 0) throw new Error(`pgbench failed: ${pgbench.stderr}`);
  const tps = Number(/tps = ([\d.]+)/.exec(pgbench.stdout)?.[1]);
  const pgLatency = Number(/latency average = ([\d.]+) ms/.exec(pgbench.stdout)?.[1]);
  const pgVersion = execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim();

  const rate = latencies.length / seconds;
  console.log(
    '\n| path | transactions/s | latency p50 ms | p99 ms | limit violations | counter drift |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(
    `| supportProposal via GraphQL, ${CLIENTS} clients | ${rate.toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${check.over_limit} | ${check.drifted} |`,
  );
  console.log(
    `| reference: \`{ me { id } }\` via GraphQL, ${CLIENTS} clients (session lookup only) | ${floorRate.toFixed(0)} | ${percentile(floor, 50).toFixed(1)} | ${percentile(floor, 99).toFixed(1)} | — | — |`,
  );
  console.log(
    `| pgbench, same transaction in SQL, ${CLIENTS} clients (${pgVersion}) | ${tps.toFixed(0)} | ${pgLatency.toFixed(1)} (average) | — | — | — |`,
  );
  console.log(
    `SQL round trips per request during the ${CLIENTS} clients' phase (LIMIT_REACHED ones included): ${((afterLoad.request - beforeLoad.request) / latencies.length).toFixed(2)} (${((afterLoad.all - beforeLoad.all) / latencies.length).toFixed(2)} with background work)`,
  );
  console.log(
    `load average (1, 5, 15 min) at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`,
  );
  console.log(
    `\nGraphQL outcomes: ${outcomes.ok} supports, ${outcomes.limit} LIMIT_REACHED, ${outcomes.other} other errors; ${check.supports} support rows; ratio pgbench/GraphQL: ${(tps / rate).toFixed(1)}×`,
  );
} finally {
  await server.stop();
}
