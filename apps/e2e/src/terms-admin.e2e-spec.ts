import type { BrowserContext, Page } from 'playwright-core';
import { pageProblems, describeInBrowser, submitSignUp, focusSettled } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@terms.test';
const ADMIN_PASSWORD = 'e2e-admin-password-terms';
const PASSWORD = 'une phrase de passe solide';
const NEW_TITLE = 'Conditions d’utilisation de Concerto (révision)';
const NEW_BODY =
  'Article 1. Concerto est la plateforme de concertation de la filière.\n\nArticle 2. Chaque contribution est publique et signée.';

describeInBrowser(
  'Terms in a browser: an admin publishes a new version, a signed-in participant must accept it',
  () => {
    const suite = useBrowserSuite('concerto-e2e-terms-', {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo, pagesChecked } = suite;
    const participant = { name: 'Inès Moreau', email: `ines.${Date.now()}@example.org` };
    // The participant uses another browser context (own cookies), signed in while the admin publishes.
    let participantContext: BrowserContext | undefined;
    let participantPage: Page;

    const expectAccessible = async (label: string, page: Page = suite.page) => {
      await page.waitForLoadState('networkidle');
      if (page === suite.page) return suite.expectAccessible(label);
      const problems = await pageProblems(page);
      pagesChecked.push(label);
      expect({ page: label, problems }).toEqual({ page: label, problems: [] });
    };

    afterAll(async () => {
      await participantContext?.close();
    });

    it('a participant signs up (accepting version 1) in another browser and stays signed in', async () => {
      participantContext = await suite.browser.newContext({ locale: 'fr-FR' });
      participantPage = await participantContext.newPage();
      await participantPage.goto(`${suite.server.url}/inscription`);
      await submitSignUp(participantPage, {
        name: participant.name,
        email: participant.email,
        password: PASSWORD,
      });
      await participantPage.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    });

    it('the admin opens « Conditions et confidentialité » from the admin home and publishes version 2 of the terms after confirming', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/admin');
      await suite.page.getByRole('link', { name: 'Conditions et confidentialité' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Conditions et confidentialité' })
        .waitFor();
      const terms = suite.page.getByRole('region', { name: 'Conditions d’utilisation' });
      await terms.getByRole('heading', { level: 3, name: 'Publier la version 2' }).waitFor();
      await expectAccessible('conditions et confidentialité (admin)');

      await terms.getByLabel('Titre du document').fill(NEW_TITLE);
      await terms.getByLabel('Texte du document').fill(NEW_BODY);
      // without the confirmation nothing is sent
      await terms.getByRole('button', { name: /^Publier la version 2/ }).click();
      await terms
        .locator('.field__error', { hasText: 'Cochez la case pour confirmer la publication.' })
        .waitFor();
      await expectAccessible('conditions et confidentialité (confirmation manquante)');
      await terms
        .getByRole('checkbox', { name: /Je confirme la publication de la version 2/ })
        .check();
      await terms.getByRole('button', { name: /^Publier la version 2/ }).click();
      await terms
        .getByRole('status')
        .getByText(
          /^Version 2 publiée le .*\s: «\sConditions d’utilisation de Concerto \(révision\)\s»/,
        )
        .waitFor();
      await terms.getByRole('heading', { level: 3, name: 'Publier la version 3' }).waitFor();
      // the current version's figure comes from the refetch, which may land after the form's heading
      await terms.locator('dd').first().filter({ hasText: /^2$/ }).waitFor({ timeout: 10_000 });
      await focusSettled(suite.page);
      expect(await suite.page.evaluate(() => document.activeElement?.className)).toBe(
        'terms-admin__messages',
      );
      await expectAccessible('conditions et confidentialité (version publiée)');
    });

    it('the signed-in participant is then stopped by the acceptance page, can read the new text, accepts and goes on', async () => {
      await participantPage.goto(`${suite.server.url}/`);
      await participantPage
        .getByRole('heading', { level: 1, name: 'Nouvelles conditions à accepter' })
        .waitFor();
      await expectAccessible('nouvelles conditions à accepter', participantPage);
      await participantPage
        .getByRole('main')
        .getByRole('link', { name: 'Conditions d’utilisation' })
        .click();
      await participantPage.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
      await participantPage.getByText(/Version 2, publiée le/).waitFor();
      await participantPage
        .getByText('Article 2. Chaque contribution est publique et signée.')
        .waitFor();

      await participantPage.goto(`${suite.server.url}/concertations`);
      await participantPage
        .getByRole('heading', { level: 1, name: 'Nouvelles conditions à accepter' })
        .waitFor();
      await participantPage
        .getByRole('checkbox', {
          name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
        })
        .check();
      await participantPage.getByRole('button', { name: 'Accepter et continuer' }).click();
      await participantPage.getByRole('heading', { level: 1, name: 'Concertations' }).waitFor();

      await participantPage.goto(`${suite.server.url}/mon-compte`);
      await participantPage.getByText(/Conditions d’utilisation.*version 2, acceptée le/).waitFor();
    });

    it('the admin who published is asked to accept the new version too at the next visit', async () => {
      await goTo('/admin');
      await suite.page
        .getByRole('heading', { level: 1, name: 'Nouvelles conditions à accepter' })
        .waitFor();
      await suite.page
        .getByRole('checkbox', {
          name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
        })
        .check();
      await suite.page.getByRole('button', { name: 'Accepter et continuer' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    });

    it('checked every page it visited with axe', () => {
      expect(pagesChecked.length).toBeGreaterThanOrEqual(4);
    });
  },
);
