import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

const SPACE_FIELDS = `id slug type title published viewerCanAdminister phases { id position title active } components { id type title published }`;
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { ${SPACE_FIELDS} } }`;
const UPDATE_SPACE = `mutation($id: ID!, $input: UpdateSpaceInput!) { updateSpace(id: $id, input: $input) { ${SPACE_FIELDS} } }`;

describe('participatory spaces, phases, components and roles', () => {
  let t: TestApp;
  let admin: string;
  let participant: { token: string; id: string; email: string };
  let spaceAdmin: { token: string; id: string; email: string };
  let moderator: { token: string; id: string; email: string };
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    participant = await t.register('Participant');
    spaceAdmin = await t.register('Admin d’espace');
    moderator = await t.register('Modératrice');
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.sql(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('lists the demo Concertation and Assemblée to anonymous visitors, in French', async () => {
    const res = await t.gql(`{ spaces { type title isDemo } }`);
    expect(res.data.spaces).toEqual(
      expect.arrayContaining([
        { type: 'PROCESS', title: 'Structuration de la filière santé numérique', isDemo: true },
        { type: 'ASSEMBLY', title: 'Assemblée de la filière santé numérique', isDemo: true },
      ]),
    );
    const processes = await t.gql(`{ spaces(type: PROCESS) { type } }`);
    expect(processes.data.spaces.every((s: { type: string }) => s.type === 'PROCESS')).toBe(true);
  });

  it('shows a space by slug with its phases (one active) and components', async () => {
    const res = await t.gql(
      `{ space(slug: "structuration-filiere-sante-numerique") { ${SPACE_FIELDS} } }`,
    );
    const space = res.data.space;
    expect(space.phases.length).toBeGreaterThanOrEqual(3);
    expect(space.phases.filter((p: { active: boolean }) => p.active)).toHaveLength(1);
    expect(space.components.map((c: { type: string }) => c.type).sort()).toEqual([
      'DEBATE',
      'IDEAS',
      'MEETINGS',
      'NEWS',
      'PARTICIPATORY_TEXT',
      'PETITIONS',
      'PROPOSALS',
      'SURVEY',
      'VOTES',
    ]);
    expect(space.viewerCanAdminister).toBe(false);
  });

  it('answers an unknown slug with NOT_FOUND', async () => {
    const res = await t.gql(`{ space(slug: "nexiste-pas") { id } }`);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.data).toBeNull();
  });

  it('lets only organization admins create a space: anonymous → UNAUTHENTICATED, participant → FORBIDDEN, nothing written', async () => {
    const input = {
      type: 'PROCESS',
      slug: 'charte-ethique',
      title: 'Charte éthique du numérique en santé',
    };
    const before = await count('participatory_spaces');
    expect(errorCode(await t.gql(CREATE_SPACE, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(CREATE_SPACE, { input }, participant.token))).toBe('FORBIDDEN');
    expect(await count('participatory_spaces')).toBe(before);
    const logsBefore = await count('action_logs');
    const created = await t.gql(CREATE_SPACE, { input }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data.createSpace).toMatchObject({
      slug: 'charte-ethique',
      published: false,
      viewerCanAdminister: true,
    });
    spaceId = created.data.createSpace.id;
    expect(await count('action_logs')).toBe(logsBefore + 1);
  });

  it('refuses a taken slug with CONFLICT and a malformed one with BAD_USER_INPUT', async () => {
    const before = await count('participatory_spaces');
    const taken = await t.gql(
      CREATE_SPACE,
      { input: { type: 'PROCESS', slug: 'charte-ethique', title: 'Doublon de slug' } },
      admin,
    );
    expect(errorCode(taken)).toBe('CONFLICT');
    const bad = await t.gql(
      CREATE_SPACE,
      { input: { type: 'PROCESS', slug: 'Pas Un Slug!', title: 'Titre correct' } },
      admin,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const wrongEnum = await t.gql(
      CREATE_SPACE,
      { input: { type: 'CLUB', slug: 'club', title: 'Titre correct' } },
      admin,
    );
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorCode(wrongEnum));
    expect(await count('participatory_spaces')).toBe(before);
  });

  it('hides an unpublished space from anonymous visitors and participants until it is published', async () => {
    expect(errorCode(await t.gql(`{ space(slug: "charte-ethique") { id } }`))).toBe('NOT_FOUND');
    expect(
      errorCode(await t.gql(`{ space(slug: "charte-ethique") { id } }`, {}, participant.token)),
    ).toBe('NOT_FOUND');
    const listed = await t.gql(`{ spaces { slug } }`);
    expect(listed.data.spaces.map((s: { slug: string }) => s.slug)).not.toContain('charte-ethique');
    const published = await t.gql(UPDATE_SPACE, { id: spaceId, input: { published: true } }, admin);
    expect(published.data.updateSpace.published).toBe(true);
    expect((await t.gql(`{ space(slug: "charte-ethique") { title } }`)).data.space.title).toBe(
      'Charte éthique du numérique en santé',
    );
  });

  it('scopes roles to the space: a space admin may edit it but not create or delete spaces; a moderator may not edit', async () => {
    const assign = `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id role userEmail } }`;
    expect(
      errorCode(
        await t.gql(
          assign,
          { input: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } },
          participant.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    const ok = await t.gql(
      assign,
      { input: { spaceId, email: spaceAdmin.email.toUpperCase(), role: 'ADMIN' } },
      admin,
    );
    expect(ok.data.assignSpaceRole).toMatchObject({ role: 'ADMIN', userEmail: spaceAdmin.email });
    expect(
      errorCode(
        await t.gql(assign, { input: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } }, admin),
      ),
    ).toBe('CONFLICT');
    expect(
      errorCode(
        await t.gql(
          assign,
          { input: { spaceId, email: 'inconnu@example.org', role: 'ADMIN' } },
          admin,
        ),
      ),
    ).toBe('NOT_FOUND');
    await t.gql(
      assign,
      { input: { spaceId, email: moderator.email, role: 'MODERATOR' } },
      spaceAdmin.token,
    );

    const edited = await t.gql(
      UPDATE_SPACE,
      { id: spaceId, input: { subtitle: 'Co-rédaction de la charte' } },
      spaceAdmin.token,
    );
    expect(edited.errors).toBeUndefined();
    expect(
      errorCode(
        await t.gql(
          UPDATE_SPACE,
          { id: spaceId, input: { subtitle: 'Par la modératrice' } },
          moderator.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { deleteSpace(id: $id) }`,
          { id: spaceId },
          spaceAdmin.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    const other = await t.gql(`{ space(slug: "assemblee-filiere-sante-numerique") { id } }`);
    const otherId = other.data.space.id;
    expect(
      errorCode(
        await t.gql(
          UPDATE_SPACE,
          { id: otherId, input: { subtitle: 'Pas mon espace' } },
          spaceAdmin.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    const roles = await t.gql(
      `query($id: ID!) { spaceRoles(spaceId: $id) { role userEmail } }`,
      { id: spaceId },
      spaceAdmin.token,
    );
    expect(roles.data.spaceRoles).toHaveLength(2);
  });

  it('manages phases: add, edit, reorder, and exactly one active even under concurrent activations', async () => {
    const create = `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { id position title } }`;
    const ids: string[] = [];
    for (const title of ['Information', 'Co-rédaction', 'Synthèse', 'Restitution']) {
      const res = await t.gql(
        create,
        { input: { spaceId, title, startDate: '2026-12-01', endDate: '2026-12-31' } },
        spaceAdmin.token,
      );
      expect(res.errors).toBeUndefined();
      ids.push(res.data.createPhase.id);
    }
    const badDates = await t.gql(
      create,
      { input: { spaceId, title: 'À l’envers', startDate: '2027-01-10', endDate: '2027-01-01' } },
      spaceAdmin.token,
    );
    expect(errorCode(badDates)).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql(create, { input: { spaceId, title: 'Intrus' } }, participant.token)),
    ).toBe('FORBIDDEN');

    const activate = `mutation($id: ID!) { activatePhase(id: $id) { id active } }`;
    const results = await Promise.all(
      ids.flatMap((id) => [id, id, id]).map((id) => t.gql(activate, { id }, spaceAdmin.token)),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const active = await t.sql(
      `SELECT count(*) AS n FROM space_phases WHERE space_id = $1 AND active`,
      [spaceId],
    );
    expect(Number(active[0].n)).toBe(1);

    const reversed = [...ids].reverse();
    const reordered = await t.gql(
      `mutation($s: ID!, $p: [ID!]!) { reorderPhases(spaceId: $s, phaseIds: $p) { id position } }`,
      { s: spaceId, p: reversed },
      spaceAdmin.token,
    );
    expect(reordered.data.reorderPhases.map((p: { id: string }) => p.id)).toEqual(reversed);
    const incomplete = await t.gql(
      `mutation($s: ID!, $p: [ID!]!) { reorderPhases(spaceId: $s, phaseIds: $p) { id } }`,
      { s: spaceId, p: ids.slice(1) },
      spaceAdmin.token,
    );
    expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');

    const deleted = await t.gql(
      `mutation($id: ID!) { deletePhase(id: $id) }`,
      { id: reversed[0] },
      spaceAdmin.token,
    );
    expect(deleted.data.deletePhase).toBe(true);
    const positions = await t.sql(
      `SELECT position FROM space_phases WHERE space_id = $1 ORDER BY position`,
      [spaceId],
    );
    expect(positions.map((r) => r.position)).toEqual([0, 1, 2]);
  });

  it('refuses phases on an assembly', async () => {
    const assembly = (await t.gql(`{ space(slug: "assemblee-filiere-sante-numerique") { id } }`))
      .data.space.id;
    const res = await t.gql(
      `mutation($input: CreatePhaseInput!) { createPhase(input: $input) { id } }`,
      { input: { spaceId: assembly, title: 'Phase' } },
      admin,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('manages components: unpublished ones are hidden from visitors until published', async () => {
    const created = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id type published } }`,
      { input: { spaceId, type: 'PROPOSALS', title: 'Propositions pour la charte' } },
      spaceAdmin.token,
    );
    expect(created.data.createComponent).toMatchObject({ type: 'PROPOSALS', published: false });
    const id = created.data.createComponent.id;
    const visible = async () =>
      (
        await t.gql(`{ space(slug: "charte-ethique") { components { id } } }`)
      ).data.space.components.map((c: { id: string }) => c.id);
    expect(await visible()).not.toContain(id);
    expect(errorCode(await t.gql(`query($id: ID!) { component(id: $id) { id } }`, { id }))).toBe(
      'NOT_FOUND',
    );
    const update = `mutation($id: ID!, $input: UpdateComponentInput!) { updateComponent(id: $id, input: $input) { published title } }`;
    expect(
      errorCode(await t.gql(update, { id, input: { published: true } }, moderator.token)),
    ).toBe('FORBIDDEN');
    const published = await t.gql(
      update,
      { id, input: { published: true, title: 'Propositions' } },
      spaceAdmin.token,
    );
    expect(published.data.updateComponent).toEqual({ published: true, title: 'Propositions' });
    expect(await visible()).toContain(id);
    const bogus = await t.gql(
      update,
      { id: '00000000-0000-0000-0000-000000000000', input: { title: 'Fantôme' } },
      admin,
    );
    expect(errorCode(bogus)).toBe('NOT_FOUND');
    const malformed = await t.gql(
      update,
      { id: 'pas-un-uuid', input: { title: 'Fantôme' } },
      admin,
    );
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
  });

  it('manages assembly members; a member who leaves stays on record', async () => {
    const assembly = (await t.gql(`{ space(slug: "assemblee-filiere-sante-numerique") { id } }`))
      .data.space.id;
    const add = `mutation($input: AddAssemblyMemberInput!) { addAssemblyMember(input: $input) { id position college weight userName } }`;
    const res = await t.gql(
      add,
      {
        input: {
          spaceId: assembly,
          email: participant.email,
          position: 'SECRETARY',
          college: 'entreprises',
          weight: 2,
        },
      },
      admin,
    );
    expect(res.data.addAssemblyMember).toMatchObject({
      position: 'SECRETARY',
      college: 'entreprises',
      weight: 2,
      userName: 'Participant',
    });
    expect(
      errorCode(
        await t.gql(add, { input: { spaceId: assembly, email: participant.email } }, admin),
      ),
    ).toBe('CONFLICT');
    expect(
      errorCode(await t.gql(add, { input: { spaceId, email: participant.email } }, admin)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await t.gql(
          add,
          { input: { spaceId: assembly, email: moderator.email } },
          participant.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    // the demo assembly has demo members: count Participant's rows only
    const members = await t.gql(`query($s: ID!) { assemblyMembers(spaceId: $s) { userName } }`, {
      s: assembly,
    });
    expect(
      members.data.assemblyMembers.filter(
        (m: { userName: string }) => m.userName === 'Participant',
      ),
    ).toHaveLength(1);
    const demoMembers = members.data.assemblyMembers.length - 1;
    const removed = await t.gql(
      `mutation($id: ID!) { removeAssemblyMember(id: $id) }`,
      { id: res.data.addAssemblyMember.id },
      admin,
    );
    expect(removed.data.removeAssemblyMember).toBe(true);
    expect(
      (await t.gql(`query($s: ID!) { assemblyMembers(spaceId: $s) { id } }`, { s: assembly })).data
        .assemblyMembers,
    ).toHaveLength(demoMembers);
    expect(
      (
        await t.gql(`query($s: ID!) { assemblyMembers(spaceId: $s, includeFormer: true) { id } }`, {
          s: assembly,
        })
      ).data.assemblyMembers,
    ).toHaveLength(demoMembers + 1);
  });

  it('deletes a space (organization admin only)', async () => {
    const res = await t.gql(`mutation($id: ID!) { deleteSpace(id: $id) }`, { id: spaceId }, admin);
    expect(res.data.deleteSpace).toBe(true);
    expect(errorCode(await t.gql(`{ space(slug: "charte-ethique") { id } }`, {}, admin))).toBe(
      'NOT_FOUND',
    );
  });
});
