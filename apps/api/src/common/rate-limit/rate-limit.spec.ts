import { loadAppConfig } from '../../config/app-config';
import { errorCode, INITIAL_TERMS, startTestApp, TestApp } from '../../../test/test-app';

const BUDGET = 6; // MUTATION_RATE_LIMIT_PER_MINUTE of this file's app
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;

describe('rate limits of mutations (per user, per IP when anonymous, stricter where declared)', () => {
  let t: TestApp;
  let componentId: string;
  let proposals: string[];
  let ipCounter = 0;
  /** A client address of its own (the app trusts X-Forwarded-For from loopback, its default). */
  const freshIp = () => ({ 'x-forwarded-for': `198.51.100.${++ipCounter}` });

  /** Registers from an address of its own, so sign-ups do not use up anyone's anonymous budget. */
  const register = async (name: string) => {
    const email = `limite-${name.toLowerCase()}-${Date.now()}@example.org`;
    const res = await t.gql(
      REGISTER,
      { input: { name, email, password: 'correct horse battery', ...INITIAL_TERMS } },
      undefined,
      freshIp(),
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return { token: res.data.register.token as string, id: res.data.register.user.id as string };
  };
  const supportsOf = async (userId: string) =>
    Number(
      (await t.sql(`SELECT count(*) AS n FROM proposal_supports WHERE user_id = $1`, [userId]))[0]
        .n,
    );

  beforeAll(async () => {
    t = await startTestApp({ MUTATION_RATE_LIMIT_PER_MINUTE: String(BUDGET) });
    // a component and proposals written in SQL: setting them up spends nobody's budget
    const [space] = await t.sql(
      `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
    );
    const [component] = await t.sql(
      `INSERT INTO components (space_id, type, title, published_at, settings) VALUES ($1, 'PROPOSALS', 'Limites', now(), '{}') RETURNING id`,
      [space.id],
    );
    componentId = component.id;
    const rows = await t.sql(
      `INSERT INTO proposals (component_id, official, title, body, position_index, published_at)
       SELECT $1, true, 'Proposition limitée n° ' || g, '<p>Texte.</p>', g - 1, now() FROM generate_series(1, 20) g RETURNING id`,
      [componentId],
    );
    proposals = rows.map((r) => r.id as string);
  }, 60_000);
  afterAll(() => t.close());

  it(`a user's ${BUDGET + 1}th mutation within a minute is refused with TOO_MANY_REQUESTS and a retry delay, and changes nothing; another user still passes`, async () => {
    const alice = await register('Alice');
    const bob = await register('Bob');
    for (let i = 0; i < BUDGET; i++) {
      expect((await t.gql(SUPPORT, { id: proposals[i] }, alice.token)).errors).toBeUndefined();
    }
    // a fresh address does not help: a signed-in user is counted as themself
    const refused = await t.gql(SUPPORT, { id: proposals[BUDGET] }, alice.token, freshIp());
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors![0].extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await supportsOf(alice.id)).toBe(BUDGET);
    // queries are not limited
    expect((await t.gql(`{ me { id } }`, {}, alice.token)).data.me.id).toBe(alice.id);
    // Bob, from the same address as Alice, has a budget of his own
    expect((await t.gql(SUPPORT, { id: proposals[BUDGET] }, bob.token)).errors).toBeUndefined();
    expect(await supportsOf(bob.id)).toBe(1);
  });

  it(`race: ${BUDGET + 4} mutations of one user at once → exactly ${BUDGET} pass`, async () => {
    const carol = await register('Carol');
    const results = await Promise.all(
      proposals.slice(0, BUDGET + 4).map((id) => t.gql(SUPPORT, { id }, carol.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(BUDGET);
    expect(results.filter((r) => errorCode(r) === 'TOO_MANY_REQUESTS')).toHaveLength(4);
    expect(await supportsOf(carol.id)).toBe(BUDGET);
  });

  it('anonymous callers are counted per client IP', async () => {
    const attacker = freshIp();
    const attempt = (headers: Record<string, string>) =>
      t.gql(
        LOGIN,
        { input: { email: 'personne@example.org', password: 'mauvais mot de passe' } },
        undefined,
        headers,
      );
    for (let i = 0; i < BUDGET; i++)
      expect(errorCode(await attempt(attacker))).toBe('UNAUTHENTICATED');
    expect(errorCode(await attempt(attacker))).toBe('TOO_MANY_REQUESTS');
    // another address still gets an answer
    expect(errorCode(await attempt(freshIp()))).toBe('UNAUTHENTICATED');
  });

  it('createProposal has a stricter limit of its own (10 a minute at the default budget of 120, here 1), the general budget untouched', async () => {
    const dave = await register('Dave');
    const input = (n: number) => ({
      input: {
        componentId,
        title: `Proposition de Dave numéro ${n}`,
        body: 'Un texte qui explique la proposition.',
      },
    });
    expect((await t.gql(CREATE, input(1), dave.token)).errors).toBeUndefined();
    const refused = await t.gql(CREATE, input(2), dave.token);
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(
      Number(
        (await t.sql(`SELECT count(*) AS n FROM proposals WHERE author_id = $1`, [dave.id]))[0].n,
      ),
    ).toBe(1);
    // other mutations still pass: the general budget is not used up
    expect((await t.gql(SUPPORT, { id: proposals[0] }, dave.token)).errors).toBeUndefined();
  });
});

describe('OpenID Connect starts (per client IP, LOGIN_RATE_LIMIT_PER_MINUTE)', () => {
  const LIMIT = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      OIDC_PROVIDERS: 'down',
      // nothing listens on port 1: a start that passes the limit ends with OIDC_PROVIDER_UNAVAILABLE
      OIDC_DOWN_ISSUER: 'http://127.0.0.1:1',
      OIDC_DOWN_CLIENT_ID: 'unreachable',
    });
  });
  afterAll(() => t.close());

  it(`race: ${LIMIT + 7} starts from one IP at once → exactly ${LIMIT} reach the provider, the others are sent back with OIDC_TOO_MANY_ATTEMPTS`, async () => {
    const attemptsBefore = await t.sql(`SELECT count(*)::int AS n FROM identity_sign_in_attempts`);
    const responses = await Promise.all(
      Array.from({ length: LIMIT + 7 }, () =>
        fetch(`${t.baseUrl}/auth/oidc/down/start`, { redirect: 'manual' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(LIMIT + 7).fill(303));
    const locations = responses.map((r) => r.headers.get('location'));
    expect(
      locations.filter((l) => l === '/connexion?oidc_error=OIDC_PROVIDER_UNAVAILABLE'),
    ).toHaveLength(LIMIT);
    expect(
      locations.filter((l) => l === '/connexion?oidc_error=OIDC_TOO_MANY_ATTEMPTS'),
    ).toHaveLength(7);
    // a refused start stores no sign-in attempt
    expect(await t.sql(`SELECT count(*)::int AS n FROM identity_sign_in_attempts`)).toEqual(
      attemptsBefore,
    );
    // the GraphQL sign-in budget is another counter: still open
    const login = await t.gql(
      `mutation { login(input: { email: "x@example.org", password: "pas-le-bon" }) { token } }`,
    );
    expect(errorCode(login)).toBeDefined();
    expect(errorCode(login)).not.toBe('TOO_MANY_REQUESTS');
  });
});

describe('rate-limit configuration', () => {
  it('validates MUTATION_RATE_LIMIT_PER_MINUTE and TRUST_PROXY at boot', () => {
    expect(loadAppConfig({}).MUTATION_RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(() => loadAppConfig({ MUTATION_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      /MUTATION_RATE_LIMIT_PER_MINUTE/,
    );
    expect(() => loadAppConfig({ MUTATION_RATE_LIMIT_PER_MINUTE: 'beaucoup' })).toThrow(
      /MUTATION_RATE_LIMIT_PER_MINUTE/,
    );
    expect(() => loadAppConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadAppConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadAppConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadAppConfig({}).trustProxy).toBe('loopback');
  });
});
