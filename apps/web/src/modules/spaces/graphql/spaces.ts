import type { AssemblyPosition, ComponentType, SpaceType } from '@concerto/domain';
import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AssemblyMembersQuery,
  AssemblyMembersQueryVariables,
  SpaceQuery,
  SpaceQueryVariables,
  SpacesQuery,
  SpacesQueryVariables,
  SurveysQuery,
  SurveysQueryVariables,
} from '../../../graphql/generated';

export interface SpaceSummary {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  type: SpaceType;
  isDemo: boolean;
  published: boolean;
  phases: Array<{ id: string; title: string; active: boolean }>;
}

export const SPACES_QUERY: TypedDocumentNode<SpacesQuery, SpacesQueryVariables> = gql`
  query Spaces($type: SpaceType) {
    spaces(type: $type) {
      id
      slug
      title
      subtitle
      type
      isDemo
      published
      phases {
        id
        title
        active
      }
    }
  }
`;

export interface Phase {
  id: string;
  title: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  active: boolean;
  position: number;
}

export interface SpaceComponentLink {
  id: string;
  title: string;
  type: ComponentType;
  published: boolean;
}

export interface SpaceDetail {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  type: SpaceType;
  isDemo: boolean;
  published: boolean;
  viewerCanAdminister: boolean;
  viewerFollows: boolean;
  phases: Phase[];
  components: SpaceComponentLink[];
}

export const SPACE_QUERY: TypedDocumentNode<SpaceQuery, SpaceQueryVariables> = gql`
  query Space($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      subtitle
      description
      type
      isDemo
      published
      viewerCanAdminister
      viewerFollows
      phases {
        id
        title
        description
        startDate
        endDate
        active
        position
      }
      components {
        id
        title
        type
        published
      }
    }
  }
`;

export interface AssemblyMember {
  id: string;
  userName: string;
  position: AssemblyPosition;
  college: string | null;
  weight: number;
}

export const ASSEMBLY_MEMBERS_QUERY: TypedDocumentNode<
  AssemblyMembersQuery,
  AssemblyMembersQueryVariables
> = gql`
  query AssemblyMembers($spaceId: ID!) {
    assemblyMembers(spaceId: $spaceId) {
      id
      userName
      position
      college
      weight
    }
  }
`;

export interface SurveySummary {
  id: string;
  componentId: string;
  title: string;
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  questionCount: number;
  spaceSlug: string;
  spaceTitle: string;
}

export const SURVEYS_QUERY: TypedDocumentNode<SurveysQuery, SurveysQueryVariables> = gql`
  query Surveys {
    surveys {
      id
      componentId
      title
      open
      opensAt
      closesAt
      questionCount
      spaceSlug
      spaceTitle
    }
  }
`;
