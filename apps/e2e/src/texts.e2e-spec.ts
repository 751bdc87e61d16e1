import { describeInBrowser, rawKeysShown, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';
import { currentTermsVersions } from './concerto-server';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-1';
const TEXT_TITLE = /Propositions du groupe de travail/;
const ADDED = 'avec les patients';

describeInBrowser(
  'collaborative text: the demo charter, an amendment proposed with the keyboard, accepted, shown in the history',
  () => {
    const suite = useBrowserSuite('concerto-e2e-texts-', { ADMIN_PASSWORD, ADMIN_EMAIL });
    const { expectAccessible, goTo } = suite;

    const openText = async () => {
      await goTo('/espaces/structuration-filiere-sante-numerique');
      await suite.page.getByRole('link', { name: TEXT_TITLE }).first().click();
      await suite.page
        .getByRole('heading', { name: /Axe 1 - Circulation maîtrisée des données/ })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
    };
    const focusedText = () =>
      suite.page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '',
      );
    /** Presses Tab until the focused element's text matches (bounded). */
    const tabTo = async (text: RegExp) => {
      for (let i = 0; i < 400; i++) {
        await suite.page.keyboard.press('Tab');
        if (text.test(await focusedText())) return;
      }
      throw new Error(`focus never reached ${text}`);
    };

    it('shows the demo charter (section 5 of the report) as sections and numbered articles', async () => {
      await openText();
      await suite.page.getByRole('button', { name: 'Article 1', exact: true }).waitFor();
      await suite.page.getByRole('button', { name: 'Article 3', exact: true }).waitFor();
      expect(await rawKeysShown(suite.page)).toEqual([]);
      await expectAccessible('texte collaboratif');
    });

    it('shows the charter in English when opened with English chosen, then in French again', async () => {
      await openText();
      await suite.page.getByRole('button', { name: 'English' }).click();
      await suite.page.waitForFunction(() => document.documentElement.lang === 'en');
      // a cold load with English chosen: its strings arrive before the first render
      await suite.page.reload();
      await suite.page.getByText(/^Choose an article/).waitFor();
      await suite.page.getByText('Collaborative text', { exact: true }).waitFor();
      await suite.page.getByRole('button', { name: 'Article 1', exact: true }).waitFor();
      await suite.page.waitForLoadState('networkidle');
      expect(await rawKeysShown(suite.page)).toEqual([]);
      await expectAccessible('texte collaboratif (en)');
      await suite.page.getByRole('button', { name: 'Français' }).click();
      await suite.page.waitForFunction(() => document.documentElement.lang === 'fr');
      await suite.page.getByText(/^Choisissez un article/).waitFor();
      expect(await rawKeysShown(suite.page)).toEqual([]);
    });

    it('a participant proposes an amendment to an article using the keyboard only', async () => {
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Dominique Amende',
        email: `dominique.${Date.now()}@example.org`,
        password: 'une phrase de passe solide',
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await openText();

      await suite.page.locator('body').focus();
      await tabTo(/^Article 3$/);
      await suite.page.keyboard.press('Enter');
      await suite.page
        .getByRole('region', { name: /Article 3 : amendements et historique/ })
        .waitFor();
      await tabTo(/^$/); // the title field (an input has no text)
      expect(
        await suite.page.evaluate(() => (document.activeElement as HTMLInputElement).name),
      ).toBe('title');
      await suite.page.keyboard.type('Associer les patients à la démarche');
      // the body is the rich editor: its toolbar (one tab stop), then the editable article
      const body = suite.page.getByRole('textbox', { name: 'Nouveau texte de l’article' });
      await body.and(suite.page.locator('[contenteditable="true"]')).waitFor();
      await suite.page.keyboard.press('Tab');
      expect(
        await suite.page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      ).toBe('Gras');
      await suite.page.keyboard.press('Tab');
      expect(
        await suite.page.evaluate(() => document.activeElement?.getAttribute('contenteditable')),
      ).toBe('true');
      await suite.page.keyboard.press('Control+End');
      await suite.page.keyboard.type(` ${ADDED}, sans délai`);
      // bold from the toolbar with the keyboard: select the last two words, back to the toolbar, Enter
      await suite.page.keyboard.press('Control+Shift+ArrowLeft');
      await suite.page.keyboard.press('Control+Shift+ArrowLeft');
      await suite.page.keyboard.press('Shift+Tab');
      await suite.page.keyboard.press('Enter');
      await body.locator('strong', { hasText: 'sans délai' }).waitFor();
      await suite.page
        .getByRole('group', { name: 'Aperçu des modifications' })
        .locator('ins')
        .first()
        .waitFor();
      await tabTo(/^Proposer l’amendement$/);
      await suite.page.keyboard.press('Enter');
      await suite.page.getByText('Amendement proposé.').waitFor();
      await suite.page
        .getByRole('heading', { name: 'Associer les patients à la démarche' })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('amendement proposé');
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await suite.page.getByRole('link', { name: 'Connexion' }).waitFor();
    });

    it('the admin accepts it; the history shows version 2 with the diff', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await openText();
      await suite.page.getByRole('button', { name: 'Article 3', exact: true }).click();
      const panel = suite.page.getByRole('region', {
        name: /Article 3 : amendements et historique/,
      });
      await panel.getByRole('button', { name: /^Accepter/ }).click();
      // accepting publishes a new version: a confirmation dialog asks first, and holds the focus
      const confirm = suite.page.getByRole('alertdialog', {
        name: /Accepter l’amendement « Associer les patients à la démarche » \?/,
      });
      await confirm.waitFor();
      expect(await confirm.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(
        true,
      );
      await confirm.getByRole('button', { name: /^Accepter/ }).click();
      await confirm.waitFor({ state: 'detached' });
      await panel.getByText(/Amendement accepté/).waitFor();
      await panel.getByText('version 2').first().waitFor();
      const diff = panel.getByRole('group', { name: 'Différences entre les versions 1 et 2' });
      await diff.waitFor();
      expect(await diff.locator('ins').first().textContent()).toContain(ADDED);
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('historique des versions');
    });

    it('a participant reports an amendment; the admin hides it from the text’s moderation page, and participants no longer see it', async () => {
      // another participant's amendment of article 2, written through the API
      const author = await suite.gql(
        `mutation($i: RegisterInput!) { register(input: $i) { token } }`,
        {
          i: {
            name: 'Camille Indésirable',
            email: `camille.${Date.now()}@example.org`,
            password: 'une phrase de passe solide',
            ...(await currentTermsVersions(suite.server.url)),
          },
        },
      );
      const [article] = (
        await suite.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).space.components.filter((c: { type: string }) => c.type === 'PARTICIPATORY_TEXT');
      const text = await suite.gql(
        `query($c: ID!) { participatoryText(componentId: $c) { sections { articles { id number } } } }`,
        { c: article.id },
      );
      const second = text.participatoryText.sections
        .flatMap((x: { articles: { id: string; number: number }[] }) => x.articles)
        .find((a: { number: number }) => a.number === 2);
      const TITLE = 'Un amendement publicitaire hors de propos';
      await suite.gql(
        `mutation($i: CreateAmendmentInput!) { createAmendment(input: $i) { id } }`,
        {
          i: {
            amendableType: 'ARTICLE',
            amendableId: second.id,
            title: TITLE,
            body: 'Achetez nos produits miracles dès aujourd’hui.',
          },
        },
        author.register.token,
      );
      const openArticle2 = async () => {
        await openText();
        await suite.page.getByRole('button', { name: 'Article 2', exact: true }).click();
        return suite.page.getByRole('region', { name: /Article 2 : amendements et historique/ });
      };

      // a participant reports it (signed in as the admin's sign-out left the page)
      await suite.signOut();
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Élise Vigilante',
        email: `elise.${Date.now()}@example.org`,
        password: 'une phrase de passe solide',
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      let panel = await openArticle2();
      const card = panel.getByRole('article', { name: TITLE });
      await card.getByRole('button', { name: `Signaler : ${TITLE}` }).click();
      await card.getByLabel('Motif').selectOption('SPAM');
      await card.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await card.getByText('Merci, votre signalement a été transmis à la modération.').waitFor();
      expect(await focusedText()).not.toBe('');
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('amendement signalé');
      await suite.signOut();

      // the admin finds it on the text's moderation page and hides it
      await suite.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await openText();
      await suite.page.getByRole('link', { name: 'Modération', exact: true }).click();
      await suite.page.getByRole('heading', { name: /^Modération : / }).waitFor();
      const line = suite.page.getByRole('listitem').filter({ hasText: TITLE });
      await line.getByText('Amendement', { exact: true }).waitFor();
      // the line links to where the amendment is read (its article)
      expect(
        await line.getByRole('link', { name: /^Voir le contenu/ }).getAttribute('href'),
      ).toMatch(/#article-2$/);
      await line.getByRole('button', { name: /^Masquer/ }).click();
      await line.getByText('Masqué', { exact: true }).waitFor();
      await suite.page.waitForLoadState('networkidle');
      await suite.checkPage('modération du texte');
      // the admin still sees it, marked; the page has no reading order (not a proposals component)
      expect(await suite.page.getByRole('heading', { name: 'Ordre de lecture' }).count()).toBe(0);
      panel = await openArticle2();
      await panel
        .getByRole('article', { name: TITLE })
        .getByText('Masqué par la modération')
        .waitFor();
      await suite.signOut();

      // visitors no longer see it
      panel = await openArticle2();
      await panel
        .getByRole('heading', { name: /amendements/i })
        .first()
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      expect(await panel.getByRole('article', { name: TITLE }).count()).toBe(0);
    });
  },
);
