import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  PublishTermsDocumentMutation,
  PublishTermsDocumentMutationVariables,
} from '../../../graphql/generated';

/** Limits of `PublishTermsDocumentInput` (apps/api/src/modules/terms/dtos/terms.dto.ts), in characters. */
export const TERMS_TITLE_MAX_LENGTH = 150;
export const TERMS_BODY_MAX_LENGTH = 50_000;

/** Publishes version current + 1 of a legal document (organization admins only). */
export const PUBLISH_TERMS_DOCUMENT_MUTATION: TypedDocumentNode<
  PublishTermsDocumentMutation,
  PublishTermsDocumentMutationVariables
> = gql`
  mutation PublishTermsDocument($input: PublishTermsDocumentInput!) {
    publishTermsDocument(input: $input) {
      kind
      version
      title
      body
      publishedAt
    }
  }
`;
