import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AppointOrganizationAdminMutation,
  AppointOrganizationAdminMutationVariables,
  OrganizationAdminsQuery,
  OrganizationAdminsQueryVariables,
  RevokeOrganizationAdminMutation,
  RevokeOrganizationAdminMutationVariables,
} from '../../../graphql/generated';

/** An organization administrator as `organizationAdmins` returns them. */
export type OrganizationAdmin = OrganizationAdminsQuery['organizationAdmins'][number];

/** The organization administrators, by name (organization admins only). */
export const ORGANIZATION_ADMINS_QUERY: TypedDocumentNode<
  OrganizationAdminsQuery,
  OrganizationAdminsQueryVariables
> = gql`
  query OrganizationAdmins {
    organizationAdmins {
      id
      name
      email
      appointedAt
    }
  }
`;

/** Makes the live account with this e-mail an organization administrator. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT. */
export const APPOINT_ORGANIZATION_ADMIN_MUTATION: TypedDocumentNode<
  AppointOrganizationAdminMutation,
  AppointOrganizationAdminMutationVariables
> = gql`
  mutation AppointOrganizationAdmin($email: String!) {
    appointOrganizationAdmin(email: $email) {
      id
      name
      email
      appointedAt
    }
  }
`;

/** Removes an organization administrator. Errors: NOT_FOUND, CONFLICT (`reason: LAST_ADMIN`). */
export const REVOKE_ORGANIZATION_ADMIN_MUTATION: TypedDocumentNode<
  RevokeOrganizationAdminMutation,
  RevokeOrganizationAdminMutationVariables
> = gql`
  mutation RevokeOrganizationAdmin($userId: ID!) {
    revokeOrganizationAdmin(userId: $userId)
  }
`;
