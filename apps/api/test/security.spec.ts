import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorCode, startTestApp, TestApp } from './test-app';

describe('abuse resistance: headers, CSRF, query limits, append-only action log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends security headers (helmet) with a same-origin content security policy', async () => {
    const response = await fetch(`${t.baseUrl}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses a cookie-authenticated cross-site form post (CSRF): no simple content type, nothing done', async () => {
    const { token } = await t.register('Victime');
    const before = Number((await t.sql(`SELECT count(*) AS n FROM participatory_spaces`))[0].n);
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `concerto_session=${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(response.status).toBe(400);
    expect((await t.gql(`{ me { id } }`, {}, token)).data.me).not.toBeNull(); // the session survived
    expect(Number((await t.sql(`SELECT count(*) AS n FROM participatory_spaces`))[0].n)).toBe(
      before,
    );
  });

  it('refuses queries nested too deep', async () => {
    const deep = `{ spaces { components { id } } ${'__typename '.repeat(1)}}`;
    expect((await t.gql(deep)).errors).toBeUndefined();
    let nested = 'id';
    for (let i = 0; i < 14; i++) nested = `replies { ${nested} }`;
    const res = await t.gql(
      `{ comments(commentableType: PROPOSAL, commentableId: "00000000-0000-0000-0000-000000000000") { ${nested} } }`,
    );
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses queries that select too many fields, before running them', async () => {
    // one fragment spread 300 times (more than 30 aliases meet the alias limit first)
    const res = await t.gql(
      `{ spaces { ${'...F '.repeat(300)}} } fragment F on ParticipatorySpace { id title slug type }`,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.maximum).toBe(1000);
  });

  it('keeps the action log append-only: UPDATE and DELETE are refused by the database', async () => {
    const [row] = await t.sql(`SELECT id FROM action_logs ORDER BY id LIMIT 1`);
    await expect(
      t.sql(`UPDATE action_logs SET summary = 'réécrit' WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM action_logs WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('still lets a space be deleted: its log lines stay with the reference emptied', async () => {
    const admin = await t.adminToken();
    const created = await t.gql(
      `mutation { createSpace(input: { type: PROCESS, slug: "a-supprimer", title: "Espace à supprimer" }) { id } }`,
      {},
      admin,
    );
    const id = created.data.createSpace.id;
    expect(
      (await t.gql(`mutation($id: ID!) { deleteSpace(id: $id) }`, { id }, admin)).data.deleteSpace,
    ).toBe(true);
    const lines = await t.sql(
      `SELECT space_id, action FROM action_logs WHERE resource_id = $1 ORDER BY id`,
      [id],
    );
    expect(lines.map((l) => l.action)).toEqual(['create', 'delete']);
    expect(lines.every((l) => l.space_id === null)).toBe(true);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
    });
  });
  afterAll(() => t.close());

  it('answers no introspection', async () => {
    const res = await t.gql(`{ __schema { types { name } } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('headers of the web build', () => {
  let t: TestApp;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'concerto-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Concerto</title>');
    writeFileSync(join(web, 'assets', 'app-3f2a1b.js'), 'console.log(1);');
    t = await startTestApp({ WEB_DIST_DIR: web });
  });
  afterAll(async () => {
    await t.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('a page carries the document headers (CSP, framing); a hashed asset only nosniff, the same-origin resource policy and its year-long cache', async () => {
    const page = await fetch(`${t.baseUrl}/concertations`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const asset = await fetch(`${t.baseUrl}/assets/app-3f2a1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const documentOnly of [
      'content-security-policy',
      'x-frame-options',
      'cross-origin-opener-policy',
      'referrer-policy',
      'x-xss-protection',
    ])
      expect(asset.headers.get(documentOnly)).toBeNull();
  });
});
