import { gql, type TypedDocumentNode } from '@apollo/client';
import { TermsLimits } from '@concerto/domain';
import type {
  PublishTermsDocumentMutation,
  PublishTermsDocumentMutationVariables,
} from '../../../graphql/generated';

/** Limits of `PublishTermsDocumentInput`, in characters (`@concerto/domain`). */
export const TERMS_TITLE_MAX_LENGTH = TermsLimits.titleMax;
export const TERMS_BODY_MAX_LENGTH = TermsLimits.bodyMax;

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
