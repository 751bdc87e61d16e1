// Shared by the benchmark scripts: a throwaway embedded PostgreSQL and the built API
// (dist/apps/api/main.js) started against it, with helpers for GraphQL and SQL.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(ROOT, 'dist/apps/api', p);
if (!existsSync(dist('main.js'))) {
  console.error('dist/apps/api is missing: run `npm run build` first');
  process.exit(2);
}
const { EmbeddedPostgres, freePort } = require(dist('database/embedded-postgres.js'));
const { createDatabaseIfMissing } = require(dist('database/database-server.js'));
const pg = require('pg');

/** Percentile of a sorted array (nearest rank). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Median and p95 in ms of `runs` timed calls of `fn(i)`. */
export async function timeIt(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

/** Starts one more API process on an existing database (e.g. a second replica). */
export async function startApiProcess(databaseUrl, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      MUTATION_RATE_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Resident memory of a process in bytes (Linux /proc). */
export async function rssOf(pid) {
  const { readFileSync } = await import('node:fs');
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.replace(/\D+/g, '')) * 1024;
}

/** Starts PostgreSQL and the API; returns handles and a stop() that leaves nothing running. */
export async function startBenchServer(env = {}, pgSettings = {}) {
  const root = mkdtempSync(join(tmpdir(), 'concerto-bench-'));
  const embedded = new EmbeddedPostgres({
    dataDir: join(root, 'pg'),
    port: 0,
    settings: { max_connections: '300', ...pgSettings },
  });
  const connection = await embedded.start();
  await createDatabaseIfMissing(connection.url('postgres'), 'concerto_bench');
  const databaseUrl = connection.url('concerto_bench');
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: 'admin@bench.test',
      ADMIN_PASSWORD: 'bench-admin-password',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      MUTATION_RATE_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 60 });
  // BENCH_ACCEPT_ENCODING=identity: answers uncompressed, to compare with a checkout that did
  // not compress them (fetch asks for br/gzip otherwise, as browsers do)
  const acceptEncoding = process.env.BENCH_ACCEPT_ENCODING;
  const gql = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const stop = async () => {
    await pool.end();
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    await embedded.stop();
    rmSync(root, { recursive: true, force: true });
  };
  return { url, gql, pool, databaseUrl, connection, stop, pid: child.pid, freePort };
}

/**
 * The terms and privacy versions a sign-up must accept (`register`'s `acceptedTermsVersion` and
 * `acceptedPrivacyVersion`), read from the API like the web app does.
 * @param gql the bench server's GraphQL function
 */
export async function currentTerms(gql) {
  const { data } = await gql(`{ termsDocuments { kind version } }`, {});
  const version = (kind) => data.termsDocuments.find((d) => d.kind === kind).version;
  return { acceptedTermsVersion: version('TERMS'), acceptedPrivacyVersion: version('PRIVACY') };
}

/**
 * Signs up `n` participants through GraphQL (accepting the current terms), one after the other.
 * @param server the bench server
 * @param n how many
 * @param name the name of the i-th participant (its e-mail is made from the same words)
 * @returns `{ token, id }` of each, in order
 */
export async function registerClients(server, n, name) {
  const terms = await currentTerms(server.gql);
  const clients = [];
  for (let i = 0; i < n; i++) {
    const res = await server.gql(
      `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      {
        input: {
          name: name(i),
          email: `${name(i)
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')}@bench.test`,
          password: 'bench password 123',
          ...terms,
        },
      },
    );
    clients.push({ token: res.data.register.token, id: res.data.register.user.id });
  }
  return clients;
}

/** Creates a published PROPOSALS component in the demo Concertation and fills it with `n` proposals in one INSERT. */
export async function seedProposals(pool, n, settings = {}) {
  const { rows } = await pool.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const {
    rows: [component],
  } = await pool.query(
    `INSERT INTO components (space_id, type, title, published_at, settings) VALUES ($1, 'PROPOSALS', $2, now(), $3) RETURNING id`,
    [rows[0].id, `Banc d'essai ${n}`, settings],
  );
  await pool.query(
    `INSERT INTO proposals (component_id, official, title, body, position_index, published_at)
     SELECT $1, true, 'Proposition de banc d''essai n° ' || g, '<p>Texte de la proposition ' || g || '.</p>', g - 1, now() - (($2 - g) || ' seconds')::interval
       FROM generate_series(1, $2) g`,
    [component.id, n],
  );
  await pool.query('ANALYZE proposals');
  return component.id;
}

/** Machine facts for BENCHMARKS.md. */
export async function machine() {
  const os = await import('node:os');
  return `${os.cpus()[0].model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

/**
 * Makes the API process count its SQL round trips (`bench/count-queries.cjs`, preloaded): pass
 * `counter.env` to {@link startBenchServer}, then `await counter.read(server)` returns the counts
 * so far, `{ request, all }` (on behalf of HTTP requests; in all, background work included).
 * @param extraEnv more variables for the API process (CPU_PROFILE…)
 */
export function queryCounter(extraEnv = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'concerto-queries-')), 'count');
  let signals = 0;
  return {
    env: {
      NODE_OPTIONS: `--require ${join(ROOT, 'bench/count-queries.cjs')}`,
      QUERY_COUNT_FILE: file,
      ...extraEnv,
    },
    async read(server) {
      signals++;
      process.kill(server.pid, 'SIGUSR2');
      for (;;) {
        const [n, request, all] = existsSync(file)
          ? readFileSync(file, 'utf8').split(' ').map(Number)
          : [0, 0, 0];
        if (n === signals) return { request, all };
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

/**
 * Every client sends `rounds` requests one after the other, all clients at once (a closed loop):
 * requests sent, requests per second, p50, p95 and p99 latency (ms), requests answered with errors
 * (the first one is printed), and, given a `counter` ({@link queryCounter}), the SQL round trips
 * per request counted in the API process.
 * @param counter the round-trip counter, or null not to count
 * @param fn sends one request: `fn(client, round)` → the GraphQL answer
 */
export async function concurrentPhase(server, counter, clients, rounds, fn) {
  const latencies = [];
  let errors = 0;
  const before = counter ? (await counter.read(server)).request : 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (client) => {
      for (let r = 0; r < rounds; r++) {
        const t0 = process.hrtime.bigint();
        const res = await fn(client, r);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.errors && errors++ === 0)
          console.log('first error:', JSON.stringify(res.errors[0]));
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const trips = counter
    ? ((await counter.read(server)).request - before) / latencies.length
    : undefined;
  latencies.sort((a, b) => a - b);
  return {
    n: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    trips,
  };
}

/** One Markdown table row of a {@link concurrentPhase} result. */
export function phaseRow(label, r) {
  return `| ${label} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.trips.toFixed(1)} | ${r.errors} |`;
}
