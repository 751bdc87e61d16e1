import { createHash, randomBytes } from 'node:crypto';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { waitUntil } from '../../../test/wait-until';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { seededRandom } from '../../common/opinion/seeded-random';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { type AnalysisSnapshot, DebateAnalysisService } from './debate-analysis.service';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const UPDATE_COMPONENT = `mutation($id: ID!, $input: UpdateComponentInput!) { updateComponent(id: $id, input: $input) { id } }`;
const CREATE = `mutation($i: CreateDebateInput!) { createDebate(input: $i) { id title link participantsCount statementsCount viewerCanModerate } }`;
const ADD = `mutation($i: AddDebateStatementInput!) { addDebateStatement(input: $i) { id body state seeded hidden votesCount agreeCount viewerIsAuthor viewerVote } }`;
const VOTE = `mutation($i: VoteDebateStatementInput!) { voteDebateStatement(input: $i) { id votesCount agreeCount disagreeCount passCount viewerVote } }`;
const NEXT = `query($d: ID!) { debateNextStatement(debateId: $d) { id body votesCount } }`;
const STATEMENTS = `query($d: ID!, $f: DebateStatementFilter) { debateStatements(debateId: $d, filter: $f) { id body state hidden viewerIsAuthor } }`;
const MODERATE = `mutation($id: ID!, $p: Boolean!) { moderateDebateStatement(id: $id, publish: $p) { id state } }`;
const ANALYSIS = `query($d: ID!) { debateAnalysis(debateId: $d) {
  participantCount clusteredCount voteCount silhouette
  groups { id label size centroid { x y } points { x y } representatives { statementId body repfulFor share significant } }
  ungrouped { x y }
  consensus { statementId body consensus groups { groupId agree disagree seen } }
  divisive { statementId divisiveness }
  statements { statementId agree disagree pass }
  viewerPosition { x y groupId } } }`;

describe('Débats: statements, votes held by PostgreSQL, next statement, analysis snapshots', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let componentId: string;

  /** Signed-in users made in bulk (rows and sessions written directly, as the meeting race does). */
  const bulkUsers = async (n: number): Promise<{ token: string; id: string }[]> => {
    const tokens = Array.from({ length: n }, () => randomBytes(24).toString('base64url'));
    const tag = randomBytes(4).toString('hex');
    const users = await t.sql<{ id: string }>(
      `INSERT INTO users (name, email, password_hash) SELECT 'Votant·e ' || i, 'debat-' || $2 || '-' || i || '@example.org', 'x' FROM generate_series(1, $1) i RETURNING id`,
      [n, tag],
    );
    await t.sql(
      `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT unnest($1::uuid[]), unnest($2::text[]), now() + interval '1 day'`,
      [users.map((u) => u.id), tokens.map((tk) => createHash('sha256').update(tk).digest('hex'))],
    );
    return users.map((u, i) => ({ id: u.id, token: tokens[i] }));
  };
  const debate = async (title = 'Quelle action la filière doit-elle mener en priorité ?') => {
    const res = await t.gql(CREATE, { i: { componentId, title } }, admin);
    expect(res.errors).toBeUndefined();
    return res.data.createDebate as { id: string; link: string };
  };
  const add = async (debateId: string, body: string, token = admin) => {
    const res = await t.gql(ADD, { i: { debateId, body } }, token);
    expect(res.errors).toBeUndefined();
    return res.data.addDebateStatement as {
      id: string;
      state: string;
      seeded: boolean;
      viewerVote: string | null;
    };
  };
  const vote = (statementId: string, choice: string, token: string) =>
    t.gql(VOTE, { i: { statementId, choice } }, token);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
    componentId = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'DEBATE', title: 'Débat de test', published: true } },
        admin,
      )
    ).data.createComponent.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('an admin opens a debate and seeds statements; a participant adds one, counted as their agree vote; journal lines are written', async () => {
    const d = await debate();
    expect(d.link).toMatch(new RegExp(`/f/${componentId}/debats/${d.id}$`));
    const seed = await add(d.id, 'La filière doit organiser une journée annuelle.');
    expect(seed).toMatchObject({ state: 'PUBLISHED', seeded: true, viewerVote: null });
    const p = await t.register('Participante');
    const own = await add(
      d.id,
      '  Les hôpitaux doivent partager leurs retours d’expérience.  ',
      p.token,
    );
    expect(own).toMatchObject({ state: 'PUBLISHED', seeded: false, viewerVote: 'AGREE' });
    const [stored] = await t.sql(`SELECT body FROM debate_statements WHERE id = $1`, [own.id]);
    expect(stored.body).toBe('Les hôpitaux doivent partager leurs retours d’expérience.');
    const logs = await t.sql(
      `SELECT resource_type, action, visibility FROM action_logs WHERE resource_id = ANY($1::text[]) ORDER BY id`,
      [[d.id, seed.id, own.id]],
    );
    expect(logs).toEqual([
      { resource_type: 'debate', action: 'create', visibility: 'PUBLIC' },
      { resource_type: 'debate_statement', action: 'create', visibility: 'PUBLIC' },
      { resource_type: 'debate_statement', action: 'create', visibility: 'PUBLIC' },
    ]);
  });

  it('bad input gets a coded error and changes nothing: blank, over 280 characters, own hidden statement, unknown or malformed ids', async () => {
    const d = await debate();
    const p = await t.register('Participant');
    const count = async () =>
      (
        await t.sql(`SELECT count(*)::int AS n FROM debate_statements WHERE debate_id = $1`, [d.id])
      )[0].n;
    const blank = await t.gql(ADD, { i: { debateId: d.id, body: ' \u200b \n ' } }, p.token);
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions!.field).toBe('body');
    expect(blank.errors![0].message).toMatch(/vide/);
    const long = await t.gql(ADD, { i: { debateId: d.id, body: 'é'.repeat(281) } }, p.token);
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(long.errors![0].extensions!.field).toBe('body');
    expect(long.errors![0].message).toMatch(/280/);
    expect(await count()).toBe(0);
    // exactly 280 characters (accents count as one) is fine
    await add(d.id, 'é'.repeat(280), p.token);
    expect(await count()).toBe(1);

    const own = await add(d.id, 'Une affirmation qui sera masquée.', p.token);
    await t.sql(`UPDATE debate_statements SET hidden_at = now() WHERE id = $1`, [own.id]);
    const before = await t.sql(
      `SELECT value, updated_at FROM debate_votes WHERE statement_id = $1`,
      [own.id],
    );
    const onHidden = await vote(own.id, 'DISAGREE', p.token);
    expect(errorCode(onHidden)).toBe('CONFLICT');
    expect(onHidden.errors![0].extensions!.field).toBe('statementId');
    expect(onHidden.errors![0].message).toMatch(/masquée/);
    expect(
      await t.sql(`SELECT value, updated_at FROM debate_votes WHERE statement_id = $1`, [own.id]),
    ).toEqual(before);
    // someone else's hidden statement does not exist for them
    const other = await t.register('Autre');
    expect(errorCode(await vote(own.id, 'AGREE', other.token))).toBe('NOT_FOUND');
    // the author still sees it among their own, marked hidden
    const mine = (await t.gql(STATEMENTS, { d: d.id, f: 'MINE' }, p.token)).data
      .debateStatements as { id: string; hidden: boolean }[];
    expect(mine.find((s) => s.id === own.id)?.hidden).toBe(true);
    expect(errorCode(await vote('00000000-0000-4000-8000-000000000000', 'AGREE', p.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await vote('pas-un-uuid', 'AGREE', p.token))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql(VOTE, { i: { statementId: own.id, choice: 'MAYBE' } }, p.token)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await vote(own.id, 'AGREE', ''))).toBe('UNAUTHENTICATED');
  });

  it('a vote is changeable; 30 concurrent votes by one participant on one statement leave exactly one row', async () => {
    const d = await debate();
    const s = await add(d.id, 'Un guichet unique pour les industriels.');
    const [u] = await bulkUsers(1);
    expect((await vote(s.id, 'AGREE', u.token)).data.voteDebateStatement).toMatchObject({
      votesCount: 1,
      agreeCount: 1,
      viewerVote: 'AGREE',
    });
    expect((await vote(s.id, 'DISAGREE', u.token)).data.voteDebateStatement).toMatchObject({
      votesCount: 1,
      agreeCount: 0,
      disagreeCount: 1,
      viewerVote: 'DISAGREE',
    });
    const choices = ['AGREE', 'DISAGREE', 'PASS'];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => vote(s.id, choices[i % 3], u.token)),
    );
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const rows = await t.sql(
      `SELECT value FROM debate_votes WHERE statement_id = $1 AND user_id = $2`,
      [s.id, u.id],
    );
    expect(rows).toHaveLength(1);
    const [{ n }] = await t.sql(
      `SELECT count(*)::int AS n FROM debate_votes WHERE statement_id = $1`,
      [s.id],
    );
    expect(n).toBe(1);
  });

  it('next statement: never one already voted on nor one’s own; unsettled statements first, fewest votes first; null when all are voted', async () => {
    const d = await debate();
    const a = await add(d.id, 'Affirmation A, déjà très votée.');
    const b = await add(d.id, 'Affirmation B, un peu votée.');
    const c = await add(d.id, 'Affirmation C, jamais votée.');
    const voters = await bulkUsers(9);
    for (const v of voters) expect((await vote(a.id, 'AGREE', v.token)).errors).toBeUndefined();
    for (const v of voters.slice(0, 2)) await vote(b.id, 'DISAGREE', v.token);
    const [me] = await bulkUsers(1);
    const mine = await add(d.id, 'Ma propre affirmation.', me.token);
    const order: string[] = [];
    for (;;) {
      const next = (await t.gql(NEXT, { d: d.id }, me.token)).data.debateNextStatement;
      if (!next) break;
      order.push(next.id);
      await vote(next.id, 'PASS', me.token);
    }
    expect(order).toEqual([c.id, b.id, a.id]);
    expect(order).not.toContain(mine.id);
    // with a snapshot, the counts come from it (a 10, b 3, c 1, mine 1 — the author's agree): same rule, same order
    await t.app.get(DebateAnalysisService).recompute(d.id);
    const [other] = await bulkUsers(1);
    const seen: string[] = [];
    for (;;) {
      const next = (await t.gql(NEXT, { d: d.id }, other.token)).data.debateNextStatement;
      if (!next) break;
      seen.push(next.id);
      await vote(next.id, 'AGREE', other.token);
    }
    expect(seen).toEqual([c.id, mine.id, b.id, a.id]);
    expect(errorCode(await t.gql(NEXT, { d: d.id }))).toBe('UNAUTHENTICATED');
  });

  it('moderated setting: a participant’s statement waits; a moderator publishes it; voting on one’s own pending statement is refused', async () => {
    const moderatedComponent = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'DEBATE', title: 'Débat modéré', published: true } },
        admin,
      )
    ).data.createComponent.id;
    const set = await t.gql(
      UPDATE_COMPONENT,
      { id: moderatedComponent, input: { settings: { statementsModerated: true } } },
      admin,
    );
    expect(set.errors).toBeUndefined();
    const d = (
      await t.gql(CREATE, { i: { componentId: moderatedComponent, title: 'Débat modéré' } }, admin)
    ).data.createDebate;
    const p = await t.register('Participante modérée');
    const s = await add(d.id, 'À relire avant publication.', p.token);
    expect(s.state).toBe('PENDING');
    expect(errorCode(await vote(s.id, 'AGREE', p.token))).toBe('CONFLICT');
    const other = await t.register('Curieux');
    expect(errorCode(await vote(s.id, 'AGREE', other.token))).toBe('NOT_FOUND');
    expect((await t.gql(STATEMENTS, { d: d.id }, other.token)).data.debateStatements).toEqual([]);
    expect(
      (await t.gql(STATEMENTS, { d: d.id, f: 'PENDING' }, other.token)).data.debateStatements,
    ).toEqual([]);
    expect(errorCode(await t.gql(MODERATE, { id: s.id, p: true }, other.token))).toBe('FORBIDDEN');
    const queue = (
      await t.gql(
        `query($c: ID!) { moderationQueue(componentId: $c) { resourceType resourceId } }`,
        { c: moderatedComponent },
        admin,
      )
    ).data.moderationQueue;
    expect(queue).toContainEqual({ resourceType: 'DEBATE_STATEMENT', resourceId: s.id });
    expect(
      (await t.gql(MODERATE, { id: s.id, p: true }, admin)).data.moderateDebateStatement.state,
    ).toBe('PUBLISHED');
    expect(errorCode(await t.gql(MODERATE, { id: s.id, p: false }, admin))).toBe('CONFLICT');
    expect((await vote(s.id, 'AGREE', other.token)).data.voteDebateStatement.agreeCount).toBe(2); // the author's agree + this one
  });

  it('analysis: two planted camps come out as two groups on the map, a shared statement tops the consensus; the viewer sees only their own position', async () => {
    const d = await debate('Débat à deux camps');
    const statements: { id: string }[] = [];
    for (let j = 0; j < 8; j++)
      statements.push(await add(d.id, `Affirmation ${j} du débat à deux camps.`));
    const voters = await bulkUsers(24);
    // camp 0 agrees with even statements and disagrees with odd ones; camp 1 the reverse; everybody agrees with statement 0
    const values: string[] = [];
    voters.forEach((v, i) => {
      statements.forEach((s, j) => {
        const camp = i % 2;
        const agree = j === 0 || (j % 2 === 0) === (camp === 0);
        values.push(`('${s.id}', '${v.id}', '${d.id}', ${agree ? 1 : -1})`);
      });
    });
    await t.sql(
      `INSERT INTO debate_votes (statement_id, user_id, debate_id, value) VALUES ${values.join(', ')}`,
    );
    const stored = await t.app.get(DebateAnalysisService).recompute(d.id);
    expect(stored).not.toBeNull();
    const res = await t.gql(ANALYSIS, { d: d.id }, voters[0].token);
    expect(res.errors).toBeUndefined();
    const a = res.data.debateAnalysis;
    expect(a).toMatchObject({ participantCount: 24, clusteredCount: 24, voteCount: 192 });
    expect(a.groups.map((g: { size: number }) => g.size)).toEqual([12, 12]);
    expect(a.groups.map((g: { label: string }) => g.label)).toEqual(['A', 'B']);
    expect(a.consensus[0].statementId).toBe(statements[0].id);
    expect(
      a.groups.every((g: { representatives: unknown[] }) => g.representatives.length > 0),
    ).toBe(true);
    expect(a.viewerPosition.groupId).not.toBeNull();
    // no participant id anywhere in the answer
    const text = JSON.stringify(a);
    for (const v of voters) expect(text).not.toContain(v.id);
    // anonymous readers see the map, without a position
    expect((await t.gql(ANALYSIS, { d: d.id })).data.debateAnalysis.viewerPosition).toBeNull();
    // same votes, same groups
    const again = await t.app.get(DebateAnalysisService).recompute(d.id);
    expect(again!.result.groups).toEqual(stored!.result.groups);
    // the sweep brings every debate up to date (the earlier tests' ones have no snapshot), then has nothing to do;
    // votes deleted (an account erased): the sweep recomputes that debate only
    await t.app.get(DebateAnalysisService).sweep();
    expect(await t.app.get(DebateAnalysisService).sweep()).toBe(0);
    await t.sql(`DELETE FROM debate_votes WHERE debate_id = $1 AND user_id = $2`, [
      d.id,
      voters[0].id,
    ]);
    expect(await t.app.get(DebateAnalysisService).sweep()).toBe(1);
    expect(
      (
        await t.sql(
          `SELECT (result->>'participantCount')::int AS n FROM debate_analyses WHERE debate_id = $1`,
          [d.id],
        )
      )[0].n,
    ).toBe(23);
  });

  it('incremental analysis: after random changes (votes changed, new voters, passes, a transaction running during the read) it equals a full recomputation; deletions and new statements fall back to a full read', async () => {
    const service = t.app.get(DebateAnalysisService);
    const dataSource = t.app.get(DataSource);
    // a second instance with no cache: the reference, reading every vote
    const reference = new DebateAnalysisService(
      dataSource,
      t.app.get(AppConfig),
      t.app.get(DomainEventOutbox),
    );
    const inRepeatableRead = <T>(fn: (m: import('typeorm').EntityManager) => Promise<T>) =>
      dataSource.transaction('REPEATABLE READ', fn);
    const d = await debate('Débat incrémental');
    const statements: { id: string }[] = [];
    for (let j = 0; j < 10; j++)
      statements.push(await add(d.id, `Affirmation ${j} du débat incrémental.`));
    const voters = await bulkUsers(60);
    const random = seededRandom(19);
    const castRandom = async (n: number, among: { id: string }[]) => {
      const values = new Map<string, string>();
      for (let k = 0; k < n; k++) {
        const v = among[Math.floor(random() * among.length)];
        const s = statements[Math.floor(random() * statements.length)];
        const camp = voters.indexOf(v as (typeof voters)[number]) % 3;
        const r = random();
        const value = r < 0.1 ? 0 : r < 0.8 === (camp === statements.indexOf(s) % 3) ? 1 : -1;
        values.set(`${s.id}|${v.id}`, `('${s.id}', '${v.id}', '${d.id}', ${value})`);
      }
      await t.sql(
        `INSERT INTO debate_votes (statement_id, user_id, debate_id, value) VALUES ${[...values.values()].join(', ')}
         ON CONFLICT ON CONSTRAINT debate_votes_once DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      );
      return values.size;
    };
    const expectSame = (a: AnalysisSnapshot, b: AnalysisSnapshot) => {
      expect(a.participantCount).toBe(b.participantCount);
      expect(a.voteCount).toBe(b.voteCount);
      expect(
        a.statements.map(({ id, agree, disagree, pass, groups }) => ({
          id,
          agree,
          disagree,
          pass,
          groups,
        })),
      ).toEqual(
        b.statements.map(({ id, agree, disagree, pass, groups }) => ({
          id,
          agree,
          disagree,
          pass,
          groups,
        })),
      );
      expect(a.consensus).toEqual(b.consensus);
      expect(a.divisive).toEqual(b.divisive);
      expect(a.groups.map((g) => g.size)).toEqual(b.groups.map((g) => g.size));
      a.groups.forEach((g, k) =>
        g.points.forEach(([x, y], n) => {
          expect(Math.abs(x - b.groups[k].points[n][0])).toBeLessThanOrEqual(0.002);
          expect(Math.abs(y - b.groups[k].points[n][1])).toBeLessThanOrEqual(0.002);
        }),
      );
    };
    const check = async (expectIncremental: boolean) => {
      const incremental = await inRepeatableRead((m) => service.compute(m, d.id));
      const full = await inRepeatableRead((m) => reference.compute(m, d.id, 'FULL'));
      expect(incremental.timings.incremental).toBe(expectIncremental);
      expect(full.timings.incremental).toBe(false);
      expectSame(incremental.snapshot, full.snapshot);
      expect(incremental.positions.users).toEqual(full.positions.users);
      expect(incremental.basis).toEqual(full.basis); // the count kept (plus inserted since) equals a count of every vote
      return incremental;
    };

    await castRandom(400, voters.slice(0, 40));
    await check(false); // nothing kept yet: a full read
    for (let round = 0; round < 4; round++) {
      const changed = await castRandom(30, voters.slice(0, 40 + 5 * round)); // changed votes, new ones, new voters
      const r = await check(true);
      expect(r.timings.votesRead).toBe(changed);
    }
    // a vote written by a transaction still running during the analysis is picked up by the next one
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query(
      `INSERT INTO debate_votes (statement_id, user_id, debate_id, value) VALUES ($1, $2, $3, 1)
       ON CONFLICT ON CONSTRAINT debate_votes_once DO UPDATE SET value = -debate_votes.value, updated_at = now()`,
      [statements[3].id, voters[2].id, d.id],
    );
    await check(true);
    await runner.commitTransaction();
    await runner.release();
    expect((await check(true)).timings.votesRead).toBe(1);
    // a process restart (nothing kept): a full read, then incremental again
    service.forgetVotes();
    await check(false);
    await castRandom(5, voters);
    await check(true);
    // votes deleted (an account erased): a full read
    await t.sql(`DELETE FROM debate_votes WHERE debate_id = $1 AND user_id = $2`, [
      d.id,
      voters[1].id,
    ]);
    await check(false);
    // a new statement: a full read
    statements.push(await add(d.id, 'Affirmation tardive du débat incrémental.'));
    await castRandom(20, voters);
    await check(false);
    await castRandom(20, voters);
    await check(true);
  });

  it('background: after votes the analysis is recomputed at most once per interval, and a snapshot row appears', async () => {
    const service = t.app.get(DebateAnalysisService);
    service.enableBackground();
    const runs = async (debateId: string) =>
      (
        await t.sql(
          `SELECT count(*)::int AS n FROM domain_events WHERE type = 'debate.analysisUpdated' AND payload->>'debateId' = $1`,
          [debateId],
        )
      )[0].n as number;
    // interval 1 s: the first vote runs at once, the votes within the second are folded into one more run
    const set = await t.gql(
      UPDATE_COMPONENT,
      { id: componentId, input: { settings: { analysisIntervalSeconds: 1 } } },
      admin,
    );
    expect(set.errors).toBeUndefined();
    const d = await debate('Débat recalculé');
    const s = await add(d.id, 'Affirmation recalculée.');
    const voters = await bulkUsers(6);
    const started = Date.now();
    await Promise.all(voters.map((v) => vote(s.id, 'AGREE', v.token)));
    // waited for as long as a loaded machine needs: the bound on the runs below grows with it
    const deadline = Date.now() + 30_000;
    let row: { basis_votes: number } | undefined;
    while (Date.now() < deadline) {
      [row] = await t.sql(`SELECT basis_votes FROM debate_analyses WHERE debate_id = $1`, [d.id]);
      if (row?.basis_votes === 6) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row?.basis_votes).toBe(6);
    // one run at the first vote, then at most one per elapsed second (usually 2 in all)
    const elapsed = Date.now() - started;
    expect(await runs(d.id)).toBeGreaterThanOrEqual(1);
    expect(await runs(d.id)).toBeLessThanOrEqual(1 + Math.ceil(elapsed / 1000));

    // interval 1 hour: after the first run, more votes wait for the end of the interval
    const slowComponent = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'DEBATE', title: 'Débat lent', published: true } },
        admin,
      )
    ).data.createComponent.id;
    await t.gql(
      UPDATE_COMPONENT,
      { id: slowComponent, input: { settings: { analysisIntervalSeconds: 3600 } } },
      admin,
    );
    const slow = (
      await t.gql(CREATE, { i: { componentId: slowComponent, title: 'Débat lent' } }, admin)
    ).data.createDebate;
    const slowStatement = await add(slow.id, 'Affirmation du débat lent.');
    const [first, ...others] = await bulkUsers(4);
    await vote(slowStatement.id, 'AGREE', first.token);
    await waitUntil(
      'the first run of the slow debate',
      () => runs(slow.id),
      (n) => n > 0,
    );
    expect(await runs(slow.id)).toBe(1);
    for (const v of others) await vote(slowStatement.id, 'DISAGREE', v.token);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await runs(slow.id)).toBe(1);
    expect(
      (await t.sql(`SELECT basis_votes FROM debate_analyses WHERE debate_id = $1`, [slow.id]))[0]
        .basis_votes,
    ).toBe(1);
  });
});
