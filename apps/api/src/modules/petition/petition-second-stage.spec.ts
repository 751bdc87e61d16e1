import type { QueryRunner } from 'typeorm';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { waitUntil } from '../../../test/wait-until';
import { PetitionSecondStage1766000000000 } from '../../database/migrations/1766000000000-petition-second-stage';

const CREATE_TYPE = `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id secondStageUrl secondStage { componentId type componentTitle spaceTitle link } } }`;
const UPDATE_TYPE = `mutation($id: ID!, $i: UpdatePetitionTypeInput!) { updatePetitionType(id: $id, input: $i) { id secondStage { componentId type } } }`;
const CREATE = `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { id link } }`;
const SUBMIT = `mutation($id: ID!) { submitPetition(id: $id) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishPetition(id: $id) { id } }`;
const SIGN = `mutation($p: ID!) { signPetition(petitionId: $p) { id } }`;
const ANSWER = `mutation($i: AnswerPetitionInput!) { answerPetition(input: $i) { id state answer answerUrl outcome { type id link } } }`;
const PETITION = `query($id: ID!) { petition(id: $id) { id state answerUrl outcome { type id link } } }`;
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { id title body author { id } state origin { type id title link } } }`;
const MOTIONS = `query($c: ID!) { motions(componentId: $c) { id title body status origin { type id title link } } }`;
const FOLLOW = `mutation($t: FollowableType!, $id: ID!) { follow(followableType: $t, followableId: $id) }`;

describe('Pétitions, second stage: an accepted petition becomes a proposal or a draft motion, exactly once', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let petitionsComponent: string;
  let proposalsComponent: string;
  let motionsComponent: string;
  let assemblyId: string;
  let serial = 0;

  const create = async (query: string, input: Record<string, unknown>, key: string) => {
    const res = await t.gql(query, { i: input }, admin);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data[key].id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const stamp = Date.now();
    spaceId = await create(
      `mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`,
      {
        type: 'PROCESS',
        slug: `petitions-suite-${stamp}`,
        title: 'Concertation des suites',
        published: true,
      },
      'createSpace',
    );
    const component = (type: string, title: string, space = spaceId) =>
      create(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        { spaceId: space, type, title, published: true },
        'createComponent',
      );
    petitionsComponent = await component('PETITIONS', 'Pétitions');
    proposalsComponent = await component('PROPOSALS', 'Propositions issues des pétitions');
    assemblyId = await create(
      `mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`,
      {
        type: 'ASSEMBLY',
        slug: `assemblee-suite-${stamp}`,
        title: 'Assemblée des suites',
        published: true,
      },
      'createSpace',
    );
    motionsComponent = await component('MOTIONS', 'Motions', assemblyId);
  }, 120_000);
  afterAll(() => t.close());

  const newType = async (fields: Record<string, unknown>) => {
    const res = await t.gql(
      CREATE_TYPE,
      {
        i: {
          componentId: petitionsComponent,
          title: 'Saisine de la gouvernance',
          threshold: 1,
          periodDays: 30,
          ...fields,
        },
      },
      admin,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createPetitionType;
  };
  /** A published petition of the type, signed `signatures` times, whose period has just ended (ACCEPTED with ≥ 1 signature, REJECTED with 0). */
  const endedPetition = async (typeId: string, signatures: number) => {
    serial += 1;
    const author = await t.register(`Autrice ${serial}`);
    const id = await (async () => {
      const res = await t.gql(
        CREATE,
        {
          i: {
            typeId,
            title: `Créer un entrepôt de données de santé ${serial}`,
            body: '<p>Un entrepôt <strong>spécialisé</strong> (Big Data) pour la recherche.</p>',
          },
        },
        author.token,
      );
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.createPetition.id as string;
    })();
    await t.gql(SUBMIT, { id }, author.token);
    await t.gql(PUBLISH, { id }, admin);
    for (let i = 0; i < signatures; i += 1)
      await t.gql(SIGN, { p: id }, (await t.register(`Signataire ${serial}-${i}`)).token);
    await t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [id]);
    return { id, author };
  };
  const snapshot = async (petitionId: string) => ({
    petition: (
      await t.sql(
        `SELECT state, answer, answer_url, became_type, became_id FROM petitions WHERE id = $1`,
        [petitionId],
      )
    )[0],
    proposals: (
      await t.sql(`SELECT count(*)::int AS n FROM proposals WHERE origin_id = $1`, [petitionId])
    )[0].n,
    motions: (
      await t.sql(`SELECT count(*)::int AS n FROM motions WHERE origin_id = $1`, [petitionId])
    )[0].n,
  });

  it('a type names a PROPOSALS or MOTIONS component as its second stage; any other component is refused with its field and changes nothing', async () => {
    const type = await newType({
      secondStageComponentId: proposalsComponent,
      secondStageUrl: '/concertations',
    });
    expect(type.secondStage).toEqual({
      componentId: proposalsComponent,
      type: 'PROPOSAL',
      componentTitle: 'Propositions issues des pétitions',
      spaceTitle: 'Concertation des suites',
      link: expect.stringMatching(
        new RegExp(`^/espaces/petitions-suite-\\d+/f/${proposalsComponent}$`),
      ),
    });
    expect(type.secondStageUrl).toBe('/concertations'); // the free link stays
    const [before] = await t.sql(`SELECT * FROM petition_types WHERE id = $1`, [type.id]);
    const wrong = await t.gql(
      UPDATE_TYPE,
      { id: type.id, i: { secondStageComponentId: petitionsComponent } },
      admin,
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.field).toBe('secondStageComponentId');
    expect(wrong.errors![0].message).toMatch(/propositions .* ou de motions/);
    expect(
      errorCode(
        await t.gql(
          UPDATE_TYPE,
          { id: type.id, i: { secondStageComponentId: '00000000-0000-4000-8000-000000000000' } },
          admin,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await t.gql(
          UPDATE_TYPE,
          { id: type.id, i: { secondStageComponentId: 'pas-un-id' } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await t.gql(
          CREATE_TYPE,
          {
            i: {
              componentId: petitionsComponent,
              title: 'Mauvaise suite',
              threshold: 1,
              periodDays: 30,
              secondStageComponentId: petitionsComponent,
            },
          },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await t.sql(`SELECT * FROM petition_types WHERE id = $1`, [type.id]))[0]).toEqual(
      before,
    );
    expect(
      (
        await t.sql(`SELECT count(*)::int AS n FROM petition_types WHERE title = 'Mauvaise suite'`)
      )[0].n,
    ).toBe(0);
    expect(
      (
        await t.gql(
          UPDATE_TYPE,
          { id: type.id, i: { secondStageComponentId: motionsComponent } },
          admin,
        )
      ).data.updatePetitionType.secondStage,
    ).toEqual({ componentId: motionsComponent, type: 'MOTION' });
    expect(
      (await t.gql(UPDATE_TYPE, { id: type.id, i: { secondStageComponentId: null } }, admin)).data
        .updatePetitionType.secondStage,
    ).toBeNull();
  });

  it('answering an ACCEPTED petition with « Transformer en proposition » publishes the proposal, by the petition’s author, linked both ways; followers are notified', async () => {
    const type = await newType({ secondStageComponentId: proposalsComponent });
    const { id, author } = await endedPetition(type.id, 1);
    const follower = await t.register('Suiveuse de la pétition');
    expect((await t.gql(FOLLOW, { t: 'PETITION', id }, follower.token)).errors).toBeUndefined();
    expect((await t.gql(PETITION, { id })).data.petition.state).toBe('ACCEPTED');

    const answered = (
      await t.gql(
        ANSWER,
        {
          i: {
            petitionId: id,
            answer: '<p>Retenue : elle devient une proposition.</p>',
            transformTo: 'PROPOSAL',
          },
        },
        admin,
      )
    ).data.answerPetition;
    expect(answered.state).toBe('ANSWERED');
    expect(answered.outcome).toMatchObject({
      type: 'PROPOSAL',
      link: expect.stringMatching(
        new RegExp(`/f/${proposalsComponent}/propositions/${answered.outcome.id}$`),
      ),
    });
    expect(answered.answerUrl).toBe(answered.outcome.link);

    const proposal = (await t.gql(PROPOSAL, { id: answered.outcome.id })).data.proposal;
    expect(proposal).toMatchObject({
      title: `Créer un entrepôt de données de santé ${serial}`,
      body: '<p>Un entrepôt <strong>spécialisé</strong> (Big Data) pour la recherche.</p>',
      author: { id: author.id },
      state: 'NOT_ANSWERED',
      origin: {
        type: 'PETITION',
        id,
        title: `Créer un entrepôt de données de santé ${serial}`,
        link: expect.stringMatching(new RegExp(`/petitions/${id}$`)),
      },
    });
    // the author follows their proposal; the action log has both lines, in the admin's name
    expect(
      (
        await t.sql(
          `SELECT count(*)::int AS n FROM follows WHERE user_id = $1 AND followable_id = $2`,
          [author.id, proposal.id],
        )
      )[0].n,
    ).toBe(1);
    const logs = await t.sql(
      `SELECT resource_type, action, summary FROM action_logs WHERE resource_id = ANY($1) ORDER BY created_at`,
      [[id, proposal.id]],
    );
    expect(
      logs.filter((l) => l.action === 'create' && l.resource_type === 'proposal')[0].summary,
    ).toContain('issue de la pétition');
    expect(logs.filter((l) => l.action === 'answer')[0].summary).toContain(
      'devenue une proposition',
    );
    // the answer reaches the follower and the author, as any answer
    const answeredNotices = async () =>
      (
        await t.sql(
          `SELECT count(*)::int AS n FROM notifications WHERE kind = 'PETITION_STATE_CHANGED' AND title = 'Réponse officielle à la pétition' AND link LIKE $1 AND user_id = ANY($2)`,
          [`%${id}`, [follower.id, author.id]],
        )
      )[0].n;
    // written by the notification dispatcher after the answer's commit: awaited, for as long as a
    // loaded machine needs (a bound of 5 s was not always enough), then counted exactly
    await waitUntil('both answer notifications', answeredNotices, (n) => n >= 2);
    expect(await answeredNotices()).toBe(2);
  });

  it('two admins (and many requests) transforming at once → one proposal; every other request gets CONFLICT and nothing else is written', async () => {
    const type = await newType({ secondStageComponentId: proposalsComponent });
    const admins = [admin];
    for (let i = 0; i < 3; i += 1) {
      const other = await t.register(`Administratrice ${i}`);
      await t.gql(
        `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { id } }`,
        { i: { spaceId, email: other.email, role: 'ADMIN' } },
        admin,
      );
      admins.push(other.token);
    }
    for (let round = 0; round < 3; round += 1) {
      const { id } = await endedPetition(type.id, 1);
      const replies = await Promise.all(
        Array.from({ length: 24 }, (_, k) =>
          t.gql(
            ANSWER,
            { i: { petitionId: id, answer: `<p>Réponse ${k}.</p>`, transformTo: 'PROPOSAL' } },
            admins[k % admins.length],
          ),
        ),
      );
      const codes = replies.map(errorCode);
      expect(codes.filter((c) => c === undefined)).toHaveLength(1);
      expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(23);
      const after = await snapshot(id);
      expect(after.proposals).toBe(1);
      expect(after.petition.became_type).toBe('PROPOSAL');
      const winner = replies.find((r) => !r.errors)!.data.answerPetition;
      expect(after.petition.became_id).toBe(winner.outcome.id);
      expect(after.petition.answer).toBe(winner.answer);
      expect(
        (
          await t.sql(
            `SELECT count(*)::int AS n FROM action_logs WHERE resource_id = $1 AND action = 'answer'`,
            [id],
          )
        )[0].n,
      ).toBe(1);
      expect(
        (
          await t.sql(
            `SELECT count(*)::int AS n FROM domain_events WHERE type = 'proposal.published' AND payload->>'proposalId' = $1`,
            [winner.outcome.id],
          )
        )[0].n,
      ).toBe(1);
    }
  });

  it('PostgreSQL itself refuses a second proposal or motion from the same petition (proposals_origin_once, motions_origin_once)', async () => {
    const [p] = await t.sql(`SELECT id FROM petitions WHERE became_type = 'PROPOSAL' LIMIT 1`);
    await expect(
      t.sql(
        `INSERT INTO proposals (component_id, title, body, position_index, origin_type, origin_id, origin_title, origin_link) VALUES ($1, 'Une deuxième proposition', 'x', 999999, 'PETITION', $2, 't', '/l')`,
        [proposalsComponent, p.id],
      ),
    ).rejects.toThrow(/proposals_origin_once/);
    const insertMotion = (title: string) =>
      t.sql(
        `INSERT INTO motions (component_id, title, body, origin_type, origin_id, origin_title, origin_link) VALUES ($1, $2, 'x', 'PETITION', $3, 't', '/l')`,
        [motionsComponent, title, p.id],
      );
    await insertMotion('Une première motion');
    await expect(insertMotion('Une deuxième motion')).rejects.toThrow(/motions_origin_once/);
    await t.sql(`DELETE FROM motions WHERE origin_id = $1`, [p.id]);
  });

  it('a REJECTED petition, a type without a second stage, the wrong kind, a link beside the transformation: coded French errors, nothing changed', async () => {
    const toProposals = await newType({ secondStageComponentId: proposalsComponent });
    const bare = await newType({});
    const rejected = await endedPetition(toProposals.id, 0);
    const accepted = await endedPetition(toProposals.id, 1);
    const acceptedBare = await endedPetition(bare.id, 1);
    expect((await t.gql(PETITION, { id: rejected.id })).data.petition.state).toBe('REJECTED');
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [rejected.id, { transformTo: 'PROPOSAL' }, 'transformTo', /Seule une pétition acceptée/],
      [acceptedBare.id, { transformTo: 'PROPOSAL' }, 'transformTo', /n’a pas de suite/],
      [
        accepted.id,
        { transformTo: 'MOTION' },
        'transformTo',
        /mène à une proposition, pas à une motion/,
      ],
      [
        accepted.id,
        { transformTo: 'PROPOSAL', answerUrl: '/ailleurs' },
        'answerUrl',
        /laissez-le vide/,
      ],
    ];
    for (const [petitionId, extra, field, message] of cases) {
      const before = await snapshot(petitionId);
      const res = await t.gql(
        ANSWER,
        { i: { petitionId, answer: '<p>Réponse.</p>', ...extra } },
        admin,
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe(field);
      expect(res.errors![0].message).toMatch(message);
      expect(await snapshot(petitionId)).toEqual(before);
    }
    expect(
      errorCode(
        await t.gql(
          ANSWER,
          { i: { petitionId: accepted.id, answer: '<p>Réponse.</p>', transformTo: 'AUTRE' } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    // a participant may not transform; a REJECTED petition is still answered without transformation
    expect(
      errorCode(
        await t.gql(
          ANSWER,
          { i: { petitionId: accepted.id, answer: '<p>Réponse.</p>', transformTo: 'PROPOSAL' } },
          accepted.author.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect((await snapshot(accepted.id)).proposals).toBe(0);
    expect(
      (
        await t.gql(
          ANSWER,
          { i: { petitionId: rejected.id, answer: '<p>Non retenue.</p>' } },
          admin,
        )
      ).data.answerPetition,
    ).toMatchObject({ state: 'ANSWERED', outcome: null, answerUrl: null });
  });

  it('a petition title too short for a proposal (under 15 characters) is refused with its field, and the answer is not written either', async () => {
    const type = await newType({ secondStageComponentId: proposalsComponent });
    const author = await t.register('Autrice brève');
    const res = await t.gql(
      CREATE,
      { i: { typeId: type.id, title: 'Court', body: '<p>Texte.</p>' } },
      author.token,
    );
    const id = res.data.createPetition.id as string;
    await t.gql(SUBMIT, { id }, author.token);
    await t.gql(PUBLISH, { id }, admin);
    await t.gql(SIGN, { p: id }, (await t.register('Signataire brève')).token);
    await t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [id]);
    const before = await snapshot(id);
    const refused = await t.gql(
      ANSWER,
      { i: { petitionId: id, answer: '<p>Oui.</p>', transformTo: 'PROPOSAL' } },
      admin,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.field).toBe('title');
    expect(refused.errors![0].message).toMatch(/de 15 à 150 caractères/);
    expect(await snapshot(id)).toEqual(before);
  });

  it('« Transformer en motion »: a draft motion of the Assemblée, proposed by the answering admin; a space admin who may not propose motions there is refused', async () => {
    const type = await newType({ secondStageComponentId: motionsComponent });
    const { id } = await endedPetition(type.id, 2);
    // an admin of the petition's space only: the motion module allows the assembly's members and admins
    const spaceAdmin = await t.register('Administratrice de la Concertation');
    await t.gql(
      `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { id } }`,
      { i: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } },
      admin,
    );
    const before = await snapshot(id);
    const forbidden = await t.gql(
      ANSWER,
      { i: { petitionId: id, answer: '<p>Vers l’Assemblée.</p>', transformTo: 'MOTION' } },
      spaceAdmin.token,
    );
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors![0].message).toMatch(/membres de l’assemblée/);
    expect(await snapshot(id)).toEqual(before);

    const answered = (
      await t.gql(
        ANSWER,
        { i: { petitionId: id, answer: '<p>Vers l’Assemblée.</p>', transformTo: 'MOTION' } },
        admin,
      )
    ).data.answerPetition;
    expect(answered.outcome).toMatchObject({
      type: 'MOTION',
      link: expect.stringMatching(new RegExp(`/f/${motionsComponent}$`)),
    });
    const motions = (await t.gql(MOTIONS, { c: motionsComponent }, admin)).data.motions as {
      id: string;
      status: string;
      origin: { id: string } | null;
    }[];
    const motion = motions.find((m) => m.id === answered.outcome.id)!;
    expect(motion).toMatchObject({ status: 'DRAFT', origin: { type: 'PETITION', id } });
    const [row] = await t.sql(`SELECT author_id FROM motions WHERE id = $1`, [motion.id]);
    expect(row.author_id).toBe((await t.gql(`query { me { id } }`, {}, admin)).data.me.id);
    expect(await snapshot(id)).toMatchObject({
      motions: 1,
      proposals: 0,
      petition: { state: 'ANSWERED', became_type: 'MOTION', became_id: motion.id },
    });
  });
  // last: it takes the migration down and up again on this file's own database
  it('the migration gives a type whose free link pointed at a PROPOSALS or MOTIONS component that component as its second stage, and nothing else', async () => {
    const migration = new PetitionSecondStage1766000000000();
    const runner = { query: (text: string) => t.sql(text) } as unknown as QueryRunner;
    await migration.down(runner);
    const [slug] = await t.sql(`SELECT slug FROM participatory_spaces WHERE id = $1`, [spaceId]);
    const links: Record<string, string> = {
      proposals: `/espaces/${slug.slug}/f/${proposalsComponent}/propositions`,
      motions: `/espaces/assemblee/f/${motionsComponent}`,
      petitions: `/espaces/${slug.slug}/f/${petitionsComponent}`,
      elsewhere: 'https://example.org/f/' + proposalsComponent,
      none: '/concertations',
    };
    const ids: Record<string, string> = {};
    for (const [key, url] of Object.entries(links)) {
      const [row] = await t.sql(
        `INSERT INTO petition_types (component_id, title, threshold, period_days, second_stage_url) VALUES ($1, $2, 10, 30, $3) RETURNING id`,
        [petitionsComponent, `Migration ${key}`, url],
      );
      ids[key] = row.id;
    }
    await migration.up(runner);
    const rows = await t.sql(
      `SELECT id, second_stage_component_id, second_stage_url FROM petition_types WHERE id = ANY($1)`,
      [Object.values(ids)],
    );
    const byKey = (key: string) => rows.find((r) => r.id === ids[key]);
    expect(byKey('proposals').second_stage_component_id).toBe(proposalsComponent);
    expect(byKey('motions').second_stage_component_id).toBe(motionsComponent);
    for (const key of ['petitions', 'elsewhere', 'none'])
      expect(byKey(key).second_stage_component_id).toBeNull();
    for (const key of Object.keys(links)) expect(byKey(key).second_stage_url).toBe(links[key]); // the free link stays
  });
});
