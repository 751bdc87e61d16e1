import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TermsDocumentKind } from '@concerto/domain';
import type { TermsDocument } from '../../account/graphql/account';

/** Limits of `PublishTermsDocumentInput` (apps/api/src/modules/terms/dtos/terms.dto.ts), in characters. */
export const TERMS_TITLE_MAX_LENGTH = 150;
export const TERMS_BODY_MAX_LENGTH = 50_000;

/** Variables of `publishTermsDocument`: the kind, the title and the plain-text body (paragraphs separated by blank lines). */
export interface PublishTermsDocumentVariables {
  input: { kind: TermsDocumentKind; title: string; body: string; expectedVersion?: number };
}

/** Publishes version current + 1 of a legal document (organization admins only). */
export const PUBLISH_TERMS_DOCUMENT_MUTATION: TypedDocumentNode<
  { publishTermsDocument: TermsDocument },
  PublishTermsDocumentVariables
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
