// Benchmark: the « Agenda » page's query (`agendaMeetings`) at 10,000 published meetings over 50
// spaces, through the whole GraphQL stack: page latency and SQL statements per page (counted by
// pg_stat_statements on the same PostgreSQL), for pages of 20 and 100, the second page (cursor),
// a month window, one space, one type, and the past in reverse order. The statement count must
// not grow with the page size (no N+1). Baseline in the same run: the cheapest public query.
//   npm run build && node bench/meetings-agenda.mjs      (MEETINGS=10000 SPACES=50 RUNS=30)
import { machine, percentile, startBenchServer } from './bench-server.mjs';

const MEETINGS = Number(process.env.MEETINGS ?? 10000);
const SPACES = Number(process.env.SPACES ?? 50);
const RUNS = Number(process.env.RUNS ?? 30);
const AGENDA = `query($f: MeetingAgendaFilterInput, $first: Int, $after: String, $o: MeetingAgendaOrder) {
  agendaMeetings(filter: $f, first: $first, after: $after, order: $o) {
    edges { cursor node { id spaceId title type startsAt endsAt state cancelled published location address registrationsEnabled seatsLeft registeredCount capacity path viewerRegistration { status } } }
    pageInfo { hasNextPage endCursor }
  } }`;
const CHEAPEST = `{ me { id } }`;

const server = await startBenchServer(
  {},
  { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'top' },
);
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; ${MEETINGS} meetings over ${SPACES} spaces, ${RUNS} runs per figure`,
  );
  const pool = server.pool;
  await pool.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
  // spaces, each with a published MEETINGS component, and meetings spread over the next 12 months (every 10th ONLINE)
  const { rows: spaces } = await pool.query(
    `INSERT INTO participatory_spaces (slug, type, title, published_at) SELECT 'banc-agenda-' || g, CASE WHEN g % 5 = 0 THEN 'ASSEMBLY' ELSE 'PROCESS' END, 'Espace de banc d''essai ' || g, now()
       FROM generate_series(1, $1) g RETURNING id`,
    [SPACES],
  );
  const { rows: components } = await pool.query(
    `INSERT INTO components (space_id, type, title, published_at, settings) SELECT unnest($1::uuid[]), 'MEETINGS', 'Rencontres', now(), '{}' RETURNING id, space_id`,
    [spaces.map((s) => s.id)],
  );
  await pool.query(
    `INSERT INTO meetings (component_id, space_id, title, type, address, online_url, starts_at, ends_at, published_at)
     SELECT c.id, c.space_id, 'Rencontre de banc d''essai n° ' || g, CASE WHEN g % 10 = 0 THEN 'ONLINE' ELSE 'IN_PERSON' END, '14 avenue Duquesne, 75007 Paris',
            CASE WHEN g % 10 = 0 THEN 'https://visio.example.org/' || g END,
            now() - interval '60 days' + (g * interval '1 hour' * 8760 / $1), now() - interval '60 days' + (g * interval '1 hour' * 8760 / $1) + interval '2 hours', now()
       FROM generate_series(1, $1) g JOIN (SELECT id, space_id, row_number() OVER (ORDER BY id) - 1 AS n FROM unnest($2::uuid[], $3::uuid[]) AS x(id, space_id)) c ON c.n = g % $4`,
    [MEETINGS, components.map((c) => c.id), components.map((c) => c.space_id), components.length],
  );
  await pool.query('ANALYZE meetings');
  const now = new Date();
  const monthStart = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
  ).toISOString();
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)).toISOString();
  const ok = async (query, variables) => {
    const res = await server.gql(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const upcoming = (extra = {}) => ({
    f: { from: now.toISOString(), ...extra.f },
    first: extra.first ?? 20,
    after: extra.after ?? null,
    o: extra.o ?? 'CHRONOLOGICAL',
  });
  const after = (await ok(AGENDA, upcoming())).agendaMeetings.pageInfo.endCursor;
  const cases = [
    ['baseline: `{ me { id } }` (anonymous)', () => ok(CHEAPEST, {}), CHEAPEST, {}],
    ['upcoming, first 20', () => ok(AGENDA, upcoming()), AGENDA, upcoming()],
    [
      'upcoming, first 100',
      () => ok(AGENDA, upcoming({ first: 100 })),
      AGENDA,
      upcoming({ first: 100 }),
    ],
    [
      'upcoming, page 2 (cursor)',
      () => ok(AGENDA, upcoming({ after })),
      AGENDA,
      upcoming({ after }),
    ],
    [
      'next month (month view, first 100)',
      () => ok(AGENDA, { f: { from: monthStart, to: monthEnd }, first: 100 }),
      AGENDA,
      { f: { from: monthStart, to: monthEnd }, first: 100 },
    ],
    [
      'one space, first 20',
      () => ok(AGENDA, upcoming({ f: { spaceId: spaces[7].id } })),
      AGENDA,
      upcoming({ f: { spaceId: spaces[7].id } }),
    ],
    [
      'ONLINE only, first 20',
      () => ok(AGENDA, upcoming({ f: { type: 'ONLINE' } })),
      AGENDA,
      upcoming({ f: { type: 'ONLINE' } }),
    ],
    [
      'past, latest first, first 20',
      () => ok(AGENDA, { f: { to: now.toISOString() }, first: 20, o: 'REVERSE_CHRONOLOGICAL' }),
      AGENDA,
      { f: { to: now.toISOString() }, first: 20, o: 'REVERSE_CHRONOLOGICAL' },
    ],
  ];
  console.log('\n| request | p50 ms | p95 ms | SQL statements | meetings returned |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, run, query, variables] of cases) {
    for (let i = 0; i < 3; i++) await run(); // warm-up
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      await run();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    // statements of one request: reset, run, read (the bench's own statements left out); the least
    // of three, since the API's background loops (reminders, notifications) may run in between
    let count = { n: Infinity };
    let data;
    for (let i = 0; i < 3; i++) {
      await pool.query('SELECT pg_stat_statements_reset()');
      data = await ok(query, variables);
      const {
        rows: [c],
      } = await pool.query(
        `SELECT coalesce(sum(calls), 0)::int AS n FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
      );
      if (c.n < count.n) count = c;
    }
    const returned = data.agendaMeetings?.edges.length ?? '—';
    console.log(
      `| ${label} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${count.n} | ${returned} |`,
    );
  }
} finally {
  await server.stop();
}
