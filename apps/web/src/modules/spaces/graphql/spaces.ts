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

export type SpaceSummary = SpacesQuery['spaces'][number];

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

export type Phase = SpaceDetail['phases'][number];

export type SpaceComponentLink = SpaceDetail['components'][number];

export type SpaceDetail = NonNullable<SpaceQuery['space']>;

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

export type AssemblyMember = AssemblyMembersQuery['assemblyMembers'][number];

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

export type SurveySummary = SurveysQuery['surveys'][number];

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
