import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeInBrowser, launchChromium } from './browser';
import { ConcertoServer, freePort, processesMentioning } from './concerto-server';


const ADMIN_PASSWORD = 'e2e-admin-password-1';

describeInBrowser('Concerto in a browser: French by default, sign-up, sign-in, the three spaces, accessibility', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-e2e-'));
  const dataDir = join(root, 'postgres');
  let server: ConcertoServer;
  let browser: Browser;
  let page: Page;
  const pagesChecked: string[] = [];

  const expectAccessible = async (label: string) => {
    const violations = await axeViolations(page);
    pagesChecked.push(label);
    expect({ page: label, violations }).toEqual({ page: label, violations: [] });
  };
  const goTo = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    server = new ConcertoServer(await freePort(), dataDir, { ADMIN_PASSWORD, ADMIN_EMAIL: 'admin@concerto.test' });
    await server.start();
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the home page in French with the three spaces in the navigation', async () => {
    await goTo('/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const nav = page.getByRole('navigation').first();
    for (const label of ['Concertations', 'Assemblées', 'Enquêtes']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(true);
    }
    await expectAccessible('accueil');
  });

  it('browses the Concertation, its phases and its proposals from the 2021 report', async () => {
    await goTo('/');
    await page.getByRole('navigation').first().getByRole('link', { name: 'Concertations', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('concertations');
    await page.getByRole('link', { name: /Structuration de la filière santé numérique/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Structuration de la filière santé numérique/ }).waitFor();
    await page.getByText('Phase en cours').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('concertation');
    await page.getByRole('link', { name: /Mesures proposées/ }).first().click();
    await page.getByText(/usages de l.IA dans l.aide à la décision médicale/).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('propositions');
  });

  it('browses the Assemblée and its four motions', async () => {
    await goTo('/assemblees');
    await page.getByRole('link', { name: /Assemblée de la filière santé numérique/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Assemblée de la filière santé numérique/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('assemblée');
    await page.getByRole('link', { name: /Motions/ }).first().click();
    await page.getByText('A2-4').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('motions');
  });

  it('browses the Enquêtes and the February 2021 questionnaire', async () => {
    await goTo('/');
    await page.getByRole('navigation').first().getByRole('link', { name: 'Enquêtes', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: /février 2021/ }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('enquêtes');
    await page.getByRole('link', { name: /février 2021/ }).first().click();
    await page.getByText(/tout à fait d.accord/).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('questionnaire');
  });

  it('answers an unknown space with a "page introuvable" view', async () => {
    await goTo('/espaces/nexiste-pas');
    await page.getByText(/introuvable/i).first().waitFor();
  });

  const email = `camille.${Date.now()}@example.org`;
  const password = 'une phrase de passe solide';

  it('signs a new participant up, shows them signed in, and signs them out', async () => {
    await goTo('/inscription');
    await expectAccessible('inscription');
    await page.getByLabel('Nom').fill('Camille Martin');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await expect(page.getByText('Camille Martin').first().isVisible()).resolves.toBe(true);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'concerto_session')?.httpOnly).toBe(true);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Connexion' }).waitFor();
  });

  it('refuses a second sign-up with the same e-mail and says why', async () => {
    await goTo('/inscription');
    await page.getByLabel('Nom').fill('Autre Camille');
    await page.getByLabel('Adresse e-mail').fill(email.toUpperCase());
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Un compte existe déjà avec cette adresse e-mail.').waitFor();
  });

  it('keeps the account across a restart (Ctrl-C leaves no process; data reused) and signs in again', async () => {
    expect(await server.stop()).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
    await server.start();
    expect(server.output).not.toMatch(/First administrator created/);
    await goTo('/connexion');
    await expectAccessible('connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await expect(page.getByText('Camille Martin').first().isVisible()).resolves.toBe(true);
  });

  it('switches the interface to English and back', async () => {
    await goTo('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('button', { name: 'Français' }).waitFor();
    await expectAccessible('home (en)');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
  });

  it('lets the administrator create a Concertation in the admin area', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await goTo('/connexion');
    await page.getByLabel('Adresse e-mail').fill('admin@concerto.test');
    await page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('administration');
    const form = page.locator('form').filter({ has: page.getByLabel(/Slug|Adresse/i) }).first();
    await form.getByLabel(/Slug/i).fill('charte-ethique');
    await form.getByLabel(/^Titre/).fill('Charte éthique du numérique en santé');
    await form.getByRole('button').last().click();
    await page.getByText('Charte éthique du numérique en santé').first().waitFor();
  });

  it('checked every visited page with axe-core', () => {
    expect(pagesChecked.length).toBeGreaterThanOrEqual(10);
  });
});
