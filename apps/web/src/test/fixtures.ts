import type { MockLink } from '@apollo/client/testing';
import { PARTICIPATORY_TEXT_QUERY as TEXT_QUERY } from '../modules/participatory-texts/graphql/texts';
import { ME_QUERY } from '../modules/auth/graphql/auth';
import { TERMS_DOCUMENTS_QUERY } from '../modules/account/graphql/account';
import { ACTION_LOG_PAGE_SIZE, ACTION_LOGS_QUERY } from '../modules/admin/graphql/actionLogs';
import { HISTORY_SIZE, PROPOSAL_HISTORY_QUERY } from '../modules/history/graphql/history';
import {
  ADMIN_MEMBERS_QUERY,
  ADMIN_SPACE_QUERY,
  ADMIN_SPACES_QUERY,
  SPACE_ROLES_QUERY,
} from '../modules/admin/graphql/admin';
import { ORGANIZATION_ADMINS_QUERY } from '../modules/admin/graphql/organizationAdmins';
import {
  COMPONENT_QUERY,
  COMPONENT_SPACE_QUERY,
  PARTICIPATORY_TEXT_QUERY,
  SURVEY_QUERY,
} from '../modules/components/graphql/components';
import {
  COMMENTS_QUERY,
  MODERATION_QUEUE_QUERY,
  PROPOSAL_COMPONENT_QUERY,
  PROPOSAL_QUERY,
  PROPOSAL_SUPPORTERS_QUERY,
  PROPOSALS_QUERY,
} from '../modules/proposals/graphql/proposals';
import {
  ASSEMBLY_MEMBERS_QUERY,
  SPACE_QUERY,
  SPACES_QUERY,
  SURVEYS_QUERY,
} from '../modules/spaces/graphql/spaces';
import { MEMBER_PROFILE_QUERY, MEMBER_TYPOLOGIES_QUERY } from '../modules/profiles/graphql/members';
import { SPACE_MODERATORS_QUERY } from '../modules/moderation/graphql/moderation';
import {
  KEY_FIGURES_QUERY,
  PARTICIPATION_BY_TYPOLOGY_QUERY,
  STATISTICS_QUERY,
} from '../modules/statistics/graphql/statistics';
import {
  ASSEMBLY_INVITATIONS_QUERY,
  ASSEMBLY_MINUTES_QUERY,
  ASSEMBLY_MOTIONS_QUERY,
  MINUTES_SPACE_QUERY,
  VIEWER_ASSEMBLY_ROLE_QUERY,
} from '../modules/assembly/graphql/assembly';

const NOW = new Date().toISOString();
const later = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const motionBase = {
  __typename: 'Motion',
  componentId: 'c-motions',
  majority: 'SIMPLE',
  quorumPercent: 25,
  secretBallot: false,
  hideTallyUntilClosed: false,
  readAt: NOW,
  viewerCanEdit: false,
  origin: null,
};
/** An open motion the viewer (a member) has voted FOR, and a closed, adopted one with named votes. */
export const fixtureMotions = [
  {
    ...motionBase,
    id: 'mo1',
    reference: 'A2-1',
    title: 'Les territoires : consolider les expériences',
    body: 'Premier.\n\nSecond.',
    opensAt: later(-1),
    closesAt: later(24 * 13),
    status: 'OPEN',
    tally: {
      __typename: 'MotionTally',
      forWeight: 3,
      againstWeight: 1,
      abstainWeight: 0,
      votersCount: 4,
      votersWeight: 4,
    },
    result: null,
    votes: [
      {
        __typename: 'MotionVote',
        userId: 'u1',
        memberName: 'Alice Martin',
        college: 'patients',
        choice: 'FOR',
        weight: 1,
      },
    ],
    viewerHasVoted: true,
    viewerVote: 'FOR',
    viewerCanVote: true,
  },
  {
    ...motionBase,
    id: 'mo2',
    reference: 'A2-2',
    title: 'Le cadre : créer les conditions',
    body: '<p>Texte <strong>voté</strong>.</p>',
    opensAt: later(-48),
    closesAt: later(-24),
    status: 'CLOSED',
    tally: {
      __typename: 'MotionTally',
      forWeight: 2,
      againstWeight: 1,
      abstainWeight: 1,
      votersCount: 4,
      votersWeight: 4,
    },
    result: {
      __typename: 'MotionResult',
      outcome: 'ADOPTED',
      majority: 'SIMPLE',
      quorumPercent: 25,
      forWeight: 2,
      againstWeight: 1,
      abstainWeight: 1,
      votersCount: 4,
      votersWeight: 4,
      membersCount: 6,
      membersWeight: 6,
      participationPercent: 66.67,
      quorumReached: true,
    },
    votes: [],
    viewerHasVoted: false,
    viewerVote: null,
    viewerCanVote: false,
  },
];

/** A small demo world (one process, one assembly) answering every page's queries, reusable by any number of renders. */
const many = 50;

/** Put this seed in sessionStorage (`concerto.proposalSeed.c-prop`) before rendering the proposals page. */
export const FIXTURE_SEED = 'fedcba9876543210';

const phases = [
  {
    __typename: 'SpacePhase',
    id: 'p1',
    title: 'Diagnostic',
    description: 'Constat partagé.',
    startDate: '2026-03-01',
    endDate: '2026-06-30',
    active: false,
    position: 0,
  },
  {
    __typename: 'SpacePhase',
    id: 'p2',
    title: 'Co-rédaction',
    description: '',
    startDate: '2026-12-01',
    endDate: null,
    active: true,
    position: 1,
  },
];

const processComponents = [
  {
    __typename: 'Component',
    id: 'c-text',
    title: 'Charte martyre',
    type: 'PARTICIPATORY_TEXT',
    published: true,
    position: 0,
    description: '',
    spaceId: 's-process',
  },
  {
    __typename: 'Component',
    id: 'c-prop',
    title: 'Mesures',
    type: 'PROPOSALS',
    published: true,
    position: 1,
    description: '',
    spaceId: 's-process',
  },
  {
    __typename: 'Component',
    id: 'c-survey',
    title: 'Enquête 2021',
    type: 'SURVEY',
    published: false,
    position: 2,
    description: '',
    spaceId: 's-process',
  },
];

const assemblyComponents = [
  {
    __typename: 'Component',
    id: 'c-motions',
    title: 'Motions',
    type: 'MOTIONS',
    published: true,
    position: 0,
    description: '',
    spaceId: 's-assembly',
  },
];

const processSpace = {
  __typename: 'ParticipatorySpace',
  id: 's-process',
  slug: 'structuration',
  title: 'Structuration de la filière santé numérique',
  subtitle: 'Faire filière',
  description: 'Premier paragraphe.\n\nSecond paragraphe.',
  type: 'PROCESS',
  isDemo: true,
  published: true,
  viewerCanAdminister: true,
  viewerFollows: false,
};

const assemblySpace = {
  ...processSpace,
  id: 's-assembly',
  slug: 'assemblee',
  title: 'Assemblée de la filière',
  type: 'ASSEMBLY',
};

function pick<T extends Record<string, unknown>>(items: T[], keys: string[]) {
  return items.map((item) =>
    Object.fromEntries(
      Object.entries(item).filter(([key]) => key === '__typename' || keys.includes(key)),
    ),
  );
}

const members = [
  {
    __typename: 'AssemblyMember',
    id: 'm1',
    userName: 'Claire Dupont',
    position: 'PRESIDENT',
    college: 'industriels',
    weight: 1,
  },
  {
    __typename: 'AssemblyMember',
    id: 'm2',
    userName: 'Marc Petit',
    position: 'MEMBER',
    college: null,
    weight: 2,
  },
];

const survey = {
  __typename: 'Survey',
  id: 'q1',
  title: 'Enquête en ligne de février 2021',
  description: 'Ce questionnaire reprend l’enquête de 2021.',
  open: true,
  opensAt: '2026-11-01T08:00:00Z',
  closesAt: '2027-02-28T22:00:00Z',
  questions: [
    {
      __typename: 'SurveyQuestion',
      id: 'qa',
      position: 0,
      section: 'Typologie des répondants',
      body: 'À quelle catégorie appartenez-vous ?',
      description: null,
      type: 'SINGLE_OPTION',
      mandatory: true,
      options: [
        {
          __typename: 'SurveyQuestionOption',
          id: 'o1',
          body: 'Entreprise',
          position: 0,
          freeText: false,
        },
        {
          __typename: 'SurveyQuestionOption',
          id: 'o2',
          body: 'Autre',
          position: 1,
          freeText: true,
        },
      ],
      scale: null,
    },
    {
      __typename: 'SurveyQuestion',
      id: 'qb',
      position: 1,
      section: 'Axe 1',
      body: "L'utilité de l'IA passe par sa compréhension.",
      description: "L'IA peut déboucher sur des outils.\n\nElle doit démontrer son utilité.",
      type: 'SCALE',
      mandatory: true,
      options: [],
      scale: {
        __typename: 'SurveyScale',
        points: 4,
        labels: ["pas du tout d'accord", "plutôt pas d'accord", "d'accord", "tout à fait d'accord"],
      },
    },
  ],
};

const proposalNodes = [
  {
    __typename: 'Proposal',
    id: 'pr1',
    reference: '4.3-1',
    title: 'Guichet unique',
    body: `<p>${'Texte. '.repeat(80)}</p>`,
    state: 'ACCEPTED',
    official: true,
    author: null,
    supportsCount: 2,
    disagreementsCount: null,
    threshold: 3,
    commentsCount: 2,
    hidden: false,
  },
  {
    __typename: 'Proposal',
    id: 'pr2',
    reference: null,
    title: 'Idée',
    body: 'Court.',
    state: 'NOT_ANSWERED',
    official: false,
    author: { __typename: 'ProposalAuthor', id: 'u2', name: 'Marc' },
    supportsCount: 0,
    disagreementsCount: null,
    threshold: 3,
    commentsCount: 0,
    hidden: false,
  },
];

function proposalDetail(node: (typeof proposalNodes)[number], moderator: boolean) {
  return {
    ...node,
    componentId: 'c-prop',
    answer: node.id === 'pr1' ? '<p>Retenue par le comité.</p>' : null,
    answerPublished: node.id === 'pr1',
    answeredAt: node.id === 'pr1' ? '2026-11-20T10:00:00Z' : null,
    internalState: moderator ? node.state : null,
    publishedAt: '2026-11-01T08:00:00Z',
    withdrawnAt: null,
    followsCount: 1,
    viewerCanEdit: false,
    viewerFollows: false,
    viewerReported: false,
    viewerSupports: false,
    viewerReaction: null,
    origin: null,
  };
}

const comment = (
  id: string,
  depth: number,
  parentId: string | null,
  replies: object[],
  extra: object = {},
) => ({
  __typename: 'Comment',
  id,
  parentId,
  depth,
  alignment: depth === 0 ? 'FOR' : 'NEUTRAL',
  authorId: 'u2',
  authorName: 'Marc',
  body: `<p>Commentaire ${id}</p>`,
  createdAt: '2026-11-21T10:00:00Z',
  editedAt: null,
  deleted: false,
  hidden: false,
  viewerIsAuthor: false,
  viewerReported: false,
  replies,
  ...extra,
});

/** The PROPOSALS component c-prop: settings, first page, proposal pr1/pr2, supporters, comments, moderation queue. */
function proposalMocks(moderator: boolean): MockLink.MockedResponse[] {
  return [
    {
      request: { query: PROPOSAL_COMPONENT_QUERY, variables: { componentId: 'c-prop' } },
      result: {
        data: {
          proposalComponent: {
            __typename: 'ProposalComponentStatus',
            componentId: 'c-prop',
            settings: {
              __typename: 'ProposalSettings',
              supportsState: 'ENABLED',
              supportLimit: 5,
              minimumSupportsPerUser: 0,
              threshold: 3,
              canAccumulateSupportsBeyondThreshold: true,
              creationEnabled: true,
              disagreementsEnabled: false,
              hideThreshold: 3,
              commentsEnabled: true,
            },
            viewerSupportsGiven: 1,
            viewerSupportsRemaining: 4,
            viewerCanModerate: moderator,
          },
        },
      },
    },
    {
      request: {
        query: PROPOSALS_QUERY,
        variables: {
          componentId: 'c-prop',
          order: 'RANDOM',
          seed: FIXTURE_SEED,
          first: 20,
          filter: {},
        },
      },
      result: {
        data: {
          proposals: {
            __typename: 'ProposalConnection',
            totalCount: 3,
            seed: FIXTURE_SEED,
            pageInfo: { __typename: 'PageInfo', endCursor: 'k2', hasNextPage: true },
            edges: proposalNodes.map((node, index) => ({
              __typename: 'ProposalEdge',
              cursor: `k${index + 1}`,
              node,
            })),
          },
        },
      },
    },
    ...proposalNodes.map((node) => ({
      request: { query: PROPOSAL_QUERY, variables: { id: node.id } },
      result: { data: { proposal: proposalDetail(node, moderator) } },
    })),
    {
      request: { query: PROPOSAL_SUPPORTERS_QUERY, variables: { proposalId: 'pr1' } },
      result: {
        data: {
          proposalSupporters: [
            {
              __typename: 'Supporter',
              userId: 'u2',
              name: 'Marc',
              supportedAt: '2026-11-02T08:00:00Z',
              counted: true,
            },
            {
              __typename: 'Supporter',
              userId: 'u3',
              name: 'Lina',
              supportedAt: '2026-11-03T08:00:00Z',
              counted: true,
            },
          ],
        },
      },
    },
    {
      request: {
        query: COMMENTS_QUERY,
        variables: { commentableType: 'PROPOSAL', commentableId: 'pr1' },
      },
      result: { data: { comments: [comment('cm1', 0, null, [comment('cm2', 1, 'cm1', [])])] } },
    },
    {
      request: { query: MODERATION_QUEUE_QUERY, variables: { componentId: 'c-prop' } },
      result: {
        data: {
          moderationQueue: [
            {
              __typename: 'ModerationQueueItem',
              resourceType: 'COMMENT',
              resourceId: 'cm1',
              proposalId: 'pr1',
              title: 'Commentaire cm1',
              reportCount: 2,
              reasons: ['SPAM', 'OFFENSIVE'],
              reports: [
                {
                  __typename: 'ModerationReport',
                  reason: 'SPAM',
                  details: '',
                  reportedAt: '2026-11-22T10:00:00Z',
                },
                {
                  __typename: 'ModerationReport',
                  reason: 'OFFENSIVE',
                  details: 'Propos insultants envers une association de patients.',
                  reportedAt: '2026-11-22T11:30:00Z',
                },
              ],
              hidden: false,
              hiddenByBlock: false,
              link: '/espaces/structuration/f/c-prop/propositions/pr1',
              unanswered: false,
              since: '2026-11-22T10:00:00Z',
            },
            {
              __typename: 'ModerationQueueItem',
              resourceType: 'AMENDMENT',
              resourceId: 'am9',
              proposalId: 'pr1',
              title: 'Un amendement signalé',
              reportCount: 1,
              reasons: ['DOES_NOT_BELONG'],
              reports: [
                {
                  __typename: 'ModerationReport',
                  reason: 'DOES_NOT_BELONG',
                  details: '',
                  reportedAt: '2026-11-23T10:00:00Z',
                },
              ],
              hidden: true,
              hiddenByBlock: false,
              link: '/espaces/structuration/f/c-prop/propositions/pr1',
              unanswered: false,
              since: '2026-11-23T10:00:00Z',
            },
            {
              __typename: 'ModerationQueueItem',
              resourceType: 'PROPOSAL',
              resourceId: 'pr2',
              proposalId: 'pr2',
              title: 'Idée',
              reportCount: 0,
              reasons: [],
              reports: [],
              hidden: false,
              hiddenByBlock: false,
              link: null,
              unanswered: true,
              since: '2026-11-01T08:00:00Z',
            },
          ],
        },
      },
    },
  ];
}

/** A published version of a legal document (TERMS or PRIVACY), as `termsDocuments` returns it. */
export function fixtureTermsDocument(kind: 'TERMS' | 'PRIVACY', version: number) {
  return {
    __typename: 'TermsDocument',
    kind,
    version,
    title: kind === 'TERMS' ? 'Conditions d’utilisation' : 'Politique de confidentialité',
    body: 'Premier paragraphe.\n\nSecond paragraphe.',
    publishedAt: '2026-01-01T10:00:00.000Z',
  };
}

export function demoMocks({ isAdmin = true, signedIn = true } = {}): MockLink.MockedResponse[] {
  const me = signedIn
    ? { __typename: 'User', id: 'u1', name: 'Alice Martin', email: 'alice@example.org', isAdmin }
    : null;
  const space = (
    base: typeof processSpace,
    components: typeof processComponents,
    spacePhases: typeof phases,
  ) => ({
    ...base,
    phases: spacePhases,
    components: pick(components, ['id', 'title', 'type', 'published', 'position']),
  });
  const mocks: MockLink.MockedResponse[] = [
    { request: { query: ME_QUERY }, result: { data: { me } } },
    {
      request: { query: SPACES_QUERY, variables: { type: 'PROCESS' } },
      result: {
        data: {
          spaces: [
            {
              ...pick(
                [processSpace],
                ['id', 'slug', 'title', 'subtitle', 'type', 'isDemo', 'published'],
              )[0],
              phases: pick(phases, ['id', 'title', 'active']),
            },
          ],
        },
      },
    },
    {
      request: { query: SPACES_QUERY, variables: { type: 'ASSEMBLY' } },
      result: {
        data: {
          spaces: [
            {
              ...pick(
                [assemblySpace],
                ['id', 'slug', 'title', 'subtitle', 'type', 'isDemo', 'published'],
              )[0],
              phases: [],
            },
          ],
        },
      },
    },
    {
      request: { query: SURVEYS_QUERY },
      result: {
        data: {
          surveys: [
            {
              __typename: 'SurveySummary',
              id: 'q1',
              componentId: 'c-survey',
              title: survey.title,
              open: true,
              opensAt: survey.opensAt,
              closesAt: survey.closesAt,
              questionCount: 2,
              spaceSlug: 'structuration',
              spaceTitle: processSpace.title,
            },
          ],
        },
      },
    },
    {
      request: { query: SPACE_QUERY, variables: { slug: 'structuration' } },
      result: { data: { space: space(processSpace, processComponents, phases) } },
    },
    {
      request: { query: SPACE_QUERY, variables: { slug: 'assemblee' } },
      result: { data: { space: space(assemblySpace, assemblyComponents, []) } },
    },
    {
      request: { query: ASSEMBLY_MEMBERS_QUERY, variables: { spaceId: 's-assembly' } },
      result: { data: { assemblyMembers: members } },
    },
    {
      request: { query: ADMIN_MEMBERS_QUERY, variables: { spaceId: 's-assembly' } },
      result: { data: { assemblyMembers: members } },
    },
    ...[processSpace, assemblySpace].map((base) => ({
      request: { query: COMPONENT_SPACE_QUERY, variables: { slug: base.slug } },
      result: { data: { space: pick([base], ['id', 'slug', 'title', 'type'])[0] } },
    })),
    ...[processSpace, assemblySpace].map((base) => ({
      request: { query: SPACE_MODERATORS_QUERY, variables: { slug: base.slug } },
      result: {
        data: {
          space: { __typename: 'ParticipatorySpace', id: base.id, viewerRoles: ['MODERATOR'] },
        },
      },
    })),
    ...[...processComponents, ...assemblyComponents].map((component) => ({
      request: { query: COMPONENT_QUERY, variables: { id: component.id } },
      result: {
        data: {
          component: pick(
            [component],
            ['id', 'title', 'description', 'type', 'spaceId', 'published'],
          )[0],
        },
      },
    })),
    {
      request: { query: PARTICIPATORY_TEXT_QUERY, variables: { componentId: 'c-text' } },
      result: {
        data: {
          participatoryTextSource:
            '# Propositions\n\nIntro **importante**.\n\n## Axe 1\n\n- **1. Créer.** Texte.\n  - sous-point\n- **2. Favoriser.**',
        },
      },
    },
    ...proposalMocks(Boolean(signedIn && isAdmin)),
    {
      request: { query: SURVEY_QUERY, variables: { componentId: 'c-survey' } },
      result: { data: { survey } },
    },
    {
      request: { query: ASSEMBLY_MOTIONS_QUERY, variables: { componentId: 'c-motions' } },
      result: { data: { motions: fixtureMotions } },
    },
    {
      request: { query: TEXT_QUERY, variables: { componentId: 'c-text' } },
      result: { data: { participatoryText: participatoryTextFixture } },
    },
    {
      request: {
        query: VIEWER_ASSEMBLY_ROLE_QUERY,
        variables: { slug: 'assemblee', spaceId: 's-assembly' },
      },
      result: {
        data: {
          space: {
            __typename: 'ParticipatorySpace',
            id: 's-assembly',
            viewerCanAdminister: isAdmin,
          },
          assemblyMembers: [{ __typename: 'AssemblyMember', id: 'am1', userId: 'u1' }],
        },
      },
    },
    {
      request: { query: ASSEMBLY_INVITATIONS_QUERY, variables: { spaceId: 's-assembly' } },
      result: {
        data: {
          assemblyInvitations: [
            {
              __typename: 'AssemblyInvitation',
              id: 'inv1',
              email: 'claire@example.org',
              position: 'MEMBER',
              college: null,
              weight: 1,
              createdAt: NOW,
              acceptedAt: null,
            },
          ],
        },
      },
    },
    {
      request: { query: MINUTES_SPACE_QUERY, variables: { slug: 'assemblee' } },
      result: {
        data: {
          space: {
            __typename: 'ParticipatorySpace',
            id: 's-assembly',
            slug: 'assemblee',
            title: 'Assemblée de la filière',
            type: 'ASSEMBLY',
          },
        },
      },
    },
    {
      request: {
        query: ASSEMBLY_MINUTES_QUERY,
        variables: (vars: { spaceId: string }) => vars.spaceId === 's-assembly',
      },
      result: {
        data: {
          assemblyMinutes: {
            __typename: 'AssemblyMinutes',
            spaceId: 's-assembly',
            spaceTitle: 'Assemblée de la filière',
            from: later(-24 * 30),
            to: later(24 * 30),
            markdown: '# Procès-verbal — Assemblée de la filière\n',
            members: [
              {
                __typename: 'MinutesMember',
                name: 'Alice Martin',
                position: 'PRESIDENT',
                college: 'patients',
                weight: 1,
                joinedAt: later(-100),
                leftAt: null,
              },
            ],
            motions: fixtureMotions,
          },
        },
      },
    },
    {
      request: { query: ADMIN_SPACES_QUERY },
      result: {
        data: {
          spaces: pick(
            [processSpace, assemblySpace],
            ['id', 'slug', 'title', 'type', 'published', 'isDemo', 'viewerCanAdminister'],
          ),
        },
      },
    },
    {
      request: { query: ADMIN_SPACE_QUERY, variables: { slug: 'structuration' } },
      result: { data: { space: space(processSpace, processComponents, phases) } },
    },
    {
      request: { query: ADMIN_SPACE_QUERY, variables: { slug: 'assemblee' } },
      result: { data: { space: space(assemblySpace, assemblyComponents, []) } },
    },
    {
      request: { query: PROPOSAL_HISTORY_QUERY, variables: { id: 'pr1', first: HISTORY_SIZE } },
      result: {
        data: { proposal: { __typename: 'Proposal', id: 'pr1', history: fixtureHistory } },
      },
    },
    {
      request: { query: ACTION_LOGS_QUERY, variables: { filter: {}, first: ACTION_LOG_PAGE_SIZE } },
      result: { data: fixtureActionLogs },
    },
    {
      request: { query: TERMS_DOCUMENTS_QUERY },
      result: {
        data: {
          termsDocuments: [fixtureTermsDocument('TERMS', 1), fixtureTermsDocument('PRIVACY', 1)],
        },
      },
    },
    {
      request: { query: ORGANIZATION_ADMINS_QUERY },
      result: {
        data: {
          organizationAdmins: [
            {
              __typename: 'OrganizationAdmin',
              id: 'u1',
              name: 'Alice Martin',
              email: 'alice@example.org',
              appointedAt: null,
            },
          ],
        },
      },
    },
    {
      request: { query: MEMBER_TYPOLOGIES_QUERY, variables: { includeArchived: true } },
      result: {
        data: {
          memberTypologies: [
            {
              __typename: 'MemberTypology',
              key: 'hospital',
              label: 'Établissement de santé',
              position: 1,
              archived: false,
            },
            {
              __typename: 'MemberTypology',
              key: 'supplier',
              label: 'Industriel',
              position: 2,
              archived: true,
            },
          ],
        },
      },
    },
    {
      request: { query: MEMBER_PROFILE_QUERY, variables: { pseudo: 'lea' } },
      result: {
        data: {
          memberProfile: {
            __typename: 'MemberProfile',
            userId: 'u9',
            pseudo: 'lea',
            name: 'Léa Fontaine',
            organisation: 'CHU de Rennes',
            typology: {
              __typename: 'MemberTypology',
              key: 'hospital',
              label: 'Établissement de santé',
              archived: false,
            },
            roleTitle: 'Cheffe de projet',
            bio: 'Je coordonne la télésanté.',
            website: 'https://lea.example.org',
            avatarUrl: null,
            isViewer: false,
            blocked: false,
            viewerFollows: false,
            followersCount: 0,
            followsCount: 0,
            visibility: null,
            contributions: [],
            followers: [],
            follows: [],
          },
        },
      },
    },
    ...['s-process', 's-assembly'].map((spaceId) => ({
      request: { query: SPACE_ROLES_QUERY, variables: { spaceId } },
      result: {
        data: {
          spaceRoles: [
            {
              __typename: 'SpaceRoleAssignment',
              id: 'r1',
              role: 'MODERATOR',
              userName: 'Marc Petit',
              userEmail: 'marc@example.org',
            },
          ],
        },
      },
    })),
    ...statisticsMocks(),
  ];
  return mocks.map((mock) => ({ ...mock, maxUsageCount: many }));
}

/** The key figures (home block, `/chiffres-cles`) and the participation by typology of both spaces. */
function statisticsMocks(): MockLink.MockedResponse[] {
  const asOf = '2026-03-20T09:30:00Z';
  const figures = [
    { __typename: 'KeyFigure', key: 'members', total: 1234, weekly: [] },
    {
      __typename: 'KeyFigure',
      key: 'proposals',
      total: 3,
      weekly: [
        { __typename: 'WeeklyCount', week: '2026-03-02', count: 2 },
        { __typename: 'WeeklyCount', week: '2026-03-09', count: 1 },
      ],
    },
  ];
  const typologies = [
    {
      __typename: 'TypologyCount',
      typologyKey: 'hospital',
      label: 'Hôpital',
      members: 2,
      organisations: 1,
    },
  ];
  return [
    ...[null, 's-process', 's-assembly'].map((spaceId) => ({
      request: { query: KEY_FIGURES_QUERY, variables: { spaceId } },
      result: {
        data: {
          statistics: {
            __typename: 'Statistics',
            asOf,
            spaceId,
            figures: figures.map(({ __typename, key, total }) => ({ __typename, key, total })),
          },
        },
      },
    })),
    {
      request: { query: STATISTICS_QUERY, variables: { spaceId: null } },
      result: {
        data: {
          statistics: {
            __typename: 'Statistics',
            asOf,
            spaceId: null,
            figures,
            organisationsByTypology: typologies,
          },
        },
      },
    },
    ...['s-process', 's-assembly'].map((spaceId) => ({
      request: { query: PARTICIPATION_BY_TYPOLOGY_QUERY, variables: { spaceId } },
      result: {
        data: {
          participationByTypology: {
            __typename: 'ParticipationByTypology',
            asOf,
            spaceId,
            participants: 1,
            members: 2,
            typologies: [
              {
                __typename: 'TypologyParticipation',
                typologyKey: 'hospital',
                label: 'Hôpital',
                participants: 1,
                members: 2,
              },
            ],
          },
        },
      },
    })),
  ];
}

const textArticle = (id: string, number: number, sectionId: string | null, body: string) => ({
  __typename: 'TextArticle',
  id,
  number,
  sectionId,
  body,
  version: 1,
  pendingAmendmentsCount: number === 2 ? 1 : 0,
  acceptedAmendmentsCount: 0,
  commentsCount: 0,
});

/** A published participatory text: two sections, three numbered articles. */
export const participatoryTextFixture = {
  __typename: 'ParticipatoryText',
  componentId: 'c-text',
  published: true,
  publishedAt: '2026-01-01T00:00:00.000Z',
  articlesCount: 3,
  viewerCanAnswer: false,
  settings: {
    __typename: 'AmendmentSettings',
    amendmentsEnabled: true,
    amendmentsVisibility: 'ALL',
  },
  preamble: [],
  sections: [
    {
      __typename: 'TextSection',
      id: 'sec-1',
      parentId: null,
      level: 1,
      position: 0,
      title: 'Propositions',
      articles: [textArticle('a-1', 1, 'sec-1', 'Intro **importante**.')],
    },
    {
      __typename: 'TextSection',
      id: 'sec-2',
      parentId: 'sec-1',
      level: 2,
      position: 1,
      title: 'Axe 1',
      articles: [
        textArticle(
          'a-2',
          2,
          'sec-2',
          '- **1. Créer.** Texte.\n  - sous-point\n- **2. Favoriser.**',
        ),
        textArticle('a-3', 3, 'sec-2', 'Conclusion.'),
      ],
    },
  ],
};

/** Public history of the proposal pr1, newest first. */
export const fixtureHistory = [
  {
    __typename: 'HistoryEntry',
    id: '12',
    action: 'publish_answer',
    resourceType: 'proposal',
    actorName: 'Marc Petit',
    summary: 'Réponse publiée : acceptée',
    createdAt: '2026-03-02T10:00:00.000Z',
  },
  {
    __typename: 'HistoryEntry',
    id: '10',
    action: 'create',
    resourceType: 'proposal',
    actorName: 'Lina Haddad',
    summary: 'Proposition « Guichet unique » publiée',
    createdAt: '2026-03-01T09:30:00.000Z',
  },
];

/** First page of the journal for an organization admin. */
export const fixtureActionLogs = {
  actionLogs: {
    __typename: 'ActionLogConnection',
    nodes: [
      {
        __typename: 'ActionLog',
        id: '12',
        action: 'publish_answer',
        resourceType: 'proposal',
        resourceId: 'pr1',
        spaceId: 's-process',
        spaceTitle: 'Structuration de la filière santé numérique',
        visibility: 'PUBLIC',
        summary: 'Réponse publiée : acceptée',
        createdAt: '2026-03-02T10:00:00.000Z',
        actor: { __typename: 'ActionLogActor', id: 'u2', name: 'Marc Petit' },
      },
      {
        __typename: 'ActionLog',
        id: '11',
        action: 'hide',
        resourceType: 'comment',
        resourceId: 'cm9',
        spaceId: 's-process',
        spaceTitle: 'Structuration de la filière santé numérique',
        visibility: 'ADMIN_ONLY',
        summary: 'Contenu masqué par la modération',
        createdAt: '2026-03-01T11:00:00.000Z',
        actor: { __typename: 'ActionLogActor', id: 'u2', name: 'Marc Petit' },
      },
      {
        __typename: 'ActionLog',
        id: '3',
        action: 'load_demo',
        resourceType: 'participatory_space',
        resourceId: 's-process',
        spaceId: 's-process',
        spaceTitle: 'Structuration de la filière santé numérique',
        visibility: 'ADMIN_ONLY',
        summary: 'Contenu de démonstration chargé',
        createdAt: '2026-02-01T08:00:00.000Z',
        actor: null,
      },
    ],
    pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'YWw6Mw' },
  },
};
