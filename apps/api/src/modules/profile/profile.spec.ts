import sharp from 'sharp';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { ProfileService } from './profile.service';

const PROFILE = `userId pseudo name organisation typology { key label } roleTitle bio website avatarUrl isViewer viewerFollows followersCount followsCount
  visibility { organisation typology roleTitle bio avatar website }`;
const UPDATE = `mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { ${PROFILE} } }`;
const MY = `{ myProfile { ${PROFILE} } }`;
const BY_PSEUDO = `query($p: String!) { memberProfile(pseudo: $p) { ${PROFILE} followers { pseudo name } follows { pseudo } contributions { kind title spaceSlug } } }`;

describe('member profiles', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  }, 120_000);
  afterAll(() => t.close());

  const myProfile = async (token: string) => (await t.gql(MY, {}, token)).data!.myProfile;
  const upload = (token: string | undefined, body: Buffer, type = 'image/jpeg') =>
    fetch(`${t.baseUrl}/avatars`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });

  it('every account gets a pseudo derived from its name at sign-up; a clash gets -2, -3…', async () => {
    const a = await t.register('Élodie Marchand');
    const b = await t.register('Elodie Marchand');
    expect((await myProfile(a.token)).pseudo).toBe('elodie-marchand');
    expect((await myProfile(b.token)).pseudo).toBe('elodie-marchand-2');
    // the first administrator too ('administrateur' is reserved)
    expect((await myProfile(admin)).pseudo).toBe('administrateur-2');
  });

  it('race: 15 simultaneous sign-ups with one name get 15 distinct pseudos (unique index)', async () => {
    const users = await Promise.all(Array.from({ length: 15 }, () => t.register('Camille Roux')));
    const rows = await t.sql(`SELECT pseudo FROM member_profiles WHERE user_id = ANY($1::uuid[])`, [
      users.map((u) => u.id),
    ]);
    expect(new Set(rows.map((r) => r.pseudo)).size).toBe(15);
    expect(rows.map((r) => r.pseudo)).toContain('camille-roux');
  });

  it('when base … base-50 are all taken, a sign-up gets a random suffix above 50', async () => {
    const taken = await t.sql(
      `INSERT INTO users (name, email, password_hash)
       SELECT 'Nora Belkacem', 'nora.' || g || '@example.org', 'x' FROM generate_series(1, 50) g
       RETURNING id`,
    );
    await t.sql(
      `INSERT INTO member_profiles (user_id, pseudo)
       SELECT u, CASE WHEN n = 1 THEN 'nora-belkacem' ELSE 'nora-belkacem-' || n END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(u, n)`,
      [taken.map((r) => r.id)],
    );
    const late = await t.register('Nora Belkacem');
    const pseudo = (await myProfile(late.token)).pseudo as string;
    expect(pseudo).toMatch(/^nora-belkacem-\d+$/);
    expect(Number(pseudo.split('-').pop())).toBeGreaterThan(50);
  });

  it('the member edits every field; each is shown as its visibility allows (anonymous, member, admin, owner)', async () => {
    const owner = await t.register('Jeanne Dupuis');
    const other = await t.register('Paul Lemaire');
    const res = await t.gql(
      UPDATE,
      {
        input: {
          pseudo: ' Jeanne-CHU ',
          organisation: 'CHU de Nantes',
          typologyKey: 'hospital',
          roleTitle: 'Directrice des systèmes d’information',
          bio: 'Vingt ans à l’hôpital.\r\nPassionnée de télésanté.',
          website: 'https://jeanne.example.org',
          visibility: {
            organisation: 'PUBLIC',
            typology: 'PUBLIC',
            roleTitle: 'MEMBERS',
            bio: 'MEMBERS',
            website: 'ADMINS',
          },
        },
      },
      owner.token,
    );
    expect(res.errors).toBeUndefined();
    const mine = res.data!.updateMyProfile;
    expect(mine).toMatchObject({
      pseudo: 'jeanne-chu',
      organisation: 'CHU de Nantes',
      typology: { key: 'hospital' },
      bio: 'Vingt ans à l’hôpital.\nPassionnée de télésanté.',
      isViewer: true,
    });
    expect(mine.visibility).toEqual({
      organisation: 'PUBLIC',
      typology: 'PUBLIC',
      roleTitle: 'MEMBERS',
      bio: 'MEMBERS',
      avatar: 'MEMBERS',
      website: 'ADMINS',
    });

    const seen = async (token?: string) =>
      (await t.gql(BY_PSEUDO, { p: 'Jeanne-Chu' }, token)).data!.memberProfile;
    const anonymous = await seen();
    expect(anonymous).toMatchObject({
      organisation: 'CHU de Nantes',
      typology: { key: 'hospital' },
      roleTitle: null,
      bio: null,
      website: null,
      visibility: null,
      isViewer: false,
    });
    const member = await seen(other.token);
    expect(member).toMatchObject({
      roleTitle: 'Directrice des systèmes d’information',
      bio: expect.stringContaining('Vingt ans'),
      website: null,
    });
    expect((await seen(admin)).website).toBe('https://jeanne.example.org');

    // clearing: null or an empty string
    const cleared = (await t.gql(UPDATE, { input: { bio: null, roleTitle: '  ' } }, owner.token))
      .data!.updateMyProfile;
    expect(cleared).toMatchObject({ bio: null, roleTitle: null, organisation: 'CHU de Nantes' });
    // a journal line, PRIVATE, without the content
    const [log] = await t.sql(
      `SELECT visibility, summary FROM action_logs WHERE user_id = $1 AND resource_type = 'member_profile' ORDER BY id DESC LIMIT 1`,
      [owner.id],
    );
    expect(log.visibility).toBe('PRIVATE');
  });

  it('bad input gets a coded error and changes nothing: taken or reserved pseudo, bad format, bad website, archived or unknown typology', async () => {
    const a = await t.register('Arthur Blanc');
    const b = await t.register('Berthe Noir');
    const before = await myProfile(b.token);
    const attempt = async (input: Record<string, unknown>) => t.gql(UPDATE, { input }, b.token);

    const taken = await attempt({
      pseudo: (await myProfile(a.token)).pseudo,
      organisation: 'Ne doit pas changer',
    });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(taken.errors![0].extensions).toMatchObject({ field: 'pseudo', reason: 'PSEUDO_TAKEN' });
    expect(errorCode(await attempt({ pseudo: 'admin' }))).toBe('BAD_USER_INPUT');
    for (const pseudo of ['ab', '-abc', 'abc-', 'a b c', 'é'.repeat(5), 'x'.repeat(31)])
      expect(errorCode(await attempt({ pseudo }))).toBe('BAD_USER_INPUT');
    for (const website of [
      'javascript:alert(1)',
      'ftp://example.org',
      'pas une adresse',
      `https://${'a'.repeat(300)}.org`,
    ])
      expect(errorCode(await attempt({ website }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await attempt({ typologyKey: 'unknown' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await attempt({ bio: 'x'.repeat(601) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await attempt({ visibility: { bio: 'EVERYONE' } }))).toBe('BAD_USER_INPUT');
    expect(await myProfile(b.token)).toEqual(before);

    // race: two members take the same free pseudo at once — one wins, the other gets CONFLICT
    const wanted = `libre-${Date.now()}`;
    const results = await Promise.all(
      [a, b].map((u) => t.gql(UPDATE, { input: { pseudo: wanted } }, u.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(1);
  });

  it('follows between members: idempotent under 20 simultaneous requests, listed on the profile, not oneself', async () => {
    const star = await t.register('Sophie Étoile');
    const fan = await t.register('Fan Club');
    const pseudo = (await myProfile(star.token)).pseudo;
    const FOLLOW = `mutation($p: String!) { followMember(pseudo: $p) { followersCount viewerFollows } }`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(FOLLOW, { p: pseudo }, fan.token)),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM member_follows WHERE followed_id = $1`,
      [star.id],
    );
    expect(n).toBe(1);
    const page = (await t.gql(BY_PSEUDO, { p: pseudo })).data!.memberProfile;
    expect(page.followersCount).toBe(1);
    expect(page.followers).toEqual([
      { pseudo: (await myProfile(fan.token)).pseudo, name: 'Fan Club' },
    ]);
    const self = await t.gql(FOLLOW, { p: pseudo }, star.token);
    expect(self.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SELF_FOLLOW',
    });
    expect(errorCode(await t.gql(FOLLOW, { p: 'personne-inconnue' }, fan.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(FOLLOW, { p: pseudo }))).toBe('UNAUTHENTICATED');
    const after = (
      await t.gql(
        `mutation($p: String!) { unfollowMember(pseudo: $p) { followersCount viewerFollows } }`,
        { p: pseudo },
        fan.token,
      )
    ).data!.unfollowMember;
    expect(after).toEqual({ followersCount: 0, viewerFollows: false });
  });

  it('avatar: resized to a 256 px WebP without metadata; visibility decides who may download it', async () => {
    const u = await t.register('Photo Graphe');
    const photo = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .jpeg()
      .withExif({ IFD0: { Make: 'Appareil', Model: 'Secret', Copyright: 'Photo Graphe' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await upload(u.token, photo);
    expect(response.status).toBe(201);
    const { avatarUrl } = (await response.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(/^\/avatars\/[0-9a-f-]{36}\.webp$/);

    const asMember = await fetch(`${t.baseUrl}${avatarUrl}`, {
      headers: { authorization: `Bearer ${(await t.register('Voisine')).token}` },
    });
    expect(asMember.status).toBe(200);
    expect(asMember.headers.get('content-type')).toBe('image/webp');
    const stored = await sharp(Buffer.from(await asMember.arrayBuffer())).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(stored.exif).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    // MEMBERS by default: anonymous gets 404, as for an unknown image; PUBLIC opens it
    expect((await fetch(`${t.baseUrl}${avatarUrl}`)).status).toBe(404);
    await t.gql(UPDATE, { input: { visibility: { avatar: 'PUBLIC' } } }, u.token);
    expect((await fetch(`${t.baseUrl}${avatarUrl}`)).status).toBe(200);

    // a new upload replaces the old image
    const second = (await (
      await upload(
        u.token,
        await sharp({ create: { width: 300, height: 300, channels: 4, background: '#00f' } })
          .png()
          .toBuffer(),
        'image/png',
      )
    ).json()) as { avatarUrl: string };
    expect((await fetch(`${t.baseUrl}${avatarUrl}`)).status).toBe(404);
    expect(
      (await t.sql(`SELECT count(*)::int AS n FROM member_avatars WHERE user_id = $1`, [u.id]))[0]
        .n,
    ).toBe(1);
    expect((await myProfile(u.token)).avatarUrl).toBe(second.avatarUrl);
    const removed = (await t.gql(`mutation { removeMyAvatar { avatarUrl } }`, {}, u.token)).data!
      .removeMyAvatar;
    expect(removed.avatarUrl).toBeNull();
  });

  it('avatar: too large, not an image, an unlisted format or signed out are refused and change nothing', async () => {
    const u = await t.register('Refus Images');
    const count = async () =>
      (await t.sql(`SELECT count(*)::int AS n FROM member_avatars WHERE user_id = $1`, [u.id]))[0]
        .n;
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1);
    const tooLarge = await upload(u.token, big);
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    for (const [body, type] of [
      [Buffer.from('bonjour, je ne suis pas une image'), 'image/png'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'image/svg+xml',
      ],
      [
        await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
          .tiff()
          .toBuffer(),
        'image/tiff',
      ],
      [Buffer.alloc(0), 'image/jpeg'],
    ] as const) {
      const r = await upload(u.token, body as Buffer, type);
      expect(r.status).toBe(400);
    }
    expect(
      (
        await upload(
          undefined,
          await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
            .png()
            .toBuffer(),
          'image/png',
        )
      ).status,
    ).toBe(401);
    expect(await count()).toBe(0);
  });

  it('typologyOf: every id asked, the typology key or null; typologies lists annex 1’s nine types', async () => {
    const a = await t.register('Typée Hôpital');
    const b = await t.register('Sans Typologie');
    await t.gql(UPDATE, { input: { typologyKey: 'supplier' } }, a.token);
    const service = t.app.get(ProfileService);
    const map = await service.typologyOf([
      a.id,
      b.id,
      '00000000-0000-4000-8000-000000000000',
      a.id,
    ]);
    expect([...map.entries()]).toEqual([
      [a.id, 'supplier'],
      [b.id, null],
      ['00000000-0000-4000-8000-000000000000', null],
    ]);
    const list = await service.typologies();
    expect(list.map((x) => x.key)).toEqual([
      'supplier',
      'user_company',
      'consultant',
      'institution',
      'funder',
      'hospital',
      'learned_society',
      'community_of_practice',
      'support_practice',
    ]);
    expect(list[1].label).toBe('Entreprise utilisatrice de e-santé');
  });

  it('organization admins edit the typology list; archived types stay on profiles but are no longer offered', async () => {
    const CREATE = `mutation($label: String!) { createMemberTypology(input: { label: $label }) { key label position archived } }`;
    const created = (await t.gql(CREATE, { label: 'Association de patients' }, admin)).data!
      .createMemberTypology;
    expect(created).toMatchObject({
      key: 'association_de_patients',
      position: 10,
      archived: false,
    });
    expect(errorCode(await t.gql(CREATE, { label: 'ASSOCIATION DE PATIENTS' }, admin))).toBe(
      'CONFLICT',
    );
    expect(
      errorCode(await t.gql(CREATE, { label: 'Autre' }, (await t.register('Pas Admin')).token)),
    ).toBe('FORBIDDEN');

    const member = await t.register('Membre Associatif');
    await t.gql(UPDATE, { input: { typologyKey: created.key } }, member.token);
    const UPDATE_T = `mutation($k: ID!, $i: UpdateMemberTypologyInput!) { updateMemberTypology(key: $k, input: $i) { key label position archived } }`;
    const moved = (
      await t.gql(
        UPDATE_T,
        { k: created.key, i: { position: 1, label: 'Association de patients et d’usagers' } },
        admin,
      )
    ).data!.updateMemberTypology;
    expect(moved).toMatchObject({ position: 1, label: 'Association de patients et d’usagers' });
    const positions = (await t.gql(`{ memberTypologies { position } }`)).data!.memberTypologies.map(
      (x: { position: number }) => x.position,
    );
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await t.gql(UPDATE_T, { k: created.key, i: { archived: true } }, admin);
    expect((await t.gql(`{ memberTypologies { key } }`)).data!.memberTypologies).toHaveLength(9);
    expect((await myProfile(member.token)).typology.key).toBe(created.key);
    expect(
      errorCode(
        await t.gql(
          UPDATE,
          { input: { typologyKey: created.key } },
          (await t.register('Trop Tard')).token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(UPDATE_T, { k: 'inconnue', i: { label: 'x' } }, admin))).toBe(
      'NOT_FOUND',
    );
  });

  it('organisation suggestions come from what members show (not from admin-only fields), most frequent first', async () => {
    for (const [name, organisation, visibility] of [
      ['Orga Un', 'Hôpital Nord', 'PUBLIC'],
      ['Orga Deux', 'Hôpital Nord', 'MEMBERS'],
      ['Orga Trois', 'Hôpital Sud', 'MEMBERS'],
      ['Orga Quatre', 'Hôpital Secret', 'ADMINS'],
    ]) {
      const u = await t.register(name);
      await t.gql(
        UPDATE,
        { input: { organisation, visibility: { organisation: visibility } } },
        u.token,
      );
    }
    const viewer = (await t.register('Curieuse')).token;
    const res = await t.gql(
      `query($s: String!) { organisationSuggestions(search: $s) }`,
      { s: 'hôp' },
      viewer,
    );
    expect(res.data!.organisationSuggestions).toEqual(['Hôpital Nord', 'Hôpital Sud']);
    expect(
      (
        await t.gql(
          `query($s: String!) { organisationSuggestions(search: $s) }`,
          { s: '%' },
          viewer,
        )
      ).data!.organisationSuggestions,
    ).toEqual([]);
    expect(errorCode(await t.gql(`query { organisationSuggestions(search: "h") }`))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('account deletion removes the profile, avatar and follows; the pseudo becomes free', async () => {
    const leaving = await t.register('Départ Prochain');
    const friend = await t.register('Amie Fidèle');
    const pseudo = (await myProfile(leaving.token)).pseudo;
    await upload(
      leaving.token,
      await sharp({ create: { width: 50, height: 50, channels: 3, background: '#0f0' } })
        .png()
        .toBuffer(),
      'image/png',
    );
    await t.gql(
      `mutation($p: String!) { followMember(pseudo: $p) { pseudo } }`,
      { p: (await myProfile(friend.token)).pseudo },
      leaving.token,
    );
    await t.gql(
      `mutation($p: String!) { followMember(pseudo: $p) { pseudo } }`,
      { p: pseudo },
      friend.token,
    );
    const del = await t.gql(
      `mutation { deleteMyAccount(input: { password: "correct horse battery" }) }`,
      {},
      leaving.token,
    );
    expect(del.errors).toBeUndefined();
    for (const table of ['member_profiles', 'member_avatars'])
      expect(await t.sql(`SELECT 1 FROM ${table} WHERE user_id = $1`, [leaving.id])).toEqual([]);
    expect(
      await t.sql(`SELECT 1 FROM member_follows WHERE follower_id = $1 OR followed_id = $1`, [
        leaving.id,
      ]),
    ).toEqual([]);
    expect(errorCode(await t.gql(BY_PSEUDO, { p: pseudo }))).toBe('NOT_FOUND');
    const taker = await t.register('Nouvelle Venue');
    expect(errorCode(await t.gql(UPDATE, { input: { pseudo } }, taker.token))).toBeUndefined();
  });

  it('the public page lists published proposals in spaces the caller can see', async () => {
    const author = await t.register('Autrice Publique');
    const space = (
      await t.gql(
        `mutation { createSpace(input: { type: PROCESS, slug: "profil-contrib", title: "Concertation profil", published: true }) { id } }`,
        {},
        admin,
      )
    ).data!.createSpace.id;
    const component = (
      await t.gql(
        `mutation($s: ID!) { createComponent(input: { spaceId: $s, type: PROPOSALS, title: "Idées", published: true }) { id } }`,
        { s: space },
        admin,
      )
    ).data!.createComponent.id;
    const created = await t.gql(
      `mutation($c: ID!) { createProposal(input: { componentId: $c, title: "Une proposition pour le profil", body: "Un corps de proposition valable." }) { id } }`,
      { c: component },
      author.token,
    );
    expect(created.errors).toBeUndefined();
    const page = (await t.gql(BY_PSEUDO, { p: (await myProfile(author.token)).pseudo })).data!
      .memberProfile;
    expect(page.contributions).toEqual([
      { kind: 'PROPOSAL', title: 'Une proposition pour le profil', spaceSlug: 'profil-contrib' },
    ]);
    await t.gql(
      `mutation($id: ID!) { updateSpace(id: $id, input: { published: false }) { id } }`,
      { id: space },
      admin,
    );
    expect(
      (await t.gql(BY_PSEUDO, { p: (await myProfile(author.token)).pseudo })).data!.memberProfile
        .contributions,
    ).toEqual([]);
  });
  it('survey results broken down by the respondents’ profile typology (space admins only), not only by a typology question', async () => {
    const space = (
      await t.gql(
        `mutation { createSpace(input: { type: PROCESS, slug: "profil-enquete", title: "Enquête profil", published: true }) { id } }`,
        {},
        admin,
      )
    ).data!.createSpace.id;
    const componentId = (
      await t.gql(
        `mutation($s: ID!) { createComponent(input: { spaceId: $s, type: SURVEY, title: "Enquête", published: true }) { id } }`,
        { s: space },
        admin,
      )
    ).data!.createComponent.id;
    const surveyId = (
      await t.gql(
        `mutation($c: ID!) { createSurvey(input: { componentId: $c, title: "Questionnaire" }) { id } }`,
        { c: componentId },
        admin,
      )
    ).data!.createSurvey.id;
    const added = await t.gql(
      `mutation($s: ID!) { addSurveyQuestion(input: { surveyId: $s, type: "SINGLE_OPTION", body: "D’accord ?", options: [{ body: "Oui" }, { body: "Non" }] }) { questions { id options { id } } } }`,
      { s: surveyId },
      admin,
    );
    expect(added.errors).toBeUndefined();
    const question = added.data!.addSurveyQuestion.questions[0];
    const respond = async (typologyKey: string | null, option: number) => {
      const u = await t.register('Répondante');
      if (typologyKey) await t.gql(UPDATE, { input: { typologyKey } }, u.token);
      const r = await t.gql(
        `mutation($s: ID!, $q: ID!, $o: ID!) { answerSurvey(surveyId: $s, answers: [{ questionId: $q, choices: [{ optionId: $o }] }]) { id } }`,
        { s: surveyId, q: question.id, o: question.options[option].id },
        u.token,
      );
      expect(r.errors).toBeUndefined();
      return u;
    };
    await respond('hospital', 0);
    await respond('hospital', 0);
    await respond('hospital', 1);
    const leaving = await respond('supplier', 1);
    await respond(null, 0);
    // a deleted account's answer stays counted, in the group without typology
    await t.gql(
      `mutation { deleteMyAccount(input: { password: "correct horse battery" }) }`,
      {},
      leaving.token,
    );

    const RESULTS = `query($s: ID!) { surveyResults(surveyId: $s, crossByTypology: true) { crossByTypology submissions questions { answers crossTab { groupOptionId groupLabel answers options { label count percent } } } } }`;
    const res = await t.gql(RESULTS, { s: surveyId }, admin);
    expect(res.errors).toBeUndefined();
    const results = res.data!.surveyResults;
    expect(results).toMatchObject({ crossByTypology: true, submissions: 5 });
    const groups = Object.fromEntries(
      results.questions[0].crossTab.map((g: any) => [g.groupOptionId, g]),
    );
    expect(groups.hospital).toMatchObject({
      answers: 3,
      options: [
        { label: 'Oui', count: 2, percent: 66.67 },
        { label: 'Non', count: 1, percent: 33.33 },
      ],
    });
    expect(groups.supplier.answers).toBe(0);
    expect(groups['-']).toMatchObject({
      groupLabel: 'Typologie non renseignée',
      answers: 2,
      options: [{ count: 1 }, { count: 1 }],
    });
    const total = results.questions[0].crossTab.reduce((n: number, g: any) => n + g.answers, 0);
    expect(total).toBe(results.questions[0].answers);

    // published results: anyone reads them, but the typology breakdown stays with the space's admins
    await t.gql(
      `mutation($s: ID!) { publishSurveyResults(surveyId: $s, published: true) { id } }`,
      { s: surveyId },
      admin,
    );
    expect(
      errorCode(await t.gql(RESULTS, { s: surveyId }, (await t.register('Lectrice')).token)),
    ).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RESULTS, { s: surveyId }))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(
        await t.gql(
          `query($s: ID!, $q: ID!) { surveyResults(surveyId: $s, crossBy: $q, crossByTypology: true) { submissions } }`,
          { s: surveyId, q: question.id },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
