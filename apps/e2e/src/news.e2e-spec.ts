import sharp from 'sharp';
import { describeInBrowser, focusIsOnElement, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-news';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Actualités in a browser: an admin publishes a post with an image, a follower of the space is notified, the feeds list it',
  () => {
    const suite = useBrowserSuite('concerto-e2e-news-', { ADMIN_PASSWORD, ADMIN_EMAIL });
    const { goTo, gql, checkPage, signIn, signOut } = suite;
    const focusIsKept = async () => expect(await focusIsOnElement(suite.page)).toBe(true);

    const title = 'Lancement du nouveau groupe de la filière';
    let componentId = '';

    it('the demo shows the two posts from the report on the home page and in the space’s Actualités', async () => {
      await goTo('/');
      await suite.page.getByRole('heading', { level: 2, name: 'Dernières actualités' }).waitFor();
      await suite.page
        .getByRole('link', { name: 'Synthèse du rapport final du groupe de travail' })
        .waitFor();
      await suite.page
        .getByRole('link', {
          name: 'Poursuivre le travail pour « faire filière » : un appel à tous les acteurs',
        })
        .waitFor();
      await checkPage('accueil avec actualités');
      const space = await gql(`query($s: String!) { space(slug: $s) { components { id type } } }`, {
        s: SPACE,
      });
      componentId = space.space.components.find((c: { type: string }) => c.type === 'NEWS').id;
      await suite.page
        .getByRole('link', { name: 'Synthèse du rapport final du groupe de travail' })
        .click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Synthèse du rapport final du groupe de travail' })
        .waitFor();
      await checkPage('actualité de démonstration');
    });

    it('admin publishes (image + alt text, home page) → the follower is notified → the feeds list it', async () => {
      // a participant follows the space in the browser
      const followerEmail = `abonnee.${Date.now()}@example.org`;
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Abonnée Actualités',
        email: followerEmail,
        password: 'une phrase de passe solide',
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo(`/espaces/${SPACE}`);
      await suite.page.getByRole('button', { name: 'Suivre cette concertation' }).click();
      await suite.page.getByRole('button', { name: 'Ne plus suivre cette concertation' }).waitFor();
      await signOut();

      // the admin writes the post in the admin form
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(`/admin/espaces/${SPACE}/actualites/${componentId}`);
      await suite.page.getByRole('heading', { level: 1, name: /^Actualités : / }).waitFor();
      await checkPage('gérer les actualités');
      const form = suite.page
        .locator('form')
        .filter({ has: suite.page.getByRole('button', { name: 'Publier' }) });
      await form.getByLabel('Titre', { exact: true }).fill(title);
      await form
        .getByLabel('Texte', { exact: true })
        .fill(
          'Le nouveau groupe se réunit pour établir sa feuille de route.\n\nChaque acteur est invité à contribuer.',
        );
      const png = await sharp({
        create: { width: 1600, height: 900, channels: 3, background: { r: 31, g: 58, b: 147 } },
      })
        .png()
        .toBuffer();
      await form
        .getByLabel('Image (facultative)')
        .setInputFiles({ name: 'groupe.png', mimeType: 'image/png', buffer: png });
      await form
        .getByLabel('Texte alternatif de l’image')
        .fill('Les membres du groupe de travail autour d’une table');
      await form.getByLabel(/Mettre à la une de l’accueil/).check();
      await form.getByRole('button', { name: 'Publier' }).click();
      await suite.page
        .getByRole('status')
        .filter({
          hasText: `Actualité « ${title} » publiée` /* no-break spaces in the page, normalised by the matcher */,
        })
        .waitFor();
      await focusIsKept();
      await suite.page.getByRole('link', { name: title }).click();
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await suite.page
        .getByRole('img', { name: 'Les membres du groupe de travail autour d’une table' })
        .waitFor();
      const postPath = new URL(suite.page.url()).pathname;
      await checkPage('actualité publiée');
      await signOut();

      // the follower reads the notification and follows its link
      await signIn(followerEmail, 'une phrase de passe solide');
      let found = false;
      for (let attempt = 0; attempt < 10 && !found; attempt++) {
        await goTo('/notifications');
        found =
          (await suite.page
            .locator('.notification-list')
            .getByRole('link', { name: title })
            .count()) > 0;
        if (!found) await suite.page.waitForTimeout(1000);
      }
      expect(found).toBe(true);
      await checkPage('notifications avec une actualité');
      await suite.page.locator('.notification-list').getByRole('link', { name: title }).click();
      await suite.page.waitForURL((url) => url.pathname === postPath);
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await suite.page.getByLabel('Votre commentaire').fill('Je participerai au nouveau groupe.');
      await suite.page.getByRole('button', { name: 'Commenter' }).click();
      await suite.page.getByRole('status').filter({ hasText: 'Commentaire publié.' }).waitFor();
      await focusIsKept();

      // the space's RSS and the organization's Atom feeds list it, with its absolute link
      const rss = await (await fetch(`${suite.server.url}/feeds/spaces/${SPACE}/news.rss`)).text();
      expect(rss).toContain(`<title><![CDATA[${title}]]></title>`);
      expect(rss).toContain(postPath);
      const atom = await fetch(`${suite.server.url}/feeds/news.atom`);
      expect(atom.headers.get('content-type')).toContain('application/atom+xml');
      expect(await atom.text()).toContain(title);
      await goTo('/');
      await suite.page.getByRole('link', { name: title }).waitFor();
    });
  },
);
