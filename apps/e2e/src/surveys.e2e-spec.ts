import { describeInBrowser, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_PASSWORD = 'e2e-admin-password-2';

describeInBrowser(
  'Enquête in a browser: a participant answers the demo survey, an admin reads its charts and tables',
  () => {
    const suite = useBrowserSuite('concerto-e2e-surveys-', {
      ADMIN_PASSWORD,
      ADMIN_EMAIL: 'admin@concerto.test',
    });
    const { expectAccessible, goTo } = suite;

    const openDemoSurvey = async () => {
      await goTo('/enquetes');
      await suite.page
        .getByRole('link', { name: /Enquête en ligne de février 2021/ })
        .first()
        .click();
      await suite.page.getByRole('heading', { level: 1 }).waitFor();
      await suite.page.waitForLoadState('networkidle');
    };

    it('a signed-up participant answers the annex 1 questionnaire once and sees their answers', async () => {
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Répondante Enquête',
        email: `repondante.${Date.now()}@example.org`,
        password: 'une phrase de passe solide',
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await openDemoSurvey();
      await suite.page.getByRole('button', { name: 'Envoyer mes réponses' }).waitFor();
      await expectAccessible('enquête (formulaire)');
      await suite.page
        .getByRole('group', { name: /Typologie des répondants/ })
        .getByRole('radio')
        .first()
        .check();
      const scales = suite.page.locator('fieldset.question__fieldset--scale');
      const count = await scales.count();
      expect(count).toBe(10);
      for (let i = 0; i < count; i++)
        await scales
          .nth(i)
          .getByLabel(i % 3 === 0 ? '3 d’accord' : '4 tout à fait d’accord')
          .check();
      await suite.page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await suite.page
        .getByRole('heading', { name: 'Merci, vos réponses sont enregistrées' })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('enquête (réponses envoyées)');
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await suite.page.getByRole('link', { name: 'Connexion' }).waitFor();
    });

    it('the administrator reads the results: charts, tables, % agreement and the cross-tabulation', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill('admin@concerto.test');
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await openDemoSurvey();
      await suite.page.getByRole('heading', { name: 'Résultats' }).waitFor();
      await suite.page.getByText('1 réponse au total').waitFor();
      await expect(
        suite.page.getByText('1 réponse : 100 % d’accord ou tout à fait d’accord').count(),
      ).resolves.toBe(10);
      expect(await suite.page.locator('.chart svg').count()).toBeGreaterThanOrEqual(11);
      expect(await suite.page.locator('table.results-table').count()).toBeGreaterThanOrEqual(11);
      await expectAccessible('enquête (résultats)');
      await suite.page.getByLabel('Ventiler par …').selectOption({ index: 1 });
      await suite.page.locator('table.results-table--cross').first().waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('enquête (résultats ventilés)');
      await suite.page.getByRole('link', { name: 'Modifier le questionnaire' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Modifier le questionnaire' })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('modifier le questionnaire');
      // a new question through the builder shows on the participants' page
      await suite.page.getByLabel('Type de question').selectOption('SHORT_ANSWER');
      await suite.page.getByLabel('Intitulé').fill('Un mot pour résumer la filière ?');
      await suite.page.getByRole('button', { name: 'Ajouter la question' }).click();
      await suite.page.getByText('Un mot pour résumer la filière ?').first().waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('modifier le questionnaire (question ajoutée)');
      // rewording it through "Modifier" shows the new wording on the participants' page
      const edit = suite.page.getByRole('button', {
        name: 'Modifier la question « Un mot pour résumer la filière ? »',
      });
      await edit.click();
      const form = suite.page.getByRole('form', {
        name: 'Modifier la question « Un mot pour résumer la filière ? »',
      });
      await form.getByLabel('Intitulé').fill('Trois mots pour résumer la filière ?');
      await expectAccessible('modifier le questionnaire (modifier une question)');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await suite.page
        .getByRole('status')
        .filter({ hasText: 'Question « Trois mots pour résumer la filière ? » enregistrée.' })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expect(
        suite.page
          .getByRole('button', {
            name: 'Modifier la question « Trois mots pour résumer la filière ? »',
          })
          .evaluate((el) => el === document.activeElement),
      ).resolves.toBe(true);
      await expectAccessible('modifier le questionnaire (question modifiée)');
      await openDemoSurvey();
      await suite.page.getByText('Trois mots pour résumer la filière ?').first().waitFor();
      await expect(suite.page.getByText('Un mot pour résumer la filière ?').count()).resolves.toBe(
        0,
      );
      await expectAccessible('enquête (question modifiée)');
    });
  },
);
