import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { mergeFigures } from './statistics.service';

const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`;
const COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const PROFILE = `mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { pseudo } }`;
const STATS = `query($s: ID) { statistics(spaceId: $s) { asOf spaceId figures { key total weekly { week count } }
  organisationsByTypology { typologyKey label members organisations } } }`;
const PARTICIPATION = `query($s: ID!) { participationByTypology(spaceId: $s) { asOf spaceId participants members
  typologies { typologyKey label participants members } } }`;

type Figure = { key: string; total: number; weekly: { week: string; count: number }[] };
const figure = (figures: Figure[], key: string) =>
  figures.find((f) => f.key === key) ?? { key, total: 0, weekly: [] };

describe('key figures (« Chiffres clés ») and participation by typology', () => {
  let t: TestApp;
  let admin: string;
  let spaceA: string;
  let spaceB: string;
  let hidden: string;
  const users: { token: string; id: string; email: string }[] = [];
  let before: Figure[];
  let typologiesBefore: { typologyKey: string | null; members: number; organisations: number }[];

  const space = async (slug: string, published: boolean) => {
    const res = await t.gql(
      CREATE_SPACE,
      { input: { type: 'PROCESS', slug, title: `Concertation ${slug}`, published } },
      admin,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const s = res.data.createSpace.id as string;
    const c = await t.gql(
      CREATE_COMPONENT,
      { input: { spaceId: s, type: 'PROPOSALS', title: 'Propositions', published: true } },
      admin,
    );
    if (!c.data) throw new Error(JSON.stringify(c.errors));
    return { id: s, componentId: c.data.createComponent.id as string };
  };
  const propose = async (componentId: string, token: string, title: string, at: string) => {
    const res = await t.gql(
      CREATE,
      { input: { componentId, title, body: 'Un texte qui explique la proposition.' } },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const id = res.data.createProposal.id as string;
    await t.sql(`UPDATE proposals SET published_at = $2, created_at = $2 WHERE id = $1`, [id, at]);
    return id;
  };
  const support = async (id: string, user: { token: string; id: string }, at: string) => {
    const res = await t.gql(SUPPORT, { id }, user.token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    await t.sql(
      `UPDATE proposal_supports SET created_at = $3 WHERE proposal_id = $1 AND user_id = $2`,
      [id, user.id, at],
    );
  };
  const comment = async (proposalId: string, token: string, at: string) => {
    const res = await t.gql(
      COMMENT,
      { input: { commentableType: 'PROPOSAL', commentableId: proposalId, body: 'Mon avis' } },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    await t.sql(`UPDATE comments SET created_at = $2 WHERE id = $1`, [res.data.addComment.id, at]);
  };
  const stats = async (spaceId?: string, token?: string) => {
    const res = await t.gql(STATS, { s: spaceId ?? null }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.statistics as {
      asOf: string;
      figures: Figure[];
      organisationsByTypology: {
        typologyKey: string | null;
        members: number;
        organisations: number;
      }[];
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const platform = await stats();
    before = platform.figures;
    typologiesBefore = platform.organisationsByTypology;
    // five members: two hospitals (one organisation, two spellings), a supplier, two without typology
    const profiles = [
      { typologyKey: 'hospital', organisation: 'CHU de Nantes' },
      { typologyKey: 'hospital', organisation: ' chu de nantes ' },
      { typologyKey: 'supplier', organisation: 'MedTech SAS' },
      {},
      {},
    ];
    for (const [i, input] of profiles.entries()) {
      const u = await t.register(`Membre statistique ${i}`);
      users.push(u);
      if (Object.keys(input).length) {
        const res = await t.gql(PROFILE, { input }, u.token);
        expect(res.errors).toBeUndefined();
      }
    }
  }, 120_000);
  afterAll(() => t.close());

  it('counts exactly, per space and per week (Monday, Europe/Paris); an unpublished space counts nowhere publicly', async () => {
    const a = await space('chiffres-a', true);
    const b = await space('chiffres-b', true);
    const p = await space('chiffres-prive', false);
    spaceA = a.id;
    spaceB = b.id;
    hidden = p.id;
    // space A: 3 proposals over two Paris weeks (Sunday 23:30 Paris is still the week of 2 March;
    // Monday 00:30 Paris — Sunday 23:30 UTC — is the week of 9 March)
    const a1 = await propose(
      a.componentId,
      users[0].token,
      'Un dossier patient partagé',
      '2026-03-02T09:00:00+01:00',
    );
    const a2 = await propose(
      a.componentId,
      users[2].token,
      'Une messagerie sécurisée',
      '2026-03-08T23:30:00+01:00',
    );
    await propose(
      a.componentId,
      users[3].token,
      'Un annuaire des acteurs',
      '2026-03-09T00:30:00+01:00',
    );
    // a withdrawn or hidden proposal does not count
    const gone = await propose(
      a.componentId,
      users[3].token,
      'Une proposition masquée',
      '2026-03-09T10:00:00+01:00',
    );
    await t.sql(`UPDATE proposals SET hidden_at = now() WHERE id = $1`, [gone]);
    await support(a1, users[1], '2026-03-10T12:00:00+01:00');
    await support(a1, users[2], '2026-03-10T13:00:00+01:00');
    await support(a2, users[1], '2026-03-17T08:00:00+01:00');
    await comment(a1, users[4].token, '2026-03-03T10:00:00+01:00');
    await comment(a2, users[0].token, '2026-03-17T10:00:00+01:00');
    // space B: 1 proposal, 1 comment
    const b1 = await propose(
      b.componentId,
      users[1].token,
      'Une plateforme de télésanté',
      '2026-03-16T10:00:00+01:00',
    );
    await comment(b1, users[2].token, '2026-03-16T11:00:00+01:00');
    // unpublished space: 2 proposals and a comment by the admin, seen by nobody publicly
    const p1 = await propose(
      p.componentId,
      admin,
      'Une proposition pas encore publique',
      '2026-03-02T10:00:00+01:00',
    );
    await propose(
      p.componentId,
      admin,
      'Une autre proposition pas publique',
      '2026-03-02T11:00:00+01:00',
    );
    await comment(p1, admin, '2026-03-02T12:00:00+01:00');

    const inA = (await stats(spaceA)).figures;
    expect(figure(inA, 'members').total).toBe(0); // members are a platform figure
    expect(figure(inA, 'proposals')).toEqual({
      key: 'proposals',
      total: 3,
      weekly: [
        { week: '2026-03-02', count: 2 },
        { week: '2026-03-09', count: 1 },
      ],
    });
    expect(figure(inA, 'supports')).toEqual({
      key: 'supports',
      total: 3,
      weekly: [
        { week: '2026-03-09', count: 2 },
        { week: '2026-03-16', count: 1 },
      ],
    });
    expect(figure(inA, 'comments').total).toBe(2);
    expect(figure(inA, 'comments').weekly).toEqual([
      { week: '2026-03-02', count: 1 },
      { week: '2026-03-16', count: 1 },
    ]);
    const inB = (await stats(spaceB)).figures;
    expect([
      figure(inB, 'proposals').total,
      figure(inB, 'supports').total,
      figure(inB, 'comments').total,
    ]).toEqual([1, 0, 1]);
    // fixed order of the figures
    const keys = inA.map((f) => f.key);
    expect(keys.indexOf('proposals')).toBeLessThan(keys.indexOf('supports'));
    expect(keys.indexOf('supports')).toBeLessThan(keys.indexOf('comments'));

    // platform: exactly A + B more than before; the unpublished space adds nothing
    const after = await stats();
    const delta = (key: string) => figure(after.figures, key).total - figure(before, key).total;
    expect([delta('members'), delta('proposals'), delta('supports'), delta('comments')]).toEqual([
      5, 4, 3, 3,
    ]);
    const week = (figures: Figure[], key: string, w: string) =>
      figure(figures, key).weekly.find((x) => x.week === w)?.count ?? 0;
    expect(
      week(after.figures, 'proposals', '2026-03-02') - week(before, 'proposals', '2026-03-02'),
    ).toBe(2);
    expect(
      week(after.figures, 'proposals', '2026-03-16') - week(before, 'proposals', '2026-03-16'),
    ).toBe(1);
    expect(Number.isNaN(Date.parse(after.asOf))).toBe(false);

    // organisations by typology: two hospital members, one organisation; one supplier
    const typ = (list: typeof typologiesBefore, key: string | null) =>
      list.find((x) => x.typologyKey === key) ?? { members: 0, organisations: 0 };
    expect(
      typ(after.organisationsByTypology, 'hospital').members -
        typ(typologiesBefore, 'hospital').members,
    ).toBe(2);
    expect(
      typ(after.organisationsByTypology, 'hospital').organisations -
        typ(typologiesBefore, 'hospital').organisations,
    ).toBe(1);
    expect(
      typ(after.organisationsByTypology, 'supplier').members -
        typ(typologiesBefore, 'supplier').members,
    ).toBe(1);
    expect(
      typ(after.organisationsByTypology, null).members - typ(typologiesBefore, null).members,
    ).toBe(2);
    expect((await stats(spaceA)).organisationsByTypology).toEqual([]);

    // the unpublished space: NOT_FOUND to the public and to participants, counted for its admins
    expect(errorCode(await t.gql(STATS, { s: hidden }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(STATS, { s: hidden }, users[0].token))).toBe('NOT_FOUND');
    expect(figure((await stats(hidden, admin)).figures, 'proposals').total).toBe(2);
    expect(errorCode(await t.gql(STATS, { s: 'pas-un-uuid' }))).toBe('BAD_USER_INPUT');
  });

  it('amendments, votes, answers and meetings of the demo content match independent counts', async () => {
    const published = (alias: string) =>
      `JOIN components c ON c.id = ${alias}.component_id AND c.published_at IS NOT NULL
       JOIN participatory_spaces s ON s.id = c.space_id AND s.published_at IS NOT NULL`;
    const [row] = await t.sql(
      `SELECT
         (SELECT count(*)::int FROM amendments a ${published('a')} WHERE a.state <> 'DRAFT') AS amendments,
         (SELECT count(*)::int FROM motion_participations v JOIN motions mo ON mo.id = v.motion_id ${published('mo')})
           + (SELECT count(*)::int FROM ballot_participations v JOIN ballots b ON b.id = v.ballot_id ${published('b')}) AS votes,
         (SELECT count(*)::int FROM survey_submissions x JOIN surveys su ON su.id = x.survey_id ${published('su')}) AS answers,
         (SELECT count(*)::int FROM meetings m ${published('m')}
           WHERE m.published_at IS NOT NULL AND m.withdrawn_at IS NULL AND m.hidden_at IS NULL) AS meetings`,
    );
    const figures = (await stats()).figures;
    for (const key of ['amendments', 'votes', 'answers', 'meetings'])
      expect([key, figure(figures, key).total]).toEqual([key, row[key]]);
    // the demo has some of each, so the comparison means something
    expect(row.answers + row.meetings + row.votes).toBeGreaterThan(0);
    for (const key of ['amendments', 'votes', 'answers', 'meetings']) {
      const f = figure(figures, key);
      expect(f.weekly.reduce((sum, w) => sum + w.count, 0)).toBe(f.total);
    }
  });

  it('participation by typology: distinct participants of the space per typology vs members; admins only', async () => {
    const res = await t.gql(PARTICIPATION, { s: spaceA }, admin);
    expect(res.errors).toBeUndefined();
    const p = res.data.participationByTypology;
    // A: authors users 0, 2, 3; supporters 1, 2; commenters 4, 0 → 5 accounts
    expect(p.participants).toBe(5);
    const row = (key: string | null) => p.typologies.find((x: any) => x.typologyKey === key);
    expect(row('hospital').participants).toBe(2);
    expect(row('supplier').participants).toBe(1);
    expect(row(null).participants).toBe(2);
    expect(row('funder').participants).toBe(0);
    const platform = await stats();
    expect(row('hospital').members).toBe(
      platform.organisationsByTypology.find((x) => x.typologyKey === 'hospital')!.members,
    );
    expect(p.members).toBe(platform.organisationsByTypology.reduce((s, x) => s + x.members, 0));
    // B: author 1 (hospital), commenter 2 (supplier)
    const inB = (await t.gql(PARTICIPATION, { s: spaceB }, admin)).data.participationByTypology;
    expect(inB.participants).toBe(2);

    expect(errorCode(await t.gql(PARTICIPATION, { s: spaceA }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(PARTICIPATION, { s: spaceA }, users[0].token))).toBe('FORBIDDEN');
    // a space admin of A sees A, not B
    await t.gql(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId: spaceA, email: users[4].email, role: 'ADMIN' } },
      admin,
    );
    expect((await t.gql(PARTICIPATION, { s: spaceA }, users[4].token)).errors).toBeUndefined();
    expect(errorCode(await t.gql(PARTICIPATION, { s: spaceB }, users[4].token))).toBe('FORBIDDEN');
  });
});

describe('mergeFigures', () => {
  it('adds up the sources of one key (motion and votation votes) week by week, in the fixed order', () => {
    const merged = mergeFigures([
      { key: 'votes', total: 2, weekly: [{ week: '2026-03-09', count: 2 }] },
      { key: 'later', total: 1, weekly: [{ week: '2026-03-02', count: 1 }] },
      {
        key: 'votes',
        total: 3,
        weekly: [
          { week: '2026-03-02', count: 1 },
          { week: '2026-03-09', count: 2 },
        ],
      },
      { key: 'members', total: 0, weekly: [] },
    ]);
    expect(merged).toEqual([
      { key: 'members', total: 0, weekly: [] },
      {
        key: 'votes',
        total: 5,
        weekly: [
          { week: '2026-03-02', count: 1 },
          { week: '2026-03-09', count: 4 },
        ],
      },
      { key: 'later', total: 1, weekly: [{ week: '2026-03-02', count: 1 }] },
    ]);
  });
});
