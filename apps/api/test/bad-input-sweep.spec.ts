import { randomUUID } from 'node:crypto';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import {
  Actor,
  buildWorld,
  casesOf,
  changedTables,
  Context,
  databaseSnapshot,
  recordWrites,
  Fixtures,
  MutationCase,
  MUTATIONS,
  mutationDocument,
  Prepared,
  publishedSchema,
  User,
  userOf,
  World,
  disposableUser,
} from './mutation-catalogue';
import { startTestApp, TestApp } from './test-app';

/**
 * The bad-input sweep: every argument of every mutation, replaced one at a time by hostile
 * values chosen from its schema type, sent by the most powerful actor allowed to run the
 * mutation (so access checks do not hide validation gaps). Every answer must be a GraphQL
 * error with a stable code (never a 500) that changed nothing, or a success that kept
 * rich text sanitised and refused nothing it should have refused (blank text, negative
 * counts, garbage dates, ids of another space mixed with this one's, 100 kB strings).
 */

/** Codes a client may receive; INTERNAL_SERVER_ERROR is never acceptable. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'LIMIT_REACHED',
  'UNAUTHENTICATED',
  'SURVEY_CLOSED',
  'MOTION_NOT_OPEN',
  'MOTION_CLOSED',
  'PETITION_NOT_OPEN',
  'TOO_MANY_REQUESTS',
  'WRONG_PASSWORD',
  'PAYLOAD_TOO_LARGE',
  'REGISTRATION_CLOSED',
]);

/** What a successful hostile value must not have done. */
type Rule = 'mustFail' | 'sanitised' | 'any';
interface Variant {
  label: string;
  value: unknown;
  rule: Rule;
}
type Path = (string | number)[];

const deepJson = (depth: number): unknown => {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** Text fields that must hold something visible (refused blank, whitespace-only or zero-width-only). */
const VISIBLE_TEXT =
  /^(title|body|name|slug|markdown|reason|email|password|token|labels|rows|kind|type)$/;
/** Free-text fields whose size has no business reaching 100 kB. */
const BOUNDED_EXCEPT = new Set<string>(['markdown']); // a whole charter: up to 500,000 characters
const DATE_FIELD = /(At|Date)$/;

/** Dates PostgreSQL cannot hold (22008) or JS bends: year 0, 4714 BC, the earliest JS date, and 29 February of a common year. */
const OUT_OF_RANGE_DATES: Variant[] = [
  { label: 'year 0', value: '0000-12-31T00:00:00Z', rule: 'mustFail' },
  { label: '4714 BC', value: '-004714-01-01T00:00:00Z', rule: 'mustFail' },
  { label: 'the earliest JS date', value: '-271821-04-20T00:00:00.000Z', rule: 'mustFail' },
  { label: '29 February of a common year', value: '2025-02-29T00:00:00Z', rule: 'mustFail' },
];

function stringVariants(field: string, nonNull: boolean): Variant[] {
  const visible = VISIBLE_TEXT.test(field) && (nonNull || /^(title|body|name|slug)$/.test(field));
  const blank: Rule = visible ? 'mustFail' : 'any';
  const variants: Variant[] = [
    { label: 'an empty string', value: '', rule: blank },
    { label: 'whitespace only', value: ' \n\t  ', rule: blank },
    {
      label: 'zero-width characters only',
      value: '\u200B\u200B\u200B\u200D\uFEFF'.repeat(4),
      rule: blank,
    },
    {
      label: 'a 100 kB string',
      value: 'a'.repeat(100_000),
      rule: BOUNDED_EXCEPT.has(field) ? 'any' : 'mustFail',
    },
    {
      label: 'a script tag',
      value: '<script>alert(1)</script> Texte suffisamment long pour passer',
      rule: 'sanitised',
    },
    {
      label: 'an img onerror',
      value: '<img src=x onerror=alert(1)> Texte suffisamment long pour passer',
      rule: 'sanitised',
    },
    {
      label: 'an SQL-looking string',
      value: "'; DROP TABLE users; -- et du texte en plus",
      rule: 'any',
    },
    {
      label: 'an RTL override and combining marks',
      value: '\u202Etxt.exe e\u0301\u0301\u0301\u0301 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
      rule: 'any',
    },
    { label: 'emoji', value: '🩺💉🇫🇷👩🏽‍⚕️ santé numérique 🧬', rule: 'any' },
    {
      label: 'a NUL character',
      value: 'Texte avec un caractère \u0000 nul au milieu',
      rule: 'any',
    },
    { label: 'a lone surrogate', value: 'Texte avec une moitié \uD800 de paire', rule: 'any' },
    { label: 'a number instead of a string', value: 42, rule: 'mustFail' },
  ];
  if (DATE_FIELD.test(field)) {
    variants.push(
      { label: 'not a date', value: 'pas une date', rule: 'mustFail' },
      { label: 'an impossible date', value: '2026-02-30T25:61:00Z', rule: 'mustFail' },
      { label: 'a five-digit year', value: '+99999-01-01T00:00:00Z', rule: 'mustFail' },
      ...OUT_OF_RANGE_DATES,
      { label: 'year 0 as a bare day', value: '0000-01-01', rule: 'mustFail' },
      { label: '30 February as a bare day', value: '2026-02-30', rule: 'mustFail' },
    );
  }
  return variants;
}

function scalarVariants(
  typeName: string,
  field: string,
  nonNull: boolean,
  foreign: unknown,
  current: unknown,
): Variant[] {
  switch (typeName) {
    case 'String':
      return stringVariants(field, nonNull);
    case 'ID':
      return [
        { label: 'an empty id', value: '', rule: 'mustFail' },
        { label: 'a malformed id', value: 'pas-un-uuid', rule: 'mustFail' },
        { label: 'an SQL-looking id', value: "1' OR '1'='1", rule: 'mustFail' },
        { label: 'a huge id', value: 'f'.repeat(100_000), rule: 'mustFail' },
        { label: 'a nil uuid', value: '00000000-0000-0000-0000-000000000000', rule: 'any' },
        { label: 'an unknown uuid', value: randomUUID(), rule: 'any' },
        ...(typeof foreign === 'string' && foreign !== current
          ? [
              {
                label: 'the id of the same kind of resource in another space',
                value: foreign,
                rule: 'any' as Rule,
              },
            ]
          : []),
      ];
    case 'Int':
      return [
        { label: '-1', value: -1, rule: 'mustFail' },
        { label: 'the largest 32-bit integer', value: 2147483647, rule: 'any' },
        { label: 'the smallest 32-bit integer', value: -2147483648, rule: 'mustFail' },
        { label: '2^53', value: 2 ** 53, rule: 'mustFail' },
        { label: 'a fraction', value: 1.5, rule: 'mustFail' },
        { label: '"NaN"', value: 'NaN', rule: 'mustFail' },
      ];
    case 'Float':
      return [
        { label: '-1', value: -1, rule: 'mustFail' },
        { label: '1e308', value: 1e308, rule: 'mustFail' },
        { label: '5e-324', value: 5e-324, rule: 'any' },
        { label: '"NaN"', value: 'NaN', rule: 'mustFail' },
        { label: '"Infinity"', value: 'Infinity', rule: 'mustFail' },
      ];
    case 'Boolean':
      return [{ label: 'a string instead of a boolean', value: 'vrai', rule: 'mustFail' }];
    case 'DateTime':
      return [
        { label: 'not a date', value: 'pas une date', rule: 'mustFail' },
        { label: 'an impossible date', value: '2026-02-30T25:61:00Z', rule: 'mustFail' },
        { label: 'year 1', value: '0001-01-01T00:00:00Z', rule: 'any' },
        { label: 'a five-digit year', value: '+99999-01-01T00:00:00Z', rule: 'mustFail' },
        ...OUT_OF_RANGE_DATES,
        { label: '30 February', value: '2026-02-30T10:00:00Z', rule: 'mustFail' },
        { label: 'a day without a time', value: '2026-03-01', rule: 'mustFail' },
        { label: 'a time without an offset', value: '2026-03-01T10:00:00', rule: 'mustFail' },
        { label: 'a boolean', value: true, rule: 'mustFail' },
        { label: 'a list', value: [1], rule: 'mustFail' },
        { label: 'a fraction', value: 1.5, rule: 'mustFail' },
        { label: 'the smallest JS timestamp', value: -8640000000000000, rule: 'mustFail' },
      ];
    case 'JSON':
      return [
        { label: 'JSON nested 3,000 levels deep', value: deepJson(3000), rule: 'mustFail' },
        {
          label: 'a JSON array of 100,000 items',
          value: Array.from({ length: 100_000 }, () => 0),
          rule: 'mustFail',
        },
        { label: 'a JSON string', value: 'réglages', rule: 'mustFail' },
        { label: 'a JSON number', value: 42, rule: 'mustFail' },
        {
          label: 'unknown JSON keys',
          value: { clefInconnue: '<script>alert(1)</script>' },
          rule: 'mustFail',
        },
        {
          label: 'known JSON keys of the wrong type',
          value: { supportLimit: -5, supportsState: 'PEUT-ÊTRE', amendmentsEnabled: 'oui' },
          rule: 'mustFail',
        },
        {
          label: 'a prototype-polluting JSON key',
          value: JSON.parse(
            '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}',
          ),
          rule: 'mustFail',
        },
      ];
    default:
      return [{ label: 'a number', value: 42, rule: 'any' }];
  }
}

/** Sets `value` at `path` in a deep copy of `root` (creating objects on the way). */
function withValue(
  root: Record<string, unknown>,
  path: Path,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: any = copy;
  for (let i = 0; i < path.length - 1; i++) {
    if (node[path[i]] === undefined || node[path[i]] === null)
      node[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[path[i]];
  }
  node[path[path.length - 1]] = value;
  return copy;
}

const at = (root: unknown, path: Path): unknown =>
  path.reduce<any>((node, key) => (node == null ? undefined : node[key]), root);

/** Every (path, variant) of one argument, from its schema type and its valid value. */
function* variantsOf(
  type: GraphQLInputType,
  path: Path,
  valid: Record<string, unknown>,
  foreign: Record<string, unknown> | null,
  depth = 0,
): Generator<[Path, Variant]> {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  const field = String([...path].reverse().find((p) => typeof p === 'string'));
  const current = at(valid, path);
  if (nonNull && depth === 0)
    yield [path, { label: 'null for a required argument', value: null, rule: 'mustFail' }];
  if (isListType(inner)) {
    const element = Array.isArray(current) && current.length ? current[0] : randomUUID();
    yield [path, { label: 'an empty list', value: [], rule: 'any' }];
    yield [
      path,
      {
        label: 'a list of 20,000 items',
        value: Array.from({ length: 20_000 }, () => element),
        rule: 'mustFail',
      },
    ];
    yield [path, { label: 'the same item twice', value: [element, element], rule: 'any' }];
    if (Array.isArray(current) && current.length && depth < 3)
      yield* variantsOf(inner.ofType, [...path, 0], valid, foreign, depth + 1);
    return;
  }
  if (isInputObjectType(inner)) {
    yield [path, { label: 'a string instead of an object', value: 'objet', rule: 'mustFail' }];
    if (current === undefined || current === null || depth >= 3) return;
    for (const sub of Object.values(inner.getFields()))
      yield* variantsOf(sub.type, [...path, sub.name], valid, foreign, depth + 1);
    return;
  }
  if (isEnumType(inner)) {
    yield [path, { label: 'an unknown enum value', value: 'PAS_UNE_VALEUR', rule: 'mustFail' }];
    yield [
      path,
      {
        label: 'an enum value in lower case',
        value: inner.getValues()[0].value.toLowerCase(),
        rule: 'mustFail',
      },
    ];
    return;
  }
  if (isScalarType(inner)) {
    for (const variant of scalarVariants(
      inner.name,
      field,
      nonNull,
      foreign ? at(foreign, path) : undefined,
      current,
    ))
      yield [path, variant];
  }
}

/** The most powerful actor the case allows (who would see validation rather than a refusal). */
const strongest = (c: MutationCase): Actor | undefined =>
  (['admin', 'spaceAdmin', 'author', 'member', 'participant'] as Actor[]).find(
    (a) => c.access[a] === 'allowed',
  );

describe('bad-input sweep: hostile values for every argument of every mutation', () => {
  let t: TestApp;
  let w: World;
  let schema: GraphQLSchema;
  let htmlColumns: { table: string; column: string }[];
  const tally = { variants: 0, refused: 0, accepted: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await recordWrites(t); // refusals are checked after each request: a cheap change detector
    schema = publishedSchema();
    htmlColumns = await t.sql(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'text' AND column_name IN ('body', 'answer')
          AND table_name IN ('proposals', 'proposal_versions', 'comments', 'motions', 'amendments', 'text_articles', 'article_versions')`,
    );
  }, 120_000);
  afterAll(async () => {
    console.log(
      `bad-input sweep: ${tally.variants} hostile values, ${tally.refused} refused, ${tally.accepted} accepted`,
    );
    await t?.close();
  });

  /** Rows of rich-text (HTML) columns that hold a script, an event handler or a javascript: URL. */
  const unsafeHtml = async (): Promise<string[]> => {
    const query = htmlColumns
      .map(
        ({ table, column }) =>
          `SELECT '${table}.${column}' AS at, left(${column}, 120) AS html FROM ${table} WHERE ${column} ~* '<script|\\son[a-z]+\\s*=|javascript:'`,
      )
      .join(' UNION ALL ');
    return (await t.sql(query)).map((r) => `${r.at}: ${r.html}`);
  };

  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: { code?: string } }[];
      },
    };
  };

  const cases = Object.keys(MUTATIONS).flatMap((name) =>
    casesOf(name).map((c) => [name + (c.label ? ` (${c.label})` : ''), name, c] as const),
  );

  it.each(cases)(
    '%s',
    async (_label, name, c) => {
      const actor = strongest(c);
      if (!actor) return;
      const field = schema.getMutationType()!.getFields()[name] as GraphQLField<unknown, unknown>;
      const newDisposable = async () =>
        c.disposableActor && actor !== 'anonymous' ? disposableUser(t, w, actor) : undefined;
      let disposable = await newDisposable();
      const prepare = async (scope = w.home): Promise<Prepared> => {
        const f = new Fixtures(t, w, scope);
        const context: Context = { t, w, s: scope, f, actor: disposable ?? userOf(w, actor) };
        return c.args(context);
      };
      const tokenOf = (p: Prepared): string | undefined =>
        (disposable ?? (userOf(w, actor, p.owner) as User | undefined))?.token;
      let prepared = await prepare();
      const foreign = (await prepare(w.foreign)).vars;
      const ids = (vars: Record<string, unknown>): string[] =>
        JSON.stringify(vars).match(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        ) ?? [];
      const failures: string[] = [];
      let fresh = true;
      let snapshot: Record<string, string> | null = null;
      for (const arg of field.args) {
        for (const [path, variant] of variantsOf(arg.type, [arg.name], prepared.vars, foreign)) {
          if (!fresh) {
            disposable = (await newDisposable()) ?? disposable;
            prepared = await prepare();
            fresh = true;
            snapshot = null;
          }
          const vars = withValue(prepared.vars, path, variant.value);
          const where = `${name}${c.label ? ` (${c.label})` : ''} ${path.join('.')} = ${variant.label}`;
          // the state after a refused value is the state before the next one (same fixture, nothing pending)
          const before = snapshot ?? (await databaseSnapshot(t));
          const { status, body } = await post(
            mutationDocument(schema, name, vars),
            vars,
            tokenOf(prepared),
          );
          tally.variants += 1;
          if (status >= 500) failures.push(`${where}: HTTP ${status}`);
          if (body.errors?.length) {
            tally.refused += 1;
            const codes = body.errors.map((e) => e.extensions?.code);
            const unknown = codes.filter((code) => !KNOWN_CODES.has(String(code)));
            if (unknown.length)
              failures.push(
                `${where}: code ${unknown.join(', ')} (${body.errors[0].message.slice(0, 160)})`,
              );
            snapshot = await databaseSnapshot(t);
            const changed = changedTables(before, snapshot);
            if (changed.length)
              failures.push(
                `${where}: refused (${codes.join(', ')}) but changed ${changed.join(', ')}`,
              );
            continue;
          }
          tally.accepted += 1;
          fresh = false;
          snapshot = null;
          if (variant.rule === 'mustFail') failures.push(`${where}: ACCEPTED`);
          const homeIds = ids(prepared.vars).filter((id) => !ids(foreign).includes(id));
          if (
            variant.label.startsWith('the id of the same kind') &&
            ids(vars).some((id) => homeIds.includes(id))
          ) {
            failures.push(`${where}: ACCEPTED an id of another space mixed with this space's ids`);
          }
          if (variant.rule === 'sanitised') {
            const unsafe = await unsafeHtml();
            if (unsafe.length) failures.push(`${where}: stored unsafe HTML ${unsafe.join(' | ')}`);
          }
        }
      }
      expect(failures).toEqual([]);
      // a mutation with nested inputs (a ballot's questions, options and census) has hundreds of variants
    },
    300_000,
  );

  it('its change detector sees a committed write and not a rolled-back one', async () => {
    const before = await databaseSnapshot(t);
    await t.sql(`BEGIN; UPDATE participatory_spaces SET updated_at = updated_at; ROLLBACK;`);
    expect(changedTables(before, await databaseSnapshot(t))).toEqual([]);
    await t.sql(`UPDATE participatory_spaces SET updated_at = updated_at WHERE slug = $1`, [
      'structuration-filiere-sante-numerique',
    ]);
    expect(changedTables(before, await databaseSnapshot(t))).toEqual(['participatory_spaces']);
  });

  describe('regressions kept as named cases', () => {
    const CREATE = `mutation($i: CreateAmendmentInput!) { createAmendment(input: $i) { id } }`;

    it('refuses an amendment identical to the current text, also when only white space or invisible characters differ', async () => {
      const f = new Fixtures(t, w, w.home);
      const proposalId = await f.proposal();
      const [proposal] = await t.sql(`SELECT body FROM proposals WHERE id = $1`, [proposalId]);
      const articleId = await f.articleId();
      const [article] = await t.sql(`SELECT body FROM text_articles WHERE id = $1`, [articleId]);
      const before = await databaseSnapshot(t);
      const same = [
        { amendableType: 'ARTICLE', amendableId: articleId, body: article.body },
        {
          amendableType: 'ARTICLE',
          amendableId: articleId,
          body: `  ${article.body.replace(/ /g, '  \u200B')}\u200B `,
        },
        { amendableType: 'PROPOSAL', amendableId: proposalId, body: proposal.body },
        {
          amendableType: 'PROPOSAL',
          amendableId: proposalId,
          body: `${proposal.body}\u200B\u2060`,
        },
      ];
      for (const input of same) {
        const [row] =
          input.amendableType === 'PROPOSAL'
            ? await t.sql(`SELECT title FROM proposals WHERE id = $1`, [proposalId])
            : [{ title: 'Un amendement sans changement' }];
        const res = await t.gql(
          CREATE,
          { i: { ...input, title: row.title } },
          w.users.participant.token,
        );
        expect([input.body.slice(0, 30), res.errors?.[0]?.extensions?.code]).toEqual([
          input.body.slice(0, 30),
          'BAD_USER_INPUT',
        ]);
      }
      expect(changedTables(before, await databaseSnapshot(t))).toEqual([]);
    });

    it('counts only visible characters: a title padded with zero-width spaces to the minimum length is refused', async () => {
      const padded = `Trop court${'\u200B'.repeat(10)}`;
      const res = await t.gql(
        `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
        {
          i: { componentId: w.home.proposalsId, title: padded, body: 'Un corps valable.' },
        },
        w.users.participant.token,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('counts an invisible-only answer to a mandatory text question as unanswered', async () => {
      const f = new Fixtures(t, w, w.home);
      const s = await f.survey();
      await t.gql(
        `mutation($q: ID!) { updateSurveyQuestion(questionId: $q, input: { mandatory: true }) { id } }`,
        { q: s.questionIds[1] },
        w.admin.token,
      );
      const before = await databaseSnapshot(t);
      const res = await t.gql(
        `mutation($s: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $s, answers: $a) { id } }`,
        {
          s: s.surveyId,
          a: [
            { questionId: s.questionIds[0], choices: [{ optionId: s.optionIds[0] }] },
            { questionId: s.questionIds[1], text: '\u200B\u2060 \uFEFF' },
          ],
        },
        w.users.participant.token,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        questionId: s.questionIds[1],
      });
      expect(changedTables(before, await databaseSnapshot(t))).toEqual([]);
    });

    it('keeps emoji sequences whole (zero-width joiners inside text are not trimmed)', async () => {
      const title = 'Soignante 👩🏽‍⚕️ et données de santé 👨‍👩‍👧';
      const res = await t.gql(
        `mutation($i: CreateProposalInput!) { createProposal(input: $i) { title } }`,
        {
          i: { componentId: w.home.proposalsId, title, body: 'Un corps valable.' },
        },
        w.users.participant.token,
      );
      expect(res.data?.createProposal.title).toBe(title);
    });
  });
});
