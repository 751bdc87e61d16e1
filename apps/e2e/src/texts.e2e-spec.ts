import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeInBrowser, launchChromium } from './browser';
import { ConcertoServer, freePort } from './concerto-server';


const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-1';
const TEXT_TITLE = /Propositions du groupe de travail/;
const ADDED = 'avec les patients';

describeInBrowser('collaborative text: the demo charter, an amendment proposed with the keyboard, accepted, shown in the history', () => {
  const root = mkdtempSync(join(tmpdir(), 'concerto-e2e-texts-'));
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
  const openText = async () => {
    await goTo('/espaces/structuration-filiere-sante-numerique');
    await page.getByRole('link', { name: TEXT_TITLE }).first().click();
    await page.getByRole('heading', { name: /Axe 1 - Circulation maîtrisée des données/ }).waitFor();
    await page.waitForLoadState('networkidle');
  };
  const focusedText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '');
  /** Presses Tab until the focused element's text matches (bounded). */
  const tabTo = async (text: RegExp) => {
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      if (text.test(await focusedText())) return;
    }
    throw new Error(`focus never reached ${text}`);
  };

  beforeAll(async () => {
    server = new ConcertoServer(await freePort(), join(root, 'postgres'), { ADMIN_PASSWORD, ADMIN_EMAIL });
    await server.start();
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the demo charter (section 5 of the report) as sections and numbered articles', async () => {
    await openText();
    await page.getByRole('button', { name: 'Article 1', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Article 3', exact: true }).waitFor();
    await expectAccessible('texte collaboratif');
  });

  it('a participant proposes an amendment to an article using the keyboard only', async () => {
    await goTo('/inscription');
    await page.getByLabel('Nom').fill('Dominique Amende');
    await page.getByLabel('Adresse e-mail').fill(`dominique.${Date.now()}@example.org`);
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await openText();

    await page.locator('body').focus();
    await tabTo(/^Article 3$/);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /Article 3 : amendements et historique/ }).waitFor();
    await tabTo(/^$/); // the title field (an input has no text)
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('title');
    await page.keyboard.type('Associer les patients à la démarche');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).name)).toBe('body');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${ADDED}.`);
    await page.getByRole('group', { name: 'Aperçu des modifications' }).locator('ins').first().waitFor();
    await tabTo(/^Proposer l'amendement$/);
    await page.keyboard.press('Enter');
    await page.getByText('Amendement proposé.').waitFor();
    await page.getByRole('heading', { name: 'Associer les patients à la démarche' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible('amendement proposé');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Connexion' }).waitFor();
  });

  it('the admin accepts it; the history shows version 2 with the diff', async () => {
    await goTo('/connexion');
    await page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
    await page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await openText();
    await page.getByRole('button', { name: 'Article 3', exact: true }).click();
    const panel = page.getByRole('region', { name: /Article 3 : amendements et historique/ });
    await panel.getByRole('button', { name: /^Accepter/ }).click();
    await panel.getByText(/Amendement accepté/).waitFor();
    await panel.getByText('version 2').first().waitFor();
    const diff = panel.getByRole('group', { name: 'Différences entre les versions 1 et 2' });
    await diff.waitFor();
    expect(await diff.locator('ins').first().textContent()).toContain(ADDED);
    await page.waitForLoadState('networkidle');
    await expectAccessible('historique des versions');
  });
});
