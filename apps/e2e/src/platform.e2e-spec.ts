import { describeInBrowser, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';
import { processesMentioning } from './concerto-server';

const ADMIN_PASSWORD = 'e2e-admin-password-1';

describeInBrowser(
  'Concerto in a browser: French by default, sign-up, sign-in, the three spaces, accessibility',
  () => {
    const suite = useBrowserSuite('concerto-e2e-', {
      ADMIN_PASSWORD,
      ADMIN_EMAIL: 'admin@concerto.test',
    });
    const { expectAccessible, goTo, pagesChecked } = suite;

    it('serves the home page in French with the three spaces in the navigation', async () => {
      await goTo('/');
      expect(await suite.page.getAttribute('html', 'lang')).toBe('fr');
      const nav = suite.page.getByRole('navigation').first();
      for (const label of ['Concertations', 'Assemblées', 'Enquêtes']) {
        await expect(nav.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(
          true,
        );
      }
      await expectAccessible('accueil');
    });

    it('browses the Concertation, its phases and its proposals from the 2021 report', async () => {
      await goTo('/');
      await suite.page
        .getByRole('navigation')
        .first()
        .getByRole('link', { name: 'Concertations', exact: true })
        .click();
      await suite.page.getByRole('heading', { level: 1 }).waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('concertations');
      await suite.page
        .getByRole('link', { name: /Structuration de la filière santé numérique/ })
        .first()
        .click();
      await suite.page
        .getByRole('heading', { level: 1, name: /Structuration de la filière santé numérique/ })
        .waitFor();
      await suite.page.getByText('Phase en cours').first().waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('concertation');
      await suite.page
        .getByRole('link', { name: /Mesures proposées/ })
        .first()
        .click();
      await suite.page
        .getByText(/usages de l.IA dans l.aide à la décision médicale/)
        .first()
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('propositions');
    });

    it('browses the Assemblée and its four motions', async () => {
      await goTo('/assemblees');
      await suite.page
        .getByRole('link', { name: /Assemblée de la filière santé numérique/ })
        .first()
        .click();
      await suite.page
        .getByRole('heading', { level: 1, name: /Assemblée de la filière santé numérique/ })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('assemblée');
      await suite.page
        .getByRole('link', { name: /Motions/ })
        .first()
        .click();
      await suite.page.getByText('A2-4').first().waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('motions');
    });

    it('browses the Enquêtes and the February 2021 questionnaire', async () => {
      await goTo('/');
      await suite.page
        .getByRole('navigation')
        .first()
        .getByRole('link', { name: 'Enquêtes', exact: true })
        .click();
      await suite.page.getByRole('heading', { level: 1 }).waitFor();
      await suite.page
        .getByRole('link', { name: /février 2021/ })
        .first()
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('enquêtes');
      await suite.page
        .getByRole('link', { name: /février 2021/ })
        .first()
        .click();
      await suite.page
        .getByText(/tout à fait d.accord/)
        .first()
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('questionnaire');
    });

    it('answers an unknown space with a "page introuvable" view', async () => {
      await goTo('/espaces/nexiste-pas');
      await suite.page
        .getByText(/introuvable/i)
        .first()
        .waitFor();
    });

    const email = `camille.${Date.now()}@example.org`;
    const password = 'une phrase de passe solide';

    it('signs a new participant up, shows them signed in, and signs them out', async () => {
      await goTo('/inscription');
      await expectAccessible('inscription');
      await submitSignUp(suite.page, { name: 'Camille Martin', email, password });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await expect(suite.page.getByText('Camille Martin').first().isVisible()).resolves.toBe(true);
      const cookies = await suite.page.context().cookies();
      expect(cookies.find((c) => c.name === 'concerto_session')?.httpOnly).toBe(true);
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await suite.page.getByRole('link', { name: 'Connexion' }).waitFor();
    });

    it('refuses a second sign-up with the same e-mail and says why', async () => {
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Autre Camille',
        email: email.toUpperCase(),
        password,
      });
      // under the e-mail field, and linked from the error summary
      await suite.page
        .locator('.field__error', { hasText: 'Un compte existe déjà avec cette adresse e-mail.' })
        .waitFor();
      await suite.page
        .getByRole('link', { name: 'Un compte existe déjà avec cette adresse e-mail.' })
        .waitFor();
    });

    it('keeps the account across a restart (Ctrl-C leaves no process; data reused) and signs in again', async () => {
      expect(await suite.server.stop()).toBe(0);
      expect(processesMentioning(suite.dataDir)).toEqual([]);
      await suite.server.start();
      expect(suite.server.output).not.toMatch(/First administrator created/);
      await goTo('/connexion');
      await expectAccessible('connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(email);
      await suite.page.getByLabel('Mot de passe').fill('mauvais mot de passe');
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      await suite.page
        .getByRole('alert')
        .filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' })
        .waitFor();
      await suite.page.getByLabel('Mot de passe').fill(password);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await expect(suite.page.getByText('Camille Martin').first().isVisible()).resolves.toBe(true);
    });

    it('switches the interface to English and back', async () => {
      await goTo('/');
      await suite.page.getByRole('button', { name: 'English' }).click();
      await suite.page.waitForFunction(() => document.documentElement.lang === 'en');
      await suite.page.getByRole('button', { name: 'Français' }).waitFor();
      await expectAccessible('home (en)');
      await suite.page.getByRole('button', { name: 'Français' }).click();
      await suite.page.waitForFunction(() => document.documentElement.lang === 'fr');
    });

    it('shows the « Chiffres clés » from the home page, and the footer links the open-data archive', async () => {
      const { page } = suite;
      await goTo('/');
      const block = page.getByRole('region', { name: 'Chiffres clés' });
      await block.getByRole('link', { name: 'Tous les chiffres clés' }).click();
      await page.waitForURL((url) => url.pathname === '/chiffres-cles');
      await page.getByRole('heading', { level: 1, name: 'Chiffres clés' }).waitFor();
      // the demo's members and supports, counted by the database, in French figures and plurals
      // (waitFor is strict: exactly one element each, once the query has answered)
      const figures = page.getByRole('list', { name: 'Chiffres clés' });
      await figures.getByText(/^[\d\u202f]+ membres$/).waitFor();
      await figures.getByText(/^[\d\u202f]+ soutiens$/).waitFor();
      await page.getByText(/^Chiffres au \d{1,2}(er)? \p{L}+ \d{4}/u).waitFor();
      await page.getByRole('heading', { name: 'Soutiens par semaine' }).waitFor();
      const typologies = page.getByRole('table', {
        name: 'Membres et organisations par typologie de profil',
      });
      expect(await typologies.getByRole('row').count()).toBeGreaterThan(2);
      await suite.checkPage('chiffres clés');

      const openData = page
        .getByRole('contentinfo')
        .getByRole('link', { name: 'Données ouvertes' });
      expect(await openData.getAttribute('href')).toBe('/open-data.zip');
      const archive = await fetch(`${suite.server.url}/open-data.zip`);
      expect(archive.status).toBe(200);
      expect(archive.headers.get('content-type')).toBe('application/zip');
      expect(Buffer.from(await archive.arrayBuffer()).includes('votations.csv')).toBe(true);
    });

    it('lets the administrator create a Concertation in the admin area', async () => {
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill('admin@concerto.test');
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      await suite.page.getByRole('link', { name: 'Administration' }).click();
      await suite.page.getByRole('heading', { level: 1 }).waitFor();
      await suite.page.waitForLoadState('networkidle');
      await expectAccessible('administration');
      const form = suite.page
        .locator('form')
        .filter({ has: suite.page.getByLabel(/Slug|Adresse/i) })
        .first();
      await form.getByLabel(/Slug/i).fill('charte-ethique');
      await form.getByLabel(/^Titre/).fill('Charte éthique du numérique en santé');
      await form.getByRole('button').last().click();
      await suite.page.getByText('Charte éthique du numérique en santé').first().waitFor();
    });

    it('checked every visited page with axe-core', () => {
      expect(pagesChecked.length).toBeGreaterThanOrEqual(10);
    });
  },
);
