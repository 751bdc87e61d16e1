import { ErrorCode } from '@concerto/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GraphQLError } from 'graphql';
import * as ts from 'typescript';
import { DomainError } from '../src/common/errors/domain-error';
import { withErrorLanguage } from '../src/common/errors/error-language';
import { formatGraphQLError } from '../src/common/errors/graphql-error.formatter';
import { startTestApp, TestApp } from './test-app';

/**
 * One language for errors: every message a client reads is French by default and English when
 * `Accept-Language` prefers it — Nest's pipes on REST routes, class-validator on GraphQL inputs,
 * the document limits, graphql-js's validation, the HTTP body parser, and domain errors.
 */
describe('error language', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t.close();
  });

  const EN = { 'accept-language': 'en-US,en;q=0.9' };
  const FRENCH_ACCENTS = /[àâçéèêîôûœ«]/;

  it('a malformed UUID on a REST export: « Identifiant invalide. », 400, not Nest’s English « Validation failed »', async () => {
    for (const path of [
      '/exports/surveys/pas-un-uuid/answers.csv',
      '/exports/surveys/1/results.json',
    ]) {
      const fr = await fetch(`${t.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(fr.status).toBe(400);
      expect(await fr.json()).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'Identifiant invalide.',
        field: 'surveyId',
      });
      const en = await fetch(`${t.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${admin}`, ...EN },
      });
      expect(await en.json()).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'Invalid identifier.',
        field: 'surveyId',
      });
    }
  });

  it('class-validator on a GraphQL input: French by default, English on request, same code and field', async () => {
    const versions = await t.currentTermsVersions();
    const register = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;
    const input = {
      name: 'Al',
      email: 'pas-une-adresse',
      password: 'motdepasse-assez-long',
      ...versions,
    };
    const fr = await t.gql(register, { input });
    expect(fr.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: expect.any(String),
    });
    expect(fr.errors?.[0].message).toMatch(/adresse e-mail invalide/);
    const en = await t.gql(register, { input }, undefined, EN);
    expect(en.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: fr.errors?.[0].extensions?.field,
    });
    expect(en.errors?.[0].message).toMatch(/^email: /);
    expect(en.errors?.[0].message).not.toMatch(FRENCH_ACCENTS);
    // each refused field apart, its message without the input key, in the reader's language
    expect(fr.errors?.[0].extensions?.fields).toEqual([
      { field: 'email', message: 'adresse e-mail invalide' },
    ]);
    expect(en.errors?.[0].extensions?.fields).toEqual([
      { field: 'email', message: 'invalid email address' },
    ]);
  });

  it('document limits and graphql-js validation: French, English on request, graphql-js’s text kept in extensions.detail', async () => {
    const unknownField = '{ nope }';
    const fr = await t.gql(unknownField);
    expect(fr.errors?.[0]).toMatchObject({
      message: 'Champ « nope » inconnu sur le type « Query ».',
      extensions: {
        code: 'GRAPHQL_VALIDATION_FAILED',
        detail: expect.stringContaining('Cannot query field "nope"'),
      },
    });
    const en = await t.gql(unknownField, {}, undefined, EN);
    expect(en.errors?.[0].message).toBe('Unknown field "nope" on type "Query".');
    const syntax = await t.gql('{ me { ', {}, undefined, {});
    expect(syntax.errors?.[0]).toMatchObject({
      message: 'Requête GraphQL illisible : erreur de syntaxe.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    const wide = `{ ${Array.from({ length: 1001 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const limits = await t.gql(wide);
    expect(limits.errors?.[0].message).toMatch(
      /^Trop d'alias dans la requête : 1001 \(30 au plus\)\.$/,
    );
  });

  it('a domain error in English: its English twin, or the generic text of its code with the French kept in extensions', async () => {
    const logs = `{ actionLogs { pageInfo { hasNextPage } } }`;
    expect((await t.gql(logs)).errors?.[0]).toMatchObject({
      message: 'Vous devez être connecté·e.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await t.gql(logs, {}, undefined, EN)).errors?.[0]).toMatchObject({
      message: 'You must be signed in.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // every refusal of the API has its English (see « every DomainError … » below): the generic
    // text is only a safety net, shown here on an error built without one
    const bare = new DomainError(ErrorCode.NOT_FOUND, 'Débat introuvable.');
    const formatted = (language: 'fr' | 'en') =>
      withErrorLanguage(language, () =>
        formatGraphQLError(
          { message: bare.message },
          new GraphQLError(bare.message, { originalError: bare }),
        ),
      );
    expect(formatted('fr')).toMatchObject({
      message: 'Débat introuvable.',
      extensions: { code: 'NOT_FOUND' },
    });
    const en = formatted('en');
    expect(en).toMatchObject({
      message: 'Not found.',
      extensions: { code: 'NOT_FOUND', frenchMessage: 'Débat introuvable.' },
    });
    expect(en.message).not.toMatch(FRENCH_ACCENTS);
  });

  it('a proposal or ballot refusal in English: its own English wording, not the generic text of its code', async () => {
    const unknown = `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    for (const [query, french, english] of [
      [`{ proposal(id: "${unknown}") { id } }`, 'Proposition introuvable.', 'Proposal not found.'],
      [`{ ballot(id: "${unknown}") { id } }`, 'Votation introuvable.', 'Ballot not found.'],
    ]) {
      expect((await t.gql(query, {}, admin)).errors?.[0]).toMatchObject({
        message: french,
        extensions: { code: 'NOT_FOUND' },
      });
      const en = (await t.gql(query, {}, admin, EN)).errors?.[0];
      expect(en).toMatchObject({ message: english, extensions: { code: 'NOT_FOUND' } });
      expect(en?.extensions?.frenchMessage).toBeUndefined();
    }
  });

  /** The first error of `query` read in French (no header) and in English: message, code and whether the generic text was used. */
  const bothLanguages = async (
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
  ) => {
    const read = async (headers?: Record<string, string>) => {
      const error = (await t.gql(query, variables, token, headers)).errors?.[0];
      return {
        message: error?.message,
        code: error?.extensions?.code,
        generic: error?.extensions?.frenchMessage !== undefined,
      };
    };
    return { fr: await read(), en: await read(EN) };
  };

  it('a refused ballot choice: worded in French by default, in its own English on request, plurals and numbers kept', async () => {
    const space = await t.gql(
      `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
      {
        input: {
          type: 'PROCESS',
          slug: `langue-votation-${Date.now()}`,
          title: 'Langue des refus',
          published: true,
        },
      },
      admin,
    );
    const component = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      {
        input: {
          spaceId: space.data.createSpace.id,
          type: 'VOTES',
          title: 'Votations',
          published: true,
        },
      },
      admin,
    );
    const created = await t.gql(
      `mutation($input: CreateBallotInput!) { createBallot(input: $input) { id questions { id options { id } } } }`,
      {
        input: {
          componentId: component.data.createComponent.id,
          title: 'Priorités',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          census: { kind: 'ALL_MEMBERS' },
          questions: [
            { title: 'Présidence', method: 'SINGLE', options: [{ title: 'A' }, { title: 'B' }] },
            {
              title: 'Chantiers',
              method: 'MULTIPLE',
              minChoices: 2,
              maxChoices: 2,
              options: [{ title: 'X' }, { title: 'Y' }, { title: 'Z' }],
            },
          ],
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { id, questions } = created.data.createBallot as {
      id: string;
      questions: { id: string; options: { id: string }[] }[];
    };
    const [single, multiple] = questions;
    const cast = `mutation($id: ID!, $answers: [BallotAnswerInput!]!) { castBallot(ballotId: $id, answers: $answers) { receiptCode } }`;
    const answers = (singleIds: string[], multipleIds: string[]) => ({
      id,
      answers: [
        { questionId: single.id, choice: { optionIds: singleIds } },
        { questionId: multiple.id, choice: { optionIds: multipleIds } },
      ],
    });
    const both = multiple.options.slice(0, 2).map((o) => o.id);
    expect(await bothLanguages(cast, answers([], both), admin)).toEqual({
      fr: { message: 'Choisissez exactement une option.', code: 'BAD_USER_INPUT', generic: false },
      en: { message: 'Choose exactly one option.', code: 'BAD_USER_INPUT', generic: false },
    });
    expect(
      await bothLanguages(cast, answers([single.options[0].id], both.slice(0, 1)), admin),
    ).toEqual({
      fr: { message: 'Choisissez exactement 2 options.', code: 'BAD_USER_INPUT', generic: false },
      en: { message: 'Choose exactly 2 options.', code: 'BAD_USER_INPUT', generic: false },
    });
    const [, stranger] = both;
    expect(
      await bothLanguages(cast, answers([single.options[0].id, stranger], both), admin),
    ).toEqual({
      fr: {
        message: `Option inconnue dans cette question : ${stranger}.`,
        code: 'BAD_USER_INPUT',
        generic: false,
      },
      en: {
        message: `Unknown option in this question: ${stranger}.`,
        code: 'BAD_USER_INPUT',
        generic: false,
      },
    });
  });

  it('a debate refusal: its own English, the numbers kept', async () => {
    const unknown = `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    expect(await bothLanguages(`{ debate(id: "${unknown}") { id } }`, {}, admin)).toEqual({
      fr: { message: 'Débat introuvable.', code: 'NOT_FOUND', generic: false },
      en: { message: 'Debate not found.', code: 'NOT_FOUND', generic: false },
    });
    const add = `mutation($input: AddDebateStatementInput!) { addDebateStatement(input: $input) { id } }`;
    expect(
      await bothLanguages(add, { input: { debateId: unknown, body: 'é'.repeat(281) } }, admin),
    ).toEqual({
      fr: {
        message: 'L’affirmation dépasse 280 caractères (281).',
        code: 'BAD_USER_INPUT',
        generic: false,
      },
      en: {
        message: 'A statement has at most 280 characters (this one: 281).',
        code: 'BAD_USER_INPUT',
        generic: false,
      },
    });
  });

  it('a refused survey answer: its own English, singular and plural right in both languages', async () => {
    const spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`))
      .data.space.id;
    const component = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      { input: { spaceId, type: 'SURVEY', title: 'Enquête', published: true } },
      admin,
    );
    const survey = await t.gql(
      `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`,
      { input: { componentId: component.data.createComponent.id, title: 'Questionnaire' } },
      admin,
    );
    const surveyId = survey.data.createSurvey.id as string;
    const added = await t.gql(
      `mutation($input: AddSurveyQuestionInput!) { addSurveyQuestion(input: $input) { questions { id options { id } } } }`,
      {
        input: {
          surveyId,
          type: 'MULTIPLE_OPTION',
          body: 'Sujets',
          maxChoices: 1,
          options: [{ body: 'Données' }, { body: 'IA' }],
        },
      },
      admin,
    );
    expect(added.errors).toBeUndefined();
    const [question] = added.data.addSurveyQuestion.questions as {
      id: string;
      options: { id: string }[];
    }[];
    const answer = `mutation($id: ID!, $answers: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $id, answers: $answers) { id } }`;
    const choices = question.options.map((o) => ({ optionId: o.id }));
    expect(
      await bothLanguages(
        answer,
        { id: surveyId, answers: [{ questionId: question.id, choices }] },
        admin,
      ),
    ).toEqual({
      fr: { message: '1 option au plus.', code: 'BAD_USER_INPUT', generic: false },
      en: { message: 'At most 1 option.', code: 'BAD_USER_INPUT', generic: false },
    });
    const stranger = { questionId: question.options[0].id, text: 'x' };
    expect(await bothLanguages(answer, { id: surveyId, answers: [stranger] }, admin)).toEqual({
      fr: {
        message: 'Question inconnue dans cette enquête.',
        code: 'BAD_USER_INPUT',
        generic: false,
      },
      en: { message: 'Unknown question in this survey.', code: 'BAD_USER_INPUT', generic: false },
    });
  });

  it('checks outside services: a resolver’s and the avatar upload’s refusals in their own English', async () => {
    expect(
      await bothLanguages(
        `{ memberProfile(pseudo: "${'p'.repeat(101)}") { pseudo } }`,
        {},
        undefined,
      ),
    ).toEqual({
      fr: { message: 'Membre introuvable.', code: 'NOT_FOUND', generic: false },
      en: { message: 'Member not found.', code: 'NOT_FOUND', generic: false },
    });
    const upload = async (headers: Record<string, string>) => {
      const response = await fetch(`${t.baseUrl}/avatars`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'image/png', ...headers },
        body: 'pas une image',
      });
      return { status: response.status, body: await response.json() };
    };
    expect(await upload({})).toEqual({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        message: 'Choisissez une image JPEG, PNG, WebP ou GIF',
        field: 'avatar',
      },
    });
    const missing = `${t.baseUrl}/avatars/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.webp`;
    expect(await (await fetch(missing)).json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Image introuvable.',
    });
    expect(await (await fetch(missing, { headers: EN })).json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Image not found.',
    });
    expect(await upload(EN)).toEqual({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        message: 'Choose a JPEG, PNG, WebP or GIF image',
        field: 'avatar',
      },
    });
  });

  it('a refused argument: its field in extensions, a message without the API key, worded in English on request', async () => {
    const agenda = `{ agendaMeetings(first: 0, after: "pas-un-curseur") { pageInfo { hasNextPage } } }`;
    const fr = (await t.gql(agenda)).errors?.[0];
    expect(fr).toMatchObject({
      message: 'Entre 1 et 100.',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect((await t.gql(agenda, {}, undefined, EN)).errors?.[0]).toMatchObject({
      message: 'From 1 to 100.',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    const cursor = `{ agendaMeetings(after: "pas-un-curseur") { pageInfo { hasNextPage } } }`;
    expect((await t.gql(cursor)).errors?.[0]).toMatchObject({
      message: 'Curseur invalide pour cet ordre.',
      extensions: { field: 'after' },
    });
    expect((await t.gql(cursor, {}, undefined, EN)).errors?.[0].message).toBe(
      'Invalid cursor for this order.',
    );
  });

  it('a body that is not JSON: French by default, English on request', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"query":',
      });
    expect(await (await send({})).json()).toEqual({
      errors: [
        {
          message: 'Corps de requête invalide (JSON attendu).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(await (await send(EN)).json()).toEqual({
      errors: [
        { message: 'Invalid request body (JSON expected).', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    // French wins when preferred, and for languages we do not speak
    for (const header of ['fr-FR,fr;q=0.9,en;q=0.8', 'de-DE', '*']) {
      expect(
        (
          (await (await send({ 'accept-language': header })).json()) as {
            errors: { message: string }[];
          }
        ).errors[0].message,
      ).toBe('Corps de requête invalide (JSON attendu).');
    }
  });
});

/**
 * Every refusal the API can raise has its English: a `DomainError` built in `apps/api/src` (`new
 * DomainError(…)` or a factory `DomainError.x(…)`) is followed, in the same expression, by
 * `.inEnglish(…)` — otherwise a client asking for English reads only the generic text of its code.
 */
describe('every DomainError has its English wording', () => {
  const SRC = join(__dirname, '../src');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });

  /**
   * The allow-list, each with its reason:
   * - `common/errors/domain-error.ts` itself: the constructor calls inside the factories are the
   *   building blocks; every caller of a factory is checked instead;
   * - the factories that word both languages themselves (checked below): `required(field)`,
   *   `accountBlocked()`, and `unauthenticated()` / `forbidden()` called without a message.
   */
  const SELF_WORDED = new Set(['required', 'accountBlocked']);
  const DEFAULT_WORDED = new Set(['unauthenticated', 'forbidden']);
  const exempt = (file: string, node: ts.Node) => {
    if (file === 'common/errors/domain-error.ts') return true;
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
    const factory = node.expression.name.text;
    return SELF_WORDED.has(factory) || (DEFAULT_WORDED.has(factory) && node.arguments.length === 0);
  };

  /** Whether `node` is chained, through calls and parentheses, into `.inEnglish(…)`. */
  const inEnglish = (node: ts.Node): boolean => {
    let current = node;
    for (;;) {
      const parent = current.parent;
      if (ts.isParenthesizedExpression(parent)) current = parent;
      else if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
        if (parent.name.text === 'inEnglish') return true;
        if (!ts.isCallExpression(parent.parent) || parent.parent.expression !== parent)
          return false;
        current = parent.parent;
      } else return false;
    }
  };

  const isConstruction = (node: ts.Node) =>
    (ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'DomainError') ||
    (ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'DomainError');

  it('every construction in apps/api/src is followed by .inEnglish(…), the allow-list aside', () => {
    const missing: string[] = [];
    let constructions = 0;
    for (const path of sources(SRC)) {
      const file = relative(SRC, path).split('\\').join('/');
      const source = ts.createSourceFile(
        path,
        readFileSync(path, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node) => {
        if (isConstruction(node)) {
          constructions += 1;
          if (!exempt(file, node) && !inEnglish(node)) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            missing.push(
              `${file}:${line + 1} ${node.getText().replace(/\s+/g, ' ').slice(0, 100)}`,
            );
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(constructions).toBeGreaterThan(500); // the scan found the API's refusals
    expect(missing).toEqual([]);
  });

  /**
   * Messages written for a client outside DomainError: the `{ code, message }` a REST controller
   * answers itself, and the `message` / `defaultMessage` of a class-validator constraint. Their
   * text goes through `inRequestLanguage({ fr, en })` or `withEnglish(fr, en)`, or sits next to its
   * `english` (a Refusal of the petition lifecycle). Allow-list: `config/app-config.ts`, whose
   * constraints check the environment at boot, read by the operator in the logs, never by a client.
   */
  const MESSAGE_ALLOWED = new Set(['config/app-config.ts']);
  const isLiteral = (node: ts.Node): boolean =>
    ts.isStringLiteral(node) ||
    ts.isTemplateLiteral(node) ||
    (ts.isArrowFunction(node) && isLiteral(node.body)) ||
    (ts.isParenthesizedExpression(node) && isLiteral(node.expression));

  it('a message written for a client outside DomainError ({ code, message }, a class-validator message) has its English', () => {
    const literal: string[] = [];
    for (const path of sources(SRC)) {
      const file = relative(SRC, path).split('\\').join('/');
      if (MESSAGE_ALLOWED.has(file)) continue;
      const source = ts.createSourceFile(
        path,
        readFileSync(path, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node) => {
        if (ts.isObjectLiteralExpression(node)) {
          const props = new Map(
            node.properties
              .filter(ts.isPropertyAssignment)
              .map((p) => [p.name.getText(), p.initializer]),
          );
          const message = props.get('message') ?? props.get('defaultMessage');
          if (message && !props.has('english') && isLiteral(message)) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            literal.push(
              `${file}:${line + 1} ${node.getText().replace(/\s+/g, ' ').slice(0, 100)}`,
            );
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(literal).toEqual([]);
  });

  it('the allow-listed factories word their refusal in English themselves', () => {
    expect(DomainError.required('title').english).toBe('This field is required.');
    expect(DomainError.accountBlocked().english).toBeTruthy();
    expect(DomainError.unauthenticated().english).toBe('You must be signed in.');
    expect(DomainError.forbidden().english).toBe('You do not have the required rights.');
    // with a message of its own, the caller words it: the scan requires .inEnglish there
    expect(DomainError.forbidden('Réservé aux administrateurs.').english).toBeUndefined();
  });
});
