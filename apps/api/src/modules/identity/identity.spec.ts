import { DataSource } from 'typeorm';
import JSZip from 'jszip';
import { buildPersonalDataArchive } from '../account/personal-data-archive';
import { PersonalDataContributors } from '../account/personal-data-contributors';
import { errorCode, startTestApp, type TestApp } from '../../../test/test-app';
import { startTestOidcProvider, type TestOidcProvider } from '@concerto/testing';

/** A browser's cookies, per origin (paths ignored: each test browser talks to two origins only). */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(sessionToken?: string, apiOrigin?: string) {
    if (sessionToken && apiOrigin) this.cookies(apiOrigin).set('concerto_session', sessionToken);
  }

  cookies(origin: string): Map<string, string> {
    let jar = this.jar.get(origin);
    if (!jar) this.jar.set(origin, (jar = new Map()));
    return jar;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.cookies(origin).get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const cookie = [...this.cookies(origin)].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) ||
          (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()),
      );
      if (expired || value === '') this.cookies(origin).delete(name);
      else this.cookies(origin).set(name, value);
    }
    return response;
  }
}

const location = (response: Response, base: string) =>
  new URL(response.headers.get('location')!, base).href;

describe('OpenID Connect sign-in against a real OpenID Provider (oidc-provider)', () => {
  let t: TestApp;
  let op: TestOidcProvider;

  beforeAll(async () => {
    op = await startTestOidcProvider();
    t = await startTestApp({
      OIDC_PROVIDERS: 'test,down',
      // a provider that cannot be reached (nothing listens on port 1): discovery fails
      OIDC_DOWN_ISSUER: 'http://127.0.0.1:1',
      OIDC_DOWN_CLIENT_ID: 'unreachable',
      OIDC_TEST_ISSUER: op.issuer,
      OIDC_TEST_CLIENT_ID: op.clientId,
      OIDC_TEST_CLIENT_SECRET: op.clientSecret,
      OIDC_TEST_LABEL: 'Pro Santé Connect (test)',
      OIDC_TEST_PRESET: 'prosante-connect',
      OIDC_TEST_SCOPES: 'openid scope_all',
    });
    // the API listens on a random port: its public URL (redirect URI) is known only now
    t.config.PUBLIC_URL = t.baseUrl;
    op.register(`${t.baseUrl}/auth/oidc/test/callback`);
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  /**
   * Drives the authorization code flow up to the provider's redirect to our callback: start (or
   * link) → provider /auth → login form (login) → consent → redirect. Returns the callback URL
   * without following it, so a test can tamper with it, replay it or race it.
   */
  async function untilCallback(
    browser: Browser,
    login: string,
    start = `/auth/oidc/test/start?returnTo=/concertations`,
  ): Promise<string> {
    let response = await browser.request(`${t.baseUrl}${start}`);
    expect(response.status).toBe(303);
    let url = location(response, t.baseUrl);
    for (let hop = 0; hop < 20; hop++) {
      if (url.startsWith(`${t.baseUrl}/auth/oidc/test/callback`)) return url;
      if (!url.startsWith(op.issuer)) throw new Error(`unexpected redirect to ${url}`);
      response = await browser.request(url);
      if (response.status === 200 && /\/interaction\//.test(url)) {
        const html = await response.text();
        const prompt = /name="prompt" value="(\w+)"/.exec(html)![1];
        const body =
          prompt === 'login'
            ? new URLSearchParams({ prompt, login, password: 'any' })
            : new URLSearchParams({ prompt });
        response = await browser.request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
      }
      expect([302, 303]).toContain(response.status);
      url = location(response, url);
    }
    throw new Error('too many redirects');
  }

  /** Follows the callback; returns where the API sends the browser. */
  async function callback(browser: Browser, url: string): Promise<{ status: number; to: string }> {
    const response = await browser.request(url);
    return { status: response.status, to: response.headers.get('location') ?? '' };
  }

  const me = async (browser: Browser) => {
    const token = browser.cookie(t.baseUrl, 'concerto_session');
    if (!token) return null;
    return (await t.gql(`{ me { id name email emailConfirmed } }`, {}, token)).data?.me as {
      id: string;
      name: string;
      email: string;
      emailConfirmed: boolean;
    } | null;
  };
  const identitiesOf = (userId: string) =>
    t.sql<{ id: string; subject: string; professional_id: string | null }>(
      `SELECT id, subject, professional_id FROM identities WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );

  it('lists the configured provider for the sign-in buttons; an unknown provider key is a 404', async () => {
    expect((await t.gql(`{ identityProviders { key label } }`)).data.identityProviders).toEqual([
      { key: 'test', label: 'Pro Santé Connect (test)' },
      { key: 'down', label: 'OpenID Connect' },
    ]);
    for (const path of [
      '/auth/oidc/inconnu/start',
      '/auth/oidc/inconnu/callback?code=x&state=y',
      '/auth/oidc/inconnu/link',
    ]) {
      const response = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
  });

  it('sends the browser to the provider with PKCE (S256), state, nonce, the preset’s scopes and acr_values, and binds the state to the browser', async () => {
    const browser = new Browser();
    const response = await browser.request(
      `${t.baseUrl}/auth/oidc/test/start?returnTo=//evil.example`,
    );
    const to = new URL(location(response, t.baseUrl));
    expect(to.origin + to.pathname).toBe(`${op.issuer}/auth`);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: op.clientId,
      response_type: 'code',
      redirect_uri: `${t.baseUrl}/auth/oidc/test/callback`,
      scope: 'openid scope_all',
      acr_values: 'eidas1',
      code_challenge_method: 'S256',
    });
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(browser.cookie(t.baseUrl, 'concerto_oidc_state')).toBe(to.searchParams.get('state'));
    const [attempt] = await t.sql(
      `SELECT return_to FROM identity_sign_in_attempts WHERE state = $1`,
      [to.searchParams.get('state')],
    );
    expect(attempt.return_to).toBe('/'); // not another site
  });

  it('sends the browser back to the sign-in page with OIDC_PROVIDER_UNAVAILABLE when the provider cannot be discovered', async () => {
    const response = await fetch(`${t.baseUrl}/auth/oidc/down/start`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/connexion?oidc_error=OIDC_PROVIDER_UNAVAILABLE',
    );
  });

  it('signs up a new member through the provider: profile name from the claims, RPPS kept, no password, terms asked afterwards; then signs the same account in', async () => {
    op.people['dr-martin'] = {
      given_name: 'Claire',
      family_name: 'Martin',
      email: 'claire.martin@hopital.example',
      email_verified: true,
      SubjectNameID: '810002345678',
    };
    const browser = new Browser();
    const end = await callback(browser, await untilCallback(browser, 'dr-martin'));
    expect(end).toEqual({ status: 303, to: '/mon-compte?bienvenue=oidc' });
    const user = (await me(browser))!;
    expect(user).toMatchObject({
      name: 'Claire Martin',
      email: 'claire.martin@hopital.example',
      emailConfirmed: true,
    });
    expect(await identitiesOf(user.id)).toEqual([
      expect.objectContaining({ subject: 'dr-martin', professional_id: '810002345678' }),
    ]);
    const [account] = await t.sql(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(account.password_hash).toBeNull();
    const [profile] = await t.sql(`SELECT pseudo FROM member_profiles WHERE user_id = $1`, [
      user.id,
    ]);
    expect(profile.pseudo).toBeTruthy();
    const token = browser.cookie(t.baseUrl, 'concerto_session')!;
    expect(
      (await t.gql(`{ pendingTerms { kind } }`, {}, token)).data.pendingTerms.length,
    ).toBeGreaterThan(0);

    const again = new Browser();
    expect(await callback(again, await untilCallback(again, 'dr-martin'))).toEqual({
      status: 303,
      to: '/concertations',
    });
    expect((await me(again))!.id).toBe(user.id);
    expect(
      await t.sql(
        `SELECT count(*)::int AS n FROM users WHERE lower(email) = 'claire.martin@hopital.example'`,
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('links to the existing account with the same e-mail only when the provider says the e-mail is verified', async () => {
    const verified = await t.register('Inscrite par mot de passe');
    op.people['verified'] = {
      given_name: 'Ana',
      family_name: 'Lopes',
      email: verified.email.toUpperCase(),
      email_verified: true,
    };
    const browser = new Browser();
    expect((await callback(browser, await untilCallback(browser, 'verified'))).to).toBe(
      '/concertations',
    );
    expect((await me(browser))!.id).toBe(verified.id);
    expect(await identitiesOf(verified.id)).toHaveLength(1);

    const unverified = await t.register('Autre inscrite');
    op.people['unverified'] = {
      given_name: 'Eve',
      family_name: 'Usurpe',
      email: unverified.email,
      email_verified: false,
    };
    const intruder = new Browser();
    const usersBefore = await t.sql(`SELECT count(*)::int AS n FROM users`);
    expect(await callback(intruder, await untilCallback(intruder, 'unverified'))).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_EMAIL_CONFLICT',
    });
    expect(intruder.cookie(t.baseUrl, 'concerto_session')).toBeUndefined();
    expect(await identitiesOf(unverified.id)).toHaveLength(0);
    expect(await t.sql(`SELECT count(*)::int AS n FROM users`)).toEqual(usersBefore);
  });

  it('refuses a tampered state, a callback without this browser’s state cookie, a replayed callback, a wrong issuer and a cancelled sign-in — with a coded redirect, never a 5xx', async () => {
    op.people['tamper'] = {
      given_name: 'Tom',
      family_name: 'Pering',
      email: 'tom@example.org',
      email_verified: true,
    };
    const before = await t.sql(`SELECT count(*)::int AS n FROM identities`);

    const browser = new Browser();
    const url = new URL(await untilCallback(browser, 'tamper'));
    const tampered = new URL(url);
    tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
    expect(await callback(browser, tampered.href)).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_STATE_MISMATCH',
    });

    const other = new Browser();
    const stolen = await untilCallback(other, 'tamper');
    expect(await callback(new Browser(), stolen)).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_STATE_MISMATCH',
    });

    const wrongIssuer = new Browser();
    const forged = new URL(await untilCallback(wrongIssuer, 'tamper'));
    forged.searchParams.set('iss', 'https://attacker.example');
    expect(await callback(wrongIssuer, forged.href)).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_PROVIDER_ERROR',
    });

    const replay = new Browser();
    const replayed = await untilCallback(replay, 'tamper');
    const state = replay.cookie(t.baseUrl, 'concerto_oidc_state')!;
    expect((await callback(replay, replayed)).to).toBe('/mon-compte?bienvenue=oidc');
    replay.cookies(t.baseUrl).set('concerto_oidc_state', state);
    expect(await callback(replay, replayed)).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_STATE_MISMATCH',
    });

    const cancel = new Browser();
    await cancel.request(`${t.baseUrl}/auth/oidc/test/start`);
    const cancelState = cancel.cookie(t.baseUrl, 'concerto_oidc_state')!;
    expect(
      await callback(
        cancel,
        `${t.baseUrl}/auth/oidc/test/callback?error=access_denied&state=${cancelState}`,
      ),
    ).toEqual({ status: 303, to: '/connexion?oidc_error=OIDC_CANCELLED' });

    expect(await callback(new Browser(), `${t.baseUrl}/auth/oidc/test/callback`)).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_STATE_MISMATCH',
    });
    expect((await t.sql(`SELECT count(*)::int AS n FROM identities`))[0].n).toBe(before[0].n + 1); // only the one legitimate callback
  });

  it('creates one account when the same new identity calls back many times at once', async () => {
    op.people['racer'] = {
      given_name: 'Rita',
      family_name: 'Course',
      email: 'rita.course@example.org',
      email_verified: true,
    };
    const browsers = Array.from({ length: 6 }, () => new Browser());
    const urls = await Promise.all(browsers.map((b) => untilCallback(b, 'racer')));
    const ends = await Promise.all(browsers.map((b, i) => callback(b, urls[i])));
    expect(ends.every((e) => e.status === 303 && !e.to.includes('oidc_error'))).toBe(true);
    const ids = new Set((await Promise.all(browsers.map(me))).map((u) => u!.id));
    expect(ids.size).toBe(1);
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM users WHERE email = 'rita.course@example.org'`),
    ).toEqual([{ n: 1 }]);
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM identities WHERE subject = 'racer'`),
    ).toEqual([{ n: 1 }]);
  });

  it('links from the account page (from a recent sign-in only), refuses an identity held by another account, unlinks while a way to sign in remains; identities are in the data export and go with the account', async () => {
    const owner = await t.register('Titulaire');
    op.people['to-link'] = {
      given_name: 'Lina',
      family_name: 'Lien',
      email: 'autre-adresse@example.org',
      email_verified: false,
    };
    const browser = new Browser(owner.token, t.baseUrl);
    expect(
      await callback(browser, await untilCallback(browser, 'to-link', '/auth/oidc/test/link')),
    ).toEqual({ status: 303, to: '/mon-compte?oidc_linked=test' });
    const [identity] = await identitiesOf(owner.id);
    expect(identity.subject).toBe('to-link');

    // the same identity, from another signed-in account
    const other = await t.register('Autre titulaire');
    const otherBrowser = new Browser(other.token, t.baseUrl);
    expect(
      await callback(
        otherBrowser,
        await untilCallback(otherBrowser, 'to-link', '/auth/oidc/test/link'),
      ),
    ).toEqual({ status: 303, to: '/mon-compte?oidc_error=OIDC_IDENTITY_TAKEN' });
    expect(await identitiesOf(other.id)).toHaveLength(0);
    expect(await callback(new Browser(), `${t.baseUrl}/auth/oidc/test/link`)).toEqual({
      status: 303,
      to: '/connexion?oidc_error=OIDC_SIGN_IN_REQUIRED',
    });
    // a session older than 10 minutes cannot add a way into the account
    const stale = await t.register('Session ancienne');
    await t.sql(`UPDATE sessions SET created_at = now() - interval '1 hour' WHERE user_id = $1`, [
      stale.id,
    ]);
    expect(
      await callback(new Browser(stale.token, t.baseUrl), `${t.baseUrl}/auth/oidc/test/link`),
    ).toEqual({ status: 303, to: '/mon-compte?oidc_error=OIDC_REAUTHENTICATION_REQUIRED' });

    const methods = await t.gql(
      `{ mySignInMethods { password identities { id provider providerLabel unlinkable } } }`,
      {},
      owner.token,
    );
    expect(methods.data.mySignInMethods).toEqual({
      password: true,
      identities: [
        {
          id: identity.id,
          provider: 'test',
          providerLabel: 'Pro Santé Connect (test)',
          unlinkable: true,
        },
      ],
    });

    const zip = await JSZip.loadAsync(
      await buildPersonalDataArchive(
        t.app.get(DataSource).manager,
        owner.id,
        t.app
          .get(PersonalDataContributors)
          .all()
          .flatMap((c) => c.datasets),
      ),
    );
    const file = Object.keys(zip.files).find(
      (n) => n.includes('identities') && n.endsWith('.json'),
    )!;
    expect(await zip.file(file)!.async('string')).toContain('to-link');

    const unlink = `mutation($id: ID!) { unlinkIdentity(id: $id) { identities { id } } }`;
    expect(errorCode(await t.gql(unlink, { id: identity.id }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(unlink, { id: 'pas-un-uuid' }, owner.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await t.gql(unlink, { id: identity.id }, owner.token)).data.unlinkIdentity.identities,
    ).toEqual([]);

    // linked again, then the account is deleted: its identities go with it
    await callback(browser, await untilCallback(browser, 'to-link', '/auth/oidc/test/link'));
    expect(await identitiesOf(owner.id)).toHaveLength(1);
    const deleted = await t.gql(
      `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`,
      { input: { password: 'correct horse battery' } },
      owner.token,
    );
    expect(deleted.errors).toBeUndefined();
    expect(await identitiesOf(owner.id)).toHaveLength(0);
  });

  it('never unlinks the last way to sign in, even when two unlinks race', async () => {
    op.people['solo-a'] = {
      given_name: 'Sol',
      family_name: 'Oidc',
      email: 'sol.oidc@example.org',
      email_verified: true,
    };
    op.people['solo-b'] = {
      given_name: 'Sol',
      family_name: 'Oidc',
      email: 'sol.second@example.org',
      email_verified: true,
    };
    const browser = new Browser();
    await callback(browser, await untilCallback(browser, 'solo-a'));
    const user = (await me(browser))!;
    const token = browser.cookie(t.baseUrl, 'concerto_session')!;
    const [only] = await identitiesOf(user.id);
    const unlink = `mutation($id: ID!) { unlinkIdentity(id: $id) { identities { id } } }`;
    const refused = await t.gql(unlink, { id: only.id }, token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions!.reason).toBe('LAST_SIGN_IN_METHOD');

    const linker = new Browser(token, t.baseUrl); // no session at the provider yet: logs in as solo-b
    expect(
      await callback(linker, await untilCallback(linker, 'solo-b', '/auth/oidc/test/link')),
    ).toEqual({ status: 303, to: '/mon-compte?oidc_linked=test' });
    const both = await identitiesOf(user.id);
    expect(both).toHaveLength(2);
    const results = await Promise.all(both.map((i) => t.gql(unlink, { id: i.id }, token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(1);
    expect(await identitiesOf(user.id)).toHaveLength(1);
  });

  it('deletes an account without password only from a fresh sign-in (the provider stands for the password confirmation)', async () => {
    op.people['to-delete'] = {
      given_name: 'Paul',
      family_name: 'Sanspasse',
      email: 'paul.sanspasse@example.org',
      email_verified: true,
    };
    const browser = new Browser();
    await callback(browser, await untilCallback(browser, 'to-delete'));
    const user = (await me(browser))!;
    const token = browser.cookie(t.baseUrl, 'concerto_session')!;
    const remove = `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;

    await t.sql(`UPDATE sessions SET created_at = now() - interval '1 hour' WHERE user_id = $1`, [
      user.id,
    ]);
    const stale = await t.gql(remove, { input: { password: '' } }, token);
    expect(errorCode(stale)).toBe('FORBIDDEN');
    expect(stale.errors![0].extensions!.reason).toBe('REAUTHENTICATION_REQUIRED');
    expect(await identitiesOf(user.id)).toHaveLength(1);

    const again = new Browser(); // signs in again at the provider: a fresh session
    await callback(again, await untilCallback(again, 'to-delete'));
    const fresh = await t.gql(
      remove,
      { input: { password: '' } },
      again.cookie(t.baseUrl, 'concerto_session'),
    );
    expect(fresh.errors).toBeUndefined();
    expect(await identitiesOf(user.id)).toHaveLength(0);
    expect(
      await t.sql(`SELECT email, deleted_at IS NOT NULL AS deleted FROM users WHERE id = $1`, [
        user.id,
      ]),
    ).toEqual([{ email: null, deleted: true }]);
  });
});
