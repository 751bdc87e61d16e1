// Benchmark: the per-request cost of the API stack (issue 15, item 1). `{ me { id } }` through
// the whole stack (Express middlewares, Apollo and its plugins, Nest guards, pino-http, TypeORM)
// against a bare Express handler doing the same SQL (the session lookup by token hash, sessions
// joined to users) in a sibling process, with the same clients, alternating in the same run.
//   npm run build && node bench/request-stack.mjs     (env CLIENTS, REQUESTS, ROUNDS)
//   CPU_PROFILE=/tmp/me profiles the API process: /tmp/me.<2k>.cpuprofile are its `me` phases
//   BASE_DIST=/path/to/dist/apps/api: a second build (e.g. main's) run in the same rounds
//   API_NODE_ENV=development|production (default production, as deployed): NODE_ENV of every
//   process of the run, the bare handler's included
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  currentTerms,
  machine,
  percentile,
  queryCounter,
  ROOT,
  startBenchServer,
} from './bench-server.mjs';

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const REQUESTS = Number(process.env.REQUESTS ?? 60); // per client and phase
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const ME = `{ me { id } }`;

const NODE_ENV = process.env.API_NODE_ENV ?? 'production';
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
const counter = queryCounter();
const server = await startBenchServer({ ...counter.env, LOG_FORMAT: 'json', NODE_ENV });
const apis = [{ name: 'API (this build)', url: server.url, pid: server.pid }];
let base = null;
if (process.env.BASE_DIST) {
  // the other build on the same database (its migrations must be a prefix of this one's)
  base = await startBaseApi(process.env.BASE_DIST, server.databaseUrl);
  apis.push({ name: `API (${process.env.BASE_NAME ?? 'base build'})`, url: base.url });
}

/** The other build's API process (BASE_DIST's main.js), JSON logs, same limits as the bench server's. */
async function startBaseApi(dist, databaseUrl) {
  const port = await server.freePort();
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    cwd: join(dist, '../../..'),
    env: {
      ...process.env,
      NODE_ENV,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      MUTATION_RATE_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST_DIR: '',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url);
  return {
    url,
    stop: async () => {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not start`);
}

// the bare handler: Express + express.json() + a pg pool of the API's size (20), the same SQL
// as the session lookup (VIEWER_SQL in SessionService), answering the same JSON
const BARE = `
const express = require('express');
const pg = require('pg');
const { createHash } = require('node:crypto');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = express();
app.use(express.json({ limit: '1mb' }));
app.get('/healthz', (_req, res) => res.send('ok'));
app.post('/graphql', async (req, res) => {
  const header = req.headers.authorization ?? '';
  const token = header.replace(/^Bearer\\s+/i, '').trim();
  const { rows } = await pool.query(
    \`SELECT s.id AS session_id, u.id, u.name, u.email, u.email_confirmed_at, u.is_admin,
       u.is_demo, u.locale, u.created_at, u.updated_at, u.deleted_at
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.deleted_at IS NULL AND u.blocked_at IS NULL
   AND s.expires_at > now()\`,
    [createHash('sha256').update(token).digest('hex')],
  );
  res.json({ data: { me: rows[0] ? { id: rows[0].id } : null } });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
`;
const barePort = await server.freePort();
const bare = spawn(process.execPath, ['-e', BARE], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV, DATABASE_URL: server.databaseUrl, PORT: String(barePort) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const bareUrl = `http://127.0.0.1:${barePort}`;
await waitFor(bareUrl);
const targets = [...apis, { name: 'bare Express handler, same SQL', url: bareUrl }];

/** Round trips the API process has made on behalf of requests so far (and cuts its CPU profile, with CPU_PROFILE). */
const roundTrips = async () => (await counter.read(server)).request;

async function me(url, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: ME, variables: {} }),
  });
  const body = await response.json();
  if (!body.data?.me?.id) throw new Error(`${url}: ${JSON.stringify(body)}`);
}

/** CLIENTS clients × `requests` each, one after the other per client: requests/s and latencies. */
async function phase(url, tokens, requests) {
  const latencies = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    tokens.map(async (token) => {
      for (let i = 0; i < requests; i++) {
        const t0 = process.hrtime.bigint();
        await me(url, token);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const rate = latencies.length / (Number(process.hrtime.bigint() - started) / 1e9);
  latencies.sort((a, b) => a - b);
  return { rate, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

try {
  console.log(`machine: ${await machine()}; load average at the start: ${loadavg()}`);
  console.log(
    `date: ${new Date().toISOString()}; ${CLIENTS} clients × ${REQUESTS} \`${ME}\` each per phase, NODE_ENV=${NODE_ENV}, ${ROUNDS} rounds alternating ${targets.map((t) => t.name).join(' / ')}`,
  );
  const terms = await currentTerms(server.gql);
  const tokens = [];
  for (let c = 0; c < CLIENTS; c++) {
    const res = await server.gql(REGISTER, {
      input: {
        name: `Stack ${c}`,
        email: `stack-${c}@bench.test`,
        password: 'bench password 123',
        ...terms,
      },
    });
    tokens.push(res.data.register.token);
  }
  // round trips of one `me` through the stack
  const before = await roundTrips();
  for (let i = 0; i < 20; i++) await me(server.url, tokens[0]);
  console.log(
    `SQL round trips per \`${ME}\` through the stack: ${((await roundTrips()) - before) / 20}`,
  );
  // warm-up, not measured
  for (const target of targets) await phase(target.url, tokens, 10);

  const results = targets.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [t, target] of targets.entries()) {
      if (t === 0) await roundTrips(); // CPU_PROFILE: the next profile is this phase's
      const r = await phase(target.url, tokens, REQUESTS);
      if (t === 0) await roundTrips();
      results[t].push(r);
    }
  }
  console.log('\n| round | path | requests/s | p50 ms | p99 ms | ÷ bare |');
  console.log('|---|---|---:|---:|---:|---:|');
  const bareIndex = targets.length - 1;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [t, target] of targets.entries()) {
      const r = results[t][round];
      console.log(
        `| ${round + 1} | ${target.name} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${((100 * r.rate) / results[bareIndex][round].rate).toFixed(0)} % |`,
      );
    }
  }
  const total = (t) => results[t].reduce((s, r) => s + r.rate, 0);
  for (const [t, target] of targets.entries()) {
    if (t === bareIndex) continue;
    const ratio = total(bareIndex) / total(t);
    console.log(
      `${target.name}: bare handler ÷ \`${ME}\` = ${ratio.toFixed(2)}× over the ${ROUNDS} rounds (target: ≤ 2×, ${ratio <= 2 ? 'met' : 'not met'})`,
    );
  }
  console.log(`load average (1, 5, 15 min) at the end: ${loadavg()}`);
} finally {
  bare.kill('SIGINT');
  await base?.stop();
  await server.stop();
}
