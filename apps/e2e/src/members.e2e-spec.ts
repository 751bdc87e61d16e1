import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  pageProblems,
  describeInBrowser,
  expectErrorSummary,
  submitSignUp,
  focusIsOnElement,
  focusSettled,
} from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@members.test';
const ADMIN_PASSWORD = 'e2e-admin-password-members';
const PASSWORD = 'une phrase de passe solide';
const TYPOLOGY = 'Communauté de pratique (essai)';

describeInBrowser(
  'Member profiles in a browser: an admin adds a typology, a member fills in their profile and photo, another follows them',
  () => {
    const suite = useBrowserSuite('concerto-e2e-members-', {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo, pagesChecked } = suite;
    const stamp = Date.now();
    const lea = {
      name: 'Léa Fontaine',
      email: `lea.${stamp}@example.org`,
      pseudo: `lea-${stamp % 100000}`,
    };
    const marc = { name: 'Marc Olivier', email: `marc.${stamp}@example.org` };
    const contexts: BrowserContext[] = [];

    const checked = async (label: string, page: Page = suite.page) => {
      await page.waitForLoadState('networkidle');
      if (page === suite.page) return suite.expectAccessible(label);
      const problems = await pageProblems(page);
      pagesChecked.push(label);
      expect({ page: label, problems }).toEqual({ page: label, problems: [] });
    };
    /** Focus never drops to <body> after an action. */
    const focusIsOnPage = (page: Page) => focusIsOnElement(page);
    /** Nothing wider than a 390 px screen. */
    const fitsPhone = async (page: Page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.setViewportSize({ width: 1280, height: 800 });
      return width;
    };
    const newMember = async (who: { name: string; email: string }) => {
      const context = await suite.browser.newContext({ locale: 'fr-FR' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/inscription`);
      await submitSignUp(page, { ...who, password: PASSWORD });
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    };
    let leaPage: Page;
    let marcPage: Page;

    afterAll(async () => {
      for (const context of contexts) await context.close();
    });

    it('the organization admin adds a typology from « Typologies des membres »', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      // the sign-in page navigates away once the session is open (a previous user's « Se déconnecter » is no proof)
      await suite.page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/admin');
      await suite.page.getByRole('link', { name: 'Typologies des membres' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Typologies des membres' }).waitFor();
      await checked('typologies des membres (admin)');
      await suite.page.getByLabel('Libellé', { exact: true }).fill(TYPOLOGY);
      await suite.page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await suite.page
        .getByRole('status')
        .getByText(/Typologie «\s?Communauté de pratique \(essai\)\s?» ajoutée\./)
        .waitFor();
      await suite.page
        .getByRole('region', { name: 'Typologies, dans l’ordre' })
        .getByText(TYPOLOGY, { exact: true })
        .waitFor();
      expect(await focusIsOnPage(suite.page)).toBe(true);
      expect(await fitsPhone(suite.page)).toBeLessThanOrEqual(390);
      await checked('typologies des membres (ajoutée)');
      // keyboard only: « Monter » moves it one place up and keeps the focus
      const up = suite.page.getByRole('button', {
        name: /^Monter «\s?Communauté de pratique \(essai\)\s?»$/,
      });
      await up.focus();
      await suite.page.keyboard.press('Enter');
      await suite.page
        .getByRole('status')
        .getByText(/est maintenant en position/)
        .waitFor();
      expect(await up.evaluate((element) => element === document.activeElement)).toBe(true);
    });

    it('a member fills in « Mon profil » with that typology and a pseudo; a bad website is named on its field', async () => {
      leaPage = await newMember(lea);
      await leaPage.goto(`${suite.server.url}/mon-compte`);
      await leaPage.getByRole('heading', { level: 2, name: 'Mon profil' }).waitFor();
      await leaPage.getByLabel('Pseudo', { exact: true }).fill(lea.pseudo);
      await leaPage
        .getByRole('combobox', { name: 'Organisation', exact: true })
        .fill('CHU de Rennes');
      await leaPage.getByLabel('Typologie', { exact: true }).selectOption({ label: TYPOLOGY });
      await leaPage.getByLabel(/Qui voit la typologie/).selectOption({ label: 'Tout le monde' });
      await leaPage
        .getByLabel('Rôle ou fonction', { exact: true })
        .fill('Cheffe de projet e-santé');
      await leaPage
        .getByLabel('Courte présentation')
        .fill('Je coordonne les projets de télésanté du CHU.');
      await leaPage.getByLabel('Site web', { exact: true }).fill('pas une adresse');
      await leaPage
        .getByLabel(/Qui voit le site web/)
        .selectOption({ label: 'Les membres connectés' });
      await leaPage.getByRole('button', { name: 'Enregistrer mon profil' }).click();
      // the error summary takes the focus and links to the field, which says its own error
      const summary = await expectErrorSummary(
        leaPage,
        '«\u00a0Site web\u00a0»\u00a0: adresse web invalide',
        {
          field: leaPage.locator('input[name="website"]'),
        },
      );
      expect(
        await leaPage.getByLabel('Site web', { exact: true }).getAttribute('aria-invalid'),
      ).toBe('true');
      expect(await summary.getByRole('link').count()).toBe(1);
      await checked('mon profil (site web refusé)', leaPage);
      await leaPage.getByLabel('Site web', { exact: true }).fill('https://lea.example.org');
      await leaPage.getByRole('button', { name: 'Enregistrer mon profil' }).click();
      await leaPage.getByRole('status').getByText('Profil enregistré.').waitFor();
      expect(await focusIsOnPage(leaPage)).toBe(true);
      expect(
        await leaPage.getByRole('link', { name: 'Voir ma page de membre' }).getAttribute('href'),
      ).toBe(`/membres/${lea.pseudo}`);
      await checked('mon profil (enregistré)', leaPage);
    });

    it('uploads a photo (preview first), which the API stores as a square WebP', async () => {
      const png = await sharp({
        create: { width: 40, height: 30, channels: 3, background: { r: 31, g: 58, b: 147 } },
      })
        .png()
        .toBuffer();
      await leaPage
        .getByLabel('Choisir une image')
        .setInputFiles({ name: 'lea.png', mimeType: 'image/png', buffer: png });
      await leaPage.getByRole('img', { name: 'Aperçu de la nouvelle photo' }).waitFor();
      await leaPage.getByRole('button', { name: 'Enregistrer cette photo' }).click();
      await leaPage.getByRole('status').getByText('Photo enregistrée.').waitFor();
      const src = await leaPage
        .getByRole('img', { name: 'Votre photo actuelle' })
        .getAttribute('src');
      expect(src).toMatch(/^\/avatars\/[0-9a-f-]{36}\.webp$/);
      const image = await leaPage.request.get(`${suite.server.url}${src}`);
      expect(image.headers()['content-type']).toBe('image/webp');
      expect(await sharp(await image.body()).metadata()).toMatchObject({
        format: 'webp',
        width: 256,
        height: 256,
      });
      expect(await focusIsOnPage(leaPage)).toBe(true);
      expect(await fitsPhone(leaPage)).toBeLessThanOrEqual(390);
      await checked('mon profil (photo)', leaPage);
    });

    it('another member opens « /membres/<pseudo> » and follows her', async () => {
      marcPage = await newMember(marc);
      await marcPage.goto(`${suite.server.url}/membres/${lea.pseudo}`);
      await marcPage.getByRole('heading', { level: 1, name: lea.name }).waitFor();
      expect(await marcPage.title()).toContain(lea.name);
      await marcPage.getByText(TYPOLOGY, { exact: true }).waitFor();
      await marcPage.getByText('CHU de Rennes', { exact: true }).waitFor();
      await marcPage.getByRole('link', { name: 'https://lea.example.org' }).waitFor();
      await marcPage.getByRole('img', { name: `Photo de ${lea.name}` }).waitFor();
      await checked('page de membre', marcPage);
      await marcPage.getByRole('button', { name: 'Suivre', exact: true }).click();
      await marcPage.getByRole('status').getByText(`Vous suivez maintenant ${lea.name}.`).waitFor();
      await marcPage.getByRole('button', { name: 'Ne plus suivre' }).waitFor();
      await marcPage.getByText(/^1 abonné/).waitFor();
      await marcPage
        .getByRole('region', { name: 'Abonnés' })
        .getByRole('link', { name: marc.name })
        .waitFor();
      expect(await focusIsOnPage(marcPage)).toBe(true);
      expect(await fitsPhone(marcPage)).toBeLessThanOrEqual(390);
      await checked('page de membre (suivie)', marcPage);

      // his own profile: the organisation field suggests the ones members already gave, picked with the keyboard
      await marcPage.goto(`${suite.server.url}/mon-compte`);
      const organisation = marcPage.getByRole('combobox', { name: 'Organisation', exact: true });
      await organisation.pressSequentially('CHU de R');
      await marcPage.getByRole('option', { name: 'CHU de Rennes' }).waitFor();
      await marcPage.keyboard.press('ArrowDown');
      await marcPage.keyboard.press('Enter');
      expect(await organisation.inputValue()).toBe('CHU de Rennes');
      expect(await organisation.evaluate((element) => element === document.activeElement)).toBe(
        true,
      );
      // checked once the list is closed: while it is open React Aria hides the rest of the page from screen readers (aria-hidden), which axe reports
      await marcPage.getByRole('listbox').waitFor({ state: 'detached' });
      await checked('mon profil (organisation suggérée choisie)', marcPage);
    });

    it('signed out, the members-only website is absent and there is no follow button; an unknown pseudo is « Page introuvable »', async () => {
      const context = await suite.browser.newContext({ locale: 'fr-FR' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/membres/${lea.pseudo}`);
      await page.getByRole('heading', { level: 1, name: lea.name }).waitFor();
      await page.getByText(TYPOLOGY, { exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'https://lea.example.org' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Suivre', exact: true }).count()).toBe(0);
      await checked('page de membre (visiteur)', page);
      await page.goto(`${suite.server.url}/membres/personne-${stamp % 100000}`);
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    });

    it('the organization admin blocks Marc from his page (a short reason is named on its field): his session ends, his sign-in is refused; unblocked, he signs in again', async () => {
      await goTo(`/membres/${lea.pseudo}`);
      await suite.page
        .getByRole('region', { name: 'Abonnés' })
        .getByRole('link', { name: marc.name })
        .click();
      await suite.page.getByRole('heading', { level: 1, name: marc.name }).waitFor();
      const panel = suite.page.getByRole('region', { name: 'Blocage du compte' });
      const reason = panel.getByRole('textbox', { name: 'Motif du blocage' });
      await reason.fill('court');
      await panel.getByRole('button', { name: 'Bloquer ce compte' }).click();
      // on its field, and in the error summary that takes the focus and links to it
      await expectErrorSummary(panel, 'Indiquez un motif d’au moins 10 caractères.', {
        field: reason,
      });
      await reason.fill('Messages insultants répétés envers d’autres membres.');
      await panel.getByRole('button', { name: 'Bloquer ce compte' }).click();
      await panel
        .getByRole('status')
        .getByText(`Compte de ${marc.name} bloqué : 0 contribution masquée.`)
        .waitFor();
      await panel.getByText(/^Compte bloqué le \d/).waitFor();
      // the page says the account is blocked and no longer offers « Suivre »
      await suite.page
        .getByText(/^Ce compte a été bloqué par l’administration de la plateforme\s: seul son nom/)
        .waitFor();
      expect(await suite.page.getByRole('button', { name: 'Suivre', exact: true }).count()).toBe(0);
      await focusSettled(suite.page);
      expect(
        await suite.page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).toBe('Blocage du compte');
      expect(await fitsPhone(suite.page)).toBeLessThanOrEqual(390);
      await checked('page de membre (compte bloqué, admin)');

      // Marc's open tab learns at once that its session is over (the server closed its socket)
      await marcPage.getByRole('button', { name: 'Se déconnecter' }).waitFor({ state: 'detached' });
      // signing in again is refused with the reason why
      await marcPage.goto(`${suite.server.url}/connexion`);
      await marcPage.getByRole('button', { name: 'Se connecter' }).waitFor();
      expect(await marcPage.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
      await marcPage.getByLabel('Adresse e-mail').fill(marc.email);
      await marcPage.getByLabel('Mot de passe').fill(PASSWORD);
      await marcPage.getByRole('button', { name: 'Se connecter' }).click();
      await marcPage
        .getByText('Ce compte a été bloqué par l’administration de la plateforme.')
        .first()
        .waitFor();
      expect(await focusIsOnPage(marcPage)).toBe(true);

      await panel.getByRole('button', { name: 'Débloquer ce compte' }).click();
      const dialog = suite.page.getByRole('alertdialog', {
        name: `Débloquer le compte de ${marc.name} ?`,
      });
      await dialog.getByRole('button', { name: 'Débloquer ce compte' }).click();
      await panel.getByRole('status').getByText(`Compte de ${marc.name} débloqué.`).waitFor();
      await panel.getByRole('textbox', { name: 'Motif du blocage' }).waitFor();
      // on the section's heading, not where the closing dialog would return it (its button is gone)
      await focusSettled(suite.page);
      expect(
        await suite.page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).toBe('Blocage du compte');

      await marcPage.getByRole('button', { name: 'Se connecter' }).click();
      await marcPage.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await marcPage.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    });

    it('checked every page it visited with axe', () => {
      expect(pagesChecked.length).toBeGreaterThanOrEqual(8);
    });
  },
);
