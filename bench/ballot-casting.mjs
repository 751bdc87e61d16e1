// Benchmark: VOTERS members casting a RANKED ballot (10 options, full rankings, secret with
// receipts) within WINDOW_MS through the whole GraphQL stack (requests started evenly over the
// window, open loop), beside, in the same run and at the same pace, the cheapest authenticated
// query (`me`). Checks the count is exact: participations = envelopes = turnout read = VOTERS.
//   npm run build && node bench/ballot-casting.mjs      (env VOTERS, WINDOW_MS)
import { currentTerms, machine, percentile, startBenchServer } from './bench-server.mjs';

const VOTERS = Number(process.env.VOTERS ?? 1000);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 1000);
const OPTIONS = 10;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const CAST = `mutation($b: ID!, $a: [BallotAnswerInput!]!) { castBallot(ballotId: $b, answers: $a) { receiptCode } }`;

/** Throws on GraphQL errors; returns `data`. */
const check = (res) => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};

/** Starts `fn(client, i)` for every client, the i-th at i × WINDOW_MS / n (open loop). Completions/s, p50/p99 ms, errors. */
async function paced(clients, fn) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (client, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * WINDOW_MS) / clients.length));
      const t0 = process.hrtime.bigint();
      const res = await fn(client, i);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.errors) {
        errors++;
        firstError ??= res.errors[0]?.extensions?.code ?? res.errors[0]?.message;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    seconds,
    errors,
    firstError,
    perSecond: clients.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** A deterministic full ranking of the options for voter i (a rotation, then a swap). */
function ranking(optionIds, i) {
  const r = optionIds.map((_, k) => optionIds[(k + i) % optionIds.length]);
  if (i % 3 === 0) [r[0], r[1]] = [r[1], r[0]];
  return r;
}

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  const terms = await currentTerms(server.gql);
  console.log(
    `date: ${new Date().toISOString()}; ${VOTERS} voters, one RANKED question of ${OPTIONS} options, requests started evenly over ${WINDOW_MS} ms`,
  );
  const admin = check(
    await server.gql(LOGIN, {
      input: { email: 'admin@bench.test', password: 'bench-admin-password' },
    }),
  ).login.token;

  // voters: registered 8 at a time (password hashing is the slow part)
  const clients = [];
  for (let i = 0; i < VOTERS; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, VOTERS - i) }, (_, k) =>
        server.gql(REGISTER, {
          input: {
            name: `Votant ${i + k}`,
            email: `votant-${i + k}@bench.test`,
            password: 'bench password 123',
            ...terms,
          },
        }),
      ),
    );
    for (const res of batch)
      clients.push({ token: check(res).register.token, id: res.data.register.user.id });
  }

  // an open secret ballot with receipts (census: all members) in a new VOTES component of the demo Concertation
  const {
    rows: [space],
  } = await server.pool.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const componentId = check(
    await server.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: { spaceId: space.id, type: 'VOTES', title: 'Votations (banc d’essai)', published: true },
      },
      admin,
    ),
  ).createComponent.id;
  const ballot = check(
    await server.gql(
      `mutation($i: CreateBallotInput!) { createBallot(input: $i) { id questions { id options { id } } } }`,
      {
        i: {
          componentId,
          title: 'Classement de dix chantiers',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 3600_000).toISOString(),
          secret: true,
          receiptsEnabled: true,
          census: { kind: 'ALL_MEMBERS' },
          questions: [
            {
              title: 'Classez les chantiers',
              method: 'RANKED',
              options: Array.from({ length: OPTIONS }, (_, k) => ({ title: `Chantier ${k + 1}` })),
            },
          ],
        },
      },
      admin,
    ),
  ).createBallot;
  const question = ballot.questions[0];
  const optionIds = question.options.map((o) => o.id);

  const me = await paced(clients, (c) => server.gql(`{ me { id } }`, {}, c.token));
  const cast = await paced(clients, (c, i) =>
    server.gql(
      CAST,
      {
        b: ballot.id,
        a: [{ questionId: question.id, choice: { ranking: ranking(optionIds, i) } }],
      },
      c.token,
    ),
  );

  const {
    rows: [counted],
  } = await server.pool.query(
    `SELECT (SELECT count(*)::int FROM ballot_participations WHERE ballot_id = $1) AS participations, (SELECT count(*)::int FROM ballot_envelopes WHERE ballot_id = $1) AS envelopes,
            (SELECT count(DISTINCT receipt_code)::int FROM ballot_envelopes WHERE ballot_id = $1) AS receipts`,
    [ballot.id],
  );
  const read = check(
    await server.gql(`query($id: ID!) { ballot(id: $id) { turnout { voters } } }`, {
      id: ballot.id,
    }),
  ).ballot;

  const row = (label, r) =>
    `| ${label} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.errors}${r.firstError ? ` (${r.firstError})` : ''} |`;
  console.log(
    `\n| ${VOTERS} requests started within ${WINDOW_MS} ms | completed/s | p50 ms | p99 ms | last answer after s | errors |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(row('baseline: `{ me { id } }`', me));
  console.log(row(`\`castBallot\` (RANKED, ${OPTIONS} options, secret + receipt)`, cast));
  console.log(
    `\ncheck: ${counted.participations} participations, ${counted.envelopes} envelopes, ${counted.receipts} distinct receipts, API turnout ${read.turnout.voters} (expected ${VOTERS} each)`,
  );
  console.log(
    `ratio: castBallot ÷ me ${(cast.perSecond / me.perSecond).toFixed(2)} (completed/s), p99 ${(cast.p99 / me.p99).toFixed(2)}×`,
  );
  if (
    counted.participations !== VOTERS ||
    counted.envelopes !== VOTERS ||
    counted.receipts !== VOTERS ||
    read.turnout.voters !== VOTERS
  )
    process.exitCode = 1;
} finally {
  await server.stop();
}
