import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ArticleHistoryQuery,
  ArticleHistoryQueryVariables,
  MotionHistoryQuery,
  MotionHistoryQueryVariables,
  ProposalHistoryQuery,
  ProposalHistoryQueryVariables,
} from '../../../graphql/generated';

/** One public line of a resource's history (server type `HistoryEntry`). */
export type HistoryEntry = NonNullable<ProposalHistoryQuery['proposal']>['history'][number];

/** Lines shown on a detail page (the server allows up to 50). */
export const HISTORY_SIZE = 20;

const HISTORY_FIELDS = `
  id
  action
  resourceType
  actorName
  summary
  createdAt
`;

export const PROPOSAL_HISTORY_QUERY: TypedDocumentNode<
  ProposalHistoryQuery,
  ProposalHistoryQueryVariables
> = gql`
  query ProposalHistory($id: ID!, $first: Int) {
    proposal(id: $id) {
      id
      history(first: $first) {
        ${HISTORY_FIELDS}
      }
    }
  }
`;

export const MOTION_HISTORY_QUERY: TypedDocumentNode<
  MotionHistoryQuery,
  MotionHistoryQueryVariables
> = gql`
  query MotionHistory($id: ID!, $first: Int) {
    motion(id: $id) {
      id
      history(first: $first) {
        ${HISTORY_FIELDS}
      }
    }
  }
`;

export const ARTICLE_HISTORY_QUERY: TypedDocumentNode<
  ArticleHistoryQuery,
  ArticleHistoryQueryVariables
> = gql`
  query ArticleHistory($id: ID!, $first: Int) {
    articleHistory(articleId: $id, first: $first) {
      ${HISTORY_FIELDS}
    }
  }
`;
