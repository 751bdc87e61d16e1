import { gql, type TypedDocumentNode } from '@apollo/client';
import { CommentLimits, ReportReason } from '@concerto/domain';
import type {
  ReportContentMutation,
  ReportContentMutationVariables,
  SpaceModeratorsQuery,
  SpaceModeratorsQueryVariables,
} from '../../../graphql/generated';

export type { ReportReason };
export type { ReportableType } from '../../../graphql/generated';

/** Longest « Précisions » of a report (characters). */
export const REPORT_DETAILS_MAX = CommentLimits.reportDetailsMax;
/** The reasons a report gives, in the order the form offers them. */
export const REPORT_REASONS: readonly ReportReason[] = Object.values(ReportReason);

/** Reports a resource of any reportable type (the shared reports capability). */
export const REPORT_CONTENT_MUTATION: TypedDocumentNode<
  ReportContentMutation,
  ReportContentMutationVariables
> = gql`
  mutation ReportContent($input: ReportContentInput!) {
    reportContent(input: $input) {
      resourceType
      resourceId
      reportCount
      hidden
    }
  }
`;

/** The caller's roles in a space: who may open a component's moderation page. */
export const SPACE_MODERATORS_QUERY: TypedDocumentNode<
  SpaceModeratorsQuery,
  SpaceModeratorsQueryVariables
> = gql`
  query SpaceModerators($slug: String!) {
    space(slug: $slug) {
      id
      viewerRoles
    }
  }
`;

/**
 * Whether the caller moderates a space: an organization admin, or the space's ADMIN or
 * MODERATOR (`viewerRoles` of {@link SPACE_MODERATORS_QUERY}). Signed out: never.
 */
export function moderatesSpace(
  me: { isAdmin: boolean } | null | undefined,
  roles: readonly string[] | null | undefined,
): boolean {
  return !!me && (me.isAdmin || !!roles?.some((role) => role === 'ADMIN' || role === 'MODERATOR'));
}
