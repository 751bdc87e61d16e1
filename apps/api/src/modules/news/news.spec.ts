import sharp from 'sharp';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { NotificationDispatcher } from '../notification/notification.dispatcher';
import { NewsSchedulerService } from './news-scheduler.service';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const FIELDS = `id title body excerpt imageUrl imageAlt bySpace authorName authorId onHomePage publishedAt status hidden spaceSlug`;
const CREATE = `mutation($i: CreateNewsPostInput!) { createNewsPost(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: NewsPostFieldsInput!) { updateNewsPost(id: $id, input: $i) { ${FIELDS} } }`;
const POST = `query($id: ID!) { newsPost(id: $id) { ${FIELDS} history { action } } }`;
const LIST = `query($c: ID!) { newsPosts(componentId: $c) { id status } }`;
const HOME = `{ homeNews(first: 10) { id title } }`;
const FOLLOW = `mutation($t: FollowableType!, $id: ID!) { follow(followableType: $t, followableId: $id) }`;
const SLUG = 'structuration-filiere-sante-numerique';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('Actualités: news posts, scheduled publication, announcements exactly once, images, RSS/Atom feeds', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let componentId: string;
  let spaceAdmin: { token: string; id: string; email: string };
  let follower: { token: string; id: string; email: string };

  const create = async (fields: Record<string, unknown> = {}, token = spaceAdmin.token) => {
    const res = await t.gql(
      CREATE,
      {
        i: {
          componentId,
          title: 'Synthèse de la concertation',
          body: '<p>Le rapport est publié.</p>',
          ...fields,
        },
      },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createNewsPost;
  };
  const notificationsOf = async (token: string) => {
    await t.app.get(NotificationDispatcher).idle();
    await t.app.get(NotificationDispatcher).processBatch();
    const res = await t.gql(
      `{ notifications(first: 50) { edges { node { kind link body } } } }`,
      {},
      token,
    );
    return (
      res.data.notifications.edges as { node: { kind: string; link: string; body: string } }[]
    )
      .map((e) => e.node)
      .filter((n) => n.kind === 'NEWS_PUBLISHED');
  };
  const upload = (token: string | undefined, body: Buffer, component = componentId) =>
    fetch(`${t.baseUrl}/news-images?componentId=${component}`, {
      method: 'POST',
      headers: {
        'content-type': 'image/jpeg',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "${SLUG}") { id } }`)).data.space.id;
    componentId = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'NEWS', title: 'Actualités de test', published: true } },
        admin,
      )
    ).data.createComponent.id;
    spaceAdmin = await t.register('Admin des actualités');
    const role = await t.gql(
      `mutation($input: AssignSpaceRoleInput!) { assignSpaceRole(input: $input) { id } }`,
      { input: { spaceId, email: spaceAdmin.email, role: 'ADMIN' } },
      admin,
    );
    expect(role.errors).toBeUndefined();
    follower = await t.register('Abonnée de l’espace');
    expect((await t.gql(FOLLOW, { t: 'SPACE', id: spaceId }, follower.token)).data.follow).toBe(
      true,
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('the demo holds two posts drawn from the report on the home page: the synthesis and the call to « faire filière »', async () => {
    const titles = (await t.gql(HOME)).data.homeNews.map((p: { title: string }) => p.title);
    expect(titles).toEqual([
      'Poursuivre le travail pour « faire filière » : un appel à tous les acteurs',
      'Synthèse du rapport final du groupe de travail',
    ]);
    expect(
      (
        await t.sql(
          `SELECT count(*)::int AS n FROM news_posts WHERE is_demo AND announced_at IS NOT NULL`,
        )
      )[0].n,
    ).toBe(2);
  });

  it('publishes now with sanitised rich text, signed by the space or a member; the space’s followers are told once; a journal line is written', async () => {
    const post = await create({
      title: 'Publication immédiate',
      body: '<p>Bonjour <script>alert(1)</script><strong>filière</strong></p><img src=x onerror=alert(1)>',
    });
    expect(post.body).toBe('<p>Bonjour <strong>filière</strong></p>');
    expect(post.status).toBe('PUBLISHED');
    expect(post).toMatchObject({
      bySpace: true,
      authorName: 'Structuration de la filière santé numérique',
      authorId: null,
    });
    const signed = await create({ title: 'Signée par un membre', authorKind: 'MEMBER' });
    expect(signed).toMatchObject({
      bySpace: false,
      authorName: 'Admin des actualités',
      authorId: spaceAdmin.id,
    });
    const asAuthor = await t.gql(
      `query($id: ID!) { newsPost(id: $id) { viewerFollows followsCount } }`,
      { id: signed.id },
      spaceAdmin.token,
    );
    expect(asAuthor.data.newsPost).toEqual({ viewerFollows: true, followsCount: 1 }); // the member who signs follows the conversation
    const mine = await notificationsOf(follower.token);
    expect(mine.filter((n) => n.body === 'Publication immédiate')).toEqual([
      {
        kind: 'NEWS_PUBLISHED',
        body: 'Publication immédiate',
        link: `/espaces/${SLUG}/f/${componentId}/actualites/${post.id}`,
      },
    ]);
    expect(await t.app.get(NewsSchedulerService).tick()).toEqual([]); // already announced by its own transaction
    expect(
      (await notificationsOf(follower.token)).filter((n) => n.body === 'Publication immédiate'),
    ).toHaveLength(1);
    const [log] = await t.sql(
      `SELECT action, visibility FROM action_logs WHERE resource_type = 'news_post' AND resource_id = $1`,
      [post.id],
    );
    expect(log).toEqual({ action: 'create', visibility: 'PUBLIC' });
    expect(
      (await t.gql(POST, { id: post.id })).data.newsPost.history.map(
        (h: { action: string }) => h.action,
      ),
    ).toContain('create');
  });

  it('a scheduled post is SCHEDULED on PostgreSQL’s clock and seen by admins only; a date in the past is refused with a code and changes nothing', async () => {
    const before = (await t.sql(`SELECT count(*)::int AS n FROM news_posts`))[0].n;
    const past = await t.gql(
      CREATE,
      { i: { componentId, title: 'Trop tard', body: 'Texte.', publishAt: inHours(-1) } },
      spaceAdmin.token,
    );
    expect(past.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'publishAt',
      reason: 'SCHEDULE_IN_PAST',
    });
    expect((await t.sql(`SELECT count(*)::int AS n FROM news_posts`))[0].n).toBe(before);
    const empty = await t.gql(
      CREATE,
      { i: { componentId, title: 'Sans texte', body: '<p> \u200b </p>' } },
      spaceAdmin.token,
    );
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const later = await create({ title: 'Programmée pour demain', publishAt: inHours(24) });
    expect(later.status).toBe('SCHEDULED');
    const someone = await t.register('Curieux');
    expect(errorCode(await t.gql(POST, { id: later.id }, someone.token))).toBe('NOT_FOUND');
    expect(
      (await t.gql(LIST, { c: componentId }, someone.token)).data.newsPosts.map(
        (p: { id: string }) => p.id,
      ),
    ).not.toContain(later.id);
    expect(
      (await t.gql(LIST, { c: componentId }, spaceAdmin.token)).data.newsPosts.map(
        (p: { id: string }) => p.id,
      ),
    ).toContain(later.id);
    const reschedule = await t.gql(
      UPDATE,
      { id: later.id, i: { publishAt: inHours(-2) } },
      spaceAdmin.token,
    );
    expect(reschedule.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SCHEDULE_IN_PAST',
    });
    await t.sql(`UPDATE news_posts SET published_at = now() - interval '1 second' WHERE id = $1`, [
      later.id,
    ]);
    expect((await t.gql(POST, { id: later.id }, someone.token)).data.newsPost.status).toBe(
      'PUBLISHED',
    ); // the clock decides at read time, before any tick
    const again = await t.gql(
      UPDATE,
      { id: later.id, i: { publishAt: inHours(3) } },
      spaceAdmin.token,
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'publishAt',
      reason: 'ALREADY_PUBLISHED',
    });
  });

  it('scheduled posts published by the clock are announced exactly once, with 8 schedulers ticking at once', async () => {
    const posts = [];
    for (let i = 0; i < 5; i++)
      posts.push(await create({ title: `Programmée numéro ${i + 1}`, publishAt: inHours(1) }));
    await t.sql(
      `UPDATE news_posts SET published_at = now() - interval '1 second' WHERE id = ANY($1)`,
      [posts.map((p) => p.id)],
    );
    const scheduler = t.app.get(NewsSchedulerService);
    const announced = (await Promise.all(Array.from({ length: 8 }, () => scheduler.tick()))).flat();
    for (const p of posts) expect(announced.filter((id) => id === p.id)).toHaveLength(1);
    const events = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM domain_events WHERE type = 'news.published' AND payload->>'postId' = ANY($1)`,
      [posts.map((p) => p.id)],
    );
    expect(events[0].n).toBe(5);
    const mine = await notificationsOf(follower.token);
    for (const p of posts) expect(mine.filter((n) => n.body === p.title)).toHaveLength(1);
  });

  it('the home page and the organization feed show only posts flagged by an organization admin; a space admin may not flag', async () => {
    expect(
      errorCode(
        await t.gql(
          CREATE,
          { i: { componentId, title: 'À la une ?', body: 'Texte.', onHomePage: true } },
          spaceAdmin.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    const flagged = await create(
      { title: 'Appel à poursuivre le travail', onHomePage: true },
      admin,
    );
    const plain = await create({ title: 'Actualité locale' });
    await create({ title: 'Encore programmée', publishAt: inHours(5), onHomePage: true }, admin);
    const home = (await t.gql(HOME)).data.homeNews.map((p: { id: string }) => p.id);
    expect(home).toContain(flagged.id);
    expect(home).not.toContain(plain.id);
    const org = await fetch(`${t.baseUrl}/feeds/news.atom`);
    expect(org.headers.get('content-type')).toContain('application/atom+xml');
    const atom = await org.text();
    expect(atom).toContain('Appel à poursuivre le travail');
    expect(atom).not.toContain('Actualité locale');
    const rss = await fetch(`${t.baseUrl}/feeds/spaces/${SLUG}/news.rss`);
    expect(rss.headers.get('content-type')).toContain('application/rss+xml');
    const text = await rss.text();
    expect(text).toContain('<rss version="2.0"');
    expect(text).toContain('Actualité locale');
    expect(text).toContain(`/espaces/${SLUG}/f/${componentId}/actualites/${plain.id}</link>`);
    expect(text).not.toContain('Encore programmée'); // a scheduled post is in no feed before its date
    expect(atom).not.toContain('Encore programmée');
    expect((await t.gql(HOME)).data.homeNews.map((p: { title: string }) => p.title)).not.toContain(
      'Encore programmée',
    );
    expect((await fetch(`${t.baseUrl}/feeds/spaces/inconnu/news.rss`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/feeds/news.json`)).status).toBe(404);
  });

  it('an image is resized to a WebP without metadata by sharp, requires an alternative text, and bad files are refused with a reason', async () => {
    const photo = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: { r: 20, g: 90, b: 160 } },
    })
      .jpeg()
      .withExif({ IFD0: { Make: 'Appareil', Model: 'Secret', Copyright: 'Photographe' } })
      .toBuffer();
    expect((await upload(undefined, photo)).status).toBe(401);
    const outsider = await t.register('Sans rôle');
    expect((await upload(outsider.token, photo)).status).toBe(403);
    const response = await upload(spaceAdmin.token, photo);
    expect(response.status).toBe(201);
    const { imageId, imageUrl } = (await response.json()) as { imageId: string; imageUrl: string };
    expect((await fetch(`${t.baseUrl}${imageUrl}`)).status).toBe(404); // not attached yet: its space's admins only
    const asAdmin = await fetch(`${t.baseUrl}${imageUrl}`, {
      headers: { authorization: `Bearer ${spaceAdmin.token}` },
    });
    const stored = await sharp(Buffer.from(await asAdmin.arrayBuffer())).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 1200, height: 800 });
    expect(stored.exif).toBeUndefined();
    const noAlt = await t.gql(
      CREATE,
      { i: { componentId, title: 'Sans texte alternatif', body: 'Texte.', imageId } },
      spaceAdmin.token,
    );
    expect(noAlt.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'imageAlt',
    });
    const post = await create({
      title: 'Avec une image',
      imageId,
      imageAlt: 'Participants de l’atelier du 12 mai',
    });
    expect(post).toMatchObject({ imageUrl, imageAlt: 'Participants de l’atelier du 12 mai' });
    expect((await fetch(`${t.baseUrl}${imageUrl}`)).status).toBe(200); // attached to a published post: anyone
    const notImage = await upload(spaceAdmin.token, Buffer.from('%PDF-1.4 pas une image'));
    expect(notImage.status).toBe(400);
    expect(await notImage.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Choisissez une image JPEG, PNG, WebP ou GIF.',
    }); // the HTTP filter sends code and message
    const huge = await upload(spaceAdmin.token, Buffer.alloc(6 * 1024 * 1024, 1));
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Fichier trop lourd (5 Mo et 40 mégapixels au plus).',
    });
    expect((await t.sql(`SELECT count(*)::int AS n FROM news_images`))[0].n).toBe(1);
  });
});
