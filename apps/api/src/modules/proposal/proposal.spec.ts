import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { KeyedPermutation } from './ordering/keyed-permutation';
import { encodeCursor } from './ordering/proposal-cursor';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const SETTINGS = `mutation($c: ID!, $input: ProposalSettingsInput!) { updateProposalSettings(componentId: $c, input: $input) { supportLimit threshold } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id title body state supportsCount author { name } viewerFollows viewerCanEdit } }`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { id supportsCount viewerSupports } }`;
const UNSUPPORT = `mutation($id: ID!) { unsupportProposal(proposalId: $id) { id supportsCount viewerSupports } }`;
const PAGE = `query($c: ID!, $order: ProposalOrder, $seed: String, $first: Int, $after: String, $filter: ProposalFilterInput) {
  proposals(componentId: $c, order: $order, seed: $seed, first: $first, after: $after, filter: $filter) {
    seed totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title supportsCount state } } } }`;

describe('proposals: publication, supports held by PostgreSQL, ordering, comments, moderation', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let moderator: { token: string; email: string };
  const users: { token: string; id: string; email: string }[] = [];

  const newComponent = async (settings?: Record<string, unknown>) => {
    const res = await t.gql(
      CREATE_COMPONENT,
      { input: { spaceId, type: 'PROPOSALS', title: 'Propositions de test', published: true } },
      admin,
    );
    const id = res.data.createComponent.id as string;
    if (settings) {
      const s = await t.gql(SETTINGS, { c: id, input: settings }, admin);
      expect(s.errors).toBeUndefined();
    }
    return id;
  };
  const propose = async (componentId: string, token: string, title: string) => {
    const res = await t.gql(
      CREATE,
      { input: { componentId, title, body: 'Un texte qui explique la proposition.' } },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createProposal.id as string;
  };
  const counted = async (proposalId: string) => {
    const [row] = await t.sql(
      `SELECT p.supports_count, (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted)::int AS rows FROM proposals p WHERE p.id = $1`,
      [proposalId],
    );
    expect(row.supports_count).toBe(row.rows); // the counter always equals the counted rows
    return row.supports_count as number;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
    for (let i = 0; i < 60; i++) users.push(await t.register(`Participant ${i}`));
    moderator = await t.register('Modératrice');
    await t.gql(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId, email: moderator.email, role: 'MODERATOR' } },
      admin,
    );
  }, 120_000);
  afterAll(() => t.close());

  describe('publication', () => {
    it('publishes a proposal with a sanitised body; its author follows it; anonymous → UNAUTHENTICATED', async () => {
      const componentId = await newComponent();
      const res = await t.gql(
        CREATE,
        {
          input: {
            componentId,
            title: 'Créer un guichet unique e-santé',
            body: '<p>Texte <script>alert(1)</script><b>gras</b></p>',
          },
        },
        users[0].token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.createProposal).toMatchObject({
        state: 'NOT_ANSWERED',
        supportsCount: 0,
        author: { name: 'Participant 0' },
        viewerFollows: true,
        viewerCanEdit: true,
      });
      expect(res.data.createProposal.body).toBe('<p>Texte <b>gras</b></p>');
      const anonymous = await t.gql(CREATE, {
        input: { componentId, title: 'Créer un guichet unique e-santé', body: 'x' },
      });
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a 14-character title', { title: 'Quatorze chars', body: 'Texte' }, 'BAD_USER_INPUT'],
      ['a 151-character title', { title: 'x'.repeat(151), body: 'Texte' }, 'BAD_USER_INPUT'],
      [
        'a 3,001-character body',
        { title: 'Un titre suffisamment long', body: 'y'.repeat(3001) },
        'BAD_USER_INPUT',
      ],
      [
        'a body that is only a script',
        { title: 'Un titre suffisamment long', body: '<script>x</script>' },
        'BAD_USER_INPUT',
      ],
    ])('refuses %s and writes nothing', async (_label, fields, code) => {
      const componentId = await newComponent();
      const res = await t.gql(CREATE, { input: { componentId, ...fields } }, users[1].token);
      expect(errorCode(res)).toBe(code);
      expect(
        Number(
          (
            await t.sql(`SELECT count(*) AS n FROM proposals WHERE component_id = $1`, [
              componentId,
            ])
          )[0].n,
        ),
      ).toBe(0);
    });

    it('lets the author edit until the first support, then refuses with CONFLICT; others get FORBIDDEN', async () => {
      const componentId = await newComponent();
      const id = await propose(componentId, users[2].token, 'Une proposition à retoucher');
      const edit = `mutation($id: ID!, $input: UpdateProposalInput!) { updateProposal(id: $id, input: $input) { title } }`;
      expect(
        (await t.gql(edit, { id, input: { title: 'Une proposition retouchée' } }, users[2].token))
          .data.updateProposal.title,
      ).toBe('Une proposition retouchée');
      expect(
        errorCode(
          await t.gql(edit, { id, input: { title: 'Pas la mienne du tout' } }, users[3].token),
        ),
      ).toBe('FORBIDDEN');
      await t.gql(SUPPORT, { id }, users[3].token);
      expect(
        errorCode(
          await t.gql(edit, { id, input: { title: 'Trop tard pour changer' } }, users[2].token),
        ),
      ).toBe('CONFLICT');
    });

    it('a withdrawn proposal takes no supports', async () => {
      const componentId = await newComponent();
      const id = await propose(componentId, users[4].token, 'Une proposition bientôt retirée');
      const withdraw = await t.gql(
        `mutation($id: ID!) { withdrawProposal(id: $id) { state withdrawnAt } }`,
        { id },
        users[4].token,
      );
      expect(withdraw.data.withdrawProposal.state).toBe('WITHDRAWN');
      expect(errorCode(await t.gql(SUPPORT, { id }, users[5].token))).toBe('FORBIDDEN');
      expect(await counted(id)).toBe(0);
    });
  });

  describe('supports (races on a real database)', () => {
    it('race: the same user supporting the same proposal 10 times at once → one support', async () => {
      const componentId = await newComponent();
      const id = await propose(componentId, users[0].token, 'Soutenue deux fois au même instant');
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.gql(SUPPORT, { id }, users[1].token)),
      );
      expect(results.every((r) => !r.errors)).toBe(true);
      expect(
        Number(
          (
            await t.sql(`SELECT count(*) AS n FROM proposal_supports WHERE proposal_id = $1`, [id])
          )[0].n,
        ),
      ).toBe(1);
      expect(await counted(id)).toBe(1);
    });

    it('race: a user with one support left supporting several proposals at once → exactly one succeeds, the others LIMIT_REACHED', async () => {
      const componentId = await newComponent({ supportLimit: 3 });
      const ids = [];
      for (let i = 0; i < 6; i++)
        ids.push(await propose(componentId, users[0].token, `Proposition limitée numéro ${i}`));
      await t.gql(SUPPORT, { id: ids[0] }, users[2].token);
      await t.gql(SUPPORT, { id: ids[1] }, users[2].token);
      const results = await Promise.all(
        ids.slice(2).map((id) => t.gql(SUPPORT, { id }, users[2].token)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'LIMIT_REACHED')).toHaveLength(3);
      expect(
        Number(
          (
            await t.sql(
              `SELECT count(*) AS n FROM proposal_supports WHERE component_id = $1 AND user_id = $2`,
              [componentId, users[2].id],
            )
          )[0].n,
        ),
      ).toBe(3);
      const status = await t.gql(
        `query($c: ID!) { proposalComponent(componentId: $c) { viewerSupportsGiven viewerSupportsRemaining } }`,
        { c: componentId },
        users[2].token,
      );
      expect(status.data.proposalComponent).toEqual({
        viewerSupportsGiven: 3,
        viewerSupportsRemaining: 0,
      });
    });

    it('race: a threshold of 10 without accumulation hit by 50 users at once → exactly 10 supports', async () => {
      const componentId = await newComponent({
        threshold: 10,
        canAccumulateSupportsBeyondThreshold: false,
      });
      const id = await propose(componentId, users[0].token, 'Proposition avec un seuil de dix');
      const results = await Promise.all(
        users.slice(1, 51).map((u) => t.gql(SUPPORT, { id }, u.token)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(10);
      expect(results.filter((r) => errorCode(r) === 'LIMIT_REACHED')).toHaveLength(40);
      expect(await counted(id)).toBe(10);
    });

    it('minimumSupportsPerUser: supports count only from the minimum on, and stop counting below it', async () => {
      const componentId = await newComponent({ minimumSupportsPerUser: 3 });
      const ids = [];
      for (let i = 0; i < 3; i++)
        ids.push(await propose(componentId, users[0].token, `Proposition au minimum numéro ${i}`));
      await t.gql(SUPPORT, { id: ids[0] }, users[3].token);
      await t.gql(SUPPORT, { id: ids[1] }, users[3].token);
      expect(await counted(ids[0])).toBe(0);
      expect(await counted(ids[1])).toBe(0);
      await t.gql(SUPPORT, { id: ids[2] }, users[3].token);
      expect([await counted(ids[0]), await counted(ids[1]), await counted(ids[2])]).toEqual([
        1, 1, 1,
      ]);
      await t.gql(UNSUPPORT, { id: ids[2] }, users[3].token);
      expect([await counted(ids[0]), await counted(ids[1]), await counted(ids[2])]).toEqual([
        0, 0, 0,
      ]);
    });

    it('race: 40 users crossing their minimum at once on the same proposals keep every counter exact', async () => {
      const componentId = await newComponent({ minimumSupportsPerUser: 2 });
      const a = await propose(componentId, users[0].token, 'Premier choix pour le minimum');
      const b = await propose(componentId, users[0].token, 'Second choix pour le minimum');
      await Promise.all(
        users.slice(10, 50).map(async (u, i) => {
          const [first, second] = i % 2 ? [a, b] : [b, a];
          const one = await t.gql(SUPPORT, { id: first }, u.token);
          const two = await t.gql(SUPPORT, { id: second }, u.token);
          expect(one.errors ?? two.errors).toBeUndefined();
        }),
      );
      expect(await counted(a)).toBe(40);
      expect(await counted(b)).toBe(40);
    });

    it('blocked supports refuse with FORBIDDEN; hidden supports hide the counts', async () => {
      const componentId = await newComponent();
      const id = await propose(componentId, users[0].token, 'Proposition aux soutiens fermés');
      await t.gql(SUPPORT, { id }, users[1].token);
      await t.gql(SETTINGS, { c: componentId, input: { supportsState: 'BLOCKED' } }, admin);
      expect(errorCode(await t.gql(SUPPORT, { id }, users[2].token))).toBe('FORBIDDEN');
      await t.gql(SETTINGS, { c: componentId, input: { supportsState: 'HIDDEN' } }, admin);
      const seen = await t.gql(
        `query($id: ID!) { proposal(id: $id) { supportsCount } }`,
        { id },
        users[2].token,
      );
      expect(seen.data.proposal.supportsCount).toBeNull();
      expect(errorCode(await t.gql(PAGE, { c: componentId, order: 'MOST_SUPPORTED' }))).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('settings: only space admins; a moderator or participant gets FORBIDDEN', async () => {
      const componentId = await newComponent();
      expect(
        errorCode(
          await t.gql(SETTINGS, { c: componentId, input: { supportLimit: 1 } }, moderator.token),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(SETTINGS, { c: componentId, input: { supportLimit: 1 } }, users[0].token),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(await t.gql(SETTINGS, { c: componentId, input: { supportLimit: -1 } }, admin)),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('ordering and paging', () => {
    let componentId: string;
    const all: string[] = [];
    beforeAll(async () => {
      componentId = await newComponent();
      for (let i = 0; i < 45; i++)
        all.push(
          await propose(
            componentId,
            users[i % 10].token,
            `Proposition ordonnée numéro ${String(i).padStart(2, '0')}`,
          ),
        );
    }, 60_000);

    const pageThrough = async (
      vars: Record<string, unknown>,
      onPage?: (n: number) => Promise<void>,
    ) => {
      const seen: string[] = [];
      let after: string | undefined;
      let seed: string | undefined = vars.seed as string | undefined;
      for (let page = 0; page < 50; page++) {
        const res = await t.gql(PAGE, { c: componentId, first: 10, ...vars, seed, after });
        expect(res.errors).toBeUndefined();
        const conn = res.data.proposals;
        seed = conn.seed ?? undefined;
        seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
        if (onPage) await onPage(page);
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      return { seen, seed };
    };

    it('RANDOM: a first page without seed draws one; the same seed gives the same order; paging returns every proposal exactly once', async () => {
      const first = await t.gql(PAGE, { c: componentId, first: 10 });
      expect(first.data.proposals.seed).toMatch(/^[0-9a-f]{16}$/);
      expect(first.data.proposals.totalCount).toBe(45);
      const { seen, seed } = await pageThrough({
        order: 'RANDOM',
        seed: first.data.proposals.seed,
      });
      expect(seed).toBe(first.data.proposals.seed);
      expect(seen).toHaveLength(45);
      expect(new Set(seen)).toEqual(new Set(all));
      expect(seen.slice(0, 10)).toEqual(
        first.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id),
      );
      const other = await pageThrough({ order: 'RANDOM', seed: 'another-seed' });
      expect(other.seen).not.toEqual(seen);
    });

    it('RANDOM: proposals created while paging come after, each exactly once', async () => {
      const added: string[] = [];
      const { seen } = await pageThrough(
        { order: 'RANDOM', seed: 'paging-while-creating' },
        async (page) => {
          if (page < 3)
            added.push(
              await propose(componentId, users[20].token, `Arrivée pendant la lecture ${page}`),
            );
        },
      );
      expect(seen).toHaveLength(all.length + added.length);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(-added.length)).toEqual(added);
      all.push(...added);
    });

    it('RANDOM with a selective filter keeps the unfiltered order and pages every match exactly once', async () => {
      const seed = 'filtered-seed';
      const unfiltered = (await pageThrough({ order: 'RANDOM', seed })).seen;
      const mineOf = async (token: string) => {
        const seen: string[] = [];
        let after: string | undefined;
        for (let page = 0; page < 20; page++) {
          const res = await t.gql(
            PAGE,
            { c: componentId, order: 'RANDOM', seed, first: 2, after, filter: { mine: true } },
            token,
          );
          expect(res.errors).toBeUndefined();
          seen.push(...res.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id));
          if (!res.data.proposals.pageInfo.hasNextPage) break;
          after = res.data.proposals.pageInfo.endCursor;
        }
        return seen;
      };
      const mine = await mineOf(users[3].token);
      const authored = new Set(
        (
          await t.sql(`SELECT id FROM proposals WHERE component_id = $1 AND author_id = $2`, [
            componentId,
            users[3].id,
          ])
        ).map((r) => r.id),
      );
      expect(mine.length).toBe(authored.size);
      expect(new Set(mine)).toEqual(authored);
      expect(mine).toEqual(unfiltered.filter((id) => authored.has(id)));
    });

    it('RANDOM depends only on the seed and the proposals that exist: a first page read right after a creation is the permutation of them all (no remembered size)', async () => {
      const ids = async () =>
        (
          await t.gql(PAGE, { c: componentId, order: 'RANDOM', seed: 'no-memo', first: 100 })
        ).data.proposals.edges.map((e: { node: { id: string } }) => e.node.id);
      await ids(); // a read just before the creation (a remembered size would be one short)
      all.push(
        await propose(componentId, users[21].token, 'Arrivée juste avant une première page'),
      );
      const rows = await t.sql<{ id: string; position_index: number }>(
        `SELECT id, position_index FROM proposals WHERE component_id = $1`,
        [componentId],
      );
      const byIndex = new Map(rows.map((r) => [Number(r.position_index), r.id]));
      const permutation = new KeyedPermutation('no-memo', rows.length);
      expect(await ids()).toEqual(
        Array.from({ length: rows.length }, (_, q) => byIndex.get(permutation.at(q))),
      );
    });

    it('a cursor is bound to its component, order and seed, and only the server makes one', async () => {
      const first = (
        await t.gql(PAGE, { c: componentId, order: 'RANDOM', seed: 'bound', first: 5 })
      ).data.proposals;
      const after = first.pageInfo.endCursor as string;
      // the same cursor, the same seed: the next page
      expect(
        errorCode(
          await t.gql(PAGE, { c: componentId, order: 'RANDOM', seed: 'bound', first: 5, after }),
        ),
      ).toBeUndefined();
      // another component, another order, another seed: refused with the field named
      const other = await newComponent();
      const elsewhere = await t.gql(PAGE, {
        c: other,
        order: 'RANDOM',
        seed: 'bound',
        first: 5,
        after,
      });
      expect(elsewhere.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      expect(
        errorCode(await t.gql(PAGE, { c: componentId, order: 'RECENT', first: 5, after })),
      ).toBe('BAD_USER_INPUT');
      const reseeded = await t.gql(PAGE, {
        c: componentId,
        order: 'RANDOM',
        seed: 'another',
        first: 5,
        after,
      });
      expect(reseeded.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'seed',
      });
      // a hand-made cursor (n: 0 would give creation order), even with a well-formed payload, is refused
      const [payload] = after.split('.');
      const forged = {
        ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
        n: 0,
        p: 0,
      };
      const forgedPayload = Buffer.from(JSON.stringify(forged)).toString('base64url');
      for (const cursor of [forgedPayload, `${forgedPayload}.${after.split('.')[1]}`, payload]) {
        expect(
          errorCode(
            await t.gql(PAGE, {
              c: componentId,
              order: 'RANDOM',
              seed: 'bound',
              first: 5,
              after: cursor,
            }),
          ),
        ).toBe('BAD_USER_INPUT');
      }
      // the key is the deployment's, in PostgreSQL: a cursor signed with it is accepted by any process
      const [{ key }] = await t.sql<{ key: Buffer }>(`SELECT key FROM proposal_cursor_keys`);
      const resigned = encodeCursor(forged, key);
      const replayed = await t.gql(PAGE, {
        c: componentId,
        order: 'RANDOM',
        seed: 'bound',
        first: 100,
        after: resigned,
      });
      expect(replayed.errors).toBeUndefined();
    });

    it.each(['RECENT', 'MOST_SUPPORTED', 'MOST_COMMENTED', 'MOST_FOLLOWED'])(
      '%s: pages are stable and complete (unique tie-breaker)',
      async (order) => {
        const { seen } = await pageThrough({ order });
        expect(seen).toHaveLength(all.length);
        expect(new Set(seen).size).toBe(all.length);
      },
    );

    it('MOST_SUPPORTED sorts by supports, then id', async () => {
      await t.gql(SUPPORT, { id: all[7] }, users[30].token);
      await t.gql(SUPPORT, { id: all[7] }, users[31].token);
      await t.gql(SUPPORT, { id: all[3] }, users[30].token);
      const res = await t.gql(PAGE, { c: componentId, order: 'MOST_SUPPORTED', first: 3 });
      expect(
        res.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id).slice(0, 2),
      ).toEqual([all[7], all[3]]);
    });

    it('filters: French accent-insensitive search, mine, supported by me; bad cursor → BAD_USER_INPUT', async () => {
      const special = await propose(
        componentId,
        users[40].token,
        'Développer la télémédecine en région',
      );
      const search = await t.gql(PAGE, {
        c: componentId,
        order: 'RECENT',
        filter: { search: 'telemedecine' },
      });
      expect(search.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        special,
      ]);
      const stemmed = await t.gql(PAGE, {
        c: componentId,
        order: 'RECENT',
        filter: { search: 'développement régions' },
      });
      expect(stemmed.data.proposals.totalCount).toBeGreaterThanOrEqual(0);
      const mine = await t.gql(
        PAGE,
        { c: componentId, order: 'RANDOM', filter: { mine: true } },
        users[40].token,
      );
      expect(mine.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        special,
      ]);
      expect(errorCode(await t.gql(PAGE, { c: componentId, filter: { mine: true } }))).toBe(
        'UNAUTHENTICATED',
      );
      const supported = await t.gql(
        PAGE,
        { c: componentId, order: 'RECENT', filter: { supportedByMe: true } },
        users[31].token,
      );
      expect(
        supported.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id),
      ).toEqual([all[7]]);
      expect(errorCode(await t.gql(PAGE, { c: componentId, after: 'garbage' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await t.gql(PAGE, { c: componentId, first: 1000 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('counts kept by PostgreSQL', () => {
    it('race: creations, withdrawals, published answers and hides at once keep the per-component counts equal to count(*), and totalCount reads them', async () => {
      const componentId = await newComponent();
      const authors = users.slice(0, 20);
      const first = await Promise.all(
        authors.flatMap((u, i) =>
          [0, 1].map((k) =>
            propose(componentId, u.token, `Proposition comptée ${i}-${k} en parallèle`),
          ),
        ),
      );
      const answer = `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { id } }`;
      const report = `mutation($input: ReportContentInput!) { reportContent(input: $input) { hidden } }`;
      const withdraw = `mutation($id: ID!) { withdrawProposal(id: $id) { id } }`;
      // proposal k belongs to authors[k >> 1]: withdraw 0–9, answer 10–19 (published), hide 20–24, and 10 new ones meanwhile
      const results = await Promise.all([
        ...first.slice(0, 10).map((id, k) => t.gql(withdraw, { id }, authors[k >> 1].token)),
        ...first.slice(10, 20).map((id, k) =>
          t.gql(
            answer,
            {
              input: {
                proposalId: id,
                state: k % 2 ? 'ACCEPTED' : 'EVALUATING',
                answer: 'Réponse officielle détaillée.',
                publish: true,
              },
            },
            moderator.token,
          ),
        ),
        ...first
          .slice(20, 25)
          .flatMap((id) =>
            users
              .slice(40, 43)
              .map((u) =>
                t.gql(
                  report,
                  { input: { resourceType: 'PROPOSAL', resourceId: id, reason: 'SPAM' } },
                  u.token,
                ),
              ),
          ),
        ...users.slice(25, 35).map((u, i) =>
          t.gql(
            CREATE,
            {
              input: {
                componentId,
                title: `Arrivée pendant les changements ${i}`,
                body: 'Un texte qui explique la proposition.',
              },
            },
            u.token,
          ),
        ),
      ]);
      expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
      const kept = await t.sql(
        `SELECT hidden, visible_state, n::int FROM proposal_counts WHERE component_id = $1 AND n <> 0 ORDER BY 1, 2`,
        [componentId],
      );
      const counted = await t.sql(
        `SELECT p.hidden_at IS NOT NULL AS hidden, ${"CASE WHEN p.withdrawn_at IS NOT NULL THEN 'WITHDRAWN' WHEN p.state_published_at IS NOT NULL THEN p.state ELSE 'NOT_ANSWERED' END"} AS visible_state, count(*)::int AS n
           FROM proposals p WHERE p.component_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [componentId],
      );
      expect(kept).toEqual(counted);
      expect(counted).toEqual(
        expect.arrayContaining([
          { hidden: false, visible_state: 'WITHDRAWN', n: 10 },
          { hidden: true, visible_state: 'NOT_ANSWERED', n: 5 },
        ]),
      );
      // totalCount from the kept counts agrees with the rows for participants and moderators, with and without filters
      const total = async (filter: Record<string, unknown>, token?: string) =>
        (await t.gql(PAGE, { c: componentId, order: 'RECENT', first: 1, filter }, token)).data
          .proposals.totalCount;
      expect(await total({})).toBe(50 - 10 - 5);
      expect(await total({ includeWithdrawn: true })).toBe(50 - 5);
      expect(await total({ states: ['ACCEPTED'] })).toBe(5);
      expect(await total({ states: ['WITHDRAWN', 'EVALUATING'] })).toBe(15);
      expect(await total({}, moderator.token)).toBe(50 - 10);
      expect(await total({ mine: true }, authors[15].token)).toBe(2);
      expect(await total({ search: 'Arrivée changements' })).toBe(10);
    }, 60_000);
  });

  describe('comments, follows, reports, answers', () => {
    let componentId: string;
    let proposalId: string;
    beforeAll(async () => {
      componentId = await newComponent();
      proposalId = await propose(componentId, users[0].token, 'Proposition à discuter et modérer');
    });

    it('threads comments to three levels with alignment, sanitised, counted, and the commenter follows', async () => {
      const add = `mutation($input: AddCommentInput!) { addComment(input: $input) { id depth alignment body } }`;
      const top = await t.gql(
        add,
        {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: proposalId,
            body: 'Je suis pour <img src=x onerror=alert(1)>',
            alignment: 'FOR',
          },
        },
        users[1].token,
      );
      expect(top.data.addComment).toMatchObject({
        depth: 0,
        alignment: 'FOR',
        body: 'Je suis pour',
      });
      const r1 = await t.gql(
        add,
        {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: proposalId,
            body: 'Réponse',
            parentId: top.data.addComment.id,
          },
        },
        users[2].token,
      );
      const r2 = await t.gql(
        add,
        {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: proposalId,
            body: 'Réponse 2',
            parentId: r1.data.addComment.id,
          },
        },
        users[3].token,
      );
      expect(r2.data.addComment.depth).toBe(2);
      const tooDeep = await t.gql(
        add,
        {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: proposalId,
            body: 'Trop loin',
            parentId: r2.data.addComment.id,
          },
        },
        users[4].token,
      );
      expect(errorCode(tooDeep)).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            add,
            { input: { commentableType: 'PROPOSAL', commentableId: proposalId, body: '   ' } },
            users[4].token,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(add, {
            input: { commentableType: 'PROPOSAL', commentableId: proposalId, body: 'Anonyme' },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
      const thread = await t.gql(
        `query($id: ID!) { comments(commentableType: PROPOSAL, commentableId: $id) { id replies { id replies { id } } } }`,
        { id: proposalId },
      );
      expect(thread.data.comments[0].replies[0].replies).toHaveLength(1);
      const [p] = await t.sql(`SELECT comments_count, follows_count FROM proposals WHERE id = $1`, [
        proposalId,
      ]);
      expect(p.comments_count).toBe(3);
      expect(p.follows_count).toBe(4); // author + three commenters
      const del = await t.gql(
        `mutation($id: ID!) { deleteComment(id: $id) }`,
        { id: top.data.addComment.id },
        users[2].token,
      );
      expect(errorCode(del)).toBe('FORBIDDEN');
      expect(
        (
          await t.gql(
            `mutation($id: ID!) { deleteComment(id: $id) }`,
            { id: top.data.addComment.id },
            users[1].token,
          )
        ).data.deleteComment,
      ).toBe(true);
      expect(
        (await t.sql(`SELECT comments_count FROM proposals WHERE id = $1`, [proposalId]))[0]
          .comments_count,
      ).toBe(2);
    });

    it('follow and unfollow are idempotent and counted', async () => {
      const follow = `mutation($id: ID!) { follow(followableType: PROPOSAL, followableId: $id) }`;
      const before = (
        await t.sql(`SELECT follows_count FROM proposals WHERE id = $1`, [proposalId])
      )[0].follows_count;
      await Promise.all([1, 2, 3].map(() => t.gql(follow, { id: proposalId }, users[9].token)));
      expect(
        (await t.sql(`SELECT follows_count FROM proposals WHERE id = $1`, [proposalId]))[0]
          .follows_count,
      ).toBe(before + 1);
      await Promise.all(
        [1, 2, 3].map(() =>
          t.gql(
            `mutation($id: ID!) { unfollow(followableType: PROPOSAL, followableId: $id) }`,
            { id: proposalId },
            users[9].token,
          ),
        ),
      );
      expect(
        (await t.sql(`SELECT follows_count FROM proposals WHERE id = $1`, [proposalId]))[0]
          .follows_count,
      ).toBe(before);
    });

    it('race: 6 users reporting at once hide the proposal at exactly 3 reports; a second report by the same user → CONFLICT', async () => {
      const id = await propose(componentId, users[0].token, 'Proposition qui sera signalée');
      const report = `mutation($input: ReportContentInput!) { reportContent(input: $input) { reportCount hidden } }`;
      const results = await Promise.all(
        users
          .slice(1, 7)
          .map((u) =>
            t.gql(
              report,
              { input: { resourceType: 'PROPOSAL', resourceId: id, reason: 'SPAM' } },
              u.token,
            ),
          ),
      );
      const ok = results.filter((r) => !r.errors);
      expect(ok.length).toBe(
        3 + results.filter((r) => !r.errors && r.data.reportContent.reportCount > 3).length,
      );
      const [m] = await t.sql(
        `SELECT report_count, hidden_at IS NOT NULL AS hidden FROM moderations WHERE reportable_id = $1`,
        [id],
      );
      expect(m.report_count).toBe(
        Number(
          (
            await t.sql(
              `SELECT count(*) AS n FROM reports r JOIN moderations m ON m.id = r.moderation_id WHERE m.reportable_id = $1`,
              [id],
            )
          )[0].n,
        ),
      );
      expect(m.hidden).toBe(true);
      expect(
        errorCode(
          await t.gql(`query($id: ID!) { proposal(id: $id) { id } }`, { id }, users[8].token),
        ),
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql(`query($id: ID!) { proposal(id: $id) { hidden } }`, { id }, moderator.token))
          .data.proposal.hidden,
      ).toBe(true);
      const again = await t.gql(
        report,
        { input: { resourceType: 'PROPOSAL', resourceId: proposalId, reason: 'OFFENSIVE' } },
        users[1].token,
      );
      expect(again.errors).toBeUndefined();
      expect(
        errorCode(
          await t.gql(
            report,
            { input: { resourceType: 'PROPOSAL', resourceId: proposalId, reason: 'SPAM' } },
            users[1].token,
          ),
        ),
      ).toBe('CONFLICT');
      const queue = await t.gql(
        `query($c: ID!) { moderationQueue(componentId: $c) { resourceId reportCount hidden unanswered } }`,
        { c: componentId },
        moderator.token,
      );
      // hidden, it waits for no answer: not in « Sans réponse », and an answer is refused
      expect(queue.data.moderationQueue[0]).toMatchObject({
        resourceId: id,
        hidden: true,
        unanswered: false,
      });
      expect(
        queue.data.moderationQueue.filter((i: { resourceId: string }) => i.resourceId === id),
      ).toHaveLength(1);
      const answerHidden = await t.gql(
        `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { id } }`,
        { input: { proposalId: id, state: 'EVALUATING' } },
        moderator.token,
      );
      expect(answerHidden.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'HIDDEN',
      });
      expect(
        (await t.sql(`SELECT answered_at FROM proposals WHERE id = $1`, [id]))[0].answered_at,
      ).toBeNull();
      expect(
        errorCode(
          await t.gql(
            `query($c: ID!) { moderationQueue(componentId: $c) { resourceId } }`,
            { c: componentId },
            users[1].token,
          ),
        ),
      ).toBe('FORBIDDEN');
      const unhide = await t.gql(
        `mutation($id: ID!) { unhideContent(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
        { id },
        moderator.token,
      );
      expect(unhide.data.unhideContent.hidden).toBe(false);
      const shown = await t.gql(
        `query($c: ID!) { moderationQueue(componentId: $c) { resourceId unanswered } }`,
        { c: componentId },
        moderator.token,
      );
      expect(shown.data.moderationQueue).toContainEqual({ resourceId: id, unanswered: true });
      expect(
        errorCode(
          await t.gql(
            `mutation($id: ID!) { hideContent(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
            { id },
            users[1].token,
          ),
        ),
      ).toBe('FORBIDDEN');
    });

    it('dismissing reports keeps the content: shown again, out of the queue, reportable again; raced with new reports, the count stays the open reports', async () => {
      const id = await propose(componentId, users[0].token, 'Proposition signalée puis conservée');
      const report = (u: { token: string }, reason = 'SPAM', details?: string) =>
        t.gql(
          `mutation($input: ReportContentInput!) { reportContent(input: $input) { reportCount hidden } }`,
          { input: { resourceType: 'PROPOSAL', resourceId: id, reason, details } },
          u.token,
        );
      const dismiss = (token: string) =>
        t.gql(
          `mutation($id: ID!) { dismissReports(resourceType: PROPOSAL, resourceId: $id) { reportCount hidden } }`,
          { id },
          token,
        );
      const precisions = ['Publicité pour un logiciel.', '', 'Lien vers un site commercial.'];
      for (const [i, u] of users.slice(1, 4).entries())
        expect((await report(u, 'SPAM', precisions[i])).errors).toBeUndefined();
      // the moderators read each open report's reason and « Précisions », oldest first, not who
      const reported = await t.gql(
        `query($c: ID!) { moderationQueue(componentId: $c) { resourceId since reports { reason details reportedAt } } }`,
        { c: componentId },
        moderator.token,
      );
      const line = reported.data.moderationQueue.find(
        (i: { resourceId: string }) => i.resourceId === id,
      );
      expect(line.reports.map((r: { details: string }) => r.details)).toEqual(precisions);
      expect(line.reports.every((r: { reason: string }) => r.reason === 'SPAM')).toBe(true);
      expect(line.since).toBe(line.reports[0].reportedAt);
      const openReports = async () =>
        Number(
          (
            await t.sql(
              `SELECT count(*) AS n FROM reports r JOIN moderations m ON m.id = r.moderation_id WHERE m.reportable_id = $1 AND r.dismissed_at IS NULL`,
              [id],
            )
          )[0].n,
        );
      // three reports hid it; a participant may not dismiss them
      expect(errorCode(await dismiss(users[5].token))).toBe('FORBIDDEN');
      const kept = await dismiss(moderator.token);
      expect(kept.data.dismissReports).toEqual({ reportCount: 0, hidden: false });
      expect(await openReports()).toBe(0);
      expect(
        (await t.gql(`query($id: ID!) { proposal(id: $id) { id } }`, { id }, users[8].token)).data
          .proposal.id,
      ).toBe(id);
      const queue = await t.gql(
        `query($c: ID!) { moderationQueue(componentId: $c) { resourceId reportCount } }`,
        { c: componentId },
        moderator.token,
      );
      expect(
        queue.data.moderationQueue.filter(
          (i: { resourceId: string; reportCount: number }) => i.resourceId === id && i.reportCount,
        ),
      ).toEqual([]);
      const [log] = await t.sql(
        `SELECT summary FROM action_logs WHERE action = 'dismiss_reports' AND resource_id = $1`,
        [id],
      );
      expect(log.summary).toBe('3 signalements écartés : contenu conservé et rétabli');
      // nothing left to dismiss
      expect(errorCode(await dismiss(moderator.token))).toBe('CONFLICT');
      // reported again: the line waits since this new report, not since the dismissed ones
      expect((await report(users[4], 'SPAM', 'Encore.')).errors).toBeUndefined();
      const again = (
        await t.gql(
          `query($c: ID!) { moderationQueue(componentId: $c) { resourceId since reports { details reportedAt } } }`,
          { c: componentId },
          moderator.token,
        )
      ).data.moderationQueue.find((i: { resourceId: string }) => i.resourceId === id);
      expect(again.reports).toEqual([{ details: 'Encore.', reportedAt: again.since }]);
      expect(new Date(again.since).getTime()).toBeGreaterThan(new Date(line.since).getTime());
      // reporters whose reports were dismissed may report again (two: under the hiding
      // threshold), raced with a dismissal that either finds them or finds none (CONFLICT)
      const results = await Promise.all([
        ...users.slice(1, 3).map((u) => report(u, 'OFFENSIVE')),
        dismiss(moderator.token),
      ]);
      expect(results.slice(0, 2).map((r) => r.errors)).toEqual([undefined, undefined]);
      expect([undefined, 'CONFLICT']).toContain(errorCode(results[2]));
      const [m] = await t.sql(`SELECT report_count FROM moderations WHERE reportable_id = $1`, [
        id,
      ]);
      expect(m.report_count).toBe(await openReports());
    });

    it('a drafted answer is not published while the proposal is hidden (CONFLICT HIDDEN, nothing written), and is once it is shown again', async () => {
      // a component of its own: the answer below must not change the other tests' counts
      const id = await propose(
        await newComponent(),
        users[0].token,
        'Proposition à réponse différée',
      );
      const draft = await t.gql(
        `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { answerPublished } }`,
        { input: { proposalId: id, state: 'ACCEPTED', answer: '<p>Retenue.</p>', publish: false } },
        moderator.token,
      );
      expect(draft.data.answerProposal.answerPublished).toBe(false);
      const hide = (op: 'hideContent' | 'unhideContent') =>
        t.gql(
          `mutation($id: ID!) { ${op}(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
          { id },
          moderator.token,
        );
      expect((await hide('hideContent')).errors).toBeUndefined();
      const publish = `mutation($id: ID!) { publishProposalAnswer(id: $id) { answerPublished } }`;
      const refused = await t.gql(publish, { id }, moderator.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'HIDDEN' });
      // worded in English for an English client, not the code's generic text
      const english = await t.gql(publish, { id }, moderator.token, { 'accept-language': 'en' });
      expect(english.errors?.[0].message).toBe(
        'This proposal is hidden by moderation: show it again before answering it.',
      );
      const [row] = await t.sql(`SELECT state_published_at FROM proposals WHERE id = $1`, [id]);
      expect(row.state_published_at).toBeNull();
      expect(
        await t.sql(
          `SELECT 1 FROM action_logs WHERE action = 'publish_answer' AND resource_id = $1`,
          [id],
        ),
      ).toEqual([]);
      expect((await hide('unhideContent')).errors).toBeUndefined();
      const published = await t.gql(publish, { id }, moderator.token);
      expect(published.data.publishProposalAnswer.answerPublished).toBe(true);
    });

    it('answers: moderators only; a draft stays invisible to participants until published', async () => {
      const answer = `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { state internalState answer answerPublished } }`;
      expect(
        errorCode(
          await t.gql(answer, { input: { proposalId, state: 'ACCEPTED' } }, users[0].token),
        ),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(answer, { input: { proposalId, state: 'ACCEPTED' } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        errorCode(
          await t.gql(answer, { input: { proposalId, state: 'REJECTED' } }, moderator.token),
        ),
      ).toBe('BAD_USER_INPUT');
      const draft = await t.gql(
        answer,
        {
          input: {
            proposalId,
            state: 'ACCEPTED',
            answer: 'Retenue pour la feuille de route.',
            publish: false,
          },
        },
        moderator.token,
      );
      expect(draft.data.answerProposal).toMatchObject({
        state: 'NOT_ANSWERED',
        internalState: 'ACCEPTED',
        answerPublished: false,
      });
      const seen = await t.gql(
        `query($id: ID!) { proposal(id: $id) { state answer internalState } }`,
        { id: proposalId },
        users[1].token,
      );
      expect(seen.data.proposal).toEqual({
        state: 'NOT_ANSWERED',
        answer: null,
        internalState: null,
      });
      await t.gql(
        `mutation($id: ID!) { publishProposalAnswer(id: $id) { state } }`,
        { id: proposalId },
        moderator.token,
      );
      const after = await t.gql(
        `query($id: ID!) { proposal(id: $id) { state answer } }`,
        { id: proposalId },
        users[1].token,
      );
      expect(after.data.proposal).toEqual({
        state: 'ACCEPTED',
        answer: '<p>Retenue pour la feuille de route.</p>',
      });
      const accepted = await t.gql(PAGE, {
        c: componentId,
        order: 'RECENT',
        filter: { states: ['ACCEPTED'] },
      });
      expect(accepted.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
        [proposalId],
      );
    });
  });
});
