import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

type User = { token: string; id: string; email: string };

const FIELDS = `id title state signaturesCount threshold committeeSize endsAt publishedAt discardReason answer answerUrl viewerHasSigned viewerCanSign viewerIsAuthor viewerInCommittee viewerCanAdminister`;
const CREATE_TYPE = `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id threshold periodDays minCommitteeSize signers typologies } }`;
const CREATE = `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdatePetitionInput!) { updatePetition(id: $id, input: $i) { ${FIELDS} } }`;
const INVITE = `mutation($p: ID!) { invitePetitionCommittee(petitionId: $p) }`;
const ACCEPT = `mutation($t: String!) { acceptPetitionCommitteeInvitation(token: $t) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitPetition(id: $id) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishPetition(id: $id) { ${FIELDS} } }`;
const DISCARD = `mutation($id: ID!, $r: String!) { discardPetition(id: $id, reason: $r) { ${FIELDS} } }`;
const ANSWER = `mutation($i: AnswerPetitionInput!) { answerPetition(input: $i) { ${FIELDS} } }`;
const SIGN = `mutation($p: ID!) { signPetition(petitionId: $p) { ${FIELDS} } }`;
const UNSIGN = `mutation($p: ID!) { unsignPetition(petitionId: $p) { ${FIELDS} } }`;
const PETITION = `query($id: ID!) { petition(id: $id) { ${FIELDS} } }`;
const LIST = `query($c: ID!, $f: PetitionFilter) { petitions(componentId: $c, filter: $f) { id state signaturesCount } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Pétitions: types, committee, validation, signatures counted once, milestones once, decided from the clock', () => {
  let t: TestApp;
  let admin: string;
  let componentId: string;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const space = await t.gql(
      `mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`,
      {
        i: {
          type: 'PROCESS',
          slug: `petitions-${Date.now()}`,
          title: 'Espace des pétitions',
          published: true,
        },
      },
      admin,
    );
    const component = await t.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: {
          spaceId: space.data.createSpace.id,
          type: 'PETITIONS',
          title: 'Pétitions',
          published: true,
        },
      },
      admin,
    );
    componentId = component.data.createComponent.id;
  }, 120_000);
  afterAll(() => t.close());

  const newType = async (fields: Record<string, unknown> = {}) => {
    const res = await t.gql(
      CREATE_TYPE,
      {
        i: {
          componentId,
          title: 'Pétition de la filière',
          threshold: 4,
          periodDays: 30,
          minCommitteeSize: 0,
          ...fields,
        },
      },
      admin,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createPetitionType.id as string;
  };
  /** A petition by a fresh author, taken to the given state (CREATED, VALIDATING or PUBLISHED). */
  const newPetition = async (
    state: 'CREATED' | 'VALIDATING' | 'PUBLISHED',
    typeFields: Record<string, unknown> = {},
  ) => {
    serial += 1;
    const author = await t.register(`Autrice ${serial}`);
    const typeId = await newType(typeFields);
    const res = await t.gql(
      CREATE,
      {
        i: {
          typeId,
          title: `Organiser une journée de la filière ${serial}`,
          body: '<p>Réunir les acteurs.</p>',
        },
      },
      author.token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const id = res.data.createPetition.id as string;
    if (state !== 'CREATED')
      expect((await t.gql(SUBMIT, { id }, author.token)).data.submitPetition.state).toBe(
        'VALIDATING',
      );
    if (state === 'PUBLISHED')
      expect((await t.gql(PUBLISH, { id }, admin)).data.publishPetition.state).toBe('PUBLISHED');
    return { id, author, typeId };
  };
  const users = async (n: number): Promise<User[]> => {
    const out: User[] = [];
    for (let i = 0; i < n; i += 20)
      out.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, n - i) }, (_, k) => t.register(`Signataire ${i + k}`)),
        )),
      );
    return out;
  };
  const rows = async (petitionId: string) =>
    Number(
      (
        await t.sql(`SELECT count(*)::int AS n FROM petition_signatures WHERE petition_id = $1`, [
          petitionId,
        ])
      )[0].n,
    );
  const stored = async (petitionId: string) =>
    Number(
      (await t.sql(`SELECT signatures_count AS n FROM petitions WHERE id = $1`, [petitionId]))[0].n,
    );

  it('the demo Concertation holds the open petition « Organiser une journée de la filière » with demo signatures, count == rows', async () => {
    const [demo] = await t.sql(
      `SELECT p.id, p.component_id FROM petitions p WHERE p.is_demo AND p.title = 'Organiser une journée de la filière'`,
    );
    const petition = (await t.gql(PETITION, { id: demo.id })).data.petition;
    expect(petition).toMatchObject({ state: 'PUBLISHED', threshold: 50 });
    expect(petition.signaturesCount).toBe(await rows(demo.id));
    expect(petition.signaturesCount).toBeGreaterThan(0);
    const [flags] = await t.sql(
      `SELECT bool_and(s.is_demo AND u.is_demo) AS all_demo FROM petition_signatures s JOIN users u ON u.id = s.user_id WHERE s.petition_id = $1`,
      [demo.id],
    );
    expect(flags.all_demo).toBe(true);
    expect(
      (await t.gql(LIST, { c: demo.component_id, f: 'OPEN' })).data.petitions.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([demo.id]);
  });

  describe('types', () => {
    it('are created by organization admins only; a threshold of 0 or typologies without TYPOLOGIES are refused and write nothing', async () => {
      const participant = await t.register('Participant');
      const input = { componentId, title: 'Type', threshold: 10, periodDays: 10 };
      expect(errorCode(await t.gql(CREATE_TYPE, { i: input }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(CREATE_TYPE, { i: input }, participant.token))).toBe(
        'FORBIDDEN',
      );
      const before = Number((await t.sql(`SELECT count(*)::int AS n FROM petition_types`))[0].n);
      const zero = await t.gql(CREATE_TYPE, { i: { ...input, threshold: 0 } }, admin);
      expect(errorCode(zero)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(zero.errors![0].extensions)).toContain('threshold');
      expect(errorCode(await t.gql(CREATE_TYPE, { i: { ...input, periodDays: 0 } }, admin))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        errorCode(await t.gql(CREATE_TYPE, { i: { ...input, signers: 'TYPOLOGIES' } }, admin)),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(await t.gql(CREATE_TYPE, { i: { ...input, typologies: ['hopital'] } }, admin)),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            CREATE_TYPE,
            { i: { ...input, signers: 'TYPOLOGIES', typologies: ['inconnue'] } },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(Number((await t.sql(`SELECT count(*)::int AS n FROM petition_types`))[0].n)).toBe(
        before,
      );
      const ok = await t.gql(CREATE_TYPE, { i: input }, admin);
      expect(ok.data.createPetitionType).toMatchObject({
        threshold: 10,
        periodDays: 10,
        minCommitteeSize: 0,
        signers: 'EVERYONE',
      });
    });

    it('restricted to typologies: only members whose profile typology is listed may sign (asked to the profile module)', async () => {
      const [typology] = await t.sql(
        `SELECT key FROM member_typologies WHERE archived_at IS NULL ORDER BY position LIMIT 1`,
      );
      const { id } = await newPetition('PUBLISHED', {
        signers: 'TYPOLOGIES',
        typologies: [typology.key],
      });
      const outsider = await t.register('Hors typologie');
      expect(errorCode(await t.gql(SIGN, { p: id }, outsider.token))).toBe('FORBIDDEN');
      await t.sql(`UPDATE member_profiles SET typology_key = $2 WHERE user_id = $1`, [
        outsider.id,
        typology.key,
      ]);
      expect((await t.gql(SIGN, { p: id }, outsider.token)).data.signPetition).toMatchObject({
        signaturesCount: 1,
        viewerHasSigned: true,
      });
    });
  });

  describe('lifecycle', () => {
    it('CREATED → committee by invitation links → VALIDATING (committee large enough) → PUBLISHED → ACCEPTED at the period end → ANSWERED', async () => {
      const { id, author } = await newPetition('CREATED', { minCommitteeSize: 2, threshold: 2 });
      const [a, b, stranger] = await users(3);
      // unpublished: only the author (and later the committee, admins) see it
      expect(errorCode(await t.gql(PETITION, { id }, stranger.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(PETITION, { id }))).toBe('NOT_FOUND');
      // editing before publication
      expect(
        (
          await t.gql(
            UPDATE,
            { id, i: { title: 'Organiser une journée de la filière, édition 1' } },
            author.token,
          )
        ).data.updatePetition.title,
      ).toContain('édition 1');
      expect(
        errorCode(await t.gql(UPDATE, { id, i: { title: 'Par un tiers' } }, stranger.token)),
      ).toBe('NOT_FOUND');
      // committee below the minimum: refused, nothing changes
      const small = await t.gql(SUBMIT, { id }, author.token);
      expect(errorCode(small)).toBe('BAD_USER_INPUT');
      expect(small.errors![0].extensions!.field).toBe('committee');
      expect((await t.sql(`SELECT state FROM petitions WHERE id = $1`, [id]))[0].state).toBe(
        'CREATED',
      );
      // invitations: author only, single use
      expect(errorCode(await t.gql(INVITE, { p: id }, stranger.token))).toBe('NOT_FOUND');
      const token1 = (await t.gql(INVITE, { p: id }, author.token)).data.invitePetitionCommittee;
      const token2 = (await t.gql(INVITE, { p: id }, author.token)).data.invitePetitionCommittee;
      expect(errorCode(await t.gql(ACCEPT, { t: token1 }, author.token))).toBe('BAD_USER_INPUT');
      expect(
        (await t.gql(ACCEPT, { t: token1 }, a.token)).data.acceptPetitionCommitteeInvitation,
      ).toMatchObject({ committeeSize: 1, viewerInCommittee: true });
      expect(errorCode(await t.gql(ACCEPT, { t: token1 }, b.token))).toBe('NOT_FOUND'); // spent
      expect(errorCode(await t.gql(ACCEPT, { t: 'inconnu' }, b.token))).toBe('NOT_FOUND');
      expect(
        (await t.gql(ACCEPT, { t: token2 }, b.token)).data.acceptPetitionCommitteeInvitation
          .committeeSize,
      ).toBe(2);
      // signing one's own draft
      expect(errorCode(await t.gql(SIGN, { p: id }, author.token))).toBe('PETITION_NOT_OPEN');
      // answering an unpublished petition
      expect(
        errorCode(await t.gql(ANSWER, { i: { petitionId: id, answer: 'Réponse' } }, admin)),
      ).toBe('CONFLICT');
      // submit, then only admins validate
      expect((await t.gql(SUBMIT, { id }, author.token)).data.submitPetition.state).toBe(
        'VALIDATING',
      );
      expect(errorCode(await t.gql(SUBMIT, { id }, author.token))).toBe('CONFLICT');
      expect(errorCode(await t.gql(PUBLISH, { id }, a.token))).toBe('FORBIDDEN');
      const published = (await t.gql(PUBLISH, { id }, admin)).data.publishPetition;
      expect(published.state).toBe('PUBLISHED');
      expect(new Date(published.endsAt).getTime() - new Date(published.publishedAt).getTime()).toBe(
        30 * 86_400_000,
      );
      expect(errorCode(await t.gql(UPDATE, { id, i: { title: 'Trop tard' } }, author.token))).toBe(
        'CONFLICT',
      );
      expect(
        errorCode(await t.gql(ANSWER, { i: { petitionId: id, answer: 'Réponse' } }, admin)),
      ).toBe('CONFLICT'); // still collecting
      // signatures, unsign, public list
      await t.gql(SIGN, { p: id }, a.token);
      expect((await t.gql(SIGN, { p: id }, stranger.token)).data.signPetition.signaturesCount).toBe(
        2,
      );
      expect((await t.gql(UNSIGN, { p: id }, stranger.token)).data.unsignPetition).toMatchObject({
        signaturesCount: 1,
        viewerHasSigned: false,
      });
      expect((await t.gql(SIGN, { p: id }, b.token)).data.signPetition.signaturesCount).toBe(2);
      expect(
        (await t.gql(LIST, { c: componentId, f: 'OPEN' })).data.petitions.map(
          (p: { id: string }) => p.id,
        ),
      ).toContain(id);
      // the period ends: decided from the clock at read time, signing refused, count frozen
      await t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [id]);
      expect((await t.gql(PETITION, { id })).data.petition).toMatchObject({
        state: 'ACCEPTED',
        signaturesCount: 2,
      });
      expect(errorCode(await t.gql(SIGN, { p: id }, stranger.token))).toBe('PETITION_NOT_OPEN');
      expect(errorCode(await t.gql(UNSIGN, { p: id }, b.token))).toBe('PETITION_NOT_OPEN');
      expect(
        (await t.gql(LIST, { c: componentId, f: 'ACCEPTED' })).data.petitions.map(
          (p: { id: string }) => p.id,
        ),
      ).toContain(id);
      expect(
        errorCode(await t.gql(ANSWER, { i: { petitionId: id, answer: 'Réponse' } }, author.token)),
      ).toBe('FORBIDDEN');
      const answered = (
        await t.gql(
          ANSWER,
          {
            i: { petitionId: id, answer: '<p>La journée aura lieu.</p>', answerUrl: '/espaces/x' },
          },
          admin,
        )
      ).data.answerPetition;
      expect(answered).toMatchObject({
        state: 'ANSWERED',
        answer: '<p>La journée aura lieu.</p>',
        answerUrl: '/espaces/x',
      });
      expect(
        errorCode(await t.gql(ANSWER, { i: { petitionId: id, answer: 'Encore' } }, admin)),
      ).toBe('CONFLICT');
      // milestones: 25/50 (1 of 2), 50 ... 100 (2 of 2) — each once despite the unsign/re-sign
      expect(
        (
          await t.sql(
            `SELECT percent FROM petition_milestones WHERE petition_id = $1 ORDER BY percent`,
            [id],
          )
        ).map((r) => r.percent),
      ).toEqual([25, 50, 75, 100]);
      expect(
        Number(
          (
            await t.sql(
              `SELECT count(*)::int AS n FROM domain_events WHERE type = 'petition.milestone' AND payload->>'petitionId' = $1`,
              [id],
            )
          )[0].n,
        ),
      ).toBe(4);
      const notified = await t.sql(
        `SELECT user_id, count(*)::int AS n FROM notifications WHERE kind = 'PETITION_MILESTONE' AND link LIKE $1 GROUP BY user_id`,
        [`%${id}`],
      );
      for (const n of notified) expect(n.n).toBeLessThanOrEqual(4);
    });

    it('REJECTED when the threshold is not reached; discarded petitions keep their reason; a threshold of 1 decides on one signature', async () => {
      const { id } = await newPetition('PUBLISHED', { threshold: 3 });
      await t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [id]);
      expect((await t.gql(PETITION, { id })).data.petition.state).toBe('REJECTED');
      const v = await newPetition('VALIDATING');
      expect(errorCode(await t.gql(DISCARD, { id: v.id, r: '   ' }, admin))).toBe('BAD_USER_INPUT');
      const discarded = (
        await t.gql(DISCARD, { id: v.id, r: 'Hors du champ de la filière.' }, admin)
      ).data.discardPetition;
      expect(discarded).toMatchObject({
        state: 'DISCARDED',
        discardReason: 'Hors du champ de la filière.',
      });
      expect(errorCode(await t.gql(PETITION, { id: v.id }))).toBe('NOT_FOUND');
      expect((await t.gql(PETITION, { id: v.id }, v.author.token)).data.petition.state).toBe(
        'DISCARDED',
      );
    });
  });

  it('exports the signatures as CSV, streamed, for the author, the committee and admins only', async () => {
    const { id, author } = await newPetition('PUBLISHED');
    const signers = await users(3);
    for (const u of signers) await t.gql(SIGN, { p: id }, u.token);
    const get = (token?: string) =>
      fetch(`${t.baseUrl}/exports/petitions/${id}/signatures.csv`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await get()).status).toBe(401);
    expect((await get(signers[0].token)).status).toBe(403);
    for (const token of [author.token, admin]) {
      const res = await get(token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const lines = (await res.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('n°,signée le (UTC),typologie du signataire,démonstration');
      expect(lines).toHaveLength(4);
      expect(lines.join('\n')).not.toContain('@example.org');
    }
    expect(
      (
        await fetch(
          `${t.baseUrl}/exports/petitions/00000000-0000-4000-8000-000000000000/signatures.csv`,
          { headers: { authorization: `Bearer ${admin}` } },
        )
      ).status,
    ).toBe(404);
  });

  describe('races on the real database', () => {
    it('200 members signing at once → 200 rows and a count of 200; milestones recorded once each', async () => {
      const { id } = await newPetition('PUBLISHED', { threshold: 200 });
      const signers = await users(200);
      const results = await Promise.all(signers.map((u) => t.gql(SIGN, { p: id }, u.token)));
      expect(results.filter((r) => r.errors)).toEqual([]);
      expect(await rows(id)).toBe(200);
      expect(await stored(id)).toBe(200);
      expect((await t.gql(PETITION, { id })).data.petition.signaturesCount).toBe(200);
      expect(
        (
          await t.sql(
            `SELECT percent FROM petition_milestones WHERE petition_id = $1 ORDER BY percent`,
            [id],
          )
        ).map((r) => r.percent),
      ).toEqual([25, 50, 75, 100]);
      expect(
        Number(
          (
            await t.sql(
              `SELECT count(*)::int AS n FROM domain_events WHERE type = 'petition.milestone' AND payload->>'petitionId' = $1`,
              [id],
            )
          )[0].n,
        ),
      ).toBe(4);
    }, 180_000);

    it('one member double-clicking sign (20 requests at once) → one signature; unsign races keep count == rows', async () => {
      const { id } = await newPetition('PUBLISHED');
      const [member] = await users(1);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => t.gql(SIGN, { p: id }, member.token)),
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      expect(await rows(id)).toBe(1);
      expect(await stored(id)).toBe(1);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => t.gql(i % 2 ? SIGN : UNSIGN, { p: id }, member.token)),
      );
      expect(await stored(id)).toBe(await rows(id));
    });

    it('two admins validating and discarding at once → one wins, the other gets CONFLICT', async () => {
      for (let round = 0; round < 5; round += 1) {
        const { id } = await newPetition('VALIDATING');
        const [pub, dis] = await Promise.all([
          t.gql(PUBLISH, { id }, admin),
          t.gql(DISCARD, { id, r: 'Doublon.' }, admin),
        ]);
        const codes = [errorCode(pub), errorCode(dis)];
        expect(codes.filter((c) => c === undefined)).toHaveLength(1);
        expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(1);
        const [row] = await t.sql(`SELECT state FROM petitions WHERE id = $1`, [id]);
        expect(row.state).toBe(errorCode(pub) ? 'DISCARDED' : 'PUBLISHED');
      }
    });

    it('signatures racing the period end: each is counted or refused with PETITION_NOT_OPEN, never counted after the freeze', async () => {
      const { id } = await newPetition('PUBLISHED', { threshold: 1000 });
      const signers = await users(60);
      // six lanes, each signing as soon as its previous signature is answered: a few signatures are
      // always in flight, racing the end, and most come after it, whatever the speed of the machine
      // (signatures paced by the clock against an end 1 s ahead: a loaded machine that stores none
      // in time counts none, one that stalls and sends them all at once refuses none)
      const LANES = 6;
      let settled = false;
      const signing = Promise.all(
        Array.from({ length: LANES }, async (_, lane) => {
          const answers: Awaited<ReturnType<typeof t.gql>>[] = [];
          for (let i = lane; i < signers.length; i += LANES)
            answers.push(await t.gql(SIGN, { p: id }, signers[i].token));
          return answers;
        }),
      )
        .then((lanes) => lanes.flat())
        .finally(() => (settled = true));
      // the end falls in the middle of the stream: once 10 signatures are stored
      while (!settled && (await rows(id)) < 10) await sleep(10);
      await t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [id]);
      const results = await signing;
      // readers racing too: the first read past the end freezes
      await Promise.all(Array.from({ length: 5 }, () => t.gql(PETITION, { id })));
      const accepted = results.filter((r) => !r.errors).length;
      const refused = results.filter((r) => errorCode(r) === 'PETITION_NOT_OPEN').length;
      expect(accepted + refused).toBe(60);
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
      const [result] = await t.sql(
        `SELECT signatures_count, frozen_at FROM petition_results WHERE petition_id = $1`,
        [id],
      );
      expect(result.signatures_count).toBe(accepted);
      expect(await rows(id)).toBe(accepted);
      expect(
        Number(
          (
            await t.sql(
              `SELECT count(*)::int AS n FROM petition_signatures WHERE petition_id = $1 AND created_at >= $2`,
              [id, result.frozen_at],
            )
          )[0].n,
        ),
      ).toBe(0);
      expect((await t.gql(PETITION, { id })).data.petition).toMatchObject({
        state: 'REJECTED',
        signaturesCount: accepted,
      });
      console.log(
        `period-end race: ${accepted} counted, ${refused} refused, frozen at ${result.signatures_count}`,
      );
    }, 60_000);
  });
});
