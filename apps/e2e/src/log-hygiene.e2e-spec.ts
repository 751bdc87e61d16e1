import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcertoServer, currentTermsVersions, freePort } from './concerto-server';
import { type PostgresServer, startPostgres } from './postgres-server';

/**
 * Log hygiene: the production build (NODE_ENV=production, JSON logs, an external PostgreSQL)
 * goes through everything that handles credentials and personal data — sign-up, wrong and right
 * sign-ins, an unknown account, a password change, a password reset request and a reset with a
 * link token, a query document carrying a password inline, a data export, and mails that cannot
 * be delivered (SMTP_URL points at a closed port, so every mail fails and is logged) — then
 * every log line must be JSON and none may contain an e-mail address, a password, a session
 * token or a link token of the test users. (The API suite proves with a real SMTP server that
 * the mails themselves go out.)
 */
describe('log hygiene: no e-mail, password or token in the production logs', () => {
  let dataDir: string;
  let postgres: PostgresServer;
  let server: ConcertoServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'concerto-logs-'));
    postgres = await startPostgres(join(dataDir, 'pg'));
    const closedPort = await freePort(); // nothing listens there
    server = new ConcertoServer(await freePort(), join(dataDir, 'unused'), {
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      DATABASE_URL: await postgres.createDatabase('concerto_logs'),
      SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
      ADMIN_PASSWORD: 'le mot de passe administrateur des journaux',
      PUBLIC_URL: 'http://concerto.test',
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop('SIGTERM');
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function gql(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  }

  it('writes JSON lines without any of the secrets and personal data it handled', async () => {
    const email = 'Hygiene.Journaux@exemple.org';
    const unknownEmail = 'personne.inconnue@exemple.org';
    const passwords = [
      'première phrase secrète',
      'deuxième phrase secrète',
      'troisième phrase secrète',
      'mauvaise phrase secrète',
      'phrase de la personne inconnue',
    ];
    const secrets: string[] = [
      email,
      email.toLowerCase(),
      unknownEmail,
      ...passwords,
      'le mot de passe administrateur des journaux',
    ];

    const registered = await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
      i: {
        name: 'Hygiène des journaux',
        email,
        password: passwords[0],
        ...(await currentTermsVersions(server.url)),
      },
    });
    expect(registered.errors).toBeUndefined();
    const session: string = registered.data.register.token;
    secrets.push(session);
    const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;
    expect(
      (await gql(LOGIN, { i: { email, password: passwords[3] } })).errors?.[0].extensions?.code,
    ).toBeDefined();
    expect(
      (await gql(LOGIN, { i: { email: unknownEmail, password: passwords[4] } })).errors?.[0]
        .extensions?.code,
    ).toBeDefined();
    const signedIn = await gql(LOGIN, { i: { email, password: passwords[0] } });
    expect(signedIn.errors).toBeUndefined();
    secrets.push(signedIn.data.login.token);
    // a password inline in the document (no variables), and a document that does not parse
    await gql(
      `mutation { login(input: { email: "${email}", password: "${passwords[3]}" }) { token } }`,
    );
    await gql(
      `mutation { login(input: { email: "${email}", password: "${passwords[3]}" }) { token }`,
    );

    expect(
      (
        await gql(
          `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`,
          { i: { currentPassword: passwords[0], newPassword: passwords[1] } },
          signedIn.data.login.token,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await gql(`mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }`, {
          i: { email },
        })
      ).errors,
    ).toBeUndefined();
    // a link token of the right shape (the real one is only in the mail): refused, and never logged
    const linkToken = 'Jt9dQm2vXr7LkP4sW8zN1bC6hF3yA5eG0uR2iO9tV7w';
    secrets.push(linkToken);
    expect(
      (
        await gql(`mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`, {
          i: { token: linkToken, newPassword: passwords[2] },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await gql(`mutation($i: ConfirmEmailInput!) { confirmEmail(input: $i) }`, {
          i: { token: linkToken },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const again = await gql(LOGIN, { i: { email, password: passwords[1] } });
    expect(again.errors).toBeUndefined();
    secrets.push(again.data.login.token);
    expect(
      (await gql(`mutation { requestDataExport { id } }`, {}, again.data.login.token)).errors,
    ).toBeUndefined();
    // tokens in a URL: the query string and a long path segment are never logged as such
    await fetch(
      `${server.url}/exports/my-data/00000000-0000-4000-8000-000000000000.zip?token=${again.data.login.token}`,
    );

    // the sign-up confirmation and the reset link could not be mailed: their failures are logged
    const mailFailure = (output: string) =>
      output.split('\n').some((line) => /mail/i.test(line) && /"level":"(error|warn)"/.test(line));
    for (
      const deadline = Date.now() + 20_000;
      !mailFailure(server.output) && Date.now() < deadline;

    )
      await new Promise((r) => setTimeout(r, 200));

    expect(await server.stop('SIGTERM')).toBe(0);
    const lines = server.output.split('\n').filter((line) => line.trim());
    expect(lines.length).toBeGreaterThan(10);
    const notJson = lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const leaks = secrets.flatMap((secret) =>
      lines
        .filter((line) => line.toLowerCase().includes(secret.toLowerCase()))
        .map((line) => `${secret.slice(0, 12)}… in ${line.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
    // the undeliverable mail was reported (so the check above saw its line)
    expect(mailFailure(server.output)).toBe(true);
  }, 180_000);
});
