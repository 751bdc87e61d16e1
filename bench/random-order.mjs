// Benchmark: a page of proposals in RANDOM order (20 per page, pages 1 and 50) at 1k, 10k
// and 100k proposals, through the whole GraphQL stack, beside Decidim's query
// (SELECT setseed(s); … ORDER BY id * random() LIMIT 20 OFFSET k) on the same database;
// plus the first-page share of the oldest 10 % of proposals under each.
//   npm run build && node bench/random-order.mjs
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { machine, ROOT, seedProposals, startBenchServer, timeIt } from './bench-server.mjs';

const require = createRequire(import.meta.url);
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require(join(ROOT, 'dist/apps/api/database/data-source.js'));
const { ProposalService } = require(
  join(ROOT, 'dist/apps/api/modules/proposal/proposal.service.js'),
);

const SIZES = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 30);
const SHARE_SEEDS = Number(process.env.SHARE_SEEDS ?? 200);
const PAGE = `query($c: ID!, $seed: String, $after: String) { proposals(componentId: $c, order: RANDOM, seed: $seed, first: 20, after: $after) { seed edges { node { id } } } }`;
const { encodeCursor } = require(
  join(ROOT, 'dist/apps/api/modules/proposal/ordering/proposal-cursor.js'),
);

const server = await startBenchServer();
const rows = [];
// the service's own data path (permutation + the two SQL statements), without HTTP/GraphQL
const dataSource = await new DataSource(dataSourceOptions(server.databaseUrl)).initialize();
const service = new ProposalService(dataSource, null, null, null, null);
const dataPath = (componentId, seed) =>
  service.randomPage(componentId, seed, undefined, 21, '', [componentId]);
try {
  console.log(`machine: ${await machine()}`);
  console.log(
    `date: ${new Date().toISOString()}, runs per figure: ${RUNS}, seeds for the share: ${SHARE_SEEDS}`,
  );
  for (const n of SIZES) {
    const componentId = await seedProposals(server.pool, n);
    // warm up both paths
    await server.gql(PAGE, { c: componentId, seed: 'warm' });
    await server.pool.query(
      `SELECT id FROM proposals WHERE component_id = $1 ORDER BY (position_index + 1) * random() LIMIT 20`,
      [componentId],
    );

    const ours1 = await timeIt(RUNS, (i) => server.gql(PAGE, { c: componentId, seed: `s${i}` }));
    // page 50 resumes from a cursor signed with the deployment's key, as the server makes them
    const [{ key }] = (await server.pool.query(`SELECT key FROM proposal_cursor_keys`)).rows;
    const cursorAt = (seed, position) =>
      encodeCursor({ o: 'RANDOM', c: componentId, s: seed, n, p: position }, key);
    const ours50 = await timeIt(RUNS, (i) =>
      server.gql(PAGE, { c: componentId, seed: `s${i}`, after: cursorAt(`s${i}`, 49 * 20) }),
    );
    const data1 = await timeIt(RUNS, (i) => dataPath(componentId, `s${i}`));
    const data50 = await timeIt(RUNS, (i) =>
      service.randomPage(
        componentId,
        `s${i}`,
        { o: 'RANDOM', c: componentId, s: `s${i}`, n, p: 49 * 20 },
        21,
        '',
        [componentId],
      ),
    );
    const decidim = async (i, offset) => {
      const client = await server.pool.connect();
      try {
        await client.query('SELECT setseed($1)', [(i % 200) / 200 - 0.5]);
        await client.query(
          `SELECT id FROM proposals WHERE component_id = $1 ORDER BY (position_index + 1) * random() LIMIT 20 OFFSET $2`,
          [componentId, offset],
        );
      } finally {
        client.release();
      }
    };
    const decidim1 = await timeIt(RUNS, (i) => decidim(i, 0));
    const decidim50 = await timeIt(RUNS, (i) => decidim(i, 49 * 20));

    // first-page share of the oldest 10 % (position_index < n / 10): fair order gives 10 %
    const oldest = Math.floor(n / 10);
    const { rows: idx } = await server.pool.query(
      `SELECT id, position_index FROM proposals WHERE component_id = $1`,
      [componentId],
    );
    const positionOf = new Map(idx.map((r) => [r.id, r.position_index]));
    let oursOld = 0;
    let decidimOld = 0;
    for (let s = 0; s < SHARE_SEEDS; s++) {
      const page = await server.gql(PAGE, { c: componentId, seed: `share-${s}` });
      oursOld += page.data.proposals.edges.filter((e) => positionOf.get(e.node.id) < oldest).length;
      const client = await server.pool.connect();
      try {
        await client.query('SELECT setseed($1)', [(s / SHARE_SEEDS) * 2 - 1]);
        const r = await client.query(
          `SELECT position_index FROM proposals WHERE component_id = $1 ORDER BY (position_index + 1) * random() LIMIT 20`,
          [componentId],
        );
        decidimOld += r.rows.filter((x) => x.position_index < oldest).length;
      } finally {
        client.release();
      }
    }
    rows.push({
      n,
      ours1,
      ours50,
      data1,
      data50,
      decidim1,
      decidim50,
      oursShare: (100 * oursOld) / (SHARE_SEEDS * 20),
      decidimShare: (100 * decidimOld) / (SHARE_SEEDS * 20),
    });
    console.log(`n=${n} done`);
  }
} finally {
  await dataSource.destroy();
  await server.stop();
}

const f = (x) => x.toFixed(2);
console.log(
  '\nmedian / p95 in ms; "data path" = ProposalService.randomPage (permutation + SQL), "GraphQL" = the whole HTTP request',
);
console.log(
  '\n| proposals | Concerto data path p.1 | p.50 | Decidim SQL p.1 | p.50 | Decidim ÷ Concerto (data path) p.1 / p.50 | Concerto GraphQL p.1 | p.50 | Decidim ÷ Concerto GraphQL p.1 | oldest 10 % on p.1: Concerto / Decidim |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en')} | ${f(r.data1.median)} / ${f(r.data1.p95)} | ${f(r.data50.median)} / ${f(r.data50.p95)} | ${f(r.decidim1.median)} / ${f(r.decidim1.p95)} | ${f(r.decidim50.median)} / ${f(r.decidim50.p95)} | ${f(r.decidim1.median / r.data1.median)}× / ${f(r.decidim50.median / r.data50.median)}× | ${f(r.ours1.median)} / ${f(r.ours1.p95)} | ${f(r.ours50.median)} / ${f(r.ours50.p95)} | ${f(r.decidim1.median / r.ours1.median)}× | ${r.oursShare.toFixed(1)} % / ${r.decidimShare.toFixed(1)} % |`,
  );
}
const first = rows[0];
const last = rows[rows.length - 1];
console.log(
  `\nConcerto at ${last.n} vs ${first.n} proposals — data path p.1 ${f(last.data1.median / first.data1.median)}×, p.50 ${f(last.data50.median / first.data50.median)}×; GraphQL p.1 ${f(last.ours1.median / first.ours1.median)}×, p.50 ${f(last.ours50.median / first.ours50.median)}× (target ≤ 2×)`,
);
