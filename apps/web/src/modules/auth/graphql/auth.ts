import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AdministeredSpacesQuery,
  AdministeredSpacesQueryVariables,
  ConfirmEmailMutation,
  ConfirmEmailMutationVariables,
  EmailConfirmationQuery,
  EmailConfirmationQueryVariables,
  LoginMutation,
  LoginMutationVariables,
  LogoutMutation,
  LogoutMutationVariables,
  MeQuery,
  MeQueryVariables,
  RegisterMutation,
  RegisterMutationVariables,
  RequestPasswordResetMutation,
  RequestPasswordResetMutationVariables,
  ResendEmailConfirmationMutation,
  ResendEmailConfirmationMutationVariables,
  ResetPasswordMutation,
  ResetPasswordMutationVariables,
} from '../../../graphql/generated';

/** The signed-in user, as the header and the guards use it. */
export type Me = NonNullable<MeQuery['me']>;

export const ME_QUERY: TypedDocumentNode<MeQuery, MeQueryVariables> = gql`
  query Me {
    me {
      id
      name
      email
      isAdmin
    }
  }
`;

export type RegisterVariables = RegisterMutationVariables;

export const REGISTER_MUTATION: TypedDocumentNode<RegisterMutation, RegisterMutationVariables> =
  gql`
    mutation Register($input: RegisterInput!) {
      register(input: $input) {
        user {
          id
          name
          email
          isAdmin
        }
      }
    }
  `;

export type LoginVariables = LoginMutationVariables;

export const LOGIN_MUTATION: TypedDocumentNode<LoginMutation, LoginMutationVariables> = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      user {
        id
        name
        email
        isAdmin
      }
    }
  }
`;

export const LOGOUT_MUTATION: TypedDocumentNode<LogoutMutation, LogoutMutationVariables> = gql`
  mutation Logout {
    logout
  }
`;

/** Spaces the viewer may administer (to show the "Administration" link to space admins). */
export const ADMINISTERED_SPACES_QUERY: TypedDocumentNode<
  AdministeredSpacesQuery,
  AdministeredSpacesQueryVariables
> = gql`
  query AdministeredSpaces {
    spaces {
      id
      viewerCanAdminister
    }
  }
`;

export const REQUEST_PASSWORD_RESET_MUTATION: TypedDocumentNode<
  RequestPasswordResetMutation,
  RequestPasswordResetMutationVariables
> = gql`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`;

export const RESET_PASSWORD_MUTATION: TypedDocumentNode<
  ResetPasswordMutation,
  ResetPasswordMutationVariables
> = gql`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`;

export const CONFIRM_EMAIL_MUTATION: TypedDocumentNode<
  ConfirmEmailMutation,
  ConfirmEmailMutationVariables
> = gql`
  mutation ConfirmEmail($input: ConfirmEmailInput!) {
    confirmEmail(input: $input)
  }
`;

export const EMAIL_CONFIRMATION_QUERY: TypedDocumentNode<
  EmailConfirmationQuery,
  EmailConfirmationQueryVariables
> = gql`
  query EmailConfirmation {
    me {
      id
      emailConfirmed
    }
  }
`;

export const RESEND_EMAIL_CONFIRMATION_MUTATION: TypedDocumentNode<
  ResendEmailConfirmationMutation,
  ResendEmailConfirmationMutationVariables
> = gql`
  mutation ResendEmailConfirmation {
    resendEmailConfirmation
  }
`;
