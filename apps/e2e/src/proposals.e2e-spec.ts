import { describeInBrowser, focusIsOnElement, rawKeysShown, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@proposals.test';
const ADMIN_PASSWORD = 'e2e-admin-password-2';
const PASSWORD = 'une phrase de passe solide';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Proposals in a browser: publish, support, comment, report, moderate, shuffle, answer',
  () => {
    const suite = useBrowserSuite('concerto-e2e-proposals-', {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo, pagesChecked } = suite;
    const stamp = Date.now();
    const author = { name: 'Aïcha Benali', email: `aicha.${stamp}@example.org` };
    const supporter = { name: 'Bruno Lefèvre', email: `bruno.${stamp}@example.org` };
    const title = 'Un annuaire commun des solutions de télésanté';
    let listPath = '';
    let proposalPath = '';

    const expectAccessible = async (label: string) => {
      await suite.page.waitForLoadState('networkidle');
      await suite.expectAccessible(label);
    };
    const signUp = async (who: { name: string; email: string }) => {
      await goTo('/inscription');
      await submitSignUp(suite.page, { name: who.name, email: who.email, password: PASSWORD });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    };
    const { signIn, signOut } = suite;
    /** Titles of the reading order's cards, in the order shown. */
    const cardTitles = async (): Promise<string[]> =>
      suite.page.locator('.proposal-card .item__title').allTextContents();

    it('shows the demo proposals with the order selector, the total and the cards', async () => {
      await goTo(`/espaces/${SPACE}`);
      await suite.page
        .getByRole('link', { name: /Mesures proposées/ })
        .first()
        .click();
      await suite.page.getByRole('heading', { level: 1, name: 'Mesures proposées' }).waitFor();
      await suite.page.getByText('14 propositions', { exact: true }).waitFor();
      listPath = new URL(suite.page.url()).pathname;
      expect(
        await suite.page
          .getByRole('combobox', { name: 'Trier par' })
          .locator('option')
          .allTextContents(),
      ).toEqual([
        'Aléatoire',
        'Récentes',
        'Les plus soutenues',
        'Les plus commentées',
        'Les plus suivies',
        // the demo component has « pas d’accord » on, hence the consensus order
        'Consensus entre groupes',
      ]);
      expect(
        await suite.page
          .getByRole('link', { name: 'Connectez-vous pour déposer une proposition.' })
          .isVisible(),
      ).toBe(true);
      expect(await rawKeysShown(suite.page)).toEqual([]);
      await expectAccessible('propositions (visiteur)');
    });

    it('shows the list in English when opened with English chosen, then in French again', async () => {
      await goTo(listPath);
      await suite.page.getByRole('button', { name: 'English' }).click();
      await suite.page.waitForFunction(() => document.documentElement.lang === 'en');
      // a cold load with English chosen: its strings arrive before the first render
      await suite.page.reload();
      await suite.page.getByText('14 proposals', { exact: true }).waitFor();
      await suite.page.getByRole('combobox', { name: 'Sort by' }).waitFor();
      await suite.page.getByRole('link', { name: 'Sign in to publish a proposal.' }).waitFor();
      expect(await rawKeysShown(suite.page)).toEqual([]);
      await expectAccessible('propositions (en)');
      await suite.page.getByRole('button', { name: 'Français' }).click();
      await suite.page.waitForFunction(() => document.documentElement.lang === 'fr');
      await suite.page.getByText('14 propositions', { exact: true }).waitFor();
      expect(await rawKeysShown(suite.page)).toEqual([]);
    });

    it('lets a participant publish a proposal', async () => {
      await signUp(author);
      await goTo(listPath);
      await suite.page.getByRole('button', { name: 'Nouvelle proposition' }).click();
      await suite.page.getByRole('textbox', { name: 'Titre' }).fill(title);
      await suite.page
        .getByRole('textbox', { name: 'Texte de la proposition' })
        .fill(
          'Recenser les solutions de télésanté déployées dans les territoires.\n\nLes rendre visibles aux établissements et aux patients.',
        );
      await expectAccessible('nouvelle proposition');
      await suite.page.getByRole('button', { name: 'Publier la proposition' }).click();
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await suite.page.getByText(`Votre proposition « ${title} » est publiée.`).waitFor();
      proposalPath = new URL(suite.page.url()).pathname;
      expect(proposalPath).toMatch(new RegExp(`^${listPath}/propositions/[0-9a-f-]{36}$`));
      expect(await suite.page.getByText(`Par ${author.name}`).first().isVisible()).toBe(true);
      expect(
        await suite.page.getByRole('button', { name: 'Modifier la proposition' }).isVisible(),
      ).toBe(true);
      await expectAccessible('proposition (auteur)');
      await signOut();
    });

    it('lets a second participant support it (the count goes up), comment on it and reply', async () => {
      await signUp(supporter);
      await goTo(proposalPath);
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await suite.page.getByText('0 soutien', { exact: true }).first().waitFor();
      await expectAccessible('proposition (participant)');
      await suite.page.getByRole('button', { name: 'Soutenir' }).click();
      await suite.page.getByText('Vous soutenez cette proposition.').waitFor();
      await suite.page.getByText('1 soutien', { exact: true }).first().waitFor();
      await suite.page.getByRole('button', { name: 'Retirer mon soutien' }).waitFor();
      await suite.page.locator('.supporters').getByText(supporter.name).waitFor();

      await suite.page
        .getByRole('textbox', { name: 'Votre commentaire' })
        .fill('Très utile pour les médecins de ville.');
      await suite.page.getByRole('radio', { name: 'Pour' }).check();
      await suite.page.getByRole('button', { name: 'Publier le commentaire' }).click();
      const first = suite.page
        .locator('article.comment')
        .filter({ hasText: 'Très utile pour les médecins de ville.' });
      await first.waitFor();
      expect(await first.locator('.badge--for').textContent()).toBe('Pour');
      await first.getByRole('button', { name: /^Répondre/ }).click();
      await suite.page
        .getByRole('textbox', { name: 'Votre réponse' })
        .fill('Et pour les pharmacies aussi.');
      await suite.page.getByRole('button', { name: 'Publier la réponse' }).click();
      const reply = suite.page
        .locator('.comment-list .comment-list article.comment')
        .filter({ hasText: 'Et pour les pharmacies aussi.' });
      await reply.waitFor();
      await suite.page.getByText('2 personnes suivent cette proposition').waitFor();
      await expectAccessible('proposition commentée');
    });

    it('lets the participant report the proposal, once', async () => {
      await suite.page.getByRole('button', { name: `Signaler : ${title}` }).click();
      await suite.page.getByRole('combobox', { name: 'Motif' }).selectOption('DOES_NOT_BELONG');
      await suite.page
        .getByRole('textbox', { name: 'Précisions (facultatif)' })
        .fill('Déjà couvert par la mesure 4.3-2.');
      await expectAccessible('signalement');
      await suite.page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await suite.page
        .getByText('Merci, votre signalement a été transmis à la modération.')
        .waitFor();
      await goTo(proposalPath);
      await suite.page.getByText('Vous avez déjà signalé ce contenu.').waitFor();
      await signOut();
    });

    it('lets a moderator open the moderation page, see the report, shuffle the order and answer the proposal', async () => {
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(listPath);
      await suite.page.getByRole('link', { name: 'Modération des propositions' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Modération : Mesures proposées' })
        .waitFor();
      const reports = suite.page.locator('section[aria-labelledby="reports-heading"]');
      await reports.getByRole('heading', { level: 3, name: `Proposition ${title}` }).waitFor();
      expect(await reports.textContent()).toContain('1 signalement');
      expect(await reports.textContent()).toContain('Hors sujet');
      // the reporter's « Précisions », folded under the line, without the reporter's name
      await reports.getByText('1 précision jointe au signalement').click();
      await reports.getByText('Déjà couvert par la mesure 4.3-2.').waitFor();
      await suite.page.getByText('15 propositions', { exact: true }).waitFor();
      await expectAccessible('modération');

      const before = await cardTitles();
      expect(before).toHaveLength(15);
      await suite.page.getByRole('button', { name: 'Mélanger' }).click();
      await suite.page.getByText('Nouvel ordre aléatoire tiré.').waitFor();
      // the cards follow in a deferred render (after the status line): wait for the new order
      await suite.page.waitForFunction((previous) => {
        const shown = [...document.querySelectorAll('.proposal-card .item__title')].map(
          (title) => title.textContent,
        );
        return shown.length === previous.length && shown.join('\n') !== previous.join('\n');
      }, before);
      const after = await cardTitles();
      expect([...after].sort()).toEqual([...before].sort());
      expect(after).not.toEqual(before);
      // the new seed is the session's: a reload shows the same order
      await suite.page.reload();
      await suite.page.getByText('15 propositions', { exact: true }).waitFor();
      await suite.page.waitForLoadState('networkidle');
      expect(await cardTitles()).toEqual(after);

      const form = suite.page.getByRole('form', { name: `Répondre à la proposition : ${title}` });
      await form.getByRole('combobox', { name: 'État' }).selectOption('ACCEPTED');
      await form
        .getByRole('textbox', { name: 'Réponse' })
        .fill('Retenue : le comité lance l’annuaire en 2027.');
      expect(await form.getByRole('checkbox', { name: 'Publier maintenant' }).isChecked()).toBe(
        true,
      );
      await form.getByRole('button', { name: 'Enregistrer la réponse' }).click();
      await suite.page.getByText('La réponse est enregistrée.').waitFor();

      // the report is off topic: the moderator keeps the proposal and dismisses it, after a confirmation
      await reports.getByRole('button', { name: `Écarter les signalements : ${title}` }).click();
      const dialog = suite.page.getByRole('alertdialog', {
        name: `Écarter les signalements de « ${title} » ?`,
      });
      await dialog
        .getByText('Le signalement est classé sans suite et le contenu reste visible.', {
          exact: false,
        })
        .waitFor();
      await expectAccessible('modération (écarter un signalement)');
      await dialog.getByRole('button', { name: 'Écarter les signalements' }).click();
      await suite.page.getByText(`Signalement écarté : « ${title} » est conservé.`).waitFor();
      expect(
        await reports.getByRole('heading', { level: 3, name: `Proposition ${title}` }).count(),
      ).toBe(0);
      expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe('reports-heading');
      await signOut();
    });

    it('lets the administrator set a support limit in the space admin and make the second participant a moderator', async () => {
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(`/admin/espaces/${SPACE}`);
      await suite.page
        .getByRole('button', { name: /^Réglages des propositions .*Mesures proposées/ })
        .click();
      const settings = suite.page.getByRole('form', {
        name: 'Réglages des propositions : Mesures proposées',
      });
      await settings.getByRole('textbox', { name: 'Limite de soutiens par participant' }).waitFor();
      expect(await settings.getByRole('combobox', { name: 'Soutiens' }).inputValue()).toBe(
        'ENABLED',
      );
      await settings.getByRole('textbox', { name: 'Limite de soutiens par participant' }).fill('3');
      await expectAccessible('administration : réglages des propositions');
      await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
      await suite.page.getByText('Les réglages sont enregistrés.').waitFor();

      const roles = suite.page
        .locator('form')
        .filter({ has: suite.page.getByLabel('Adresse e-mail du compte') });
      await roles.getByLabel('Adresse e-mail du compte').fill(supporter.email);
      await roles.getByLabel('Rôle').selectOption('MODERATOR');
      await roles.getByRole('button', { name: 'Attribuer le rôle' }).click();
      await suite.page
        .getByText(new RegExp(`attribué à ${supporter.name}`))
        .first()
        .waitFor();
      await signOut();

      await signIn(supporter.email, PASSWORD);
      await goTo(listPath);
      // one support given out of three
      await suite.page.getByText('Il vous reste 2 soutiens sur 3.').waitFor();
      await suite.page.getByRole('link', { name: 'Modération des propositions' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Modération : Mesures proposées' })
        .waitFor();
      await suite.page.getByRole('button', { name: 'Mélanger' }).waitFor();
      await signOut();
    });

    it('shows the published answer to the participant', async () => {
      await signIn(author.email, PASSWORD);
      await goTo(proposalPath);
      await suite.page.getByRole('heading', { level: 2, name: 'Réponse officielle' }).waitFor();
      await suite.page.getByText('Retenue : le comité lance l’annuaire en 2027.').waitFor();
      expect(await suite.page.locator('.page__header .badge--state').first().textContent()).toBe(
        'Acceptée',
      );
      expect(await suite.page.getByText('Brouillon non publié').count()).toBe(0);
      await expectAccessible('proposition acceptée');
    });

    it('shows the administrator « pas d’accord » on in the demo component; a participant then disagrees and reads the consensus order', async () => {
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(`/admin/espaces/${SPACE}`);
      await suite.page
        .getByRole('button', { name: /^Réglages des propositions .*Mesures proposées/ })
        .click();
      const settings = suite.page.getByRole('form', {
        name: 'Réglages des propositions : Mesures proposées',
      });
      expect(
        await settings
          .getByRole('checkbox', { name: /Pas d’accord.*ordre par consensus/ })
          .isChecked(),
      ).toBe(true);
      await signOut();

      await signIn(author.email, PASSWORD);
      await goTo(listPath);
      await suite.page.getByRole('combobox', { name: 'Trier par' }).selectOption('CONSENSUS');
      await suite.page
        .getByText(/^En tête, les propositions soutenues dans tous les groupes d’opinion/)
        .waitFor();
      await suite.page.getByText('15 propositions', { exact: true }).waitFor();
      await suite.page.waitForLoadState('networkidle');
      expect(await cardTitles()).toHaveLength(15);
      await expectAccessible('propositions (ordre par consensus)');
      // a proposal the author did not write: the first demo proposal of the consensus order
      await suite.page
        .locator('.proposal-card .item__title a')
        .filter({ hasNotText: title })
        .first()
        .click();
      const disagree = suite.page.getByRole('button', { name: 'Pas d’accord' });
      await disagree.waitFor();
      await suite.page.waitForLoadState('networkidle');
      // the demo voters' marks are already counted: this one adds one
      const shown = suite.page.getByText(/^\d+ «\s*pas d’accord\s*»$/).first();
      const before = (await shown.count()) ? Number.parseInt((await shown.textContent())!, 10) : 0;
      await disagree.click();
      await suite.page.getByText(/Votre «\s*pas d’accord\s*» est enregistré\./).waitFor();
      expect(await disagree.getAttribute('aria-pressed')).toBe('true');
      expect(await focusIsOnElement(suite.page)).toBe(true);
      await suite.page
        .getByText(new RegExp(`^${before + 1} «\\s*pas d’accord\\s*»$`))
        .first()
        .waitFor();
      expect(await suite.page.getByRole('button', { name: 'Soutenir' }).isDisabled()).toBe(true);
      await expectAccessible('proposition (pas d’accord)');
      // Back to the list: the order chosen is in its address, so it is still the consensus order
      await suite.page.goBack();
      await suite.page
        .getByText(/^En tête, les propositions soutenues dans tous les groupes d’opinion/)
        .waitFor();
      expect(new URL(suite.page.url()).search).toBe('?ordre=consensus');
      expect(await suite.page.getByRole('combobox', { name: 'Trier par' }).inputValue()).toBe(
        'CONSENSUS',
      );
      // a search with no match says why the list is empty and offers to clear it
      // the list's own search form, not the site-wide one in the header
      const listSearch = suite.page.getByRole('search', { name: 'Rechercher', exact: true });
      await listSearch.getByRole('searchbox').fill('zzzintrouvable');
      await listSearch.getByRole('button', { name: 'Rechercher' }).click();
      await suite.page
        .getByText('Aucune proposition ne correspond à cette recherche ou à ces filtres.')
        .waitFor();
      expect(new URL(suite.page.url()).search).toBe('?ordre=consensus&recherche=zzzintrouvable');
      await suite.page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).click();
      await suite.page.getByText('15 propositions', { exact: true }).waitFor();
      expect(await focusIsOnElement(suite.page)).toBe(true);
      await signOut();
    });

    it('checked every visited page with axe-core', () => {
      expect(pagesChecked.length).toBeGreaterThanOrEqual(11);
    });
  },
);
