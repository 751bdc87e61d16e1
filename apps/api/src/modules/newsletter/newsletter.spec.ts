import { SmtpInbox, startSmtpInbox } from '@concerto/testing';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { NewsletterSender } from './newsletter.sender';

const CREATE = `mutation($i: NewsletterInput!) { createNewsletter(input: $i) { id status } }`;
const UPDATE = `mutation($id: ID!, $i: NewsletterInput!) { updateNewsletter(id: $id, input: $i) { id subject } }`;
const SEND = `mutation($id: ID!) { sendNewsletter(id: $id) { id status progress { total pending sent failed } } }`;
const COUNT = `query($id: ID!) { newsletterRecipientCount(id: $id) }`;
const SUBSCRIBE = `mutation($s: Boolean!) { setNewsletterSubscription(subscribed: $s) { subscribed } }`;
const PROGRESS = `query($id: ID!) { newsletter(id: $id) { status progress { total pending sent failed } } }`;

interface Member {
  token: string;
  id: string;
  email: string;
}

describe('newsletters (real SMTP server)', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let admin: string;
  let sender: NewsletterSender;
  let serial = 0;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://concerto.example' });
    admin = await t.adminToken();
    sender = t.app.get(NewsletterSender);
  });
  afterAll(async () => {
    await t?.close();
    await inbox?.close();
  });

  /** Registers members; `subscribed` ones opt in through the API. */
  async function members(n: number, subscribed: boolean): Promise<Member[]> {
    const out: Member[] = [];
    for (let i = 0; i < n; i++) {
      const m = await t.register(`Membre ${(serial += 1)}`);
      if (subscribed) {
        const r = await t.gql(SUBSCRIBE, { s: true }, m.token);
        expect(r.data.setNewsletterSubscription.subscribed).toBe(true);
      }
      out.push(m);
    }
    return out;
  }

  async function draft(input: Record<string, unknown> = {}): Promise<string> {
    const r = await t.gql(
      CREATE,
      {
        i: {
          subject: `Lettre de la filière n° ${(serial += 1)}`,
          body: '<p>Bonjour à toutes et à tous,</p><p>La concertation continue <script>alert(1)</script>.</p>',
          ...input,
        },
      },
      admin,
    );
    expect(r.errors).toBeUndefined();
    return r.data.createNewsletter.id;
  }

  /** Puts every member out of every earlier newsletter's audience (each test starts clean). */
  async function resetSubscriptions(): Promise<void> {
    await t.sql(`UPDATE newsletter_subscriptions SET subscribed = false`);
  }

  const mailsOf = (subject: string) => inbox.mails.filter((m) => m.subject === subject);

  it('compose → count → preview → test to oneself → send: every opted-in member once, with RFC 8058 headers and both parts', async () => {
    await resetSubscriptions();
    const inMembers = await members(3, true);
    const outMembers = await members(2, false);
    const id = await draft({ blocks: ['UPCOMING_MEETINGS', 'OPEN_PROCESSES', 'LATEST_NEWS'] });
    const [row] = await t.sql(`SELECT body, subject FROM newsletters WHERE id = $1`, [id]);
    expect(row.body).not.toContain('<script');
    expect((await t.gql(COUNT, { id }, admin)).data.newsletterRecipientCount).toBe(3);

    const preview = await t.gql(
      `query($id: ID!) { newsletterPreview(id: $id) { subject html text } }`,
      { id },
      admin,
    );
    expect(preview.data.newsletterPreview.html).toContain('Bonjour à toutes et à tous');
    expect(preview.data.newsletterPreview.html).not.toContain('<script');
    expect(preview.data.newsletterPreview.text).toContain('Se désinscrire');

    const test = await t.gql(`mutation($id: ID!) { sendNewsletterTest(id: $id) }`, { id }, admin);
    expect(test.errors).toBeUndefined();
    const testMail = await inbox.waitFor(test.data.sendNewsletterTest, /^\[Test\] /);
    expect(testMail.subject).toBe(`[Test] ${row.subject}`);
    expect(
      await t.sql(`SELECT 1 FROM newsletter_deliveries WHERE newsletter_id = $1`, [id]),
    ).toHaveLength(0);

    const sent = await t.gql(SEND, { id }, admin);
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendNewsletter.status).toBe('SENDING');
    expect(sent.data.sendNewsletter.progress).toEqual({ total: 3, pending: 3, sent: 0, failed: 0 });
    await sender.drain();

    const received = mailsOf(row.subject);
    expect(received.map((m) => m.to).sort()).toEqual(
      inMembers.map((m) => m.email.toLowerCase()).sort(),
    );
    for (const m of outMembers)
      expect(
        inbox.mails.some((x) => x.to === m.email.toLowerCase() && x.subject === row.subject),
      ).toBe(false);
    const tokens = await t.sql(
      `SELECT user_id, token FROM newsletter_subscriptions WHERE user_id = ANY($1::uuid[])`,
      [inMembers.map((m) => m.id)],
    );
    for (const mail of received) {
      const member = inMembers.find((m) => m.email.toLowerCase() === mail.to)!;
      const token = tokens.find((r) => r.user_id === member.id).token;
      expect(mail.headers!['list-unsubscribe']).toBe(
        `<https://concerto.example/lettre/desinscription/${token}>`,
      );
      expect(mail.headers!['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.messageId).toBe(`<newsletter.${id}.${member.id}@concerto.example>`);
      expect(mail.text).toContain(`https://concerto.example/lettre/se-desinscrire?jeton=${token}`);
      expect(mail.html).toContain(`https://concerto.example/lettre/se-desinscrire?jeton=${token}`);
    }
    const progress = await t.gql(PROGRESS, { id }, admin);
    expect(progress.data.newsletter).toEqual({
      status: 'SENT',
      progress: { total: 3, pending: 0, sent: 3, failed: 0 },
    });
    const [log] = await t.sql(
      `SELECT count(*)::int AS n FROM action_logs WHERE resource_type = 'newsletter' AND resource_id = $1 AND action = 'send'`,
      [id],
    );
    expect(log.n).toBe(1);
  });

  it('one-click POST unsubscribes with no cookie; GET never does; the choice is kept for the next newsletter', async () => {
    await resetSubscriptions();
    const [a, b] = await members(2, true);
    const [{ token }] = await t.sql(
      `SELECT token FROM newsletter_subscriptions WHERE user_id = $1`,
      [a.id],
    );
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    const get = await fetch(`${t.baseUrl}/lettre/desinscription/${token}`, { redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`/lettre/se-desinscrire?jeton=${token}`);
    expect(
      (await t.sql(`SELECT subscribed FROM newsletter_subscriptions WHERE user_id = $1`, [a.id]))[0]
        .subscribed,
    ).toBe(true);

    const post = await fetch(`${t.baseUrl}/lettre/desinscription/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ unsubscribed: true });
    const [after] = await t.sql(
      `SELECT subscribed, changed_via FROM newsletter_subscriptions WHERE user_id = $1`,
      [a.id],
    );
    expect(after).toEqual({ subscribed: false, changed_via: 'ONE_CLICK' });
    const unknown = await fetch(`${t.baseUrl}/lettre/desinscription/${'0'.repeat(64)}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unknown.status).toBe(404);

    const id = await draft();
    expect((await t.gql(COUNT, { id }, admin)).data.newsletterRecipientCount).toBe(1);
    await t.gql(SEND, { id }, admin);
    await sender.drain();
    const [{ subject }] = await t.sql(`SELECT subject FROM newsletters WHERE id = $1`, [id]);
    expect(mailsOf(subject).map((m) => m.to)).toEqual([b.email.toLowerCase()]);

    // re-subscribing from the account settings
    const again = await t.gql(SUBSCRIBE, { s: true }, a.token);
    expect(again.data.setNewsletterSubscription.subscribed).toBe(true);
    const mine = await t.gql(`{ myNewsletterSubscription { subscribed } }`, {}, a.token);
    expect(mine.data.myNewsletterSubscription.subscribed).toBe(true);
  });

  it('recipients: followers of chosen spaces, members of chosen typologies, opted-in only', async () => {
    await resetSubscriptions();
    const [follower, hospital, both, plain] = await members(4, true);
    const [optedOutFollower] = await members(1, false);
    const [space] = await t.sql(
      `SELECT id FROM participatory_spaces WHERE published_at IS NOT NULL ORDER BY created_at LIMIT 1`,
    );
    for (const m of [follower, both, optedOutFollower]) {
      const r = await t.gql(
        `mutation($id: ID!) { follow(followableType: SPACE, followableId: $id) }`,
        { id: space.id },
        m.token,
      );
      expect(r.errors).toBeUndefined();
    }
    for (const m of [hospital, both]) {
      const r = await t.gql(
        `mutation { updateMyProfile(input: { typologyKey: "hospital" }) { pseudo } }`,
        {},
        m.token,
      );
      expect(r.errors).toBeUndefined();
    }
    const bySpace = await draft({ audience: 'SPACES', spaceIds: [space.id] });
    const byTypology = await draft({ audience: 'TYPOLOGIES', typologyKeys: ['hospital'] });
    const all = await draft();
    expect((await t.gql(COUNT, { id: bySpace }, admin)).data.newsletterRecipientCount).toBe(2);
    expect((await t.gql(COUNT, { id: byTypology }, admin)).data.newsletterRecipientCount).toBe(2);
    expect((await t.gql(COUNT, { id: all }, admin)).data.newsletterRecipientCount).toBe(4);
    await t.gql(SEND, { id: bySpace }, admin);
    const rows = await t.sql(
      `SELECT user_id FROM newsletter_deliveries WHERE newsletter_id = $1 ORDER BY user_id`,
      [bySpace],
    );
    expect(rows.map((r) => r.user_id)).toEqual([follower.id, both.id].sort());
    void plain;
    await sender.drain();
  });

  it('bad input gets a coded French error and changes nothing', async () => {
    await resetSubscriptions();
    const before = await t.sql(`SELECT count(*)::int AS n FROM newsletters`);
    const attempt = (i: Record<string, unknown>) => t.gql(CREATE, { i }, admin);
    const noSubject = await attempt({ subject: '  ', body: 'Texte' });
    expect(errorCode(noSubject)).toBe('BAD_USER_INPUT');
    expect(noSubject.errors![0].extensions!.field).toBe('subject');
    const noBody = await attempt({ subject: 'Objet', body: '<p> </p><script>x</script>' });
    expect(errorCode(noBody)).toBe('BAD_USER_INPUT');
    expect(noBody.errors![0].extensions!.field).toBe('body');
    expect(errorCode(await attempt({ subject: 'Objet', body: 'Texte', audience: 'SPACES' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(
        await attempt({
          subject: 'Objet',
          body: 'Texte',
          audience: 'TYPOLOGIES',
          typologyKeys: ['inconnue'],
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await t.sql(`SELECT count(*)::int AS n FROM newsletters`))[0].n).toBe(before[0].n);

    // no recipient: refused, still a draft, nothing queued
    const id = await draft();
    const none = await t.gql(SEND, { id }, admin);
    expect(errorCode(none)).toBe('NEWSLETTER_NO_RECIPIENT');
    expect(none.errors![0].message).toMatch(/Aucun membre/);
    const [row] = await t.sql(`SELECT status, send_requested_at FROM newsletters WHERE id = $1`, [
      id,
    ]);
    expect(row).toEqual({ status: 'DRAFT', send_requested_at: null });
    expect(
      await t.sql(`SELECT 1 FROM newsletter_deliveries WHERE newsletter_id = $1`, [id]),
    ).toHaveLength(0);

    // already sent: no second send, no edit, no deletion
    await members(1, true);
    expect((await t.gql(SEND, { id }, admin)).errors).toBeUndefined();
    const twice = await t.gql(SEND, { id }, admin);
    expect(errorCode(twice)).toBe('CONFLICT');
    expect(twice.errors![0].extensions!.reason).toBe('ALREADY_SENT');
    const edit = await t.gql(UPDATE, { id, i: { subject: 'Autre objet' } }, admin);
    expect(edit.errors![0].extensions!.reason).toBe('NOT_A_DRAFT');
    const del = await t.gql(`mutation($id: ID!) { deleteNewsletter(id: $id) }`, { id }, admin);
    expect(del.errors![0].extensions!.reason).toBe('NOT_A_DRAFT');
    await sender.drain();

    // not an organization admin
    const [member] = await members(1, false);
    expect(errorCode(await t.gql(SEND, { id }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`{ newsletters { id } }`, {}, member.token))).toBe('FORBIDDEN');
  });

  it('race: 8 concurrent « envoyer » and 4 concurrent workers → each recipient exactly once (rows and mails)', async () => {
    await resetSubscriptions();
    const recipients = await members(12, true);
    const id = await draft();
    const [{ subject }] = await t.sql(`SELECT subject FROM newsletters WHERE id = $1`, [id]);
    const sends = await Promise.all(Array.from({ length: 8 }, () => t.gql(SEND, { id }, admin)));
    expect(sends.filter((r) => !r.errors).length).toBe(1);
    for (const r of sends.filter((r) => r.errors))
      expect(r.errors![0].extensions!.reason).toBe('ALREADY_SENT');
    // four workers, small batches, all at once
    await Promise.all(
      Array.from({ length: 4 }, () =>
        (async () => {
          while (await sender.processBatch(2));
        })(),
      ),
    );
    const rows = await t.sql(
      `SELECT user_id, status, attempts FROM newsletter_deliveries WHERE newsletter_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
    const mails = mailsOf(subject);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
    expect(new Set(mails.map((m) => m.to))).toEqual(
      new Set(recipients.map((m) => m.email.toLowerCase())),
    );
  });

  it('crash mid-batch, then resume after the lease: the rest is sent, nobody twice', async () => {
    await resetSubscriptions();
    await members(7, true);
    const id = await draft();
    const [{ subject }] = await t.sql(`SELECT subject FROM newsletters WHERE id = $1`, [id]);
    await t.gql(SEND, { id }, admin);
    let count = 0;
    const crash = new Error('crash');
    await expect(
      sender.processBatch(5, () => {
        if ((count += 1) === 3) throw crash; // the worker dies after its third recorded mail
      }),
    ).rejects.toBe(crash);
    const mid = await t.sql(
      `SELECT status, count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1 GROUP BY status ORDER BY status`,
      [id],
    );
    expect(mid).toEqual([
      { status: 'PENDING', n: 2 },
      { status: 'SENDING', n: 2 },
      { status: 'SENT', n: 3 },
    ]);
    // another worker: the leased rows are not taken while the lease runs
    await sender.drain();
    expect(
      (
        await t.sql(
          `SELECT count(*)::int AS n FROM newsletter_deliveries WHERE newsletter_id = $1 AND status = 'SENDING'`,
          [id],
        )
      )[0].n,
    ).toBe(2);
    expect((await t.gql(PROGRESS, { id }, admin)).data.newsletter.status).toBe('SENDING');
    // the lease passes
    await t.sql(
      `UPDATE newsletter_deliveries SET lease_until = now() - interval '1 second' WHERE newsletter_id = $1 AND status = 'SENDING'`,
      [id],
    );
    await sender.drain();
    const mails = mailsOf(subject);
    expect(mails).toHaveLength(7);
    expect(new Set(mails.map((m) => m.to)).size).toBe(7);
    expect((await t.gql(PROGRESS, { id }, admin)).data.newsletter).toEqual({
      status: 'SENT',
      progress: { total: 7, pending: 0, sent: 7, failed: 0 },
    });
  });

  it('a member who unsubscribes after « envoyer » is not mailed (FAILED: UNSUBSCRIBED)', async () => {
    await resetSubscriptions();
    const [stays, leaves] = await members(2, true);
    const id = await draft();
    const [{ subject }] = await t.sql(`SELECT subject FROM newsletters WHERE id = $1`, [id]);
    await t.gql(SEND, { id }, admin);
    const [{ token }] = await t.sql(
      `SELECT token FROM newsletter_subscriptions WHERE user_id = $1`,
      [leaves.id],
    );
    const post = await fetch(`${t.baseUrl}/lettre/desinscription/${token}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    await sender.drain();
    expect(mailsOf(subject).map((m) => m.to)).toEqual([stays.email.toLowerCase()]);
    const [row] = await t.sql(
      `SELECT status, error FROM newsletter_deliveries WHERE newsletter_id = $1 AND user_id = $2`,
      [id, leaves.id],
    );
    expect(row).toEqual({ status: 'FAILED', error: 'UNSUBSCRIBED' });
    expect((await t.gql(PROGRESS, { id }, admin)).data.newsletter).toEqual({
      status: 'SENT',
      progress: { total: 2, pending: 0, sent: 1, failed: 1 },
    });
  });

  it('account deletion removes the choice and the deliveries', async () => {
    const [m] = await members(1, true);
    const id = await draft();
    await t.gql(SEND, { id }, admin);
    await sender.drain();
    expect(
      await t.sql(`SELECT 1 FROM newsletter_deliveries WHERE user_id = $1`, [m.id]),
    ).toHaveLength(1);
    const deleted = await t.gql(
      `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`,
      { p: 'correct horse battery' },
      m.token,
    );
    expect(deleted.errors).toBeUndefined();
    expect(
      await t.sql(`SELECT 1 FROM newsletter_deliveries WHERE user_id = $1`, [m.id]),
    ).toHaveLength(0);
    expect(
      await t.sql(`SELECT 1 FROM newsletter_subscriptions WHERE user_id = $1`, [m.id]),
    ).toHaveLength(0);
  });
});
