import { describeInBrowser, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@journal.test';
const ADMIN_PASSWORD = 'e2e-admin-password-journal';
const PASSWORD = 'une phrase de passe solide';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Journal des actions in a browser: an admin filters the journal, a participant reads a proposal’s history',
  () => {
    const suite = useBrowserSuite('concerto-e2e-journal-', {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo } = suite;
    const stamp = Date.now();
    const spaceTitle = `Concertation du journal ${stamp}`;
    const participant = { name: 'Chloé Garnier', email: `chloe.${stamp}@example.org` };
    const proposalTitle = 'Une messagerie sécurisée commune aux soignants';

    const expectAccessible = async (label: string) => {
      await suite.page.waitForLoadState('networkidle');
      await suite.expectAccessible(label);
    };
    const { signOut } = suite;

    it('an admin creates a space, opens the journal, filters it and sees the line', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/admin');
      await suite.page.getByLabel('Adresse (slug)').fill(`journal-${stamp}`);
      await suite.page.getByLabel('Titre', { exact: true }).fill(spaceTitle);
      await suite.page.getByRole('button', { name: 'Créer l’espace' }).click();
      await suite.page.getByText(`L’espace « ${spaceTitle} » a été créé.`).waitFor();

      await goTo('/admin');
      await suite.page.getByRole('link', { name: 'Journal des actions' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Journal des actions' }).waitFor();
      const table = suite.page.getByRole('table', {
        name: 'Journal des actions, du plus récent au plus ancien',
      });
      await table.waitFor();
      await expectAccessible('journal des actions');

      await suite.page.getByLabel('Type de ressource').selectOption({ label: 'Espace' });
      await suite.page.getByLabel('Action', { exact: true }).selectOption({ label: 'Création' });
      await suite.page.getByRole('button', { name: 'Filtrer', exact: true }).click();
      const row = table.getByRole('row').filter({ hasText: `Espace « ${spaceTitle} » créé` });
      await row.waitFor();
      expect(await row.getByRole('rowheader').textContent()).toBe('Création');
      expect(await row.textContent()).toContain('Administrateurs');
      // every line shown is a space creation
      const actions = await table.getByRole('rowheader').allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['Création']));
      expect(await table.textContent()).not.toContain('@'); // actors by name, never an e-mail
      await expectAccessible('journal des actions (filtré)');
      await signOut();
    });

    it('a participant publishes a proposal and reads its public history', async () => {
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: participant.name,
        email: participant.email,
        password: PASSWORD,
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

      await goTo(`/espaces/${SPACE}`);
      await suite.page
        .getByRole('link', { name: /Mesures proposées/ })
        .first()
        .click();
      await suite.page.getByRole('heading', { level: 1, name: 'Mesures proposées' }).waitFor();
      await suite.page.getByRole('button', { name: 'Nouvelle proposition' }).click();
      await suite.page.getByRole('textbox', { name: 'Titre' }).fill(proposalTitle);
      await suite.page
        .getByRole('textbox', { name: 'Texte de la proposition' })
        .fill('Une messagerie commune, chiffrée, pour tous les soignants du territoire.');
      await suite.page.getByRole('button', { name: 'Publier la proposition' }).click();
      await suite.page.getByRole('heading', { level: 1, name: proposalTitle }).waitFor();
      const proposalPath = new URL(suite.page.url()).pathname;
      await signOut();

      // an anonymous reader sees the history too
      await goTo(proposalPath);
      const history = suite.page.getByRole('region', { name: 'Historique' });
      const entry = history.getByRole('listitem').filter({ hasText: `par ${participant.name}` });
      await entry.waitFor();
      expect(await entry.textContent()).toContain('Création');
      expect(await entry.textContent()).toContain(`Proposition « ${proposalTitle} » publiée`);
      expect(await history.textContent()).not.toContain('@');
      await expectAccessible('proposition avec historique (visiteur)');
    });

    it('a participant cannot open the journal', async () => {
      await goTo('/admin/journal');
      await suite.page
        .getByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' })
        .waitFor();
      await expectAccessible('journal des actions (visiteur)');
    });
  },
);
