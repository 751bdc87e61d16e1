import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeInBrowser, launchChromium } from './browser';
import { ConcertoServer, freePort } from './concerto-server';

const ADMIN_PASSWORD = 'e2e-admin-password-2';

describeInBrowser('Enquête in a browser: a participant answers the demo survey, an admin reads its charts and tables', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-e2e-surveys-'));
  let server: ConcertoServer;
  let browser: Browser;
  let page: Page;

  const expectAccessible = async (label: string) => {
    const violations = await axeViolations(page);
    expect({ page: label, violations }).toEqual({ page: label, violations: [] });
  };
  const goTo = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
  };
  const openDemoSurvey = async () => {
    await goTo('/enquetes');
    await page.getByRole('link', { name: /Enquête en ligne de février 2021/ }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    server = new ConcertoServer(await freePort(), join(root, 'postgres'), { ADMIN_PASSWORD, ADMIN_EMAIL: 'admin@concerto.test' });
    await server.start();
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a signed-up participant answers the annex 1 questionnaire once and sees their answers', async () => {
    await goTo('/inscription');
    await page.getByLabel('Nom').fill('Répondante Enquête');
    await page.getByLabel('Adresse e-mail').fill(`repondante.${Date.now()}@example.org`);
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await openDemoSurvey();
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).waitFor();
    await expectAccessible('enquête (formulaire)');
    await page.getByRole('group', { name: /Typologie des répondants/ }).getByRole('radio').first().check();
    const scales = page.locator('fieldset.question__fieldset--scale');
    const count = await scales.count();
    expect(count).toBe(10);
    for (let i = 0; i < count; i++) await scales.nth(i).getByLabel(i % 3 === 0 ? "3 d'accord" : "4 tout à fait d'accord").check();
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.getByRole('heading', { name: 'Merci, vos réponses sont enregistrées' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('enquête (réponses envoyées)');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Connexion' }).waitFor();
  });

  it('the administrator reads the results: charts, tables, % agreement and the cross-tabulation', async () => {
    await goTo('/connexion');
    await page.getByLabel('Adresse e-mail').fill('admin@concerto.test');
    await page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await openDemoSurvey();
    await page.getByRole('heading', { name: 'Résultats' }).waitFor();
    await page.getByText('1 réponse au total').waitFor();
    await expect(page.getByText("1 réponse : 100 % d'accord ou tout à fait d'accord").count()).resolves.toBe(10);
    expect(await page.locator('.chart svg').count()).toBeGreaterThanOrEqual(11);
    expect(await page.locator('table.results-table').count()).toBeGreaterThanOrEqual(11);
    await expectAccessible('enquête (résultats)');
    await page.getByLabel('Ventiler par …').selectOption({ index: 1 });
    await page.locator('table.results-table--cross').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('enquête (résultats ventilés)');
    await page.getByRole('link', { name: 'Modifier le questionnaire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier le questionnaire' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('modifier le questionnaire');
    // a new question through the builder shows on the participants' page
    await page.getByLabel('Type de question').selectOption('SHORT_ANSWER');
    await page.getByLabel('Intitulé').fill('Un mot pour résumer la filière ?');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.getByText('Un mot pour résumer la filière ?').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('modifier le questionnaire (question ajoutée)');
    // rewording it through "Modifier" shows the new wording on the participants' page
    const edit = page.getByRole('button', { name: 'Modifier la question « Un mot pour résumer la filière ? »' });
    await edit.click();
    const form = page.getByRole('form', { name: 'Modifier la question « Un mot pour résumer la filière ? »' });
    await form.getByLabel('Intitulé').fill('Trois mots pour résumer la filière ?');
    await expectAccessible('modifier le questionnaire (modifier une question)');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Question « Trois mots pour résumer la filière ? » enregistrée.' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('button', { name: 'Modifier la question « Trois mots pour résumer la filière ? »' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expectAccessible('modifier le questionnaire (question modifiée)');
    await openDemoSurvey();
    await page.getByText('Trois mots pour résumer la filière ?').first().waitFor();
    await expect(page.getByText('Un mot pour résumer la filière ?').count()).resolves.toBe(0);
    await expectAccessible('enquête (question modifiée)');
  });
});
