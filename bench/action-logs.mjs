// Benchmark: a page of the journal (`actionLogs`, 50 lines, newest first) through the whole
// GraphQL stack at ROWS action_logs lines (default 1,000,000), without a filter and with each
// filter (among them a small space and a rare actor, whose lines are spread over the whole
// table), first page and a deep page (after 20 pages, by keyset cursor) — with the indexes of
// migration 1764520000000, then, on the same database, without them (baseline).
//   npm run build && node bench/action-logs.mjs
import { machine, startBenchServer, timeIt } from './bench-server.mjs';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 20);
const SPACES = 50;
const USERS = 200;
const PAGE = `query($filter: ActionLogFilterInput, $after: String) { actionLogs(filter: $filter, first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { id action summary actor { name } } } }`;

const server = await startBenchServer({ DEMO_CONTENT: 'false' });
const pool = server.pool;
try {
  console.log(`machine: ${await machine()}`);
  console.log(`date: ${new Date().toISOString()}, rows: ${ROWS}, runs per figure: ${RUNS}`);
  const login = await server.gql(
    `mutation { login(input: { email: "admin@bench.test", password: "bench-admin-password" }) { token } }`,
  );
  const token = login.data.login.token;

  // spaces, users, then ROWS lines spread over them (resource ids from a pool of 100k resources)
  await pool.query(
    `INSERT INTO participatory_spaces (slug, type, title) SELECT 'banc-' || g, 'PROCESS', 'Espace de banc d''essai ' || g FROM generate_series(1, $1) g`,
    [SPACES],
  );
  await pool.query(
    `INSERT INTO users (name, email, password_hash) SELECT 'Personne ' || g, 'banc-' || g || '@bench.test', 'x' FROM generate_series(1, $1) g`,
    [USERS],
  );
  // a small space (100 lines) and a rare actor (50 lines), spread over the whole table: selective filters
  const {
    rows: [rareSpace],
  } = await pool.query(
    `INSERT INTO participatory_spaces (slug, type, title) VALUES ('petit-espace', 'PROCESS', 'Petit espace') RETURNING id`,
  );
  const {
    rows: [rareUser],
  } = await pool.query(
    `INSERT INTO users (name, email, password_hash) VALUES ('Personne rare', 'rare@bench.test', 'x') RETURNING id`,
  );
  const t0 = Date.now();
  await pool.query(
    `WITH s AS (SELECT array_agg(id ORDER BY slug) AS ids FROM participatory_spaces WHERE slug LIKE 'banc-%'),
          u AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE 'banc-%')
     INSERT INTO action_logs (user_id, action, resource_type, resource_id, space_id, visibility, summary, created_at)
     SELECT CASE WHEN g % 20000 = 7 THEN $5::uuid ELSE u.ids[1 + (g * 7919) % $2] END,
            (ARRAY['create','update','support','answer','hide','vote','delete'])[1 + g % 7],
            (ARRAY['proposal','comment','amendment','motion','survey'])[1 + (g / 7) % 5],
            'r' || ((g * 104729) % 100000),
            CASE WHEN g % 10000 = 3 THEN $4::uuid ELSE s.ids[1 + (g * 31) % $3] END,
            (ARRAY['PUBLIC','ADMIN_ONLY','PRIVATE'])[1 + g % 3],
            'Ligne de banc d''essai ' || g,
            now() - (($1 - g) || ' seconds')::interval
       FROM generate_series(1::bigint, $1::bigint) g, s, u`,
    [ROWS, USERS, SPACES, rareSpace.id, rareUser.id],
  );
  await pool.query('VACUUM ANALYZE action_logs'); // hint bits and visibility map set before timing, as on a table in service
  console.log(`seeded ${ROWS} lines in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const {
    rows: [sample],
  } = await pool.query(
    `SELECT space_id, user_id, resource_type, resource_id, created_at FROM action_logs WHERE id = (SELECT max(id) / 2 FROM action_logs)`,
  );
  const day = new Date(sample.created_at);
  const filters = [
    ['none', {}],
    ['space', { spaceId: sample.space_id }],
    ['small space (100 lines)', { spaceId: rareSpace.id }],
    ['rare actor (50 lines)', { userId: rareUser.id }],
    [
      'resource (type + id)',
      { resourceType: sample.resource_type, resourceId: sample.resource_id },
    ],
    ['actor', { userId: sample.user_id }],
    ['resource type', { resourceType: 'motion' }],
    ['action', { action: 'hide' }],
    [
      'date range (1 h, mid-table)',
      { from: new Date(day.getTime() - 3600_000).toISOString(), to: day.toISOString() },
    ],
    [
      'space + action + visibility',
      { spaceId: sample.space_id, action: 'answer', visibility: 'PUBLIC' },
    ],
  ];

  const measure = async () => {
    const out = {};
    for (const [label, filter] of filters) {
      const first = await server.gql(PAGE, { filter }, token);
      if (first.errors) throw new Error(JSON.stringify(first.errors));
      // the cursor after 20 pages (1,000 lines), for the deep page
      let after = null;
      for (let i = 0; i < 20 && after !== undefined; i++) {
        const page = await server.gql(PAGE, { filter, after }, token);
        after = page.data.actionLogs.pageInfo.hasNextPage
          ? page.data.actionLogs.pageInfo.endCursor
          : undefined;
      }
      const p1 = await timeIt(RUNS, () => server.gql(PAGE, { filter }, token));
      const p21 = after
        ? await timeIt(RUNS, () => server.gql(PAGE, { filter, after }, token))
        : null;
      out[label] = { p1, p21, lines: first.data.actionLogs.nodes.length };
    }
    return out;
  };

  const withIndexes = await measure();
  await pool.query(
    `DROP INDEX action_logs_space_id_idx; DROP INDEX action_logs_resource_id_idx; DROP INDEX action_logs_user_id_idx`,
  );
  await pool.query(
    `CREATE INDEX action_logs_resource_idx ON action_logs (resource_type, resource_id)`,
  ); // the index before the migration
  await pool.query('ANALYZE action_logs');
  const without = await measure();

  const f = (t) => (t ? `${t.median.toFixed(2)} / ${t.p95.toFixed(2)}` : '—');
  const ratio = (a, b) => (a && b ? `${(b.median / a.median).toFixed(1)}×` : '—');
  console.log(
    `\n| filter | lines on p.1 | with indexes p.1 | p.21 | without p.1 | p.21 | without ÷ with p.1 / p.21 |`,
  );
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  for (const [label] of filters) {
    const a = withIndexes[label];
    const b = without[label];
    console.log(
      `| ${label} | ${a.lines} | ${f(a.p1)} | ${f(a.p21)} | ${f(b.p1)} | ${f(b.p21)} | ${ratio(a.p1, b.p1)} / ${ratio(a.p21, b.p21)} |`,
    );
  }
} finally {
  await server.stop();
}
