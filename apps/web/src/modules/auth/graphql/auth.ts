import { gql, type TypedDocumentNode } from '@apollo/client';

/** The signed-in user, as the header and the guards use it. */
export interface Me {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

export const ME_QUERY: TypedDocumentNode<{ me: Me | null }, Record<string, never>> = gql`
  query Me {
    me {
      id
      name
      email
      isAdmin
    }
  }
`;

interface AuthPayload {
  user: Me;
}

export interface RegisterVariables {
  input: {
    name: string;
    email: string;
    password: string;
    acceptedTermsVersion: number;
    acceptedPrivacyVersion: number;
  };
}

export const REGISTER_MUTATION: TypedDocumentNode<{ register: AuthPayload }, RegisterVariables> =
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

export interface LoginVariables {
  input: { email: string; password: string };
}

export const LOGIN_MUTATION: TypedDocumentNode<{ login: AuthPayload }, LoginVariables> = gql`
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

export const LOGOUT_MUTATION: TypedDocumentNode<{ logout: boolean }, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;

/** Spaces the viewer may administer (to show the "Administration" link to space admins). */
export const ADMINISTERED_SPACES_QUERY: TypedDocumentNode<
  { spaces: Array<{ id: string; viewerCanAdminister: boolean }> },
  Record<string, never>
> = gql`
  query AdministeredSpaces {
    spaces {
      id
      viewerCanAdminister
    }
  }
`;

export const REQUEST_PASSWORD_RESET_MUTATION: TypedDocumentNode<
  { requestPasswordReset: boolean },
  { input: { email: string } }
> = gql`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`;

export const RESET_PASSWORD_MUTATION: TypedDocumentNode<
  { resetPassword: boolean },
  { input: { token: string; newPassword: string } }
> = gql`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`;

export const CONFIRM_EMAIL_MUTATION: TypedDocumentNode<
  { confirmEmail: boolean },
  { input: { token: string } }
> = gql`
  mutation ConfirmEmail($input: ConfirmEmailInput!) {
    confirmEmail(input: $input)
  }
`;

export const EMAIL_CONFIRMATION_QUERY: TypedDocumentNode<
  { me: { id: string; emailConfirmed: boolean } | null },
  Record<string, never>
> = gql`
  query EmailConfirmation {
    me {
      id
      emailConfirmed
    }
  }
`;

export const RESEND_EMAIL_CONFIRMATION_MUTATION: TypedDocumentNode<
  { resendEmailConfirmation: boolean },
  Record<string, never>
> = gql`
  mutation ResendEmailConfirmation {
    resendEmailConfirmation
  }
`;
