import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

const MOTION_FIELDS = `id status sittingId quorumBasis opensAt closesAt
  result { outcome quorumBasis quorumReached votersCount membersCount presentCount forWeight againstWeight }`;
const OPEN = `mutation($m: ID!, $x: ID!) { openMotionInSitting(meetingId: $m, motionId: $x) { ${MOTION_FIELDS} } }`;
const CLOSE = `mutation($m: ID!, $x: ID!) { closeMotionInSitting(meetingId: $m, motionId: $x) { ${MOTION_FIELDS} } }`;
const VOTE = `mutation($x: ID!, $c: VoteChoice!) { castVote(motionId: $x, choice: $c) { id } }`;
const SITTING = `query($id: ID!) { meeting(id: $id) { id isSitting sitting { present minutes motions { ${MOTION_FIELDS} } } } }`;

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('Assemblée sittings (séances): the chair opens and closes agenda motions', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let motionsId: string;
  let meetingsId: string;
  let processMeetingsId: string;
  let chair: { token: string; id: string; email: string };
  const members: { token: string; id: string; email: string; name: string }[] = [];

  const must = async (query: string, vars: Record<string, unknown>, token = admin) => {
    const res = await t.gql(query, vars, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const motion = async (title: string, quorumBasis: 'VOTING' | 'PRESENT') =>
    (
      await must(`mutation($i: CreateMotionInput!) { createMotion(input: $i) { id } }`, {
        i: {
          componentId: motionsId,
          title,
          body: 'Le texte de la motion.',
          quorumPercent: 50,
          quorumBasis,
        },
      })
    ).createMotion.id as string;
  const sitting = async (motionIds: string[], fields: Record<string, unknown> = {}) =>
    (
      await must(
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id isSitting } }`,
        {
          i: {
            componentId: meetingsId,
            title: 'Séance mensuelle de l’Assemblée',
            type: 'ONLINE',
            onlineUrl: 'https://visio.example.org/seance',
            startsAt: inHours(24),
            endsAt: inHours(26),
            published: true,
            registrationsEnabled: true,
            isSitting: true,
            agenda: [
              { title: 'Ouverture de la séance', durationMinutes: 10 },
              { title: 'Motions', durationMinutes: 60, motionIds },
            ],
            ...fields,
          },
        },
      )
    ).createMeeting as { id: string; isSitting: boolean };
  const toOngoing = (id: string) =>
    t.sql(
      `UPDATE meetings SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '2 hours' WHERE id = $1`,
      [id],
    );
  const motionRow = async (id: string) =>
    (
      await t.sql<{ opens_at: Date | null; closes_at: Date | null; sitting_id: string | null }>(
        `SELECT opens_at, closes_at, sitting_id FROM motions WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const space = await must(`mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`, {
      i: {
        type: 'ASSEMBLY',
        slug: 'assemblee-seances-test',
        title: 'Assemblée des séances',
        published: true,
      },
    });
    spaceId = space.createSpace.id;
    const component = async (type: string, sid = spaceId) =>
      (
        await must(`mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`, {
          i: { spaceId: sid, type, title: type, published: true },
        })
      ).createComponent.id as string;
    motionsId = await component('MOTIONS');
    meetingsId = await component('MEETINGS');
    const process = (
      await t.gql(`query($s: String!) { space(slug: $s) { id } }`, {
        s: 'structuration-filiere-sante-numerique',
      })
    ).data.space.id;
    processMeetingsId = await component('MEETINGS', process);
    for (const name of ['Alice Martin', 'Bruno Petit', 'Chloé Durand', 'Damien Roux']) {
      const user = await t.register(name);
      await must(`mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`, {
        i: { spaceId, email: user.email },
      });
      members.push({ ...user, name });
    }
    chair = await t.register('Présidente de séance');
    await must(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId, email: chair.email, role: 'ADMIN' } },
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('full flow: members checked in, motion opened, votes, closed by the chair; the quorum counts members present; the minutes list attendance and result', async () => {
    const decided = await motion('Adopter la charte de la filière', 'PRESENT');
    const counted = await motion('Créer un groupe de travail sur l’interopérabilité', 'VOTING');
    const s = await sitting([decided, counted]);
    expect(s.isSitting).toBe(true);

    // three of the four members register and are checked in; the fourth stays away
    for (const m of members)
      await must(
        `mutation($id: ID!) { registerForMeeting(meetingId: $id) { id } }`,
        { id: s.id },
        m.token,
      );
    const attendees = (
      await must(`query($id: ID!) { meetingAttendees(meetingId: $id) { name code } }`, { id: s.id })
    ).meetingAttendees as { name: string; code: string }[];
    for (const name of ['Alice Martin', 'Bruno Petit', 'Chloé Durand'])
      await must(
        `mutation($id: ID!, $c: String!) { markAttendance(meetingId: $id, code: $c) { name } }`,
        {
          id: s.id,
          c: attendees.find((a) => a.name === name)!.code,
        },
      );

    await toOngoing(s.id);
    for (const x of [decided, counted]) {
      const opened = (await must(OPEN, { m: s.id, x }, chair.token)).openMotionInSitting;
      expect(opened).toMatchObject({ status: 'OPEN', sittingId: s.id, result: null });
    }
    // one present member votes FOR on both: 1 voter of 4 members
    await must(VOTE, { x: decided, c: 'FOR' }, members[0].token);
    await must(VOTE, { x: counted, c: 'FOR' }, members[0].token);

    const closed = (await must(CLOSE, { m: s.id, x: decided }, chair.token)).closeMotionInSitting;
    expect(closed.status).toBe('CLOSED');
    // PRESENT basis: 3 present of 4 members ≥ 50 % → quorum reached, adopted
    expect(closed.result).toMatchObject({
      outcome: 'ADOPTED',
      quorumBasis: 'PRESENT',
      quorumReached: true,
      votersCount: 1,
      membersCount: 4,
      presentCount: 3,
      forWeight: 1,
    });
    // VOTING basis: 1 voter of 4 < 50 % → no quorum
    const other = (await must(CLOSE, { m: s.id, x: counted }, admin)).closeMotionInSitting;
    expect(other.result).toMatchObject({
      outcome: 'NO_QUORUM',
      quorumBasis: 'VOTING',
      quorumReached: false,
      presentCount: null,
    });
    // no vote after the chair's close
    expect(errorCode(await t.gql(VOTE, { x: decided, c: 'AGAINST' }, members[1].token))).toBe(
      'MOTION_CLOSED',
    );

    const view = (await t.gql(SITTING, { id: s.id })).data.meeting;
    expect(view.sitting.present).toEqual(['Alice Martin', 'Bruno Petit', 'Chloé Durand']);
    expect(view.sitting.motions.map((m: { id: string }) => m.id)).toEqual([decided, counted]);
    const minutes: string = view.sitting.minutes;
    expect(minutes).toContain('## Ordre du jour');
    expect(minutes).toContain('Ouverture de la séance');
    expect(minutes).toContain('## Présents (3)');
    expect(minutes).toContain('- Alice Martin');
    expect(minutes).not.toContain('Damien Roux');
    expect(minutes).toMatch(/Adopter la charte de la filière : \*\*adoptée\*\*/);
    expect(minutes).toMatch(/3 présent·e·s ou votant·e·s sur 4 membres/);
    expect(minutes).toMatch(/quorum non atteint/);

    // the Assemblée's procès-verbal joins the sitting's minutes
    const pv = (
      await t.gql(
        `query($s: ID!, $f: String!, $t: String!) { assemblyMinutes(spaceId: $s, from: $f, to: $t) { sittings markdown } }`,
        { s: spaceId, f: inHours(-24), t: inHours(24) },
      )
    ).data.assemblyMinutes;
    expect(pv.sittings).toHaveLength(1);
    expect(pv.markdown).toContain('## Séances (1)');
    expect(pv.markdown).toContain('Alice Martin');
  }, 60_000);

  it('two chairs closing at once: one result, the other gets MOTION_CLOSED', async () => {
    const x = await motion('Motion disputée', 'PRESENT');
    const s = await sitting([x]);
    await toOngoing(s.id);
    await must(OPEN, { m: s.id, x }, chair.token);
    await must(VOTE, { x, c: 'AGAINST' }, members[1].token);
    const results = await Promise.all(
      [chair.token, admin, chair.token, admin, chair.token, admin].map((token) =>
        t.gql(CLOSE, { m: s.id, x }, token),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('MOTION_CLOSED'));
    const stored = await t.sql(`SELECT outcome FROM motion_results WHERE motion_id = $1`, [x]);
    expect(stored).toHaveLength(1);
    // nobody was checked in: only the voter counts as present (1 of 4 < 50 %)
    expect(ok[0].data.closeMotionInSitting.result).toMatchObject({
      outcome: 'NO_QUORUM',
      presentCount: 1,
    });
  }, 60_000);

  it('refuses with coded errors and changes nothing', async () => {
    const onAgenda = await motion('Motion à l’ordre du jour', 'PRESENT');
    const elsewhere = await motion('Motion hors ordre du jour', 'PRESENT');
    const s = await sitting([onAgenda]);

    // not ongoing yet
    expect(errorCode(await t.gql(OPEN, { m: s.id, x: onAgenda }, chair.token))).toBe(
      'SITTING_NOT_ONGOING',
    );
    await toOngoing(s.id);
    // a member is not the chair
    expect(errorCode(await t.gql(OPEN, { m: s.id, x: onAgenda }, members[0].token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(OPEN, { m: s.id, x: onAgenda }))).toBe('UNAUTHENTICATED');
    // not on this sitting's agenda
    expect(errorCode(await t.gql(OPEN, { m: s.id, x: elsewhere }, chair.token))).toBe(
      'MOTION_NOT_ON_AGENDA',
    );
    // closing a motion that was never opened
    expect(errorCode(await t.gql(CLOSE, { m: s.id, x: onAgenda }, chair.token))).toBe(
      'MOTION_NOT_OPEN',
    );
    // malformed ids
    expect(errorCode(await t.gql(OPEN, { m: s.id, x: 'pas-un-id' }, chair.token))).toBe(
      'BAD_USER_INPUT',
    );
    for (const x of [onAgenda, elsewhere])
      expect(await motionRow(x)).toEqual({ opens_at: null, closes_at: null, sitting_id: null });

    // opening twice
    await must(OPEN, { m: s.id, x: onAgenda }, chair.token);
    expect(errorCode(await t.gql(OPEN, { m: s.id, x: onAgenda }, chair.token))).toBe('CONFLICT');

    // a meeting that is not a sitting
    const plain = await sitting([onAgenda], { isSitting: false });
    expect(plain.isSitting).toBe(false);
    await toOngoing(plain.id);
    const notSitting = await t.gql(OPEN, { m: plain.id, x: elsewhere }, chair.token);
    expect(errorCode(notSitting)).toBe('BAD_USER_INPUT');
    expect(notSitting.errors?.[0].extensions?.field).toBe('meetingId');

    // a sitting outside an Assemblée
    const inProcess = await t.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      {
        i: {
          componentId: processMeetingsId,
          title: 'Pas une séance',
          type: 'IN_PERSON',
          startsAt: inHours(24),
          endsAt: inHours(26),
          isSitting: true,
        },
      },
      admin,
    );
    expect(errorCode(inProcess)).toBe('BAD_USER_INPUT');
    expect(inProcess.errors?.[0].extensions?.field).toBe('isSitting');
    expect(await t.sql(`SELECT 1 FROM meetings WHERE title = 'Pas une séance'`)).toHaveLength(0);

    // a past sitting
    await t.sql(
      `UPDATE meetings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [s.id],
    );
    expect(errorCode(await t.gql(CLOSE, { m: s.id, x: onAgenda }, chair.token))).toBe(
      'SITTING_NOT_ONGOING',
    );
  }, 60_000);
});
