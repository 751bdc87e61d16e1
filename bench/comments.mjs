// Benchmark: addComment through the whole GraphQL stack on a proposal that already holds EXISTING
// comments, CLIENTS participants commenting at once, ROUNDS times each; SQL round trips per
// request counted in the API process; baseline in the same run: `{ me { id } }` at the same
// concurrency. Checks that every comment was stored and the proposal's counter matches.
//   npm run build && node bench/comments.mjs     (env CLIENTS, ROUNDS, EXISTING)
import { readFileSync } from 'node:fs';
import {
  concurrentPhase,
  machine,
  phaseRow,
  queryCounter,
  registerClients,
  seedProposals,
  startBenchServer,
} from './bench-server.mjs';

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const EXISTING = Number(process.env.EXISTING ?? 1000);
const ADD = `mutation($i: AddCommentInput!) { addComment(input: $i) { id body authorName createdAt } }`;

const counter = queryCounter();
const server = await startBenchServer({ ...counter.env, LOG_FORMAT: 'json' });

const phase = (clients, fn) => concurrentPhase(server, counter, clients, ROUNDS, fn);
const row = (label, r) => console.log(phaseRow(label, r));

try {
  console.log(
    `machine: ${await machine()}; load average at the start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`,
  );
  console.log(
    `date: ${new Date().toISOString()}; ${CLIENTS} clients × ${ROUNDS} comments on one proposal holding ${EXISTING} comments`,
  );
  const componentId = await seedProposals(server.pool, 1);
  const {
    rows: [proposal],
  } = await server.pool.query(
    `SELECT p.id, c.space_id FROM proposals p JOIN components c ON c.id = p.component_id WHERE p.component_id = $1`,
    [componentId],
  );
  const clients = await registerClients(server, CLIENTS, (i) => `Commentateur ${i}`);
  // the existing comments, written directly (one INSERT), and the proposal's counter with them
  await server.pool.query(
    `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, depth, body, alignment)
     SELECT 'PROPOSAL', $1, $2, $3, 0, '<p>Commentaire existant ' || g || '.</p>', 'NEUTRAL' FROM generate_series(1, $4) g`,
    [proposal.id, proposal.space_id, clients[0].id, EXISTING],
  );
  await server.pool.query(
    `UPDATE proposals SET comments_count = comments_count + $2 WHERE id = $1`,
    [proposal.id, EXISTING],
  );
  await phase(clients.slice(0, 5), (c) => server.gql(`{ me { id } }`, {}, c.token)); // warm-up

  console.log(
    '\n| request, all clients at once | requests/s | p50 ms | p99 ms | SQL round trips per request | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  row(
    'baseline: `{ me { id } }`',
    await phase(clients, (c) => server.gql(`{ me { id } }`, {}, c.token)),
  );
  row(
    `addComment (thread of ${EXISTING}+)`,
    await phase(clients, (c, r) =>
      server.gql(
        ADD,
        {
          i: {
            commentableType: 'PROPOSAL',
            commentableId: proposal.id,
            body: `Avis ${r} de ${c.id}.`,
          },
        },
        c.token,
      ),
    ),
  );
  const {
    rows: [check],
  } = await server.pool.query(
    `SELECT (SELECT count(*)::int FROM comments WHERE commentable_id = $1) AS stored, (SELECT comments_count FROM proposals WHERE id = $1) AS counter`,
    [proposal.id],
  );
  const expected = EXISTING + CLIENTS * ROUNDS;
  console.log(
    `\ncheck: ${check.stored} comments stored, counter ${check.counter} (expected ${expected} each)`,
  );
  if (check.stored !== expected || check.counter !== expected) process.exitCode = 1;
} finally {
  await server.stop();
}
