import { describeInBrowser, expectErrorSummary, focusSettled } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-ideas';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Boîte à idées in a browser: the demo box, the pairwise booth by keyboard, an idea added, the results at 390 px',
  () => {
    const suite = useBrowserSuite('concerto-e2e-ideas-', { ADMIN_PASSWORD, ADMIN_EMAIL });
    const { goTo, checkPage } = suite;
    const focusedText = async () => {
      await focusSettled(suite.page);
      return suite.page.evaluate(() =>
        document.activeElement && document.activeElement !== document.body
          ? document.activeElement.textContent
          : null,
      );
    };

    it('answers pairs with the keyboard (focus stays on the button), adds an idea, and reads the ranked results with scores by respondent type', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

      const response = await fetch(`${suite.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($s: String!) { space(slug: $s) { components { id type } } }`,
          variables: { s: SPACE },
        }),
      });
      const componentId = ((await response.json()) as any).data.space.components.find(
        (c: { type: string }) => c.type === 'IDEAS',
      ).id;
      await goTo(`/espaces/${SPACE}/f/${componentId}`);
      await suite.page.getByRole('link', { name: 'Participer' }).click();
      await suite.page
        .getByRole('heading', {
          level: 1,
          name: 'Quelle action la filière doit-elle mener en priorité ?',
        })
        .waitFor();
      const pair = suite.page.getByRole('group', { name: 'Choisir entre deux idées' });
      // the two ideas (each with its « Signaler » under it)
      const choices = pair.locator('.idea-booth__choice');
      const left = choices.first();
      await left.waitFor();
      await checkPage('isoloir');

      const before = (await choices.allTextContents()).sort();
      await left.focus();
      await suite.page.keyboard.press('Enter');
      await suite.page.getByText('Vous avez répondu 1 fois.').waitFor();
      expect(await focusedText()).not.toBeNull(); // focus did not drop to <body>
      expect((await choices.allTextContents()).sort()).not.toEqual(before); // never the same pair twice in a row
      // from the left idea: its « Signaler », the right idea, its « Signaler », then « Je ne sais pas »
      await suite.page.keyboard.press('Tab');
      expect(await focusedText()).toMatch(/^Signaler/);
      for (let i = 0; i < 3; i++) await suite.page.keyboard.press('Tab');
      expect(await focusedText()).toBe('Je ne sais pas');
      await suite.page.keyboard.press('Enter');
      await suite.page.getByText('Vous avez répondu 2 fois.').waitFor();

      const field = suite.page.getByRole('textbox', { name: 'Votre idée' });
      await suite.page.getByRole('button', { name: 'Ajouter l’idée' }).click();
      // said under the field and in the error summary, which takes the focus and links to it
      await expectErrorSummary(suite.page, 'Renseignez le champ «\u00a0Votre idée\u00a0».', {
        field,
      });
      await field.fill('Créer un observatoire des usages du numérique en santé');
      await suite.page.getByRole('button', { name: 'Ajouter l’idée' }).click();
      await suite.page.getByText('Idée ajoutée : elle entre dans les comparaisons.').waitFor();

      await suite.page.getByRole('link', { name: 'Voir les résultats' }).click();
      await suite.page.getByRole('heading', { level: 2, name: 'Classement des idées' }).waitFor();
      await suite.page.getByRole('table', { name: 'Tableau des résultats' }).waitFor();
      expect(
        await suite.page
          .getByRole('table', { name: 'Tableau des résultats' })
          .getByRole('row')
          .count(),
      ).toBe(23); // header + 21 seeds + the new idea
      await suite.page.getByRole('combobox', { name: 'Type de répondant' }).waitFor();
      await checkPage('résultats');
      await suite.page.setViewportSize({ width: 390, height: 900 });
      await suite.page.screenshot({ path: '/tmp/ideas-results-390.png', fullPage: false });
      await suite.page.goBack();
      await pair.getByRole('button').first().waitFor();
      await suite.page.screenshot({ path: '/tmp/ideas-booth-390.png', fullPage: false });
    });
  },
);
