import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AddResourceCommentMutation,
  AddResourceCommentMutationVariables,
  ResourceCommentsQuery,
  ResourceCommentsQueryVariables,
} from '../../../graphql/generated';

const COMMENT_FIELDS = `id body authorName createdAt deleted hidden viewerIsAuthor viewerReported`;

/** The flat comment list of any commentable resource (meetings, news posts…). */
export const RESOURCE_COMMENTS_QUERY: TypedDocumentNode<
  ResourceCommentsQuery,
  ResourceCommentsQueryVariables
> = gql`
  query ResourceComments($commentableType: CommentableType!, $commentableId: ID!) {
    comments(commentableType: $commentableType, commentableId: $commentableId) {
      ${COMMENT_FIELDS}
    }
  }
`;

/** Adds a comment to any commentable resource. */
export const ADD_RESOURCE_COMMENT_MUTATION: TypedDocumentNode<
  AddResourceCommentMutation,
  AddResourceCommentMutationVariables
> = gql`
  mutation AddResourceComment(
    $commentableType: CommentableType!
    $commentableId: ID!
    $body: String!
  ) {
    addComment(
      input: { commentableType: $commentableType, commentableId: $commentableId, body: $body }
    ) {
      ${COMMENT_FIELDS}
    }
  }
`;
