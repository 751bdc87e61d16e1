import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DataExportStatus, TermsDocumentKind } from '@concerto/domain';

/** A published version of the terms of use or the privacy notice. */
export interface TermsDocument {
  kind: TermsDocumentKind;
  version: number;
  title: string;
  body: string;
  publishedAt: string;
}

export const TERMS_DOCUMENTS_QUERY: TypedDocumentNode<
  { termsDocuments: TermsDocument[] },
  Record<string, never>
> = gql`
  query TermsDocuments {
    termsDocuments {
      kind
      version
      title
      body
      publishedAt
    }
  }
`;

export const PENDING_TERMS_QUERY: TypedDocumentNode<
  { pendingTerms: TermsDocument[] },
  Record<string, never>
> = gql`
  query PendingTerms {
    pendingTerms {
      kind
      version
      title
      body
      publishedAt
    }
  }
`;

/** One acceptance of one version by the signed-in user. */
export interface TermsAcceptance {
  kind: TermsDocumentKind;
  version: number;
  acceptedAt: string;
}

export const MY_TERMS_ACCEPTANCES_QUERY: TypedDocumentNode<
  { myTermsAcceptances: TermsAcceptance[] },
  Record<string, never>
> = gql`
  query MyTermsAcceptances {
    myTermsAcceptances {
      kind
      version
      acceptedAt
    }
  }
`;

export const ACCEPT_TERMS_MUTATION: TypedDocumentNode<
  { acceptTerms: TermsAcceptance[] },
  { input: { termsVersion: number; privacyVersion: number } }
> = gql`
  mutation AcceptTerms($input: AcceptTermsInput!) {
    acceptTerms(input: $input) {
      kind
      version
      acceptedAt
    }
  }
`;

export const CHANGE_PASSWORD_MUTATION: TypedDocumentNode<
  { changePassword: boolean },
  { input: { currentPassword: string; newPassword: string } }
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

export const DELETE_MY_ACCOUNT_MUTATION: TypedDocumentNode<
  { deleteMyAccount: boolean },
  { input: { password: string } }
> = gql`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input)
  }
`;

/** A "download my data" export as its owner sees it. */
export interface DataExport {
  id: string;
  status: DataExportStatus;
  requestedAt: string;
  readyAt: string | null;
  expiresAt: string | null;
  downloadedAt: string | null;
  byteSize: number | null;
  downloadPath: string | null;
}

const DATA_EXPORT_FIELDS = `
  id
  status
  requestedAt
  readyAt
  expiresAt
  downloadedAt
  byteSize
  downloadPath
`;

export const MY_DATA_EXPORTS_QUERY: TypedDocumentNode<
  { myDataExports: DataExport[] },
  Record<string, never>
> = gql`
  query MyDataExports {
    myDataExports {
      ${DATA_EXPORT_FIELDS}
    }
  }
`;

export const REQUEST_DATA_EXPORT_MUTATION: TypedDocumentNode<
  { requestDataExport: DataExport },
  Record<string, never>
> = gql`
  mutation RequestDataExport {
    requestDataExport {
      ${DATA_EXPORT_FIELDS}
    }
  }
`;
