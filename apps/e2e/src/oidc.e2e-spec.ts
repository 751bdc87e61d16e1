import { describeInBrowser } from './browser';
import { useBrowserSuite } from './browser-suite';
import { startTestOidcProvider, type TestOidcProvider } from '@concerto/testing';

const ADMIN_EMAIL = 'admin@oidc.test';
const ADMIN_PASSWORD = 'e2e-admin-password-oidc';

describeInBrowser(
  'Sign-in with an OpenID Connect provider in a browser: « Se connecter avec … », the provider’s pages, back signed in',
  () => {
    let op: TestOidcProvider;
    // the provider's port must be known before the server starts: this hook runs before the suite's
    beforeAll(async () => {
      op = await startTestOidcProvider();
    });
    const env: Record<string, string> = {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      OIDC_PROVIDERS: 'psc',
      OIDC_PSC_PRESET: 'prosante-connect',
      OIDC_PSC_LABEL: 'Pro Santé Connect',
    };
    const suite = useBrowserSuite('concerto-e2e-oidc-', (port) => ({
      ...env,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OIDC_PSC_ISSUER: op.issuer,
      OIDC_PSC_CLIENT_ID: op.clientId,
      OIDC_PSC_CLIENT_SECRET: op.clientSecret,
    }));
    beforeAll(() => {
      op.people['dr-bernard'] = {
        given_name: 'Louise',
        family_name: 'Bernard',
        email: 'louise.bernard@chu.example',
        email_verified: true,
        SubjectNameID: '810003456789',
      };
      op.register(`${suite.server.url}/auth/oidc/psc/callback`);
    });
    afterAll(async () => {
      await op?.close();
    });

    it('clicks « Se connecter avec Pro Santé Connect », signs in at the provider, and lands signed in on « Mon compte » with the identity listed', async () => {
      const { page } = suite;
      await suite.goTo('/connexion');
      await page
        .getByRole('heading', { name: 'Avec votre identité professionnelle ou citoyenne' })
        .waitFor();
      await suite.expectAccessible('connexion avec fournisseurs');
      await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).click();
      // the provider's development login page, then its consent page
      await page.locator('input[name="login"]').waitFor();
      await page.locator('input[name="login"]').fill('dr-bernard');
      await page.locator('input[name="password"]').fill('n’importe');
      await page.locator('button[type="submit"]').click();
      await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(`${suite.server.url}/mon-compte?bienvenue=oidc`);
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await page
        .getByText('Bienvenue\u202f! Votre compte a été créé avec votre identité.', {
          exact: false,
        })
        .waitFor();
      await page
        .getByRole('list', { name: 'Identités liées à votre compte' })
        .getByText(/810003456789/)
        .waitFor();
      await page.getByText('C’est votre seul moyen de connexion', { exact: false }).waitFor();
      await page.waitForLoadState('networkidle');
      await suite.expectAccessible('mon compte après connexion par fournisseur');
    });

    it('deletes the account made through the provider without a password, from the fresh sign-in', async () => {
      const { page } = suite;
      await page.getByRole('link', { name: 'Se reconnecter avec Pro Santé Connect' }).waitFor();
      expect(await page.getByLabel('Mot de passe (pour confirmer)').count()).toBe(0);
      await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
      await page.getByText('Votre compte a été supprimé.').waitFor();
      await page.getByRole('link', { name: 'Connexion' }).first().waitFor();
    });

    it('shows a coded French message when the callback’s state is not this browser’s', async () => {
      const context = await suite.browser.newContext({ locale: 'fr-FR' }); // another, signed-out browser
      try {
        const page = await context.newPage();
        await page.goto(
          `${suite.server.url}/auth/oidc/psc/callback?code=forged&state=forged-state-0123456789abcdef`,
        );
        await page.waitForURL(/\/connexion\?oidc_error=OIDC_STATE_MISMATCH$/);
        await page
          .getByRole('alert')
          .getByText('La connexion a expiré ou ne provient pas de ce navigateur.', { exact: false })
          .waitFor();
        await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).waitFor();
      } finally {
        await context.close();
      }
    });
  },
);
