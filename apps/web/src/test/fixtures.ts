import type { MockLink } from '@apollo/client/testing';
import { PARTICIPATORY_TEXT_QUERY as TEXT_QUERY } from '../modules/texts/graphql/texts';
import { ME_QUERY } from '../modules/auth/graphql/auth';
import { ADMIN_MEMBERS_QUERY, ADMIN_SPACE_QUERY, ADMIN_SPACES_QUERY, SPACE_ROLES_QUERY } from '../modules/admin/graphql/admin';
import {
  COMPONENT_QUERY,
  COMPONENT_SPACE_QUERY,
  MOTIONS_QUERY,
  PARTICIPATORY_TEXT_QUERY,
  PROPOSALS_QUERY,
  SURVEY_QUERY,
} from '../modules/components/graphql/components';
import { ASSEMBLY_MEMBERS_QUERY, SPACE_QUERY, SPACES_QUERY, SURVEYS_QUERY } from '../modules/spaces/graphql/spaces';

/** A small demo world (one process, one assembly) answering every page's queries, reusable by any number of renders. */
const many = 50;

/** Put this seed in sessionStorage (`concerto.proposalSeed`) before rendering the proposals page. */
export const FIXTURE_SEED = 'fedcba9876543210';

const phases = [
  { __typename: 'SpacePhase', id: 'p1', title: 'Diagnostic', description: 'Constat partagé.', startDate: '2026-03-01', endDate: '2026-06-30', active: false, position: 0 },
  { __typename: 'SpacePhase', id: 'p2', title: 'Co-rédaction', description: '', startDate: '2026-12-01', endDate: null, active: true, position: 1 },
];

const processComponents = [
  { __typename: 'Component', id: 'c-text', title: 'Charte martyre', type: 'PARTICIPATORY_TEXT', published: true, position: 0, description: '', spaceId: 's-process' },
  { __typename: 'Component', id: 'c-prop', title: 'Mesures', type: 'PROPOSALS', published: true, position: 1, description: '', spaceId: 's-process' },
  { __typename: 'Component', id: 'c-survey', title: 'Enquête 2021', type: 'SURVEY', published: false, position: 2, description: '', spaceId: 's-process' },
];

const assemblyComponents = [
  { __typename: 'Component', id: 'c-motions', title: 'Motions', type: 'MOTIONS', published: true, position: 0, description: '', spaceId: 's-assembly' },
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
};

const assemblySpace = {
  ...processSpace,
  id: 's-assembly',
  slug: 'assemblee',
  title: 'Assemblée de la filière',
  type: 'ASSEMBLY',
};

function pick<T extends Record<string, unknown>>(items: T[], keys: string[]) {
  return items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => key === '__typename' || keys.includes(key))));
}

const members = [
  { __typename: 'AssemblyMember', id: 'm1', userName: 'Claire Dupont', position: 'PRESIDENT', college: 'industriels', weight: 1 },
  { __typename: 'AssemblyMember', id: 'm2', userName: 'Marc Petit', position: 'MEMBER', college: null, weight: 2 },
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
        { __typename: 'SurveyQuestionOption', id: 'o1', body: 'Entreprise', position: 0, freeText: false },
        { __typename: 'SurveyQuestionOption', id: 'o2', body: 'Autre', position: 1, freeText: true },
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
      scale: { __typename: 'SurveyScale', points: 4, labels: ["pas du tout d'accord", "plutôt pas d'accord", "d'accord", "tout à fait d'accord"] },
    },
  ],
};

export function demoMocks({ isAdmin = true, signedIn = true } = {}): MockLink.MockedResponse[] {
  const me = signedIn ? { __typename: 'User', id: 'u1', name: 'Alice Martin', email: 'alice@example.org', isAdmin } : null;
  const space = (base: typeof processSpace, components: typeof processComponents, spacePhases: typeof phases) => ({
    ...base,
    phases: spacePhases,
    components: pick(components, ['id', 'title', 'type', 'published', 'position']),
  });
  const mocks: MockLink.MockedResponse[] = [
    { request: { query: ME_QUERY }, result: { data: { me } } },
    {
      request: { query: SPACES_QUERY, variables: { type: 'PROCESS' } },
      result: { data: { spaces: [{ ...pick([processSpace], ['id', 'slug', 'title', 'subtitle', 'type', 'isDemo', 'published'])[0], phases: pick(phases, ['id', 'title', 'active']) }] } },
    },
    {
      request: { query: SPACES_QUERY, variables: { type: 'ASSEMBLY' } },
      result: { data: { spaces: [{ ...pick([assemblySpace], ['id', 'slug', 'title', 'subtitle', 'type', 'isDemo', 'published'])[0], phases: [] }] } },
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
    { request: { query: SPACE_QUERY, variables: { slug: 'structuration' } }, result: { data: { space: space(processSpace, processComponents, phases) } } },
    { request: { query: SPACE_QUERY, variables: { slug: 'assemblee' } }, result: { data: { space: space(assemblySpace, assemblyComponents, []) } } },
    { request: { query: ASSEMBLY_MEMBERS_QUERY, variables: { spaceId: 's-assembly' } }, result: { data: { assemblyMembers: members } } },
    { request: { query: ADMIN_MEMBERS_QUERY, variables: { spaceId: 's-assembly' } }, result: { data: { assemblyMembers: members } } },
    ...[processSpace, assemblySpace].map((base) => ({
      request: { query: COMPONENT_SPACE_QUERY, variables: { slug: base.slug } },
      result: { data: { space: pick([base], ['id', 'slug', 'title', 'type'])[0] } },
    })),
    ...[...processComponents, ...assemblyComponents].map((component) => ({
      request: { query: COMPONENT_QUERY, variables: { id: component.id } },
      result: { data: { component: pick([component], ['id', 'title', 'description', 'type', 'spaceId', 'published'])[0] } },
    })),
    {
      request: { query: PARTICIPATORY_TEXT_QUERY, variables: { componentId: 'c-text' } },
      result: { data: { participatoryTextSource: '# Propositions\n\nIntro **importante**.\n\n## Axe 1\n\n- **1. Créer.** Texte.\n  - sous-point\n- **2. Favoriser.**' } },
    },
    {
      request: { query: TEXT_QUERY, variables: { componentId: 'c-text' } },
      result: { data: { participatoryText: participatoryTextFixture } },
    },
    {
      request: { query: PROPOSALS_QUERY, variables: { componentId: 'c-prop', seed: FIXTURE_SEED, first: 20 } },
      result: {
        data: {
          proposals: {
            __typename: 'ProposalConnection',
            totalCount: 3,
            seed: FIXTURE_SEED,
            pageInfo: { __typename: 'PageInfo', endCursor: 'k2', hasNextPage: true },
            edges: [
              {
                __typename: 'ProposalEdge',
                cursor: 'k1',
                node: { __typename: 'Proposal', id: 'pr1', reference: '4.3-1', title: 'Guichet unique', body: `<p>${'Texte. '.repeat(80)}</p>`, state: 'ACCEPTED', official: true, author: null },
              },
              {
                __typename: 'ProposalEdge',
                cursor: 'k2',
                node: { __typename: 'Proposal', id: 'pr2', reference: null, title: 'Idée', body: 'Court.', state: 'NOT_ANSWERED', official: false, author: { __typename: 'ProposalAuthor', id: 'u2', name: 'Marc' } },
              },
            ],
          },
        },
      },
    },
    { request: { query: SURVEY_QUERY, variables: { componentId: 'c-survey' } }, result: { data: { survey } } },
    {
      request: { query: MOTIONS_QUERY, variables: { componentId: 'c-motions' } },
      result: { data: { motions: [{ __typename: 'Motion', id: 'mo1', reference: 'A2-1', title: 'Créer un comité', body: 'Premier.\n\nSecond.' }] } },
    },
    {
      request: { query: ADMIN_SPACES_QUERY },
      result: { data: { spaces: pick([processSpace, assemblySpace], ['id', 'slug', 'title', 'type', 'published', 'isDemo', 'viewerCanAdminister']) } },
    },
    { request: { query: ADMIN_SPACE_QUERY, variables: { slug: 'structuration' } }, result: { data: { space: space(processSpace, processComponents, phases) } } },
    { request: { query: ADMIN_SPACE_QUERY, variables: { slug: 'assemblee' } }, result: { data: { space: space(assemblySpace, assemblyComponents, []) } } },
    ...['s-process', 's-assembly'].map((spaceId) => ({
      request: { query: SPACE_ROLES_QUERY, variables: { spaceId } },
      result: { data: { spaceRoles: [{ __typename: 'SpaceRoleAssignment', id: 'r1', role: 'MODERATOR', userName: 'Marc Petit', userEmail: 'marc@example.org' }] } },
    })),
  ];
  return mocks.map((mock) => ({ ...mock, maxUsageCount: many }));
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
  settings: { __typename: 'AmendmentSettings', amendmentsEnabled: true, amendmentsVisibility: 'ALL' },
  preamble: [],
  sections: [
    { __typename: 'TextSection', id: 'sec-1', parentId: null, level: 1, position: 0, title: 'Propositions', articles: [textArticle('a-1', 1, 'sec-1', 'Intro **importante**.')] },
    {
      __typename: 'TextSection',
      id: 'sec-2',
      parentId: 'sec-1',
      level: 2,
      position: 1,
      title: 'Axe 1',
      articles: [textArticle('a-2', 2, 'sec-2', '- **1. Créer.** Texte.\n  - sous-point\n- **2. Favoriser.**'), textArticle('a-3', 3, 'sec-2', 'Conclusion.')],
    },
  ],
};
