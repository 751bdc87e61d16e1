import { readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildSchema, getNamedType, GraphQLField, GraphQLSchema, isObjectType } from 'graphql';
import { DataExportWorker } from '../src/modules/account/data-export.worker';
import { IdeaScoringService } from '../src/modules/idea/idea-scoring.service';
import { NotificationDispatcher } from '../src/modules/notification/notification.dispatcher';
import { GqlResponse, TestApp } from './test-app';
import { TEST_ADMIN_EMAIL } from './test-database';

/**
 * One declarative table of every mutation of `apps/api/schema.graphql`: how to build valid
 * arguments against fresh fixtures, and who may run it. Read by the authorization matrix
 * (`authorization-matrix.spec.ts`) and the bad-input sweep (`bad-input-sweep.spec.ts`).
 *
 * To add a mutation: add one entry to {@link MUTATIONS} with an access preset (or an explicit
 * outcome per actor) and an `args` builder that makes whatever the mutation acts on, e.g.
 *
 *   requestDataExport: { access: SIGNED_IN, global: true, disposableActor: true, args: async () => ({ vars: {} }) },
 *
 * `global` skips the cross-space and unpublished-space checks (the mutation is about one's own
 * account); `disposableActor` runs each actor as a fresh user of the same standing, so the
 * mutation may spend it; `owner` (returned by `args`) names who the `author` actor is.
 */

/** Who runs the mutation. `author` is the owner of the fixture (see {@link Prepared.owner}). */
export type Actor =
  | 'anonymous'
  | 'participant'
  | 'member'
  | 'moderator'
  | 'spaceAdmin'
  | 'admin'
  | 'author';
export const ACTORS: Actor[] = [
  'anonymous',
  'participant',
  'member',
  'moderator',
  'spaceAdmin',
  'admin',
  'author',
];
export type Outcome = 'allowed' | 'denied';
export type Expectation = Partial<Record<Actor, Outcome>> &
  Record<'anonymous' | 'participant' | 'member' | 'moderator' | 'admin', Outcome>;

export interface User {
  token: string;
  id: string;
  email: string;
}

/** The spaces a fixture is made in: the actors' own ("home") or one where they hold no role ("foreign"). */
export interface Scope {
  name: 'home' | 'foreign';
  processId: string;
  proposalsId: string;
  textId: string;
  assemblyId: string;
  motionsId: string;
}

/** What an `args` builder returns: the variables, and who owns the fixture (the `author` actor). */
export interface Prepared {
  vars: Record<string, unknown>;
  owner?: User;
}

/** Handed to each `args` builder: fixture makers bound to one scope, and the acting user. */
export interface Context {
  t: TestApp;
  w: World;
  s: Scope;
  /** The acting user (undefined for anonymous). */
  actor?: User;
  f: Fixtures;
}

export interface MutationCase {
  /** Label when a mutation has several cases (e.g. amendments of a proposal and of an article). */
  label?: string;
  access: Expectation;
  /** Not about one space's content (own account, sign-in): skipped by the cross-space and unpublished-space checks. */
  global?: boolean;
  /**
   * Run each actor as a fresh user with the same standing (see {@link disposableUser}), for
   * mutations that spend the actor: signing out, a password change, an account deletion.
   */
  disposableActor?: boolean;
  args(c: Context): Promise<Prepared>;
}

export interface World {
  admin: User;
  users: Record<
    'participant' | 'member' | 'moderator' | 'spaceAdmin' | 'author' | 'memberAuthor' | 'other',
    User
  >;
  home: Scope;
  foreign: Scope;
  /** A published process space that the unpublished-space check hides while a participant acts. */
  hidden: Scope;
}

/** The password of every user the tests register (see `TestApp.register`). */
export const PASSWORD = 'correct horse battery';
const A = 'allowed' as const;
const D = 'denied' as const;

/** Access presets, read as "who is allowed". */
export const ANYONE: Expectation = {
  anonymous: A,
  participant: A,
  member: A,
  moderator: A,
  spaceAdmin: A,
  admin: A,
  author: A,
};
export const SIGNED_IN: Expectation = {
  anonymous: D,
  participant: A,
  member: A,
  moderator: A,
  spaceAdmin: A,
  admin: A,
  author: A,
};
export const SPACE_MODERATORS: Expectation = {
  anonymous: D,
  participant: D,
  member: D,
  moderator: A,
  spaceAdmin: A,
  admin: A,
  author: D,
};
export const SPACE_ADMINS: Expectation = {
  anonymous: D,
  participant: D,
  member: D,
  moderator: D,
  spaceAdmin: A,
  admin: A,
  author: D,
};
export const ORGANIZATION_ADMINS: Expectation = {
  anonymous: D,
  participant: D,
  member: D,
  moderator: D,
  spaceAdmin: D,
  admin: A,
  author: D,
};
export const OWNER_ONLY: Expectation = {
  anonymous: D,
  participant: D,
  member: D,
  moderator: D,
  spaceAdmin: D,
  admin: D,
  author: A,
};

const MARKDOWN = `# Principes\n\nLes données de santé servent l’intérêt général.\n\nChaque acteur de la filière partage ses retours.\n\n# Organisation\n\nUn comité se réunit chaque trimestre.\n`;
let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial += 1)}`;
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** Runs a GraphQL operation that must succeed (fixture building); throws with its errors otherwise. */
async function must<T = any>(
  t: TestApp,
  query: string,
  vars: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await t.gql(query, vars, token);
  if (res.errors?.length || !res.data)
    throw new Error(`fixture failed: ${query.slice(0, 80)} → ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** The pseudo of an account (its member profile). */
async function pseudoOf(t: TestApp, userId: string): Promise<string> {
  const [row] = await t.sql(`SELECT pseudo FROM member_profiles WHERE user_id = $1`, [userId]);
  return row.pseudo as string;
}

/** Makes fresh resources for one (mutation, actor) pair, in one scope. */
export class Fixtures {
  constructor(
    private readonly t: TestApp,
    private readonly w: World,
    private readonly s: Scope,
  ) {}

  private get admin() {
    return this.w.admin.token;
  }

  async user(): Promise<User> {
    return this.t.register('Personne de passage');
  }

  /** A valid one-time link token of a fresh account (stored hashed, as AccountRecoveryService does). */
  async accountToken(purpose: 'PASSWORD_RESET' | 'EMAIL_CONFIRMATION'): Promise<string> {
    const user = await this.user();
    const token = randomBytes(32).toString('base64url');
    await this.t.sql(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
      [user.id, purpose, createHash('sha256').update(token).digest('hex')],
    );
    return token;
  }

  async proposal(by: User = this.w.users.other, componentId = this.s.proposalsId): Promise<string> {
    const d = await must(
      this.t,
      `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
      {
        i: {
          componentId,
          title: `Une proposition de test ${unique()}`,
          body: 'Le corps de la proposition, assez long pour être valable.',
        },
      },
      by.token,
    );
    return d.createProposal.id;
  }

  async comment(by: User = this.w.users.other): Promise<string> {
    const proposalId = await this.proposal();
    const d = await must(
      this.t,
      `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
      {
        i: {
          commentableType: 'PROPOSAL',
          commentableId: proposalId,
          body: 'Un commentaire de test.',
        },
      },
      by.token,
    );
    return d.addComment.id;
  }

  async articleId(): Promise<string> {
    const rows = await this.t.sql(
      `SELECT id FROM text_articles WHERE component_id = $1 ORDER BY number LIMIT 1`,
      [this.s.textId],
    );
    return rows[0].id;
  }

  /** An amendment by `by` of a proposal by `proposalAuthor`, or of an article. */
  async amendment(by: User, target: { proposalAuthor: User } | 'ARTICLE'): Promise<string> {
    const amendable =
      target === 'ARTICLE'
        ? { amendableType: 'ARTICLE', amendableId: await this.articleId() }
        : { amendableType: 'PROPOSAL', amendableId: await this.proposal(target.proposalAuthor) };
    const d = await must(
      this.t,
      `mutation($i: CreateAmendmentInput!) { createAmendment(input: $i) { id } }`,
      {
        i: {
          ...amendable,
          title: `Un amendement de test ${unique()}`,
          body: `Un texte modifié ${unique()}, assez long pour être valable.`,
        },
      },
      by.token,
    );
    return d.createAmendment.id;
  }

  /** A motion by `by` (a member), open now or scheduled in an hour. */
  async motion(open: boolean, by: User = this.w.users.memberAuthor): Promise<string> {
    const d = await must(
      this.t,
      `mutation($i: CreateMotionInput!) { createMotion(input: $i) { id } }`,
      {
        i: {
          componentId: this.s.motionsId,
          title: `Motion ${unique()}`,
          body: 'Le texte de la motion.',
          opensAt: inSeconds(open ? 0 : 3600),
          closesAt: inSeconds(7200),
        },
      },
      by.token,
    );
    return d.createMotion.id;
  }

  /** A ballot in a fresh VOTES component of the scope's process space (every signed-in member votes), open now or in an hour. */
  async ballot(open: boolean): Promise<{ id: string; questionId: string; optionId: string }> {
    const componentId = await this.component('VOTES');
    const d = await must(
      this.t,
      `mutation($i: CreateBallotInput!) { createBallot(input: $i) { id questions { id options { id } } } }`,
      {
        i: {
          componentId,
          title: `Votation ${unique()}`,
          opensAt: inSeconds(open ? -1 : 3600),
          closesAt: inSeconds(7200),
          census: { kind: 'ALL_MEMBERS' },
          questions: [
            {
              title: 'Présidence',
              method: 'SINGLE',
              options: [{ title: 'Alice' }, { title: 'Bruno' }],
            },
          ],
        },
      },
      this.admin,
    );
    const q = d.createBallot.questions[0];
    return { id: d.createBallot.id, questionId: q.id, optionId: q.options[0].id };
  }

  /**
   * A petition by `by` in a fresh PETITIONS component of the scope's process space (type: threshold 10, 30 days, no committee
   * needed), taken to CREATED, VALIDATING, PUBLISHED, or ENDED (published, period over).
   */
  async petition(
    state: 'CREATED' | 'VALIDATING' | 'PUBLISHED' | 'ENDED',
    by: User = this.w.users.author,
  ): Promise<string> {
    const componentId = await this.component('PETITIONS');
    const type = await must(
      this.t,
      `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id } }`,
      {
        i: { componentId, title: 'Pétition de la filière', threshold: 10, periodDays: 30 },
      },
      this.admin,
    );
    const d = await must(
      this.t,
      `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { id } }`,
      {
        i: {
          typeId: type.createPetitionType.id,
          title: `Pétition ${unique()}`,
          body: 'Le texte de la pétition.',
        },
      },
      by.token,
    );
    const id = d.createPetition.id as string;
    if (state !== 'CREATED')
      await must(this.t, `mutation($id: ID!) { submitPetition(id: $id) { id } }`, { id }, by.token);
    if (state === 'PUBLISHED' || state === 'ENDED')
      await must(
        this.t,
        `mutation($id: ID!) { publishPetition(id: $id) { id } }`,
        { id },
        this.admin,
      );
    if (state === 'ENDED')
      await this.t.sql(`UPDATE petitions SET ends_at = clock_timestamp() WHERE id = $1`, [id]);
    return id;
  }

  /** A published in-person meeting in three days, in a fresh MEETINGS component, with registrations open (no seat limit). */
  async meeting(): Promise<string> {
    const componentId = await this.component('MEETINGS');
    const d = await must(
      this.t,
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      {
        i: {
          componentId,
          title: `Rencontre ${unique()}`,
          type: 'IN_PERSON',
          startsAt: inSeconds(3 * 86400),
          endsAt: inSeconds(3 * 86400 + 7200),
          published: true,
          registrationsEnabled: true,
        },
      },
      this.admin,
    );
    return d.createMeeting.id;
  }

  /**
   * An Assemblée sitting in progress: a published meeting marked `isSitting` in a fresh MEETINGS
   * component of the scope's assembly, whose agenda links a draft motion; opened by the chair when
   * `opened`.
   */
  async sitting(opened: boolean): Promise<{ meetingId: string; motionId: string }> {
    const d = await must(
      this.t,
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: {
          spaceId: this.s.assemblyId,
          type: 'MEETINGS',
          title: `Séances ${unique()}`,
          published: true,
        },
      },
      this.admin,
    );
    const motion = await must(
      this.t,
      `mutation($i: CreateMotionInput!) { createMotion(input: $i) { id } }`,
      {
        i: {
          componentId: this.s.motionsId,
          title: `Motion ${unique()}`,
          body: 'Le texte de la motion.',
        },
      },
      this.admin,
    );
    const motionId = motion.createMotion.id as string;
    const meeting = await must(
      this.t,
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      {
        i: {
          componentId: d.createComponent.id,
          title: `Séance ${unique()}`,
          type: 'ONLINE',
          onlineUrl: 'https://visio.example.org/seance',
          startsAt: inSeconds(86400),
          endsAt: inSeconds(86400 + 7200),
          published: true,
          isSitting: true,
          agenda: [{ title: 'Motion', durationMinutes: 30, motionIds: [motionId] }],
        },
      },
      this.admin,
    );
    const meetingId = meeting.createMeeting.id as string;
    await this.t.sql(
      `UPDATE meetings SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '2 hours' WHERE id = $1`,
      [meetingId],
    );
    if (opened)
      await must(
        this.t,
        `mutation($m: ID!, $x: ID!) { openMotionInSitting(meetingId: $m, motionId: $x) { id } }`,
        { m: meetingId, x: motionId },
        this.admin,
      );
    return { meetingId, motionId };
  }

  /** A published meeting that has ended ({@link meeting}, moved to the past). */
  async pastMeeting(): Promise<string> {
    const id = await this.meeting();
    await this.t.sql(
      `UPDATE meetings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    return id;
  }

  /** A newsletter draft, with one fresh opted-in member so that sending it reaches someone. */
  async newsletter(): Promise<string> {
    const member = await this.user();
    await this.t.sql(
      `INSERT INTO newsletter_subscriptions (user_id, subscribed) VALUES ($1, true)`,
      [member.id],
    );
    const d = await must(
      this.t,
      `mutation($i: NewsletterInput!) { createNewsletter(input: $i) { id } }`,
      { i: { subject: `Lettre ${unique()}`, body: '<p>Les nouvelles de la filière.</p>' } },
      this.admin,
    );
    return d.createNewsletter.id;
  }

  /** A news post published now in a fresh NEWS component. */
  async newsPost(): Promise<string> {
    const componentId = await this.component('NEWS');
    const d = await must(
      this.t,
      `mutation($i: CreateNewsPostInput!) { createNewsPost(input: $i) { id } }`,
      {
        i: { componentId, title: `Actualité ${unique()}`, body: '<p>La synthèse est publiée.</p>' },
      },
      this.admin,
    );
    return d.createNewsPost.id;
  }

  /** A published Boîte à idées with three seed ideas in a fresh IDEAS component. */
  async ideaBox(): Promise<string> {
    const componentId = await this.component('IDEAS');
    const d = await must(
      this.t,
      `mutation($i: CreateIdeaBoxInput!) { createIdeaBox(input: $i) { id } }`,
      {
        i: {
          componentId,
          question: `Quelle action en priorité ? ${unique()}`,
          seedIdeas: [
            'Organiser une journée de la filière',
            'Favoriser les partages d’expérience',
            'Publier un annuaire',
          ],
        },
      },
      this.admin,
    );
    return d.createIdeaBox.id;
  }

  /** A pair of a fresh box shown to `who`. */
  async ideaPair(who: User = this.w.users.other): Promise<string> {
    const d = await must(
      this.t,
      `mutation($b: ID!) { nextIdeaPair(boxId: $b) { id } }`,
      { b: await this.ideaBox() },
      who.token,
    );
    return d.nextIdeaPair.id;
  }

  /** A participant's idea in a fresh box. */
  async idea(by: User = this.w.users.other): Promise<string> {
    const d = await must(
      this.t,
      `mutation($b: ID!) { addIdea(boxId: $b, body: "Créer un observatoire des usages") { id } }`,
      { b: await this.ideaBox() },
      by.token,
    );
    return d.addIdea.id;
  }

  /** Registers `who` for a meeting; returns the attendance code. */
  async meetingRegistration(meetingId: string, who: User): Promise<string> {
    const d = await must(
      this.t,
      `mutation($id: ID!) { registerForMeeting(meetingId: $id) { viewerRegistration { code } } }`,
      { id: meetingId },
      who.token,
    );
    return d.registerForMeeting.viewerRegistration.code;
  }

  /** A debate opened by the admin in a fresh DEBATE component (participants' statements reviewed first when `moderated`). */
  async debate(moderated = false): Promise<string> {
    const componentId = await this.component('DEBATE');
    if (moderated)
      await must(
        this.t,
        `mutation($id: ID!, $i: UpdateComponentInput!) { updateComponent(id: $id, input: $i) { id } }`,
        { id: componentId, i: { settings: { statementsModerated: true } } },
        this.admin,
      );
    const d = await must(
      this.t,
      `mutation($i: CreateDebateInput!) { createDebate(input: $i) { id } }`,
      { i: { componentId, title: `Débat ${unique()}` } },
      this.admin,
    );
    return d.createDebate.id;
  }

  /** A statement of a fresh debate: a published seed by the admin, or a participant's PENDING one in a moderated debate. */
  async debateStatement(pendingBy?: User): Promise<string> {
    const debateId = await this.debate(pendingBy !== undefined);
    const d = await must(
      this.t,
      `mutation($i: AddDebateStatementInput!) { addDebateStatement(input: $i) { id } }`,
      {
        i: { debateId, body: `La filière doit partager ses retours d’expérience (${unique()}).` },
      },
      pendingBy?.token ?? this.admin,
    );
    return d.addDebateStatement.id;
  }

  async component(type: string, published = true): Promise<string> {
    const d = await must(
      this.t,
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: {
          spaceId: type === 'MOTIONS' ? this.s.assemblyId : this.s.processId,
          type,
          title: `Fonctionnalité ${unique()}`,
          published,
        },
      },
      this.admin,
    );
    return d.createComponent.id;
  }

  /** A SURVEY component with a questionnaire of two questions (single choice with three options, short answer). */
  async survey(): Promise<{
    surveyId: string;
    componentId: string;
    questionIds: string[];
    optionIds: string[];
  }> {
    const componentId = await this.component('SURVEY');
    const created = await must(
      this.t,
      `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`,
      { i: { componentId, title: 'Questionnaire' } },
      this.admin,
    );
    const surveyId = created.createSurvey.id;
    await must(
      this.t,
      `mutation($i: AddSurveyQuestionInput!) { addSurveyQuestion(input: $i) { id } }`,
      {
        i: {
          surveyId,
          type: 'SINGLE_OPTION',
          body: 'Typologie',
          options: [{ body: 'Entreprise' }, { body: 'Hôpital' }, { body: 'Recherche' }],
        },
      },
      this.admin,
    );
    const d = await must(
      this.t,
      `mutation($i: AddSurveyQuestionInput!) { addSurveyQuestion(input: $i) { questions { id options { id } } } }`,
      {
        i: { surveyId, type: 'SHORT_ANSWER', body: 'Un mot' },
      },
      this.admin,
    );
    const questions = d.addSurveyQuestion.questions as { id: string; options: { id: string }[] }[];
    return {
      surveyId,
      componentId,
      questionIds: questions.map((q) => q.id),
      optionIds: questions[0].options.map((o) => o.id),
    };
  }

  async phase(): Promise<string> {
    const d = await must(
      this.t,
      `mutation($i: CreatePhaseInput!) { createPhase(input: $i) { id } }`,
      { i: { spaceId: this.s.processId, title: `Phase ${unique()}` } },
      this.admin,
    );
    return d.createPhase.id;
  }

  async space(type = 'PROCESS'): Promise<string> {
    const d = await must(
      this.t,
      `mutation($i: CreateSpaceInput!) { createSpace(input: $i) { id } }`,
      {
        i: {
          type,
          slug: `espace-${unique()}`,
          title: `Espace de test ${unique()}`,
          published: true,
        },
      },
      this.admin,
    );
    return d.createSpace.id;
  }

  async textComponent(publish: boolean): Promise<string> {
    const componentId = await this.component('PARTICIPATORY_TEXT');
    await must(
      this.t,
      `mutation($c: ID!, $md: String!) { importParticipatoryText(componentId: $c, markdown: $md) { published } }`,
      { c: componentId, md: MARKDOWN },
      this.admin,
    );
    if (publish)
      await must(
        this.t,
        `mutation($c: ID!) { publishParticipatoryText(componentId: $c) { published } }`,
        { c: componentId },
        this.admin,
      );
    return componentId;
  }

  async assemblyMember(): Promise<string> {
    const user = await this.user();
    const d = await must(
      this.t,
      `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`,
      { i: { spaceId: this.s.assemblyId, email: user.email } },
      this.admin,
    );
    return d.addAssemblyMember.id;
  }

  async spaceRole(): Promise<string> {
    const user = await this.user();
    const d = await must(
      this.t,
      `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { id } }`,
      { i: { spaceId: this.s.processId, email: user.email, role: 'MODERATOR' } },
      this.admin,
    );
    return d.assignSpaceRole.id;
  }

  /** An invitation to a fresh assembly for `to`; returns its token (stored hashed, as the service does). */
  async invitation(to: User): Promise<string> {
    const spaceId = await this.space('ASSEMBLY');
    const token = randomBytes(32).toString('base64url');
    await this.t.sql(
      `INSERT INTO assembly_invitations (space_id, email, position, weight, token_hash, invited_by) VALUES ($1, $2, 'MEMBER', 1, $3, $4)`,
      [spaceId, to.email, createHash('sha256').update(token).digest('hex'), this.w.admin.id],
    );
    return token;
  }

  async hide(resourceId: string): Promise<void> {
    await must(
      this.t,
      `mutation($id: ID!) { hideContent(resourceType: PROPOSAL, resourceId: $id) { hidden } }`,
      { id: resourceId },
      this.admin,
    );
  }

  /** A report on a proposal by `by` (another participant by default). */
  async report(resourceId: string, by: User = this.w.users.author): Promise<void> {
    await must(
      this.t,
      `mutation($i: ReportContentInput!) { reportContent(input: $i) { reportCount } }`,
      { i: { resourceType: 'PROPOSAL', resourceId, reason: 'SPAM' } },
      by.token,
    );
  }
}

/**
 * Every mutation of the schema → one case or several. `args` builds valid variables in the
 * actor's name against fresh fixtures (a fresh fixture per pair: destroying mutations do not
 * disturb the next pair).
 */
export const MUTATIONS: Record<string, MutationCase | MutationCase[]> = {
  // ── accounts ──
  register: {
    access: ANYONE,
    global: true,
    args: async ({ t }) => ({
      vars: {
        input: {
          name: 'Nouvelle personne',
          email: `inscription-${unique()}@example.org`,
          password: PASSWORD,
          ...(await t.currentTermsVersions()),
        },
      },
    }),
  },
  login: {
    access: ANYONE,
    global: true,
    args: async ({ w }) => ({
      vars: { input: { email: w.users.author.email, password: PASSWORD } },
    }),
  },
  logout: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({ vars: {} }),
  },
  markNotificationsRead: { access: SIGNED_IN, global: true, args: async () => ({ vars: {} }) },
  updateNotificationSettings: {
    access: SIGNED_IN,
    global: true,
    args: async () => ({ vars: { input: { emailDelivery: 'DIGEST' } } }),
  },
  changePassword: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({
      vars: { input: { currentPassword: PASSWORD, newPassword: 'another horse battery' } },
    }),
  },
  deleteMyAccount: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({ vars: { input: { password: PASSWORD } } }),
  },
  // an OpenID Connect identity of the actor (its password stays, so unlinking is allowed); anonymous gets someone else's
  unlinkIdentity: {
    access: SIGNED_IN,
    global: true,
    args: async ({ t, f, actor }) => {
      const owner = actor ?? (await f.user());
      const [row] = await t.sql(
        `INSERT INTO identities (user_id, provider, issuer, subject) VALUES ($1, 'test', 'https://op.example', $2) RETURNING id`,
        [owner.id, `sub-${unique()}`],
      );
      return { vars: { id: row.id } };
    },
  },
  // one-time links: a fresh account and a token stored the way AccountRecoveryService stores it
  requestPasswordReset: {
    access: ANYONE,
    global: true,
    args: async ({ f }) => ({ vars: { input: { email: (await f.user()).email } } }),
  },
  resetPassword: {
    access: ANYONE,
    global: true,
    args: async ({ f }) => ({
      vars: {
        input: {
          token: await f.accountToken('PASSWORD_RESET'),
          newPassword: 'a brand new horse battery',
        },
      },
    }),
  },
  confirmEmail: {
    access: ANYONE,
    global: true,
    args: async ({ f }) => ({
      vars: { input: { token: await f.accountToken('EMAIL_CONFIRMATION') } },
    }),
  },
  resendEmailConfirmation: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({ vars: {} }),
  },
  // one pending export per account: a fresh actor each time
  requestDataExport: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({ vars: {} }),
  },
  acceptTerms: {
    access: SIGNED_IN,
    global: true,
    args: async ({ t }) => {
      const { acceptedTermsVersion, acceptedPrivacyVersion } = await t.currentTermsVersions();
      return {
        vars: {
          input: { termsVersion: acceptedTermsVersion, privacyVersion: acceptedPrivacyVersion },
        },
      };
    },
  },
  publishTermsDocument: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async () => ({
      vars: {
        input: {
          kind: 'PRIVACY',
          title: 'Politique de confidentialité',
          body: `Nouvelle version ${unique()} de la politique.`,
        },
      },
    }),
  },

  // a fresh account each time; revoking targets a disposable second admin, never the matrix's own
  appointOrganizationAdmin: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ f }) => ({ vars: { email: (await f.user()).email } }),
  },
  revokeOrganizationAdmin: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ t, f }) => {
      const target = await f.user();
      await t.sql(`UPDATE users SET is_admin = true WHERE id = $1`, [target.id]);
      return { vars: { userId: target.id } };
    },
  },
  blockUser: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ f }) => ({
      vars: { input: { userId: (await f.user()).id, reason: 'Messages insultants répétés.' } },
    }),
  },
  unblockUser: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ t, f }) => {
      const target = await f.user();
      const admin = await t.adminToken();
      const blocked = await t.gql(
        `mutation($input: BlockUserInput!) { blockUser(input: $input) { id } }`,
        { input: { userId: target.id, reason: 'Messages insultants répétés.' } },
        admin,
      );
      if (blocked.errors) throw new Error(JSON.stringify(blocked.errors));
      return { vars: { userId: target.id } };
    },
  },

  // ── member profiles and typologies ──
  updateMyProfile: {
    access: SIGNED_IN,
    global: true,
    args: async () => ({
      vars: { input: { organisation: `Organisation ${unique()}`, bio: 'Une courte biographie.' } },
    }),
  },
  removeMyAvatar: { access: SIGNED_IN, global: true, args: async () => ({ vars: {} }) },
  followMember: {
    access: SIGNED_IN,
    global: true,
    args: async ({ t, f }) => ({ vars: { pseudo: await pseudoOf(t, (await f.user()).id) } }),
  },
  unfollowMember: {
    access: SIGNED_IN,
    global: true,
    args: async ({ t, w }) => ({ vars: { pseudo: await pseudoOf(t, w.users.other.id) } }),
  },
  createMemberTypology: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async () => ({ vars: { input: { label: `Typologie ${unique()}` } } }),
  },
  updateMemberTypology: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ t, w }) => {
      const d = await must(
        t,
        `mutation($i: CreateMemberTypologyInput!) { createMemberTypology(input: $i) { key } }`,
        { i: { label: `Typologie ${unique()}` } },
        w.admin.token,
      );
      return {
        vars: {
          key: d.createMemberTypology.key,
          input: { label: `Typologie renommée ${unique()}` },
        },
      };
    },
  },

  // ── spaces, phases, components, roles ──
  createSpace: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async () => ({
      vars: {
        input: { type: 'PROCESS', slug: `nouvel-espace-${unique()}`, title: 'Un nouvel espace' },
      },
    }),
  },
  updateSpace: {
    access: SPACE_ADMINS,
    args: async ({ s }) => ({
      vars: { id: s.processId, input: { subtitle: `Sous-titre ${unique()}` } },
    }),
  },
  deleteSpace: {
    access: ORGANIZATION_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.space() } }),
  },
  createPhase: {
    access: SPACE_ADMINS,
    args: async ({ s }) => ({
      vars: { input: { spaceId: s.processId, title: 'Une nouvelle phase' } },
    }),
  },
  updatePhase: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.phase(), input: { title: 'Phase renommée' } } }),
  },
  activatePhase: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.phase() } }),
  },
  deletePhase: { access: SPACE_ADMINS, args: async ({ f }) => ({ vars: { id: await f.phase() } }) },
  reorderPhases: {
    access: SPACE_ADMINS,
    args: async ({ t, s, f }) => {
      await f.phase();
      const ids = (
        await t.sql(`SELECT id FROM space_phases WHERE space_id = $1 ORDER BY position`, [
          s.processId,
        ])
      ).map((r) => r.id);
      return { vars: { spaceId: s.processId, phaseIds: ids.reverse() } };
    },
  },
  createComponent: {
    access: SPACE_ADMINS,
    args: async ({ s }) => ({
      vars: { input: { spaceId: s.processId, type: 'PROPOSALS', title: 'Nouvelles propositions' } },
    }),
  },
  updateComponent: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { id: await f.component('PROPOSALS'), input: { title: 'Propositions renommées' } },
    }),
  },
  deleteComponent: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.component('PROPOSALS') } }),
  },
  assignSpaceRole: {
    access: SPACE_ADMINS,
    args: async ({ s, f }) => ({
      vars: { input: { spaceId: s.processId, email: (await f.user()).email, role: 'MODERATOR' } },
    }),
  },
  revokeSpaceRole: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.spaceRole() } }),
  },

  // ── assemblies and motions ──
  addAssemblyMember: {
    access: SPACE_ADMINS,
    args: async ({ s, f }) => ({
      vars: { input: { spaceId: s.assemblyId, email: (await f.user()).email } },
    }),
  },
  removeAssemblyMember: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.assemblyMember() } }),
  },
  inviteAssemblyMember: {
    access: SPACE_ADMINS,
    args: async ({ s }) => ({
      vars: { input: { spaceId: s.assemblyId, email: `invitation-${unique()}@example.org` } },
    }),
  },
  acceptAssemblyInvitation: {
    access: { ...OWNER_ONLY },
    global: true,
    args: async ({ f }) => {
      const owner = await f.user();
      return { vars: { token: await f.invitation(owner) }, owner };
    },
  },
  createMotion: {
    access: { anonymous: D, participant: D, member: A, moderator: D, spaceAdmin: A, admin: A },
    args: async ({ s }) => ({
      vars: {
        input: {
          componentId: s.motionsId,
          title: 'Une motion',
          body: 'Le texte de la motion.',
          opensAt: inSeconds(3600),
          closesAt: inSeconds(7200),
        },
      },
    }),
  },
  updateMotion: {
    access: {
      anonymous: D,
      participant: D,
      member: D,
      moderator: D,
      spaceAdmin: A,
      admin: A,
      author: A,
    },
    args: async ({ f, w }) => ({
      vars: { id: await f.motion(false), input: { title: 'Motion reformulée' } },
      owner: w.users.memberAuthor,
    }),
  },
  deleteMotion: {
    access: {
      anonymous: D,
      participant: D,
      member: D,
      moderator: D,
      spaceAdmin: A,
      admin: A,
      author: A,
    },
    args: async ({ f, w }) => ({
      vars: { id: await f.motion(false) },
      owner: w.users.memberAuthor,
    }),
  },
  castVote: {
    access: { anonymous: D, participant: D, member: A, moderator: D, spaceAdmin: D, admin: D },
    args: async ({ f }) => ({ vars: { motionId: await f.motion(true), choice: 'FOR' } }),
  },

  // ── votations ──
  createBallot: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: {
          componentId: await f.component('VOTES'),
          title: 'Une votation',
          opensAt: inSeconds(3600),
          closesAt: inSeconds(7200),
          census: { kind: 'ALL_MEMBERS' },
          questions: [
            {
              title: 'Ordre des actions',
              method: 'RANKED',
              options: [{ title: 'Territoires' }, { title: 'Cadre' }],
            },
          ],
        },
      },
    }),
  },
  updateBallot: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { id: (await f.ballot(false)).id, input: { title: 'Votation renommée' } },
    }),
  },
  castBallot: {
    access: SIGNED_IN,
    args: async ({ f }) => {
      const b = await f.ballot(true);
      return {
        vars: {
          ballotId: b.id,
          answers: [{ questionId: b.questionId, choice: { optionIds: [b.optionId] } }],
        },
      };
    },
  },

  // ── petitions ──
  createPetitionType: {
    access: ORGANIZATION_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: {
          componentId: await f.component('PETITIONS'),
          title: 'Pétition de la filière',
          threshold: 100,
          periodDays: 30,
        },
      },
    }),
  },
  updatePetitionType: {
    access: ORGANIZATION_ADMINS,
    args: async ({ t, f, w }) => {
      const componentId = await f.component('PETITIONS');
      const type = await must(
        t,
        `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id } }`,
        { i: { componentId, title: 'Type', threshold: 10, periodDays: 30 } },
        w.admin.token,
      );
      return {
        vars: {
          id: type.createPetitionType.id,
          input: { threshold: 20, secondStageUrl: '/concertations' },
        },
      };
    },
  },
  createPetition: {
    access: SIGNED_IN,
    args: async ({ t, f, w }) => {
      const componentId = await f.component('PETITIONS');
      const type = await must(
        t,
        `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id } }`,
        { i: { componentId, title: 'Type', threshold: 10, periodDays: 30 } },
        w.admin.token,
      );
      return {
        vars: {
          input: {
            typeId: type.createPetitionType.id,
            title: 'Organiser une journée de la filière',
            body: 'Réunir les acteurs.',
          },
        },
      };
    },
  },
  updatePetition: {
    access: {
      anonymous: D,
      participant: D,
      member: D,
      moderator: D,
      spaceAdmin: A,
      admin: A,
      author: A,
    },
    args: async ({ f, w }) => ({
      vars: { id: await f.petition('CREATED'), input: { title: 'Pétition reformulée' } },
      owner: w.users.author,
    }),
  },
  invitePetitionCommittee: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: { petitionId: await f.petition('CREATED') },
      owner: w.users.author,
    }),
  },
  acceptPetitionCommitteeInvitation: {
    access: { anonymous: D, participant: A, member: A, moderator: A, spaceAdmin: A, admin: A },
    args: async ({ t, f, w }) => {
      const petitionId = await f.petition('CREATED');
      const d = await must(
        t,
        `mutation($p: ID!) { invitePetitionCommittee(petitionId: $p) }`,
        { p: petitionId },
        w.users.author.token,
      );
      return { vars: { token: d.invitePetitionCommittee } };
    },
  },
  submitPetition: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: { id: await f.petition('CREATED') },
      owner: w.users.author,
    }),
  },
  publishPetition: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.petition('VALIDATING') } }),
  },
  discardPetition: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { id: await f.petition('VALIDATING'), reason: 'Hors du champ de la filière.' },
    }),
  },
  answerPetition: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: {
          petitionId: await f.petition('ENDED'),
          answer: 'La gouvernance retient la demande.',
        },
      },
    }),
  },
  signPetition: {
    access: SIGNED_IN,
    args: async ({ f }) => ({ vars: { petitionId: await f.petition('PUBLISHED') } }),
  },
  unsignPetition: {
    access: SIGNED_IN,
    args: async ({ t, f, actor }) => {
      const petitionId = await f.petition('PUBLISHED');
      if (actor)
        await must(
          t,
          `mutation($p: ID!) { signPetition(petitionId: $p) { id } }`,
          { p: petitionId },
          actor.token,
        );
      return { vars: { petitionId } };
    },
  },

  // ── proposals ──
  createProposal: {
    access: SIGNED_IN,
    args: async ({ s }) => ({
      vars: {
        input: {
          componentId: s.proposalsId,
          title: 'Une proposition nouvelle',
          body: 'Un corps de proposition valable.',
        },
      },
    }),
  },
  updateProposal: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: {
        id: await f.proposal(w.users.author),
        input: { title: 'Une proposition reformulée' },
      },
      owner: w.users.author,
    }),
  },
  withdrawProposal: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: { id: await f.proposal(w.users.author) },
      owner: w.users.author,
    }),
  },
  supportProposal: {
    access: SIGNED_IN,
    args: async ({ f }) => ({ vars: { proposalId: await f.proposal() } }),
  },
  unsupportProposal: {
    access: SIGNED_IN,
    args: async ({ t, f, actor }) => {
      const proposalId = await f.proposal();
      if (actor)
        await must(
          t,
          `mutation($p: ID!) { supportProposal(proposalId: $p) { id } }`,
          { p: proposalId },
          actor.token,
        );
      return { vars: { proposalId } };
    },
  },
  disagreeWithProposal: {
    access: SIGNED_IN,
    args: async ({ t, s, w, f }) => {
      await must(
        t,
        `mutation($c: ID!) { updateProposalSettings(componentId: $c, input: { disagreementsEnabled: true }) { disagreementsEnabled } }`,
        { c: s.proposalsId },
        w.admin.token,
      );
      return { vars: { proposalId: await f.proposal() } };
    },
  },
  withdrawProposalDisagreement: {
    access: SIGNED_IN,
    args: async ({ t, s, w, f, actor }) => {
      await must(
        t,
        `mutation($c: ID!) { updateProposalSettings(componentId: $c, input: { disagreementsEnabled: true }) { disagreementsEnabled } }`,
        { c: s.proposalsId },
        w.admin.token,
      );
      const proposalId = await f.proposal();
      if (actor)
        await must(
          t,
          `mutation($p: ID!) { disagreeWithProposal(proposalId: $p) { id } }`,
          { p: proposalId },
          actor.token,
        );
      return { vars: { proposalId } };
    },
  },
  answerProposal: {
    access: SPACE_MODERATORS,
    args: async ({ f }) => ({
      vars: { input: { proposalId: await f.proposal(), state: 'ACCEPTED', answer: 'Retenue.' } },
    }),
  },
  publishProposalAnswer: {
    access: SPACE_MODERATORS,
    args: async ({ t, f, w }) => {
      const proposalId = await f.proposal();
      await must(
        t,
        `mutation($i: AnswerProposalInput!) { answerProposal(input: $i) { id } }`,
        { i: { proposalId, state: 'EVALUATING', answer: 'À l’étude.', publish: false } },
        w.admin.token,
      );
      return { vars: { id: proposalId } };
    },
  },
  updateProposalSettings: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { componentId: await f.component('PROPOSALS'), input: { supportLimit: 3 } },
    }),
  },

  // ── comments, follows, moderation ──
  addComment: {
    access: SIGNED_IN,
    args: async ({ f }) => ({
      vars: {
        input: {
          commentableType: 'PROPOSAL',
          commentableId: await f.proposal(),
          body: 'Mon avis sur la proposition.',
        },
      },
    }),
  },
  updateComment: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: { id: await f.comment(w.users.author), body: 'Commentaire corrigé.' },
      owner: w.users.author,
    }),
  },
  deleteComment: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: { id: await f.comment(w.users.author) },
      owner: w.users.author,
    }),
  },
  follow: {
    access: SIGNED_IN,
    args: async ({ f }) => ({
      vars: { followableType: 'PROPOSAL', followableId: await f.proposal() },
    }),
  },
  unfollow: {
    access: SIGNED_IN,
    global: true,
    args: async ({ f }) => ({
      vars: { followableType: 'PROPOSAL', followableId: await f.proposal() },
    }),
  },
  reportContent: {
    access: SIGNED_IN,
    args: async ({ f }) => ({
      vars: { input: { resourceType: 'PROPOSAL', resourceId: await f.proposal(), reason: 'SPAM' } },
    }),
  },
  hideContent: {
    access: SPACE_MODERATORS,
    args: async ({ f }) => ({ vars: { resourceType: 'PROPOSAL', resourceId: await f.proposal() } }),
  },
  unhideContent: {
    access: SPACE_MODERATORS,
    args: async ({ f }) => {
      const id = await f.proposal();
      await f.hide(id);
      return { vars: { resourceType: 'PROPOSAL', resourceId: id } };
    },
  },
  dismissReports: {
    access: SPACE_MODERATORS,
    args: async ({ f }) => {
      const id = await f.proposal();
      await f.report(id);
      return { vars: { resourceType: 'PROPOSAL', resourceId: id } };
    },
  },

  // ── participatory texts and amendments ──
  importParticipatoryText: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { componentId: await f.component('PARTICIPATORY_TEXT'), markdown: MARKDOWN },
    }),
  },
  publishParticipatoryText: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { componentId: await f.textComponent(false) } }),
  },
  updateAmendmentSettings: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        componentId: await f.component('PROPOSALS'),
        input: { amendmentsVisibility: 'ONLY_OWN' },
      },
    }),
  },
  createAmendment: [
    {
      label: 'of a proposal',
      access: SIGNED_IN,
      args: async ({ f }) => ({
        vars: {
          input: {
            amendableType: 'PROPOSAL',
            amendableId: await f.proposal(),
            title: 'Un amendement proposé ici',
            body: `Un autre texte ${unique()} pour la proposition.`,
          },
        },
      }),
    },
    {
      label: 'of an article',
      access: SIGNED_IN,
      args: async ({ f }) => ({
        vars: {
          input: {
            amendableType: 'ARTICLE',
            amendableId: await f.articleId(),
            title: 'Un amendement proposé ici',
            body: `Un autre texte ${unique()} pour l’article.`,
          },
        },
      }),
    },
  ],
  updateAmendment: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: {
        id: await f.amendment(w.users.author, { proposalAuthor: w.users.other }),
        input: { body: `Texte mis à jour ${unique()}, assez long.` },
      },
      owner: w.users.author,
    }),
  },
  withdrawAmendment: {
    access: OWNER_ONLY,
    args: async ({ f, w }) => ({
      vars: { id: await f.amendment(w.users.author, { proposalAuthor: w.users.other }) },
      owner: w.users.author,
    }),
  },
  acceptAmendment: [
    {
      label: 'of a proposal (its author)',
      access: OWNER_ONLY,
      args: async ({ f, w }) => ({
        vars: { id: await f.amendment(w.users.other, { proposalAuthor: w.users.author }) },
        owner: w.users.author,
      }),
    },
    {
      label: 'of an article (moderators)',
      access: SPACE_MODERATORS,
      args: async ({ f, w }) => ({ vars: { id: await f.amendment(w.users.other, 'ARTICLE') } }),
    },
  ],
  rejectAmendment: [
    {
      label: 'of a proposal (its author)',
      access: OWNER_ONLY,
      args: async ({ f, w }) => ({
        vars: {
          id: await f.amendment(w.users.other, { proposalAuthor: w.users.author }),
          reason: 'Hors sujet.',
        },
        owner: w.users.author,
      }),
    },
    {
      label: 'of an article (moderators)',
      access: SPACE_MODERATORS,
      args: async ({ f, w }) => ({
        vars: { id: await f.amendment(w.users.other, 'ARTICLE'), reason: 'Hors sujet.' },
      }),
    },
  ],
  promoteAmendment: {
    access: OWNER_ONLY,
    args: async ({ t, f, w }) => {
      const id = await f.amendment(w.users.author, { proposalAuthor: w.users.other });
      await must(
        t,
        `mutation($id: ID!) { rejectAmendment(id: $id, reason: "Non.") { id } }`,
        { id },
        w.users.other.token,
      );
      return { vars: { id }, owner: w.users.author };
    },
  },
  supportAmendment: {
    access: SIGNED_IN,
    args: async ({ f, w }) => ({
      vars: { id: await f.amendment(w.users.other, { proposalAuthor: w.users.other }) },
    }),
  },
  unsupportAmendment: {
    access: SIGNED_IN,
    args: async ({ t, f, w, actor }) => {
      const id = await f.amendment(w.users.other, { proposalAuthor: w.users.other });
      if (actor)
        await must(
          t,
          `mutation($id: ID!) { supportAmendment(id: $id) { id } }`,
          { id },
          actor.token,
        );
      return { vars: { id } };
    },
  },

  // ── surveys ──
  // ── debates (Débats) ──
  createDebate: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: { componentId: await f.component('DEBATE'), title: 'Quelle action en priorité ?' },
      },
    }),
  },
  updateDebate: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        id: await f.debate(),
        input: { title: 'Quelle action en priorité, reformulée ?', closed: true },
      },
    }),
  },
  addDebateStatement: {
    access: SIGNED_IN,
    args: async ({ f }) => ({
      vars: { input: { debateId: await f.debate(), body: 'Organiser une journée de la filière.' } },
    }),
  },
  moderateDebateStatement: {
    access: SPACE_MODERATORS,
    args: async ({ f, w }) => ({
      vars: { id: await f.debateStatement(w.users.other), publish: true },
    }),
  },
  voteDebateStatement: {
    access: SIGNED_IN,
    args: async ({ f }) => ({
      vars: { input: { statementId: await f.debateStatement(), choice: 'AGREE' } },
    }),
  },
  // ── news (Actualités) ──
  createNewsPost: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: {
          componentId: await f.component('NEWS'),
          title: 'Synthèse de la concertation',
          body: 'Le rapport est publié.',
        },
      },
    }),
  },
  updateNewsPost: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        id: await f.newsPost(),
        input: { title: 'Synthèse de la concertation (mise à jour)' },
      },
    }),
  },
  deleteNewsPost: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.newsPost() } }),
  },
  // ── newsletters (Lettre d’information) ──
  createNewsletter: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async () => ({
      vars: { input: { subject: 'Lettre de la filière', body: '<p>Les nouvelles du mois.</p>' } },
    }),
  },
  updateNewsletter: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ f }) => ({
      vars: { id: await f.newsletter(), input: { subject: 'Lettre de la filière (relue)' } },
    }),
  },
  deleteNewsletter: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ f }) => ({ vars: { id: await f.newsletter() } }),
  },
  sendNewsletterTest: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ f }) => ({ vars: { id: await f.newsletter() } }),
  },
  sendNewsletter: {
    access: ORGANIZATION_ADMINS,
    global: true,
    args: async ({ f }) => ({ vars: { id: await f.newsletter() } }),
  },
  setNewsletterSubscription: {
    access: SIGNED_IN,
    global: true,
    args: async () => ({ vars: { subscribed: true } }),
  },
  // ── meetings (Rencontres) ──
  createMeeting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: {
          componentId: await f.component('MEETINGS'),
          title: 'Journée de la filière',
          type: 'IN_PERSON',
          startsAt: inSeconds(86400),
          endsAt: inSeconds(86400 + 7200),
        },
      },
    }),
  },
  updateMeeting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        id: await f.meeting(),
        input: { title: 'Journée de la filière (2e édition)', capacity: 50 },
      },
    }),
  },
  publishMeeting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.meeting(), published: false } }),
  },
  cancelMeeting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { id: await f.meeting(), reason: 'Salle indisponible' } }),
  },
  registerForMeeting: {
    access: SIGNED_IN,
    args: async ({ f }) => ({ vars: { meetingId: await f.meeting() } }),
  },
  cancelMeetingRegistration: {
    access: SIGNED_IN,
    args: async ({ f, actor }) => {
      const meetingId = await f.meeting();
      if (actor) await f.meetingRegistration(meetingId, actor);
      return { vars: { meetingId } };
    },
  },
  setMeetingAgenda: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        meetingId: await f.meeting(),
        items: [
          {
            title: 'Accueil',
            durationMinutes: 30,
            children: [{ title: 'Café', durationMinutes: 10 }],
          },
        ],
      },
    }),
  },
  closeMeeting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        meetingId: await f.pastMeeting(),
        input: {
          minutes: '<p>Compte rendu de la journée.</p>',
          attendeesCount: 12,
          contributionsCount: 5,
        },
      },
    }),
  },
  rotateMeetingCalendarFeed: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({ vars: {} }),
  },
  revokeMeetingCalendarFeed: {
    access: SIGNED_IN,
    global: true,
    disposableActor: true,
    args: async () => ({ vars: {} }),
  },
  markAttendance: {
    access: SPACE_ADMINS,
    args: async ({ f }) => {
      const meetingId = await f.meeting();
      return { vars: { meetingId, code: await f.meetingRegistration(meetingId, await f.user()) } };
    },
  },
  openMotionInSitting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: await f.sitting(false) }),
  },
  closeMotionInSitting: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: await f.sitting(true) }),
  },

  // ── Boîte à idées ──
  createIdeaBox: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: {
          componentId: await f.component('IDEAS'),
          question: 'Quelle action la filière doit-elle mener en priorité ?',
          seedIdeas: ['Une idée', 'Une autre idée'],
        },
      },
    }),
  },
  nextIdeaPair: {
    access: SIGNED_IN,
    args: async ({ f }) => ({ vars: { boxId: await f.ideaBox() } }),
  },
  voteOnIdeaPair: {
    access: SIGNED_IN,
    args: async ({ f, actor }) => ({ vars: { pairId: await f.ideaPair(actor), choice: 'LEFT' } }),
  },
  addIdea: {
    access: SIGNED_IN,
    args: async ({ f }) => ({
      vars: { boxId: await f.ideaBox(), body: 'Créer un observatoire des usages' },
    }),
  },
  moderateIdea: {
    access: SPACE_MODERATORS,
    args: async ({ f }) => ({
      vars: { ideaId: await f.idea(), decision: 'REJECT', reason: 'Hors sujet.' },
    }),
  },

  createSurvey: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { input: { componentId: await f.component('SURVEY'), title: 'Questionnaire' } },
    }),
  },
  updateSurvey: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { surveyId: (await f.survey()).surveyId, input: { title: 'Questionnaire renommé' } },
    }),
  },
  publishSurveyResults: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { surveyId: (await f.survey()).surveyId, published: true } }),
  },
  addSurveyQuestion: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: {
        input: { surveyId: (await f.survey()).surveyId, type: 'LONG_ANSWER', body: 'Pourquoi ?' },
      },
    }),
  },
  updateSurveyQuestion: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { questionId: (await f.survey()).questionIds[1], input: { body: 'Un mot, reformulé' } },
    }),
  },
  removeSurveyQuestion: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { questionId: (await f.survey()).questionIds[1] } }),
  },
  reorderSurveyQuestions: {
    access: SPACE_ADMINS,
    args: async ({ f }) => {
      const s = await f.survey();
      return { vars: { surveyId: s.surveyId, questionIds: [...s.questionIds].reverse() } };
    },
  },
  addSurveyOption: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { input: { questionId: (await f.survey()).questionIds[0], body: 'Association' } },
    }),
  },
  updateSurveyOption: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({
      vars: { optionId: (await f.survey()).optionIds[0], input: { body: 'Entreprise privée' } },
    }),
  },
  removeSurveyOption: {
    access: SPACE_ADMINS,
    args: async ({ f }) => ({ vars: { optionId: (await f.survey()).optionIds[2] } }),
  },
  answerSurvey: {
    access: SIGNED_IN,
    args: async ({ f }) => {
      const s = await f.survey();
      return {
        vars: {
          surveyId: s.surveyId,
          answers: [
            { questionId: s.questionIds[0], choices: [{ optionId: s.optionIds[1] }] },
            { questionId: s.questionIds[1], text: 'Données' },
          ],
        },
      };
    },
  },
};

/** The cases of one mutation, as a list. */
export const casesOf = (name: string): MutationCase[] => {
  const entry = MUTATIONS[name];
  return Array.isArray(entry) ? entry : [entry];
};

/** The schema the API publishes (the SDL file a test keeps in step with the resolvers). */
export function publishedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
}

/** The names of every mutation of the published schema. */
export function schemaMutations(schema = publishedSchema()): string[] {
  return Object.keys(schema.getMutationType()!.getFields()).sort();
}

/**
 * A document calling one mutation with the given variables (only those present are declared,
 * so arguments with defaults can be left out), selecting `__typename` of an object result.
 */
export function mutationDocument(
  schema: GraphQLSchema,
  name: string,
  vars: Record<string, unknown>,
): string {
  const field = schema.getMutationType()!.getFields()[name] as GraphQLField<unknown, unknown>;
  const args = field.args.filter((a) => a.name in vars);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''}${selection} }`;
}

const EXCLUDED_TABLES = new Set(['migrations', 'typeorm_metadata', 'test_writes']);

/** Databases (by test app) whose writes are recorded by {@link recordWrites}. */
const recording = new WeakSet<TestApp>();

/**
 * Records every row written to an application table from now on (a row-level trigger on each
 * table appends the table's name to `test_writes`, in the writing transaction: a rolled-back write
 * leaves nothing). Turns {@link databaseSnapshot} into a count of those rows per table instead of
 * a hash of every table's content: the same answer to « did anything change? » for a refused
 * request, in one small query instead of one scan of each of a hundred tables (the bad-input
 * sweep takes a snapshot after each of its ~3,500 values). Stricter than the hash: a committed
 * write that leaves a row as it was counts as a change too. For the test's own database only.
 */
export async function recordWrites(t: TestApp): Promise<void> {
  const tables = (
    await t.sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  )
    .map((r) => r.table_name as string)
    .filter((name) => !EXCLUDED_TABLES.has(name));
  await t.sql(
    `CREATE TABLE IF NOT EXISTS test_writes (id bigserial PRIMARY KEY, table_name text NOT NULL)`,
  );
  await t.sql(`CREATE OR REPLACE FUNCTION test_record_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO test_writes (table_name) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
  for (const name of tables) {
    await t.sql(`DROP TRIGGER IF EXISTS test_record_write ON "${name}"`);
    await t.sql(
      `CREATE TRIGGER test_record_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION test_record_write()`,
    );
    await t.sql(`DROP TRIGGER IF EXISTS test_record_truncate ON "${name}"`);
    await t.sql(
      `CREATE TRIGGER test_record_truncate AFTER TRUNCATE ON "${name}" FOR EACH STATEMENT EXECUTE FUNCTION test_record_write()`,
    );
  }
  recording.add(t);
}

/**
 * A fingerprint of every application table, after the background workers (idea score refreshes,
 * data exports, then the notification dispatcher) have processed what earlier fixtures committed:
 * the number of rows written to it so far when {@link recordWrites} was called on this app, else
 * its row count and an md5 of all its rows.
 * @returns table name → fingerprint; two snapshots differ on a table when something was written to it
 */
export async function databaseSnapshot(t: TestApp): Promise<Record<string, string>> {
  await t.app.get(IdeaScoringService).idle(); // refreshes scheduled by earlier votes (they record an event for the dispatcher)
  await t.app.get(DataExportWorker).idle();
  await t.app.get(NotificationDispatcher).idle();
  if (recording.has(t))
    return Object.fromEntries(
      (
        await t.sql(
          `SELECT table_name AS name, count(*)::text AS fingerprint FROM test_writes GROUP BY table_name`,
        )
      ).map((r) => [r.name, r.fingerprint]),
    );
  const tables = (
    await t.sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  )
    .map((r) => r.table_name as string)
    .filter((name) => !EXCLUDED_TABLES.has(name));
  const query = tables
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS fingerprint FROM "${name}" x`,
    )
    .join(' UNION ALL ');
  return Object.fromEntries((await t.sql(query)).map((r) => [r.name, r.fingerprint]));
}

/** Tables whose fingerprints differ between two snapshots. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/** Builds the actors and the home, foreign and hidden scopes (each: a process space with PROPOSALS and a published text; an assembly with MOTIONS). */
export async function buildWorld(t: TestApp): Promise<World> {
  const adminToken = await t.adminToken();
  const [{ id: adminId }] = await t.sql(`SELECT id FROM users WHERE email = $1`, [
    TEST_ADMIN_EMAIL,
  ]);
  const admin = { token: adminToken, id: adminId, email: TEST_ADMIN_EMAIL };
  const users = {
    participant: await t.register('Participante'),
    member: await t.register('Membre'),
    moderator: await t.register('Modératrice'),
    spaceAdmin: await t.register('Administratrice d’espace'),
    author: await t.register('Autrice'),
    memberAuthor: await t.register('Membre autrice'),
    other: await t.register('Tierce personne'),
  };
  const partial = { admin, users } as World;
  const scope = async (name: Scope['name'], roles: boolean): Promise<Scope> => {
    const s = { name } as Scope;
    const f = new Fixtures(t, partial, s);
    s.processId = await f.space('PROCESS');
    s.assemblyId = await f.space('ASSEMBLY');
    s.proposalsId = await f.component('PROPOSALS');
    s.motionsId = await f.component('MOTIONS');
    s.textId = await f.textComponent(true);
    // the motions' author files motions everywhere; the member actor belongs to the home assemblies only
    for (const m of roles ? [users.member, users.memberAuthor] : [users.memberAuthor]) {
      await must(
        t,
        `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`,
        { i: { spaceId: s.assemblyId, email: m.email } },
        adminToken,
      );
    }
    if (roles) {
      for (const spaceId of [s.processId, s.assemblyId]) {
        for (const [user, role] of [
          [users.moderator, 'MODERATOR'],
          [users.spaceAdmin, 'ADMIN'],
        ] as const) {
          await must(
            t,
            `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { id } }`,
            { i: { spaceId, email: user.email, role } },
            adminToken,
          );
        }
      }
    }
    return s;
  };
  const world: World = Object.assign(partial, {
    home: await scope('home', true),
    foreign: await scope('foreign', false),
    hidden: await scope('home', true),
  });
  return world;
}

/** The user acting as `actor` (the fixture's owner for `author`). */
export function userOf(w: World, actor: Actor, owner?: User): User | undefined {
  if (actor === 'anonymous') return undefined;
  if (actor === 'admin') return w.admin;
  if (actor === 'author') return owner ?? w.users.author;
  return w.users[actor];
}

export type { GqlResponse };

/**
 * A fresh user with the standing of `actor` in the home scope (a member of its assemblies, a
 * moderator or admin of its spaces, an organization admin), for {@link MutationCase.disposableActor}.
 */
export async function disposableUser(
  t: TestApp,
  w: World,
  actor: Exclude<Actor, 'anonymous'>,
): Promise<User> {
  const user = await t.register('Personne jetable');
  const admin = w.admin.token;
  if (actor === 'admin') await t.sql(`UPDATE users SET is_admin = true WHERE id = $1`, [user.id]);
  if (actor === 'member') {
    await must(
      t,
      `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`,
      { i: { spaceId: w.home.assemblyId, email: user.email } },
      admin,
    );
  }
  if (actor === 'moderator' || actor === 'spaceAdmin') {
    for (const spaceId of [w.home.processId, w.home.assemblyId]) {
      await must(
        t,
        `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { id } }`,
        { i: { spaceId, email: user.email, role: actor === 'moderator' ? 'MODERATOR' : 'ADMIN' } },
        admin,
      );
    }
  }
  return user;
}
