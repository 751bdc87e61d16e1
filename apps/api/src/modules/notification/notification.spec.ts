import { ClientToServerEvents, LiveNotification, ServerToClientEvents } from '@concerto/domain';
import { io, Socket } from 'socket.io-client';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { MotionSchedulerService } from '../motion/motion-scheduler.service';
import { SurveySchedulerService } from '../survey/survey-scheduler.service';
import { MailerService } from './mailer.service';
import { NotificationDispatcher } from './notification.dispatcher';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const INBOX = `{ notifications(first: 50) { edges { node { id kind title body link readAt } } } unreadNotificationsCount }`;

describe('notifications: outbox → stored once per recipient → live over Socket.IO, with catch-up', () => {
  let t: TestApp;
  let dispatcher: NotificationDispatcher;
  let spaceId: string;
  let componentId: string;
  let admin: string;
  const sockets: ClientSocket[] = [];

  const connect = async (token?: string): Promise<ClientSocket> => {
    const socket: ClientSocket = io(t.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    // the server joins a signed-in socket to its rooms once the session is read, after `connect`;
    // it answers any message only after that: this round trip waits for the joins however slow
    // the machine (a fixed 50 ms did not, and a notification sent meanwhile was lost)
    await socket.emitWithAck('unwatch', 'proposal:00000000-0000-4000-8000-000000000000');
    return socket;
  };
  const next = <E extends keyof ServerToClientEvents>(
    socket: ClientSocket,
    event: E,
    ms = 20_000,
  ) =>
    new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
      (socket.once as (e: string, cb: (p: unknown) => void) => void)(event, (payload) => {
        clearTimeout(timer);
        resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
      });
    });

  beforeAll(async () => {
    t = await startTestApp();
    dispatcher = t.app.get(NotificationDispatcher);
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
    const created = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      { input: { spaceId, type: 'PROPOSALS', title: 'Propositions suivies', published: true } },
      admin,
    );
    componentId = created.data.createComponent.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('tells followers of a space about a new proposal, once, and never the author', async () => {
    const follower = await t.register('Suiveuse');
    const author = await t.register('Auteur');
    await t.gql(
      `mutation($id: ID!) { follow(followableType: SPACE, followableId: $id) }`,
      { id: spaceId },
      follower.token,
    );
    await t.gql(
      `mutation($id: ID!) { follow(followableType: SPACE, followableId: $id) }`,
      { id: spaceId },
      author.token,
    );
    await t.gql(
      CREATE,
      { input: { componentId, title: 'Ouvrir les données de santé anonymisées', body: 'Texte' } },
      author.token,
    );
    await dispatcher.idle();
    const inbox = await t.gql(INBOX, {}, follower.token);
    expect(inbox.data.unreadNotificationsCount).toBe(1);
    expect(inbox.data.notifications.edges[0].node).toMatchObject({
      kind: 'PROPOSAL_PUBLISHED',
      title: 'Nouvelle proposition',
      body: 'Ouvrir les données de santé anonymisées',
      readAt: null,
    });
    expect(inbox.data.notifications.edges[0].node.link).toMatch(
      /^\/espaces\/structuration-filiere-sante-numerique\/f\/.+\/propositions\/.+$/,
    );
    expect((await t.gql(INBOX, {}, author.token)).data.unreadNotificationsCount).toBe(0);

    // a re-run of already processed events writes nothing twice
    await t.sql(`UPDATE domain_events SET processed_at = NULL`);
    await dispatcher.idle();
    expect((await t.gql(INBOX, {}, follower.token)).data.unreadNotificationsCount).toBe(1);

    const read = await t.gql(`mutation { markNotificationsRead }`, {}, follower.token);
    expect(read.data.markNotificationsRead).toBe(0);
    expect(
      errorCode(await t.gql(`mutation { markNotificationsRead(ids: ["x"]) }`, {}, follower.token)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(INBOX))).toBe('UNAUTHENTICATED');
  });

  it('an event about content hidden before its dispatch: stored withdrawn, neither pushed nor counted, back when shown again', async () => {
    const follower = await t.register('Suiveur prudent');
    const author = await t.register('Auteur masqué');
    await t.gql(
      `mutation($id: ID!) { follow(followableType: SPACE, followableId: $id) }`,
      { id: spaceId },
      follower.token,
    );
    const created = await t.gql(
      CREATE,
      { input: { componentId, title: 'Une proposition vite masquée', body: 'Texte' } },
      author.token,
    );
    const proposalId = created.data.createProposal.id as string;
    await dispatcher.idle();
    // as if the moderator had hidden it before the dispatcher ran: undo the dispatch, hide, re-run
    const [{ id: eventId }] = await t.sql<{ id: string }>(
      `SELECT id FROM domain_events WHERE type = 'proposal.published' AND payload->>'proposalId' = $1`,
      [proposalId],
    );
    await t.sql(`DELETE FROM notifications WHERE event_id = $1`, [eventId]);
    await t.sql(`DELETE FROM notification_subjects WHERE event_id = $1`, [eventId]);
    const hide = (name: 'hideContent' | 'unhideContent') =>
      t.gql(
        `mutation($id: ID!) { ${name}(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
        { id: proposalId },
        admin,
      );
    expect((await hide('hideContent')).errors).toBeUndefined();
    const socket = await connect(follower.token);
    const pushed: unknown[] = [];
    socket.on('notification', (n) => pushed.push(n));
    await t.sql(`UPDATE domain_events SET processed_at = NULL WHERE id = $1`, [eventId]);
    await dispatcher.idle();
    expect(
      await t.sql(
        `SELECT count(*)::int AS n FROM notifications WHERE event_id = $1 AND user_id = $2`,
        [eventId, follower.id],
      ),
    ).toEqual([{ n: 1 }]);
    let inbox = await t.gql(INBOX, {}, follower.token);
    expect(inbox.data.notifications.edges).toEqual([]);
    expect(inbox.data.unreadNotificationsCount).toBe(0);
    expect((await hide('unhideContent')).errors).toBeUndefined();
    inbox = await t.gql(INBOX, {}, follower.token);
    expect(inbox.data.unreadNotificationsCount).toBe(1);
    expect(inbox.data.notifications.edges[0].node.body).toBe('Une proposition vite masquée');
    expect(pushed).toEqual([]);
  });

  it('pushes answers and comment replies live to the author’s socket; settings switch kinds off; e-mail when chosen', async () => {
    const author = await t.register('Autrice');
    const commenter = await t.register('Commentateur');
    const socket = await connect(author.token);
    const id = (
      await t.gql(
        CREATE,
        { input: { componentId, title: 'Former les soignants au numérique', body: 'Texte' } },
        author.token,
      )
    ).data.createProposal.id;

    await t.gql(
      `mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { emailDelivery } }`,
      { input: { emailDelivery: 'IMMEDIATE' } },
      author.token,
    );
    const answered = next(socket, 'notification');
    await t.gql(
      `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { state } }`,
      { input: { proposalId: id, state: 'ACCEPTED', answer: 'Oui.' } },
      admin,
    );
    expect(await answered).toMatchObject({
      kind: 'PROPOSAL_ANSWERED',
      body: 'Former les soignants au numérique : acceptée',
    });
    await dispatcher.idle();
    const me = await t.gql(`{ me { email } }`, {}, author.token);
    expect(
      t.app
        .get(MailerService)
        .outbox.some(
          (m) => m.to === me.data.me.email && m.subject === '[Concerto] Réponse à une proposition',
        ),
    ).toBe(true);

    const top = await t.gql(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { commentableType: 'PROPOSAL', commentableId: id, body: 'Mon avis' } },
      author.token,
    );
    const reply = next(socket, 'notification');
    await t.gql(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      {
        input: {
          commentableType: 'PROPOSAL',
          commentableId: id,
          body: 'Je réponds',
          parentId: top.data.addComment.id,
        },
      },
      commenter.token,
    );
    expect(await reply).toMatchObject({ kind: 'COMMENT_REPLY', body: 'Je réponds' });

    await t.gql(
      `mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { disabledKinds } }`,
      { input: { disabledKinds: ['COMMENT_CREATED', 'COMMENT_REPLY'] } },
      author.token,
    );
    const before = (await t.gql(INBOX, {}, author.token)).data.unreadNotificationsCount;
    await t.gql(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      {
        input: {
          commentableType: 'PROPOSAL',
          commentableId: id,
          body: 'Encore',
          parentId: top.data.addComment.id,
        },
      },
      commenter.token,
    );
    await dispatcher.idle();
    expect((await t.gql(INBOX, {}, author.token)).data.unreadNotificationsCount).toBe(before);
  });

  it('broadcasts live support counts to anonymous sockets watching the proposal', async () => {
    const author = await t.register('Porteuse');
    const supporter = await t.register('Soutien');
    const id = (
      await t.gql(
        CREATE,
        { input: { componentId, title: 'Une proposition très soutenue', body: 'Texte' } },
        author.token,
      )
    ).data.createProposal.id;
    const anonymous = await connect();
    expect(await anonymous.emitWithAck('watch', `proposal:${id}`)).toEqual({ ok: true });
    expect(await anonymous.emitWithAck('watch', 'users:everything')).toEqual({
      ok: false,
      error: 'BAD_USER_INPUT',
    });
    const changed = next(anonymous, 'proposal.supportsChanged');
    await t.gql(
      `mutation($id: ID!) { supportProposal(proposalId: $id) { supportsCount } }`,
      { id },
      supporter.token,
    );
    expect(await changed).toEqual({ proposalId: id, componentId, supportsCount: 1 });
    expect(await anonymous.emitWithAck('catchUp', null)).toEqual({ error: 'UNAUTHENTICATED' });
  });

  it('broadcasts live « pas d’accord » counts: a second client watching the proposal and one watching the list see them move', async () => {
    const settings = await t.gql(
      `mutation($c: ID!, $input: ProposalSettingsInput!) { updateProposalSettings(componentId: $c, input: $input) { disagreementsEnabled } }`,
      { c: componentId, input: { disagreementsEnabled: true } },
      admin,
    );
    expect(settings.errors).toBeUndefined();
    const author = await t.register('Porteuse contestée');
    const [first, second] = [await t.register('Désaccord 1'), await t.register('Désaccord 2')];
    const id = (
      await t.gql(
        CREATE,
        { input: { componentId, title: 'Une proposition contestée', body: 'Texte' } },
        author.token,
      )
    ).data.createProposal.id;
    const watcher = await connect();
    const listWatcher = await connect(author.token);
    expect(await watcher.emitWithAck('watch', `proposal:${id}`)).toEqual({ ok: true });
    expect(await listWatcher.emitWithAck('watch', `component:${componentId}`)).toEqual({
      ok: true,
    });
    const DISAGREE = `mutation($id: ID!) { disagreeWithProposal(proposalId: $id) { disagreementsCount } }`;
    let seen = next(watcher, 'proposal.disagreementsChanged');
    const listed = next(listWatcher, 'proposal.disagreementsChanged');
    await t.gql(DISAGREE, { id }, first.token);
    expect(await seen).toEqual({ proposalId: id, componentId, disagreementsCount: 1 });
    expect(await listed).toEqual({ proposalId: id, componentId, disagreementsCount: 1 });
    seen = next(watcher, 'proposal.disagreementsChanged');
    await t.gql(DISAGREE, { id }, second.token);
    expect(await seen).toEqual({ proposalId: id, componentId, disagreementsCount: 2 });
    seen = next(watcher, 'proposal.disagreementsChanged');
    await t.gql(
      `mutation($id: ID!) { withdrawProposalDisagreement(proposalId: $id) { disagreementsCount } }`,
      { id },
      first.token,
    );
    expect(await seen).toEqual({ proposalId: id, componentId, disagreementsCount: 1 });
  });

  it('a client offline during three events gets all three, once, when it reconnects', async () => {
    const author = await t.register('Hors ligne');
    const other = await t.register('Active');
    const id = (
      await t.gql(
        CREATE,
        { input: { componentId, title: 'Proposition pour la reconnexion', body: 'Texte' } },
        author.token,
      )
    ).data.createProposal.id;
    const first = await connect(author.token);
    const seen = next(first, 'notification');
    await t.gql(
      `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { commentableType: 'PROPOSAL', commentableId: id, body: 'Avant la coupure' } },
      other.token,
    );
    const lastSeen = (await seen) as LiveNotification;
    first.disconnect();

    for (const body of ['Un', 'Deux', 'Trois']) {
      await t.gql(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { commentableType: 'PROPOSAL', commentableId: id, body } },
        other.token,
      );
    }
    await dispatcher.idle();
    const again = await connect(author.token);
    const missed = await again.emitWithAck('catchUp', lastSeen.id);
    expect('notifications' in missed && missed.notifications.map((n) => n.body)).toEqual([
      'Un',
      'Deux',
      'Trois',
    ]);
    const twice = await again.emitWithAck('catchUp', lastSeen.id);
    expect('notifications' in twice && twice.notifications.length).toBe(3);
    const afterLast = 'notifications' in missed ? missed.notifications[2].id : '';
    expect(await again.emitWithAck('catchUp', afterLast)).toEqual({ notifications: [] });
  });

  it('tells a proposal’s author about an amendment, and the amendment’s author about its acceptance, live', async () => {
    await t.gql(
      `mutation($c: ID!) { updateAmendmentSettings(componentId: $c, input: { amendmentsEnabled: true }) { amendmentsEnabled } }`,
      { c: componentId },
      admin,
    );
    const author = await t.register('Autrice amendée');
    const amender = await t.register('Amendeur');
    const id = (
      await t.gql(
        CREATE,
        {
          input: {
            componentId,
            title: 'Une proposition à amender ensemble',
            body: 'Texte initial',
          },
        },
        author.token,
      )
    ).data.createProposal.id;
    const authorSocket = await connect(author.token);
    const watcher = await connect();
    expect(await watcher.emitWithAck('watch', `proposal:${id}`)).toEqual({ ok: true });
    const told = next(authorSocket, 'notification');
    const changed = next(watcher, 'amendment.changed');
    const created = await t.gql(
      `mutation($i: CreateAmendmentInput!) { createAmendment(input: $i) { id } }`,
      {
        i: {
          amendableType: 'PROPOSAL',
          amendableId: id,
          title: 'Une formulation plus précise',
          body: 'Texte amendé et plus précis',
        },
      },
      amender.token,
    );
    expect(created.errors).toBeUndefined();
    expect(await told).toMatchObject({
      kind: 'AMENDMENT_CREATED',
      title: 'Nouvel amendement',
      body: 'Une formulation plus précise',
    });
    expect(await changed).toMatchObject({
      amendableType: 'PROPOSAL',
      amendableId: id,
      amendmentId: created.data.createAmendment.id,
    });

    const amenderSocket = await connect(amender.token);
    const accepted = next(amenderSocket, 'notification');
    const accept = await t.gql(
      `mutation($id: ID!) { acceptAmendment(id: $id) { state } }`,
      { id: created.data.createAmendment.id },
      author.token,
    );
    expect(accept.data.acceptAmendment.state).toBe('ACCEPTED');
    expect(await accepted).toMatchObject({
      kind: 'AMENDMENT_STATE_CHANGED',
      title: 'Amendement accepté',
    });
  });

  it('tells assembly members a motion opened and pushes its tally live as members vote', async () => {
    const assembly = (
      await t.gql(
        `{ space(slug: "assemblee-filiere-sante-numerique") { id components { id type } } }`,
      )
    ).data.space;
    const motionsComponent = assembly.components.find(
      (c: { type: string }) => c.type === 'MOTIONS',
    ).id;
    const member = await t.register('Membre votant');
    await t.gql(
      `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`,
      { i: { spaceId: assembly.id, email: member.email } },
      admin,
    );
    const created = await t.gql(
      `mutation($i: CreateMotionInput!) { createMotion(input: $i) { id } }`,
      {
        i: {
          componentId: motionsComponent,
          title: 'Adopter la charte éthique',
          body: 'Texte de la motion',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 7200_000).toISOString(),
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const motionId = created.data.createMotion.id;
    const memberSocket = await connect(member.token);
    const opened = new Promise<LiveNotification>((resolve) => {
      memberSocket.on(
        'notification',
        (n: LiveNotification) => n.body === 'Adopter la charte éthique' && resolve(n),
      );
    });
    await t.app.get(MotionSchedulerService).tick();
    expect(await opened).toMatchObject({ kind: 'MOTION_OPENED', title: 'Motion ouverte au vote' });

    const watcher = await connect();
    expect(await watcher.emitWithAck('watch', `motion:${motionId}`)).toEqual({ ok: true });
    const tally = next(watcher, 'motion.tallyChanged');
    const vote = await t.gql(
      `mutation($m: ID!) { castVote(motionId: $m, choice: FOR) { id } }`,
      { m: motionId },
      member.token,
    );
    expect(vote.errors).toBeUndefined();
    expect(await tally).toEqual({ motionId, for: 1, against: 0, abstain: 0, voters: 1 });
  });

  it('tells followers of a space that its survey opened, once, even when the scheduler runs twice', async () => {
    const follower = await t.register('Répondante');
    await t.gql(
      `mutation($id: ID!) { follow(followableType: SPACE, followableId: $id) }`,
      { id: spaceId },
      follower.token,
    );
    const scheduler = t.app.get(SurveySchedulerService);
    await scheduler.tick();
    await scheduler.tick();
    await dispatcher.idle();
    const inbox = await t.gql(INBOX, {}, follower.token);
    const opened = inbox.data.notifications.edges.filter(
      (e: { node: { kind: string } }) => e.node.kind === 'SURVEY_OPENED',
    );
    expect(opened).toHaveLength(1);
    expect(opened[0].node.title).toBe('Enquête ouverte');
  });

  it('sends a daily digest of the notifications not yet e-mailed, at most once per 24 hours', async () => {
    const reader = await t.register('Lectrice du soir');
    const author = await t.register('Auteur du jour');
    await t.gql(
      `mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { emailDelivery } }`,
      { input: { emailDelivery: 'DIGEST' } },
      reader.token,
    );
    const id = (
      await t.gql(
        CREATE,
        { input: { componentId, title: 'Une proposition pour le résumé', body: 'Texte' } },
        author.token,
      )
    ).data.createProposal.id;
    await t.gql(
      `mutation($id: ID!) { follow(followableType: PROPOSAL, followableId: $id) }`,
      { id },
      reader.token,
    );
    for (const body of ['Premier avis', 'Second avis']) {
      await t.gql(
        `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { commentableType: 'PROPOSAL', commentableId: id, body } },
        author.token,
      );
    }
    await dispatcher.idle();
    const mailer = t.app.get(MailerService);
    const me = (await t.gql(`{ me { email } }`, {}, reader.token)).data.me.email;
    // notification mails only: the address-confirmation mail of the sign-up is not one
    const notificationMails = () =>
      mailer.outbox.filter((m) => m.to === me && !m.subject.includes('Confirmez votre adresse'));
    expect(notificationMails()).toHaveLength(0); // no immediate mail with DIGEST
    expect(await dispatcher.sendDigests()).toBeGreaterThanOrEqual(1);
    const digest = notificationMails();
    expect(digest).toHaveLength(1);
    expect(digest[0].subject).toBe('[Concerto] 2 notifications');
    expect(digest[0].text).toContain('Premier avis');
    expect(digest[0].text).toContain('Second avis');
    await dispatcher.sendDigests();
    expect(notificationMails()).toHaveLength(1);
  });
});
