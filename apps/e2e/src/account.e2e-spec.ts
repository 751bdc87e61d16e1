import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describeInBrowser } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@account.test';
const ADMIN_PASSWORD = 'e2e-admin-password-account';
const PASSWORD = 'une phrase de passe solide';
const NEW_PASSWORD = 'un tout nouveau secret';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'My account in a browser: terms at sign-up, download my data once, change password, delete the account',
  () => {
    const suite = useBrowserSuite('concerto-e2e-account-', {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo, pagesChecked } = suite;
    const stamp = Date.now();
    const person = { name: 'Solène Garnier', email: `solene.${stamp}@example.org` };
    const title = 'Un guichet unique pour les données de santé';
    let proposalPath = '';

    const expectAccessible = async (label: string) => {
      await suite.page.waitForLoadState('networkidle');
      await suite.expectAccessible(label);
    };

    it('signs up only once the terms and privacy notice are accepted (checkbox with links to both pages)', async () => {
      await goTo('/inscription');
      await suite.page.getByLabel('Nom').fill(person.name);
      await suite.page.getByLabel('Adresse e-mail').fill(person.email);
      await suite.page.getByLabel('Mot de passe').fill(PASSWORD);
      await suite.page.getByRole('button', { name: 'Créer mon compte' }).click();
      // under the checkbox, and linked from the error summary
      await suite.page
        .locator('.field__error', {
          hasText:
            'Cochez la case pour accepter les conditions d’utilisation et la politique de confidentialité.',
        })
        .waitFor();
      expect(
        await suite.page
          .getByRole('link', { name: 'conditions d’utilisation (nouvel onglet)' })
          .getAttribute('href'),
      ).toBe('/conditions');
      await expectAccessible('inscription (case non cochée)');
      await suite.page
        .getByRole('checkbox', {
          name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
        })
        .check();
      await suite.page.getByRole('button', { name: 'Créer mon compte' }).click();
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await suite.page
        .getByRole('navigation', { name: 'Compte' })
        .getByRole('link', { name: 'Mon compte' })
        .waitFor();
    });

    it('shows the privacy notice and the terms as French text pages', async () => {
      await goTo('/confidentialite');
      await suite.page
        .getByRole('heading', { level: 1, name: 'Politique de confidentialité' })
        .waitFor();
      await suite.page.getByText(/Version 1, publiée le/).waitFor();
      await expectAccessible('politique de confidentialité');
      await goTo('/conditions');
      await suite.page
        .getByRole('heading', { level: 1, name: 'Conditions d’utilisation' })
        .waitFor();
      await expectAccessible('conditions d’utilisation');
    });

    it('publishes a proposal (kept after the account is deleted)', async () => {
      await goTo(`/espaces/${SPACE}`);
      await suite.page
        .getByRole('link', { name: /Mesures proposées/ })
        .first()
        .click();
      await suite.page.getByRole('heading', { level: 1, name: 'Mesures proposées' }).waitFor();
      await suite.page.getByRole('button', { name: 'Nouvelle proposition' }).click();
      await suite.page.getByRole('textbox', { name: 'Titre' }).fill(title);
      await suite.page
        .getByRole('textbox', { name: 'Texte de la proposition' })
        .fill('Un point d’entrée unique pour les demandes d’accès aux données de santé.');
      await suite.page.getByRole('button', { name: 'Publier la proposition' }).click();
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      proposalPath = new URL(suite.page.url()).pathname;
      await suite.page.getByText(`Par ${person.name}`).first().waitFor();
    });

    it('requests an export of my data, sees it ready, downloads a ZIP once', async () => {
      await suite.page
        .getByRole('navigation', { name: 'Compte' })
        .getByRole('link', { name: 'Mon compte' })
        .click();
      await suite.page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      await expectAccessible('mon compte');
      await suite.page.getByRole('button', { name: 'Demander l’export de mes données' }).click();
      await suite.page.getByText('Export demandé : il est en préparation.').waitFor();
      const link = suite.page.getByRole('link', { name: 'Télécharger l’archive (une seule fois)' });
      await link.waitFor({ timeout: 30_000 }); // polled every 2 s while being prepared
      await suite.page.getByText(/prêt à télécharger/).waitFor();
      await expectAccessible('mon compte (export prêt)');
      const [download] = await Promise.all([suite.page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^concerto-mes-donnees-[0-9a-f-]{36}\.zip$/);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004'); // a ZIP file
      const zip = await JSZip.loadAsync(bytes);
      const profile = JSON.parse(await zip.file('profile.json')!.async('string'));
      expect(profile[0]).toMatchObject({ name: person.name, email: person.email });
      expect(await zip.file('proposals.csv')!.async('string')).toContain(title);
      await suite.page.getByText(/téléchargé/).waitFor();
      expect(await link.count()).toBe(0);
      // a second download of the same file is refused
      const again = await suite.page.request.get(
        `${suite.server.url}${new URL(download.url()).pathname}`,
      );
      expect(again.status()).toBe(410);
    });

    it('changes the password (the wrong current one is refused next to its field)', async () => {
      await suite.page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
      await suite.page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
      await suite.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      // next to its field, and linked from the error summary
      await suite.page.locator('.field__error', { hasText: 'Mot de passe incorrect.' }).waitFor();
      await expectAccessible('mon compte (mot de passe incorrect)');
      await suite.page.getByLabel('Mot de passe actuel').fill(PASSWORD);
      await suite.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await suite.page
        .getByText('Mot de passe changé. Vos autres sessions ont été déconnectées.')
        .waitFor();
      await suite.page.getByText(/Conditions d’utilisation.*version 1, acceptée le/).waitFor();
    });

    it('deletes the account; the proposal stays, signed "Participant supprimé"; the account cannot sign in', async () => {
      await suite.page.getByText('Seront conservés, sans vous identifier :').waitFor();
      await suite.page.getByLabel('Mot de passe (pour confirmer)').fill(NEW_PASSWORD);
      await suite.page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
      await suite.page.getByText('Votre compte a été supprimé.').waitFor();
      await suite.page
        .getByRole('navigation', { name: 'Compte' })
        .getByRole('link', { name: 'Connexion' })
        .waitFor();

      await goTo(proposalPath);
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await suite.page.getByText('Par Participant supprimé').first().waitFor();
      expect(await suite.page.getByText(person.name).count()).toBe(0);
      await expectAccessible('proposition d’un compte supprimé');

      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(person.email);
      await suite.page.getByLabel('Mot de passe').fill(NEW_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      await suite.page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    });

    it('checked every page it visited with axe', () => {
      expect(pagesChecked.length).toBeGreaterThanOrEqual(7);
    });
  },
);
