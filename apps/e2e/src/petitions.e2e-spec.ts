import { describeInBrowser, submitSignUp, focusIsOnElement } from './browser';
import { useBrowserSuite } from './browser-suite';
import { currentTermsVersions } from './concerto-server';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-petitions';
const PASSWORD = 'une phrase de passe solide';
const SPACE = 'structuration-filiere-sante-numerique';

describeInBrowser(
  'Pétitions in a browser: type, draft, committee by link, validation, signatures, demo petition',
  () => {
    // sign-ins and sign-ups of the whole suite can fall within one minute on a fast machine (10 a minute by default)
    const suite = useBrowserSuite('concerto-e2e-petitions-', {
      ADMIN_PASSWORD,
      ADMIN_EMAIL,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo } = suite;
    const stamp = Date.now();
    const author = { name: 'Autrice Pétition', email: `autrice.${stamp}@example.org` };
    const promoter = { name: 'Promoteur Pétition', email: `promoteur.${stamp}@example.org` };
    let petitionPath = '';
    let invitationLink = '';

    const checked = async (label: string) => {
      await suite.page.waitForLoadState('networkidle');
      await suite.expectAccessible(label);
    };
    /** Focus never drops to <body> after an action (the app's focus keeper puts it back within a frame or two). */
    const focusIsOnPage = () => focusIsOnElement(suite.page);
    const signUp = async (who: { name: string; email: string }) => {
      await goTo('/inscription');
      await submitSignUp(suite.page, { name: who.name, email: who.email, password: PASSWORD });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    };
    const { gql, signIn, signOut } = suite;
    const openPetitions = async () => {
      await goTo(`/espaces/${SPACE}`);
      await suite.page.getByRole('link', { name: 'Pétitions de la filière' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Pétitions de la filière' })
        .waitFor();
      await suite.page.waitForLoadState('networkidle');
    };

    it('lists the open demo petition with its progress bar, filters and orders', async () => {
      await openPetitions();
      await suite.page.getByRole('link', { name: 'Organiser une journée de la filière' }).waitFor();
      await suite.page.getByRole('progressbar', { name: /12 signatures sur 50/ }).waitFor();
      await checked('pétitions (liste, visiteur)');
      await suite.page.getByRole('button', { name: 'Acceptées' }).click();
      await suite.page
        .getByText('Aucune pétition n’a encore atteint son seuil de signatures.')
        .waitFor();
      expect(new URL(suite.page.url()).search).toBe('?filtre=acceptees');
      expect(await focusIsOnPage()).toBe(true);
      await suite.page.getByRole('button', { name: 'Ouvertes' }).click();
      await suite.page.getByLabel('Trier par').selectOption('ENDING_SOON');
      expect(new URL(suite.page.url()).search).toBe('?tri=fin-proche');
      await suite.page.getByRole('link', { name: 'Organiser une journée de la filière' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Organiser une journée de la filière' })
        .waitFor();
      await suite.page.getByText(/^Encore \d+.jours? et \d+.h$/).waitFor();
      await checked('pétition (visiteur)');
      // Back: the list as it was left, its order in the address
      await suite.page.goBack();
      await suite.page.getByRole('link', { name: 'Organiser une journée de la filière' }).waitFor();
      expect(await suite.page.getByLabel('Trier par').inputValue()).toBe('ENDING_SOON');
    });

    it('an organization admin creates a type needing a committee of one', async () => {
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await openPetitions();
      const form = suite.page.getByRole('region', { name: 'Nouveau type de pétition' });
      await form.getByLabel('Nom du type').fill('Pétition rapide');
      await form.getByLabel('Seuil de signatures').fill('2');
      await form.getByLabel('Durée de la collecte (jours)').fill('30');
      await form.getByLabel('Taille minimale du comité promoteur').fill('1');
      await form.getByRole('button', { name: 'Créer le type' }).click();
      await form.getByRole('status').filter({ hasText: 'Type de pétition créé.' }).waitFor();
      await checked('pétitions (type créé)');
      await signOut();
    });

    it('a member drafts a petition, invites a promoter by link, who accepts; the committee is large enough to submit', async () => {
      await signUp(author);
      await openPetitions();
      const form = suite.page.getByRole('region', { name: 'Lancer une pétition' });
      await form
        .getByLabel('Type de pétition')
        .selectOption({ label: 'Pétition rapide (2 signatures, 30 jours)' });
      await form.getByLabel('Titre').fill('Ouvrir un guichet e-santé par région');
      await form
        .getByLabel('Texte')
        .fill('Un guichet unique par région pour orienter les porteurs de projets.');
      await form.getByRole('button', { name: 'Créer le brouillon' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Ouvrir un guichet e-santé par région' })
        .waitFor();
      petitionPath = new URL(suite.page.url()).pathname;
      await suite.page.getByText('Brouillon').first().waitFor();
      // below the minimum: a clear refusal
      await suite.page.getByRole('button', { name: 'Soumettre à validation' }).click();
      await suite.page
        .getByRole('alert')
        .filter({ hasText: 'Le comité doit compter au moins 1 membre' })
        .waitFor();
      await suite.page.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
      const code = suite.page
        .getByRole('list', { name: 'Liens d’invitation créés' })
        .locator('code')
        .first();
      await code.waitFor();
      invitationLink = new URL((await code.textContent())!.trim()).pathname;
      await checked('pétition (brouillon, lien d’invitation)');
      await signOut();

      await signUp(promoter);
      await goTo(invitationLink);
      await suite.page
        .getByRole('heading', { level: 1, name: 'Rejoindre un comité promoteur' })
        .waitFor();
      await checked('invitation au comité');
      await suite.page.getByRole('button', { name: 'Accepter l’invitation' }).click();
      await suite.page
        .getByRole('status')
        .filter({ hasText: 'Vous faites maintenant partie du comité promoteur.' })
        .waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await signOut();

      await signIn(author.email, PASSWORD);
      await goTo(petitionPath);
      await suite.page.getByText(/^1 membre \(minimum demandé.: 1\)$/).waitFor();
      await suite.page.getByRole('button', { name: 'Soumettre à validation' }).click();
      await suite.page
        .getByText('Votre pétition attend la validation technique des administrateurs.')
        .waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await checked('pétition (soumise)');
      await signOut();
    });

    it('the admin finds it in the queue and publishes it; members sign and unsign, the count follows', async () => {
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await openPetitions();
      await suite.page.getByRole('button', { name: 'À valider' }).click();
      await suite.page.getByRole('link', { name: 'Ouvrir un guichet e-santé par région' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Ouvrir un guichet e-santé par région' })
        .waitFor();
      await checked('pétition (validation)');
      await suite.page
        .getByRole('button', { name: 'Valider et ouvrir la collecte (30 jours)' })
        .click();
      await suite.page.getByText('Ouverte aux signatures').first().waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await signOut();

      await signIn(promoter.email, PASSWORD);
      await goTo(petitionPath);
      await suite.page.getByRole('button', { name: 'Signer la pétition' }).click();
      await suite.page.getByRole('progressbar', { name: /^1 signature sur 2 \(50.%\)$/ }).waitFor();
      await suite.page.getByRole('button', { name: 'Suivre la pétition' }).click();
      await suite.page
        .getByRole('button', { name: 'Ne plus suivre la pétition', pressed: true })
        .waitFor();
      await checked('pétition (signée)');
      await suite.page.getByRole('button', { name: 'Retirer ma signature' }).click();
      await suite.page.getByRole('progressbar', { name: /^0 signature sur 2 \(0.%\)$/ }).waitFor();
      await suite.page.getByRole('button', { name: 'Signer la pétition' }).click();
      await suite.page.getByRole('progressbar', { name: /^1 signature sur 2 \(50.%\)$/ }).waitFor();
      // the demo petition takes a signature too
      await openPetitions();
      await suite.page.getByRole('link', { name: 'Organiser une journée de la filière' }).click();
      await suite.page.getByRole('button', { name: 'Signer la pétition' }).click();
      await suite.page.getByRole('progressbar', { name: /13 signatures sur 50/ }).waitFor();
      await checked('pétition de démonstration (signée)');
      // usable at 390 px: nothing wider than the screen
      await suite.page.setViewportSize({ width: 390, height: 844 });
      await suite.page.waitForLoadState('networkidle');
      expect(
        await suite.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      await openPetitions();
      expect(
        await suite.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      await checked('pétitions (390 px)');
      await suite.page.setViewportSize({ width: 1280, height: 800 });
    });

    it('the organization admin sets a type from /admin/petitions/types; a member’s petition of it is discarded with a reason from the queue', async () => {
      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo('/admin');
      await suite.page.getByRole('link', { name: 'Types de pétition' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Types de pétition' }).waitFor();
      const component = suite.page.getByRole('region', { name: /Pétitions de la filière$/ });
      await component.getByRole('heading', { level: 3, name: 'Pétition rapide' }).waitFor();
      await checked('types de pétition (admin)');
      await component.getByRole('button', { name: 'Ajouter un type de pétition' }).click();
      const form = component.getByRole('form', { name: 'Nouveau type de pétition' });
      await form.getByLabel('Nom du type').fill('Saisine directe');
      await form.getByLabel('Seuil de signatures').fill('0');
      await form.getByRole('button', { name: 'Créer le type' }).click();
      // said under the field (and linked from the error summary)
      await form
        .locator('.field__error', { hasText: 'Le seuil est un nombre entier d’au moins 1.' })
        .waitFor();
      await form.getByLabel('Seuil de signatures').fill('100');
      await form.getByLabel('Durée de la collecte (jours)').fill('60');
      await form.getByLabel('Taille minimale du comité promoteur').fill('0');
      await form.getByLabel('Lien vers la suite (facultatif)').fill('/assemblees');
      await checked('types de pétition (formulaire)');
      await form.getByRole('button', { name: 'Créer le type' }).click();
      await component.getByRole('heading', { level: 3, name: 'Saisine directe' }).waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await signOut();

      await signIn(author.email, PASSWORD);
      await openPetitions();
      const start = suite.page.getByRole('region', { name: 'Lancer une pétition' });
      await start
        .getByLabel('Type de pétition')
        .selectOption({ label: 'Saisine directe (100 signatures, 60 jours)' });
      await start.getByLabel('Titre').fill('Publier un annuaire des solutions labellisées');
      await start.getByLabel('Texte').fill('Un annuaire public des solutions e-santé labellisées.');
      await start.getByRole('button', { name: 'Créer le brouillon' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Publier un annuaire des solutions labellisées' })
        .waitFor();
      await suite.page.getByRole('button', { name: 'Soumettre à validation' }).click();
      await suite.page
        .getByText('Votre pétition attend la validation technique des administrateurs.')
        .waitFor();
      await signOut();

      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo('/admin');
      await suite.page.getByRole('link', { name: 'Pétitions à valider et à répondre' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Pétitions à valider et à répondre' })
        .waitFor();
      const queue = suite.page.getByRole('region', { name: /^À valider/ });
      const item = queue.getByRole('listitem').filter({
        has: suite.page.getByRole('link', {
          name: 'Publier un annuaire des solutions labellisées',
        }),
      });
      await item.waitFor();
      await checked('file de validation des pétitions');
      await item
        .getByLabel('Motif du refus')
        .fill('Hors du champ de la filière : à porter auprès de l’agence régionale.');
      await item.getByRole('button', { name: 'Écarter la pétition' }).click();
      await suite.page.getByRole('status').filter({ hasText: 'Pétition écartée.' }).waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await queue.getByText('Aucune pétition n’attend de validation.').waitFor();
      await checked('file de validation (vide)');
      await signOut();
    });

    it('the author finds both petitions in « Mes pétitions », the discarded one with its state; the committee prints the summary', async () => {
      await signIn(author.email, PASSWORD);
      await goTo('/mon-compte');
      const mine = suite.page.getByRole('region', { name: 'Mes pétitions' });
      await mine.getByRole('link', { name: 'Ouvrir un guichet e-santé par région' }).waitFor();
      const discarded = mine.getByRole('listitem').filter({
        has: suite.page.getByRole('link', {
          name: 'Publier un annuaire des solutions labellisées',
        }),
      });
      await discarded.getByText('Écartée').waitFor();
      await checked('mon compte (mes pétitions)');
      await mine.getByRole('button', { name: 'Signées' }).click();
      await mine.getByText('Vous n’avez signé aucune pétition.').waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await mine.getByRole('button', { name: 'Lancées' }).click();
      await mine.getByRole('link', { name: 'Ouvrir un guichet e-santé par région' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Ouvrir un guichet e-santé par région' })
        .waitFor();
      await suite.page.getByRole('link', { name: 'Exporter les signatures (Excel)' }).waitFor();
      await suite.page.getByRole('link', { name: 'Synthèse imprimable' }).click();
      await suite.page
        .getByRole('heading', { level: 1, name: 'Ouvrir un guichet e-santé par région' })
        .waitFor();
      await suite.page.getByText(/^1 signature sur 2 \(50.%\)$/).waitFor();
      await checked('synthèse imprimable');
      await suite.page.emulateMedia({ media: 'print' });
      expect(
        await suite.page.getByRole('button', { name: 'Imprimer la synthèse' }).isVisible(),
      ).toBe(false);
      await suite.page.emulateMedia({ media: 'screen' });
      await signOut();
    });
    it('an ended petition at its threshold shows ACCEPTED; the admin answers it with « Transformer en proposition »; the author sees the answer and follows it to the proposal; one ended below the threshold shows REJECTED', async () => {
      // setting up through the API: a type whose accepted petitions become proposals of the demo Concertation, two published petitions
      const admin = (
        await gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
          i: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        })
      ).login.token as string;
      const { space } = await gql(
        `query($s: String!) { space(slug: $s) { components { id type title } } }`,
        { s: SPACE },
      );
      const components = space.components as { id: string; type: string; title: string }[];
      const petitionsId = components.find((c) => c.type === 'PETITIONS')!.id;
      const proposals = components.find((c) => c.type === 'PROPOSALS')!;
      const type = await gql(
        `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id secondStage { type } } }`,
        {
          i: {
            componentId: petitionsId,
            title: 'Saisine vers une proposition',
            threshold: 1,
            periodDays: 30,
            minCommitteeSize: 0,
            secondStageComponentId: proposals.id,
          },
        },
        admin,
      );
      expect(type.createPetitionType.secondStage).toEqual({ type: 'PROPOSAL' });
      const register = async (name: string, email: string) =>
        (
          await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
            i: {
              name,
              email,
              password: PASSWORD,
              ...(await currentTermsVersions(suite.server.url)),
            },
          })
        ).register.token as string;
      const authorEmail = `autrice.suite.${stamp}@example.org`;
      const authorToken = await register('Autrice Suite', authorEmail);
      const signerToken = await register(
        'Signataire Suite',
        `signataire.suite.${stamp}@example.org`,
      );
      const publish = async (title: string) => {
        const created = (
          await gql(
            `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { id link } }`,
            {
              i: {
                typeId: type.createPetitionType.id,
                title,
                body: '<p>Un entrepôt spécialisé (Big Data) pour la recherche en santé numérique.</p>',
              },
            },
            authorToken,
          )
        ).createPetition;
        await gql(
          `mutation($id: ID!) { submitPetition(id: $id) { id } }`,
          { id: created.id },
          authorToken,
        );
        await gql(
          `mutation($id: ID!) { publishPetition(id: $id) { id } }`,
          { id: created.id },
          admin,
        );
        return created as { id: string; link: string };
      };
      const reached = await publish('Créer un entrepôt spécialisé de données de santé');
      const short = await publish('Organiser un hackathon annuel de la filière');
      await gql(
        `mutation($p: ID!) { signPetition(petitionId: $p) { signaturesCount } }`,
        { p: reached.id },
        signerToken,
      );
      // the period ends now, on the database clock (the embedded PostgreSQL of this suite): both are decided at the next read
      const ended = await suite.sql(
        `UPDATE petitions SET ends_at = clock_timestamp() WHERE id = ANY($1) RETURNING id`,
        [[reached.id, short.id]],
      );
      expect(ended).toHaveLength(2);

      await signIn(authorEmail, PASSWORD);
      await goTo(short.link);
      await suite.page
        .getByRole('heading', { level: 1, name: 'Organiser un hackathon annuel de la filière' })
        .waitFor();
      await suite.page.getByText('Seuil non atteint').first().waitFor();
      await suite.page.getByRole('progressbar', { name: /^0 signature sur 1 \(0.%\)$/ }).waitFor();
      expect(await suite.page.getByRole('button', { name: 'Signer la pétition' }).count()).toBe(0);
      await checked('pétition terminée sous le seuil (REJECTED)');
      await goTo(reached.link);
      await suite.page
        .getByRole('heading', {
          level: 1,
          name: 'Créer un entrepôt spécialisé de données de santé',
        })
        .waitFor();
      await suite.page.getByText('Seuil atteint').first().waitFor();
      await suite.page
        .getByRole('progressbar', { name: /^1 signature sur 1 \(100.%\)$/ })
        .waitFor();
      await checked('pétition terminée au seuil (ACCEPTED)');
      await signOut();

      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(reached.link);
      const adminPanel = suite.page.getByRole('region', { name: 'Administration de la pétition' });
      await adminPanel
        .getByLabel('Réponse officielle')
        .fill(
          'La gouvernance retient la pétition : elle devient une proposition de la Concertation.',
        );
      await adminPanel.getByRole('checkbox', { name: 'Transformer en proposition' }).check();
      await adminPanel
        .getByText(`La proposition est publiée dans « ${proposals.title} »`, { exact: false })
        .waitFor();
      // the answer's link will be the proposal's page: the free link field goes
      expect(await adminPanel.getByLabel('Lien vers la suite donnée (facultatif)').count()).toBe(0);
      await checked('réponse à une pétition acceptée (transformer en proposition)');
      await adminPanel.getByRole('button', { name: 'Publier la réponse' }).click();
      await suite.page
        .getByRole('link', { name: 'Voir la proposition issue de cette pétition' })
        .waitFor();
      expect(await focusIsOnPage()).toBe(true);
      await checked('pétition répondue (administrateur)');
      await signOut();

      await signIn(authorEmail, PASSWORD);
      await goTo(reached.link);
      await suite.page.getByRole('heading', { level: 2, name: 'Réponse officielle' }).waitFor();
      await suite.page.getByText('La gouvernance retient la pétition', { exact: false }).waitFor();
      await checked('pétition répondue, devenue une proposition');
      await suite.page
        .getByRole('link', { name: 'Voir la proposition issue de cette pétition' })
        .click();
      await suite.page
        .getByRole('heading', {
          level: 1,
          name: 'Créer un entrepôt spécialisé de données de santé',
        })
        .waitFor();
      expect(new URL(suite.page.url()).pathname).toMatch(
        new RegExp(`/f/${proposals.id}/propositions/[0-9a-f-]{36}$`),
      );
      await suite.page.getByText('Par Autrice Suite', { exact: false }).waitFor();
      const origin = suite.page.getByRole('link', {
        name: 'Créer un entrepôt spécialisé de données de santé',
      });
      // the proposal's own line (the history below may also say « … issue de la pétition … » once it has loaded)
      await suite.page.getByText(/^Issue de la pétition/).waitFor();
      expect(await origin.getAttribute('href')).toBe(reached.link);
      expect(await focusIsOnPage()).toBe(true);
      await checked('proposition issue d’une pétition');
      await signOut();
    });
  },
);
