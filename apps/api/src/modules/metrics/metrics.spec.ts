import { createServer } from 'node:net';
import { startTestApp, TestApp } from '../../../test/test-app';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('metrics: Prometheus endpoint off the public port or behind a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  it('refuses /metrics on the public port without the token, and serves it with the token', async () => {
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(401);
    expect(
      (
        await fetch(`${t.baseUrl}/metrics`, {
          headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' },
        })
      ).status,
    ).toBe(401);
    const ok = await fetch(`${t.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('times requests and GraphQL operations by name and outcome, and reports pool, outbox, queues, sockets and process defaults', async () => {
    expect((await t.gql(`query SpacesForMetrics { spaces { id } }`)).errors).toBeUndefined();
    expect(
      (
        await t.gql(
          `mutation ProposeForMetrics { supportProposal(proposalId: "00000000-0000-0000-0000-000000000000") { supportsCount } }`,
        )
      ).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const text = await (
      await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(text).toMatch(
      /concerto_graphql_operation_duration_seconds_count\{operation="SpacesForMetrics",type="query",outcome="OK"\} 1/,
    );
    expect(text).toMatch(
      /concerto_graphql_operation_duration_seconds_count\{operation="ProposeForMetrics",type="mutation",outcome="UNAUTHENTICATED"\} 1/,
    );
    expect(text).toMatch(
      /concerto_http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} \d+/,
    );
    expect(text).toMatch(/concerto_db_pool_connections\{state="max"\} 20/);
    expect(text).toMatch(/concerto_outbox_oldest_pending_seconds \d/);
    expect(text).toMatch(/concerto_worker_queue_depth\{queue="domain_events"\} \d+/);
    expect(text).toMatch(/concerto_worker_queue_depth\{queue="data_exports"\} 0/);
    expect(text).toMatch(/concerto_socketio_connected_sockets 0/);
    expect(text).toMatch(/concerto_process_resident_memory_bytes \d+/);
    expect(text).toMatch(/concerto_nodejs_eventloop_lag_seconds/);
  });

  it('with METRICS_PORT, serves them on their own listener only', async () => {
    const port = await freePort();
    const own = await startTestApp({ METRICS_PORT: String(port) });
    try {
      expect((await fetch(`${own.baseUrl}/metrics`)).status).toBe(404);
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/concerto_http_request_duration_seconds/);
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await own.close();
    }
  });

  it('without METRICS_PORT or METRICS_TOKEN, /metrics does not exist', async () => {
    const plain = await startTestApp();
    try {
      expect(
        (await fetch(`${plain.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }))
          .status,
      ).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
