import { SmtpInbox, startSmtpInbox } from '@concerto/testing';
import { describeInBrowser, focusIsOnElement, submitSignUp } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@lettre.test';
const ADMIN_PASSWORD = 'e2e-admin-password-newsletter';
const PASSWORD = 'une phrase de passe solide';

/**
 * Newsletters in a browser: a member opts in at sign-up; an admin composes a newsletter,
 * previews it, sends a test to themself and sends it; the member receives it in the test's own
 * SMTP server (with the RFC 8058 headers) and follows its unsubscribe link, which asks before
 * unsubscribing.
 */
describeInBrowser(
  'Lettres d’information in a browser: compose, preview, test, send, receive, unsubscribe',
  () => {
    let inbox: SmtpInbox;
    beforeAll(async () => {
      inbox = await startSmtpInbox();
    });
    const suite = useBrowserSuite('concerto-e2e-newsletter-', (port) => ({
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      SMTP_URL: inbox.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    }));
    // after the suite's own afterAll (declared first): the server, holding a pooled SMTP connection, stops before the inbox
    afterAll(async () => {
      await inbox?.close();
    });
    const { expectAccessible, goTo } = suite;
    const member = {
      name: 'Léa Martin',
      email: `lea.${Date.now()}@example.org`,
      password: PASSWORD,
    };
    const subject = `Lettre de la filière — ${Date.now()}`;

    /** At 1280 and 390 px wide: axe clean and nothing wider than the window. */
    const checkPage = async (label: string) => {
      for (const width of [1280, 390]) {
        await suite.page.setViewportSize({ width, height: 900 });
        await suite.page.waitForLoadState('networkidle');
        const overflow = await suite.page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect({ label, width, overflow: overflow > 1 }).toEqual({ label, width, overflow: false });
        await expectAccessible(`${label} (${width} px)`);
      }
      await suite.page.setViewportSize({ width: 1280, height: 900 });
    };
    const signOut = async () => {
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).click();
      await suite.page.getByRole('banner').getByRole('link', { name: 'Connexion' }).waitFor();
    };

    it('a member opts in at sign-up (the box is unticked by default)', async () => {
      await goTo('/inscription');
      const box = suite.page.getByRole('checkbox', { name: /recevoir la lettre d’information/ });
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await submitSignUp(suite.page, member);
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/notifications');
      const setting = suite.page.getByRole('checkbox', {
        name: 'Recevoir la lettre d’information',
      });
      await setting.waitFor();
      await suite.page.waitForFunction(() =>
        Array.from(document.querySelectorAll('input[type=checkbox]')).some(
          (i) =>
            (i as HTMLInputElement).checked &&
            !(i as HTMLInputElement).disabled &&
            i.closest('section')?.textContent?.includes('Lettre d’information'),
        ),
      );
      expect(await setting.isChecked()).toBe(true);
      await signOut();
    });

    it('the admin composes, previews, sends a test to themself, then sends after confirming the count', async () => {
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(ADMIN_EMAIL);
      await suite.page.getByLabel('Mot de passe').fill(ADMIN_PASSWORD);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/admin');
      await suite.page.getByRole('link', { name: 'Lettres d’information' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Lettres d’information' }).waitFor();
      // the demo draft from the report's call « pour faire filière »
      await suite.page.getByRole('link', { name: /pour\s«\sfaire filière\s»/ }).waitFor();
      await checkPage('lettres d’information');

      await suite.page.getByLabel('Objet').fill(subject);
      await suite.page
        .getByLabel('Texte', { exact: true })
        .fill('Bonjour,\n\nLa concertation sur la feuille de route du nouveau groupe est ouverte.');
      await suite.page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await suite.page.getByRole('heading', { level: 1, name: subject }).waitFor();
      await suite.page.getByText('1 destinataire à ce jour.').waitFor();
      await suite.page.getByRole('checkbox', { name: 'Concertations ouvertes' }).check();
      await suite.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await suite.page.getByText('Brouillon enregistré.').waitFor();

      await suite.page.getByRole('button', { name: 'Aperçu' }).click();
      await suite.page.getByRole('heading', { level: 2, name: 'Aperçu du message' }).waitFor();
      await suite.page
        .getByRole('document', { name: /Aperçu de la lettre/ })
        .getByText('La concertation sur la feuille de route du nouveau groupe est ouverte.')
        .waitFor();
      expect(await focusIsOnElement(suite.page)).toBe(true);
      await checkPage('lettre, brouillon et aperçu');

      await suite.page.getByRole('button', { name: 'M’envoyer un test' }).click();
      await suite.page.getByText(`Message de test envoyé à ${ADMIN_EMAIL}.`).waitFor();
      const test = await inbox.waitFor(ADMIN_EMAIL, /^\[Test\] /);
      expect(test.subject).toBe(`[Test] ${subject}`);

      await suite.page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      const dialog = suite.page.getByRole('alertdialog');
      await dialog.getByText('La lettre partira vers 1 destinataire.', { exact: false }).waitFor();
      await expectAccessible('confirmation de l’envoi');
      await dialog.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await suite.page.getByText('Envoi lancé : 1 destinataire(s).').waitFor();
      // the worker sends in the background: « Actualiser » reads the progress again
      for (let i = 0; i < 100; i++) {
        await suite.page.getByRole('button', { name: 'Actualiser' }).click();
        await suite.page.waitForLoadState('networkidle');
        const text = await suite.page.getByTestId('newsletter-progress').textContent();
        if (text?.includes('Envoyées\u00a0: 1')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await suite.page.getByText('Envoyée', { exact: true }).waitFor();
      await checkPage('lettre envoyée');
      await signOut();
    });

    it('the member receives it once, with RFC 8058 headers, and unsubscribes through the page (GET asks first)', async () => {
      const mail = await inbox.waitFor(member.email, new RegExp(`^${subject}$`));
      expect(
        inbox.mails.filter((m) => m.to === member.email.toLowerCase() && m.subject === subject),
      ).toHaveLength(1);
      expect(mail.headers!['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers!['list-unsubscribe']).toMatch(
        /^<http:\/\/127\.0\.0\.1:\d+\/lettre\/desinscription\/[0-9a-f]{64}>$/,
      );
      const link = /(http:\/\/\S+\/lettre\/se-desinscrire\?jeton=[0-9a-f]{64})/.exec(mail.text)![1];

      await suite.page.goto(link);
      await suite.page
        .getByRole('heading', { level: 1, name: 'Se désinscrire de la lettre d’information' })
        .waitFor();
      await checkPage('désinscription, à confirmer');
      await suite.page.getByRole('button', { name: 'Confirmer la désinscription' }).click();
      await suite.page
        .getByText('C’est fait : vous ne recevrez plus la lettre d’information.')
        .waitFor();
      expect(await focusIsOnElement(suite.page)).toBe(true);
      await checkPage('désinscription faite');

      // the choice is kept: the account's setting reads it
      await goTo('/connexion');
      await suite.page.getByLabel('Adresse e-mail').fill(member.email);
      await suite.page.getByLabel('Mot de passe').fill(member.password);
      await suite.page.getByRole('button', { name: 'Se connecter' }).click();
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo('/notifications');
      const setting = suite.page.getByRole('checkbox', {
        name: 'Recevoir la lettre d’information',
      });
      await setting.waitFor();
      await suite.page.waitForFunction(
        () =>
          !Array.from(document.querySelectorAll('input[type=checkbox]')).some(
            (i) => (i as HTMLInputElement).disabled,
          ),
      );
      expect(await setting.isChecked()).toBe(false);
    });
  },
);
