import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  IdentityProvidersQuery,
  IdentityProvidersQueryVariables,
  MySignInMethodsQuery,
  MySignInMethodsQueryVariables,
  UnlinkIdentityMutation,
  UnlinkIdentityMutationVariables,
} from '../../../graphql/generated';

/** An OpenID Connect provider configured on the server (ProSanté Connect, FranceConnect…). */
export type IdentityProvider = IdentityProvidersQuery['identityProviders'][number];

/** An identity linked to the signed-in account. */
export type LinkedIdentity = SignInMethods['identities'][number];

export type SignInMethods = MySignInMethodsQuery['mySignInMethods'];

export const IDENTITY_PROVIDERS_QUERY: TypedDocumentNode<
  IdentityProvidersQuery,
  IdentityProvidersQueryVariables
> = gql`
  query IdentityProviders {
    identityProviders {
      key
      label
    }
  }
`;

const SIGN_IN_METHODS_FIELDS = `
  password
  identities {
    id
    provider
    providerLabel
    email
    professionalId
    createdAt
    lastSignInAt
    unlinkable
  }
`;

export const MY_SIGN_IN_METHODS_QUERY: TypedDocumentNode<
  MySignInMethodsQuery,
  MySignInMethodsQueryVariables
> = gql`
  query MySignInMethods {
    mySignInMethods {
      ${SIGN_IN_METHODS_FIELDS}
    }
  }
`;

export const UNLINK_IDENTITY_MUTATION: TypedDocumentNode<
  UnlinkIdentityMutation,
  UnlinkIdentityMutationVariables
> = gql`
  mutation UnlinkIdentity($id: ID!) {
    unlinkIdentity(id: $id) {
      ${SIGN_IN_METHODS_FIELDS}
    }
  }
`;

/** Where the browser goes to sign in with a provider (a full page load: the API redirects to the provider). */
export const signInPath = (key: string, returnTo = '/') =>
  `/auth/oidc/${encodeURIComponent(key)}/start?returnTo=${encodeURIComponent(returnTo)}`;

/** Where the browser goes to link a provider to the signed-in account. */
export const linkPath = (key: string) => `/auth/oidc/${encodeURIComponent(key)}/link`;
