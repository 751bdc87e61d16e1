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
      { field: 'email', message: 'invalid value.' },
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
    const members = `{ debate(id: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}") { id } }`;
    const fr = (await t.gql(members, {}, admin)).errors?.[0];
    expect(fr).toMatchObject({
      message: 'Débat introuvable.',
      extensions: { code: 'NOT_FOUND' },
    });
    const en = (await t.gql(members, {}, admin, EN)).errors?.[0];
    expect(en).toMatchObject({
      extensions: { code: fr?.extensions?.code, frenchMessage: fr?.message },
    });
    expect(en?.message).not.toMatch(FRENCH_ACCENTS);
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
