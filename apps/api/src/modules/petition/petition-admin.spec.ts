import ExcelJS from 'exceljs';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

const CREATE_TYPE = `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id threshold periodDays secondStageUrl } }`;
const UPDATE_TYPE = `mutation($id: ID!, $i: UpdatePetitionTypeInput!) { updatePetitionType(id: $id, input: $i) { id title threshold periodDays minCommitteeSize signers typologies publicSignatures secondStageUrl } }`;
const CREATE = `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { id } }`;
const INVITE = `mutation($p: ID!) { invitePetitionCommittee(petitionId: $p) }`;
const ACCEPT = `mutation($t: String!) { acceptPetitionCommitteeInvitation(token: $t) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitPetition(id: $id) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishPetition(id: $id) { id state } }`;
const SIGN = `mutation($p: ID!) { signPetition(petitionId: $p) { id } }`;
const MINE = `query($r: MyPetitionRelation, $first: Int, $after: String) {
  myPetitions(relation: $r, first: $first, after: $after) { hasNextPage endCursor edges { cursor node { id state viewerIsAuthor viewerInCommittee viewerHasSigned } } }
}`;
const QUEUE = `query { petitionQueue { id state viewerCanAdminister } }`;

describe('Pétitions, administration and « Mes pétitions »: type edition, the admins’ queue, the member’s pages', () => {
  let t: TestApp;
  let admin: string;
  let componentId: string;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const space = await t.gql(
      `mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`,
      {
        i: {
          type: 'PROCESS',
          slug: `petitions-admin-${Date.now()}`,
          title: 'Pétitions à valider',
          published: true,
        },
      },
      admin,
    );
    spaceId = space.data.createSpace.id;
    const component = await t.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: { spaceId, type: 'PETITIONS', title: 'Pétitions', published: true },
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
          threshold: 3,
          periodDays: 30,
          ...fields,
        },
      },
      admin,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createPetitionType.id as string;
  };

  describe('updatePetitionType', () => {
    it('organization admins edit a type (omitted fields stay); bad settings are refused with their field and change nothing', async () => {
      const id = await newType({ secondStageUrl: '/concertations' });
      const participant = await t.register('Participante');
      expect(errorCode(await t.gql(UPDATE_TYPE, { id, i: { threshold: 5 } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        errorCode(await t.gql(UPDATE_TYPE, { id, i: { threshold: 5 } }, participant.token)),
      ).toBe('FORBIDDEN');
      const [before] = await t.sql(`SELECT * FROM petition_types WHERE id = $1`, [id]);
      const zero = await t.gql(UPDATE_TYPE, { id, i: { threshold: 0 } }, admin);
      expect(errorCode(zero)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(zero.errors![0].extensions)).toContain('threshold');
      const noTypology = await t.gql(UPDATE_TYPE, { id, i: { signers: 'TYPOLOGIES' } }, admin);
      expect(errorCode(noTypology)).toBe('BAD_USER_INPUT');
      expect(noTypology.errors![0].extensions!.field).toBe('typologies');
      expect(
        errorCode(
          await t.gql(
            UPDATE_TYPE,
            { id, i: { signers: 'TYPOLOGIES', typologies: ['inconnue'] } },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(UPDATE_TYPE, { id, i: { secondStageUrl: 'javascript:alert(1)' } }, admin),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        errorCode(
          await t.gql(
            UPDATE_TYPE,
            { id: '00000000-0000-4000-8000-000000000000', i: { threshold: 5 } },
            admin,
          ),
        ),
      ).toBe('NOT_FOUND');
      const [after] = await t.sql(`SELECT * FROM petition_types WHERE id = $1`, [id]);
      expect(after).toEqual(before);

      const [typology] = await t.sql(
        `SELECT key FROM member_typologies WHERE archived_at IS NULL ORDER BY position LIMIT 1`,
      );
      const edited = (
        await t.gql(
          UPDATE_TYPE,
          {
            id,
            i: {
              title: 'Saisine de la gouvernance',
              threshold: 50,
              signers: 'TYPOLOGIES',
              typologies: [typology.key],
              publicSignatures: true,
            },
          },
          admin,
        )
      ).data.updatePetitionType;
      expect(edited).toMatchObject({
        title: 'Saisine de la gouvernance',
        threshold: 50,
        periodDays: 30,
        signers: 'TYPOLOGIES',
        typologies: [typology.key],
        publicSignatures: true,
        secondStageUrl: '/concertations',
      });
      // back to everyone: the typologies go with it; null clears the link
      const back = (
        await t.gql(UPDATE_TYPE, { id, i: { signers: 'EVERYONE', secondStageUrl: null } }, admin)
      ).data.updatePetitionType;
      expect(back).toMatchObject({
        signers: 'EVERYONE',
        typologies: [],
        secondStageUrl: null,
        threshold: 50,
      });
      const [log] = await t.sql(
        `SELECT count(*)::int AS n FROM action_logs WHERE resource_type = 'petition_type' AND resource_id = $1 AND action = 'update_type'`,
        [id],
      );
      expect(log.n).toBe(2);
    });
  });

  describe('petitionQueue', () => {
    it('lists VALIDATING and ended unanswered petitions, across components, only to the admins of their space', async () => {
      const typeId = await newType();
      const author = await t.register('Autrice de la file');
      const make = async (title: string) =>
        (
          await t.gql(
            CREATE,
            { i: { typeId, title, body: '<p>Réunir les acteurs.</p>' } },
            author.token,
          )
        ).data.createPetition.id as string;
      const draft = await make('Un brouillon');
      const waiting = await make('En attente de validation');
      const ended = await make('Collecte terminée');
      const open = await make('Collecte ouverte');
      for (const id of [waiting, ended, open]) await t.gql(SUBMIT, { id }, author.token);
      for (const id of [ended, open])
        expect((await t.gql(PUBLISH, { id }, admin)).data.publishPetition.state).toBe('PUBLISHED');
      await t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [ended]);

      expect(errorCode(await t.gql(QUEUE))).toBe('UNAUTHENTICATED');
      expect((await t.gql(QUEUE, {}, author.token)).data.petitionQueue).toEqual([]);
      const queue = (await t.gql(QUEUE, {}, admin)).data.petitionQueue as {
        id: string;
        state: string;
      }[];
      const mine = queue.filter((p) => [draft, waiting, ended, open].includes(p.id));
      expect(mine.map((p) => [p.id, p.state]).sort()).toEqual(
        [
          [ended, 'REJECTED'],
          [waiting, 'VALIDATING'],
        ].sort(),
      );
      expect(queue.every((p) => ['VALIDATING', 'ACCEPTED', 'REJECTED'].includes(p.state))).toBe(
        true,
      );
      // decided at the period end with the threshold of that moment: lowering the type's threshold afterwards changes nothing
      expect(
        (await t.gql(UPDATE_TYPE, { id: typeId, i: { threshold: 1 } }, admin)).data
          .updatePetitionType.threshold,
      ).toBe(1);
      const decided = (
        await t.gql(
          `query($id: ID!) { petition(id: $id) { state threshold } }`,
          { id: ended },
          admin,
        )
      ).data.petition;
      expect(decided).toEqual({ state: 'REJECTED', threshold: 3 });

      // a space admin sees the queue of their own space only
      const spaceAdmin = await t.register('Administratrice d’espace');
      await t.gql(
        `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { id } }`,
        { i: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } },
        admin,
      );
      const theirs = (await t.gql(QUEUE, {}, spaceAdmin.token)).data.petitionQueue as {
        id: string;
      }[];
      expect(theirs.map((p) => p.id)).toEqual(expect.arrayContaining([waiting, ended]));
      const [{ n: elsewhere }] = await t.sql(
        `SELECT count(*)::int AS n FROM petitions p JOIN components c ON c.id = p.component_id WHERE p.id = ANY($1) AND c.space_id <> $2`,
        [theirs.map((p) => p.id), spaceId],
      );
      expect(elsewhere).toBe(0);
    });
  });

  describe('myPetitions', () => {
    it('pages the petitions a member started, promotes or signed, newest first, exactly once each; signed-in only; bad page arguments refused', async () => {
      const typeId = await newType({ minCommitteeSize: 1 });
      const me = await t.register('Membre engagée');
      const other = await t.register('Autre autrice');
      const create = async (by: string, title: string) =>
        (await t.gql(CREATE, { i: { typeId, title, body: '<p>Texte.</p>' } }, by)).data
          .createPetition.id as string;
      const started = [
        await create(me.token, 'Ma première'),
        await create(me.token, 'Ma deuxième'),
      ];
      const promoted = await create(other.token, 'Je suis au comité');
      const token = (await t.gql(INVITE, { p: promoted }, other.token)).data
        .invitePetitionCommittee;
      await t.gql(ACCEPT, { t: token }, me.token);
      const signed = await create(other.token, 'Je l’ai signée');
      const helper = await t.register('Comité de l’autre');
      const token2 = (await t.gql(INVITE, { p: signed }, other.token)).data.invitePetitionCommittee;
      await t.gql(ACCEPT, { t: token2 }, helper.token);
      await t.gql(SUBMIT, { id: signed }, other.token);
      await t.gql(PUBLISH, { id: signed }, admin);
      await t.gql(SIGN, { p: signed }, me.token);
      await create(other.token, 'Sans lien avec moi');

      expect(errorCode(await t.gql(MINE, {}))).toBe('UNAUTHENTICATED');
      const all = (await t.gql(MINE, {}, me.token)).data.myPetitions;
      expect(all.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        signed,
        promoted,
        started[1],
        started[0],
      ]);
      expect(all.hasNextPage).toBe(false);

      // two by two: the pages join without a gap or a repeat
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page += 1) {
        const res: { hasNextPage: boolean; endCursor: string; edges: { node: { id: string } }[] } =
          (await t.gql(MINE, { first: 2, after }, me.token)).data.myPetitions;
        seen.push(...res.edges.map((e) => e.node.id));
        after = res.endCursor;
        if (!res.hasNextPage) break;
      }
      expect(seen).toEqual([signed, promoted, started[1], started[0]]);

      const ids = async (r: string) =>
        (await t.gql(MINE, { r }, me.token)).data.myPetitions.edges.map(
          (e: { node: { id: string } }) => e.node.id,
        );
      expect(await ids('AUTHOR')).toEqual([started[1], started[0]]);
      expect(await ids('COMMITTEE')).toEqual([promoted]);
      expect(await ids('SIGNED')).toEqual([signed]);

      for (const first of [0, 51, -1]) {
        const res = await t.gql(MINE, { first }, me.token);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions!.field).toBe('first');
      }
      const bad = await t.gql(MINE, { after: 'pas-un-curseur' }, me.token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.field).toBe('after');
    });
  });

  describe('signatures export as XLSX', () => {
    it('streams the same table as the CSV to the author, the committee and admins; 401, 403, 404 otherwise; HEAD builds nothing', async () => {
      const typeId = await newType({ minCommitteeSize: 1 });
      const author = await t.register('Autrice exportatrice');
      const member = await t.register('Membre du comité');
      const id = (
        await t.gql(
          CREATE,
          { i: { typeId, title: 'Une pétition à exporter', body: '<p>Texte.</p>' } },
          author.token,
        )
      ).data.createPetition.id as string;
      await t.gql(
        ACCEPT,
        { t: (await t.gql(INVITE, { p: id }, author.token)).data.invitePetitionCommittee },
        member.token,
      );
      await t.gql(SUBMIT, { id }, author.token);
      await t.gql(PUBLISH, { id }, admin);
      const signers = await Promise.all([1, 2, 3].map((i) => t.register(`Signataire ${i}`)));
      for (const s of signers) await t.gql(SIGN, { p: id }, s.token);
      const get = (token?: string, petitionId = id) =>
        fetch(`${t.baseUrl}/exports/petitions/${petitionId}/signatures.xlsx`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      expect((await get()).status).toBe(401);
      expect((await get(signers[0].token)).status).toBe(403);
      expect((await get(admin, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const head = await fetch(`${t.baseUrl}/exports/petitions/${id}/signatures.xlsx`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${admin}` },
      });
      expect([head.status, head.headers.get('allow')]).toEqual([405, 'GET']);
      for (const token of [author.token, member.token, admin]) {
        const res = await get(token);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('spreadsheetml');
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet('Signatures')!;
        expect(sheet.rowCount).toBe(4);
        expect(sheet.getRow(1).values).toEqual([
          undefined,
          'n°',
          'signée le (UTC)',
          'typologie du signataire',
          'démonstration',
        ]);
        expect(sheet.getRow(4).getCell(1).value).toBe(3);
        expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
        expect(JSON.stringify(sheet.getSheetValues())).not.toContain('@example.org');
      }
    });
  });
});
