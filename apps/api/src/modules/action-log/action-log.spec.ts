import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { ActionLogQueryService } from './action-log-query.service';

const LOGS = `query($filter: ActionLogFilterInput, $first: Int, $after: String) {
  actionLogs(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id } }
    nodes { id action resourceType resourceId spaceId spaceTitle visibility summary createdAt actor { id name } } } }`;
const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const CREATE_PROPOSAL = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const PROPOSAL_HISTORY = `query($id: ID!, $first: Int) { proposal(id: $id) { id history(first: $first) { id action resourceType actorName summary createdAt } } }`;
const ASSIGN = `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`;

type User = { token: string; id: string; email: string };

describe('journal of actions: actionLogs for admins, public histories', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let otherSpaceId: string;
  let componentId: string;
  let spaceAdmin: User;
  let alice: User;
  let bob: User;
  let proposalId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const create = async (slug: string, title: string) =>
      (
        await t.gql(
          `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
          { input: { type: 'PROCESS', slug: `${slug}-${Date.now()}`, title, published: true } },
          admin,
        )
      ).data.createSpace.id as string;
    spaceId = await create('journal-a', 'Concertation A');
    otherSpaceId = await create('journal-b', 'Concertation B');
    componentId = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'PROPOSALS', title: 'Idées', published: true } },
        admin,
      )
    ).data.createComponent.id;
    spaceAdmin = await t.register('Admin Espace A');
    alice = await t.register('Alice Historique');
    bob = await t.register('Bob Historique');
    expect(
      (await t.gql(ASSIGN, { input: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } }, admin))
        .errors,
    ).toBeUndefined();
    proposalId = (
      await t.gql(
        CREATE_PROPOSAL,
        { input: { componentId, title: 'Un registre public des algorithmes', body: 'Texte.' } },
        alice.token,
      )
    ).data.createProposal.id;
    await t.gql(
      `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`,
      { id: proposalId },
      bob.token,
    );
    await t.gql(
      `mutation($id: ID!) { answerProposal(input: { proposalId: $id, state: EVALUATING, answer: "À l’étude." }) { id } }`,
      { id: proposalId },
      spaceAdmin.token,
    );
    await t.gql(
      CREATE_COMPONENT,
      {
        input: { spaceId: otherSpaceId, type: 'PROPOSALS', title: 'Autres idées', published: true },
      },
      admin,
    );
  }, 120_000);
  afterAll(() => t.close());

  describe('actionLogs', () => {
    it('anonymous → UNAUTHENTICATED; a participant → FORBIDDEN, with or without a space', async () => {
      expect(errorCode(await t.gql(LOGS, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(LOGS, {}, alice.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(LOGS, { filter: { spaceId } }, alice.token))).toBe('FORBIDDEN');
    });

    it('a space admin reads the PUBLIC and ADMIN_ONLY lines of their space only', async () => {
      expect(errorCode(await t.gql(LOGS, {}, spaceAdmin.token))).toBe('FORBIDDEN');
      expect(
        errorCode(await t.gql(LOGS, { filter: { spaceId: otherSpaceId } }, spaceAdmin.token)),
      ).toBe('FORBIDDEN');
      const res = await t.gql(LOGS, { filter: { spaceId }, first: 100 }, spaceAdmin.token);
      expect(res.errors).toBeUndefined();
      const nodes = res.data.actionLogs.nodes as any[];
      expect(nodes.every((n) => n.spaceId === spaceId)).toBe(true);
      expect(nodes.map((n) => n.visibility)).not.toContain('PRIVATE'); // who supported what stays with organization admins
      expect(nodes.map((n) => n.action)).toEqual(
        expect.arrayContaining(['create', 'answer', 'add_role']),
      );
      expect(
        errorCode(
          await t.gql(LOGS, { filter: { spaceId, visibility: 'PRIVATE' } }, spaceAdmin.token),
        ),
      ).toBeUndefined();
      expect(
        (await t.gql(LOGS, { filter: { spaceId, visibility: 'PRIVATE' } }, spaceAdmin.token)).data
          .actionLogs.nodes,
      ).toEqual([]);
    });

    it('an organization admin reads every line, PRIVATE ones too; actors by name, never an e-mail', async () => {
      const res = await t.gql(
        LOGS,
        { filter: { resourceType: 'proposal', resourceId: proposalId } },
        admin,
      );
      const nodes = res.data.actionLogs.nodes as any[];
      expect(nodes.map((n) => n.action)).toEqual(['answer', 'support', 'create']); // newest first
      expect(nodes[1]).toMatchObject({
        visibility: 'PRIVATE',
        actor: { id: bob.id, name: 'Bob Historique' },
        spaceId,
        spaceTitle: 'Concertation A',
      });
      expect(JSON.stringify(res.data)).not.toContain('@');
    });

    it('filters by space, resource type, actor, action, visibility and dates (combined with AND)', async () => {
      const all = async (filter: Record<string, unknown>) => {
        const res = await t.gql(LOGS, { filter, first: 100 }, admin);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        return res.data.actionLogs.nodes as any[];
      };
      expect((await all({ spaceId: otherSpaceId })).map((n) => [n.action, n.resourceType])).toEqual(
        [
          ['create', 'component'],
          ['create', 'participatory_space'],
        ],
      );
      expect((await all({ userId: alice.id })).map((n) => n.action)).toEqual([
        'create',
        'register',
      ]);
      const creates = await all({ action: 'create', resourceType: 'proposal' });
      expect(creates.length).toBeGreaterThanOrEqual(1);
      expect(creates.every((n) => n.action === 'create' && n.resourceType === 'proposal')).toBe(
        true,
      );
      expect((await all({ visibility: 'PRIVATE', spaceId })).map((n) => n.action)).toEqual([
        'support',
      ]);
      const [newest] = await all({});
      const at = new Date(newest.createdAt);
      expect(await all({ from: new Date(at.getTime() + 1).toISOString() })).toEqual([]);
      expect(
        (await all({ to: at.toISOString(), userId: bob.id })).map((n) => n.action),
      ).not.toContain('answer');
      expect(
        (
          await all({
            from: new Date(Date.now() - 3600_000).toISOString(),
            to: new Date(Date.now() + 60_000).toISOString(),
            userId: alice.id,
          })
        ).length,
      ).toBe(2);
    });

    it('pages newest first on id, without repeats or gaps, up to the last page', async () => {
      const everything = (await t.gql(LOGS, { first: 100, filter: { spaceId } }, admin)).data
        .actionLogs;
      const ids = everything.nodes.map((n: any) => Number(n.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const seen: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: any = (await t.gql(LOGS, { first: 2, after, filter: { spaceId } }, admin)).data
          .actionLogs;
        seen.push(...page.nodes.map((n: any) => Number(n.id)));
        expect(page.edges.map((e: any) => e.node.id)).toEqual(page.nodes.map((n: any) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(ids);
    });

    it.each([
      ['first = 0', { first: 0 }],
      ['first = 101', { first: 101 }],
      ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }],
      ['a malformed space id', { filter: { spaceId: 'not-a-uuid' } }],
      ['a malformed action', { filter: { action: 'DROP TABLE' } }],
      ['from after to', { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }],
      // dates PostgreSQL cannot hold (22008) or that `new Date()` would bend into another day
      ['from in 4714 BC', { filter: { from: '-004714-01-01T00:00:00Z' } }],
      ['to at the earliest JS date', { filter: { to: '-271821-04-20T00:00:00.000Z' } }],
      ['from as the smallest JS timestamp', { filter: { from: -8640000000000000 } }],
      ['from in year 0', { filter: { from: '0000-12-31T00:00:00Z' } }],
      ['from as a boolean', { filter: { from: true } }],
      ['from as a list', { filter: { from: [1] } }],
      ['from as a fraction', { filter: { from: 1.5 } }],
      ['from on 30 February', { filter: { from: '2026-02-30T00:00:00Z' } }],
      ['to on 29 February of a common year', { filter: { to: '2025-02-29T00:00:00Z' } }],
      ['from at 24:00', { filter: { from: '2026-03-01T24:00:00Z' } }],
      ['from as a bare day', { filter: { from: '2026-02-30' } }],
      ['from without an offset', { filter: { from: '2026-03-01T10:00:00' } }],
      [
        'a cursor above the largest bigint',
        { after: Buffer.from('al:9223372036854775808').toString('base64url') },
      ],
    ])('refuses %s with BAD_USER_INPUT', async (_label, variables) => {
      const res = await t.gql(LOGS, variables, admin);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      if ('after' in variables) expect(res.errors![0].extensions).toMatchObject({ field: 'after' });
    });

    it('refuses an out-of-range date written in the query itself (not a variable), without a 500', async () => {
      for (const from of ['-004714-01-01T00:00:00Z', '2026-02-30T00:00:00Z']) {
        const res = await t.gql(
          `{ actionLogs(first: 5, filter: { from: "${from}" }) { nodes { id } } }`,
          {},
          admin,
        );
        expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorCode(res));
      }
    });

    it('accepts the ends of the range as instants (year 0001 and year 9999 in UTC) and a leap day; refuses an offset that carries the instant out of it', async () => {
      for (const filter of [
        { from: '0001-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999999Z' },
        { from: '2024-02-29T10:30+02:00' },
        { to: '9999-12-31T10:00:00-13:00' },
      ]) {
        const res = await t.gql(LOGS, { first: 1, filter }, admin);
        expect(res.errors).toBeUndefined();
      }
      // found by a tester: 9999-12-31T23:59-23:59 is year 10000 in UTC, and was echoed back as +010000
      for (const filter of [
        { from: '0001-01-01T00:00:00+01:00' },
        { to: '9999-12-31T23:59:59-23:59' },
      ]) {
        expect(errorCode(await t.gql(LOGS, { first: 1, filter }, admin))).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('public history', () => {
    it('a proposal’s history shows its PUBLIC lines to anyone, never a support; first is bounded', async () => {
      const res = await t.gql(PROPOSAL_HISTORY, { id: proposalId });
      expect(res.errors).toBeUndefined();
      const history = res.data.proposal.history as any[];
      expect(history.map((h) => h.action)).toEqual(['answer', 'create']);
      expect(history[1]).toMatchObject({ resourceType: 'proposal', actorName: 'Alice Historique' });
      expect(history[1].summary).toContain('Un registre public des algorithmes');
      expect(
        (await t.gql(PROPOSAL_HISTORY, { id: proposalId, first: 1 })).data.proposal.history,
      ).toHaveLength(1);
      expect(errorCode(await t.gql(PROPOSAL_HISTORY, { id: proposalId, first: 51 }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('a draft answer stays out of the history until published', async () => {
      const id = (
        await t.gql(
          CREATE_PROPOSAL,
          {
            input: { componentId, title: 'Une proposition en attente de réponse', body: 'Texte.' },
          },
          alice.token,
        )
      ).data.createProposal.id;
      await t.gql(
        `mutation($id: ID!) { answerProposal(input: { proposalId: $id, state: ACCEPTED, answer: "Oui.", publish: false }) { id } }`,
        { id },
        spaceAdmin.token,
      );
      expect(
        (await t.gql(PROPOSAL_HISTORY, { id })).data.proposal.history.map((h: any) => h.action),
      ).toEqual(['create']);
      await t.gql(
        `mutation($id: ID!) { publishProposalAnswer(id: $id) { id } }`,
        { id },
        spaceAdmin.token,
      );
      expect(
        (await t.gql(PROPOSAL_HISTORY, { id })).data.proposal.history.map((h: any) => h.action),
      ).toEqual(['publish_answer', 'create']);
    });

    it('a list asking for every proposal’s history gets each its own lines (one batched query)', async () => {
      const batches = jest.spyOn(t.app.get(ActionLogQueryService), 'publicLines');
      const res = await t.gql(
        `query($c: ID!) { proposals(componentId: $c, order: RECENT, first: 10) { edges { node { id history(first: 5) { action } } } } }`,
        { c: componentId },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.proposals.edges.length).toBeGreaterThan(1);
      expect(batches).toHaveBeenCalledTimes(1); // one SQL query for the whole page, not one per proposal
      batches.mockRestore();
      const byId = new Map(
        res.data.proposals.edges.map((e: any) => [
          e.node.id,
          e.node.history.map((h: any) => h.action),
        ]),
      );
      expect(byId.get(proposalId)).toEqual(['answer', 'create']);
    });

    it('an article’s history shows its amendments; a motion’s never shows a vote', async () => {
      const text = (
        await t.gql(
          CREATE_COMPONENT,
          { input: { spaceId, type: 'PARTICIPATORY_TEXT', title: 'Charte', published: true } },
          admin,
        )
      ).data.createComponent.id;
      const imported = await t.gql(
        `mutation($c: ID!) { importParticipatoryText(componentId: $c, markdown: "# Charte\\n\\nLes données de santé sont un bien commun.") { sections { articles { id } } } }`,
        { c: text },
        admin,
      );
      const articleId = imported.data.importParticipatoryText.sections.flatMap(
        (s: any) => s.articles,
      )[0].id;
      const ARTICLE_HISTORY = `query($id: ID!) { articleHistory(articleId: $id) { action resourceType actorName summary } }`;
      expect(errorCode(await t.gql(ARTICLE_HISTORY, { id: articleId }))).toBe('NOT_FOUND'); // text not published yet
      await t.gql(
        `mutation($c: ID!) { publishParticipatoryText(componentId: $c) { published } }`,
        { c: text },
        admin,
      );
      const amendment = await t.gql(
        `mutation($id: ID!) { createAmendment(input: { amendableType: ARTICLE, amendableId: $id, title: "Un bien commun partagé", body: "Les données de santé sont un bien commun partagé." }) { id } }`,
        { id: articleId },
        alice.token,
      );
      expect(amendment.errors).toBeUndefined();
      const history = (await t.gql(ARTICLE_HISTORY, { id: articleId })).data.articleHistory;
      expect(history).toEqual([
        expect.objectContaining({
          action: 'create',
          resourceType: 'amendment',
          actorName: 'Alice Historique',
        }),
      ]);
      const viaText = await t.gql(
        `query($c: ID!) { participatoryText(componentId: $c) { sections { articles { id history { action } } } } }`,
        { c: text },
      );
      expect(viaText.data.participatoryText.sections[0].articles[0].history).toEqual([
        { action: 'create' },
      ]);
      // a component showing each participant only their own amendments keeps them out of the public history
      await t.gql(
        `mutation($c: ID!) { updateAmendmentSettings(componentId: $c, input: { amendmentsVisibility: ONLY_OWN }) { amendmentsEnabled } }`,
        { c: text },
        admin,
      );
      expect((await t.gql(ARTICLE_HISTORY, { id: articleId })).data.articleHistory).toEqual([]);

      const assembly = (
        await t.gql(
          `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
          {
            input: {
              type: 'ASSEMBLY',
              slug: `journal-ag-${Date.now()}`,
              title: 'Assemblée',
              published: true,
            },
          },
          admin,
        )
      ).data.createSpace.id;
      const motions = (
        await t.gql(
          CREATE_COMPONENT,
          { input: { spaceId: assembly, type: 'MOTIONS', title: 'Motions', published: true } },
          admin,
        )
      ).data.createComponent.id;
      await t.gql(
        `mutation($input: AddAssemblyMemberInput!) { addAssemblyMember(input: $input) { id } }`,
        { input: { spaceId: assembly, email: bob.email } },
        admin,
      );
      const motion = (
        await t.gql(
          `mutation($input: CreateMotionInput!) { createMotion(input: $input) { id } }`,
          {
            input: {
              componentId: motions,
              title: 'Motion au scrutin secret',
              body: 'Texte.',
              opensAt: new Date().toISOString(),
              closesAt: new Date(Date.now() + 3600_000).toISOString(),
              secretBallot: true,
            },
          },
          admin,
        )
      ).data.createMotion.id;
      expect(
        (
          await t.gql(
            `mutation($id: ID!) { castVote(motionId: $id, choice: FOR) { id } }`,
            { id: motion },
            bob.token,
          )
        ).errors,
      ).toBeUndefined();
      const motionHistory = await t.gql(
        `query($id: ID!) { motion(id: $id) { history { action summary } } }`,
        { id: motion },
      );
      expect(motionHistory.data.motion.history.map((h: any) => h.action)).toEqual(['create']);
    });
  });
});
