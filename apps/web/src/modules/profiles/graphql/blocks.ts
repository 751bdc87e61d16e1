import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  BlockUserMutation,
  BlockUserMutationVariables,
  UnblockUserMutation,
  UnblockUserMutationVariables,
  UserBlockQuery,
  UserBlockQueryVariables,
} from '../../../graphql/generated';

/** A block in force, as organization administrators see it. */
export type UserBlock = NonNullable<UserBlockQuery['userBlock']>;

const BLOCK_FIELDS = `
  id
  userId
  reason
  blockedAt
  blockedByName
  liftedAt
  hiddenCount
`;

/** The block in force on an account, or null. Access: organization admins. */
export const USER_BLOCK_QUERY: TypedDocumentNode<UserBlockQuery, UserBlockQueryVariables> = gql`
  query UserBlock($userId: ID!) {
    userBlock(userId: $userId) {
      ${BLOCK_FIELDS}
    }
  }
`;

/** Blocks an account with a reason. Errors: BAD_USER_INPUT (`field: reason`), FORBIDDEN (`reason: SELF | ADMIN`), CONFLICT. */
export const BLOCK_USER_MUTATION: TypedDocumentNode<BlockUserMutation, BlockUserMutationVariables> =
  gql`
  mutation BlockUser($input: BlockUserInput!) {
    blockUser(input: $input) {
      ${BLOCK_FIELDS}
    }
  }
`;

/** Lifts the block on an account. Errors: CONFLICT (`reason: NOT_BLOCKED`). */
export const UNBLOCK_USER_MUTATION: TypedDocumentNode<
  UnblockUserMutation,
  UnblockUserMutationVariables
> = gql`
  mutation UnblockUser($userId: ID!) {
    unblockUser(userId: $userId) {
      ${BLOCK_FIELDS}
    }
  }
`;
