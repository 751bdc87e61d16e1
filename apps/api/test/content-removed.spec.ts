import { errorCode, startTestApp, TestApp } from './test-app';

const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id body } }`;

/** The author is told what the server's sanitiser removed (issue 14, rich text end to end). */
describe('extensions.contentRemoved on mutations', () => {
  let t: TestApp;
  let token: string;
  let componentId: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await t.register('Autrice prudente')).token;
    const space = await t.gql(
      `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
    );
    componentId = space.data.space.components.find(
      (c: { type: string }) => c.type === 'PROPOSALS',
    ).id;
  });
  afterAll(() => t.close());
  /** `createProposal` by the participant, in the demo Concertation's proposals. */
  const create = (title: string, body: string) =>
    t.gql(CREATE, { input: { componentId, title, body } }, token);

  it('says what a successful mutation removed, and stores the rest', async () => {
    const res = await create(
      'Un annuaire partagé des acteurs du numérique en santé',
      '<p>Le texte <img src="x.png" onerror="alert(1)"> reste, avec <a href="javascript:alert(1)">ce lien</a>.</p><script>alert(2)</script>',
    );
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.contentRemoved).toEqual({
      kinds: ['IMAGES', 'SCRIPTS', 'UNSAFE_LINKS'],
      unsafeLinks: 1,
      otherElements: [],
    });
    const stored = res.data.createProposal.body as string;
    expect(stored).toMatch(/^<p>Le texte {2}reste, avec <a[^>]*>ce lien<\/a>\.<\/p>$/);
    expect(stored).not.toMatch(/img|script|javascript|href/);
  });

  it('says nothing when nothing was removed', async () => {
    const res = await create(
      'Un guichet unique pour les questions de conformité',
      '<p><strong>Gras</strong>, <em>italique</em> et <a href="https://esante.gouv.fr">un lien</a>.</p>',
    );
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.contentRemoved).toBeUndefined();
  });

  it('says nothing of a mutation that failed (nothing was stored)', async () => {
    const res = await create('Trop court', '<p>Texte <script>x</script></p>');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.extensions?.contentRemoved).toBeUndefined();
  });
});
