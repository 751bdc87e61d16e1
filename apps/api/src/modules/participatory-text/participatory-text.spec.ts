import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { TEST_ADMIN_EMAIL } from '../../../test/test-database';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const IMPORT = `mutation($c: ID!, $md: String!) { importParticipatoryText(componentId: $c, markdown: $md) {
  published articlesCount preamble { number body } sections { id parentId level title articles { id number body version } } } }`;
const PUBLISH = `mutation($c: ID!) { publishParticipatoryText(componentId: $c) { published } }`;
const TEXT = `query($c: ID!) { participatoryText(componentId: $c) { published articlesCount sections { title level articles { id number body version pendingAmendmentsCount acceptedAmendmentsCount } } } }`;
const CREATE = `mutation($input: CreateAmendmentInput!) { createAmendment(input: $input) { id state baseVersion outdated diff { value added removed } } }`;
const ACCEPT = `mutation($id: ID!) { acceptAmendment(id: $id) { id state currentVersion } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectAmendment(id: $id, reason: $r) { id state rejectionReason } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawAmendment(id: $id) { id state } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAmendmentInput!) { updateAmendment(id: $id, input: $input) { id baseVersion outdated currentVersion } }`;
const PROMOTE = `mutation($id: ID!) { promoteAmendment(id: $id) { id promotedProposalId } }`;
const SUPPORT = `mutation($id: ID!) { supportAmendment(id: $id) { id supportsCount viewerSupports } }`;
const AMENDMENTS = `query($t: AmendableType!, $id: ID!) { amendments(amendableType: $t, amendableId: $id) { id state outdated baseVersion currentVersion baseText currentText } }`;
const VERSIONS = `query($t: AmendableType!, $id: ID!) { versions(resourceType: $t, resourceId: $id) { version text amendmentId author { name } } }`;
const DIFF = `query($t: AmendableType!, $id: ID!, $from: Int!, $to: Int!) { versionDiff(resourceType: $t, resourceId: $id, from: $from, to: $to) { value added removed } }`;

const CHARTER = [
  '# Charte',
  '',
  'Article premier : les données de santé sont un bien commun.',
  '',
  '## Gouvernance',
  '',
  '- un comité',
  '- un secrétariat',
  '',
  'La filière se réunit chaque trimestre.',
].join('\n');

describe('participatory texts and amendments', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let moderator: { token: string; id: string; email: string };
  let alice: { token: string; id: string; email: string };
  let bob: { token: string; id: string; email: string };

  const newTextComponent = async (publish = true) => {
    const res = await t.gql(
      CREATE_COMPONENT,
      { input: { spaceId, type: 'PARTICIPATORY_TEXT', title: 'Charte de test', published: true } },
      admin,
    );
    const id = res.data.createComponent.id as string;
    const imported = await t.gql(IMPORT, { c: id, md: CHARTER }, admin);
    expect(imported.errors).toBeUndefined();
    if (publish) expect((await t.gql(PUBLISH, { c: id }, admin)).errors).toBeUndefined();
    return {
      componentId: id,
      articles: imported.data.importParticipatoryText.sections.flatMap((s: any) => s.articles) as {
        id: string;
        body: string;
      }[],
    };
  };
  const amend = async (
    articleId: string,
    token: string,
    body: string,
    title = 'Un amendement de test assez long',
  ) => {
    const res = await t.gql(
      CREATE,
      { input: { amendableType: 'ARTICLE', amendableId: articleId, title, body } },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createAmendment.id as string;
  };
  const count = async (sql: string, params: unknown[]) => Number((await t.sql(sql, params))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
    moderator = await t.register('Modérateur Texte');
    alice = await t.register('Alice Amende');
    bob = await t.register('Bob Amende');
    await t.gql(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId, email: moderator.email, role: 'MODERATOR' } },
      admin,
    );
  }, 120_000);
  afterAll(() => t.close());

  describe('import', () => {
    it('the demo charter (section 5 of the report) went through the import and is published', async () => {
      const space = await t.gql(
        `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
      );
      const c = space.data.space.components.find((x: any) => x.type === 'PARTICIPATORY_TEXT').id;
      const text = (await t.gql(TEXT, { c })).data.participatoryText;
      expect(text.published).toBe(true);
      expect(text.articlesCount).toBeGreaterThan(20);
      expect(text.sections[0]).toMatchObject({
        level: 1,
        title: '5. Les propositions du groupe de travail : approfondissement',
      });
      const numbers = text.sections.flatMap((s: any) => s.articles.map((a: any) => a.number));
      expect(numbers).toEqual(numbers.map((_: number, i: number) => i + 1));
    });

    it('nests headings, numbers articles, keeps lists whole; unpublished texts are for admins only', async () => {
      const { componentId } = await newTextComponent(false);
      const preview = (await t.gql(IMPORT, { c: componentId, md: CHARTER }, admin)).data
        .importParticipatoryText;
      expect(preview.published).toBe(false);
      expect(
        preview.sections.map((s: any) => [s.level, s.title, s.articles.map((a: any) => a.number)]),
      ).toEqual([
        [1, 'Charte', [1]],
        [2, 'Gouvernance', [2, 3]],
      ]);
      expect(preview.sections[1].parentId).toBe(preview.sections[0].id);
      expect(preview.sections[1].articles[0].body).toBe('- un comité\n- un secrétariat');
      expect(
        (await t.gql(TEXT, { c: componentId }, alice.token)).data.participatoryText,
      ).toBeNull();
      expect((await t.gql(TEXT, { c: componentId })).data.participatoryText).toBeNull();
      // amending an unpublished text: NOT_FOUND, nothing written
      const res = await t.gql(
        CREATE,
        {
          input: {
            amendableType: 'ARTICLE',
            amendableId: preview.sections[0].articles[0].id,
            title: 'Amender un brouillon',
            body: 'Autre texte',
          },
        },
        alice.token,
      );
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(
        await count(`SELECT count(*) AS n FROM amendments WHERE component_id = $1`, [componentId]),
      ).toBe(0);
    });

    it('refuses Markdown without paragraph, a non-text component, and re-import after publication (CONFLICT), changing nothing', async () => {
      const { componentId } = await newTextComponent(false);
      const before = await t.sql(
        `SELECT id, body FROM text_articles WHERE component_id = $1 ORDER BY number`,
        [componentId],
      );
      expect(
        errorCode(
          await t.gql(IMPORT, { c: componentId, md: '# Titre seul\n\n## Et un autre\n' }, admin),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        await t.sql(`SELECT id, body FROM text_articles WHERE component_id = $1 ORDER BY number`, [
          componentId,
        ]),
      ).toEqual(before);
      const proposals = (
        await t.gql(
          CREATE_COMPONENT,
          { input: { spaceId, type: 'PROPOSALS', title: 'Pas un texte', published: true } },
          admin,
        )
      ).data.createComponent.id;
      expect(errorCode(await t.gql(IMPORT, { c: proposals, md: CHARTER }, admin))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        (await t.gql(PUBLISH, { c: componentId }, admin)).data.publishParticipatoryText.published,
      ).toBe(true);
      expect(errorCode(await t.gql(IMPORT, { c: componentId, md: 'Nouveau texte.' }, admin))).toBe(
        'CONFLICT',
      );
      expect(errorCode(await t.gql(PUBLISH, { c: componentId }, admin))).toBe('CONFLICT');
      expect(
        await t.sql(`SELECT id, body FROM text_articles WHERE component_id = $1 ORDER BY number`, [
          componentId,
        ]),
      ).toEqual(before);
    });

    it('import, publish and settings: anonymous UNAUTHENTICATED, participant and moderator FORBIDDEN', async () => {
      const { componentId } = await newTextComponent(false);
      const settings = `mutation($c: ID!) { updateAmendmentSettings(componentId: $c, input: { amendmentsVisibility: ONLY_OWN }) { amendmentsVisibility } }`;
      for (const [op, vars] of [
        [IMPORT, { c: componentId, md: CHARTER }],
        [PUBLISH, { c: componentId }],
        [settings, { c: componentId }],
      ] as const) {
        expect(errorCode(await t.gql(op, vars))).toBe('UNAUTHENTICATED');
        expect(errorCode(await t.gql(op, vars, alice.token))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(op, vars, moderator.token))).toBe('FORBIDDEN');
      }
      expect(
        await count(
          `SELECT count(*) AS n FROM participatory_texts WHERE component_id = $1 AND published_at IS NOT NULL`,
          [componentId],
        ),
      ).toBe(0);
    });
  });

  describe('amendments on articles', () => {
    it('lifecycle: create against the current version, support, comment, accept → version 2 with a diff; reject; withdraw', async () => {
      const { articles } = await newTextComponent();
      const article = articles[0];
      const id = await amend(
        article.id,
        alice.token,
        'Article premier : les données de santé sont un bien commun partagé.',
      );
      const supported = await t.gql(SUPPORT, { id }, bob.token);
      expect(supported.data.supportAmendment).toMatchObject({
        supportsCount: 1,
        viewerSupports: true,
      });
      expect(errorCode(await t.gql(SUPPORT, { id }, bob.token))).toBe('CONFLICT');
      const comment = await t.gql(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        {
          input: {
            commentableType: 'AMENDMENT',
            commentableId: id,
            body: 'Je soutiens cette précision.',
          },
        },
        bob.token,
      );
      expect(comment.errors).toBeUndefined();
      // anonymous / participant (not an owner) cannot accept; the author neither
      expect(errorCode(await t.gql(ACCEPT, { id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ACCEPT, { id }, bob.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACCEPT, { id }, alice.token))).toBe('FORBIDDEN');
      const accepted = await t.gql(ACCEPT, { id }, moderator.token);
      expect(accepted.data.acceptAmendment).toMatchObject({ state: 'ACCEPTED', currentVersion: 2 });
      expect(errorCode(await t.gql(ACCEPT, { id }, moderator.token))).toBe('CONFLICT');
      const versions = (await t.gql(VERSIONS, { t: 'ARTICLE', id: article.id })).data.versions;
      expect(versions.map((v: any) => [v.version, v.amendmentId, v.text])).toEqual([
        [1, null, article.body],
        [2, id, 'Article premier : les données de santé sont un bien commun partagé.'],
      ]);
      expect(versions[1].author.name).toBe('Alice Amende');
      const diff = (await t.gql(DIFF, { t: 'ARTICLE', id: article.id, from: 1, to: 2 })).data
        .versionDiff;
      expect(diff.filter((p: any) => p.added).map((p: any) => p.value.trim())).toEqual(['partagé']);
      expect(diff.filter((p: any) => p.removed)).toEqual([]);
      expect(errorCode(await t.gql(DIFF, { t: 'ARTICLE', id: article.id, from: 1, to: 9 }))).toBe(
        'NOT_FOUND',
      );
      const logs = await t.sql(
        `SELECT action, visibility FROM action_logs WHERE resource_type = 'amendment' AND resource_id = $1 ORDER BY id`,
        [id],
      );
      expect(logs.filter((l) => l.action !== 'support')).toEqual([
        { action: 'create', visibility: 'PUBLIC' },
        { action: 'accept', visibility: 'PUBLIC' },
      ]);

      const second = await amend(article.id, bob.token, 'Un tout autre texte.');
      expect(errorCode(await t.gql(REJECT, { id: second, r: '   ' }, moderator.token))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await t.gql(REJECT, { id: second, r: 'Hors sujet' }, alice.token))).toBe(
        'FORBIDDEN',
      );
      expect(
        (await t.gql(REJECT, { id: second, r: 'Hors sujet' }, admin)).data.rejectAmendment,
      ).toMatchObject({ state: 'REJECTED', rejectionReason: 'Hors sujet' });
      expect(errorCode(await t.gql(WITHDRAW, { id: second }, bob.token))).toBe('CONFLICT');

      const third = await amend(article.id, bob.token, 'Encore un autre texte.');
      expect(errorCode(await t.gql(WITHDRAW, { id: third }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(WITHDRAW, { id: third }, alice.token))).toBe('FORBIDDEN');
      expect((await t.gql(WITHDRAW, { id: third }, bob.token)).data.withdrawAmendment.state).toBe(
        'WITHDRAWN',
      );
      const text = (
        await t.gql(TEXT, {
          c: (await t.sql(`SELECT component_id FROM text_articles WHERE id = $1`, [article.id]))[0]
            .component_id,
        })
      ).data.participatoryText;
      expect(text.sections[0].articles[0]).toMatchObject({
        version: 2,
        body: 'Article premier : les données de santé sont un bien commun partagé.',
        pendingAmendmentsCount: 0,
        acceptedAmendmentsCount: 1,
      });
    });

    it('refuses bad input and writes nothing: short title, empty or unchanged body, anonymous', async () => {
      const { articles } = await newTextComponent();
      const cases = [
        [{ title: 'Trop court', body: 'Texte' }, alice.token, 'BAD_USER_INPUT'],
        [
          { title: 'Un titre assez long pour passer', body: '<script>x</script>' },
          alice.token,
          'BAD_USER_INPUT',
        ],
        [
          { title: 'Un titre assez long pour passer', body: articles[0].body },
          alice.token,
          'BAD_USER_INPUT',
        ],
        [{ title: 'Un titre assez long pour passer', body: 'Texte' }, undefined, 'UNAUTHENTICATED'],
      ] as const;
      for (const [fields, token, code] of cases) {
        expect(
          errorCode(
            await t.gql(
              CREATE,
              { input: { amendableType: 'ARTICLE', amendableId: articles[0].id, ...fields } },
              token,
            ),
          ),
        ).toBe(code);
      }
      expect(
        await count(`SELECT count(*) AS n FROM amendments WHERE amendable_id = $1`, [
          articles[0].id,
        ]),
      ).toBe(0);
    });

    it('authorization of every amendment mutation for anonymous / participant / moderator / admin; refusals change nothing', async () => {
      const { articles } = await newTextComponent();
      const id = await amend(articles[0].id, alice.token, 'Texte d’Alice pour l’article premier.');
      const snapshot = () =>
        t.sql(
          `SELECT state, base_version, body, title, supports_count, promoted_proposal_id FROM amendments WHERE id = $1`,
          [id],
        );
      const before = await snapshot();
      const ops: [string, string, Record<string, unknown>][] = [
        ['update', UPDATE, { id, input: { body: 'Autre texte encore.' } }],
        ['withdraw', WITHDRAW, { id }],
        ['accept', ACCEPT, { id }],
        ['reject', REJECT, { id, r: 'Non' }],
        ['promote', PROMOTE, { id }],
        ['support', SUPPORT, { id }],
        ['unsupport', `mutation($id: ID!) { unsupportAmendment(id: $id) { id } }`, { id }],
        [
          'create',
          CREATE,
          {
            input: {
              amendableType: 'ARTICLE',
              amendableId: articles[0].id,
              title: 'Un amendement anonyme refusé',
              body: 'x',
            },
          },
        ],
      ];
      for (const [name, op, vars] of ops)
        expect([name, errorCode(await t.gql(op, vars))]).toEqual([name, 'UNAUTHENTICATED']);
      const refusals: [string, string, string][] = [
        ['update', bob.token, 'FORBIDDEN'],
        ['update', moderator.token, 'FORBIDDEN'],
        ['update', admin, 'FORBIDDEN'],
        ['withdraw', bob.token, 'FORBIDDEN'],
        ['withdraw', moderator.token, 'FORBIDDEN'],
        ['withdraw', admin, 'FORBIDDEN'],
        ['accept', bob.token, 'FORBIDDEN'],
        ['reject', bob.token, 'FORBIDDEN'],
        ['promote', bob.token, 'FORBIDDEN'],
        ['promote', moderator.token, 'FORBIDDEN'],
        ['promote', admin, 'FORBIDDEN'],
        ['unsupport', admin, 'CONFLICT'],
      ];
      for (const [name, token, code] of refusals) {
        const [, op, vars] = ops.find((o) => o[0] === name)!;
        expect([name, errorCode(await t.gql(op, vars, token))]).toEqual([name, code]);
      }
      expect(await snapshot()).toEqual(before);
      // what participants and moderators may do: support, unsupport, propose
      for (const token of [bob.token, moderator.token]) {
        expect((await t.gql(SUPPORT, { id }, token)).errors).toBeUndefined();
        expect((await t.gql(ops[6][1], { id }, token)).errors).toBeUndefined();
        const created = await t.gql(
          CREATE,
          {
            input: {
              amendableType: 'ARTICLE',
              amendableId: articles[0].id,
              title: 'Un amendement de plus, autorisé',
              body: `Texte ${token.slice(0, 6)}`,
            },
          },
          token,
        );
        expect(created.errors).toBeUndefined();
      }
      expect((await snapshot())[0].supports_count).toBe(0);
    });

    it('a moderator who amends an article may not accept or reject it; another moderator does, and the answer names them', async () => {
      const { articles } = await newTextComponent();
      const id = await amend(
        articles[1].id,
        moderator.token,
        'Un texte réécrit par la modératrice elle-même, pour voir.',
      );
      const ANSWERABLE = `query($t: AmendableType!, $id: ID!) { amendments(amendableType: $t, amendableId: $id) { id viewerCanAnswer answeredBy { name } } }`;
      const mine = (await t.gql(ANSWERABLE, { t: 'ARTICLE', id: articles[1].id }, moderator.token))
        .data.amendments;
      expect(mine).toEqual([{ id, viewerCanAnswer: false, answeredBy: null }]);
      const accepted = await t.gql(ACCEPT, { id }, moderator.token);
      expect(errorCode(accepted)).toBe('FORBIDDEN');
      expect(accepted.errors?.[0].message).toBe(
        'Vous ne pouvez pas accepter votre propre amendement : un autre responsable du texte en décide.',
      );
      expect(errorCode(await t.gql(REJECT, { id, r: 'Non.' }, moderator.token))).toBe('FORBIDDEN');
      expect(
        await count(`SELECT count(*) AS n FROM amendments WHERE id = $1 AND state = 'EVALUATING'`, [
          id,
        ]),
      ).toBe(1);
      // the organisation admin owns the article too, and answers
      expect((await t.gql(ACCEPT, { id }, admin)).errors).toBeUndefined();
      const answered = (await t.gql(ANSWERABLE, { t: 'ARTICLE', id: articles[1].id }, alice.token))
        .data.amendments;
      const [{ name: adminName }] = await t.sql(`SELECT name FROM users WHERE email = $1`, [
        TEST_ADMIN_EMAIL,
      ]);
      expect(answered).toEqual([{ id, viewerCanAnswer: false, answeredBy: { name: adminName } }]);
    });

    it('marks the other pending amendments outdated; accepting one is CONFLICT until its author rebases it', async () => {
      const { articles } = await newTextComponent();
      const article = articles[1];
      const a = await amend(article.id, alice.token, '- un comité de pilotage\n- un secrétariat');
      const b = await amend(article.id, bob.token, '- un comité\n- un secrétariat permanent');
      await t.gql(ACCEPT, { id: a }, moderator.token);
      const list = (await t.gql(AMENDMENTS, { t: 'ARTICLE', id: article.id }, bob.token)).data
        .amendments;
      expect(list.find((x: any) => x.id === b)).toMatchObject({
        outdated: true,
        baseVersion: 1,
        currentVersion: 2,
        currentText: '- un comité de pilotage\n- un secrétariat',
      });
      expect(errorCode(await t.gql(ACCEPT, { id: b }, moderator.token))).toBe('CONFLICT');
      expect(
        errorCode(
          await t.gql(
            UPDATE,
            { id: b, input: { body: '- un comité de pilotage\n- un secrétariat permanent' } },
            alice.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      const rebased = await t.gql(
        UPDATE,
        { id: b, input: { body: '- un comité de pilotage\n- un secrétariat permanent' } },
        bob.token,
      );
      expect(rebased.data.updateAmendment).toMatchObject({ baseVersion: 2, outdated: false });
      expect((await t.gql(ACCEPT, { id: b }, moderator.token)).data.acceptAmendment).toMatchObject({
        state: 'ACCEPTED',
        currentVersion: 3,
      });
      const diff = (await t.gql(DIFF, { t: 'ARTICLE', id: article.id, from: 1, to: 3 })).data
        .versionDiff;
      expect(diff.filter((p: any) => p.added).map((p: any) => p.value.trim())).toEqual([
        'de pilotage',
        'permanent',
      ]);
    });

    it('race: 10 moderators accepting 10 amendments of one article at once → exactly one wins, 9 CONFLICT, one new version', async () => {
      const { articles } = await newTextComponent();
      const article = articles[2];
      const ids: string[] = [];
      for (let i = 0; i < 10; i++)
        ids.push(
          await amend(
            article.id,
            i % 2 ? alice.token : bob.token,
            `La filière se réunit ${i + 2} fois par an.`,
          ),
        );
      const results = await Promise.all(
        ids.map((id) => t.gql(ACCEPT, { id }, i(id) % 2 ? moderator.token : admin)),
      );
      function i(id: string) {
        return ids.indexOf(id);
      }
      expect(results.filter((r) => r.data?.acceptAmendment?.state === 'ACCEPTED')).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(9);
      expect(
        await count(`SELECT count(*) AS n FROM article_versions WHERE article_id = $1`, [
          article.id,
        ]),
      ).toBe(2);
      expect(
        await count(
          `SELECT count(*) AS n FROM amendments WHERE amendable_id = $1 AND state = 'ACCEPTED'`,
          [article.id],
        ),
      ).toBe(1);
      expect(
        await count(`SELECT count(*) AS n FROM amendments WHERE amendable_id = $1 AND outdated`, [
          article.id,
        ]),
      ).toBe(9);
      const [row] = await t.sql(`SELECT version FROM text_articles WHERE id = $1`, [article.id]);
      expect(row.version).toBe(2);
    });

    it('comments on an article keep the version they were written on', async () => {
      const { articles } = await newTextComponent();
      const add = `mutation($input: AddCommentInput!) { addComment(input: $input) { id articleVersion } }`;
      const first = await t.gql(
        add,
        {
          input: {
            commentableType: 'ARTICLE',
            commentableId: articles[0].id,
            body: 'Sur la version initiale.',
          },
        },
        bob.token,
      );
      expect(first.data.addComment.articleVersion).toBe(1);
      await t.gql(
        ACCEPT,
        { id: await amend(articles[0].id, alice.token, 'Texte modifié de l’article premier.') },
        admin,
      );
      const second = await t.gql(
        add,
        {
          input: {
            commentableType: 'ARTICLE',
            commentableId: articles[0].id,
            body: 'Sur la version 2.',
          },
        },
        bob.token,
      );
      expect(second.data.addComment.articleVersion).toBe(2);
      const thread = await t.gql(
        `query($id: ID!) { comments(commentableType: ARTICLE, commentableId: $id) { articleVersion } }`,
        { id: articles[0].id },
      );
      expect(thread.errors).toBeUndefined();
      expect(thread.data.comments.map((c: any) => c.articleVersion)).toEqual([1, 2]);
    });

    it('promotes a rejected amendment to a proposal (author only, once)', async () => {
      const { articles } = await newTextComponent();
      const id = await amend(
        articles[0].id,
        alice.token,
        'Les données de santé appartiennent aux patients.',
        'Les données appartiennent aux patients',
      );
      expect(errorCode(await t.gql(PROMOTE, { id }, alice.token))).toBe('CONFLICT'); // not rejected yet
      await t.gql(REJECT, { id, r: 'Trop éloigné du texte' }, moderator.token);
      expect(errorCode(await t.gql(PROMOTE, { id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(PROMOTE, { id }, bob.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(PROMOTE, { id }, moderator.token))).toBe('FORBIDDEN');
      const promoted = await t.gql(PROMOTE, { id }, alice.token);
      const proposalId = promoted.data.promoteAmendment.promotedProposalId;
      const proposal = (
        await t.gql(`query($id: ID!) { proposal(id: $id) { title body author { name } } }`, {
          id: proposalId,
        })
      ).data.proposal;
      expect(proposal).toMatchObject({
        title: 'Les données appartiennent aux patients',
        body: '<p>Les données de santé appartiennent aux patients.</p>',
        author: { name: 'Alice Amende' },
      });
      expect(errorCode(await t.gql(PROMOTE, { id }, alice.token))).toBe('CONFLICT');
      const [{ n }] = await t.sql(
        `SELECT count(*)::int AS n FROM amendments WHERE promoted_proposal_id = $1`,
        [proposalId],
      );
      expect(n).toBe(1);
    });

    it('ONLY_OWN visibility: participants see their own amendments, moderators see all', async () => {
      const { componentId, articles } = await newTextComponent();
      await t.gql(
        `mutation($c: ID!) { updateAmendmentSettings(componentId: $c, input: { amendmentsVisibility: ONLY_OWN }) { amendmentsVisibility } }`,
        { c: componentId },
        admin,
      );
      await amend(articles[0].id, alice.token, 'Version d’Alice.');
      await amend(articles[0].id, bob.token, 'Version de Bob.');
      expect(
        (await t.gql(AMENDMENTS, { t: 'ARTICLE', id: articles[0].id }, alice.token)).data
          .amendments,
      ).toHaveLength(1);
      expect(
        (await t.gql(AMENDMENTS, { t: 'ARTICLE', id: articles[0].id })).data.amendments,
      ).toHaveLength(0);
      expect(
        (await t.gql(AMENDMENTS, { t: 'ARTICLE', id: articles[0].id }, moderator.token)).data
          .amendments,
      ).toHaveLength(2);
      await t.gql(
        `mutation($c: ID!) { updateAmendmentSettings(componentId: $c, input: { amendmentsEnabled: false }) { amendmentsEnabled } }`,
        { c: componentId },
        admin,
      );
      expect(
        errorCode(
          await t.gql(
            CREATE,
            {
              input: {
                amendableType: 'ARTICLE',
                amendableId: articles[0].id,
                title: 'Un amendement fermé désormais',
                body: 'x',
              },
            },
            alice.token,
          ),
        ),
      ).toBe('FORBIDDEN');
    });

    it('reports hide an amendment: gone for participants and from the counts, listed for moderators, no support or acceptance until shown again', async () => {
      const { componentId, articles } = await newTextComponent();
      const id = await amend(
        articles[1].id,
        alice.token,
        'Un texte que trois lecteurs jugent indésirable.',
      );
      const LIST = `query($t: AmendableType!, $id: ID!) { amendments(amendableType: $t, amendableId: $id) { id hidden viewerReported } }`;
      const REPORT = `mutation($i: ReportContentInput!) { reportContent(input: $i) { reportCount hidden } }`;
      const reporters = [bob, await t.register('Carla Signale'), await t.register('Denis Signale')];
      for (const [i, r] of reporters.entries()) {
        const res = await t.gql(
          REPORT,
          { i: { resourceType: 'AMENDMENT', resourceId: id, reason: 'OFFENSIVE' } },
          r.token,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data.reportContent).toEqual({ reportCount: i + 1, hidden: i === 2 });
        if (i === 0)
          expect(
            (await t.gql(LIST, { t: 'ARTICLE', id: articles[1].id }, bob.token)).data.amendments,
          ).toEqual([{ id, hidden: false, viewerReported: true }]);
      }
      // participants, its author and anonymous visitors no longer see it; the article's count drops it
      for (const token of [bob.token, alice.token, undefined])
        expect(
          (await t.gql(LIST, { t: 'ARTICLE', id: articles[1].id }, token)).data.amendments,
        ).toEqual([]);
      expect(
        errorCode(await t.gql(`query($id: ID!) { amendment(id: $id) { id } }`, { id }, bob.token)),
      ).toBe('NOT_FOUND');
      const pending = async () =>
        (await t.gql(TEXT, { c: componentId })).data.participatoryText.sections
          .flatMap((s: any) => s.articles)
          .find((a: any) => a.id === articles[1].id).pendingAmendmentsCount;
      expect(await pending()).toBe(0);
      // the space's moderators still list it, marked hidden, and cannot accept it; nobody supports it
      expect(
        (await t.gql(LIST, { t: 'ARTICLE', id: articles[1].id }, moderator.token)).data.amendments,
      ).toEqual([{ id, hidden: true, viewerReported: false }]);
      const accepted = await t.gql(ACCEPT, { id }, moderator.token);
      expect(errorCode(accepted)).toBe('CONFLICT');
      expect(accepted.errors![0].extensions!.reason).toBe('HIDDEN');
      const rejected = await t.gql(REJECT, { id, r: 'Un motif de refus.' }, moderator.token);
      expect(rejected.errors![0].extensions!.reason).toBe('HIDDEN');
      // its title leaves the article's public history
      const history = await t.gql(
        `query($id: ID!) { articleHistory(articleId: $id) { summary } }`,
        { id: articles[1].id },
      );
      expect(history.errors).toBeUndefined();
      expect(JSON.stringify(history.data)).not.toContain('Un amendement de test');
      expect(errorCode(await t.gql(SUPPORT, { id }, bob.token))).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(UPDATE, { id, input: { body: 'Une réécriture cachée.' } }, alice.token),
        ),
      ).toBe('NOT_FOUND');
      expect(
        await count(`SELECT count(*) AS n FROM amendment_supports WHERE amendment_id = $1`, [id]),
      ).toBe(0);
      expect(
        await count(
          `SELECT count(*) AS n FROM amendments WHERE id = $1 AND state = 'EVALUATING' AND base_version = 1`,
          [id],
        ),
      ).toBe(1);
      // a moderator shows it again: back for everyone and in the count
      const shown = await t.gql(
        `mutation($id: ID!) { unhideContent(resourceType: AMENDMENT, resourceId: $id) { hidden } }`,
        { id },
        moderator.token,
      );
      expect(shown.errors).toBeUndefined();
      expect(
        (await t.gql(LIST, { t: 'ARTICLE', id: articles[1].id }, alice.token)).data.amendments,
      ).toEqual([{ id, hidden: false, viewerReported: false }]);
      expect(await pending()).toBe(1);
      expect((await t.gql(SUPPORT, { id }, bob.token)).errors).toBeUndefined();
    });

    it('exports the consolidated text as Markdown', async () => {
      const { componentId, articles } = await newTextComponent();
      await t.gql(
        ACCEPT,
        { id: await amend(articles[2].id, alice.token, 'La filière se réunit chaque mois.') },
        admin,
      );
      const md = (
        await t.gql(`query($c: ID!) { participatoryTextMarkdown(componentId: $c) }`, {
          c: componentId,
        })
      ).data.participatoryTextMarkdown;
      expect(md).toBe(CHARTER.replace('chaque trimestre', 'chaque mois') + '\n');
    });
  });

  describe('amendments on proposals', () => {
    const propose = async (token: string) => {
      const componentId = (
        await t.gql(
          CREATE_COMPONENT,
          {
            input: {
              spaceId,
              type: 'PROPOSALS',
              title: 'Propositions amendables',
              published: true,
            },
          },
          admin,
        )
      ).data.createComponent.id;
      const res = await t.gql(
        `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
        {
          input: {
            componentId,
            title: 'Créer un guichet unique e-santé',
            body: 'Un guichet pour les startups.',
          },
        },
        token,
      );
      return res.data.createProposal.id as string;
    };

    it('a hidden proposal hides its amendments and the comments on them; hidden amendments are neither accepted nor rejected by the proposal’s author (NOT_FOUND)', async () => {
      const proposalId = await propose(alice.token);
      const amend = (title: string) =>
        t.gql(
          CREATE,
          {
            input: {
              amendableType: 'PROPOSAL',
              amendableId: proposalId,
              title,
              body: `${title}, avec un texte modifié.`,
            },
          },
          bob.token,
        );
      const id = (await amend('Un amendement dont on commente le texte')).data.createAmendment.id;
      const THREAD = `query($id: ID!) { comments(commentableType: AMENDMENT, commentableId: $id) { id } }`;
      const commented = await t.gql(
        `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
        {
          i: { commentableType: 'AMENDMENT', commentableId: id, body: 'Un avis sur l’amendement.' },
        },
        moderator.token,
      );
      expect(commented.errors).toBeUndefined();
      expect((await t.gql(THREAD, { id })).data.comments).toHaveLength(1);
      // the author of the proposal may not answer a hidden amendment, and learns nothing of it
      const hidden = (await amend('Un amendement masqué à ne pas refuser')).data.createAmendment.id;
      const HIDE = `mutation($t: ReportableType!, $id: ID!) { hideContent(resourceType: $t, resourceId: $id) { hidden } }`;
      expect((await t.gql(HIDE, { t: 'AMENDMENT', id: hidden }, admin)).errors).toBeUndefined();
      expect(errorCode(await t.gql(REJECT, { id: hidden, r: 'Non merci.' }, alice.token))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await t.gql(ACCEPT, { id: hidden }, alice.token))).toBe('NOT_FOUND');
      expect(
        await count(`SELECT count(*) AS n FROM amendments WHERE id = $1 AND state = 'EVALUATING'`, [
          hidden,
        ]),
      ).toBe(1);
      // the proposal hidden: its amendment's thread is gone for visitors and participants
      expect((await t.gql(HIDE, { t: 'PROPOSAL', id: proposalId }, admin)).errors).toBeUndefined();
      expect(errorCode(await t.gql(THREAD, { id }))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(THREAD, { id }, bob.token))).toBe('NOT_FOUND');
    });

    it('the proposal’s author accepts: the proposal takes the new title and body as version 2 (version 1 kept)', async () => {
      const proposalId = await propose(alice.token);
      const id = (
        await t.gql(
          CREATE,
          {
            input: {
              amendableType: 'PROPOSAL',
              amendableId: proposalId,
              title: 'Créer un guichet unique national e-santé',
              body: 'Un guichet pour les startups et les PME.',
            },
          },
          bob.token,
        )
      ).data.createAmendment.id;
      expect(errorCode(await t.gql(ACCEPT, { id }, moderator.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACCEPT, { id }, bob.token))).toBe('FORBIDDEN');
      expect((await t.gql(ACCEPT, { id }, alice.token)).data.acceptAmendment.state).toBe(
        'ACCEPTED',
      );
      const proposal = (
        await t.gql(`query($id: ID!) { proposal(id: $id) { title body } }`, { id: proposalId })
      ).data.proposal;
      expect(proposal).toEqual({
        title: 'Créer un guichet unique national e-santé',
        body: '<p>Un guichet pour les startups et les PME.</p>',
      });
      const versions = (await t.gql(VERSIONS, { t: 'PROPOSAL', id: proposalId })).data.versions;
      expect(versions.map((v: any) => v.text)).toEqual([
        'Créer un guichet unique e-santé\n\nUn guichet pour les startups.',
        'Créer un guichet unique national e-santé\n\nUn guichet pour les startups et les PME.',
      ]);
      const rejected = (
        await t.gql(
          CREATE,
          {
            input: {
              amendableType: 'PROPOSAL',
              amendableId: proposalId,
              title: 'Supprimer le guichet unique',
              body: 'Rien.',
            },
          },
          bob.token,
        )
      ).data.createAmendment.id;
      expect(
        (await t.gql(REJECT, { id: rejected, r: 'Non' }, alice.token)).data.rejectAmendment.state,
      ).toBe('REJECTED');
    });

    it('refuses amending a withdrawn proposal (CONFLICT) and writes nothing', async () => {
      const proposalId = await propose(alice.token);
      await t.gql(
        `mutation($id: ID!) { withdrawProposal(id: $id) { id } }`,
        { id: proposalId },
        alice.token,
      );
      const res = await t.gql(
        CREATE,
        {
          input: {
            amendableType: 'PROPOSAL',
            amendableId: proposalId,
            title: 'Créer un guichet unique régional',
            body: 'Autre.',
          },
        },
        bob.token,
      );
      expect(errorCode(res)).toBe('CONFLICT');
      expect(
        await count(`SELECT count(*) AS n FROM amendments WHERE amendable_id = $1`, [proposalId]),
      ).toBe(0);
    });
  });
});
