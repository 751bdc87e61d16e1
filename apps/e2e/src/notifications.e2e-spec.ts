import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describeInBrowser, pageProblems, launchChromium, submitSignUp } from './browser';
import { ConcertoServer, currentTermsVersions, freePort } from './concerto-server';

describeInBrowser(
  'notifications live in the browser: follow a space, toast and bell on a new proposal, inbox',
  () => {
    const root = mkdtempSync(join(tmpdir(), 'concerto-e2e-notif-'));
    let server: ConcertoServer;
    let browser: Browser;

    beforeAll(async () => {
      server = new ConcertoServer(await freePort(), join(root, 'postgres'), {
        ADMIN_PASSWORD: 'notif-admin-password',
        ADMIN_EMAIL: 'admin@concerto.test',
      });
      await server.start();
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      rmSync(root, { recursive: true, force: true });
    });

    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await response.json()) as { data?: any; errors?: unknown };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return json.data;
    };

    it('a follower sees a toast and the unread count change live, then reads it in the inbox', async () => {
      const page = await browser.newPage({ locale: 'fr-FR' });
      await page.goto(`${server.url}/inscription`);
      await submitSignUp(page, {
        name: 'Suiveuse Live',
        email: `suiveuse.${Date.now()}@example.org`,
        password: 'une phrase solide',
      });
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await page.goto(`${server.url}/espaces/structuration-filiere-sante-numerique`);
      await page.getByRole('button', { name: 'Suivre cette concertation' }).click();
      await page.getByRole('button', { name: 'Ne plus suivre cette concertation' }).waitFor();
      await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

      // someone else publishes a proposal in the followed space (through the API)
      const author = await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
        i: {
          name: 'Auteur Live',
          email: `auteur.${Date.now()}@example.org`,
          password: 'une phrase solide',
          ...(await currentTermsVersions(server.url)),
        },
      });
      const space = await gql(
        `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        {},
      );
      const componentId = space.space.components.find(
        (c: { type: string }) => c.type === 'PROPOSALS',
      ).id;
      await gql(
        `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
        { i: { componentId, title: 'Créer un observatoire de la e-santé', body: 'Texte' } },
        author.register.token,
      );

      await page
        .locator('.toast')
        .filter({ hasText: 'Créer un observatoire de la e-santé' })
        .waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: /Notifications \(1 non lue\)/ }).waitFor();

      await page.getByRole('link', { name: /Notifications \(1 non lue\)/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page
        .locator('.notification-list')
        .getByRole('link', { name: 'Créer un observatoire de la e-santé' })
        .waitFor();
      expect(await pageProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
      await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
      await page.close();
    });

    it('two browsers see each other’s supports and comments live, without reloading', async () => {
      const space = await gql(
        `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        {},
      );
      const componentId = space.space.components.find(
        (c: { type: string }) => c.type === 'PROPOSALS',
      ).id;
      const page = await gql(
        `query($c: ID!) { proposals(componentId: $c, order: RECENT, first: 1) { edges { node { id title supportsCount } } } }`,
        { c: componentId },
      );
      const proposal = page.proposals.edges[0].node;
      const url = `${server.url}/espaces/structuration-filiere-sante-numerique/f/${componentId}/propositions/${proposal.id}`;

      const signUp = async (name: string) => {
        const context = await browser.newContext({ locale: 'fr-FR' });
        const tab = await context.newPage();
        await tab.goto(`${server.url}/inscription`);
        await submitSignUp(tab, {
          name,
          email: `${name.replace(/\W/g, '').toLowerCase()}.${Date.now()}@example.org`,
          password: 'une phrase solide',
        });
        await tab.getByRole('button', { name: 'Se déconnecter' }).waitFor();
        await tab.goto(url);
        await tab.getByRole('heading', { level: 1, name: proposal.title }).waitFor();
        return tab;
      };
      const watcher = await signUp('Observatrice');
      const actor = await signUp('Acteur');
      const before = proposal.supportsCount as number;
      await watcher
        .getByText(new RegExp(`^${before} soutiens?$`))
        .first()
        .waitFor();

      await actor.getByRole('button', { name: 'Soutenir' }).click();
      await watcher
        .getByText(new RegExp(`^${before + 1} soutiens?$`))
        .first()
        .waitFor({ timeout: 15_000 });

      await actor.getByLabel('Votre commentaire').fill('Écrit dans l’autre navigateur');
      await actor.getByRole('button', { name: 'Publier le commentaire' }).click();
      await watcher.getByText('Écrit dans l’autre navigateur').first().waitFor({ timeout: 15_000 });
      expect(await pageProblems(watcher)).toEqual([]);
      await watcher.context().close();
      await actor.context().close();
    });
  },
);
