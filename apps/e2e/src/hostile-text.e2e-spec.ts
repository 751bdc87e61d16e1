import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@hostile.test';
const ADMIN_PASSWORD = 'e2e-admin-password-hostile';
const PASSWORD = 'une phrase de passe solide';
const SLUG = 'structuration-filiere-sante-numerique';
/** Markup that runs if any page puts it into the DOM as HTML: it sets `window.__xss` or opens a dialog. */
const HOSTILE_TITLE = `<img src=x onerror="window.__xss=1;alert(1)"> "><script>window.__xss=2</script>`;
const HOSTILE_NAME = `"><svg onload=window.__xss=3>`;

/**
 * Text safety in the browser: a member with a hostile name publishes a proposal with a hostile
 * title; the proposal list, the proposal page, the search results and the header show them as
 * text, and nothing runs (no `window.__xss`, no dialog).
 */
describeInBrowser('Hostile titles and names in Chromium: shown as text, nothing runs', () => {
  const suite = useBrowserSuite('concerto-e2e-hostile-', {
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOGIN_RATE_LIMIT_PER_MINUTE: '100',
  });
  const dialogs: string[] = [];
  let componentId = '';
  let proposalId = '';
  let token = '';

  const gql = async (query: string, variables: Record<string, unknown> = {}, bearer?: string) => {
    const response = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string }[] };
  };
  const ran = (page: Page) =>
    page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);

  beforeAll(async () => {
    const terms = (await gql(`{ termsDocuments { kind version } }`)).data.termsDocuments as {
      kind: string;
      version: number;
    }[];
    const version = (kind: string) => terms.find((d) => d.kind === kind)!.version;
    const registered = await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
      i: {
        name: HOSTILE_NAME,
        email: `hostile.${Date.now()}@example.org`,
        password: PASSWORD,
        acceptedTermsVersion: version('TERMS'),
        acceptedPrivacyVersion: version('PRIVACY'),
      },
    });
    expect(registered.errors).toBeUndefined();
    token = registered.data.register.token;
    const space = (await gql(`{ space(slug: "${SLUG}") { components { id type } } }`)).data.space;
    componentId = space.components.find((c: { type: string }) => c.type === 'PROPOSALS').id;
    const created = await gql(
      `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
      {
        i: {
          componentId,
          title: HOSTILE_TITLE,
          body: `<p>Corps ${HOSTILE_TITLE}</p><a href="javascript:window.__xss=4">lien</a>`,
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    proposalId = created.data.createProposal.id;
    suite.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it.each([
    ['the proposal page', () => `/espaces/${SLUG}/f/${componentId}/propositions/${proposalId}`],
    ['the proposal list (newest first)', () => `/espaces/${SLUG}/f/${componentId}?ordre=recentes`],
    ['the search results', () => `/recherche?q=${encodeURIComponent('onerror script')}`],
    ['a search for the markup itself', () => `/recherche?q=${encodeURIComponent(HOSTILE_TITLE)}`],
  ])('%s shows the text and runs nothing', async (_label, path) => {
    await suite.goTo(path());
    await suite.page.waitForTimeout(300);
    expect(await ran(suite.page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(await suite.page.locator('script:not([src])').count()).toBe(0);
    expect(
      await suite.page.locator('img[onerror], svg[onload], a[href^="javascript:"]').count(),
    ).toBe(0);
  });

  it('the proposal page shows the hostile title and the author name as typed', async () => {
    await suite.goTo(`/espaces/${SLUG}/f/${componentId}/propositions/${proposalId}`);
    await suite.page.getByRole('heading', { name: HOSTILE_TITLE }).waitFor();
    expect(await suite.page.getByText(HOSTILE_NAME).count()).toBeGreaterThan(0);
    expect(await ran(suite.page)).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
