// Benchmark: MEMBERS members signing one petition within WINDOW_MS (1 s) through the whole
// GraphQL stack (requests started evenly over the window, open loop), beside, in the same run
// and at the same pace, the cheapest authenticated query (`me`) and `supportProposal` (each
// member supporting one proposal). Checks the count is exact: rows = signatures_count = MEMBERS.
//   npm run build && node bench/petition-signatures.mjs      (env MEMBERS, WINDOW_MS)
import {
  currentTerms,
  machine,
  percentile,
  seedProposals,
  startBenchServer,
} from './bench-server.mjs';

const MEMBERS = Number(process.env.MEMBERS ?? 1000);
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 1000);
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const SIGN = `mutation($p: ID!) { signPetition(petitionId: $p) { signaturesCount } }`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { supportsCount } }`;

/** Throws on GraphQL errors; returns `data`. */
const check = (res) => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};

/**
 * Starts `fn(client, i)` for every client, the i-th at i × WINDOW_MS / n (open loop: a slow answer
 * does not delay the next request). Returns completions per second (n ÷ time until the last
 * answer), p50/p99 latency in ms, and the error count.
 */
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

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  const terms = await currentTerms(server.gql);
  console.log(
    `date: ${new Date().toISOString()}; ${MEMBERS} members, requests started evenly over ${WINDOW_MS} ms`,
  );
  const admin = check(
    await server.gql(LOGIN, {
      input: { email: 'admin@bench.test', password: 'bench-admin-password' },
    }),
  ).login.token;

  // members: registered 8 at a time (password hashing is the slow part)
  const clients = [];
  for (let i = 0; i < MEMBERS; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, MEMBERS - i) }, (_, k) =>
        server.gql(REGISTER, {
          input: {
            name: `Signataire ${i + k}`,
            email: `signataire-${i + k}@bench.test`,
            password: 'bench password 123',
            ...terms,
          },
        }),
      ),
    );
    for (const res of batch)
      clients.push({ token: check(res).register.token, id: res.data.register.user.id });
  }

  // a published petition (threshold MEMBERS, 30 days) in a new PETITIONS component of the demo Concertation
  const {
    rows: [space],
  } = await server.pool.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const componentId = check(
    await server.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: {
          spaceId: space.id,
          type: 'PETITIONS',
          title: 'Pétitions (banc d’essai)',
          published: true,
        },
      },
      admin,
    ),
  ).createComponent.id;
  const typeId = check(
    await server.gql(
      `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id } }`,
      { i: { componentId, title: 'Banc d’essai', threshold: MEMBERS, periodDays: 30 } },
      admin,
    ),
  ).createPetitionType.id;
  const author = await server.gql(REGISTER, {
    input: {
      name: 'Autrice',
      email: 'autrice@bench.test',
      password: 'bench password 123',
      ...terms,
    },
  });
  const authorToken = check(author).register.token;
  const petitionId = check(
    await server.gql(
      `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { id } }`,
      {
        i: {
          typeId,
          title: 'Organiser une journée de la filière',
          body: '<p>Réunir les acteurs.</p>',
        },
      },
      authorToken,
    ),
  ).createPetition.id;
  check(
    await server.gql(
      `mutation($id: ID!) { submitPetition(id: $id) { id } }`,
      { id: petitionId },
      authorToken,
    ),
  );
  check(
    await server.gql(
      `mutation($id: ID!) { publishPetition(id: $id) { id } }`,
      { id: petitionId },
      admin,
    ),
  );

  // proposals to support: one per member, no support limit
  const proposalsComponent = await seedProposals(server.pool, MEMBERS);
  const { rows: proposals } = await server.pool.query(
    `SELECT id FROM proposals WHERE component_id = $1 ORDER BY position_index`,
    [proposalsComponent],
  );

  const me = await paced(clients, (c) => server.gql(`{ me { id } }`, {}, c.token));
  const sign = await paced(clients, (c) => server.gql(SIGN, { p: petitionId }, c.token));
  const support = await paced(clients, (c, i) =>
    server.gql(SUPPORT, { id: proposals[i].id }, c.token),
  );

  const {
    rows: [counted],
  } = await server.pool.query(
    `SELECT (SELECT count(*)::int FROM petition_signatures WHERE petition_id = $1) AS rows, (SELECT signatures_count FROM petitions WHERE id = $1) AS stored,
            (SELECT count(*)::int FROM petition_milestones WHERE petition_id = $1) AS milestones,
            (SELECT count(*)::int FROM proposals p WHERE p.component_id = $2 AND p.supports_count <> (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted)) AS drifted`,
    [petitionId, proposalsComponent],
  );
  const read = check(
    await server.gql(`query($id: ID!) { petition(id: $id) { signaturesCount state } }`, {
      id: petitionId,
    }),
  ).petition;

  const row = (label, r) =>
    `| ${label} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.errors}${r.firstError ? ` (${r.firstError})` : ''} |`;
  console.log(
    `\n| ${MEMBERS} requests started within ${WINDOW_MS} ms | completed/s | p50 ms | p99 ms | last answer after s | errors |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(row('baseline: `{ me { id } }`', me));
  console.log(row('`signPetition` (one petition)', sign));
  console.log(row('`supportProposal` (one proposal each)', support));
  console.log(
    `\ncheck: ${counted.rows} signature rows, signatures_count ${counted.stored}, API reads ${read.signaturesCount} (expected ${MEMBERS} each); milestones ${counted.milestones} (expected 4); proposals with drift ${counted.drifted}`,
  );
  console.log(
    `ratios: signPetition ÷ me ${(sign.perSecond / me.perSecond).toFixed(2)}, supportProposal ÷ me ${(support.perSecond / me.perSecond).toFixed(2)}`,
  );
  if (
    counted.rows !== MEMBERS ||
    counted.stored !== MEMBERS ||
    read.signaturesCount !== MEMBERS ||
    counted.drifted !== 0
  )
    process.exitCode = 1;
} finally {
  await server.stop();
}
