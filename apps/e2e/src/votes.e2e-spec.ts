import {
  describeInBrowser,
  expectErrorSummary,
  submitSignUp,
  focusIsOnElement,
  focusSettled,
} from './browser';
import { useBrowserSuite } from './browser-suite';
import { currentTermsVersions } from './concerto-server';

const ADMIN_EMAIL = 'admin@votations.test';
const ADMIN_PASSWORD = 'e2e-admin-password-votations';
const PASSWORD = 'une phrase de passe solide';
const SPACE = 'structuration-filiere-sante-numerique';

/** A `datetime-local` value: the Paris wall-clock minute of an instant. */
function parisLocal(instant: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

describeInBrowser(
  'Votations in a browser: an admin creates a ballot with the four methods; voters cast it (keyboard ranking, majority-judgment grid), keep a receipt, and check it against the results after the close',
  () => {
    const suite = useBrowserSuite('concerto-e2e-votes-', {
      ADMIN_PASSWORD,
      ADMIN_EMAIL,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100',
    });
    const { goTo } = suite;
    const stamp = Date.now();
    const title = 'Bureau et priorités de la filière';
    let componentId = '';
    let ballotPath = '';
    let ballotId = '';
    let receipt = '';
    /** The close as typed in the form, a whole minute (its precision) a day ahead; the test ends the period on the database clock once the votes are in. */
    const closesAt = Math.ceil((Date.now() + 86_400_000) / 60_000) * 60_000;

    const { gql, checkPage, signIn, signOut } = suite;
    const focused = async () => {
      await focusSettled(suite.page);
      return suite.page.evaluate(
        () =>
          document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName ?? null,
      );
    };
    const focusIsKept = async () => expect(await focusIsOnElement(suite.page)).toBe(true);

    it('an admin adds a VOTES component and creates a ballot with one question per method, after a preview of the booth', async () => {
      const admin = await gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
        i: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      const space = await gql(`query($s: String!) { space(slug: $s) { id } }`, { s: SPACE });
      const created = await gql(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        {
          i: {
            spaceId: space.space.id,
            type: 'VOTES',
            title: 'Votations de la filière',
            published: true,
          },
        },
        admin.login.token,
      );
      componentId = created.createComponent.id;

      await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      await goTo(`/admin/espaces/${SPACE}/votations/${componentId}`);
      await suite.page
        .getByRole('heading', { level: 1, name: 'Votations : Votations de la filière' })
        .waitFor();
      const form = suite.page.locator('form.ballot-form');

      // an empty submit: the error summary takes the focus and names each field
      await form.getByRole('button', { name: 'Créer la votation' }).click();
      const summary = await expectErrorSummary(
        form,
        [
          'Titre : 3 caractères au moins.',
          'Question 1, options : de 2 à 30 options, une par ligne.',
        ],
        { field: form.getByLabel('Titre', { exact: true }) },
      );
      expect(await summary.textContent()).toMatch(/^Le formulaire contient/);

      await form.getByLabel('Titre', { exact: true }).fill(title);
      await form
        .getByLabel('Explication')
        .fill('Élire la présidence du bureau et ordonner les actions structurantes de l’annexe 2.');
      await form.getByLabel('Ouverture').fill(parisLocal(Date.now() - 120_000));
      await form.getByLabel('Clôture').fill(parisLocal(closesAt));
      await form.getByLabel('Remettre un code de reçu à chaque votant').check();
      const question = (n: number) => form.getByRole('group', { name: `Question ${n}` });
      const fillQuestion = async (n: number, text: string, method: string, options: string[]) => {
        await question(n).getByLabel('Intitulé de la question').fill(text);
        await question(n).getByLabel('Mode de scrutin').selectOption(method);
        await question(n).getByLabel('Options', { exact: true }).fill(options.join('\n'));
      };
      await fillQuestion(1, 'Présidence du bureau', 'SINGLE', [
        'Alice Martin',
        'Bruno Petit',
        'Chloé Durand',
      ]);
      await form.getByRole('button', { name: 'Ajouter une question' }).click();
      await fillQuestion(2, 'Priorités de la feuille de route', 'MULTIPLE', [
        'Interopérabilité',
        'Cybersécurité',
        'Export',
        'Éthique',
      ]);
      await question(2).getByLabel('Maximum d’options').fill('2');
      await form.getByRole('button', { name: 'Ajouter une question' }).click();
      await fillQuestion(3, 'Ordre des recommandations', 'RANKED', [
        'Recommandation A',
        'Recommandation B',
        'Recommandation C',
      ]);
      await form.getByRole('button', { name: 'Ajouter une question' }).click();
      await fillQuestion(4, 'Actions structurantes de l’annexe 2', 'MAJORITY_JUDGMENT', [
        'Gouvernance',
        'Observatoire',
        'Guichet unique',
      ]);

      await form.getByRole('button', { name: 'Aperçu du bureau de vote' }).click();
      const preview = suite.page.locator('.ballot-preview');
      await preview.getByRole('group', { name: 'Ordre des recommandations' }).waitFor();
      await preview
        .getByRole('group', { name: 'Gouvernance' })
        .getByRole('radio', { name: 'Très bien' })
        .waitFor();
      await checkPage('gérer les votations (aperçu)');

      await form.getByRole('button', { name: 'Créer la votation' }).click();
      await suite.page
        .getByRole('status')
        .filter({ hasText: `Votation « ${title} » créée.` })
        .waitFor();
      await focusIsKept();
      await suite.page.getByRole('link', { name: title }).click();
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      ballotPath = new URL(suite.page.url()).pathname;
      ballotId = ballotPath.split('/').pop()!;
      await signOut();
    });

    it('a participant finds it in the list and votes with the keyboard, reviews, confirms, and keeps the receipt shown once', async () => {
      await goTo('/inscription');
      await submitSignUp(suite.page, {
        name: 'Votante Clavier',
        email: `votante.${stamp}@example.org`,
        password: PASSWORD,
      });
      await suite.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await goTo(`/espaces/${SPACE}/f/${componentId}`);
      await suite.page.getByRole('heading', { name: 'Votations ouvertes' }).waitFor();
      await suite.page
        .getByText(
          /^Du \d{1,2}(er)? [a-zéû]+ \d{4} à \d{2}:\d{2} au \d{1,2}(er)? [a-zéû]+ \d{4} à \d{2}:\d{2}$/,
        )
        .waitFor();
      await checkPage('votations (liste)');
      await suite.page.getByRole('link', { name: title }).click();
      await suite.page.getByRole('heading', { name: 'Bureau de vote' }).waitFor();
      await checkPage('votation (bureau de vote)');
      const page = suite.page;

      await page.getByRole('radio', { name: 'Chloé Durand' }).check();
      await page.getByRole('checkbox', { name: 'Interopérabilité' }).check();
      await page.getByRole('checkbox', { name: 'Éthique' }).check();
      expect(await page.getByRole('checkbox', { name: 'Export' }).isDisabled()).toBe(true);
      await page
        .getByText('Maximum atteint : décochez une option pour en choisir une autre.')
        .waitFor();

      // ranking with the keyboard only: focus a « Classer » button, then Enter and Tab
      await page.getByRole('button', { name: 'Classer en 1 Recommandation A' }).focus();
      await page.keyboard.press('Enter'); // A is 1st; focus moves to « Classer en 2 Recommandation B »
      expect(await focused()).toBe('Classer en 2 Recommandation B');
      await page.keyboard.press('Enter'); // B 2nd; focus on « Classer en 3 Recommandation C »
      await page.keyboard.press('Enter'); // C 3rd; focus on C's « Monter »
      expect(await focused()).toBe('Monter Recommandation C');
      await page.keyboard.press('Enter'); // C above B
      await page.keyboard.press('Enter'); // C above A: 1st
      expect(await focused()).toBe('Descendre Recommandation C');
      await page
        .getByRole('status')
        .filter({ hasText: '« Recommandation C » : rang 1 sur 3.' })
        .waitFor();

      // majority-judgment grid: one radio group per option
      const grade = (option: string, name: string) =>
        page.getByRole('group', { name: option }).getByText(name, { exact: true }).click();
      await grade('Gouvernance', 'Excellent');
      await grade('Observatoire', 'Bien');
      await page.getByRole('button', { name: 'Relire mon vote' }).click();
      // Guichet unique left ungraded: the summary names it, takes the focus and links to the question
      await expectErrorSummary(
        page,
        '« Actions structurantes de l’annexe 2 » : attribuez une mention à « Guichet unique ».',
      );
      await grade('Guichet unique', 'À rejeter');
      await page.getByRole('button', { name: 'Relire mon vote' }).click();
      await page.getByRole('heading', { name: 'Relisez votre vote' }).waitFor();
      expect(await focused()).toBe('Relisez votre vote');
      for (const line of [
        'Chloé Durand',
        'Interopérabilité',
        'Éthique',
        '1. Recommandation C',
        '2. Recommandation A',
        '3. Recommandation B',
        'Gouvernance : Excellent',
        'Guichet unique : À rejeter',
      ]) {
        await page
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`^${line.replace(/ /g, '\\s')}$`) })
          .waitFor();
      }
      await checkPage('votation (relecture)');
      await page.getByRole('button', { name: 'Voter', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText('Un code de reçu vous sera affiché une seule fois').waitFor();
      await dialog.getByRole('button', { name: 'Déposer mon vote' }).click();

      await page.getByRole('heading', { level: 1, name: 'Votre reçu de vote' }).waitFor();
      await page.waitForFunction(
        () => document.activeElement?.textContent === 'Votre reçu de vote',
        undefined,
        { timeout: 2000 },
      );
      receipt = (await page.locator('.receipt__code code').textContent())!.trim();
      expect(receipt).toMatch(
        /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
      );
      const download = await page
        .getByRole('link', { name: 'Télécharger le reçu (.txt)' })
        .getAttribute('href');
      expect(
        decodeURIComponent(download!.split(',').slice(1).join(',')).replace(/\u00a0/g, ' '),
      ).toContain(`Code de reçu : ${receipt}`);
      await page
        .getByText('Ce n’est pas une vérifiabilité cryptographique de bout en bout')
        .waitFor();
      await checkPage('reçu de vote');
      // shown once: a reload does not show it again
      await page.reload();
      await page.getByText('Le code de reçu n’est affiché qu’une fois').waitFor();
      expect(await page.locator('.receipt__code').count()).toBe(0);

      await goTo(ballotPath);
      await page.getByText('Vous avez voté. Un vote à bulletin secret est définitif.').waitFor();
      await page
        .getByText('Les résultats d’un vote à bulletin secret ne sont connus qu’à la clôture.')
        .waitFor();
      // before the close the receipt cannot be checked yet: a clear message
      await goTo(`${ballotPath}/verifier`);
      await page.getByLabel('Code de reçu').fill(receipt);
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByRole('heading', { name: 'Vérification impossible' }).waitFor();
      await page.getByText('La liste des bulletins n’est publiée qu’à la clôture').waitFor();
      await signOut();
    });

    it('a public vote shows live results and can be changed until the close, without a confirmation dialog', async () => {
      const admin = await gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
        i: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      const publicTitle = 'Consultation publique : date de la journée de la filière';
      const created = await gql(
        `mutation($i: CreateBallotInput!) { createBallot(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: publicTitle,
            opensAt: new Date(Date.now() - 60_000).toISOString(),
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            secret: false,
            census: { kind: 'ALL_MEMBERS' },
            questions: [
              {
                title: 'Quel mois ?',
                method: 'SINGLE',
                options: [{ title: 'Mars' }, { title: 'Juin' }],
              },
            ],
          },
        },
        admin.login.token,
      );
      const page = suite.page;
      await signIn(`votante.${stamp}@example.org`, PASSWORD);
      await goTo(`/espaces/${SPACE}/f/${componentId}/votations/${created.createBallot.id}`);
      await page.getByRole('radio', { name: 'Mars' }).check();
      await page.getByRole('button', { name: 'Relire mon vote' }).click();
      await page.getByRole('button', { name: 'Voter', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Votre vote a été enregistré.' }).waitFor();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      expect(await focused()).toBe('Votre vote');
      await page
        .getByRole('heading', { name: 'Résultats provisoires (vote public en cours)' })
        .waitFor();
      await page.getByText('Option gagnante : Mars').waitFor();
      await page
        .getByText(
          'Vous avez voté. Votre vote est public : vous pouvez le modifier jusqu’à la clôture.',
        )
        .waitFor();
      expect(await page.getByRole('radio', { name: 'Mars' }).isChecked()).toBe(true);
      await checkPage('votation publique (après le vote)');

      await page.getByRole('radio', { name: 'Juin' }).check();
      await page.getByRole('button', { name: 'Relire mon vote' }).click();
      await page.getByRole('button', { name: 'Voter', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Votre vote a été modifié.' }).waitFor();
      await page.getByText('Option gagnante : Juin').waitFor();
      await page.getByText('1 bulletin compté').waitFor();
      await signOut();
    });
    it('a secret ballot without receipts (the demo election): after « Déposer mon vote » the focus is on « Votre vote », not where the closing dialog returns it', async () => {
      const page = suite.page;
      await signIn(`votante.${stamp}@example.org`, PASSWORD);
      // the demo's own Votations component of the space (not the one this suite created)
      const { spaces } = await gql(`{ spaces { slug components { id type } } }`);
      const demo = spaces
        .find((space: { slug: string }) => space.slug === SPACE)
        .components.find(
          (c: { id: string; type: string }) => c.type === 'VOTES' && c.id !== componentId,
        );
      await goTo(`/espaces/${SPACE}/f/${demo.id}`);
      await page.getByRole('link', { name: /^Élection du bureau du comité représentatif/ }).click();
      await page.getByRole('heading', { name: 'Bureau de vote' }).waitFor();
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Relire mon vote' }).click();
      await page.getByRole('button', { name: 'Voter', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('button', { name: 'Déposer mon vote' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Vous avez voté. Un vote à bulletin secret est définitif.').waitFor();
      // the dialog's own focus return (to its « Voter » button, gone with the booth) comes a frame later
      await focusSettled(page);
      expect(await focused()).toBe('Votre vote');
      await checkPage('votation secrète sans reçu (après le vote)');
      await signOut();
    });

    it('two more members vote through the API; after the close the results, the exports and the verification agree', async () => {
      const { ballot } = await gql(
        `query($id: ID!) { ballot(id: $id) { questions { id title options { id title } } } }`,
        { id: ballotId },
      );
      const q = (title: string) =>
        ballot.questions.find((x: { title: string }) => x.title === title);
      const o = (question: { options: { id: string; title: string }[] }, title: string) =>
        question.options.find((x) => x.title === title)!.id;
      const single = q('Présidence du bureau');
      const multiple = q('Priorités de la feuille de route');
      const ranked = q('Ordre des recommandations');
      const mj = q('Actions structurantes de l’annexe 2');
      for (const [i, who] of ['Membre Un', 'Membre Deux'].entries()) {
        const registered = await gql(
          `mutation($i: RegisterInput!) { register(input: $i) { token } }`,
          {
            i: {
              name: who,
              email: `membre${i}.${stamp}@example.org`,
              password: PASSWORD,
              ...(await currentTermsVersions(suite.server.url)),
            },
          },
        );
        const cast = await gql(
          `mutation($b: ID!, $a: [BallotAnswerInput!]!) { castBallot(ballotId: $b, answers: $a) { receiptCode } }`,
          {
            b: ballotId,
            a: [
              { questionId: single.id, choice: { optionIds: [o(single, 'Chloé Durand')] } },
              {
                questionId: multiple.id,
                choice: {
                  optionIds: [o(multiple, 'Interopérabilité'), o(multiple, 'Cybersécurité')],
                },
              },
              {
                questionId: ranked.id,
                choice: { ranking: [o(ranked, 'Recommandation C'), o(ranked, 'Recommandation B')] },
              },
              {
                questionId: mj.id,
                choice: {
                  grades: {
                    [o(mj, 'Gouvernance')]: 'VERY_GOOD',
                    [o(mj, 'Observatoire')]: 'GOOD',
                    [o(mj, 'Guichet unique')]: 'PASSABLE',
                  },
                },
              },
            ],
          },
          registered.register.token,
        );
        expect(cast.castBallot.receiptCode).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      }

      // the period ends now, on the database clock (PostgreSQL's clock decides; no scheduler needed)
      const closed = await suite.sql(
        `UPDATE ballots SET closes_at = clock_timestamp() WHERE id = $1 RETURNING id`,
        [ballotId],
      );
      expect(closed).toHaveLength(1);
      const page = suite.page;
      await goTo(ballotPath);
      await page.getByRole('heading', { name: 'Résultats', exact: true }).waitFor();
      await page.getByText('3 votants sur').first().waitFor();
      await page.getByText('Option gagnante : Chloé Durand').waitFor();
      await page.getByText('Option gagnante : Interopérabilité').waitFor();
      await page.getByText('Option gagnante : Recommandation C').waitFor();
      await page.getByText('Recommandation C est gagnante de Condorcet').waitFor();
      await page.getByText('Option gagnante : Gouvernance').waitFor();
      const matrix = page.getByRole('table', { name: /Matrice des préférences/ });
      // C over A: all three voters (the two API voters left A unranked)
      expect(
        await matrix
          .getByRole('row', { name: /^Recommandation C/ })
          .getByRole('cell')
          .allTextContents(),
      ).toEqual(['3 (l’emporte)', '3 (l’emporte)', '—']);
      const profiles = page.getByRole('table', { name: /Profil des mentions/ });
      expect(
        (
          await profiles
            .getByRole('row', { name: /^Gouvernance/ })
            .getByRole('cell')
            .allTextContents()
        )[0],
      ).toBe('Très bien');
      await checkPage('votation (résultats)');

      const exported = await fetch(`${suite.server.url}/exports/ballots/${ballotId}/ballots.json`);
      expect(exported.status).toBe(200);
      const list = (await exported.json()) as { ballots: { receipt: string }[] };
      expect(list.ballots).toHaveLength(3);
      expect(list.ballots.map((b) => b.receipt)).toContain(receipt);
      expect(
        await page
          .getByRole('link', { name: 'Télécharger les bulletins (CSV)' })
          .getAttribute('href'),
      ).toBe(`/exports/ballots/${ballotId}/ballots.csv`);

      // the verification page: the receipt pasted in lower case without dashes, then an unknown one, then a malformed one
      await page.getByRole('link', { name: 'Vérifier un reçu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vérifier un reçu de vote' }).waitFor();
      await page.getByLabel('Code de reçu').fill(receipt.replace(/-/g, '').toLowerCase());
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByRole('heading', { name: 'Bulletin trouvé' }).waitFor();
      // a loaded machine moves focus later than two frames: wait until it has left the button
      await page
        .waitForFunction(
          () => document.activeElement?.textContent?.trim() !== 'Vérifier',
          undefined,
          {
            timeout: 5000,
          },
        )
        .catch(() => undefined);
      expect(await focused()).toBe('Bulletin trouvé');
      await page
        .getByRole('listitem')
        .filter({ hasText: /^1\. Recommandation C$/ })
        .waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: /^Guichet\sunique\s:\sÀ\srejeter$/ })
        .waitFor();
      await checkPage('vérifier un reçu (trouvé)');
      await page
        .getByLabel('Code de reçu')
        .fill(receipt === 'ZZZZ-ZZZZ-ZZZZ' ? 'YYYY-YYYY-YYYY' : 'ZZZZ-ZZZZ-ZZZZ');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByRole('heading', { name: 'Aucun bulletin avec ce code' }).waitFor();
      await page.getByLabel('Code de reçu').fill('12');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      // said on the field and in the error summary, which takes the focus and links to the field
      await expectErrorSummary(
        page,
        'Code de reçu : 12 lettres ou chiffres attendus, au format XXXX-XXXX-XXXX.',
        { field: page.locator('#verify-code') },
      );
    }, 360_000);
  },
);
