import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pageProblems, describeInBrowser, launchChromium, submitSignUp } from './browser';
import { ConcertoServer, freePort } from './concerto-server';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-2';
const SLUG = 'assemblee-filiere-sante-numerique';

describeInBrowser(
  'Assemblée in a browser: motions, a member added by the admin votes, a short deadline shows its result, minutes',
  () => {
    const root = mkdtempSync(join(tmpdir(), 'concerto-e2e-assembly-'));
    let server: ConcertoServer;
    let browser: Browser;
    let adminContext: BrowserContext;
    let memberContext: BrowserContext;
    let admin: Page;
    let member: Page;
    const pagesChecked: string[] = [];
    const memberEmail = `membre.${Date.now()}@example.org`;

    const expectAccessible = async (page: Page, label: string) => {
      await page.waitForLoadState('networkidle');
      const problems = await pageProblems(page);
      pagesChecked.push(label);
      expect({ page: label, problems }).toEqual({ page: label, problems: [] });
    };
    const goTo = async (page: Page, path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    };
    const motionsPath = async (page: Page) => {
      await goTo(page, `/espaces/${SLUG}`);
      const href = await page
        .getByRole('link', { name: /Motions/ })
        .first()
        .getAttribute('href');
      return href as string;
    };

    beforeAll(async () => {
      server = new ConcertoServer(await freePort(), join(root, 'postgres'), {
        ADMIN_PASSWORD,
        ADMIN_EMAIL,
      });
      await server.start();
      browser = await launchChromium();
      adminContext = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
      memberContext = await browser.newContext({ locale: 'fr-FR' });
      admin = await adminContext.newPage();
      member = await memberContext.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('shows the demo Assemblée with its members and its four open motions', async () => {
      await goTo(member, '/assemblees');
      await member
        .getByRole('link', { name: /Assemblée de la filière santé numérique/ })
        .first()
        .click();
      await member
        .getByRole('heading', { level: 1, name: /Assemblée de la filière santé numérique/ })
        .waitFor();
      await member
        .getByText(/Membre démo/)
        .first()
        .waitFor();
      await expectAccessible(member, 'assemblée');
      await member
        .getByRole('link', { name: /Motions/ })
        .first()
        .click();
      for (const title of ['Les territoires', 'Le cadre', 'L’animation', 'La valorisation']) {
        await member.getByRole('heading', { level: 3, name: new RegExp(title) }).waitFor();
      }
      await member.getByRole('heading', { name: /Votes ouverts \(4\)/ }).waitFor();
      await member
        .getByText(/Clôture dans 13 j/)
        .first()
        .waitFor();
      await expectAccessible(member, 'motions (anonyme)');
    });

    it('an admin adds a newly registered person as a member through the admin UI', async () => {
      await goTo(member, '/inscription');
      await submitSignUp(member, {
        name: 'Dominique Membre',
        email: memberEmail,
        password: 'une phrase de passe solide',
      });
      await member.getByRole('button', { name: 'Se déconnecter' }).waitFor();

      await goTo(admin, '/connexion');
      await admin.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await admin.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await admin.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await admin.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await admin.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo(admin, `/admin/espaces/${SLUG}`);
      await admin.getByLabel('Adresse e-mail du membre').fill(memberEmail);
      await admin.getByRole('button', { name: 'Ajouter le membre' }).click();
      await admin.getByText(/Dominique Membre a été ajouté·e/).waitFor();
      await expectAccessible(admin, 'administration de l’assemblée');
    });

    it('the member votes "Pour" with a confirmation step and sees their vote, then changes it', async () => {
      await goTo(member, await motionsPath(member));
      const first = member.getByRole('article', { name: /Les territoires/ });
      await first.getByText('Vous n’avez pas encore voté.').waitFor();
      await first.getByRole('button', { name: 'Pour', exact: true }).click();
      await first.getByText('Confirmer votre vote « Pour » ?').waitFor();
      await expectAccessible(member, 'confirmation du vote');
      await first.getByRole('button', { name: 'Confirmer mon vote' }).click();
      await first.getByText('Votre vote « Pour » est enregistré.').waitFor();
      await first.getByText(/Votre vote actuel\s: Pour/).waitFor();
      await first.getByRole('button', { name: 'Contre', exact: true }).click();
      await first.getByRole('button', { name: 'Confirmer mon vote' }).click();
      await first.getByText(/Votre vote actuel\s: Contre/).waitFor();
      await expectAccessible(member, 'motions (membre)');
    });

    it('a motion with a short deadline shows its result once the deadline has passed', async () => {
      const componentId = (await motionsPath(admin)).split('/f/')[1];
      const created = await admin.evaluate(
        async (input) => {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query:
                'mutation($input: CreateMotionInput!) { createMotion(input: $input) { id status } }',
              variables: { input },
            }),
          });
          return response.json();
        },
        {
          componentId,
          title: 'Motion éclair de démonstration',
          body: 'Un vote court.',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 10_000).toISOString(),
        },
      );
      expect(created.data.createMotion.status).toBe('OPEN');
      await goTo(member, await motionsPath(member));
      const card = member.getByRole('article', { name: /Motion éclair/ });
      await card.getByRole('button', { name: 'Pour', exact: true }).click();
      await card.getByRole('button', { name: 'Confirmer mon vote' }).click();
      await card.getByText(/Votre vote actuel\s: Pour/).waitFor();
      // no reload: the countdown reaches zero and the page asks the server again
      await member
        .getByRole('article', { name: /Motion éclair/ })
        .getByText('Motion adoptée')
        .waitFor({ timeout: 30_000 });
      await member
        .getByRole('article', { name: /Motion éclair/ })
        .getByText(/Participation\s: 1 membre a voté sur 6/)
        .waitFor();
      await expectAccessible(member, 'motion close');
    });

    it('renders the minutes for a period and downloads them as Markdown', async () => {
      await goTo(admin, `/espaces/${SLUG}/proces-verbal`);
      await admin
        .getByRole('heading', { level: 1, name: /Assemblée de la filière santé numérique/ })
        .waitFor();
      await admin.getByRole('heading', { name: /Motion éclair de démonstration/ }).waitFor();
      await admin.getByRole('heading', { name: /Membres sur la période/ }).waitFor();
      await expectAccessible(admin, 'procès-verbal');
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('button', { name: 'Télécharger en Markdown' }).click(),
      ]);
      const markdown = readFileSync((await download.path()) as string, 'utf8');
      expect(markdown).toContain('# Procès-verbal — Assemblée de la filière santé numérique');
      expect(markdown).toContain('**Résultat : Adoptée**');
    });

    it('checked every visited page with axe-core', () => {
      expect(pagesChecked.length).toBeGreaterThanOrEqual(7);
    });
  },
);
