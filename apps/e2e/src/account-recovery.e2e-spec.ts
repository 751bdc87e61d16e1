import { describeInBrowser, expectErrorSummary } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@recovery.test';
const ADMIN_PASSWORD = 'e2e-admin-password-recovery';
const PASSWORD = 'une phrase de passe solide';
const NEW_PASSWORD = 'un secret tout neuf et long';

/**
 * Account recovery in a browser: the sign-up confirmation link and « Mot de passe oublié » end
 * to end. The server runs without SMTP_URL, so (outside production) the mailer writes each
 * message to its log — the link is read there, as a developer would; the API suite proves with a
 * real SMTP server that the same messages go out.
 */
describeInBrowser(
  'account recovery in a browser: confirm the address, forget the password, choose a new one',
  () => {
    const suite = useBrowserSuite('concerto-e2e-recovery-', {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo } = suite;
    const email = `recuperation.${Date.now()}@example.org`;

    /** The link of the latest mail to `email` whose path is `path`, from the server's log. */
    async function mailedLink(path: string): Promise<string> {
      const pattern = new RegExp(`https?://[^\\s]+${path}\\?jeton=[A-Za-z0-9_-]+`, 'g');
      for (
        const deadline = Date.now() + 15_000;
        Date.now() < deadline;
        await new Promise((r) => setTimeout(r, 100))
      ) {
        const links = suite.server.output.match(pattern);
        if (links) return new URL(links.at(-1)!).pathname + new URL(links.at(-1)!).search;
      }
      throw new Error(`no ${path} link in the server log`);
    }

    const expectAccessible = async (label: string) => {
      await suite.page.waitForLoadState('networkidle');
      await suite.expectAccessible(label);
    };

    it('signs up, sees the address unconfirmed in « Mon compte », and confirms it with the mailed link', async () => {
      await goTo('/inscription');
      await suite.page.getByLabel('Nom').fill('Romane Petit');
      await suite.page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
      await suite.page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
      await suite.page
        .getByRole('checkbox', {
          name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
        })
        .check();
      await suite.page.getByRole('button', { name: 'Créer mon compte' }).click();
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/mon-compte');
      await suite.page.getByText('Votre adresse e-mail n’est pas encore confirmée.').waitFor();
      await suite.page.getByRole('button', { name: 'Renvoyer le lien de confirmation' }).click();
      await suite.page.getByText('Un nouveau lien de confirmation vient d’être envoyé.').waitFor();
      await expectAccessible('mon compte, adresse non confirmée');

      await goTo(await mailedLink('/confirmer-adresse'));
      await suite.page.getByText('Votre adresse e-mail est confirmée. Merci !').waitFor();
      await expectAccessible('adresse confirmée');
      await goTo('/mon-compte');
      await suite.page.getByText('Adresse e-mail confirmée.').waitFor();
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await suite.page.getByRole('banner').getByRole('link', { name: 'Connexion' }).waitFor();
    });

    it('« Mot de passe oublié » from the sign-in page: the mailed link sets a new password, used once', async () => {
      await goTo('/connexion');
      await suite.page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
      await suite.page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
      await suite.page.getByRole('button', { name: 'Recevoir un lien' }).click();
      await suite.page.getByText(`Si un compte existe pour ${email}`).waitFor();
      await expectAccessible('lien demandé');

      const link = await mailedLink('/nouveau-mot-de-passe');
      await goTo(link);
      await suite.page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await suite.page
        .getByLabel('Confirmez le nouveau mot de passe', { exact: true })
        .fill('pas la même phrase');
      await suite.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      // under the field, and in the error summary that takes the focus and links to it
      await expectErrorSummary(suite.page, 'Les deux mots de passe ne sont pas identiques.', {
        field: suite.page.locator('input[name="confirmation"]'),
      });
      await expectAccessible('confirmation différente');
      await suite.page
        .getByLabel('Confirmez le nouveau mot de passe', { exact: true })
        .fill(NEW_PASSWORD);
      await suite.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await suite.page.getByText(/Votre mot de passe est changé/).waitFor();

      await suite.page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
      await suite.page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await suite.page.getByRole('banner').getByRole('link', { name: 'Connexion' }).waitFor();

      // the link served once
      await goTo(link);
      await suite.page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await suite.page
        .getByLabel('Confirmez le nouveau mot de passe', { exact: true })
        .fill(NEW_PASSWORD);
      await suite.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await suite.page
        .getByRole('alert')
        .getByText('Ce lien n’est pas valable : il est inconnu, a déjà servi ou a expiré.')
        .waitFor();
      await suite.page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
      await expectAccessible('lien déjà utilisé');
    });
  },
);
