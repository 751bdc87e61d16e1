import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AcceptTermsMutation,
  AcceptTermsMutationVariables,
  ChangePasswordMutation,
  ChangePasswordMutationVariables,
  DeleteMyAccountMutation,
  DeleteMyAccountMutationVariables,
  MyDataExportsQuery,
  MyDataExportsQueryVariables,
  MyTermsAcceptancesQuery,
  MyTermsAcceptancesQueryVariables,
  PendingTermsQuery,
  PendingTermsQueryVariables,
  RequestDataExportMutation,
  RequestDataExportMutationVariables,
  TermsDocumentsQuery,
  TermsDocumentsQueryVariables,
} from '../../../graphql/generated';

/** A published version of the terms of use or the privacy notice. */
export type TermsDocument = TermsDocumentsQuery['termsDocuments'][number];

export const TERMS_DOCUMENTS_QUERY: TypedDocumentNode<
  TermsDocumentsQuery,
  TermsDocumentsQueryVariables
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

export const PENDING_TERMS_QUERY: TypedDocumentNode<PendingTermsQuery, PendingTermsQueryVariables> =
  gql`
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
export type TermsAcceptance = MyTermsAcceptancesQuery['myTermsAcceptances'][number];

export const MY_TERMS_ACCEPTANCES_QUERY: TypedDocumentNode<
  MyTermsAcceptancesQuery,
  MyTermsAcceptancesQueryVariables
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
  AcceptTermsMutation,
  AcceptTermsMutationVariables
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
  ChangePasswordMutation,
  ChangePasswordMutationVariables
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

export const DELETE_MY_ACCOUNT_MUTATION: TypedDocumentNode<
  DeleteMyAccountMutation,
  DeleteMyAccountMutationVariables
> = gql`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input)
  }
`;

/** A "download my data" export as its owner sees it. */
export type DataExport = MyDataExportsQuery['myDataExports'][number];

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
  MyDataExportsQuery,
  MyDataExportsQueryVariables
> = gql`
  query MyDataExports {
    myDataExports {
      ${DATA_EXPORT_FIELDS}
    }
  }
`;

export const REQUEST_DATA_EXPORT_MUTATION: TypedDocumentNode<
  RequestDataExportMutation,
  RequestDataExportMutationVariables
> = gql`
  mutation RequestDataExport {
    requestDataExport {
      ${DATA_EXPORT_FIELDS}
    }
  }
`;
