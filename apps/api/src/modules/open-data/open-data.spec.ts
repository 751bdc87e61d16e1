import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { startTestApp, TestApp } from '../../../test/test-app';
import { BallotService } from '../ballot/ballot.service';
import { OpenDataProviders } from './open-data-providers';
import { OpenDataService } from './open-data.service';

/** Public content and content that must never reach the archive, seeded by SQL. */
describe('open data: /open-data.zip', () => {
  let t: TestApp;
  let service: OpenDataService;
  let dir: string;
  const ids: Record<string, string> = {};

  const insertOne = async (sql: string, params: unknown[] = []) =>
    (await t.sql<{ id: string }>(sql, params))[0].id;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concerto-open-data-'));
    t = await startTestApp({ OPEN_DATA_DIR: dir });
    service = t.app.get(OpenDataService);
    ids.alice = await insertOne(
      `INSERT INTO users (name, email) VALUES ('Alice Publique', 'alice.secret@example.org') RETURNING id`,
    );
    ids.gone = await insertOne(
      `INSERT INTO users (name, email, deleted_at) VALUES ('Participant supprimé', NULL, now()) RETURNING id`,
    );
    const space = await insertOne(
      `INSERT INTO participatory_spaces (slug, type, title, published_at) VALUES ('ouverte', 'PROCESS', 'Espace ouvert', now()) RETURNING id`,
    );
    const privateSpace = await insertOne(
      `INSERT INTO participatory_spaces (slug, type, title) VALUES ('brouillon', 'PROCESS', 'Espace en préparation') RETURNING id`,
    );
    const component = await insertOne(
      `INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'PROPOSALS', 'Propositions', now()) RETURNING id`,
      [space],
    );
    const draftComponent = await insertOne(
      `INSERT INTO components (space_id, type, title) VALUES ($1, 'PROPOSALS', 'Propositions à venir') RETURNING id`,
      [space],
    );
    const privateComponent = await insertOne(
      `INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'PROPOSALS', 'Propositions', now()) RETURNING id`,
      [privateSpace],
    );
    let position = 0;
    const proposal = (componentId: string, title: string, author: string | null, extra = '') =>
      insertOne(
        `INSERT INTO proposals (component_id, author_id, title, body, position_index${extra ? ', ' + extra.split('=')[0] : ''})
         VALUES ($1, $2, $3, '<p>Texte public de la proposition.</p>', $4${extra ? ', ' + extra.split('=')[1] : ''}) RETURNING id`,
        [componentId, author, title, position++],
      );
    ids.public = await proposal(component, 'Proposition publique et ouverte', ids.alice);
    ids.orphan = await proposal(component, 'Proposition d’un compte supprimé', ids.gone);
    ids.hidden = await proposal(
      component,
      'Proposition masquée par modération',
      ids.alice,
      'hidden_at=now()',
    );
    ids.withdrawn = await proposal(
      component,
      'Proposition retirée par son auteur',
      ids.alice,
      'withdrawn_at=now()',
    );
    ids.draft = await proposal(
      draftComponent,
      'Proposition d’une fonctionnalité non publiée',
      ids.alice,
    );
    ids.private = await proposal(privateComponent, 'Proposition d’un espace non publié', ids.alice);
    const comment = (proposalId: string, spaceId: string, body: string, extra = '') =>
      insertOne(
        `INSERT INTO comments (commentable_type, commentable_id, space_id, author_id, body${extra ? ', ' + extra.split('=')[0] : ''})
         VALUES ('PROPOSAL', $1, $2, $3, $4${extra ? ', ' + extra.split('=')[1] : ''}) RETURNING id`,
        [proposalId, spaceId, ids.alice, body],
      );
    ids.comment = await comment(ids.public, space, 'Commentaire public, « cité », avec virgule');
    ids.hiddenComment = await comment(ids.public, space, 'Commentaire masqué', 'hidden_at=now()');
    ids.deletedComment = await comment(
      ids.public,
      space,
      'Commentaire supprimé',
      'deleted_at=now()',
    );
    ids.onHidden = await comment(ids.hidden, space, 'Commentaire sur une proposition masquée');
    ids.onDraft = await comment(ids.draft, space, 'Commentaire sur une fonctionnalité non publiée');
    ids.onPrivate = await comment(ids.private, privateSpace, 'Commentaire dans un espace privé');
    const news = await insertOne(
      `INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'NEWS', 'Actualités', now()) RETURNING id`,
      [space],
    );
    const post = (title: string, extra: string) =>
      insertOne(
        `INSERT INTO news_posts (component_id, space_id, title, body, published_at, hidden_at)
         VALUES ($1, $2, $3, '<p>Texte</p>', ${extra}) RETURNING id`,
        [news, space, title],
      );
    ids.post = await post('Actualité publiée', `now() - interval '1 hour', NULL`);
    ids.scheduledPost = await post('Actualité programmée', `now() + interval '1 day', NULL`);
    ids.hiddenPost = await post('Actualité masquée', `now() - interval '1 hour', now()`);
    const meetings = await insertOne(
      `INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'MEETINGS', 'Rencontres', now()) RETURNING id`,
      [space],
    );
    const meeting = (title: string, publishedAt: string, withdrawnAt: string) =>
      insertOne(
        `INSERT INTO meetings (component_id, space_id, title, type, online_url, starts_at, ends_at, published_at, withdrawn_at)
         VALUES ($1, $2, $3, 'ONLINE', 'https://visio.example.org/salle-secrete', now() + interval '1 day', now() + interval '25 hours', ${publishedAt}, ${withdrawnAt}) RETURNING id`,
        [meetings, space, title],
      );
    ids.meeting = await meeting('Rencontre publiée', 'now()', 'NULL');
    ids.draftMeeting = await meeting('Rencontre en brouillon', 'NULL', 'NULL');
    ids.withdrawnMeeting = await meeting('Rencontre retirée', 'now()', 'now()');
    // the demo's closed votation, counted (its result frozen) before the archive is built
    const closed = await t.sql<{ id: string }>(`SELECT id FROM ballots WHERE closes_at <= now()`);
    expect(closed.length).toBeGreaterThan(0);
    for (const { id } of closed) await t.app.get(BallotService).freezeResult(id);
    ids.closedBallot = closed[0].id;
    ids.hiddenBallot = await insertOne(
      `INSERT INTO ballots (component_id, title, opens_at, closes_at, census_kind, hidden_at)
       SELECT component_id, 'Votation masquée', now() - interval '2 days', now() - interval '1 day', 'ALL_MEMBERS', now()
         FROM ballots LIMIT 1 RETURNING id`,
    );
    ids.draftMotion = (
      await t.sql<{ id: string }>(`SELECT id FROM motions WHERE opens_at IS NULL LIMIT 1`)
    )[0].id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async () => {
    const res = await fetch(`${t.baseUrl}/open-data.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const csvOf = async (zip: JSZip, name: string) =>
    parse(await zip.file(`${name}.csv`)!.async('string'), { columns: true, bom: true }) as Record<
      string,
      string
    >[];

  it('builds the archive on the first download: public rows only, no e-mail, README of every column', async () => {
    const { res, bytes } = await download();
    expect(res.headers.get('last-modified')).toBeTruthy();
    const zip = await JSZip.loadAsync(bytes);
    const datasets = t.app.get(OpenDataProviders).datasets();
    expect(datasets.map((d) => d.name)).toEqual(
      expect.arrayContaining(['propositions', 'commentaires']),
    );
    expect(Object.keys(zip.files).sort()).toEqual(
      ['README.txt', ...datasets.map((d) => `${d.name}.csv`)].sort(),
    );
    const readme = await zip.file('README.txt')!.async('string');
    for (const d of datasets) {
      expect(readme).toContain(`${d.name}.csv`);
      for (const c of d.columns) expect(readme).toContain(`- ${c.name} : ${c.description}`);
      const header = (await zip.file(`${d.name}.csv`)!.async('string')).split('\r\n')[0];
      expect(header.replace('\uFEFF', '')).toBe(d.columns.map((c) => c.name).join(','));
    }

    const proposals = await csvOf(zip, 'propositions');
    const byId = new Map(proposals.map((p) => [p.id, p]));
    expect(byId.get(ids.public)).toMatchObject({
      space: 'ouverte',
      title: 'Proposition publique et ouverte',
      author: 'Alice Publique',
      state: 'NOT_ANSWERED',
    });
    expect(byId.get(ids.orphan)?.author).toBe('Participant supprimé');
    for (const absent of [ids.hidden, ids.withdrawn, ids.draft, ids.private])
      expect(byId.has(absent)).toBe(false);

    const comments = await csvOf(zip, 'commentaires');
    const commentIds = comments.map((c) => c.id);
    expect(comments.find((c) => c.id === ids.comment)).toMatchObject({
      body: 'Commentaire public, « cité », avec virgule',
      author: 'Alice Publique',
      commentable_id: ids.public,
    });
    for (const absent of [
      ids.hiddenComment,
      ids.deletedComment,
      ids.onHidden,
      ids.onDraft,
      ids.onPrivate,
    ])
      expect(commentIds).not.toContain(absent);

    const posts = (await csvOf(zip, 'actualites')).map((p) => p.id);
    expect(posts).toContain(ids.post);
    expect(posts).not.toContain(ids.scheduledPost);
    expect(posts).not.toContain(ids.hiddenPost);
    const meetingRows = await csvOf(zip, 'rencontres');
    expect(meetingRows.map((m) => m.id)).toContain(ids.meeting);
    expect(meetingRows.map((m) => m.id)).not.toContain(ids.draftMeeting);
    expect(meetingRows.map((m) => m.id)).not.toContain(ids.withdrawnMeeting);
    expect(JSON.stringify(meetingRows)).not.toContain('salle-secrete');

    // votations: the frozen result of a closed one, nothing before; hidden ones left out
    const ballots = new Map((await csvOf(zip, 'votations')).map((b) => [b.id, b]));
    const closedRow = ballots.get(ids.closedBallot)!;
    expect(closedRow).toMatchObject({ status: 'CLOSED', methods: 'MAJORITY_JUDGMENT' });
    expect(Number(closedRow.voters)).toBeGreaterThan(0);
    expect(JSON.parse(closedRow.results)).toHaveLength(1);
    const open = [...ballots.values()].find((b) => b.status === 'OPEN')!;
    expect(open).toMatchObject({ voters: '', results: '', results_at: '' });
    expect(ballots.has(ids.hiddenBallot)).toBe(false);
    // motions: scheduled or open ones without a tally (it may be hidden until the close), never drafts
    const motions = await csvOf(zip, 'motions');
    expect(motions.length).toBeGreaterThan(0);
    expect(motions.map((m) => m.id)).not.toContain(ids.draftMotion);
    for (const m of motions.filter((m) => m.status !== 'CLOSED'))
      expect(m).toMatchObject({ outcome: '', for_weight: '', voters_count: '' });

    // no e-mail of any account (the demo's included) in any file
    const emails = (
      await t.sql<{ email: string }>(`SELECT email FROM users WHERE email IS NOT NULL`)
    ).map((u) => u.email.toLowerCase());
    expect(emails).toContain('alice.secret@example.org');
    for (const name of Object.keys(zip.files)) {
      const text = (await zip.file(name)!.async('string')).toLowerCase();
      for (const email of emails) expect(text).not.toContain(email);
    }
  });

  it('serves the previous complete archive while a rebuild runs', async () => {
    const before = (await download()).bytes;
    await t.sql(`UPDATE proposals SET title = 'Proposition publique, titre changé' WHERE id = $1`, [
      ids.public,
    ]);
    const rebuilding = service.rebuild();
    const during = await Promise.all(Array.from({ length: 8 }, () => download()));
    await rebuilding;
    for (const { bytes } of during) {
      const zip = await JSZip.loadAsync(bytes); // a complete ZIP: old or new, never half-written
      const title = (await csvOf(zip, 'propositions')).find((p) => p.id === ids.public)?.title;
      expect(['Proposition publique et ouverte', 'Proposition publique, titre changé']).toContain(
        title,
      );
    }
    expect(before.length).toBeGreaterThan(0);
    const after = await JSZip.loadAsync((await download()).bytes);
    expect((await csvOf(after, 'propositions')).find((p) => p.id === ids.public)?.title).toBe(
      'Proposition publique, titre changé',
    );
  });

  it('leaves the build to the process holding the lock, and rebuilds a stale file once it is free', async () => {
    const old = new Date(Date.now() - 24 * 3600_000);
    utimesSync(service.path, old, old);
    // another API process building: it holds the advisory lock
    await t.sql(`SELECT pg_advisory_lock(hashtext('concerto:open-data'))`);
    try {
      await service.refreshIfStale();
      expect(statSync(service.path).mtime.getTime()).toBe(old.getTime());
      // a download meanwhile gets the stale but complete file
      await JSZip.loadAsync((await download()).bytes);
    } finally {
      await t.sql(`SELECT pg_advisory_unlock(hashtext('concerto:open-data'))`);
    }
    await service.refreshIfStale();
    expect(statSync(service.path).mtime.getTime()).toBeGreaterThan(old.getTime());
  });

  it('names the archive after its database and layout: another layout’s file is never served, and removed once abandoned', async () => {
    expect(service.path).toMatch(/open-data-[0-9a-f]{16}\.zip$/);
    const abandoned = join(dir, 'open-data-0000000000000000.zip');
    const otherProcess = join(dir, 'open-data-1111111111111111.zip');
    const legacy = join(dir, 'open-data.zip');
    for (const file of [abandoned, otherProcess, legacy]) writeFileSync(file, 'not this archive');
    const old = new Date(Date.now() - 3 * 60 * 60_000); // three refresh periods (60 min) ago
    utimesSync(abandoned, old, old);
    utimesSync(legacy, old, old);
    await service.rebuild();
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(otherProcess)).toBe(true); // refreshed recently: another database's archive
    const zip = await JSZip.loadAsync((await download()).bytes);
    expect(zip.file('votations.csv')).toBeTruthy();
  });

  it('content a moderator hides leaves the archive at the next minute’s check, though the archive is fresh', async () => {
    await service.rebuild();
    const titles = async () =>
      (await csvOf(await JSZip.loadAsync((await download()).bytes), 'propositions')).map(
        (p) => p.id,
      );
    expect(await titles()).toContain(ids.public);
    const hidden = await t.gql(
      `mutation($id: ID!) { hideContent(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
      { id: ids.public },
      await t.adminToken(),
    );
    expect(hidden.errors).toBeUndefined();
    const fresh = statSync(service.path).mtime.getTime();
    await service.refreshIfStale(); // what the minute's timer runs
    expect(statSync(service.path).mtime.getTime()).toBeGreaterThan(fresh);
    expect(await titles()).not.toContain(ids.public);
    // nothing more withdrawn: the next check leaves the fresh archive alone
    const rebuilt = statSync(service.path).mtime.getTime();
    await service.refreshIfStale();
    expect(statSync(service.path).mtime.getTime()).toBe(rebuilt);
  });
});
