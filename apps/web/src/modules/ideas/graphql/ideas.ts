import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AddIdeaMutation,
  AddIdeaMutationVariables,
  CreateIdeaBoxMutation,
  CreateIdeaBoxMutationVariables,
  IdeaBoxQuery,
  IdeaBoxQueryVariables,
  IdeaBoxesQuery,
  IdeaBoxesQueryVariables,
  IdeaResultsQuery,
  IdeaResultsQueryVariables,
  ModerateIdeaMutation,
  ModerateIdeaMutationVariables,
  NextIdeaPairMutation,
  NextIdeaPairMutationVariables,
  PendingIdeasQuery,
  PendingIdeasQueryVariables,
  VoteOnIdeaPairMutation,
  VoteOnIdeaPairMutationVariables,
  IdeaBoxFieldsFragment,
  IdeaFieldsFragment,
  IdeaPairFieldsFragment,
} from '../../../graphql/generated';

export type IdeaBox = IdeaBoxFieldsFragment;
export type Idea = IdeaFieldsFragment;
export type IdeaPair = IdeaPairFieldsFragment;
export type RankedIdea = IdeaResults['ideas'][number];
export type TypologyIdeaScores = IdeaResults['byTypology'][number];
export type IdeaResults = NonNullable<IdeaResultsQuery['ideaResults']>;

const BOX_FIELDS = gql`
  fragment IdeaBoxFields on IdeaBox {
    id
    componentId
    question
    description
    published
    ideasCount
    pendingCount
    comparisonsCount
    participantIdeasEnabled
    ideasModerated
    anonymousVotingEnabled
    viewerCanModerate
    path
    isDemo
  }
`;
const IDEA_FIELDS = gql`
  fragment IdeaFields on Idea {
    id
    body
    origin
    status
    mine
  }
`;
const PAIR_FIELDS = gql`
  fragment IdeaPairFields on IdeaPair {
    id
    left {
      ...IdeaFields
      viewerReported
    }
    right {
      ...IdeaFields
      viewerReported
    }
  }
  ${IDEA_FIELDS}
`;

export const IDEA_BOXES_QUERY: TypedDocumentNode<IdeaBoxesQuery, IdeaBoxesQueryVariables> = gql`
  query IdeaBoxes($componentId: ID!) {
    ideaBoxes(componentId: $componentId) {
      ...IdeaBoxFields
    }
  }
  ${BOX_FIELDS}
`;

export const IDEA_BOX_QUERY: TypedDocumentNode<IdeaBoxQuery, IdeaBoxQueryVariables> = gql`
  query IdeaBox($id: ID!) {
    ideaBox(id: $id) {
      ...IdeaBoxFields
    }
  }
  ${BOX_FIELDS}
`;

export const IDEA_RESULTS_QUERY: TypedDocumentNode<IdeaResultsQuery, IdeaResultsQueryVariables> =
  gql`
    query IdeaResults($boxId: ID!) {
      ideaResults(boxId: $boxId) {
        boxId
        comparisonsCount
        scoredComparisons
        votersCount
        skipsCount
        dontKnowCount
        votersInSmallTypologies
        ideas {
          rank
          score
          scoreLow
          scoreHigh
          wins
          losses
          idea {
            ...IdeaFields
          }
        }
        byTypology {
          typologyKey
          label
          votersCount
          comparisonsCount
          scores {
            ideaId
            score
            scoreLow
            scoreHigh
            comparisons
          }
        }
      }
    }
    ${IDEA_FIELDS}
  `;

export const PENDING_IDEAS_QUERY: TypedDocumentNode<PendingIdeasQuery, PendingIdeasQueryVariables> =
  gql`
    query PendingIdeas($boxId: ID!, $status: IdeaStatus) {
      ideaBoxIdeas(boxId: $boxId, status: $status) {
        ...IdeaFields
      }
    }
    ${IDEA_FIELDS}
  `;

export const NEXT_IDEA_PAIR_MUTATION: TypedDocumentNode<
  NextIdeaPairMutation,
  NextIdeaPairMutationVariables
> = gql`
  mutation NextIdeaPair($boxId: ID!) {
    nextIdeaPair(boxId: $boxId) {
      ...IdeaPairFields
    }
  }
  ${PAIR_FIELDS}
`;

export const VOTE_ON_IDEA_PAIR_MUTATION: TypedDocumentNode<
  VoteOnIdeaPairMutation,
  VoteOnIdeaPairMutationVariables
> = gql`
  mutation VoteOnIdeaPair($pairId: ID!, $choice: IdeaVoteChoice!) {
    voteOnIdeaPair(pairId: $pairId, choice: $choice) {
      pairId
      choice
      next {
        ...IdeaPairFields
      }
    }
  }
  ${PAIR_FIELDS}
`;

export const ADD_IDEA_MUTATION: TypedDocumentNode<AddIdeaMutation, AddIdeaMutationVariables> = gql`
  mutation AddIdea($boxId: ID!, $body: String!) {
    addIdea(boxId: $boxId, body: $body) {
      ...IdeaFields
    }
  }
  ${IDEA_FIELDS}
`;

export const MODERATE_IDEA_MUTATION: TypedDocumentNode<
  ModerateIdeaMutation,
  ModerateIdeaMutationVariables
> = gql`
  mutation ModerateIdea($ideaId: ID!, $decision: IdeaModeration!, $reason: String) {
    moderateIdea(ideaId: $ideaId, decision: $decision, reason: $reason) {
      ...IdeaFields
    }
  }
  ${IDEA_FIELDS}
`;

export const CREATE_IDEA_BOX_MUTATION: TypedDocumentNode<
  CreateIdeaBoxMutation,
  CreateIdeaBoxMutationVariables
> = gql`
  mutation CreateIdeaBox($input: CreateIdeaBoxInput!) {
    createIdeaBox(input: $input) {
      ...IdeaBoxFields
    }
  }
  ${BOX_FIELDS}
`;
