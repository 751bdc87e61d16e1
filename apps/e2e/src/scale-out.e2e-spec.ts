import type {
  ClientToServerEvents,
  LiveNotification,
  ServerToClientEvents,
} from '@concerto/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { ConcertoServer, currentTermsVersions, freePort } from './concerto-server';
import { RedisServer, redisAvailable, REDIS_SERVER_PATH } from './redis-server';

if (!redisAvailable() && process.env.CI)
  throw new Error(`redis-server not found at ${REDIS_SERVER_PATH}: the scale-out test cannot run`);
const describeWithRedis = redisAvailable() ? describe : describe.skip;
if (!redisAvailable())
  console.warn(
    `redis-server not found at ${REDIS_SERVER_PATH}: scale-out test skipped (apt-get install redis-server)`,
  );

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const ADMIN_PASSWORD = 'scale-out-admin-password';
/** Mutations per caller and minute in this suite: small enough to exhaust in a test. */
const MUTATION_BUDGET = 30;

/**
 * Two API processes on two ports, one PostgreSQL (the second process shares the first's
 * embedded cluster) and one real redis-server: a mutation handled by process A reaches a
 * socket connected to process B through the Socket.IO Redis adapter.
 */
describeWithRedis('scale-out: two API processes share Socket.IO events through Redis', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-scale-'));
  const dataDir = join(root, 'postgres');
  let redis: RedisServer;
  let a: ConcertoServer;
  let b: ConcertoServer;
  const sockets: ClientSocket[] = [];

  const gql = async (
    server: ConcertoServer,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const connect = async (server: ConcertoServer, token?: string) => {
    const socket: ClientSocket = io(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await new Promise((r) => setTimeout(r, 100));
    return socket;
  };
  const next = <T>(socket: ClientSocket, event: keyof ServerToClientEvents) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within 10 s`)), 10_000);
      (socket.once as (e: string, cb: (p: T) => void) => void)(event, (payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });

  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    const env = {
      REDIS_URL: redis.url,
      ADMIN_PASSWORD,
      ADMIN_EMAIL: 'admin@concerto.test',
      MUTATION_RATE_LIMIT_PER_MINUTE: String(MUTATION_BUDGET),
    };
    a = new ConcertoServer(await freePort(), dataDir, env);
    await a.start();
    b = new ConcertoServer(await freePort(), dataDir, env);
    await b.start();
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await b?.stop();
    await a?.stop();
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('both processes log that they share events through Redis and use one database', async () => {
    expect(a.output).toMatch(/Socket\.IO events shared through Redis/);
    expect(b.output).toMatch(/Socket\.IO events shared through Redis/);
    expect(b.output).toMatch(/sharing it/);
  });

  it('a support sent to process A reaches a socket watching the proposal on process B', async () => {
    const login = await gql(a, `mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { email: 'admin@concerto.test', password: ADMIN_PASSWORD },
    });
    const token = login.login.token as string;
    const space = await gql(
      a,
      `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
    );
    const componentId = space.space.components.find(
      (c: { type: string }) => c.type === 'PROPOSALS',
    ).id;
    const page = await gql(
      a,
      `query($c: ID!) { proposals(componentId: $c, first: 1) { edges { node { id supportsCount } } } }`,
      { c: componentId },
    );
    const proposal = page.proposals.edges[0].node;

    const watcher = await connect(b);
    expect(await watcher.emitWithAck('watch', `proposal:${proposal.id}`)).toEqual({ ok: true });
    const changed = next<{ proposalId: string; supportsCount: number }>(
      watcher,
      'proposal.supportsChanged',
    );
    await gql(
      a,
      `mutation($id: ID!) { supportProposal(proposalId: $id) { supportsCount } }`,
      { id: proposal.id },
      token,
    );
    expect(await changed).toMatchObject({
      proposalId: proposal.id,
      supportsCount: proposal.supportsCount + 1,
    });
  });

  it('a notification caused on process B reaches its recipient’s socket on process A', async () => {
    const register = `mutation($i: RegisterInput!) { register(input: $i) { token user { id } } }`;
    const author = (
      await gql(a, register, {
        i: {
          name: 'Autrice A',
          email: `a-${Date.now()}@example.org`,
          password: 'une phrase solide',
          ...(await currentTermsVersions(a.url)),
        },
      })
    ).register;
    const other = (
      await gql(b, register, {
        i: {
          name: 'Lecteur B',
          email: `b-${Date.now()}@example.org`,
          password: 'une phrase solide',
          ...(await currentTermsVersions(a.url)),
        },
      })
    ).register;
    const space = await gql(
      a,
      `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
    );
    const componentId = space.space.components.find(
      (c: { type: string }) => c.type === 'PROPOSALS',
    ).id;
    const created = await gql(
      a,
      `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
      { i: { componentId, title: 'Une proposition commentée ailleurs', body: 'Texte' } },
      author.token,
    );
    const socket = await connect(a, author.token);
    const notified = next<LiveNotification>(socket, 'notification');
    await gql(
      b,
      `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
      {
        i: {
          commentableType: 'PROPOSAL',
          commentableId: created.createProposal.id,
          body: 'Depuis le processus B',
        },
      },
      other.token,
    );
    expect(await notified).toMatchObject({
      kind: 'COMMENT_CREATED',
      body: 'Depuis le processus B',
    });
  });

  it('one caller has one mutation budget across both processes (rate-limit counters in Redis)', async () => {
    const register = `mutation($i: RegisterInput!) { register(input: $i) { token } }`;
    const { token } = (
      await gql(a, register, {
        i: {
          name: 'Pressée',
          email: `r-${Date.now()}@example.org`,
          password: 'une phrase solide',
          ...(await currentTermsVersions(a.url)),
        },
      })
    ).register;
    const markRead = async (server: ConcertoServer) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { markNotificationsRead }' }),
      });
      const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      return json.errors?.[0]?.extensions?.code ?? 'OK';
    };
    // half the budget on each process: all pass; the next one, on either process, is refused
    const outcomes: string[] = [];
    for (let i = 0; i < MUTATION_BUDGET; i++) outcomes.push(await markRead(i % 2 === 0 ? a : b));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(MUTATION_BUDGET);
    expect(await markRead(a)).toBe('TOO_MANY_REQUESTS');
    expect(await markRead(b)).toBe('TOO_MANY_REQUESTS');
  });
});
