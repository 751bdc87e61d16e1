// Benchmark: "download my data". For a typical participant and for a very active one (seeded by
// SQL: proposals authored, supports, comments, notifications, follows), measures the time from
// `requestDataExport` to READY (polled every 20 ms through `myDataExports`), the ZIP's size, the
// one-time download, and the API's RSS growth; baseline in the same run: a pg client reading the
// same rows (no ZIP, no HTTP).
//   npm run build && node bench/data-export.mjs      (SIZES=10,10000 by default: rows per table)
import { readFileSync } from 'node:fs';
import { currentTerms, machine, seedProposals, startBenchServer } from './bench-server.mjs';

const SIZES = (process.env.SIZES ?? '10,10000').split(',').map(Number);
const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; // MiB
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

const server = await startBenchServer({ DEMO_CONTENT: 'true' });
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}; sizes ${SIZES.join(', ')} rows per table (proposals, supports, comments, notifications, follows)`,
  );
  const terms = await currentTerms(server.gql);
  for (const size of SIZES) {
    const reg = await server.gql(
      `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      {
        input: {
          name: `Participante ${size}`,
          email: `export-${size}@bench.test`,
          password: 'bench password 123',
          ...terms,
        },
      },
    );
    const { token, user } = reg.data.register;
    const t0 = Date.now();
    const componentId = await seedProposals(server.pool, size);
    await server.pool.query(
      `UPDATE proposals SET author_id = $1, official = false WHERE component_id = $2`,
      [user.id, componentId],
    );
    const supported = await seedProposals(server.pool, size);
    await server.pool.query(
      `INSERT INTO proposal_supports (proposal_id, component_id, user_id) SELECT id, component_id, $1 FROM proposals WHERE component_id = $2`,
      [user.id, supported],
    );
    const {
      rows: [space],
    } = await server.pool.query(`SELECT space_id FROM components WHERE id = $1`, [componentId]);
    await server.pool.query(
      `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, body) SELECT 'PROPOSAL', p.id, $2, $1, 'Commentaire de banc d''essai, "cité", n° ' || p.position_index FROM proposals p WHERE p.component_id = $3`,
      [user.id, space.space_id, supported],
    );
    await server.pool.query(
      `WITH e AS (INSERT INTO domain_events (type, payload, processed_at) SELECT 'proposal.published', '{}'::jsonb, now() FROM generate_series(1, $2) RETURNING id)
       INSERT INTO notifications (user_id, event_id, kind, title, body, link) SELECT $1, e.id, 'PROPOSAL_PUBLISHED', 'Nouvelle proposition', 'Texte', '/' FROM e`,
      [user.id, size],
    );
    await server.pool.query(
      `INSERT INTO follows (user_id, followable_type, followable_id) SELECT $1, 'PROPOSAL', id FROM proposals WHERE component_id = $2 ON CONFLICT DO NOTHING`,
      [user.id, supported],
    );
    console.log(`\n${size} rows per table seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // baseline: the same rows read by a pg client
    const base = process.hrtime.bigint();
    let rows = 0;
    for (const sql of [
      `SELECT * FROM proposals WHERE author_id = $1`,
      `SELECT * FROM proposal_supports WHERE user_id = $1`,
      `SELECT * FROM comments WHERE author_id = $1`,
      `SELECT * FROM notifications WHERE user_id = $1`,
      `SELECT * FROM follows WHERE user_id = $1`,
    ])
      rows += (await server.pool.query(sql, [user.id])).rowCount;
    console.log(`baseline: pg client reads the ${rows} rows in ${seconds(base).toFixed(3)} s`);

    const idle = rssOf(server.pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid))), 20);
    const started = process.hrtime.bigint();
    const requested = await server.gql(`mutation { requestDataExport { id } }`, {}, token);
    const id = requested.data.requestDataExport.id;
    let ready;
    for (;;) {
      const list = await server.gql(
        `{ myDataExports { id status downloadPath byteSize } }`,
        {},
        token,
      );
      ready = list.data.myDataExports.find((e) => e.id === id);
      if (ready.status !== 'PENDING') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const built = seconds(started);
    const d0 = process.hrtime.bigint();
    const response = await fetch(`${server.url}${ready.downloadPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const downloaded = seconds(d0);
    clearInterval(sampler);
    console.log(
      `export: ${ready.status} after ${built.toFixed(2)} s; ZIP ${(bytes.length / 1024).toFixed(0)} KiB (HTTP ${response.status}) downloaded in ${downloaded.toFixed(3)} s; API RSS ${idle.toFixed(0)} → peak ${peak.toFixed(0)} MiB (+${(peak - idle).toFixed(0)})`,
    );
  }
} finally {
  await server.stop();
}
