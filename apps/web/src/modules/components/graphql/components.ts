import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ComponentQuery,
  ComponentQueryVariables,
  ComponentSpaceQuery,
  ComponentSpaceQueryVariables,
  ParticipatoryTextSourceQuery,
  ParticipatoryTextSourceQueryVariables,
  SurveyQuery,
  SurveyQueryVariables,
} from '../../../graphql/generated';

export type ComponentInfo = NonNullable<ComponentQuery['component']>;

export const COMPONENT_QUERY: TypedDocumentNode<ComponentQuery, ComponentQueryVariables> = gql`
  query Component($id: ID!) {
    component(id: $id) {
      id
      title
      description
      type
      spaceId
      published
    }
  }
`;

/** The space a component page sits in (breadcrumb, consistency check). */
export const COMPONENT_SPACE_QUERY: TypedDocumentNode<
  ComponentSpaceQuery,
  ComponentSpaceQueryVariables
> = gql`
  query ComponentSpace($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      type
    }
  }
`;

export const PARTICIPATORY_TEXT_QUERY: TypedDocumentNode<
  ParticipatoryTextSourceQuery,
  ParticipatoryTextSourceQueryVariables
> = gql`
  query ParticipatoryTextSource($componentId: ID!) {
    participatoryTextSource(componentId: $componentId)
  }
`;

export type SurveyQuestion = Survey['questions'][number];

export type Survey = NonNullable<SurveyQuery['survey']>;

export const SURVEY_QUERY: TypedDocumentNode<SurveyQuery, SurveyQueryVariables> = gql`
  query Survey($componentId: ID!) {
    survey(componentId: $componentId) {
      id
      title
      description
      open
      opensAt
      closesAt
      questions {
        id
        position
        section
        body
        description
        type
        mandatory
        options {
          id
          body
          position
          freeText
        }
        scale {
          points
          labels
        }
      }
    }
  }
`;
