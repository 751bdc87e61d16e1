import { createHash, randomBytes } from 'node:crypto';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { NotificationDispatcher } from '../notification/notification.dispatcher';
import { MeetingSchedulerService } from './meeting-scheduler.service';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const FIELDS = `id title description type address location onlineUrl hasOnlineUrl startsAt endsAt state published cancelled registrationsEnabled capacity
  registrationsOpen waitlistEnabled registeredCount waitlistedCount attendedCount seatsLeft icsPath agenda { position title durationMinutes }
  viewerRegistration { status code waitlistPosition attendedAt } viewerCanAdminister`;
const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: MeetingFieldsInput!) { updateMeeting(id: $id, input: $i) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $p: Boolean!) { publishMeeting(id: $id, published: $p) { published } }`;
const CANCEL = `mutation($id: ID!, $r: String) { cancelMeeting(id: $id, reason: $r) { cancelled registrationsOpen } }`;
const REGISTER = `mutation($id: ID!) { registerForMeeting(meetingId: $id) { registeredCount waitlistedCount viewerRegistration { status code waitlistPosition } } }`;
const UNREGISTER = `mutation($id: ID!) { cancelMeetingRegistration(meetingId: $id) { registeredCount waitlistedCount viewerRegistration { status } } }`;
const ATTEND = `mutation($id: ID!, $code: String!) { markAttendance(meetingId: $id, code: $code) { name status code attendedAt } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { ${FIELDS} } }`;
const LIST = `query($c: ID!) { meetings(componentId: $c) { id title state } }`;
const ATTENDEES = `query($id: ID!) { meetingAttendees(meetingId: $id) { name status code waitlistPosition attendedAt } }`;

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('Rencontres: meetings, registrations held by PostgreSQL, attendance, iCalendar, reminders', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let componentId: string;
  let spaceAdmin: { token: string; id: string; email: string };

  /** Signed-in users made in bulk (rows and sessions written directly, as the ballot race does). */
  const bulkUsers = async (n: number): Promise<{ token: string; id: string }[]> => {
    const tokens = Array.from({ length: n }, () => randomBytes(24).toString('base64url'));
    const tag = randomBytes(4).toString('hex');
    const users = await t.sql<{ id: string }>(
      `INSERT INTO users (name, email, password_hash) SELECT 'Participant·e ' || i, 'rencontre-' || $2 || '-' || i || '@example.org', 'x' FROM generate_series(1, $1) i RETURNING id`,
      [n, tag],
    );
    await t.sql(
      `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT unnest($1::uuid[]), unnest($2::text[]), now() + interval '1 day'`,
      [users.map((u) => u.id), tokens.map((tk) => createHash('sha256').update(tk).digest('hex'))],
    );
    return users.map((u, i) => ({ id: u.id, token: tokens[i] }));
  };
  const create = async (fields: Record<string, unknown> = {}) => {
    const res = await t.gql(
      CREATE,
      {
        i: {
          componentId,
          title: 'Journée de test',
          type: 'IN_PERSON',
          address: '14 avenue Duquesne, 75007 Paris',
          startsAt: inHours(72),
          endsAt: inHours(74),
          published: true,
          ...fields,
        },
      },
      spaceAdmin.token,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createMeeting;
  };
  const rows = async (meetingId: string) =>
    (
      await t.sql(
        `SELECT status, count(*)::int AS n FROM meeting_registrations WHERE meeting_id = $1 GROUP BY status`,
        [meetingId],
      )
    ).reduce(
      (acc: Record<string, number>, r: { status: string; n: number }) => ({
        ...acc,
        [r.status]: r.n,
      }),
      { REGISTERED: 0, WAITLISTED: 0 },
    );
  const notificationsOf = async (token: string, kind: string) => {
    await t.app.get(NotificationDispatcher).idle();
    await t.app.get(NotificationDispatcher).processBatch();
    const res = await t.gql(
      `{ notifications(first: 50) { edges { node { kind link body } } } }`,
      {},
      token,
    );
    return (
      res.data.notifications.edges as { node: { kind: string; link: string; body: string } }[]
    )
      .map((e) => e.node)
      .filter((n) => n.kind === kind);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
    componentId = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'MEETINGS', title: 'Rencontres de test', published: true } },
        admin,
      )
    ).data.createComponent.id;
    spaceAdmin = await t.register('Admin des rencontres');
    const role = await t.gql(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } },
      admin,
    );
    expect(role.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => t?.close());

  describe('meetings', () => {
    it('creates a meeting with a sanitised description, an agenda and a state from the database clock; writes a journal line', async () => {
      const m = await create({
        description:
          '<p>Bonjour <script>alert(1)</script><strong>filière</strong></p><img src=x onerror=alert(1)>',
        agenda: [
          { title: 'Accueil', durationMinutes: 30 },
          { title: 'Tables rondes', durationMinutes: 90 },
        ],
      });
      expect(m.description).toBe('<p>Bonjour <strong>filière</strong></p>');
      expect(m.state).toBe('UPCOMING');
      expect(m.agenda).toEqual([
        { position: 0, title: 'Accueil', durationMinutes: 30 },
        { position: 1, title: 'Tables rondes', durationMinutes: 90 },
      ]);
      expect(m.viewerCanAdminister).toBe(true);
      expect(m.icsPath).toBe(`/calendar/meetings/${m.id}.ics`);
      const [log] = await t.sql(
        `SELECT action, visibility FROM action_logs WHERE resource_type = 'meeting' AND resource_id = $1`,
        [m.id],
      );
      expect(log).toEqual({ action: 'create', visibility: 'PUBLIC' });
      await t.sql(
        `UPDATE meetings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
        [m.id],
      );
      expect((await t.gql(MEETING, { id: m.id })).data.meeting.state).toBe('ONGOING');
      await t.sql(
        `UPDATE meetings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [m.id],
      );
      expect((await t.gql(MEETING, { id: m.id })).data.meeting.state).toBe('PAST');
    });

    it('refuses bad input with a field and changes nothing: end before start, ONLINE without a URL, a non-http URL, a reversed registration window', async () => {
      const before = (await t.sql(`SELECT count(*)::int AS n FROM meetings`))[0].n;
      const bad = async (fields: Record<string, unknown>, field: string) => {
        const res = await t.gql(
          CREATE,
          {
            i: {
              componentId,
              title: 'Rencontre refusée',
              type: 'IN_PERSON',
              startsAt: inHours(48),
              endsAt: inHours(50),
              ...fields,
            },
          },
          spaceAdmin.token,
        );
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      };
      await bad({ endsAt: inHours(47) }, 'endsAt');
      await bad({ endsAt: inHours(48) }, 'endsAt');
      await bad({ type: 'ONLINE' }, 'onlineUrl');
      await bad({ type: 'HYBRID', onlineUrl: 'javascript:alert(1)' }, 'onlineUrl');
      await bad(
        {
          registrationsEnabled: true,
          registrationsOpenAt: inHours(10),
          registrationsCloseAt: inHours(5),
        },
        'registrationsCloseAt',
      );
      await bad({ title: undefined }, 'title');
      const proposals = (
        await t.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space.components.find((c: { type: string }) => c.type === 'PROPOSALS').id;
      const wrong = await t.gql(
        CREATE,
        {
          i: {
            componentId: proposals,
            title: 'Ailleurs',
            type: 'IN_PERSON',
            startsAt: inHours(48),
            endsAt: inHours(50),
          },
        },
        admin,
      );
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
      expect((await t.sql(`SELECT count(*)::int AS n FROM meetings`))[0].n).toBe(before);
    });

    it('drafts are seen by admins only; participants and anonymous visitors cannot create', async () => {
      const draft = await create({ published: false, title: 'Brouillon de rencontre' });
      const someone = await t.register('Curieuse');
      expect(errorCode(await t.gql(MEETING, { id: draft.id }, someone.token))).toBe('NOT_FOUND');
      expect(
        (await t.gql(LIST, { c: componentId }, someone.token)).data.meetings.map(
          (m: { id: string }) => m.id,
        ),
      ).not.toContain(draft.id);
      expect(
        (await t.gql(LIST, { c: componentId }, spaceAdmin.token)).data.meetings.map(
          (m: { id: string }) => m.id,
        ),
      ).toContain(draft.id);
      expect(
        errorCode(
          await t.gql(
            CREATE,
            {
              i: {
                componentId,
                title: 'Pirate',
                type: 'IN_PERSON',
                startsAt: inHours(5),
                endsAt: inHours(6),
              },
            },
            someone.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(CREATE, {
            i: {
              componentId,
              title: 'Pirate',
              type: 'IN_PERSON',
              startsAt: inHours(5),
              endsAt: inHours(6),
            },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect(
        (await t.gql(PUBLISH, { id: draft.id, p: true }, spaceAdmin.token)).data.publishMeeting
          .published,
      ).toBe(true);
      expect((await t.gql(MEETING, { id: draft.id }, someone.token)).data.meeting.title).toBe(
        'Brouillon de rencontre',
      );
    });

    it('shows the online URL to registrants from 15 minutes before the start, to everyone without registration, always to admins', async () => {
      const url = 'https://visio.example.org/journee';
      const soon = await create({
        type: 'ONLINE',
        onlineUrl: url,
        startsAt: inHours(0.2),
        endsAt: inHours(2),
        registrationsEnabled: true,
      });
      const later = await create({
        type: 'HYBRID',
        onlineUrl: url,
        startsAt: inHours(1),
        endsAt: inHours(2),
        registrationsEnabled: true,
      });
      const open = await create({
        type: 'ONLINE',
        onlineUrl: url,
        startsAt: inHours(5),
        endsAt: inHours(6),
        registrationsEnabled: false,
      });
      const [registrant, other] = await bulkUsers(2);
      for (const m of [soon, later])
        expect((await t.gql(REGISTER, { id: m.id }, registrant.token)).errors).toBeUndefined();
      expect((await t.gql(MEETING, { id: soon.id }, registrant.token)).data.meeting.onlineUrl).toBe(
        url,
      );
      expect((await t.gql(MEETING, { id: soon.id }, other.token)).data.meeting).toMatchObject({
        onlineUrl: null,
        hasOnlineUrl: true,
      });
      expect((await t.gql(MEETING, { id: soon.id })).data.meeting.onlineUrl).toBeNull();
      expect(
        (await t.gql(MEETING, { id: later.id }, registrant.token)).data.meeting.onlineUrl,
      ).toBeNull();
      expect(
        (await t.gql(MEETING, { id: later.id }, spaceAdmin.token)).data.meeting.onlineUrl,
      ).toBe(url);
      expect((await t.gql(MEETING, { id: open.id })).data.meeting.onlineUrl).toBe(url);
      // « Mes inscriptions »: both, the sooner first, with their page paths
      const mine = (
        await t.gql(
          `{ myMeetingRegistrations { id path viewerRegistration { status } } }`,
          {},
          registrant.token,
        )
      ).data.myMeetingRegistrations;
      expect(mine.map((m: { id: string }) => m.id)).toEqual([soon.id, later.id]);
      expect(mine[0].path).toBe(
        `/espaces/structuration-filiere-sante-numerique/f/${componentId}/rencontres/${soon.id}`,
      );
      expect(errorCode(await t.gql(`{ myMeetingRegistrations { id } }`))).toBe('UNAUTHENTICATED');
    });
  });

  describe('registrations (capacity held by PostgreSQL)', () => {
    it('200 participants at once for the last 5 seats → exactly 5 REGISTERED, 195 WAITLISTED in arrival order, positions 1…195', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 40, waitlistEnabled: true });
      const early = await bulkUsers(35);
      for (const u of early)
        expect((await t.gql(REGISTER, { id: m.id }, u.token)).errors).toBeUndefined();
      const racers = await bulkUsers(200);
      const started = Date.now();
      const results = await Promise.all(racers.map((u) => t.gql(REGISTER, { id: m.id }, u.token)));
      const elapsed = Date.now() - started;
      expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
      const statuses = results.map(
        (r) => r.data.registerForMeeting.viewerRegistration.status as string,
      );
      expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(5);
      expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(195);
      expect(await rows(m.id)).toEqual({ REGISTERED: 40, WAITLISTED: 195 });
      // the seats went to the first five through the lock: every waiting arrival comes after every seat
      const [order] = await t.sql(
        `SELECT max(arrival) FILTER (WHERE status = 'REGISTERED') < min(arrival) FILTER (WHERE status = 'WAITLISTED') AS ordered FROM meeting_registrations WHERE meeting_id = $1`,
        [m.id],
      );
      expect(order.ordered).toBe(true);
      const positions = results
        .map((r) => r.data.registerForMeeting.viewerRegistration.waitlistPosition)
        .filter((p) => p !== null)
        .sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 195 }, (_, i) => i + 1));
      const codes = await t.sql(
        `SELECT count(DISTINCT code)::int AS n FROM meeting_registrations WHERE meeting_id = $1`,
        [m.id],
      );
      expect(codes[0].n).toBe(235);
      const seen = (await t.gql(MEETING, { id: m.id })).data.meeting;
      expect(seen).toMatchObject({ registeredCount: 40, waitlistedCount: 195, seatsLeft: 0 });
      console.info(
        `meetings race: 200 registrations for the last 5 seats in ${elapsed} ms → 5 REGISTERED, 195 WAITLISTED`,
      );
    }, 120_000);

    it('without a waiting list: 200 at once for 5 seats → exactly 5 REGISTERED, 195 LIMIT_REACHED, no other row', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 5, waitlistEnabled: false });
      const racers = await bulkUsers(200);
      const results = await Promise.all(racers.map((u) => t.gql(REGISTER, { id: m.id }, u.token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(5);
      expect(results.filter((r) => errorCode(r) === 'LIMIT_REACHED')).toHaveLength(195);
      expect(await rows(m.id)).toEqual({ REGISTERED: 5, WAITLISTED: 0 });
    }, 120_000);

    it('viewerReported follows a report made earlier in the same document (no stale per-request answer)', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 10 });
      const [u] = await bulkUsers(1);
      const res = await t.gql(
        `mutation($m: ID!) {
          a: registerForMeeting(meetingId: $m) { viewerReported }
          r: reportContent(input: { resourceType: MEETING, resourceId: $m, reason: SPAM }) { reportCount }
          b: cancelMeetingRegistration(meetingId: $m) { viewerReported }
        }`,
        { m: m.id },
        u.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: { viewerReported: false },
        r: { reportCount: 1 },
        b: { viewerReported: true },
      });
    });

    it('a double click (10 identical requests at once) gives one row and CONFLICT for the others', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 0 });
      const [u] = await bulkUsers(1);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.gql(REGISTER, { id: m.id }, u.token)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
      expect(await rows(m.id)).toEqual({ REGISTERED: 1, WAITLISTED: 0 });
    });

    it('a cancellation promotes the first waiting person in the same transaction and notifies them; concurrent cancellations promote exactly as many', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 2, waitlistEnabled: true });
      const users = await bulkUsers(8);
      for (const u of users) await t.gql(REGISTER, { id: m.id }, u.token);
      expect(await rows(m.id)).toEqual({ REGISTERED: 2, WAITLISTED: 6 });
      const cancelled = await t.gql(UNREGISTER, { id: m.id }, users[0].token);
      expect(cancelled.data.cancelMeetingRegistration).toEqual({
        registeredCount: 2,
        waitlistedCount: 5,
        viewerRegistration: null,
      });
      expect(
        (await t.gql(MEETING, { id: m.id }, users[2].token)).data.meeting.viewerRegistration.status,
      ).toBe('REGISTERED');
      expect(
        (await t.gql(MEETING, { id: m.id }, users[3].token)).data.meeting.viewerRegistration
          .waitlistPosition,
      ).toBe(1);
      const notified = await notificationsOf(users[2].token, 'MEETING_REGISTRATION_PROMOTED');
      expect(notified).toHaveLength(1);
      expect(notified[0].link).toMatch(new RegExp(`/rencontres/${m.id}$`));
      // the second seat holder and three waiting people leave at once: 2 seats, then the next two in line
      const leave = await Promise.all(
        [users[1], users[3], users[4], users[5]].map((u) =>
          t.gql(UNREGISTER, { id: m.id }, u.token),
        ),
      );
      expect(leave.filter((r) => r.errors)).toEqual([]);
      expect(await rows(m.id)).toEqual({ REGISTERED: 2, WAITLISTED: 1 });
      const seated = (
        await t.sql(
          `SELECT user_id FROM meeting_registrations WHERE meeting_id = $1 AND status = 'REGISTERED' ORDER BY arrival`,
          [m.id],
        )
      ).map((r) => r.user_id);
      expect(seated).toEqual([users[2].id, users[6].id]);
      expect(errorCode(await t.gql(UNREGISTER, { id: m.id }, users[0].token))).toBe('NOT_FOUND');
    });

    it('refuses registering when closed, after the close, twice, and a capacity below the registered count', async () => {
      const [u, v] = await bulkUsers(2);
      const off = await create({ registrationsEnabled: false });
      expect(errorCode(await t.gql(REGISTER, { id: off.id }, u.token))).toBe('REGISTRATION_CLOSED');
      const closed = await create({
        registrationsEnabled: true,
        registrationsOpenAt: inHours(-5),
        registrationsCloseAt: inHours(-1),
      });
      expect(errorCode(await t.gql(REGISTER, { id: closed.id }, u.token))).toBe(
        'REGISTRATION_CLOSED',
      );
      const notYet = await create({ registrationsEnabled: true, registrationsOpenAt: inHours(1) });
      expect(errorCode(await t.gql(REGISTER, { id: notYet.id }, u.token))).toBe(
        'REGISTRATION_CLOSED',
      );
      const m = await create({ registrationsEnabled: true, capacity: 3 });
      await t.gql(REGISTER, { id: m.id }, u.token);
      await t.gql(REGISTER, { id: m.id }, v.token);
      expect(errorCode(await t.gql(REGISTER, { id: m.id }, u.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(REGISTER, { id: m.id }))).toBe('UNAUTHENTICATED');
      const low = await t.gql(UPDATE, { id: m.id, i: { capacity: 1 } }, spaceAdmin.token);
      expect(low.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'capacity',
      });
      expect((await t.gql(MEETING, { id: m.id })).data.meeting.capacity).toBe(3);
      // a cancelled meeting takes no registration, and its registrants are told
      const w = (await bulkUsers(1))[0];
      expect(
        (await t.gql(CANCEL, { id: m.id, r: 'Grève des transports' }, spaceAdmin.token)).data
          .cancelMeeting,
      ).toEqual({ cancelled: true, registrationsOpen: false });
      expect(errorCode(await t.gql(REGISTER, { id: m.id }, w.token))).toBe('REGISTRATION_CLOSED');
      expect(errorCode(await t.gql(CANCEL, { id: m.id }, spaceAdmin.token))).toBe('CONFLICT');
      expect(await notificationsOf(u.token, 'MEETING_CANCELLED')).toHaveLength(1);
      // once started, a registration cannot be cancelled
      const started = await create({ registrationsEnabled: true });
      await t.gql(REGISTER, { id: started.id }, v.token);
      await t.sql(`UPDATE meetings SET starts_at = now() - interval '1 minute' WHERE id = $1`, [
        started.id,
      ]);
      expect(errorCode(await t.gql(UNREGISTER, { id: started.id }, v.token))).toBe(
        'REGISTRATION_CLOSED',
      );
    });

    it('an account deletion frees its seat for the first waiting person, who is notified', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 1, waitlistEnabled: true });
      const holder = await t.register('Titulaire qui part');
      const [waiting] = await bulkUsers(1);
      await t.gql(REGISTER, { id: m.id }, holder.token);
      await t.gql(REGISTER, { id: m.id }, waiting.token);
      const deleted = await t.gql(
        `mutation($i: DeleteMyAccountInput!) { deleteMyAccount(input: $i) }`,
        { i: { password: 'correct horse battery' } },
        holder.token,
      );
      expect(deleted.data?.deleteMyAccount).toBe(true);
      expect(await rows(m.id)).toEqual({ REGISTERED: 1, WAITLISTED: 0 });
      expect(
        (await t.gql(MEETING, { id: m.id }, waiting.token)).data.meeting.viewerRegistration.status,
      ).toBe('REGISTERED');
      expect(await notificationsOf(waiting.token, 'MEETING_REGISTRATION_PROMOTED')).toHaveLength(1);
    });

    it('a larger capacity promotes the first waiting people', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 1, waitlistEnabled: true });
      const users = await bulkUsers(4);
      for (const u of users) await t.gql(REGISTER, { id: m.id }, u.token);
      const raised = await t.gql(UPDATE, { id: m.id, i: { capacity: 3 } }, spaceAdmin.token);
      expect(raised.data.updateMeeting).toMatchObject({ registeredCount: 3, waitlistedCount: 1 });
    });

    it('marks attendance by code: space admins only, a code of another meeting is NOT_FOUND, a waiting code CONFLICT; counts are exact', async () => {
      const m = await create({ registrationsEnabled: true, capacity: 1, waitlistEnabled: true });
      const other = await create({ registrationsEnabled: true });
      const [u, waiting] = await bulkUsers(2);
      const code = (await t.gql(REGISTER, { id: m.id }, u.token)).data.registerForMeeting
        .viewerRegistration.code as string;
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      const waitingCode = (await t.gql(REGISTER, { id: m.id }, waiting.token)).data
        .registerForMeeting.viewerRegistration.code;
      const otherCode = (await t.gql(REGISTER, { id: other.id }, u.token)).data.registerForMeeting
        .viewerRegistration.code;
      expect(errorCode(await t.gql(ATTEND, { id: m.id, code }, u.token))).toBe('FORBIDDEN');
      const foreign = await t.gql(ATTEND, { id: m.id, code: otherCode }, spaceAdmin.token);
      if (otherCode !== code)
        expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
      expect(
        errorCode(await t.gql(ATTEND, { id: m.id, code: waitingCode }, spaceAdmin.token)),
      ).toBe('CONFLICT');
      expect(
        (await t.gql(ATTEND, { id: m.id, code: 'abc' }, spaceAdmin.token)).errors?.[0].extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
      const marked = await t.gql(ATTEND, { id: m.id, code: typed }, spaceAdmin.token);
      expect(marked.data.markAttendance).toMatchObject({ status: 'REGISTERED', code });
      const again = await Promise.all(
        [1, 2, 3].map(() => t.gql(ATTEND, { id: m.id, code }, spaceAdmin.token)),
      );
      expect(
        again.every(
          (r) => r.data.markAttendance.attendedAt === marked.data.markAttendance.attendedAt,
        ),
      ).toBe(true);
      expect((await t.gql(MEETING, { id: m.id })).data.meeting.attendedCount).toBe(1);
      const list = (await t.gql(ATTENDEES, { id: m.id }, spaceAdmin.token)).data.meetingAttendees;
      expect(
        list.map((a: { status: string; waitlistPosition: number | null }) => [
          a.status,
          a.waitlistPosition,
        ]),
      ).toEqual([
        ['REGISTERED', null],
        ['WAITLISTED', 1],
      ]);
      expect(errorCode(await t.gql(ATTENDEES, { id: m.id }, u.token))).toBe('FORBIDDEN');
      expect(
        (await t.gql(MEETING, { id: m.id }, u.token)).data.meeting.viewerRegistration.attendedAt,
      ).not.toBeNull();
    });
  });

  describe('iCalendar', () => {
    it('serves one meeting and a space feed with TZID=Europe/Paris, a stable UID, and a SEQUENCE that moves with the time or place', async () => {
      const m = await create({
        title: 'Journée iCalendar',
        startsAt: '2027-04-01T07:00:00Z',
        endsAt: '2027-04-01T09:00:00Z',
        location: 'Salle Laroque',
        registrationsEnabled: true,
      });
      const [registrant] = await bulkUsers(1);
      await t.gql(REGISTER, { id: m.id }, registrant.token);
      const ics = async () => {
        const res = await fetch(`${t.baseUrl}/calendar/meetings/${m.id}.ics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
        return res.text();
      };
      const first = await ics();
      expect(first).toContain(`UID:${m.id}@concerto`);
      expect(first).toContain('DTSTART;TZID=Europe/Paris:20270401T090000');
      expect(first).toContain('DTEND;TZID=Europe/Paris:20270401T110000');
      expect(first).toContain('BEGIN:VTIMEZONE');
      expect(first).toContain('SEQUENCE:0');
      await t.gql(
        UPDATE,
        { id: m.id, i: { title: 'Journée iCalendar (titre)' } },
        spaceAdmin.token,
      );
      expect(await ics()).toContain('SEQUENCE:0');
      await t.gql(
        UPDATE,
        { id: m.id, i: { startsAt: '2027-04-01T08:00:00Z', endsAt: '2027-04-01T10:00:00Z' } },
        spaceAdmin.token,
      );
      const moved = await ics();
      expect(moved).toContain('SEQUENCE:1');
      expect(await notificationsOf(registrant.token, 'MEETING_CHANGED')).toEqual([
        expect.objectContaining({ body: 'Journée iCalendar (titre) : nouvel horaire' }),
      ]);
      expect(moved).toContain('DTSTART;TZID=Europe/Paris:20270401T100000');
      await t.gql(
        UPDATE,
        { id: m.id, i: { address: '1 place de Fontenoy, 75007 Paris' } },
        spaceAdmin.token,
      );
      expect(await ics()).toContain('SEQUENCE:2');
      expect(
        (await notificationsOf(registrant.token, 'MEETING_CHANGED')).map((n) => n.body),
      ).toContain('Journée iCalendar (titre) : nouveau lieu');
      const feed = await fetch(`${t.baseUrl}/calendar/spaces/${spaceId}.ics`);
      expect(feed.status).toBe(200);
      const text = await feed.text();
      expect(text).toContain(`UID:${m.id}@concerto`);
      const draft = await create({ published: false, title: 'Brouillon iCalendar' });
      expect(text).not.toContain(draft.id);
      expect((await fetch(`${t.baseUrl}/calendar/meetings/${draft.id}.ics`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/calendar/meetings/pas-un-id.ics`)).status).toBe(404);
      expect(
        (await fetch(`${t.baseUrl}/calendar/spaces/00000000-0000-4000-8000-000000000000.ics`))
          .status,
      ).toBe(404);
    });
  });

  describe('reminders', () => {
    it('24 h before the start each registrant gets one reminder, however many times and processes the scheduler runs', async () => {
      const m = await create({
        registrationsEnabled: true,
        capacity: 3,
        startsAt: inHours(23),
        endsAt: inHours(25),
      });
      const far = await create({
        registrationsEnabled: true,
        startsAt: inHours(30),
        endsAt: inHours(31),
      });
      const users = await bulkUsers(4);
      for (const u of users) {
        await t.gql(REGISTER, { id: m.id }, u.token);
        await t.gql(REGISTER, { id: far.id }, u.token);
      }
      const scheduler = t.app.get(MeetingSchedulerService);
      const ticks = await Promise.all([scheduler.tick(), scheduler.tick(), scheduler.tick()]);
      const later = await scheduler.tick();
      // every reminder recorded once across the racing ticks (meetings of earlier tests starting soon included)
      expect(ticks.reduce((a, b) => a + b, 0) + later).toBe(
        (await t.sql(`SELECT count(*)::int AS n FROM meeting_reminders`))[0].n,
      );
      expect(later).toBe(0);
      // the three seated registrants, not the waiting one, and nobody of the meeting starting in 30 h
      expect(
        (
          await t.sql(`SELECT count(*)::int AS n FROM meeting_reminders WHERE meeting_id = $1`, [
            m.id,
          ])
        )[0].n,
      ).toBe(3);
      expect(
        (
          await t.sql(`SELECT count(*)::int AS n FROM meeting_reminders WHERE meeting_id = $1`, [
            far.id,
          ])
        )[0].n,
      ).toBe(0);
      for (const u of users.slice(0, 3))
        expect(await notificationsOf(u.token, 'MEETING_REMINDER')).toHaveLength(1);
      expect(await notificationsOf(users[3].token, 'MEETING_REMINDER')).toHaveLength(0);
      await scheduler.tick();
      expect(await notificationsOf(users[0].token, 'MEETING_REMINDER')).toHaveLength(1);
    });
  });
});
