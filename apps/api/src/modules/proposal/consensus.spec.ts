import { Client } from 'pg';
import { plantedReactions } from '../../../test/planted-proposal-reactions';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { ConsensusService } from './consensus.service';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const SETTINGS = `mutation($c: ID!, $input: ProposalSettingsInput!) { updateProposalSettings(componentId: $c, input: $input) { disagreementsEnabled } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { id supportsCount viewerReaction } }`;
const DISAGREE = `mutation($id: ID!) { disagreeWithProposal(proposalId: $id) { id disagreementsCount viewerReaction viewerSupports } }`;
const UNDISAGREE = `mutation($id: ID!) { withdrawProposalDisagreement(proposalId: $id) { id disagreementsCount viewerReaction } }`;
const PAGE = `query($c: ID!, $order: ProposalOrder, $first: Int, $after: String) {
  proposals(componentId: $c, order: $order, first: $first, after: $after) {
    consensusVersion pageInfo { hasNextPage endCursor } edges { cursor node { id title supportsCount disagreementsCount } } } }`;

describe('proposals: « pas d’accord » held by PostgreSQL, CONSENSUS order across opinion groups', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  const users: { token: string; id: string; email: string }[] = [];

  const newComponent = async (
    settings: Record<string, unknown> = { disagreementsEnabled: true },
  ) => {
    const res = await t.gql(
      CREATE_COMPONENT,
      {
        input: { spaceId, type: 'PROPOSALS', title: 'Propositions par consensus', published: true },
      },
      admin,
    );
    const id = res.data.createComponent.id as string;
    expect((await t.gql(SETTINGS, { c: id, input: settings }, admin)).errors).toBeUndefined();
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
  const rows = async (proposalId: string) => {
    const [row] = await t.sql(
      `SELECT p.disagreements_count, (SELECT count(*) FROM proposal_disagreements d WHERE d.proposal_id = p.id)::int AS disagreements,
              (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)::int AS supports FROM proposals p WHERE p.id = $1`,
      [proposalId],
    );
    expect(row.disagreements_count).toBe(row.disagreements); // the counter always equals the rows
    return row as { disagreements: number; supports: number };
  };
  const allPages = async (componentId: string, first: number, after?: string) => {
    const ids: string[] = [];
    let cursor = after;
    for (;;) {
      const res = await t.gql(PAGE, { c: componentId, order: 'CONSENSUS', first, after: cursor });
      expect(res.errors).toBeUndefined();
      ids.push(...res.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.data.proposals.pageInfo.hasNextPage) return ids;
      cursor = res.data.proposals.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
    for (let i = 0; i < 24; i++) users.push(await t.register(`Participant ${i}`));
  }, 120_000);
  afterAll(() => t.close());

  it('disagrees and withdraws; a support and a « pas d’accord » exclude each other (CONFLICT)', async () => {
    const componentId = await newComponent();
    const id = await propose(componentId, users[0].token, 'Une proposition discutée par tous');
    const res = await t.gql(DISAGREE, { id }, users[1].token);
    expect(res.errors).toBeUndefined();
    expect(res.data.disagreeWithProposal).toMatchObject({
      disagreementsCount: 1,
      viewerReaction: 'DISAGREE',
      viewerSupports: false,
    });
    expect(
      (await t.gql(DISAGREE, { id }, users[1].token)).data.disagreeWithProposal.disagreementsCount,
    ).toBe(1); // twice: a no-op
    const support = await t.gql(SUPPORT, { id }, users[1].token);
    expect(errorCode(support)).toBe('CONFLICT');
    expect(support.errors![0].extensions!.reason).toBe('disagreed');
    expect(
      (await t.gql(UNDISAGREE, { id }, users[1].token)).data.withdrawProposalDisagreement,
    ).toMatchObject({ disagreementsCount: 0, viewerReaction: null });
    expect((await t.gql(SUPPORT, { id }, users[1].token)).data.supportProposal.viewerReaction).toBe(
      'SUPPORT',
    );
    const disagree = await t.gql(DISAGREE, { id }, users[1].token);
    expect(errorCode(disagree)).toBe('CONFLICT');
    expect(disagree.errors![0].extensions!.reason).toBe('supported');
    expect(await rows(id)).toEqual({ disagreements_count: 0, disagreements: 0, supports: 1 });
  });

  it('race: one participant’s 20 concurrent supports and « pas d’accord » leave exactly one reaction; 20 participants’ concurrent « pas d’accord » are all counted', async () => {
    const componentId = await newComponent();
    const id = await propose(componentId, users[0].token, 'Une proposition très disputée');
    const mixed = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(i % 2 ? SUPPORT : DISAGREE, { id }, users[2].token),
      ),
    );
    expect(mixed.every((r) => !r.errors || errorCode(r) === 'CONFLICT')).toBe(true);
    const after = await rows(id);
    expect(after.disagreements + after.supports).toBe(1);
    const many = await Promise.all(users.slice(3, 23).map((u) => t.gql(DISAGREE, { id }, u.token)));
    expect(many.every((r) => !r.errors)).toBe(true);
    expect((await rows(id)).disagreements).toBe(after.disagreements + 20);
  });

  it('race in PostgreSQL itself: concurrent raw inserts of both kinds for one (proposal, user) leave exactly one row', async () => {
    const componentId = await newComponent();
    const id = await propose(componentId, users[0].token, 'Une proposition pour la base seule');
    const user = users[23].id;
    // 16 clients, each on its own connection, each inserting in its own transaction
    const clients = Array.from(
      { length: 16 },
      () => new Client({ connectionString: t.databaseUrl }),
    );
    await Promise.all(clients.map((c) => c.connect()));
    const results = await Promise.allSettled(
      clients.map(async (c, i) => {
        await c.query('BEGIN');
        try {
          if (i % 2)
            await c.query(
              `INSERT INTO proposal_supports (proposal_id, component_id, user_id, counted) VALUES ($1, $2, $3, true) ON CONFLICT DO NOTHING`,
              [id, componentId, user],
            );
          else
            await c.query(
              `INSERT INTO proposal_disagreements (proposal_id, component_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
              [id, componentId, user],
            );
          await c.query('COMMIT');
        } catch (error) {
          await c.query('ROLLBACK');
          throw error;
        }
      }),
    );
    await Promise.all(clients.map((c) => c.end()));
    // the first kind to commit wins; every insert of the other kind is refused by the trigger
    expect(results.filter((r) => r.status === 'rejected').length).toBe(8);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('23505');
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const [{ n }] = await t.sql(
      `SELECT (SELECT count(*) FROM proposal_supports WHERE proposal_id = $1 AND user_id = $2) + (SELECT count(*) FROM proposal_disagreements WHERE proposal_id = $1 AND user_id = $2) AS n`,
      [id, user],
    );
    expect(Number(n)).toBe(1);
  });

  it('bad input: setting off (FORBIDDEN disagreementsDisabled), withdrawn proposal (FORBIDDEN), hidden proposal (NOT_FOUND), CONSENSUS where off — nothing written', async () => {
    const off = await newComponent({ disagreementsEnabled: false });
    const a = await propose(off, users[0].token, 'Une proposition sans désaccord');
    const refused = await t.gql(DISAGREE, { id: a }, users[1].token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.reason).toBe('disagreementsDisabled');
    const order = await t.gql(PAGE, { c: off, order: 'CONSENSUS', first: 5 });
    expect(errorCode(order)).toBe('BAD_USER_INPUT');
    expect(order.errors![0].extensions!.field).toBe('order');

    const on = await newComponent();
    const withdrawn = await propose(on, users[0].token, 'Une proposition bientôt retirée');
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { withdrawProposal(id: $id) { id } }`,
          { id: withdrawn },
          users[0].token,
        )
      ).errors,
    ).toBeUndefined();
    expect(errorCode(await t.gql(DISAGREE, { id: withdrawn }, users[1].token))).toBe('FORBIDDEN');
    const hidden = await propose(on, users[0].token, 'Une proposition masquée par la modération');
    await t.sql(`UPDATE proposals SET hidden_at = now() WHERE id = $1`, [hidden]);
    expect(errorCode(await t.gql(DISAGREE, { id: hidden }, users[1].token))).toBe('NOT_FOUND');
    for (const id of [a, withdrawn, hidden]) expect((await rows(id)).disagreements).toBe(0);
    expect(errorCode(await t.gql(DISAGREE, { id: a }))).toBe('UNAUTHENTICATED');
  });

  it('known answer: with two planted opinion groups, the proposal both support ranks first under CONSENSUS though not most supported', async () => {
    const componentId = await newComponent();
    const { candidates, reactions } = plantedReactions();
    const ids = new Map<string, string>();
    for (const c of candidates)
      ids.set(c.id, await propose(componentId, users[23].token, `Proposition plantée ${c.id}`));
    const participants = new Map<string, number>();
    for (const r of reactions)
      if (!participants.has(r.participant)) participants.set(r.participant, participants.size);
    expect(participants.size).toBe(20);
    for (const r of reactions) {
      const res = await t.gql(
        r.value === 1 ? SUPPORT : DISAGREE,
        { id: ids.get(r.proposal) },
        users[participants.get(r.participant)!].token,
      );
      expect(res.errors).toBeUndefined();
    }
    const consensus = await t.gql(PAGE, { c: componentId, order: 'CONSENSUS', first: 3 });
    expect(consensus.errors).toBeUndefined();
    expect(consensus.data.proposals.edges[0].node.id).toBe(ids.get('BRIDGE'));
    const supported = await t.gql(PAGE, { c: componentId, order: 'MOST_SUPPORTED', first: 1 });
    expect(supported.data.proposals.edges[0].node.id).not.toBe(ids.get('BRIDGE'));
    expect(supported.data.proposals.edges[0].node.supportsCount).toBeGreaterThan(
      consensus.data.proposals.edges[0].node.supportsCount,
    );
    const [snapshot] = await t.sql(
      `SELECT group_count, clustered_count FROM proposal_consensus_snapshots WHERE component_id = $1 ORDER BY version DESC LIMIT 1`,
      [componentId],
    );
    expect(snapshot).toEqual({ group_count: 2, clustered_count: 20 });
  });

  it('paging follows the snapshot the cursor names: no repeat, no skip across a recomputation; a pruned snapshot gives consensusSnapshotExpired', async () => {
    const service = t.app.get(ConsensusService);
    const interval = service.intervalSeconds;
    const retention = service.retentionSeconds;
    try {
      service.intervalSeconds = 0;
      const componentId = await newComponent();
      const ids: string[] = [];
      for (let i = 0; i < 7; i++)
        ids.push(await propose(componentId, users[0].token, `Proposition paginée numéro ${i}`));
      for (let i = 0; i < 4; i++) await t.gql(SUPPORT, { id: ids[6 - i] }, users[1 + i].token);
      const whole = await allPages(componentId, 100);
      const first = await t.gql(PAGE, { c: componentId, order: 'CONSENSUS', first: 3 });
      const version = first.data.proposals.consensusVersion as number;
      expect(first.data.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
        whole.slice(0, 3),
      );
      // the ranking changes and a later proposal arrives; a new first page recomputes…
      for (const u of users.slice(5, 12)) await t.gql(SUPPORT, { id: ids[0] }, u.token);
      const late = await propose(
        componentId,
        users[0].token,
        'Proposition arrivée après le classement',
      );
      const fresh = await t.gql(PAGE, { c: componentId, order: 'CONSENSUS', first: 3 });
      expect(fresh.data.proposals.consensusVersion).toBe(version + 1);
      expect(fresh.data.proposals.edges[0].node.id).toBe(ids[0]);
      // …while the old cursor continues on its own snapshot, the late proposal after it
      const rest = await allPages(componentId, 2, first.data.proposals.pageInfo.endCursor);
      expect([...whole.slice(0, 3), ...rest]).toEqual([...whole, late]);
      // once its snapshot is pruned, the old cursor gets a coded error
      service.retentionSeconds = 0;
      await t.gql(SUPPORT, { id: ids[1] }, users[20].token);
      expect(
        (await t.gql(PAGE, { c: componentId, order: 'CONSENSUS', first: 3 })).data.proposals
          .consensusVersion,
      ).toBe(version + 2);
      const expired = await t.gql(PAGE, {
        c: componentId,
        order: 'CONSENSUS',
        first: 3,
        after: first.data.proposals.pageInfo.endCursor,
      });
      expect(errorCode(expired)).toBe('BAD_USER_INPUT');
      expect(expired.errors![0].extensions).toMatchObject({
        field: 'after',
        reason: 'consensusSnapshotExpired',
      });
    } finally {
      service.intervalSeconds = interval;
      service.retentionSeconds = retention;
    }
  });
});
