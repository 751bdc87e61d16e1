import { describeInBrowser, submitSignUp, focusIsOnElement } from './browser';
import { useBrowserSuite } from './browser-suite';
import { currentTermsVersions } from './concerto-server';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-meetings';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Rencontres in a browser: an admin creates a meeting, a participant waits, is promoted after a cancellation, and is checked in by code',
  () => {
    const suite = useBrowserSuite('concerto-e2e-meetings-', { ADMIN_PASSWORD, ADMIN_EMAIL });
    const { goTo, gql, checkPage, signIn, signOut } = suite;
    const focusIsKept = async () => expect(await focusIsOnElement(suite.page)).toBe(true);

    let componentId = '';
    let meetingPath = '';
    const title = 'Atelier : données de santé et territoires';

    it('the demo shows the « Journée de la filière » with its date in Paris time and its agenda', async () => {
      const space = await gql(`query($s: String!) { space(slug: $s) { components { id type } } }`, {
        s: SPACE,
      });
      componentId = space.space.components.find((c: { type: string }) => c.type === 'MEETINGS').id;
      await goTo(`/espaces/${SPACE}/f/${componentId}`);
      await suite.page
        .getByRole('heading', { level: 1, name: 'Rencontres de la filière' })
        .waitFor();
      await suite.page.getByRole('link', { name: 'Journée de la filière' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Journée de la filière' }).waitFor();
      await suite.page.getByText(/^jeudi \d{1,2}(er)? [a-zéû]+ \d{4}, 09:00–17:00$/).waitFor();
      await suite.page.getByRole('heading', { name: 'Ordre du jour' }).waitFor();
      await suite.page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).waitFor();
      await checkPage('rencontre de démonstration');
    });

    it('register → waiting list → promotion after a cancellation → check-in by code', async () => {
      // the admin creates a meeting with one seat through the admin screen
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(`/admin/espaces/${SPACE}/rencontres/${componentId}`);
      await suite.page.getByRole('heading', { level: 1, name: /^Rencontres : / }).waitFor();
      await checkPage('gérer les rencontres');
      const form = suite.page
        .locator('form')
        .filter({ has: suite.page.getByRole('button', { name: 'Créer la rencontre' }) });
      await form.getByLabel('Titre').fill(title);
      await form.getByLabel('Début').fill('2030-03-14T14:00');
      await form.getByLabel('Fin').fill('2030-03-14T16:30');
      await form.getByLabel('Nom du lieu').fill('Agence du numérique en santé');
      await form.getByLabel('Adresse', { exact: true }).fill('9 rue Georges Pitard, 75015 Paris');
      await form.getByLabel('Nombre de places').fill('1');
      await form.getByLabel('Publier tout de suite').check();
      await form.getByRole('button', { name: 'Créer la rencontre' }).click();
      await suite.page
        .getByRole('status')
        .filter({ hasText: `Rencontre « ${title} » créée.` })
        .waitFor();
      await focusIsKept();
      await suite.page.getByRole('link', { name: title }).click();
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      meetingPath = new URL(suite.page.url()).pathname;
      await suite.page.getByText('jeudi 14 mars 2030, 14:00–16:30').waitFor();
      const meetingId = meetingPath.split('/').pop()!;
      await signOut();

      // a first participant takes the only seat (through the API)
      const first = await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
        i: {
          name: 'Première Inscrite',
          email: `premiere.${Date.now()}@example.org`,
          password: 'une phrase de passe solide',
          ...(await currentTermsVersions(suite.server.url)),
        },
      });
      const seat = await gql(
        `mutation($id: ID!) { registerForMeeting(meetingId: $id) { viewerRegistration { status } } }`,
        { id: meetingId },
        first.register.token,
      );
      expect(seat.registerForMeeting.viewerRegistration.status).toBe('REGISTERED');

      // a second one, in the browser, joins the waiting list
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Deuxième Participante',
        email: `deuxieme.${Date.now()}@example.org`,
        password: 'une phrase de passe solide',
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo(meetingPath);
      await suite.page.getByText('0 place restante sur 1').waitFor();
      await suite.page.getByRole('button', { name: 'S’inscrire sur la liste d’attente' }).click();
      await suite.page
        .getByText(
          'Vous êtes sur la liste d’attente, en position 1. Vous serez prévenu·e si une place se libère.',
        )
        .waitFor();
      await focusIsKept();
      await checkPage('rencontre (liste d’attente)');

      // the first cancels: the second is promoted in the same transaction, and notified
      const left = await gql(
        `mutation($id: ID!) { cancelMeetingRegistration(meetingId: $id) { registeredCount waitlistedCount } }`,
        { id: meetingId },
        first.register.token,
      );
      expect(left.cancelMeetingRegistration).toEqual({ registeredCount: 1, waitlistedCount: 0 });
      await goTo(meetingPath);
      await suite.page.getByText('Vous êtes inscrit·e à cette rencontre.').waitFor();
      const code = (await suite.page.locator('.attendance-code').textContent())!.trim();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      await suite.page.getByRole('img', { name: `QR code du code de présence ${code}` }).waitFor();
      await checkPage('rencontre (inscrite)');
      await suite.page
        .getByLabel('Votre commentaire')
        .fill('Je viendrai avec une collègue du GHT.');
      await suite.page.getByRole('button', { name: 'Commenter' }).click();
      await suite.page.getByRole('status').filter({ hasText: 'Commentaire publié.' }).waitFor();
      await suite.page.getByText('Je viendrai avec une collègue du GHT.').waitFor();
      await focusIsKept();
      await goTo('/notifications');
      await suite.page.getByText('Une place s’est libérée : vous êtes inscrit·e').first().waitFor();
      await signOut();

      // the admin checks her in by typing the code
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(`/admin/espaces/${SPACE}/rencontres/${componentId}`);
      await suite.page
        .getByRole('button', { name: `Accueil des participants la rencontre « ${title} »` })
        .click();
      await suite.page.getByRole('textbox', { name: 'Code de présence' }).fill(code.toLowerCase());
      await suite.page.getByRole('button', { name: 'Enregistrer la présence' }).click();
      await suite.page
        .getByRole('status')
        .filter({ hasText: 'Présence de Deuxième Participante enregistrée.' })
        .waitFor();
      await focusIsKept();
      await suite.page.getByRole('cell', { name: /^présente à \d{2}:\d{2}$/ }).waitFor();
      await checkPage('accueil des participants');
    });
  },
);
