import { errorCode, INITIAL_TERMS, startTestApp, TestApp } from '../../../test/test-app';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id name email isAdmin } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { id email } } }`;
const ME = `{ me { id name email isAdmin } }`;

describe('accounts: register, login, logout, me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const countUsers = async () => Number((await t.sql(`SELECT count(*) AS n FROM users`))[0].n);

  it('registers a participant, returns a working bearer token, and stores an argon2id hash', async () => {
    const res = await t.gql(REGISTER, {
      input: {
        name: 'Camille Martin',
        email: 'camille@example.org',
        password: 'une phrase solide',
        ...INITIAL_TERMS,
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.register.user).toMatchObject({
      name: 'Camille Martin',
      email: 'camille@example.org',
      isAdmin: false,
    });
    const me = await t.gql(ME, {}, res.data.register.token);
    expect(me.data.me.email).toBe('camille@example.org');
    const [row] = await t.sql(
      `SELECT password_hash FROM users WHERE email = 'camille@example.org'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('sets an httpOnly session cookie that authenticates the web app', async () => {
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: LOGIN,
        variables: { input: { email: 'CAMILLE@example.org', password: 'une phrase solide' } },
      }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/concerto_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0];
    const me = await t.gql(ME, {}, undefined, { cookie: session });
    expect(me.data.me.email).toBe('camille@example.org');
  });

  it('refuses a duplicate e-mail in another letter case with CONFLICT and writes nothing', async () => {
    const before = await countUsers();
    const res = await t.gql(REGISTER, {
      input: {
        name: 'Autre',
        email: 'Camille@Example.ORG',
        password: 'une autre phrase',
        ...INITIAL_TERMS,
      },
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions!.field).toBe('email');
    expect(await countUsers()).toBe(before);
  });

  it.each([
    ['too short', 'court', 'tooShort'],
    ['one repeated character', 'aaaaaaaaaaaa', 'tooSimple'],
  ])(
    'refuses a weak password (%s) with BAD_USER_INPUT and writes nothing',
    async (_label, password, reason) => {
      const before = await countUsers();
      const res = await t.gql(REGISTER, {
        input: { name: 'Weak', email: `weak-${reason}@example.org`, password, ...INITIAL_TERMS },
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions).toMatchObject({ field: 'password', reason });
      expect(await countUsers()).toBe(before);
    },
  );

  it.each([
    [
      'an invalid e-mail',
      { name: 'Nom', email: 'pas-une-adresse', password: 'une phrase solide', ...INITIAL_TERMS },
    ],
    [
      'an empty name',
      { name: ' ', email: 'vide@example.org', password: 'une phrase solide', ...INITIAL_TERMS },
    ],
    [
      'a 300-character name',
      {
        name: 'x'.repeat(300),
        email: 'long@example.org',
        password: 'une phrase solide',
        ...INITIAL_TERMS,
      },
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_label, input) => {
    const before = await countUsers();
    const res = await t.gql(REGISTER, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await countUsers()).toBe(before);
  });

  // a live account passing for a deleted one or for the administration (found by a tester)
  it.each([
    ['the deleted-account name', 'Participant supprimé'],
    ['it in other case, spacing and without the accent', ' participant  SUPPRIME '],
    ['an administrator title with a Cyrillic look-alike letter', 'Adm\u0456nistrateur'],
    ['an administrator title with a dotless i', 'Adm\u0131nistrateur'],
    ['the English deleted-account name', 'Deleted participant'],
  ])('refuses %s as a display name with BAD_USER_INPUT', async (_label, name) => {
    const before = await countUsers();
    const res = await t.gql(REGISTER, {
      input: {
        name,
        email: `reserve-${Date.now()}@example.org`,
        password: 'une phrase solide',
        ...INITIAL_TERMS,
      },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/réservé/);
    expect(await countUsers()).toBe(before);
  });

  it('accepts names that merely contain a reserved word', async () => {
    const res = await t.gql(REGISTER, {
      input: {
        name: 'Administratrice Dupont',
        email: `dupont-${Date.now()}@example.org`,
        password: 'une phrase solide',
        ...INITIAL_TERMS,
      },
    });
    expect(res.errors).toBeUndefined();
  });

  it('refuses a missing field with a GraphQL validation code, never a 500', async () => {
    const res = await t.gql(
      `mutation { register(input: { name: "x", email: "y@example.org" }) { token } }`,
    );
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a wrong password and an unknown e-mail with the same UNAUTHENTICATED error', async () => {
    const wrong = await t.gql(LOGIN, {
      input: { email: 'camille@example.org', password: 'mauvais mot de passe' },
    });
    const unknown = await t.gql(LOGIN, {
      input: { email: 'personne@example.org', password: 'mauvais mot de passe' },
    });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('revokes the session on logout', async () => {
    const { token } = await t.register();
    expect((await t.gql(ME, {}, token)).data.me).not.toBeNull();
    const out = await t.gql(`mutation { logout }`, {}, token);
    expect(out.data.logout).toBe(true);
    expect((await t.gql(ME, {}, token)).data.me).toBeNull();
    const again = await t.gql(`mutation { logout }`, {}, token);
    expect(errorCode(again)).toBe('UNAUTHENTICATED');
  });

  it('ignores a forged token', async () => {
    expect((await t.gql(ME, {}, 'not-a-real-token')).data.me).toBeNull();
  });

  it('race: 20 concurrent sign-ups with the same e-mail in different cases store exactly one account', async () => {
    const variants = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? 'race@example.org' : 'RACE@Example.org',
    );
    const results = await Promise.all(
      variants.map((email, i) =>
        t.gql(REGISTER, {
          input: { name: `Racer ${i}`, email, password: 'une phrase solide', ...INITIAL_TERMS },
        }),
      ),
    );
    const ok = results.filter((r) => r.data?.register);
    const conflicts = results.filter((r) => errorCode(r) === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const rows = await t.sql(
      `SELECT count(*) AS n FROM users WHERE lower(email) = 'race@example.org'`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers TOO_MANY_REQUESTS after the per-minute limit, without checking the password', async () => {
    const attempts = [];
    for (let i = 0; i < 7; i++) {
      attempts.push(
        await t.gql(LOGIN, {
          input: { email: 'admin@concerto.test', password: `essai-${i}-incorrect` },
        }),
      );
    }
    expect(attempts.slice(0, 5).map(errorCode)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(attempts.slice(5).map(errorCode)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });
});
