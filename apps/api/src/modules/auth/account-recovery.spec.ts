import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { waitUntil } from '../../../test/wait-until';
import { SmtpInbox, startSmtpInbox, tokenOf } from '@concerto/testing';

const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const CONFIRM = `mutation($input: ConfirmEmailInput!) { confirmEmail(input: $input) }`;
const RESEND = `mutation { resendEmailConfirmation }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const ME = `{ me { id emailConfirmed } }`;
const CREATE_PROPOSAL = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;

describe('account recovery and e-mail confirmation, mails through a real SMTP server', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({
      SMTP_URL: inbox.url,
      PUBLIC_URL: 'https://concerto.example',
      ACCOUNT_MAILS_PER_HOUR: '3',
    });
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  const login = (email: string, password: string) => t.gql(LOGIN, { input: { email, password } });

  it('mails a confirmation link at sign-up; opening it confirms the address, once', async () => {
    const user = await t.register('Claire Confirm');
    expect((await t.gql(ME, {}, user.token)).data.me.emailConfirmed).toBe(false);
    const mail = await inbox.waitFor(user.email, /Confirmez votre adresse/);
    expect(mail.text).toContain('https://concerto.example/confirmer-adresse?jeton=');
    const token = tokenOf(mail);
    expect((await t.gql(CONFIRM, { input: { token } })).data.confirmEmail).toBe(true);
    expect((await t.gql(ME, {}, user.token)).data.me.emailConfirmed).toBe(true);
    const again = await t.gql(CONFIRM, { input: { token } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions).toMatchObject({ field: 'token', reason: 'INVALID_TOKEN' });
    // only the hash is stored
    const rows = await t.sql(`SELECT token_hash FROM account_tokens WHERE user_id = $1`, [user.id]);
    expect(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(
      true,
    );
    expect(
      await t.sql(`SELECT 1 FROM action_logs WHERE action = 'confirm_email' AND resource_id = $1`, [
        user.id,
      ]),
    ).toHaveLength(1);
  });

  it('resets a password by the mailed link: the old one stops working and every session is revoked', async () => {
    const user = await t.register('Paul Oubli');
    const other = await login(user.email, 'correct horse battery');
    expect(
      (await t.gql(REQUEST, { input: { email: user.email.toUpperCase() } })).data
        .requestPasswordReset,
    ).toBe(true);
    const mail = await inbox.waitFor(user.email, /Réinitialiser votre mot de passe/);
    expect(mail.text).toContain('https://concerto.example/nouveau-mot-de-passe?jeton=');
    const token = tokenOf(mail);
    const res = await t.gql(RESET, { input: { token, newPassword: 'un nouveau secret solide' } });
    expect(res.errors).toBeUndefined();
    expect((await t.gql(ME, {}, user.token)).data.me).toBeNull();
    expect((await t.gql(ME, {}, other.data.login.token)).data.me).toBeNull();
    expect(errorCode(await login(user.email, 'correct horse battery'))).toBe('UNAUTHENTICATED');
    const fresh = await login(user.email, 'un nouveau secret solide');
    expect((await t.gql(ME, {}, fresh.data.login.token)).data.me.emailConfirmed).toBe(true); // the link reached the mailbox
    // one-time
    const reuse = await t.gql(RESET, { input: { token, newPassword: 'encore un autre secret' } });
    expect(reuse.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
      reason: 'INVALID_TOKEN',
    });
    expect(
      await t.sql(
        `SELECT 1 FROM action_logs WHERE action = 'reset_password' AND resource_id = $1`,
        [user.id],
      ),
    ).toHaveLength(1);
  });

  it('answers the same for an unknown address, and mails nothing', async () => {
    const before = inbox.mails.length;
    const unknown = await t.gql(REQUEST, { input: { email: 'personne@example.org' } });
    const someone = await t.register();
    const known = await t.gql(REQUEST, { input: { email: someone.email } });
    expect(unknown).toEqual(known);
    expect(unknown).toEqual({ data: { requestPasswordReset: true } });
    // the link asked for later has been delivered (mails leave after the answer): one for the
    // unknown address would have been too, however slow the machine
    await inbox.waitFor(someone.email, /Réinitialiser/, 30_000);
    expect(inbox.mails.slice(before).some((m) => m.to === 'personne@example.org')).toBe(false);
  });

  it('refuses an expired link, a weak password and a malformed token, changing nothing', async () => {
    const user = await t.register('Expirée');
    await t.gql(REQUEST, { input: { email: user.email } });
    const token = tokenOf(await inbox.waitFor(user.email, /Réinitialiser/));
    const [{ password_hash: hashBefore }] = await t.sql(
      `SELECT password_hash FROM users WHERE id = $1`,
      [user.id],
    );
    const weak = await t.gql(RESET, { input: { token, newPassword: 'court' } });
    expect(weak.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
    const malformed = await t.gql(RESET, {
      input: { token: 'pas-un-jeton', newPassword: 'un nouveau secret solide' },
    });
    expect(malformed.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });
    await t.sql(
      `UPDATE account_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1`,
      [user.id],
    );
    const expired = await t.gql(RESET, {
      input: { token, newPassword: 'un nouveau secret solide' },
    });
    expect(expired.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
      reason: 'INVALID_TOKEN',
    });
    const [{ password_hash: hashAfter }] = await t.sql(
      `SELECT password_hash FROM users WHERE id = $1`,
      [user.id],
    );
    expect(hashAfter).toBe(hashBefore);
    expect((await t.gql(ME, {}, user.token)).data.me.id).toBe(user.id); // still signed in
  });

  it('mails at most ACCOUNT_MAILS_PER_HOUR links per account and hour, counted under a lock (20 simultaneous requests)', async () => {
    const user = await t.register('Insistante'); // its confirmation link is the first of the hour
    await Promise.all(
      Array.from({ length: 20 }, () => t.gql(REQUEST, { input: { email: user.email } })),
    );
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1`,
      [user.id],
    );
    expect(n).toBe(3);
    // the links leave after the answers: awaited for as long as a loaded machine needs (a fixed
    // 500 ms could end before the third arrived), then a moment for a fourth that must not come
    const mailed = () => inbox.mails.filter((m) => m.to === user.email.toLowerCase()).length;
    await waitUntil('three links mailed', mailed, (k) => k >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailed()).toBe(3);
  });

  it('two simultaneous uses of one link: exactly one succeeds', async () => {
    const user = await t.register('Course');
    await t.gql(REQUEST, { input: { email: user.email } });
    const token = tokenOf(await inbox.waitFor(user.email, /Réinitialiser/));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.gql(RESET, { input: { token, newPassword: `secret numéro ${i} solide` } }),
      ),
    );
    expect(results.filter((r) => r.data?.resetPassword === true)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(7);
  });

  it('resends a confirmation link to an unconfirmed account, and not to a confirmed one', async () => {
    const user = await t.register('Renvoi');
    await inbox.waitFor(user.email, /Confirmez/);
    expect((await t.gql(RESEND, {}, user.token)).data.resendEmailConfirmation).toBe(true);
    await t.sql(`UPDATE users SET email_confirmed_at = now() WHERE id = $1`, [user.id]);
    expect((await t.gql(RESEND, {}, user.token)).data.resendEmailConfirmation).toBe(false);
    expect(errorCode(await t.gql(RESEND, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('EMAIL_CONFIRMATION_REQUIRED: no participation before confirming', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, EMAIL_CONFIRMATION_REQUIRED: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('refuses a proposal until the address is confirmed, while the own-account operations still work', async () => {
    const [{ id: componentId }] = await t.sql(
      `SELECT c.id FROM components c JOIN participatory_spaces s ON s.id = c.space_id WHERE c.type = 'PROPOSALS' AND s.type = 'PROCESS' AND c.published_at IS NOT NULL ORDER BY c.position LIMIT 1`,
    );
    const user = await t.register('Pas encore confirmée');
    const input = {
      componentId,
      title: 'Une proposition avant confirmation',
      body: 'Un texte assez long pour être une proposition valable.',
    };
    const refused = await t.gql(CREATE_PROPOSAL, { input }, user.token);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'EMAIL_NOT_CONFIRMED',
    });
    expect(await t.sql(`SELECT 1 FROM proposals WHERE title = $1`, [input.title])).toHaveLength(0);
    expect(
      (await t.gql(`mutation { markNotificationsRead }`, {}, user.token)).errors,
    ).toBeUndefined();
    const token = tokenOf(await inbox.waitFor(user.email, /Confirmez/));
    await t.gql(CONFIRM, { input: { token } });
    const accepted = await t.gql(CREATE_PROPOSAL, { input }, user.token);
    expect(accepted.errors).toBeUndefined();
  });
});
