// Crash safety: what the API acknowledged survives a SIGKILL, and no counter drifts.
//
// Starts the built API (dist/apps/api/main.js) on a fresh embedded PostgreSQL of its own, sets
// up a proposals component (supports enabled, a per-user limit, a threshold without
// accumulation) and an assembly with an open public motion and USERS members, then USERS
// concurrent clients support / unsupport proposals and vote over GraphQL while every answer
// is recorded: acknowledged (HTTP 200, no errors), refused (a GraphQL error with a code: the
// API promises nothing changed) or unknown (the connection died). KILLS times, after a random
// delay drawn from SEED, the API is killed with SIGKILL — every other round together with the
// PostgreSQL postmaster and all its backends (an abrupt power cut of both: PostgreSQL then
// runs crash recovery from its WAL), the other rounds alone (the restarted API adopts the
// PostgreSQL left running). After the last restart the database is checked in SQL:
//   - every acknowledged support is present, every acknowledged withdrawal absent, every
//     acknowledged vote has the acknowledged choice (an unknown request may or may not have
//     happened; a refused one must not have);
//   - nothing doubled: one support per (user, proposal), one participation per (motion, user);
//   - proposals.supports_count = its counted support rows, for every proposal;
//   - per-user limit and threshold held;
//   - the motion's participations and ballots pair up one to one, and the tally the API
//     reports equals the ballot rows;
//   - every support and vote present has its action-log row (written in the same transaction).
// Prints a report and exits 1 on any violation (2 when the run itself could not proceed).
//
//   npm run crash-check                        (builds the API first; SKIP_BUILD=1 to skip)
//   SEED=1234 USERS=200 KILLS=3 node bench/crash-safety.mjs
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USERS = Number(process.env.USERS ?? 200);
const KILLS = Number(process.env.KILLS ?? 3);
const PROPOSALS = Number(process.env.PROPOSALS ?? 30);
const SUPPORT_LIMIT = Number(process.env.SUPPORT_LIMIT ?? 5);
const THRESHOLD = Number(process.env.THRESHOLD ?? 25);
const MIN_MS = Number(process.env.MIN_MS ?? 1500); // a round runs this long at least before the kill…
const MAX_MS = Number(process.env.MAX_MS ?? 5000); // …and at most this long
const SEED = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31));
// negative control: turn synchronous_commit off (ALTER SYSTEM) to see the checks catch lost commits
const UNSAFE_ASYNC_COMMIT = process.env.UNSAFE_ASYNC_COMMIT === '1';

if (process.env.SKIP_BUILD !== '1' || !existsSync(join(ROOT, 'dist/apps/api/main.js'))) {
  console.log('building the API (nx run api:build; cached when unchanged)…');
  execFileSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}
const { machine } = await import('./bench-server.mjs');
const require = createRequire(import.meta.url);
const { EmbeddedPostgres, freePort, isAlive } = require(
  join(ROOT, 'dist/apps/api/database/embedded-postgres.js'),
);
const pg = require('pg');

/** mulberry32: a small seeded PRNG, so a run can be replayed from its seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const work = mkdtempSync(join(tmpdir(), 'concerto-crash-'));
chmodSync(work, 0o755); // as root, PostgreSQL runs as the `postgres` OS user and must reach its data
const dataDir = join(work, 'postgres');
const apiPort = await freePort();
const pgPort = await freePort();
const url = `http://127.0.0.1:${apiPort}`;
const apiEnv = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(apiPort),
  EMBEDDED_POSTGRES_DIR: dataDir,
  EMBEDDED_POSTGRES_PORT: String(pgPort),
  ADMIN_EMAIL: 'admin@crash.test',
  ADMIN_PASSWORD: 'crash-admin-password',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
  MUTATION_RATE_LIMIT_PER_MINUTE: '1000000',
  WEB_DIST_DIR: '',
};
delete apiEnv.DATABASE_URL;

let api = null;
let starts = 0;
/** Starts the API (which starts or adopts its embedded PostgreSQL) and waits for /healthz. */
async function startApi() {
  starts += 1;
  const log = openSync(join(work, `api-${starts}.log`), 'w');
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: apiEnv,
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `the API exited with ${child.exitCode} at start ${starts}:\n${readFileSync(join(work, `api-${starts}.log`), 'utf8').slice(-3000)}`,
      );
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        api = child;
        return;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`the API did not answer /healthz within 180 s (start ${starts})`);
}

/** The postmaster of the cluster and every process it started (backends, WAL writer, checkpointer…). */
function postgresProcesses() {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return [];
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!postmaster || !isAlive(postmaster)) return [];
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) children.push(Number(entry));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return [postmaster, ...children];
}

/** SIGKILL of the API, and of PostgreSQL too when `withPostgres`; waits until all are gone. */
async function kill(withPostgres) {
  const victims = [api.pid, ...(withPostgres ? postgresProcesses() : [])];
  for (const pid of victims) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  for (let waited = 0; victims.some((pid) => isAlive(pid)); waited += 20) {
    if (waited > 30_000)
      throw new Error(
        `processes ${victims.filter((pid) => isAlive(pid)).join(', ')} survived SIGKILL`,
      );
    await sleep(20);
  }
  api = null;
  return victims.length;
}

const gql = async (query, variables, token) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: await response.json() };
};
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`;
const UNSUPPORT = `mutation($id: ID!) { unsupportProposal(proposalId: $id) { id } }`;
const VOTE = `mutation($id: ID!, $choice: VoteChoice!) { castVote(motionId: $id, choice: $choice) { id } }`;
const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'];

const stats = { sent: 0, acked: 0, refused: 0, unknown: 0, byKind: {}, refusedBy: {} };
/** What the database may hold per key: a set of states a correct server can have left. */
const supportStates = new Map(); // `${userId} ${proposalId}` → Set of 'present' | 'absent'
const voteStates = new Map(); // userId → Set of 'none' | choice
let clients = [];
let proposals = [];
let motionId;
let componentId;
let motionsComponentId;

let running = true;
let serverUp = Promise.resolve();
let markUp = () => undefined;

/** One client: one request at a time, each answer recorded; pauses while the server is down. */
async function runClient(client, index) {
  const rnd = prng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  while (running) {
    await serverUp;
    if (!running) break;
    const roll = rnd();
    // proposals drawn with a skew, so the popular ones reach the threshold
    const proposal = proposals[Math.floor(rnd() * rnd() * proposals.length)];
    let kind;
    let query;
    let variables;
    let key;
    let outcome;
    if (roll < 0.5)
      [kind, query, variables, key, outcome] = [
        'support',
        SUPPORT,
        { id: proposal },
        `${client.id} ${proposal}`,
        'present',
      ];
    else if (roll < 0.7)
      [kind, query, variables, key, outcome] = [
        'unsupport',
        UNSUPPORT,
        { id: proposal },
        `${client.id} ${proposal}`,
        'absent',
      ];
    else {
      const choice = CHOICES[Math.floor(rnd() * 3)];
      [kind, query, variables, key, outcome] = [
        'castVote',
        VOTE,
        { id: motionId, choice },
        client.id,
        choice,
      ];
    }
    const states = kind === 'castVote' ? voteStates : supportStates;
    if (!states.has(key)) states.set(key, new Set([kind === 'castVote' ? 'none' : 'absent']));
    stats.sent += 1;
    stats.byKind[kind] ??= { sent: 0, acked: 0 };
    stats.byKind[kind].sent += 1;
    let verdict;
    try {
      const { status, body } = await gql(query, variables, client.token);
      const code = body.errors?.[0]?.extensions?.code;
      if (status === 200 && !body.errors) verdict = 'acked';
      else if (code && code !== 'INTERNAL_SERVER_ERROR') {
        verdict = 'refused';
        stats.refusedBy[code] = (stats.refusedBy[code] ?? 0) + 1;
      } else verdict = 'unknown';
    } catch {
      verdict = 'unknown'; // connection refused or reset: it may or may not have been committed
    }
    stats[verdict] += 1;
    if (verdict === 'acked') {
      stats.byKind[kind].acked += 1;
      states.set(key, new Set([outcome]));
    } else if (verdict === 'unknown') {
      states.get(key).add(outcome);
      await serverUp; // the server is down: wait for the restart
    }
  }
}

const report = { kills: [], recoveries: 0, checks: [] };
let loadMs = 0;
let exitCode = 0;
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; seed ${SEED} (replay: SEED=${SEED}); ${USERS} clients, ${KILLS} kills, ${PROPOSALS} proposals, supportLimit ${SUPPORT_LIMIT}, threshold ${THRESHOLD}`,
  );
  await startApi();
  const credentials = JSON.parse(readFileSync(`${dataDir}.credentials.json`, 'utf8'));
  const databaseUrl = `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${pgPort}/concerto`;
  let db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  // setup, in SQL: a proposals component with limits, its proposals, an open public motion
  const {
    rows: [processSpace],
  } = await db.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const settings = {
    supportsState: 'ENABLED',
    supportLimit: SUPPORT_LIMIT,
    threshold: THRESHOLD,
    canAccumulateSupportsBeyondThreshold: false,
    minimumSupportsPerUser: 0,
  };
  ({
    rows: [{ id: componentId }],
  } = await db.query(
    `INSERT INTO components (space_id, type, title, published_at, settings) VALUES ($1, 'PROPOSALS', 'Sûreté en cas de panne', now(), $2) RETURNING id`,
    [processSpace.id, settings],
  ));
  proposals = (
    await db.query(
      `INSERT INTO proposals (component_id, official, title, body, position_index, published_at)
       SELECT $1, true, 'Proposition de panne n° ' || g, '<p>Texte ' || g || '.</p>', g - 1, now() FROM generate_series(1, $2) g RETURNING id`,
      [componentId, PROPOSALS],
    )
  ).rows.map((r) => r.id);
  const {
    rows: [assembly],
  } = await db.query(
    `SELECT s.id, c.id AS component_id FROM participatory_spaces s JOIN components c ON c.space_id = s.id WHERE s.type = 'ASSEMBLY' AND c.type = 'MOTIONS' LIMIT 1`,
  );
  motionsComponentId = assembly.component_id;
  ({
    rows: [{ id: motionId }],
  } = await db.query(
    `INSERT INTO motions (component_id, title, body, opens_at, closes_at) VALUES ($1, 'Motion de panne', 'Votée pendant les pannes.', now() - interval '1 minute', now() + interval '1 day') RETURNING id`,
    [assembly.component_id],
  ));
  // members: registered through GraphQL (a few at a time: argon2id is costly on purpose)
  const started = Date.now();
  // sign-up accepts the current terms and privacy notice, read like the web app does
  const { body: terms } = await gql(`{ termsDocuments { kind version } }`, {});
  const versionOf = (kind) => terms.data.termsDocuments.find((d) => d.kind === kind).version;
  const accepted = {
    acceptedTermsVersion: versionOf('TERMS'),
    acceptedPrivacyVersion: versionOf('PRIVACY'),
  };
  clients = new Array(USERS);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < USERS) {
        const i = next++;
        const { body } = await gql(REGISTER, {
          input: {
            name: `Panne ${i}`,
            email: `panne-${i}@crash.test`,
            password: 'crash password 123',
            ...accepted,
          },
        });
        if (!body.data) throw new Error(`register: ${JSON.stringify(body.errors)}`);
        clients[i] = { token: body.data.register.token, id: body.data.register.user.id };
      }
    }),
  );
  await db.query(`INSERT INTO assembly_members (space_id, user_id) SELECT $1, unnest($2::uuid[])`, [
    assembly.id,
    clients.map((c) => c.id),
  ]);
  if (UNSAFE_ASYNC_COMMIT) {
    await db.query(`ALTER SYSTEM SET synchronous_commit = off`);
    await db.query(`ALTER SYSTEM SET wal_writer_delay = '2s'`);
    await db.query(`SELECT pg_reload_conf()`);
    console.log(
      'NEGATIVE CONTROL: synchronous_commit = off, wal_writer_delay = 2s — violations are expected',
    );
  }
  await db.end();
  console.log(
    `setup: ${USERS} members registered in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // load, with KILLS kills
  const load = clients.map((client, i) => runClient(client, i));
  for (let round = 1; round <= KILLS; round++) {
    const delay = Math.round(MIN_MS + random() * (MAX_MS - MIN_MS));
    const withPostgres = round % 2 === 1;
    const ackedBefore = stats.acked;
    await sleep(delay);
    loadMs += delay;
    serverUp = new Promise((resolve) => (markUp = resolve));
    const killed = await kill(withPostgres);
    const at = {
      round,
      afterMs: delay,
      ackedInRound: stats.acked - ackedBefore,
      mode: withPostgres ? 'API + PostgreSQL' : 'API only',
      processes: killed,
    };
    const t0 = Date.now();
    await startApi();
    at.restartMs = Date.now() - t0;
    report.kills.push(at);
    console.log(
      `kill ${round}: SIGKILL ${at.mode} (${killed} processes) after ${delay} ms and ${at.ackedInRound} acks; back up in ${at.restartMs} ms`,
    );
    markUp();
  }
  await sleep(MIN_MS); // some load after the last recovery too
  loadMs += MIN_MS;
  running = false;
  await Promise.all(load);

  // checks
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const check = (name, violations) => {
    report.checks.push({ name, violations });
    if (violations.length) exitCode = 1;
  };
  const supports = new Set(
    (
      await db.query(`SELECT user_id, proposal_id FROM proposal_supports WHERE component_id = $1`, [
        componentId,
      ])
    ).rows.map((r) => `${r.user_id} ${r.proposal_id}`),
  );
  check(
    'every acknowledged support / withdrawal is in the database (refused ones changed nothing)',
    [...supportStates]
      .filter(([key, allowed]) => !allowed.has(supports.has(key) ? 'present' : 'absent'))
      .map(
        ([key, allowed]) =>
          `${key}: ${supports.has(key) ? 'present' : 'absent'}, expected ${[...allowed].join(' or ')}`,
      ),
  );
  check(
    'no support the clients did not ask for',
    [...supports].filter((key) => !supportStates.has(key)),
  );
  const votes = new Map(
    (
      await db.query(
        `SELECT p.user_id, b.choice FROM motion_participations p LEFT JOIN motion_ballots b ON b.id = p.ballot_id WHERE p.motion_id = $1`,
        [motionId],
      )
    ).rows.map((r) => [r.user_id, r.choice ?? 'no ballot']),
  );
  check(
    'every acknowledged vote has its acknowledged choice',
    [...voteStates]
      .filter(([user, allowed]) => !allowed.has(votes.get(user) ?? 'none'))
      .map(
        ([user, allowed]) =>
          `${user}: ${votes.get(user) ?? 'none'}, expected ${[...allowed].join(' or ')}`,
      ),
  );
  check(
    'one support per (user, proposal)',
    (
      await db.query(
        `SELECT user_id, proposal_id, count(*)::int AS n FROM proposal_supports GROUP BY 1, 2 HAVING count(*) > 1`,
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  check(
    'one participation per (motion, user)',
    (
      await db.query(
        `SELECT motion_id, user_id, count(*)::int AS n FROM motion_participations GROUP BY 1, 2 HAVING count(*) > 1`,
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  check(
    'proposals.supports_count = counted support rows, every proposal',
    (
      await db.query(
        `SELECT p.id, p.supports_count, (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted) AS rows
           FROM proposals p WHERE p.supports_count <> (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted)`,
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  check(
    `per-user limit (${SUPPORT_LIMIT} supports in the component)`,
    (
      await db.query(
        `SELECT user_id, count(*)::int AS n FROM proposal_supports WHERE component_id = $1 GROUP BY 1 HAVING count(*) > $2`,
        [componentId, SUPPORT_LIMIT],
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  check(
    `threshold (${THRESHOLD} supports, no accumulation)`,
    (
      await db.query(
        `SELECT id, supports_count FROM proposals WHERE component_id = $1 AND supports_count > $2`,
        [componentId, THRESHOLD],
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  check(
    'participations and ballots pair up one to one',
    (
      await db.query(
        `SELECT 'participation without ballot' AS problem, id FROM motion_participations WHERE motion_id = $1 AND ballot_id IS NULL
         UNION ALL SELECT 'ballot without participation', b.id FROM motion_ballots b WHERE b.motion_id = $1 AND NOT EXISTS (SELECT 1 FROM motion_participations p WHERE p.ballot_id = b.id)`,
        [motionId],
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  const {
    rows: [sqlTally],
  } = await db.query(
    `SELECT coalesce(sum(weight) FILTER (WHERE choice = 'FOR'), 0)::float AS "forWeight", coalesce(sum(weight) FILTER (WHERE choice = 'AGAINST'), 0)::float AS "againstWeight",
            coalesce(sum(weight) FILTER (WHERE choice = 'ABSTAIN'), 0)::float AS "abstainWeight", count(*)::int AS "votersCount"
       FROM motion_ballots WHERE motion_id = $1`,
    [motionId],
  );
  const { body: motionsRead } = await gql(
    `query($c: ID!) { motions(componentId: $c) { id tally { forWeight againstWeight abstainWeight votersCount } } }`,
    { c: motionsComponentId },
  );
  const apiTally = motionsRead.data?.motions.find((m) => m.id === motionId)?.tally;
  check(
    'the motion tally the API reports = its ballot rows',
    JSON.stringify(apiTally) === JSON.stringify(sqlTally)
      ? []
      : [`API ${JSON.stringify(apiTally)} vs rows ${JSON.stringify(sqlTally)}`],
  );
  check(
    'every support and vote present has its action-log row (same transaction)',
    (
      await db.query(
        `SELECT 'support' AS kind, s.user_id, s.proposal_id AS resource FROM proposal_supports s
          WHERE s.component_id = $1 AND NOT EXISTS (SELECT 1 FROM action_logs l WHERE l.action = 'support' AND l.user_id = s.user_id AND l.resource_id = s.proposal_id::text)
         UNION ALL
         SELECT 'vote', p.user_id, p.motion_id FROM motion_participations p
          WHERE p.motion_id = $2 AND NOT EXISTS (SELECT 1 FROM action_logs l WHERE l.action = 'vote' AND l.user_id = p.user_id AND l.resource_id = p.motion_id::text)`,
        [componentId, motionId],
      )
    ).rows.map((r) => JSON.stringify(r)),
  );
  // a process kill leaves the OS page cache intact, so it cannot catch settings that only an OS
  // crash or power loss would punish: check them directly
  const settingsNow = Object.fromEntries(
    (
      await db.query(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')`,
      )
    ).rows.map((r) => [r.name, r.setting]),
  );
  check(
    `PostgreSQL durable settings (${Object.entries(settingsNow)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')})`,
    [
      ...(settingsNow.fsync !== 'on' ? ['fsync is off: a power loss can corrupt the cluster'] : []),
      ...(settingsNow.synchronous_commit === 'off'
        ? ['synchronous_commit is off: acknowledged commits can be lost']
        : []),
      ...(settingsNow.full_page_writes !== 'on'
        ? ['full_page_writes is off: torn pages after a power loss']
        : []),
    ],
  );
  const {
    rows: [totals],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM proposal_supports WHERE component_id = $1) AS supports, (SELECT count(*)::int FROM motion_participations WHERE motion_id = $2) AS votes`,
    [componentId, motionId],
  );
  await db.end();
  report.recoveries = (
    readFileSync(`${dataDir}.log`, 'utf8').match(/automatic recovery in progress/g) ?? []
  ).length;

  console.log('\n=== crash safety report ===');
  console.log(
    `seed ${SEED}; requests sent ${stats.sent}, acknowledged ${stats.acked}, refused ${stats.refused} ${JSON.stringify(stats.refusedBy)}, unknown (connection lost) ${stats.unknown}`,
  );
  for (const [kind, s] of Object.entries(stats.byKind))
    console.log(`  ${kind.padEnd(10)} sent ${s.sent}, acknowledged ${s.acked}`);
  console.log(
    `load ${(loadMs / 1000).toFixed(1)} s between kills: ${(stats.acked / (loadMs / 1000)).toFixed(0)} acknowledged mutations/s`,
  );
  console.log(
    `kills ${report.kills.length} (${report.kills.map((k) => k.mode).join(', ')}); PostgreSQL crash recoveries seen in its log: ${report.recoveries}`,
  );
  console.log(
    `database after the last restart: ${totals.supports} supports, ${totals.votes} votes`,
  );
  const failed = report.checks.filter((c) => c.violations.length);
  for (const c of report.checks) {
    console.log(
      `${c.violations.length ? 'FAIL' : 'ok  '} ${c.name}${c.violations.length ? ` — ${c.violations.length} violations` : ''}`,
    );
    for (const v of c.violations.slice(0, 5)) console.log(`       ${v}`);
  }
  console.log(`checks: ${report.checks.length - failed.length} passed, ${failed.length} failed`);
  if (stats.acked === 0) {
    console.log('no request was acknowledged: nothing was tested');
    exitCode = 2;
  }
} catch (error) {
  console.error(`crash-safety run failed: ${error.stack ?? error}`);
  console.error(`logs kept in ${work}`);
  exitCode = 2;
} finally {
  running = false;
  markUp();
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGINT'); // the API stops its embedded PostgreSQL
    await Promise.race([exited, sleep(30_000)]);
  }
  // whatever is left (a failed start): stop the cluster, whose owner is gone by now
  if (existsSync(join(dataDir, 'PG_VERSION')))
    await new EmbeddedPostgres({ dataDir, port: 0 }).stopIfOwnerGone().catch(() => undefined);
  if (exitCode !== 2) rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
