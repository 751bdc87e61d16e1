// Benchmark: delivery latency of one live event (a support changing a proposal's count)
// from the mutation to its receipt by 1,000 and 5,000 connected sockets — on one API
// process, and across two processes through Redis — and server memory per connected socket.
//   npm run build && node bench/notifications.mjs     (needs Debian's redis-server)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  currentTerms,
  machine,
  percentile,
  rssOf,
  seedProposals,
  startApiProcess,
  startBenchServer,
} from './bench-server.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');
const SIZES = (process.env.SIZES ?? '1000,5000').split(',').map(Number);
const EVENTS = Number(process.env.EVENTS ?? 10);

const redisPort = 20000 + Math.floor(Math.random() * 20000);
const redis = spawn(
  'redis-server',
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, 500));
const REDIS_URL = `redis://127.0.0.1:${redisPort}`;

const a = await startBenchServer({ REDIS_URL });
const b = await startApiProcess(a.databaseUrl, { REDIS_URL, DEMO_CONTENT: 'false' });
const results = [];
try {
  console.log(`machine: ${await machine()}`);
  const terms = await currentTerms(a.gql); // sign-ups accept the current terms and privacy notice
  console.log(
    `date: ${new Date().toISOString()}; ${EVENTS} events per figure; clients run in this one Node process on the same machine`,
  );
  const componentId = await seedProposals(a.pool, 50);
  const { rows } = await a.pool.query(
    `SELECT id FROM proposals WHERE component_id = $1 ORDER BY position_index LIMIT 1`,
    [componentId],
  );
  const proposalId = rows[0].id;
  const users = [];
  for (let i = 0; i < EVENTS; i++) {
    const r = await a.gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
      i: {
        name: `Bench ${i}`,
        email: `nb-${i}@bench.test`,
        password: 'bench password 123',
        ...terms,
      },
    });
    users.push(r.data.register.token);
  }
  let eventIndex = 0;
  const supporting = new Set();
  for (const [label, target, pid] of [
    ['one process', a.url, a.pid],
    ['two processes via Redis', b.url, b.pid],
  ]) {
    for (const n of SIZES) {
      const rssBefore = await rssOf(pid);
      const sockets = [];
      for (let i = 0; i < n; i += 200) {
        const batch = [];
        for (let k = i; k < Math.min(n, i + 200); k++) {
          const socket = io(target, {
            path: '/socket.io',
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          sockets.push(socket);
          batch.push(
            new Promise((resolve, reject) => {
              socket.once('connect', resolve);
              socket.once('connect_error', reject);
            }).then(() => socket.emitWithAck('watch', `proposal:${proposalId}`)),
          );
        }
        await Promise.all(batch);
      }
      await new Promise((r) => setTimeout(r, 1000));
      const rssAfter = await rssOf(pid);
      const latencies = [];
      for (let e = 0; e < EVENTS; e++) {
        const token = users[eventIndex++ % users.length];
        const received = sockets.map(
          (s) =>
            new Promise((resolve) =>
              s.once('proposal.supportsChanged', () => resolve(process.hrtime.bigint())),
            ),
        );
        const t0 = process.hrtime.bigint();
        // each event changes the count: a user supports, or withdraws the support they gave
        const op = supporting.has(token) ? 'unsupportProposal' : 'supportProposal';
        if (supporting.has(token)) supporting.delete(token);
        else supporting.add(token);
        await fetch(`${a.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `mutation($id: ID!) { ${op}(proposalId: $id) { id } }`,
            variables: { id: proposalId },
          }),
        });
        const times = await Promise.race([
          Promise.all(received),
          new Promise((r) => setTimeout(() => r(null), 30_000)),
        ]);
        if (!times) throw new Error('some sockets did not receive the event within 30 s');
        for (const t of times) latencies.push(Number(t - t0) / 1e6);
      }
      latencies.sort((x, y) => x - y);
      results.push({
        label,
        n,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        perSocket: (rssAfter - rssBefore) / n,
      });
      sockets.forEach((s) => s.disconnect());
      await new Promise((r) => setTimeout(r, 1500));
      console.log(`${label}, ${n} sockets done`);
    }
  }
} finally {
  await b.stop();
  await a.stop();
  redis.kill('SIGTERM');
}
console.log(
  '\nlatency = from sending the mutation to each socket receiving the event (includes the mutation itself)',
);
console.log('\n| setup | sockets | p50 ms | p99 ms | server memory per socket |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results)
  console.log(
    `| ${r.label} | ${r.n.toLocaleString('en')} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.perSocket / 1024).toFixed(1)} KiB |`,
  );
