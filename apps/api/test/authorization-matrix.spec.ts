import { GraphQLSchema } from 'graphql';
import {
  Actor,
  ACTORS,
  buildWorld,
  casesOf,
  changedTables,
  databaseSnapshot,
  recordWrites,
  disposableUser,
  Fixtures,
  MutationCase,
  MUTATIONS,
  mutationDocument,
  Outcome,
  publishedSchema,
  Scope,
  schemaMutations,
  userOf,
  World,
} from './mutation-catalogue';
import { startTestApp, TestApp } from './test-app';

/**
 * The authorization matrix (DESIGN.md: "tests cover anonymous, participant, moderator, admin
 * for each mutation"): every mutation of the published schema, run with valid arguments in the
 * name of each actor. A denial must carry UNAUTHENTICATED (anonymous) or FORBIDDEN/NOT_FOUND
 * and leave every table unchanged; an allowed call must succeed. Then the same calls against
 * another space's resources (space roles do not travel) and against an unpublished space.
 */
describe('authorization matrix: every mutation × every actor', () => {
  let t: TestApp;
  let w: World;
  let schema: GraphQLSchema;
  const tally: Record<string, number> = { allowed: 0, denied: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await recordWrites(t); // refusals are checked after each request: a cheap change detector
    schema = publishedSchema();
  }, 120_000);
  afterAll(async () => {
    console.log(
      `authorization matrix: ${tally.allowed} allowed and ${tally.denied} denied calls checked`,
    );
    await t?.close();
  });

  it('has an entry for every mutation of the schema, and none for a mutation that no longer exists', () => {
    const inSchema = schemaMutations(schema);
    expect(inSchema.filter((name) => !(name in MUTATIONS))).toEqual([]);
    expect(Object.keys(MUTATIONS).filter((name) => !inSchema.includes(name))).toEqual([]);
  });

  /**
   * Runs one (case, actor) pair in a scope and checks the outcome.
   * @returns a description of the failure, or null
   */
  const runPair = async (
    name: string,
    c: MutationCase,
    actor: Actor,
    scope: Scope,
    expected: Outcome,
    hide?: 'space' | 'components' | 'moderated',
  ): Promise<string | null> => {
    const f = new Fixtures(t, w, scope);
    const disposable =
      c.disposableActor && actor !== 'anonymous' ? await disposableUser(t, w, actor) : undefined;
    // the author acts on their own fixture: the builder names them (`owner`)
    const prepared = await c.args({ t, w, s: scope, f, actor: disposable ?? userOf(w, actor) });
    const user = disposable ?? userOf(w, actor, prepared.owner);
    const token = user?.token;
    const spaces = [scope.processId, scope.assemblyId];
    const hidden =
      hide === 'space'
        ? await t.sql(
            `UPDATE participatory_spaces SET published_at = NULL WHERE id = ANY($1) RETURNING id`,
            [spaces],
          )
        : hide === 'components'
          ? await t.sql(
              `UPDATE components SET published_at = NULL WHERE space_id = ANY($1) AND published_at IS NOT NULL RETURNING id`,
              [spaces],
            )
          : hide === 'moderated'
            ? await t.sql(
                `UPDATE proposals SET hidden_at = now() WHERE component_id = $1 AND hidden_at IS NULL RETURNING id`,
                [scope.proposalsId],
              )
            : [];
    if (hide === 'moderated' && !hidden.some((r) => JSON.stringify(prepared.vars).includes(r.id))) {
      await t.sql(`UPDATE proposals SET hidden_at = NULL WHERE id = ANY($1)`, [
        hidden.map((r) => r.id),
      ]);
      return null; // the call does not name a proposal: nothing to check
    }
    try {
      const before = expected === 'denied' ? await databaseSnapshot(t) : null;
      const res = await t.gql(mutationDocument(schema, name, prepared.vars), prepared.vars, token);
      const code = res.errors?.[0]?.extensions?.code;
      const where = `${name}${c.label ? ` (${c.label})` : ''} as ${actor} in ${hide === 'moderated' ? 'a space whose proposals are hidden by moderation' : hide ? `a space with unpublished ${hide}` : `the ${scope.name} space`}`;
      tally[expected] += 1;
      if (expected === 'allowed')
        return res.errors
          ? `${where}: expected allowed, got ${code}: ${res.errors[0].message}`
          : null;
      if (!res.errors) return `${where}: expected denied, but it SUCCEEDED`;
      const codes = actor === 'anonymous' ? ['UNAUTHENTICATED'] : ['FORBIDDEN', 'NOT_FOUND'];
      if (!codes.includes(String(code)))
        return `${where}: expected ${codes.join(' or ')}, got ${code}: ${res.errors[0].message}`;
      const changed = changedTables(before!, await databaseSnapshot(t));
      return changed.length ? `${where}: denied but changed ${changed.join(', ')}` : null;
    } finally {
      const ids = hidden.map((r) => r.id);
      if (hide === 'space')
        await t.sql(`UPDATE participatory_spaces SET published_at = now() WHERE id = ANY($1)`, [
          ids,
        ]);
      if (hide === 'components')
        await t.sql(`UPDATE components SET published_at = now() WHERE id = ANY($1)`, [ids]);
      if (hide === 'moderated')
        await t.sql(`UPDATE proposals SET hidden_at = NULL WHERE id = ANY($1)`, [ids]);
    }
  };

  const rows = Object.keys(MUTATIONS).flatMap((name) =>
    casesOf(name).map((c) => [name + (c.label ? ` (${c.label})` : ''), name, c] as const),
  );

  it.each(rows)(
    '%s: each actor gets the expected outcome; denials change nothing',
    async (_label, name, c) => {
      const failures: string[] = [];
      for (const actor of ACTORS) {
        const expected = c.access[actor];
        if (!expected) continue;
        const failure = await runPair(name, c, actor, w.home, expected);
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
    },
  );

  /** Space-scoped cases: roles and memberships held in the home space give nothing in another space. */
  const scoped = rows.filter(([, , c]) => !c.global && c.access.participant === 'denied');
  it.each(scoped)(
    '%s: space roles of the home space are denied on another space',
    async (_label, name, c) => {
      const failures: string[] = [];
      for (const actor of ['member', 'moderator', 'spaceAdmin'] as Actor[]) {
        if (c.access[actor] !== 'allowed') continue;
        const failure = await runPair(name, c, actor, w.foreign, 'denied');
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
    },
  );

  /** Participant actions on the content of a space or component that is not published: it does not exist for them. */
  const participantCases = rows.filter(
    ([, , c]) => !c.global && c.access.participant === 'allowed',
  );
  it.each(participantCases)(
    '%s: a participant is denied in an unpublished space and in unpublished components',
    async (_label, name, c) => {
      expect(await runPair(name, c, 'participant', w.hidden, 'denied', 'space')).toBeNull();
      expect(await runPair(name, c, 'participant', w.hidden, 'denied', 'components')).toBeNull();
    },
  );

  /** Participant actions naming a proposal hidden by moderation: it does not exist for them. */
  it.each(participantCases)(
    '%s: a participant is denied when the call names a proposal hidden by moderation',
    async (_label, name, c) => {
      expect(await runPair(name, c, 'participant', w.hidden, 'denied', 'moderated')).toBeNull();
    },
  );
});
