// Benchmark: the requests the web's proposal list sends, exactly as it sends them (the
// `Proposals` document is read from apps/web/src/modules/proposals/graphql/proposals.ts),
// through the whole GraphQL stack, at 1k and 10k proposals: first and second page of the
// session's RANDOM order, "Mélanger" (no seed), the four other orders, a French search, and
// `ProposalComponent` (settings + remaining supports). Baseline in the same run: the list's
// previous document (RANDOM, no filter, fewer fields). The state filter matches 1 % of the
// component (every hundredth proposal is answered ACCEPTED). SIZES=1000,10000,100000 for 100k.
//   npm run build && node bench/proposals-web-list.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, ROOT, seedProposals, startBenchServer, timeIt } from './bench-server.mjs';

const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 30);

/** The web's document: the PROPOSALS_QUERY template with its field list substituted. */
function webDocument(name) {
  const source = readFileSync(
    join(ROOT, 'apps/web/src/modules/proposals/graphql/proposals.ts'),
    'utf8',
  );
  const fields = /const PROPOSAL_SUMMARY_FIELDS = `([^`]*)`/.exec(source)[1];
  const settings = /const SETTINGS_FIELDS = `([^`]*)`/.exec(source)[1];
  const template = new RegExp(`export const ${name}:[^=]*= gql\`([^\`]*)\``).exec(source)[1];
  return template
    .replace('${PROPOSAL_SUMMARY_FIELDS}', fields)
    .replace('${SETTINGS_FIELDS}', settings);
}
const PROPOSALS = webDocument('PROPOSALS_QUERY');
const COMPONENT = webDocument('PROPOSAL_COMPONENT_QUERY');
/** The list's document before this feature (baseline). */
const BASELINE = `query Proposals($componentId: ID!, $seed: String, $first: Int, $after: String) {
  proposals(componentId: $componentId, seed: $seed, first: $first, after: $after) {
    totalCount seed pageInfo { endCursor hasNextPage }
    edges { cursor node { id reference title body state official author { id name } } }
  } }`;

/** The position indexes of a component's published, visible ACCEPTED proposals: what a filtered RANDOM page reads first. */
const STATE_MATCHES = `SELECT p.position_index FROM proposals p WHERE p.component_id = $1 AND p.hidden_at IS NULL AND p.withdrawn_at IS NULL
  AND (CASE WHEN p.withdrawn_at IS NOT NULL THEN 'WITHDRAWN' WHEN p.state_published_at IS NOT NULL THEN p.state ELSE 'NOT_ANSWERED' END) = ANY($2::text[])`;
const server = await startBenchServer();
const rows = [];
try {
  console.log(`machine: ${await machine()}`);
  console.log(`date: ${new Date().toISOString()}, runs per figure: ${RUNS}`);
  for (const n of SIZES) {
    const componentId = await seedProposals(server.pool, n);
    const vars = (order, extra = {}) => ({
      componentId,
      order,
      seed: order === 'RANDOM' ? 'bench' : null,
      first: 20,
      filter: {},
      ...extra,
    });
    const ok = async (query, variables) => {
      const res = await server.gql(query, variables);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const first = await ok(PROPOSALS, vars('RANDOM'));
    await ok(BASELINE, { componentId, seed: 'bench', first: 20 });
    const after = first.proposals.pageInfo.endCursor;
    const cases = [
      [
        'baseline: previous list document, RANDOM p.1',
        (i) => ok(BASELINE, { componentId, seed: `s${i}`, first: 20 }),
      ],
      ['RANDOM p.1 (session seed)', (i) => ok(PROPOSALS, vars('RANDOM', { seed: `s${i}` }))],
      ['RANDOM p.2 (cursor)', () => ok(PROPOSALS, vars('RANDOM', { after }))],
      ['Mélanger (no seed)', () => ok(PROPOSALS, vars('RANDOM', { seed: null }))],
      ['RECENT p.1', () => ok(PROPOSALS, vars('RECENT'))],
      ['MOST_SUPPORTED p.1', () => ok(PROPOSALS, vars('MOST_SUPPORTED'))],
      ['MOST_COMMENTED p.1', () => ok(PROPOSALS, vars('MOST_COMMENTED'))],
      ['MOST_FOLLOWED p.1', () => ok(PROPOSALS, vars('MOST_FOLLOWED'))],
      [
        'RANDOM + search "proposition 42"',
        (i) =>
          ok(PROPOSALS, vars('RANDOM', { seed: `s${i}`, filter: { search: 'proposition 42' } })),
      ],
      [
        'RANDOM + state ACCEPTED',
        (i) => ok(PROPOSALS, vars('RANDOM', { seed: `s${i}`, filter: { states: ['ACCEPTED'] } })),
      ],
      ['ProposalComponent', () => ok(COMPONENT, { componentId })],
      // what totalCount costs in SQL alone: the count(*) it used to run, and the kept counts it reads now
      [
        'SQL: totalCount as count(*) (before)',
        () =>
          server.pool.query(
            `SELECT count(*) FROM proposals p WHERE p.component_id = $1 AND p.hidden_at IS NULL AND p.withdrawn_at IS NULL`,
            [componentId],
          ),
      ],
      [
        'SQL: totalCount from proposal_counts (now)',
        () =>
          server.pool.query(
            `SELECT coalesce(sum(n), 0) FROM proposal_counts WHERE component_id = $1 AND NOT hidden AND visible_state <> 'WITHDRAWN'`,
            [componentId],
          ),
      ],
      // what the state filter's matches cost in SQL: with proposals_visible_state_idx (now), and
      // without it (before: the same query in a transaction that drops the index, rolled back)
      [
        'SQL: state filter matches, with the index (now)',
        () => server.pool.query(STATE_MATCHES, [componentId, ['ACCEPTED']]),
      ],
      [
        'SQL: state filter matches, without the index (before)',
        async () => {
          const client = await server.pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('DROP INDEX proposals_visible_state_idx');
            await client.query(STATE_MATCHES, [componentId, ['ACCEPTED']]);
          } finally {
            await client.query('ROLLBACK');
            client.release();
          }
        },
      ],
    ];
    // a selective filter (about 1 % of the component): proposals answered ACCEPTED and published
    await server.pool.query(
      `UPDATE proposals SET state = 'ACCEPTED', state_published_at = now(), answered_at = now() WHERE component_id = $1 AND position_index % 100 = 7`,
      [componentId],
    );
    await server.pool.query(`ANALYZE proposals`); // statistics as a live database has them (autovacuum)
    for (const [label, fn] of cases) {
      await fn(0); // warm up
      rows.push({ n, label, ...(await timeIt(RUNS, fn)) });
    }
    const [size] = (
      await server.pool.query(
        `SELECT pg_total_relation_size('proposals') AS proposals, pg_database_size(current_database()) AS db`,
      )
    ).rows;
    console.log(
      `n=${n} done: proposals table with indexes ${(size.proposals / 2 ** 20).toFixed(1)} MiB, database ${(size.db / 2 ** 20).toFixed(1)} MiB`,
    );
  }
} finally {
  await server.stop();
}

const f = (x) => x.toFixed(2);
console.log('\nmedian / p95 in ms, whole HTTP GraphQL request, anonymous caller');
console.log(
  `\n| request | ${SIZES.map((n) => `${n.toLocaleString('en')} proposals`).join(' | ')} |`,
);
console.log(`|---|${SIZES.map(() => '---:').join('|')}|`);
for (const label of [...new Set(rows.map((r) => r.label))]) {
  const cells = SIZES.map((n) => rows.find((r) => r.n === n && r.label === label)).map(
    (r) => `${f(r.median)} / ${f(r.p95)}`,
  );
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
