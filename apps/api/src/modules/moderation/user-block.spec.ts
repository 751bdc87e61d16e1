import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

const BLOCK = `mutation($input: BlockUserInput!) { blockUser(input: $input) { id userId userName reason blockedByName liftedAt hiddenCount } }`;
const UNBLOCK = `mutation($id: ID!) { unblockUser(userId: $id) { userId liftedAt hiddenCount } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { id } }`;
const REASON = 'Messages insultants répétés envers d’autres membres.';

describe('blocking an account: no sign-in, sessions closed, contributions hidden until unblocked', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let componentId: string;

  const propose = async (token: string, title: string) => {
    const res = await t.gql(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
      { input: { componentId, title, body: 'Un texte qui explique la proposition.' } },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createProposal.id as string;
  };
  const comment = async (token: string, proposalId: string) => {
    const res = await t.gql(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { commentableType: 'PROPOSAL', commentableId: proposalId, body: 'Mon avis' } },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.addComment.id as string;
  };
  const hiddenAt = async (table: string, id: string) =>
    (await t.sql(`SELECT hidden_at FROM ${table} WHERE id = $1`, [id]))[0].hidden_at as Date | null;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    adminId = (await t.gql(`{ me { id } }`, {}, admin)).data.me.id;
    const spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`))
      .data.space.id;
    const created = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      { input: { spaceId, type: 'PROPOSALS', title: 'Propositions (blocage)', published: true } },
      admin,
    );
    componentId = created.data.createComponent.id;
  }, 120_000);
  afterAll(() => t.close());

  it('blocks with a reason: sessions stop working, sign-in is refused with ACCOUNT_BLOCKED, contributions are hidden, the journal says why', async () => {
    const troll = await t.register('Compte perturbateur');
    const reader = await t.register('Lectrice');
    const own = await propose(troll.token, 'Proposition du compte à bloquer');
    const other = await propose(reader.token, 'Proposition d’une autre personne');
    const remark = await comment(troll.token, other);
    const profile = await t.gql(
      `mutation { updateMyProfile(input: { bio: "Une biographie publique.", organisation: "OrgaBloqueeXyz" }) { pseudo bio } }`,
      {},
      troll.token,
    );
    expect(profile.errors).toBeUndefined();
    const pseudo = profile.data.updateMyProfile.pseudo as string;
    const SUGGEST = `{ organisationSuggestions(search: "OrgaBloquee") }`;
    expect((await t.gql(SUGGEST, {}, reader.token)).data.organisationSuggestions).toEqual([
      'OrgaBloqueeXyz',
    ]);
    await t.gql(
      `mutation($p: String!) { followMember(pseudo: $p) { viewerFollows } }`,
      { p: pseudo },
      reader.token,
    );

    const blocked = await t.gql(BLOCK, { input: { userId: troll.id, reason: REASON } }, admin);
    expect(blocked.errors).toBeUndefined();
    expect(blocked.data.blockUser).toMatchObject({
      userId: troll.id,
      userName: 'Compte perturbateur',
      reason: REASON,
      liftedAt: null,
      hiddenCount: 2,
    });
    expect(blocked.data.blockUser.blockedByName).toEqual(expect.any(String));

    // the session it held is no longer recognised: nothing new can be written
    expect((await t.gql(`{ me { id } }`, {}, troll.token)).data.me).toBeNull();
    expect(
      errorCode(
        await t.gql(
          `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
          { input: { componentId, title: 'Une nouvelle proposition bloquée', body: 'Texte.' } },
          troll.token,
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    const [{ open }] = await t.sql(
      `SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [troll.id],
    );
    expect(open).toBe(0);
    // the right password is refused with its own code; a wrong one says nothing of the block
    const login = await t.gql(LOGIN, {
      input: { email: troll.email, password: 'correct horse battery' },
    });
    expect(errorCode(login)).toBe('ACCOUNT_BLOCKED');
    expect(login.errors?.[0].message).toBe(
      'Ce compte a été bloqué par l’administration de la plateforme.',
    );
    expect(
      errorCode(await t.gql(LOGIN, { input: { email: troll.email, password: 'wrong password!' } })),
    ).toBe('UNAUTHENTICATED');

    // its proposal and comment are hidden; other people's content is not
    expect(await hiddenAt('proposals', own)).not.toBeNull();
    expect(await hiddenAt('comments', remark)).not.toBeNull();
    expect(await hiddenAt('proposals', other)).toBeNull();
    expect((await t.gql(PROPOSAL, { id: other }, reader.token)).data.proposal.id).toBe(other);

    // its profile shows only its name to members and visitors (administrators see it whole),
    // and nobody can start following it
    const PROFILE = `query($p: String!) { memberProfile(pseudo: $p) { name blocked bio organisation followersCount followers { pseudo } } }`;
    for (const token of [reader.token, undefined])
      expect((await t.gql(PROFILE, { p: pseudo }, token)).data.memberProfile).toEqual({
        name: 'Compte perturbateur',
        blocked: true,
        bio: null,
        organisation: null,
        followersCount: 0,
        followers: [],
      });
    expect((await t.gql(SUGGEST, {}, reader.token)).data.organisationSuggestions).toEqual([]);
    expect((await t.gql(PROFILE, { p: pseudo }, admin)).data.memberProfile.bio).toBe(
      'Une biographie publique.',
    );
    const follow = await t.gql(
      `mutation($p: String!) { followMember(pseudo: $p) { viewerFollows } }`,
      { p: pseudo },
      (await t.register('Nouvelle abonnée')).token,
    );
    expect(follow.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ACCOUNT_BLOCKED',
    });
    expect(
      (
        await t.sql(`SELECT count(*)::int AS n FROM member_follows WHERE followed_id = $1`, [
          troll.id,
        ])
      )[0].n,
    ).toBe(1); // the reader's follow from before the block, nothing new

    // listed for administrators, with the block on the account
    const listed = await t.gql(`{ userBlocks { userId reason } }`, {}, admin);
    expect(listed.data.userBlocks).toContainEqual({ userId: troll.id, reason: REASON });
    const one = await t.gql(
      `query($id: ID!) { userBlock(userId: $id) { reason } }`,
      { id: troll.id },
      admin,
    );
    expect(one.data.userBlock).toEqual({ reason: REASON });
    const [log] = await t.sql(
      `SELECT user_id, summary FROM action_logs WHERE action = 'block_user' AND resource_id = $1`,
      [troll.id],
    );
    expect(log).toEqual({
      user_id: adminId,
      summary: `Compte bloqué (2 contributions masquées) : ${REASON}`,
    });

    // blocking twice: CONFLICT, nothing written
    expect(
      (await t.gql(BLOCK, { input: { userId: troll.id, reason: REASON } }, admin)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_BLOCKED' });
  });

  it('unblocking shows again what the block hid (a moderator dismissing reports meanwhile does not); the account signs in again', async () => {
    const member = await t.register('Membre à débloquer');
    const shown = await propose(member.token, 'Proposition rétablie au déblocage');
    const reported = await propose(member.token, 'Proposition signalée avant le blocage');
    // one report, under the hiding threshold (3)
    const reporter = await t.register('Signaleuse');
    const report = await t.gql(
      `mutation($input: ReportContentInput!) { reportContent(input: $input) { hidden } }`,
      { input: { resourceType: 'PROPOSAL', resourceId: reported, reason: 'SPAM' } },
      reporter.token,
    );
    expect(report.data.reportContent.hidden).toBe(false);
    const blocked = await t.gql(BLOCK, { input: { userId: member.id, reason: REASON } }, admin);
    expect(blocked.data.blockUser.hiddenCount).toBe(2);
    // dismissing the report keeps the content of a blocked account hidden
    const kept = await t.gql(
      `mutation($id: ID!) { dismissReports(resourceType: PROPOSAL, resourceId: $id) { reportCount hidden } }`,
      { id: reported },
      admin,
    );
    expect(kept.data.dismissReports).toEqual({ reportCount: 0, hidden: true });
    expect(await hiddenAt('proposals', reported)).not.toBeNull();

    const lifted = await t.gql(UNBLOCK, { id: member.id }, admin);
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data.unblockUser).toMatchObject({ userId: member.id, hiddenCount: 0 });
    expect(lifted.data.unblockUser.liftedAt).not.toBeNull();
    expect(await hiddenAt('proposals', shown)).toBeNull();
    expect(await hiddenAt('proposals', reported)).toBeNull();
    const login = await t.gql(LOGIN, {
      input: { email: member.email, password: 'correct horse battery' },
    });
    expect(login.errors).toBeUndefined();
    expect((await t.gql(`{ me { id } }`, {}, login.data.login.token)).data.me.id).toBe(member.id);
    const [log] = await t.sql(
      `SELECT summary FROM action_logs WHERE action = 'unblock_user' AND resource_id = $1`,
      [member.id],
    );
    expect(log.summary).toBe('Compte débloqué (2 contributions rétablies)');
    expect((await t.gql(UNBLOCK, { id: member.id }, admin)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_BLOCKED',
    });
  });

  it('what reports hid before the block: a moderator can neither show it nor, by dismissing the reports, reveal it while the author is blocked', async () => {
    const member = await t.register('Membre signalé');
    const kept = await propose(member.token, 'Proposition masquée par les signalements');
    const dismissed = await propose(member.token, 'Proposition dont on écarte les signalements');
    for (let i = 0; i < 3; i++) {
      const reporter = await t.register(`Témoin ${i}`);
      for (const id of [kept, dismissed])
        await t.gql(
          `mutation($input: ReportContentInput!) { reportContent(input: $input) { hidden } }`,
          { input: { resourceType: 'PROPOSAL', resourceId: id, reason: 'OFFENSIVE' } },
          reporter.token,
        );
    }
    expect(await hiddenAt('proposals', kept)).not.toBeNull();
    const blocked = await t.gql(BLOCK, { input: { userId: member.id, reason: REASON } }, admin);
    expect(blocked.data.blockUser.hiddenCount).toBe(0);
    // « Rétablir » is refused while the author is blocked
    const shown = await t.gql(
      `mutation($id: ID!) { unhideContent(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
      { id: kept },
      admin,
    );
    expect(shown.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AUTHOR_BLOCKED',
    });
    expect(await hiddenAt('proposals', kept)).not.toBeNull();
    // dismissing the reports keeps it hidden, now until the block is lifted
    const dismissal = await t.gql(
      `mutation($id: ID!) { dismissReports(resourceType: PROPOSAL, resourceId: $id) { reportCount hidden } }`,
      { id: dismissed },
      admin,
    );
    expect(dismissal.data.dismissReports).toEqual({ reportCount: 0, hidden: true });
    expect(await hiddenAt('proposals', dismissed)).not.toBeNull();
    const queue = await t.gql(
      `query($c: ID!) { moderationQueue(componentId: $c) { resourceId hidden hiddenByBlock } }`,
      { c: componentId },
      admin,
    );
    expect(queue.data.moderationQueue).toEqual(
      expect.arrayContaining([
        { resourceId: kept, hidden: true, hiddenByBlock: false },
        { resourceId: dismissed, hidden: true, hiddenByBlock: true },
      ]),
    );
    const lifted = await t.gql(UNBLOCK, { id: member.id }, admin);
    expect(lifted.errors).toBeUndefined();
    expect(await hiddenAt('proposals', kept)).not.toBeNull();
    expect(await hiddenAt('proposals', dismissed)).toBeNull();
  });

  it('refuses: participants, one’s own account, an administrator’s, a short reason, an unknown account — and writes nothing', async () => {
    const member = await t.register('Membre protégé');
    const participant = await t.register('Participant ordinaire');
    expect(
      errorCode(
        await t.gql(BLOCK, { input: { userId: member.id, reason: REASON } }, participant.token),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(BLOCK, { input: { userId: member.id, reason: REASON } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await t.gql(BLOCK, { input: { userId: adminId, reason: REASON } }, admin)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF' });
    const second = await t.register('Deuxième administratrice');
    await t.gql(
      `mutation($email: String!) { appointOrganizationAdmin(email: $email) { id } }`,
      { email: second.email },
      admin,
    );
    expect(
      (await t.gql(BLOCK, { input: { userId: second.id, reason: REASON } }, admin)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN' });
    const short = await t.gql(BLOCK, { input: { userId: member.id, reason: '  court  ' } }, admin);
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0].extensions?.field).toBe('reason');
    expect(
      errorCode(
        await t.gql(
          BLOCK,
          { input: { userId: '00000000-0000-4000-8000-000000000000', reason: REASON } },
          admin,
        ),
      ),
    ).toBe('NOT_FOUND');
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM user_blocks WHERE user_id = ANY($1::uuid[])`,
      [[member.id, adminId, second.id]],
    );
    expect(n).toBe(0);
    expect((await t.gql(`{ me { id } }`, {}, member.token)).data.me.id).toBe(member.id);
  });

  it('contributions racing the block are either refused or hidden: nothing the account wrote stays public', async () => {
    const author = await t.register('Compte qui écrit pendant son blocage');
    const target = await propose(author.token, 'Proposition commentée pendant le blocage');
    const writes = [
      ...Array.from({ length: 8 }, (_, i) =>
        t.gql(
          `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
          {
            input: {
              componentId,
              title: `Proposition écrite pendant le blocage ${i}`,
              body: 'Un texte qui explique la proposition.',
            },
          },
          author.token,
        ),
      ),
      ...Array.from({ length: 12 }, () =>
        t.gql(
          `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
          { input: { commentableType: 'PROPOSAL', commentableId: target, body: 'Encore un avis' } },
          author.token,
        ),
      ),
    ];
    const [blocked, ...results] = await Promise.all([
      new Promise((resolve) => setTimeout(resolve, 15)).then(() =>
        t.gql(BLOCK, { input: { userId: author.id, reason: REASON } }, admin),
      ),
      ...writes,
    ]);
    expect(blocked.errors).toBeUndefined();
    // refused: by the trigger (ACCOUNT_BLOCKED), by the session lookup (UNAUTHENTICATED), or,
    // for a comment, because the proposal it answers (the same author's) is hidden (NOT_FOUND)
    for (const result of results)
      if (result.errors)
        expect(['ACCOUNT_BLOCKED', 'UNAUTHENTICATED', 'NOT_FOUND']).toContain(errorCode(result));
    const [{ visible }] = await t.sql(
      `SELECT (SELECT count(*) FROM proposals WHERE author_id = $1 AND hidden_at IS NULL)
            + (SELECT count(*) FROM comments WHERE author_id = $1 AND hidden_at IS NULL) AS visible`,
      [author.id],
    );
    expect(Number(visible)).toBe(0);
    // and after the block, a row written straight to the table is refused by PostgreSQL itself
    await expect(
      t.sql(
        `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, body)
         SELECT 'PROPOSAL', id, (SELECT space_id FROM components WHERE id = component_id), $1, 'x' FROM proposals WHERE id = $2`,
        [author.id, target],
      ),
    ).rejects.toMatchObject({ code: 'CB001' });
  });

  it('two administrators blocking the same account at once leave one block in force; a sign-in racing the block never outlives it', async () => {
    const target = await t.register('Compte visé deux fois');
    const second = await t.register('Autre administrateur');
    await t.gql(
      `mutation($email: String!) { appointOrganizationAdmin(email: $email) { id } }`,
      { email: second.email },
      admin,
    );
    const results = await Promise.all([
      ...[admin, second.token, admin, second.token].map((token) =>
        t.gql(BLOCK, { input: { userId: target.id, reason: REASON } }, token),
      ),
      ...Array.from({ length: 6 }, () =>
        t.gql(LOGIN, { input: { email: target.email, password: 'correct horse battery' } }),
      ),
    ]);
    const blocks = results.slice(0, 4);
    expect(blocks.filter((r) => !r.errors)).toHaveLength(1);
    expect(blocks.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(3);
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM user_blocks WHERE user_id = $1 AND lifted_at IS NULL`,
      [target.id],
    );
    expect(n).toBe(1);
    // each sign-in either came first (its session then revoked by the block) or was refused
    for (const login of results.slice(4)) {
      if (login.errors) expect(errorCode(login)).toBe('ACCOUNT_BLOCKED');
      else expect((await t.gql(`{ me { id } }`, {}, login.data.login.token)).data.me).toBeNull();
    }
    const [{ open }] = await t.sql(
      `SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [target.id],
    );
    expect(open).toBe(0);
  });
});
