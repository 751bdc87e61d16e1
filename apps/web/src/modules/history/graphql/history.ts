import { gql, type TypedDocumentNode } from '@apollo/client';

/** One public line of a resource's history (server type `HistoryEntry`). */
export interface HistoryEntry {
  id: string;
  action: string;
  resourceType: string;
  actorName: string | null;
  summary: string;
  createdAt: string;
}

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
  { proposal: { id: string; history: HistoryEntry[] } },
  { id: string; first: number }
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
  { motion: { id: string; history: HistoryEntry[] } },
  { id: string; first: number }
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
  { articleHistory: HistoryEntry[] },
  { id: string; first: number }
> = gql`
  query ArticleHistory($id: ID!, $first: Int) {
    articleHistory(articleId: $id, first: $first) {
      ${HISTORY_FIELDS}
    }
  }
`;
