import { describeInBrowser, submitSignUp, focusIsOnElement, expectErrorSummary } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-debates';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Débat in a browser: the demo debate, voting card, a new statement, the opinion map with « Vous »',
  () => {
    const suite = useBrowserSuite('concerto-e2e-debates-', { ADMIN_PASSWORD, ADMIN_EMAIL });
    const { goTo } = suite;

    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${suite.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await response.json()) as { data?: any; errors?: unknown };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return json.data;
    };
    const { checkPage } = suite;
    const focusIsKept = async () => expect(await focusIsOnElement(suite.page)).toBe(true);

    let debatePath = '';

    it('the demo Débat lists annex 1’s statements with demo voters; its results show groups, consensus and the tables', async () => {
      const space = await gql(`query($s: String!) { space(slug: $s) { components { id type } } }`, {
        s: SPACE,
      });
      const componentId = space.space.components.find(
        (c: { type: string }) => c.type === 'DEBATE',
      ).id;
      await goTo(`/espaces/${SPACE}/f/${componentId}`);
      await suite.page
        .getByRole('link', { name: 'Les constats de l’enquête 2021 : qu’en pense la filière ?' })
        .click();
      await suite.page
        .getByRole('heading', { level: 1, name: /Les constats de l’enquête 2021/ })
        .waitFor();
      debatePath = new URL(suite.page.url()).pathname;
      await suite.page.getByText('22 affirmations · 127 participant·es').waitFor();
      await checkPage('débat (anonyme)');
      await suite.page
        .getByRole('link', { name: 'Voir les groupes d’opinion et le consensus' })
        .click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Groupes d’opinion et consensus' })
        .waitFor();
      await suite.page.getByRole('img', { name: /Carte des opinions/ }).waitFor();
      await suite.page.getByRole('heading', { level: 3, name: /^Groupe A · / }).waitFor();
      await suite.page.getByRole('heading', { level: 3, name: /^Groupe B · / }).waitFor();
      await suite.page
        .getByRole('table', { name: 'Votes par affirmation, en tout et par groupe' })
        .waitFor();
      await checkPage('résultats du débat (anonyme)');
    });

    it('a participant votes card after card (focus on the next statement), adds a statement, and finds « Vous » on the map', async () => {
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Participante Débat',
        email: `debat.${Date.now()}@example.org`,
        password: 'une phrase de passe solide',
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo(debatePath);
      const card = suite.page.getByRole('region', { name: 'Votre avis' });
      await card.getByRole('group', { name: 'Votre vote sur cette affirmation' }).waitFor();
      await checkPage('carte de vote');
      const choices = [
        'D’accord',
        'Pas d’accord',
        'Passer',
        'D’accord',
        'D’accord',
        'Pas d’accord',
        'D’accord',
        'Pas d’accord',
      ];
      for (const choice of choices) {
        const before = await card.locator('.voting-card__statement').textContent();
        await card.getByRole('button', { name: choice, exact: true }).click();
        await suite.page.waitForFunction(
          (text) => document.querySelector('.voting-card__statement')?.textContent !== text,
          before,
        );
        expect(
          await suite.page.evaluate(() =>
            document.activeElement?.classList.contains('voting-card__statement'),
          ),
        ).toBe(true);
      }
      await suite.page.getByText('vous avez voté sur 8 affirmations').waitFor();

      const field = suite.page.getByLabel('Votre affirmation');
      await field.fill('   ');
      await suite.page.getByRole('button', { name: 'Proposer' }).click();
      // on the field, and in the error summary that takes the focus and links to it
      await expectErrorSummary(suite.page, 'Votre affirmation : le texte est vide.', { field });
      await field.fill('La filière doit publier chaque année un bilan partagé de ses actions.');
      await suite.page.getByRole('button', { name: 'Proposer' }).click();
      await suite.page.getByRole('status').filter({ hasText: 'Affirmation publiée.' }).waitFor();
      await focusIsKept();
      await suite.page.getByRole('heading', { name: 'Vos affirmations' }).waitFor();

      // the analysis is recomputed in the background (at most every 10 s): reload until the map marks « Vous »
      await goTo(`${debatePath}/resultats`);
      const map = suite.page.getByRole('img', { name: /Carte des opinions/ });
      for (let i = 0; i < 30 && !(await map.getByText('Vous').count()); i++) {
        await suite.page.waitForTimeout(1000);
        await suite.page.reload();
        await suite.page.waitForLoadState('networkidle');
      }
      await map.getByText('Vous').waitFor();
      await suite.page.getByText(/^Vous êtes dans le groupe [A-E]\.$/).waitFor();
      await checkPage('résultats du débat (participante)');
    });
  },
);
