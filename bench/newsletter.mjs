// Benchmark: a newsletter to N opted-in members (default 100,000) through a local SMTP sink
// (smtp-server, counting Message-IDs): mails/s and the sending process's memory; then a second
// newsletter whose sending API process is killed (SIGKILL) mid-way and restarted: duplicates
// and missing recipients, counted by the sink.
//   npm run build && node bench/newsletter.mjs   (env N, KILL_AT = share sent before the kill,
//   ONLY=throughput or ONLY=kill to run one part)
import { createRequire } from 'node:module';
import { machine, rssOf, startApiProcess, startBenchServer } from './bench-server.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const N = Number(process.env.N ?? 100_000);
const KILL_AT = Number(process.env.KILL_AT ?? 0.4);
/** `kill` runs only the SIGKILL-and-resume part, `throughput` only the first. */
const ONLY = process.env.ONLY ?? '';
const LEASE = '5';

/** The sink: accepts every mail, reads its Message-ID from the headers, counts receptions per id. */
const received = new Map();
let receptions = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.slice(0, text.search(/\r?\n\r?\n/));
      const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '(none)';
      received.set(id, (received.get(id) ?? 0) + 1);
      receptions += 1;
      callback();
    });
  },
});
await new Promise((r) => sink.listen(0, '127.0.0.1', r));
const SMTP_URL = `smtp://127.0.0.1:${sink.server.address().port}`;
const workerEnv = {
  SMTP_URL,
  NEWSLETTER_WORKER: 'true',
  NEWSLETTER_LEASE_SECONDS: LEASE,
  DEMO_CONTENT: 'false',
  ADMIN_EMAIL: 'admin@bench.test',
};

// the main process serves GraphQL only; the sending happens in worker processes we can kill
const main = await startBenchServer({
  SMTP_URL,
  NEWSLETTER_WORKER: 'false',
  DEMO_CONTENT: 'false',
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function progress(id) {
  const { rows } = await main.pool.query(
    `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS pending,
            count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM newsletter_deliveries WHERE newsletter_id = $1`,
    [id],
  );
  return rows[0];
}

/** Distinct Message-IDs of one newsletter received, and extra copies. */
function tally(id) {
  let distinct = 0;
  let duplicates = 0;
  for (const [messageId, n] of received) {
    if (!messageId.startsWith(`<newsletter.${id}.`)) continue;
    distinct += 1;
    duplicates += n - 1;
  }
  return { distinct, duplicates, missing: N - distinct };
}

try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; N = ${N}; lease ${LEASE} s; batch 100; one pooled SMTP connection per worker`,
  );
  const t0 = Date.now();
  await main.pool.query(
    `INSERT INTO users (name, email, password_hash, email_confirmed_at)
     SELECT 'Membre ' || g, 'nl-' || g || '@bench.test', 'x', now() FROM generate_series(1, $1) g`,
    [N],
  );
  await main.pool.query(
    `INSERT INTO newsletter_subscriptions (user_id, subscribed) SELECT id, true FROM users WHERE email LIKE 'nl-%@bench.test'`,
  );
  await main.pool.query('ANALYZE');
  console.log(`seeded ${N} opted-in members in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const login = await main.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
    i: { email: 'admin@bench.test', password: 'bench-admin-password' },
  });
  const admin = login.data.login.token;
  const compose = async (subject) => {
    const r = await main.gql(
      `mutation($i: NewsletterInput!) { createNewsletter(input: $i) { id } }`,
      {
        i: {
          subject,
          body: '<p>Les nouvelles de la filière santé numérique.</p>',
          blocks: ['OPEN_PROCESSES'],
        },
      },
      admin,
    );
    return r.data.createNewsletter.id;
  };
  const send = async (id) => {
    const t = Date.now();
    const r = await main.gql(
      `mutation($id: ID!) { sendNewsletter(id: $id) { progress { total } } }`,
      { id },
      admin,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return { total: r.data.sendNewsletter.progress.total, ms: Date.now() - t };
  };

  console.log(
    `\n| run | recipients | « envoyer » (snapshot) ms | send time s | mails/s | worker RSS idle → peak MiB | SENT | FAILED | received distinct | duplicates | missing |`,
  );
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);

  if (ONLY !== 'kill') {
    // ── run 1: throughput ──
    const w1 = await startApiProcess(main.databaseUrl, workerEnv);
    const idleRss = await rssOf(w1.pid);
    const first = await compose('Lettre de banc d’essai n° 1');
    const queued = await send(first);
    const start = Date.now();
    let peak = idleRss;
    for (;;) {
      peak = Math.max(peak, await rssOf(w1.pid));
      const p = await progress(first);
      if (p.pending === 0) break;
      await sleep(500);
    }
    const seconds = (Date.now() - start) / 1000;
    const one = tally(first);
    const p1 = await progress(first);
    await w1.stop();
    console.log(
      `| throughput | ${queued.total} | ${queued.ms} | ${seconds.toFixed(1)} | ${(N / seconds).toFixed(0)} | ${(idleRss / 2 ** 20).toFixed(0)} → ${(peak / 2 ** 20).toFixed(0)} | ${p1.sent} | ${p1.failed} | ${one.distinct} | ${one.duplicates} | ${one.missing} |`,
    );
    if (one.duplicates || one.missing) process.exitCode = 1;
  }

  if (ONLY !== 'throughput') {
    // ── run 2: SIGKILL mid-way, restart ──
    const second = await compose('Lettre de banc d’essai n° 2');
    let w2 = await startApiProcess(main.databaseUrl, workerEnv);
    const queued2 = await send(second);
    const start2 = Date.now();
    for (;;) {
      const p = await progress(second);
      if (p.sent >= Math.floor(N * KILL_AT) + 37) break; // not on a batch boundary: the kill lands inside a claimed batch
      await sleep(20);
    }
    process.kill(w2.pid, 'SIGKILL');
    await sleep(200);
    const atKill = await progress(second);
    const receivedAtKill = tally(second).distinct;
    const { rows: leased } = await main.pool.query(
      `SELECT count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1 AND status = 'SENDING'`,
      [second],
    );
    const restartAt = Date.now();
    w2 = await startApiProcess(main.databaseUrl, workerEnv);
    for (;;) {
      const p = await progress(second);
      if (p.pending === 0) break;
      await sleep(500);
    }
    const two = tally(second);
    const p2 = await progress(second);
    await w2.stop();
    console.log(
      `| SIGKILL after ${atKill.sent} recorded SENT (${receivedAtKill} received), ${leased[0].n} rows leased; restart | ${queued2.total} | ${queued2.ms} | ${((Date.now() - start2) / 1000).toFixed(1)} (resume ${((Date.now() - restartAt) / 1000).toFixed(1)}) | — | — | ${p2.sent} | ${p2.failed} | ${two.distinct} | ${two.duplicates} | ${two.missing} |`,
    );
    console.log(
      `\nduplicates (run 2): ${two.duplicates} (must be 0)\nmissing (run 2): ${two.missing} (must be 0)\nsink receptions in all: ${receptions}`,
    );
    if (two.duplicates || two.missing) process.exitCode = 1;
  }
} finally {
  await main.stop();
  await new Promise((r) => sink.close(r));
}
