#!/usr/bin/env node
// Rolling restart under load: two API processes (the build in dist/) sharing one PostgreSQL and
// one Redis, behind Debian's nginx running the repository's configuration (deploy/nginx/
// concerto.conf, upstreams pointed at the local processes). CLIENTS participants each hold a
// Socket.IO connection through nginx and, without pause, support, comment and read; then each
// process in turn gets SIGTERM (it drains and must exit 0), is started again and becomes ready.
//
// Counted and checked (exit code 1 on any violation):
// - failed requests: any HTTP status other than 200, network error, or GraphQL error;
// - notifications: every one stored for a participant reached that participant's client
//   (live push, or the `catchUp` the web client sends after a reconnection), none pushed twice;
// - sockets: all connected at the end, and the longest time a socket stayed disconnected;
// - exit codes of the drained processes;
// - latency p50/p99 of requests before the restarts and during them.
//
//   node bench/rolling-restart.mjs                         # 100 clients (BENCHMARKS.md)
//   CLIENTS=40 BASELINE_MS=3000 node bench/rolling-restart.mjs
// Needs nginx and redis-server (Debian packages); SKIP_BUILD=1 uses dist/ as it is.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS = Number(process.env.CLIENTS ?? 100);
const BASELINE_MS = Number(process.env.BASELINE_MS ?? 5000); // load before the first restart (the "before" latencies)
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 3000); // load between and after the restarts
const THINK_MS = Number(process.env.THINK_MS ?? 500); // pause of each client between two requests
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const REDIS = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const KEEP_LOGS = process.env.KEEP_LOGS; // a directory: the API processes' output is written there
// longest a socket may stay disconnected; a machine shared by many jobs needs more than the default
const MAX_SOCKET_GAP_MS = Number(process.env.MAX_SOCKET_GAP_MS ?? 5000);

for (const [name, path] of [
  ['nginx', NGINX],
  ['redis-server', REDIS],
]) {
  if (!existsSync(path)) {
    console.error(`${name} not found at ${path} (apt-get install ${name})`);
    process.exit(2);
  }
}
if (process.env.SKIP_BUILD !== '1' || !existsSync(join(ROOT, 'dist/apps/api/main.js'))) {
  console.log('building the API (nx run api:build; cached when unchanged)…');
  execFileSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}
const { machine, percentile } = await import('./bench-server.mjs');
const require = createRequire(import.meta.url);
const { EmbeddedPostgres, freePort } = require(
  join(ROOT, 'dist/apps/api/database/embedded-postgres.js'),
);
const { createDatabaseIfMissing } = require(
  join(ROOT, 'dist/apps/api/database/database-server.js'),
);
const { io } = require('socket.io-client');
const pg = require('pg');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const work = mkdtempSync(join(tmpdir(), 'concerto-rolling-'));
chmodSync(work, 0o755); // as root, PostgreSQL runs as the `postgres` OS user and must reach its data
const children = [];

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
async function waitForPort(port, what, child) {
  for (let i = 0; i < 200; i++) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const ok = await new Promise((done) => {
      const socket = createConnection(port, '127.0.0.1', () => {
        socket.end();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${what} did not listen on ${port}`);
}

// ── PostgreSQL, Redis ─────────────────────────────────────────────────────────────────────
const embedded = new EmbeddedPostgres({
  dataDir: join(work, 'pg'),
  port: 0,
  settings: { max_connections: '300' },
});
const connection = await embedded.start();
await createDatabaseIfMissing(connection.url('postgres'), 'concerto_rolling');
const databaseUrl = connection.url('concerto_rolling');
const redisPort = await freePort();
const redis = spawn(
  REDIS,
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: 'ignore' },
);
children.push(redis);
await waitForPort(redisPort, 'redis-server', redis);

// ── the API processes ─────────────────────────────────────────────────────────────────────
const ADMIN_EMAIL = 'admin@rolling.test';
class Api {
  constructor(name, port) {
    this.name = name;
    this.port = port;
    this.log = '';
    this.child = null;
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    this.child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(this.port),
        DATABASE_URL: databaseUrl,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        ADMIN_EMAIL,
        ADMIN_PASSWORD: 'rolling-admin-password',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
        MUTATION_RATE_LIMIT_PER_MINUTE: '1000000',
        TRUST_PROXY: 'loopback',
        SHUTDOWN_TIMEOUT_MS: process.env.SHUTDOWN_TIMEOUT_MS ?? '30000',
        WEB_DIST_DIR: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(this.child);
    this.child.stdout.on('data', (d) => (this.log += d));
    this.child.stderr.on('data', (d) => (this.log += d));
    const t0 = Date.now();
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(
          `${this.name} exited with ${this.child.exitCode}:\n${this.log.slice(-3000)}`,
        );
      if (Date.now() - t0 > 120_000)
        throw new Error(`${this.name} not ready after 120 s:\n${this.log.slice(-3000)}`);
      try {
        if ((await fetch(`${this.url}/readyz`)).ok) return Date.now() - t0;
      } catch {
        /* starting */
      }
      await sleep(100);
    }
  }
  /** SIGTERM, then the exit code and how long the drain took. */
  async stop() {
    const child = this.child;
    const t0 = Date.now();
    const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
    child.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(60_000).then(() => 'timeout')]);
    if (child.exitCode === null) child.kill('SIGKILL');
    return { code, ms: Date.now() - t0 };
  }
}
const apis = [new Api('app1', await freePort()), new Api('app2', await freePort())];
await Promise.all(apis.map((a) => a.start())); // together: the start lock takes them in turn
console.log(`[${elapsed()}] two API processes ready (${apis.map((a) => a.port).join(', ')})`);

// ── nginx with the repository's configuration ─────────────────────────────────────────────
const nginxPort = await freePort();
const prefix = join(work, 'nginx');
mkdirSync(join(prefix, 'logs'), { recursive: true });
const site = readFileSync(join(ROOT, 'apps/api/deploy/nginx/concerto.conf'), 'utf8');
const serverLine = /^\s*server app\d+:3000([^;]*);$/m.exec(site);
if (!serverLine || !/listen 80;/.test(site))
  throw new Error(
    'apps/api/deploy/nginx/concerto.conf: expected `server appN:3000 …;` lines and `listen 80;`',
  );
// a restarted replica is back in nginx's pool only once fail_timeout has passed since its last
// refused connection: the next replica is stopped after that (the rolling-restart procedure)
const failTimeoutMs = Number(/fail_timeout=(\d+)s/.exec(serverLine[1])?.[1] ?? 10) * 1000;
let firstServer = true;
const localSite = site
  .replace(/^\s*server app\d+:3000[^;]*;\n/gm, () => {
    if (!firstServer) return '';
    firstServer = false;
    return apis.map((a) => `  server 127.0.0.1:${a.port}${serverLine[1]};\n`).join('');
  })
  .replace('listen 80;', `listen 127.0.0.1:${nginxPort};`);
writeFileSync(
  join(prefix, 'nginx.conf'),
  [
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 2;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'logs/error.log')} warn;`,
    'events { worker_connections 4096; }',
    'http {',
    `  access_log ${join(prefix, 'logs/access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (k) => `  ${k}_temp_path ${join(prefix, `${k}_temp`)};`,
    ),
    localSite,
    '}',
  ].join('\n'),
);
const nginx = spawn(
  NGINX,
  [
    '-e',
    join(prefix, 'logs/error.log'),
    '-p',
    prefix,
    '-c',
    join(prefix, 'nginx.conf'),
    '-g',
    'daemon off;',
  ],
  { stdio: 'inherit' },
);
children.push(nginx);
await waitForPort(nginxPort, 'nginx', nginx);
const proxy = `http://127.0.0.1:${nginxPort}`;
console.log(`[${elapsed()}] nginx on ${nginxPort} with apps/api/deploy/nginx/concerto.conf`);

// ── participants ──────────────────────────────────────────────────────────────────────────
let phase = 'setup';
const requests = []; // { phase, ms, ok }
const failures = [];
async function gql(query, variables, token, label) {
  const t0 = performance.now();
  let ok = false;
  let detail = '';
  let json = null;
  try {
    const response = await fetch(`${proxy}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    ok = response.status === 200 && json && !json.errors;
    if (!ok) detail = `${response.status} ${text.slice(0, 200)}`;
  } catch (error) {
    detail = `network: ${error.cause?.code ?? error.message}`;
  }
  const ms = performance.now() - t0;
  if (phase !== 'setup') requests.push({ phase, ms, ok });
  if (!ok) failures.push({ phase, label, detail, at: elapsed() });
  return ok ? json.data : null;
}

const terms = await gql(`{ termsDocuments { kind version } }`, {}, null, 'terms');
const version = (kind) => terms.termsDocuments.find((d) => d.kind === kind).version;
const space = await gql(
  `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
  {},
  null,
  'space',
);
const componentId = space.space.components.find((c) => c.type === 'PROPOSALS').id;
const participants = [];
for (let i = 0; i < CLIENTS; i += 10) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(10, CLIENTS - i) }, async (_, k) => {
      const n = i + k;
      const email = `rolling-${n}-${process.pid}@example.org`;
      const registered = await gql(
        `mutation($i: RegisterInput!) { register(input: $i) { token user { id } } }`,
        {
          i: {
            name: `Participant ${n}`,
            email,
            password: 'une phrase de passe solide',
            acceptedTermsVersion: version('TERMS'),
            acceptedPrivacyVersion: version('PRIVACY'),
          },
        },
        null,
        'register',
      );
      if (!registered)
        throw new Error(`registration ${n} failed: ${JSON.stringify(failures.at(-1))}`);
      const created = await gql(
        `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: `Proposition du participant ${n} pour le redémarrage`,
            body: '<p>Un texte qui sera commenté pendant le redémarrage.</p>',
          },
        },
        registered.register.token,
        'createProposal',
      );
      if (!created) throw new Error(`proposal ${n} failed: ${JSON.stringify(failures.at(-1))}`);
      return {
        n,
        email,
        token: registered.register.token,
        userId: registered.register.user.id,
        proposalId: created.createProposal.id,
      };
    }),
  );
  participants.push(...batch);
}
console.log(`[${elapsed()}] ${participants.length} participants registered, each with a proposal`);

// each participant's live connection behaves like the web app's (LiveConnection.tsx): websocket
// transport, default reconnection, `catchUp` after the last notification seen on every reconnection
const sockets = participants.map((p) => {
  const state = {
    received: new Map(),
    livePushes: new Map(),
    lastSeen: null,
    lastSequence: -1,
    everConnected: false,
    disconnectedAt: null,
    gaps: [],
    connected: false,
  };
  const socket = io(proxy, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token: p.token },
    forceNew: true,
  });
  const accept = (items) => {
    for (const n of items) {
      state.received.set(n.id, n);
      if (Number(n.sequence) > state.lastSequence) {
        state.lastSequence = Number(n.sequence);
        state.lastSeen = n.id;
      }
    }
  };
  socket.on('connect', () => {
    state.connected = true;
    if (state.disconnectedAt !== null) state.gaps.push(Date.now() - state.disconnectedAt);
    state.disconnectedAt = null;
    if (state.everConnected || state.lastSeen) {
      socket.emit('catchUp', state.lastSeen, (result) => {
        if (result && 'notifications' in result) accept(result.notifications);
        else
          failures.push({ phase, label: 'catchUp', detail: JSON.stringify(result), at: elapsed() });
      });
    }
    state.everConnected = true;
  });
  socket.on('disconnect', () => {
    state.connected = false;
    state.disconnectedAt ??= Date.now();
  });
  socket.on('notification', (n) => {
    state.livePushes.set(n.id, (state.livePushes.get(n.id) ?? 0) + 1);
    accept([n]);
  });
  return { p, socket, state };
});
for (let i = 0; i < 300 && sockets.some((s) => !s.state.connected); i++) await sleep(100);
console.log(
  `[${elapsed()}] ${sockets.filter((s) => s.state.connected).length} sockets connected through nginx`,
);

// ── load ──────────────────────────────────────────────────────────────────────────────────
let running = true;
const loops = participants.map(async (p, index) => {
  let supportCursor = 1;
  let step = index; // spread the kinds of requests across clients
  while (running) {
    const kind = step++ % 3;
    if (kind === 0 && supportCursor < participants.length) {
      const target = participants[(index + supportCursor++) % participants.length];
      await gql(
        `mutation($id: ID!) { supportProposal(proposalId: $id) { supportsCount } }`,
        { id: target.proposalId },
        p.token,
        'supportProposal',
      );
    } else if (kind === 1) {
      const target = participants[(index + 1 + (step % 7)) % participants.length];
      await gql(
        `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
        {
          i: {
            commentableType: 'PROPOSAL',
            commentableId: target.proposalId,
            body: `Commentaire ${step} de ${p.n}`,
          },
        },
        p.token,
        'addComment',
      );
    } else {
      await gql(
        `query($c: ID!) { proposals(componentId: $c, first: 10, order: RECENT) { edges { node { id title supportsCount commentsCount } } } }`,
        { c: componentId },
        p.token,
        'read',
      );
    }
    await sleep(THINK_MS * (0.5 + Math.random()));
  }
});

phase = 'before';
await sleep(BASELINE_MS);
const restarts = [];
phase = 'during';
for (const api of apis) {
  const stopped = await api.stop();
  const readyMs = await api.start();
  restarts.push({ name: api.name, exit: stopped.code, drainMs: stopped.ms, readyMs });
  console.log(
    `[${elapsed()}] ${api.name}: SIGTERM → exit ${stopped.code} after ${stopped.ms} ms; started again, ready in ${readyMs} ms`,
  );
  await sleep(Math.max(SETTLE_MS, failTimeoutMs + 500));
}
phase = 'after';
running = false;
await Promise.all(loops);

// ── settle, then count ────────────────────────────────────────────────────────────────────
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
for (let i = 0; i < 200; i++) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM domain_events WHERE processed_at IS NULL`,
  );
  if (rows[0].n === 0) break;
  await sleep(100);
}
await sleep(1500); // last pushes through Redis
for (let i = 0; i < 100 && sockets.some((s) => !s.state.connected); i++) await sleep(100);

const ids = participants.map((p) => p.userId);
const { rows: stored } = await pool.query(
  `SELECT id, user_id FROM notifications WHERE user_id = ANY($1::uuid[])`,
  [ids],
);
const { rows: doubledInDb } = await pool.query(
  `SELECT user_id, event_id, count(*)::int AS n FROM notifications WHERE user_id = ANY($1::uuid[]) GROUP BY user_id, event_id HAVING count(*) > 1`,
  [ids],
);
const byUser = new Map(sockets.map((s) => [s.p.userId, s.state]));
let lost = 0;
let pushedTwice = 0;
const lostExamples = [];
for (const row of stored) {
  const state = byUser.get(row.user_id);
  if (!state.received.has(row.id)) {
    lost++;
    if (lostExamples.length < 5) lostExamples.push(row.id);
  }
}
for (const s of sockets)
  for (const count of s.state.livePushes.values()) if (count > 1) pushedTwice++;
const received = sockets.reduce((sum, s) => sum + s.state.received.size, 0);
const gaps = sockets.flatMap((s) => s.state.gaps).sort((a, b) => a - b);
const connectedAtEnd = sockets.filter((s) => s.state.connected).length;
await pool.end();

const stats = (list) => {
  const ms = list.map((r) => r.ms).sort((a, b) => a - b);
  return { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms.at(-1) ?? NaN };
};
const before = stats(requests.filter((r) => r.phase === 'before'));
const during = stats(requests.filter((r) => r.phase === 'during'));
const failed =
  requests.filter((r) => !r.ok).length + failures.filter((f) => f.label === 'catchUp').length;

console.log('');
console.log(`machine: ${await machine()}`);
console.log(
  `load average at the end: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `clients: ${CLIENTS}, think time ${THINK_MS} ms ± 50 %, before ${BASELINE_MS} ms, settle ${SETTLE_MS} ms after each restart`,
);
console.log(
  `requests: ${requests.length} (before the restarts ${before.n}, during ${during.n}), failed: ${failed}`,
);
console.log(
  `latency before: p50 ${before.p50.toFixed(1)} ms, p99 ${before.p99.toFixed(1)} ms, max ${before.max.toFixed(1)} ms`,
);
console.log(
  `latency during: p50 ${during.p50.toFixed(1)} ms, p99 ${during.p99.toFixed(1)} ms, max ${during.max.toFixed(1)} ms`,
);
console.log(
  `restarts: ${restarts.map((r) => `${r.name} exit ${r.exit}, drained in ${r.drainMs} ms, ready again in ${r.readyMs} ms`).join('; ')}`,
);
console.log(
  `notifications: stored ${stored.length}, received ${received}, lost ${lost}, doubled in the database ${doubledInDb.length}, pushed twice ${pushedTwice}`,
);
console.log(
  `sockets: ${connectedAtEnd}/${sockets.length} connected at the end, ${gaps.length} reconnections, longest disconnection ${gaps.length ? gaps.at(-1) : 0} ms, p50 ${gaps.length ? percentile(gaps, 50) : 0} ms`,
);
if (failures.length)
  console.log(`first failures: ${JSON.stringify(failures.slice(0, 5), null, 1)}`);
if (lostExamples.length) console.log(`lost notifications (ids): ${lostExamples.join(', ')}`);

const checks = [
  ['no failed request', failed === 0],
  ['every drained process exited 0', restarts.every((r) => r.exit === 0)],
  ['every stored notification reached its client', lost === 0],
  ['no notification doubled', doubledInDb.length === 0 && pushedTwice === 0],
  ['every socket connected at the end', connectedAtEnd === sockets.length],
  [
    `every socket back within ${MAX_SOCKET_GAP_MS / 1000} s`,
    gaps.every((g) => g < MAX_SOCKET_GAP_MS),
  ],
  ['sockets were handed over (each restart moved some)', gaps.length > 0],
  ['some notifications were produced', stored.length > 0],
];
const passed = checks.filter(([, ok]) => ok).length;
for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
console.log(`checks: ${passed} passed, ${checks.length - passed} failed`);

// ── clean up ──────────────────────────────────────────────────────────────────────────────
sockets.forEach((s) => s.socket.disconnect());
if (KEEP_LOGS) {
  mkdirSync(KEEP_LOGS, { recursive: true });
  for (const api of apis) writeFileSync(join(KEEP_LOGS, `${api.name}.log`), api.log);
  if (existsSync(join(prefix, 'logs/error.log')))
    writeFileSync(join(KEEP_LOGS, 'nginx-error.log'), readFileSync(join(prefix, 'logs/error.log')));
  writeFileSync(
    join(KEEP_LOGS, 'participants.json'),
    JSON.stringify(
      participants.map((p) => ({
        email: p.email,
        password: 'une phrase de passe solide',
        token: p.token,
      })),
    ),
  );
}
for (const api of apis) await api.stop();
nginx.kill('SIGQUIT');
redis.kill('SIGTERM');
await embedded.stop();
for (const child of children)
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
rmSync(work, { recursive: true, force: true });
console.log(`[${elapsed()}] done`);
process.exit(passed === checks.length ? 0 : 1);
