import { io } from 'socket.io-client';
import { errorCode, INITIAL_TERMS, startTestApp, TestApp } from './test-app';

/** Regressions found by trying to break the running app (each was a 500 or a silent loss). */
describe('hostile input and edge cases', () => {
  let t: TestApp;
  let admin: string;
  let componentId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const space = await t.gql(
      `{ space(slug: "structuration-filiere-sante-numerique") { id components { id type } } }`,
    );
    componentId = space.data.space.components.find(
      (c: { type: string }) => c.type === 'PROPOSALS',
    ).id;
  });
  afterAll(() => t.close());

  it.each([
    ['a NUL in an inline ID', `{ component(id: "\\u0000") { id } }`, {}],
    ['a NUL in a variable', `query($s: String!) { space(slug: $s) { id } }`, { s: 'a\u0000b' }],
    [
      'a NUL in a nested input',
      `mutation($i: RegisterInput!) { register(input: $i) { token } }`,
      {
        i: {
          name: 'Nom\u0000',
          email: 'nul@example.org',
          password: 'une phrase solide',
          ...INITIAL_TERMS,
        },
      },
    ],
    [
      'a lone surrogate in an e-mail',
      `mutation($i: RegisterInput!) { register(input: $i) { token } }`,
      { i: { name: 'Nom ok', email: '\ud800 x', password: 'une phrase solide', ...INITIAL_TERMS } },
    ],
  ])('refuses %s with BAD_USER_INPUT, never a 500', async (_label, query, variables) => {
    const before = Number((await t.sql(`SELECT count(*) AS n FROM users`))[0].n);
    const res = await t.gql(query, variables);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(Number((await t.sql(`SELECT count(*) AS n FROM users`))[0].n)).toBe(before);
  });

  it('answers an over-complex query with HTTP 400, not 500', async () => {
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // one fragment spread 300 times (aliases and repeated fields meet their own limits first: document-sweep.spec.ts)
      body: JSON.stringify({
        query: `{ spaces { ${'...F '.repeat(300)}} } fragment F on ParticipatorySpace { id title slug type }`,
      }),
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('answers a body over 1 MB with 413 and malformed JSON with 400, in GraphQL shape', async () => {
    const big = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($x: String) { me { id } }',
        variables: { x: 'a'.repeat(1_100_000) },
      }),
    });
    expect(big.status).toBe(413);
    expect(
      ((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions
        .code,
    ).toBe('PAYLOAD_TOO_LARGE');
    const broken = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(broken.status).toBe(400);
  });

  it('answers a malformed survey id in an export URL with 400', async () => {
    const response = await fetch(`${t.baseUrl}/exports/surveys/not-a-uuid/answers.csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a forged RANDOM cursor that froze more proposals than exist', async () => {
    const forged = Buffer.from(
      JSON.stringify({ o: 'RANDOM', s: 'abc', n: 1_000_000, p: 5 }),
    ).toString('base64url');
    const huge = Buffer.from(
      JSON.stringify({ o: 'RANDOM', s: 'abc', n: 1_000_000_000_000, p: 5 }),
    ).toString('base64url');
    const page = `query($c: ID!, $after: String) { proposals(componentId: $c, first: 5, seed: "abc", after: $after) { edges { node { id } } } }`;
    expect(errorCode(await t.gql(page, { c: componentId, after: forged }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(page, { c: componentId, after: huge }))).toBe('BAD_USER_INPUT');
  });

  it('RECENT paging keeps proposals published within the same millisecond (microsecond ties)', async () => {
    await t.sql(
      `UPDATE proposals SET published_at = timestamptz '2026-01-01 00:00:00.000' + (position_index || ' microseconds')::interval WHERE component_id = $1`,
      [componentId],
    );
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const res = await t.gql(
        `query($c: ID!, $after: String) { proposals(componentId: $c, order: RECENT, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { c: componentId, after },
      );
      seen.push(...res.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.data.proposals.pageInfo.hasNextPage) break;
      after = res.data.proposals.pageInfo.endCursor;
    }
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM proposals WHERE component_id = $1`,
      [componentId],
    );
    expect(new Set(seen).size).toBe(n);
    expect(seen).toHaveLength(n);
  });

  it('answers a catchUp sent right after connecting, and disconnects the sockets of a session at sign-out', async () => {
    const user = await t.register('Pressée');
    const socket = io(t.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: user.token },
      reconnection: false,
      forceNew: true,
    });
    // answered at all is the point (not lost before the session is read): the bound only ends a
    // broken run, and leaves a loaded machine its time (3 s did not always)
    const first = await new Promise((resolve) =>
      socket.once('connect', () => resolve(socket.timeout(20_000).emitWithAck('catchUp', null))),
    );
    expect(first).toEqual({ notifications: [] });
    const disconnected = new Promise<string>((resolve) =>
      socket.once('disconnect', (reason) => resolve(reason)),
    );
    await t.gql(`mutation { logout }`, {}, user.token);
    expect(await disconnected).toBe('io server disconnect');
    socket.close();
  });
});
