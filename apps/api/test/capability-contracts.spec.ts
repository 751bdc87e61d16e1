import { DELETED_PARTICIPANT_NAME } from '@concerto/domain';
import JSZip from 'jszip';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildPersonalDataArchive } from '../src/modules/account/personal-data-archive';
import { PersonalDataContributors } from '../src/modules/account/personal-data-contributors';
import { NotificationDispatcher } from '../src/modules/notification/notification.dispatcher';
import { SearchResultTypeEnum } from '../src/modules/search/search.dto';
import { ResourceHosts } from '../src/platform/component-registry';
import type { ResourceHost } from '../src/platform/resource-host';
import type {
  ContractContext,
  ContractFixture,
  ContractResource,
  ContractUser,
} from './capability-contracts/kit';
import { errorCode, startTestApp, TestApp } from './test-app';

/**
 * Capability contract suites (Decidim's shared examples, typed): one suite per capability,
 * run for every registered host that takes it — comment on it, follow it, report it until
 * hidden, see its history, get its notification, find it in the personal-data ZIP, delete the
 * account and see « Participant supprimé ». A host joins by registering its adapter and a
 * fixture factory (`src/modules/<module>/<module>.contract.ts`), never by copying tests.
 */

/** Every `*.contract.ts` under `src/modules`, read when Jest collects the tests. */
function discoverFixtures(): ContractFixture[] {
  const root = join(__dirname, '../src/modules');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.contract.ts'),
  );
  return files.flatMap(
    (f) => (require(join(root, f)) as { contractFixtures: ContractFixture[] }).contractFixtures,
  );
}

const FIXTURES = discoverFixtures();
const PASSWORD = 'correct horse battery';
const THREAD = `query($t: CommentableType!, $id: ID!) { comments(commentableType: $t, commentableId: $id) { id authorName body } }`;
const COMMENT_FIELDS = `id parentId depth body alignment authorId authorName createdAt editedAt deleted hidden viewerIsAuthor viewerReported articleVersion`;
const ADD_COMMENT = `mutation($i: AddCommentInput!) { addComment(input: $i) { ${COMMENT_FIELDS} replies { id } } }`;
const FULL_THREAD = `query($t: CommentableType!, $id: ID!) { comments(commentableType: $t, commentableId: $id) {
  ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} replies { id } } } }`;
const FOLLOW = `mutation($t: FollowableType!, $id: ID!) { follow(followableType: $t, followableId: $id) }`;
const UNFOLLOW = `mutation($t: FollowableType!, $id: ID!) { unfollow(followableType: $t, followableId: $id) }`;
const REPORT = `mutation($i: ReportContentInput!) { reportContent(input: $i) { reportCount hidden } }`;
const QUEUE = `query($c: ID!) { moderationQueue(componentId: $c) { resourceType resourceId hidden reportCount link } }`;
const HISTORY = `query($t: String!, $id: ID!) { resourceHistory(resourceType: $t, resourceId: $id, first: 50) { id action } }`;
const DELETE = `mutation($i: DeleteMyAccountInput!) { deleteMyAccount(input: $i) }`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind link } } } }`;

describe('capability contracts: every registered host runs the suite of every capability it takes', () => {
  let t: TestApp;
  let hosts: ResourceHosts;
  let c: ContractContext;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    hosts = t.app.get(ResourceHosts);
    c = {
      t,
      admin: await t.adminToken(),
      unique: () => `${Date.now().toString(36)}-${(serial += 1)}`,
      word: () =>
        `zorglub${[...`${Date.now()}${(serial += 1)}`].map((d) => 'bcdfghjklm'[Number(d)]).join('')}`,
    };
  });
  afterAll(() => t?.close());

  const host = (type: string): ResourceHost => hosts.host(type);
  /** The personal-data ZIP of a user, built as the export worker builds it (every module's datasets). */
  async function archiveOf(user: ContractUser): Promise<JSZip> {
    const datasets = t.app
      .get(PersonalDataContributors)
      .all()
      .flatMap((d) => d.datasets);
    return JSZip.loadAsync(
      await buildPersonalDataArchive(t.app.get(DataSource).manager, user.id, datasets),
    );
  }
  async function zipMentions(user: ContractUser, id: string): Promise<boolean> {
    const zip = await archiveOf(user);
    const jsons = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.endsWith('.json'))
        .map((n) => zip.file(n)!.async('string')),
    );
    return jsons.some((json) => json.includes(id));
  }
  const deleteAccount = async (user: ContractUser) =>
    expect(
      (await t.gql(DELETE, { i: { password: PASSWORD } }, user.token)).data?.deleteMyAccount,
    ).toBe(true);
  const notificationsOf = async (user: ContractUser) => {
    await t.app.get(NotificationDispatcher).idle();
    await t.app.get(NotificationDispatcher).processBatch();
    const res = await t.gql(NOTIFICATIONS, {}, user.token);
    expect(res.errors).toBeUndefined();
    return (res.data.notifications.edges as { node: { kind: string; link: string } }[]).map(
      (e) => e.node,
    );
  };

  it('every registered host has a fixture factory, and every fixture a host', () => {
    const registered = hosts
      .all()
      .map((h) => h.type)
      .sort();
    expect(FIXTURES.map((f) => f.type).sort()).toEqual(registered);
    expect(registered).toEqual(
      expect.arrayContaining(['PROPOSAL', 'ARTICLE', 'AMENDMENT', 'MOTION', 'SURVEY', 'COMMENT']),
    );
  });

  describe.each(FIXTURES.map((f) => [f.type, f] as const))('%s', (type, fixture) => {
    let resource: ContractResource;
    beforeAll(async () => {
      resource = await fixture.create(c);
    });

    it('comments: a participant comments and finds it in the thread; the ZIP holds it; once deleted, the account shows « Participant supprimé »', async () => {
      if (!host(type).comments)
        return expect(errorCode(await t.gql(THREAD, { t: type, id: resource.id }))).toBe(
          'BAD_USER_INPUT',
        );
      const commenter = await t.register('Commentatrice');
      const follower = await t.register('Abonnée');
      expect((await t.gql(FOLLOW, { t: type, id: resource.id }, follower.token)).data?.follow).toBe(
        true,
      );
      const added = await t.gql(
        ADD_COMMENT,
        { i: { commentableType: type, commentableId: resource.id, body: 'Un avis de contrat.' } },
        commenter.token,
      );
      expect(added.errors).toBeUndefined();
      const commentId = added.data.addComment.id;
      const thread = (await t.gql(THREAD, { t: type, id: resource.id })).data.comments as {
        id: string;
        authorName: string;
      }[];
      expect(thread.map((x) => x.id)).toContain(commentId);
      // the answer (built from the transaction) is the comment as its author then reads it, and a reply too
      const reply = await t.gql(
        ADD_COMMENT,
        {
          i: {
            commentableType: type,
            commentableId: resource.id,
            parentId: commentId,
            body: '<p>Une <strong>réponse</strong></p>',
            alignment: 'AGAINST',
          },
        },
        commenter.token,
      );
      expect(reply.errors).toBeUndefined();
      const mine = (await t.gql(FULL_THREAD, { t: type, id: resource.id }, commenter.token)).data
        .comments as { id: string; replies: { id: string }[] }[];
      const root = mine.find((x) => x.id === commentId)!;
      expect(added.data.addComment).toEqual({ ...root, replies: [] });
      expect(reply.data.addComment).toEqual(root.replies[0]);
      // the follower is notified, with the host's link
      const link = (await host(type).reference(resource.id))!.link;
      expect(await notificationsOf(follower)).toContainEqual({ kind: 'COMMENT_CREATED', link });
      // the commenter follows it now, and finds the comment in "download my data"
      expect(
        await t.sql(
          `SELECT 1 FROM follows WHERE user_id = $1 AND followable_type = $2 AND followable_id = $3`,
          [commenter.id, type, resource.id],
        ),
      ).toHaveLength(1);
      expect(await zipMentions(commenter, commentId)).toBe(true);
      await deleteAccount(commenter);
      const after = (await t.gql(THREAD, { t: type, id: resource.id })).data.comments as {
        id: string;
        authorName: string;
      }[];
      expect(after.find((x) => x.id === commentId)?.authorName).toBe(DELETED_PARTICIPANT_NAME);
    });

    it('search: a searchable type is found by its words (anonymous, published space), in its group, with the host’s link', async () => {
      if (!(type in SearchResultTypeEnum)) return;
      expect(resource.searchText).toBeTruthy();
      const res = await t.gql(
        `query($q: String!, $ty: [SearchResultType!]) { search(query: $q, types: $ty) { groups { type hits { id link } } } }`,
        { q: resource.searchText, ty: [type] },
      );
      expect(res.errors).toBeUndefined();
      const link = (await host(type).reference(resource.id))!.link;
      expect(res.data.search.groups).toEqual([{ type, hits: [{ id: resource.id, link }] }]);
    });

    it('follows: follow and unfollow (idempotent), an unknown id is NOT_FOUND, the ZIP lists it, deletion removes it', async () => {
      if (!host(type).follows)
        return expect(
          errorCode(await t.gql(FOLLOW, { t: type, id: resource.id }, (await t.register()).token)),
        ).toBe('BAD_USER_INPUT');
      const follower = await t.register('Suiveuse');
      const count = async () =>
        (
          await t.sql(
            `SELECT count(*)::int AS n FROM follows WHERE followable_type = $1 AND followable_id = $2`,
            [type, resource.id],
          )
        )[0].n;
      const before = await count();
      for (let i = 0; i < 2; i++) {
        const followed = await t.gql(FOLLOW, { t: type, id: resource.id }, follower.token);
        expect(followed.errors).toBeUndefined();
        expect(followed.data.follow).toBe(true);
      }
      expect(await count()).toBe(before + 1);
      expect(
        errorCode(
          await t.gql(
            FOLLOW,
            { t: type, id: '00000000-0000-4000-8000-000000000000' },
            follower.token,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await zipMentions(follower, resource.id)).toBe(true);
      for (let i = 0; i < 2; i++)
        expect(
          (await t.gql(UNFOLLOW, { t: type, id: resource.id }, follower.token)).data?.unfollow,
        ).toBe(true);
      expect(await count()).toBe(before);
      await t.gql(FOLLOW, { t: type, id: resource.id }, follower.token);
      await deleteAccount(follower);
      expect(await count()).toBe(before);
    });

    it('notifications: a follower gets the notification of the resource', async () => {
      if (!host(type).follows || (!host(type).comments && !fixture.notifyFollowers))
        return expect(fixture.notifyFollowers).toBeUndefined();
      if (host(type).comments) return; // proved with the comment above
      const follower = await t.register('Abonnée attentive');
      await t.gql(FOLLOW, { t: type, id: resource.id }, follower.token);
      await fixture.notifyFollowers!(c, resource);
      expect((await notificationsOf(follower)).length).toBeGreaterThan(0);
    });

    it('moderation: hiding it withdraws the notifications about it from a follower’s inbox and count; showing it again brings them back', async () => {
      if (!host(type).reports || !host(type).follows) return;
      if (!host(type).comments && !fixture.notifyFollowers) return;
      const follower = await t.register('Abonné modéré');
      await t.gql(FOLLOW, { t: type, id: resource.id }, follower.token);
      if (host(type).comments) {
        const commenter = await t.register('Commentateur modéré');
        const added = await t.gql(
          ADD_COMMENT,
          { i: { commentableType: type, commentableId: resource.id, body: 'Un avis à retirer.' } },
          commenter.token,
        );
        expect(added.errors).toBeUndefined();
      } else await fixture.notifyFollowers!(c, resource);
      const unread = async () =>
        (await t.gql(`{ unreadNotificationsCount }`, {}, follower.token)).data
          .unreadNotificationsCount as number;
      const before = await notificationsOf(follower);
      expect(before.length).toBeGreaterThan(0);
      expect(await unread()).toBe(before.length);
      const vars = { t: type, id: resource.id };
      const hidden = await t.gql(
        `mutation($t: ReportableType!, $id: ID!) { hideContent(resourceType: $t, resourceId: $id) { hidden } }`,
        vars,
        c.admin,
      );
      expect(hidden.errors).toBeUndefined();
      expect(await notificationsOf(follower)).toEqual([]);
      expect(await unread()).toBe(0);
      const shown = await t.gql(
        `mutation($t: ReportableType!, $id: ID!) { unhideContent(resourceType: $t, resourceId: $id) { hidden } }`,
        vars,
        c.admin,
      );
      expect(shown.errors).toBeUndefined();
      expect(await notificationsOf(follower)).toEqual(before);
      expect(await unread()).toBe(before.length);
    });

    it('blocking its author hides it, and lifting the block shows it again (a reportable host lists what an account wrote)', async () => {
      const reports = host(type).reports;
      if (!reports || !resource.author) return;
      expect(reports.authoredBy).toBeDefined();
      const author = resource.author;
      const [{ is_admin }] = await t.sql(`SELECT is_admin FROM users WHERE id = $1`, [author.id]);
      if (is_admin) return; // an administrator's account cannot be blocked
      const blocked = await t.gql(
        `mutation($i: BlockUserInput!) { blockUser(input: $i) { hiddenCount } }`,
        { i: { userId: author.id, reason: 'Blocage de contrôle du contrat.' } },
        c.admin,
      );
      expect(blocked.errors).toBeUndefined();
      expect(blocked.data.blockUser.hiddenCount).toBeGreaterThanOrEqual(1);
      expect((await host(type).reference(resource.id))!.hidden).toBe(true);
      const lifted = await t.gql(
        `mutation($id: ID!) { unblockUser(userId: $id) { hiddenCount } }`,
        { id: author.id },
        c.admin,
      );
      expect(lifted.errors).toBeUndefined();
      expect((await host(type).reference(resource.id))!.hidden).toBe(false);
      // the block closed the author's sessions: the suites after this one sign in again
      const login = await t.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
        i: { email: author.email, password: PASSWORD },
      });
      expect(login.errors).toBeUndefined();
      author.token = login.data.login.token;
    });

    it('reports: three participants report it and it is hidden; a fourth gets NOT_FOUND; the moderation queue lists it', async () => {
      if (!host(type).reports) return;
      // its author cannot report it (and the count does not move)
      if (
        resource.author &&
        !(await t.sql(`SELECT is_admin FROM users WHERE id = $1`, [resource.author.id]))[0]
          ?.is_admin
      ) {
        const own = await t.gql(
          REPORT,
          { i: { resourceType: type, resourceId: resource.id, reason: 'SPAM' } },
          resource.author.token,
        );
        expect(own.errors?.[0].extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'OWN_CONTENT',
        });
      }
      for (let i = 0; i < 3; i++) {
        const reporter = await t.register(`Signaleuse ${i}`);
        if (fixture.viewerReported && i < 2)
          expect(await fixture.viewerReported(c, resource, reporter.token)).toBe(false);
        const res = await t.gql(
          REPORT,
          { i: { resourceType: type, resourceId: resource.id, reason: 'SPAM' } },
          reporter.token,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data.reportContent).toEqual({ reportCount: i + 1, hidden: i === 2 });
        // its page knows the reporter already reported it (« Signalé », not « Signaler » again);
        // the other participants' flags stay false
        if (fixture.viewerReported && i < 2) {
          expect(await fixture.viewerReported(c, resource, reporter.token)).toBe(true);
          expect(await fixture.viewerReported(c, resource, c.admin)).toBe(false);
        }
      }
      expect((await host(type).reference(resource.id))!.hidden).toBe(true);
      const late = await t.register('Signaleuse tardive');
      expect(
        errorCode(
          await t.gql(
            REPORT,
            { i: { resourceType: type, resourceId: resource.id, reason: 'SPAM' } },
            late.token,
          ),
        ),
      ).toBe('NOT_FOUND');
      if (resource.componentId) {
        const queue = (await t.gql(QUEUE, { c: resource.componentId }, c.admin)).data
          .moderationQueue as {
          resourceType: string;
          resourceId: string;
          hidden: boolean;
          reportCount: number;
          link: string | null;
        }[];
        // with the link to its page, where the moderator reads it
        expect(queue).toContainEqual({
          resourceType: type,
          resourceId: resource.id,
          hidden: true,
          reportCount: 3,
          link: (await host(type).reference(resource.id))!.link,
        });
      }
    });

    it('history: its PUBLIC journal lines are its « Historique »', async () => {
      if (!host(type).history)
        return expect(errorCode(await t.gql(HISTORY, { t: type, id: resource.id }))).toBe(
          'BAD_USER_INPUT',
        );
      const own: { id: string }[] = await t.sql(
        `SELECT id::text FROM action_logs WHERE resource_type = $1 AND resource_id = $2 AND visibility = 'PUBLIC' ORDER BY id DESC LIMIT 50`,
        [host(type).history!.logType, resource.id],
      );
      const res = await t.gql(HISTORY, { t: type, id: resource.id }, c.admin);
      expect(res.errors).toBeUndefined();
      const ids = (res.data.resourceHistory as { id: string }[]).map((h) => h.id);
      expect(ids).toEqual(expect.arrayContaining(own.map((l) => l.id)));
      if (resource.author) expect(own.length).toBeGreaterThan(0); // an authored resource logs its creation
    });

    it('personal data: its author finds it in the ZIP; once the account is deleted it is attributed to « Participant supprimé »', async () => {
      if (!resource.author) return expect(host(type).reference).toBeDefined();
      expect(await zipMentions(resource.author, resource.id)).toBe(true);
      await deleteAccount(resource.author);
      const after = (await host(type).reference(resource.id))!;
      expect(after.authorId).toBe(resource.author.id);
      const [user] = await t.sql(`SELECT name, email FROM users WHERE id = $1`, [
        resource.author.id,
      ]);
      expect(user).toEqual({ name: DELETED_PARTICIPANT_NAME, email: null });
    });
  });
});
