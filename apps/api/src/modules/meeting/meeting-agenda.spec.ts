import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { currentRequestId } from '../../common/logging/request-id';
import { NotificationDispatcher } from '../notification/notification.dispatcher';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id startsAt } }`;
const AGENDA_FIELDS = `agenda { id position title durationMinutes startsAt endsAt proposalIds motionIds links { type id title path }
  children { position title durationMinutes startsAt endsAt proposalIds children { id } } }`;
const SET_AGENDA = `mutation($id: ID!, $items: [MeetingAgendaItemInput!]!) { setMeetingAgenda(meetingId: $id, items: $items) { ${AGENDA_FIELDS} } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { ${AGENDA_FIELDS} state closingReport { closedAt minutes attendeesCount contributionsCount videoUrl proposalIds proposals { id title path } } } }`;
const CLOSE = `mutation($id: ID!, $i: CloseMeetingInput!) { closeMeeting(meetingId: $id, input: $i) { closingReport { minutes attendeesCount contributionsCount videoUrl proposalIds } } }`;

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const at = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

describe('Rencontres: agenda (ordre du jour) and closing report', () => {
  let t: TestApp;
  let admin: string;
  let processMeetings: string;
  let assemblyMeetings: string;
  let proposalIds: string[];
  let motionId: string;
  let spaceAdmin: { token: string; id: string; email: string };

  const components = async (slug: string) =>
    (
      await t.gql(`query($s: String!) { space(slug: $s) { id components { id type } } }`, {
        s: slug,
      })
    ).data.space;
  const create = async (componentId: string, fields: Record<string, unknown> = {}) => {
    const res = await t.gql(
      CREATE,
      {
        i: {
          componentId,
          title: 'Journée de la filière',
          type: 'IN_PERSON',
          startsAt: inHours(72),
          endsAt: inHours(80),
          published: true,
          ...fields,
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createMeeting as { id: string; startsAt: string };
  };
  const toPast = (id: string) =>
    t.sql(
      `UPDATE meetings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
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
    const process = await components('structuration-filiere-sante-numerique');
    const assembly = await components('assemblee-filiere-sante-numerique');
    const make = async (spaceId: string) =>
      (
        await t.gql(
          CREATE_COMPONENT,
          { input: { spaceId, type: 'MEETINGS', title: 'Rencontres', published: true } },
          admin,
        )
      ).data.createComponent.id as string;
    processMeetings = await make(process.id);
    assemblyMeetings = await make(assembly.id);
    const proposalsComponent = process.components.find(
      (c: { type: string }) => c.type === 'PROPOSALS',
    ).id;
    proposalIds = (
      await t.gql(
        `query($c: ID!) { proposals(componentId: $c, first: 3, order: RECENT) { edges { node { id } } } }`,
        { c: proposalsComponent },
      )
    ).data.proposals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(proposalIds).toHaveLength(3);
    const motionsComponent = assembly.components.find(
      (c: { type: string }) => c.type === 'MOTIONS',
    ).id;
    motionId = (
      await t.gql(`query($c: ID!) { motions(componentId: $c) { id } }`, { c: motionsComponent })
    ).data.motions[0].id;
    spaceAdmin = await t.register('Admin de la concertation');
    await t.gql(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId: process.id, email: spaceAdmin.email, role: 'ADMIN' } },
      admin,
    );
  }, 120_000);
  afterAll(() => t?.close());

  describe('agenda', () => {
    it('replaces the whole agenda: items and sub-items placed in time from the start, linked proposals and motions with their titles', async () => {
      const m = await create(processMeetings);
      const res = await t.gql(
        SET_AGENDA,
        {
          id: m.id,
          items: [
            { title: '  Accueil  ', durationMinutes: 30 },
            {
              title: 'Tables rondes',
              durationMinutes: 90,
              proposalIds: [proposalIds[1], proposalIds[0]],
              children: [
                { title: 'Interopérabilité', durationMinutes: 45, proposalIds: [proposalIds[2]] },
                { title: 'Éthique', durationMinutes: 45 },
              ],
            },
            { title: 'Clôture', durationMinutes: 15 },
          ],
        },
        spaceAdmin.token,
      );
      expect(res.errors).toBeUndefined();
      const agenda = res.data.setMeetingAgenda.agenda;
      expect(agenda.map((a: { title: string }) => a.title)).toEqual([
        'Accueil',
        'Tables rondes',
        'Clôture',
      ]);
      expect(agenda.map((a: { startsAt: string }) => a.startsAt)).toEqual([
        at(m.startsAt, 0),
        at(m.startsAt, 30),
        at(m.startsAt, 120),
      ]);
      expect(agenda[2].endsAt).toBe(at(m.startsAt, 135));
      expect(agenda[1].children).toEqual([
        {
          position: 0,
          title: 'Interopérabilité',
          durationMinutes: 45,
          startsAt: at(m.startsAt, 30),
          endsAt: at(m.startsAt, 75),
          proposalIds: [proposalIds[2]],
          children: [],
        },
        {
          position: 1,
          title: 'Éthique',
          durationMinutes: 45,
          startsAt: at(m.startsAt, 75),
          endsAt: at(m.startsAt, 120),
          proposalIds: [],
          children: [],
        },
      ]);
      expect(agenda[1].proposalIds).toEqual([proposalIds[1], proposalIds[0]]);
      expect(
        agenda[1].links.map((l: { id: string; type: string; path: string }) => [l.type, l.id]),
      ).toEqual([
        ['PROPOSAL', proposalIds[1]],
        ['PROPOSAL', proposalIds[0]],
      ]);
      expect(agenda[1].links[0].path).toMatch(new RegExp(`/propositions/${proposalIds[1]}$`));
      // replaced, not appended
      const again = await t.gql(
        SET_AGENDA,
        { id: m.id, items: [{ title: 'Seul point', durationMinutes: 60 }] },
        spaceAdmin.token,
      );
      expect(again.data.setMeetingAgenda.agenda.map((a: { title: string }) => a.title)).toEqual([
        'Seul point',
      ]);
      expect(
        (
          await t.sql(`SELECT count(*)::int AS n FROM meeting_agenda_items WHERE meeting_id = $1`, [
            m.id,
          ])
        )[0].n,
      ).toBe(1);
      const [log] = await t.sql(
        `SELECT action FROM action_logs WHERE resource_id = $1 AND action = 'set_agenda' LIMIT 1`,
        [m.id],
      );
      expect(log).toEqual({ action: 'set_agenda' });
      // the calendar file lists the agenda in Paris time
      const ics = await fetch(`${t.baseUrl}/calendar/meetings/${m.id}.ics`).then((r) => r.text());
      expect(ics.replace(/\r\n /g, '')).toContain('Ordre du jour :');
    });

    it('links motions of an Assemblée to a sitting’s agenda; a motion or proposal of another space is refused', async () => {
      const sitting = await create(assemblyMeetings, { title: 'Séance mensuelle' });
      const ok = await t.gql(
        SET_AGENDA,
        {
          id: sitting.id,
          items: [{ title: 'Motion du mois', durationMinutes: 30, motionIds: [motionId] }],
        },
        admin,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data.setMeetingAgenda.agenda[0].links).toEqual([
        expect.objectContaining({ type: 'MOTION', id: motionId }),
      ]);
      const foreign = await t.gql(
        SET_AGENDA,
        {
          id: sitting.id,
          items: [{ title: 'Ailleurs', durationMinutes: 30, proposalIds: [proposalIds[0]] }],
        },
        admin,
      );
      expect(foreign.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'items[0].proposalIds',
      });
      const m = await create(processMeetings);
      const motionElsewhere = await t.gql(
        SET_AGENDA,
        {
          id: m.id,
          items: [
            {
              title: 'Ailleurs',
              durationMinutes: 30,
              children: [{ title: 'x', durationMinutes: 5, motionIds: [motionId] }],
            },
          ],
        },
        admin,
      );
      expect(motionElsewhere.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'items[0].children[0].motionIds',
      });
    });

    it('refuses bad agendas with the field named, and changes nothing', async () => {
      const m = await create(processMeetings);
      await t.gql(
        SET_AGENDA,
        { id: m.id, items: [{ title: 'Existant', durationMinutes: 20 }] },
        admin,
      );
      const bad = async (items: unknown[], field: string) => {
        const res = await t.gql(SET_AGENDA, { id: m.id, items }, admin);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      };
      await bad([{ title: 'Accueil', durationMinutes: 0 }], 'items[0].durationMinutes');
      await bad(
        [
          { title: 'Accueil', durationMinutes: 10 },
          { title: 'Négatif', durationMinutes: -5 },
        ],
        'items[1].durationMinutes',
      );
      await bad([{ title: 'Trop long', durationMinutes: 1441 }], 'items[0].durationMinutes');
      await bad([{ title: '  \u200b ', durationMinutes: 10 }], 'items[0].title');
      await bad(
        [
          {
            title: 'A',
            durationMinutes: 60,
            children: [
              { title: 'B', durationMinutes: 10, children: [{ title: 'C', durationMinutes: 5 }] },
            ],
          },
        ],
        'items[0].children[0].children',
      );
      await bad(
        [
          {
            title: 'A',
            durationMinutes: 30,
            children: [
              { title: 'B', durationMinutes: 20 },
              { title: 'C', durationMinutes: 20 },
            ],
          },
        ],
        'items[0].children',
      );
      await bad(
        [{ title: 'A', durationMinutes: 30, proposalIds: [proposalIds[0], proposalIds[0]] }],
        'items[0].proposalIds',
      );
      await bad(
        [{ title: 'A', durationMinutes: 30, proposalIds: ['pas-un-id'] }],
        'items[0].proposalIds',
      );
      await bad(
        [
          {
            title: 'A',
            durationMinutes: 30,
            proposalIds: ['00000000-0000-4000-8000-000000000000'],
          },
        ],
        'items[0].proposalIds',
      );
      await bad(
        Array.from({ length: 31 }, (_, i) => ({ title: `Point ${i}`, durationMinutes: 1 })),
        'items',
      );
      const after = (await t.gql(MEETING, { id: m.id })).data.meeting.agenda;
      expect(after.map((a: { title: string }) => a.title)).toEqual(['Existant']);
    });

    it('only the space’s admins set an agenda', async () => {
      const m = await create(processMeetings);
      const someone = await t.register('Participante');
      expect(errorCode(await t.gql(SET_AGENDA, { id: m.id, items: [] }, someone.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(SET_AGENDA, { id: m.id, items: [] }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('closing report', () => {
    const report = {
      minutes:
        '<p>Riches échanges <script>alert(1)</script><strong>sur l’interopérabilité</strong>.</p>',
      attendeesCount: 42,
      contributionsCount: 17,
    };

    it('refuses closing before the end with MEETING_NOT_ENDED, and changes nothing', async () => {
      const m = await create(processMeetings);
      const res = await t.gql(CLOSE, { id: m.id, i: report }, admin);
      expect(errorCode(res)).toBe('MEETING_NOT_ENDED');
      await t.sql(
        `UPDATE meetings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
        [m.id],
      );
      expect(errorCode(await t.gql(CLOSE, { id: m.id, i: report }, admin))).toBe(
        'MEETING_NOT_ENDED',
      );
      expect(
        (await t.sql(`SELECT closed_at FROM meetings WHERE id = $1`, [m.id]))[0].closed_at,
      ).toBeNull();
    });

    it('closes after the end with a sanitised report; registrants and followers are notified once, even when closings race', async () => {
      const m = await create(processMeetings, { registrationsEnabled: true });
      const registrant = await t.register('Inscrite');
      const follower = await t.register('Abonné');
      expect(
        (
          await t.gql(
            `mutation($id: ID!) { registerForMeeting(meetingId: $id) { id } }`,
            { id: m.id },
            registrant.token,
          )
        ).errors,
      ).toBeUndefined();
      expect(
        (
          await t.gql(
            `mutation($id: ID!) { follow(followableType: MEETING, followableId: $id) }`,
            { id: m.id },
            follower.token,
          )
        ).errors,
      ).toBeUndefined();
      await toPast(m.id);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.gql(
            CLOSE,
            {
              id: m.id,
              i: {
                ...report,
                attendeesCount: 40 + i,
                proposalIds: [proposalIds[0]],
                videoUrl: 'https://video.example.org/journee',
              },
            },
            admin,
          ),
        ),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const seen = (await t.gql(MEETING, { id: m.id }, registrant.token)).data.meeting
        .closingReport;
      expect(seen).toMatchObject({
        minutes: '<p>Riches échanges <strong>sur l’interopérabilité</strong>.</p>',
        contributionsCount: 17,
        videoUrl: 'https://video.example.org/journee',
      });
      expect(seen.proposals).toEqual([expect.objectContaining({ id: proposalIds[0] })]);
      expect((await notificationsOf(registrant.token, 'MEETING_CLOSED')).length).toBe(1);
      expect((await notificationsOf(follower.token, 'MEETING_CLOSED')).length).toBe(1);
      const logs = await t.sql(
        `SELECT action FROM action_logs WHERE resource_id = $1 AND action IN ('close', 'update_closing')`,
        [m.id],
      );
      expect(logs.filter((l: { action: string }) => l.action === 'close')).toHaveLength(1);
      expect(logs).toHaveLength(8);
      // a closed meeting keeps its time (the report is about what happened then)
      const moved = await t.gql(
        `mutation($id: ID!, $i: MeetingFieldsInput!) { updateMeeting(id: $id, input: $i) { id } }`,
        { id: m.id, i: { startsAt: inHours(5), endsAt: inHours(6) } },
        admin,
      );
      expect(moved.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'startsAt' });
    });

    it('refuses a bad report with the field named; refuses participants; refuses a cancelled meeting', async () => {
      const m = await create(processMeetings);
      await toPast(m.id);
      const bad = async (i: Record<string, unknown>, field: string) => {
        const res = await t.gql(CLOSE, { id: m.id, i: { ...report, ...i } }, admin);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      };
      await bad({ minutes: '<p> </p><script>x</script>' }, 'minutes');
      await bad({ attendeesCount: -1 }, 'attendeesCount');
      await bad({ contributionsCount: 1_000_001 }, 'contributionsCount');
      await bad({ videoUrl: 'http://video.example.org/x' }, 'videoUrl');
      await bad({ videoUrl: 'javascript:alert(1)' }, 'videoUrl');
      await bad({ proposalIds: ['00000000-0000-4000-8000-000000000000'] }, 'proposalIds');
      expect(
        (await t.sql(`SELECT closed_at FROM meetings WHERE id = $1`, [m.id]))[0].closed_at,
      ).toBeNull();
      const someone = await t.register('Curieux');
      expect(errorCode(await t.gql(CLOSE, { id: m.id, i: report }, someone.token))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(CLOSE, { id: m.id, i: report }))).toBe('UNAUTHENTICATED');
      const cancelled = await create(processMeetings);
      await t.gql(
        `mutation($id: ID!) { cancelMeeting(id: $id) { id } }`,
        { id: cancelled.id },
        admin,
      );
      await toPast(cancelled.id);
      expect(errorCode(await t.gql(CLOSE, { id: cancelled.id, i: report }, admin))).toBe(
        'CONFLICT',
      );
    });
  });

  describe('« Agenda » page across spaces', () => {
    const AGENDA = `query($f: MeetingAgendaFilterInput, $first: Int, $after: String, $o: MeetingAgendaOrder) {
      agendaMeetings(filter: $f, first: $first, after: $after, order: $o) {
        edges { cursor node { id title type spaceId startsAt path state registeredCount agenda { title } viewerRegistration { status } } }
        pageInfo { hasNextPage endCursor }
      } }`;
    let spaceId: string;
    let component: string;
    let ids: string[];

    beforeAll(async () => {
      spaceId = (await components('structuration-filiere-sante-numerique')).id;
      component = (
        await t.gql(
          CREATE_COMPONENT,
          { input: { spaceId, type: 'MEETINGS', title: 'Agenda paginé', published: true } },
          admin,
        )
      ).data.createComponent.id;
      ids = [];
      for (let i = 0; i < 25; i++) {
        const m = await create(component, {
          title: `Rencontre n° ${i}`,
          type: i % 5 === 0 ? 'ONLINE' : 'IN_PERSON',
          onlineUrl: i % 5 === 0 ? 'https://visio.example.org/x' : undefined,
          startsAt: inHours(1000 + i),
          endsAt: inHours(1001 + i),
        });
        ids.push(m.id);
      }
      // a draft and a meeting of an unpublished component stay out
      await create(component, {
        title: 'Brouillon',
        published: false,
        startsAt: inHours(1003.5),
        endsAt: inHours(1004),
      });
      const hiddenComponent = (
        await t.gql(
          CREATE_COMPONENT,
          { input: { spaceId, type: 'MEETINGS', title: 'Pas publié', published: false } },
          admin,
        )
      ).data.createComponent.id;
      await create(hiddenComponent, {
        title: 'Cachée',
        startsAt: inHours(1003.5),
        endsAt: inHours(1004),
      });
    }, 120_000);

    const page = async (vars: Record<string, unknown>, token?: string) => {
      const res = await t.gql(AGENDA, vars, token);
      expect(res.errors).toBeUndefined();
      return res.data.agendaMeetings as {
        edges: {
          cursor: string;
          node: { id: string; title: string; type: string; path: string };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const window = { from: inHours(999), to: inHours(1030) };

    it('pages all visible meetings by start, without repeats or gaps, in both orders; drafts and unpublished components stay out', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const p = await page({ f: { ...window, spaceId }, first: 7, after });
        seen.push(...p.edges.map((e) => e.node.id));
        after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(ids);
      const reverse = await page({
        f: { ...window, spaceId },
        first: 3,
        o: 'REVERSE_CHRONOLOGICAL',
      });
      expect(reverse.edges.map((e) => e.node.id)).toEqual(ids.slice(-3).reverse());
      const next = await page({
        f: { ...window, spaceId },
        first: 3,
        o: 'REVERSE_CHRONOLOGICAL',
        after: reverse.pageInfo.endCursor,
      });
      expect(next.edges.map((e) => e.node.id)).toEqual(ids.slice(-6, -3).reverse());
      const first = await page({ f: window, first: 1 });
      expect(first.edges[0].node.path).toMatch(
        new RegExp(
          `/espaces/structuration-filiere-sante-numerique/f/${component}/rencontres/${ids[0]}$`,
        ),
      );
      // the space admin sees drafts on the component page, not on the agenda
      const asAdmin = await page({ f: { ...window, spaceId }, first: 100 }, admin);
      expect(asAdmin.edges.map((e) => e.node.title)).not.toEqual(
        expect.arrayContaining(['Brouillon']),
      );
      expect(asAdmin.edges.map((e) => e.node.title)).not.toEqual(
        expect.arrayContaining(['Cachée']),
      );
    });

    it('filters by period (meetings overlapping it), type and space', async () => {
      const online = await page({ f: { ...window, type: 'ONLINE' }, first: 100 });
      expect(online.edges.map((e) => e.node.id)).toEqual([
        ids[0],
        ids[5],
        ids[10],
        ids[15],
        ids[20],
      ]);
      // a meeting from 1002 h to 1003 h overlaps [1002.5 h, 1003.5 h); so does the one from 1003 h
      const overlap = await page({
        f: { from: inHours(1002.5), to: inHours(1003.5), spaceId },
        first: 100,
      });
      expect(overlap.edges.map((e) => e.node.id)).toEqual([ids[2], ids[3]]);
      const elsewhere = (await components('assemblee-filiere-sante-numerique')).id;
      expect((await page({ f: { ...window, spaceId: elsewhere }, first: 100 })).edges).toEqual([]);
    });

    it('costs the same number of SQL statements for 2 or 25 meetings (no N+1), signed in or not', async () => {
      // only the statements run for this request (its own X-Request-Id): the background workers
      // (notifications, reminders, analyses) query the same process at any moment
      let round = 0;
      const count = async (first: number, token?: string) => {
        const requestId = `agenda-n-plus-one-${(round += 1)}`;
        const ours: unknown[] = [];
        const query = PostgresQueryRunner.prototype.query;
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
          this: PostgresQueryRunner,
          ...args: unknown[]
        ) {
          if (currentRequestId() === requestId) ours.push(args[0]);
          return (query as (...a: unknown[]) => Promise<unknown>).apply(this, args) as never;
        });
        try {
          const res = await t.gql(AGENDA, { f: { ...window, spaceId }, first }, token, {
            'x-request-id': requestId,
          });
          expect(res.errors).toBeUndefined();
          expect(res.data.agendaMeetings.edges).toHaveLength(first);
          return ours.length;
        } finally {
          spy.mockRestore();
        }
      };
      const someone = await t.register('Lectrice de l’agenda');
      for (const token of [undefined, someone.token, admin]) {
        const small = await count(2, token);
        const large = await count(25, token);
        expect(large).toBe(small);
        expect(small).toBeGreaterThanOrEqual(5);
        expect(small).toBeLessThanOrEqual(15);
      }
    });

    it('refuses bad input with a field', async () => {
      const bad = async (vars: Record<string, unknown>, field: string) => {
        const res = await t.gql(AGENDA, vars);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      };
      await bad({ first: 0 }, 'first');
      await bad({ first: 101 }, 'first');
      await bad({ f: { from: inHours(10), to: inHours(5) } }, 'filter.to');
      await bad({ f: { spaceId: 'nope' } }, 'filter.spaceId');
      await bad({ after: 'bm9wZQ' }, 'after');
      const p = await page({ f: window, first: 1 });
      await bad({ f: window, after: p.pageInfo.endCursor, o: 'REVERSE_CHRONOLOGICAL' }, 'after');
    });
  });

  describe('private calendar feed of a user’s registrations', () => {
    const ROTATE = `mutation { rotateMeetingCalendarFeed { url createdAt } }`;
    const REVOKE = `mutation { revokeMeetingCalendarFeed }`;
    const STATUS = `{ myMeetingCalendarFeed { createdAt } }`;
    const REGISTER = `mutation($id: ID!) { registerForMeeting(meetingId: $id) { id } }`;
    const fetchFeed = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

    it('serves the registrations by a random token stored hashed, with TZID=Europe/Paris, a stable UID and a SEQUENCE that grows when the time changes', async () => {
      const alice = await t.register('Alice');
      const bob = await t.register('Bob');
      const mine = await create(processMeetings, {
        title: 'Rencontre d’Alice',
        registrationsEnabled: true,
      });
      const theirs = await create(processMeetings, {
        title: 'Rencontre de Bob',
        registrationsEnabled: true,
      });
      await t.gql(REGISTER, { id: mine.id }, alice.token);
      await t.gql(REGISTER, { id: theirs.id }, bob.token);
      expect((await t.gql(STATUS, {}, alice.token)).data.myMeetingCalendarFeed).toBeNull();
      const { url } = (await t.gql(ROTATE, {}, alice.token)).data.rotateMeetingCalendarFeed;
      const token = /\/calendar\/feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];
      const stored = await t.sql(
        `SELECT token_hash FROM meeting_calendar_feeds WHERE user_id = $1`,
        [alice.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toContain(token);
      expect((await t.gql(STATUS, {}, alice.token)).data.myMeetingCalendarFeed.createdAt).toEqual(
        expect.any(String),
      );

      const res = await fetchFeed(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const ics = unfold(await res.text());
      expect(ics).toContain(`UID:${mine.id}@concerto`);
      expect(ics).toContain('Rencontre d’Alice');
      expect(ics).not.toContain('Rencontre de Bob'); // only the token holder's registrations
      expect(ics).toMatch(/DTSTART;TZID=Europe\/Paris:\d{8}T\d{6}/);
      expect(ics).toContain('BEGIN:VTIMEZONE');
      expect(ics).toContain('SEQUENCE:0');
      await t.gql(
        `mutation($id: ID!, $i: MeetingFieldsInput!) { updateMeeting(id: $id, input: $i) { id } }`,
        { id: mine.id, i: { startsAt: inHours(73), endsAt: inHours(81) } },
        admin,
      );
      const after = unfold(await (await fetchFeed(url)).text());
      expect(after).toContain(`UID:${mine.id}@concerto`);
      expect(after).toContain('SEQUENCE:1');
    });

    it('a rotated or revoked token answers 404, as do unknown and malformed ones; one user’s mutations never touch another’s feed', async () => {
      const carol = await t.register('Carol');
      const dan = await t.register('Dan');
      const first = (await t.gql(ROTATE, {}, carol.token)).data.rotateMeetingCalendarFeed.url;
      const danUrl = (await t.gql(ROTATE, {}, dan.token)).data.rotateMeetingCalendarFeed.url;
      const second = (await t.gql(ROTATE, {}, carol.token)).data.rotateMeetingCalendarFeed.url;
      expect(second).not.toBe(first);
      expect((await fetchFeed(first)).status).toBe(404);
      expect((await fetchFeed(second)).status).toBe(200);
      // Dan revoking revokes Dan's feed only
      expect((await t.gql(REVOKE, {}, dan.token)).data.revokeMeetingCalendarFeed).toBe(true);
      expect((await fetchFeed(danUrl)).status).toBe(404);
      expect((await fetchFeed(second)).status).toBe(200);
      expect((await t.gql(REVOKE, {}, dan.token)).data.revokeMeetingCalendarFeed).toBe(false);
      expect((await t.gql(REVOKE, {}, carol.token)).data.revokeMeetingCalendarFeed).toBe(true);
      const revoked = await fetchFeed(second);
      expect(revoked.status).toBe(404);
      expect(((await revoked.json()) as { code: string }).code).toBe('NOT_FOUND');
      expect((await fetch(`${t.baseUrl}/calendar/feeds/${'A'.repeat(43)}.ics`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/calendar/feeds/court.ics`)).status).toBe(404);
      expect(errorCode(await t.gql(ROTATE))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(STATUS))).toBe('UNAUTHENTICATED');
    });

    it('keeps exactly one token per user when rotations race', async () => {
      const erin = await t.register('Erin');
      const urls = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.gql(ROTATE, {}, erin.token).then((r) => r.data.rotateMeetingCalendarFeed.url as string),
        ),
      );
      expect(
        await t.sql(`SELECT 1 FROM meeting_calendar_feeds WHERE user_id = $1`, [erin.id]),
      ).toHaveLength(1);
      const statuses = await Promise.all(urls.map((u) => fetchFeed(u).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    });
  });
});
