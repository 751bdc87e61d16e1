import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AcceptAmendmentMutation,
  AcceptAmendmentMutationVariables,
  AddTextCommentMutation,
  AddTextCommentMutationVariables,
  AmendmentsQuery,
  AmendmentsQueryVariables,
  CreateAmendmentMutation,
  CreateAmendmentMutationVariables,
  ImportParticipatoryTextMutation,
  ImportParticipatoryTextMutationVariables,
  ParticipatoryTextMarkdownQuery,
  ParticipatoryTextMarkdownQueryVariables,
  ParticipatoryTextQuery,
  ParticipatoryTextQueryVariables,
  ParticipatoryTextSourceForImportQuery,
  ParticipatoryTextSourceForImportQueryVariables,
  PromoteAmendmentMutation,
  PromoteAmendmentMutationVariables,
  PublishParticipatoryTextMutation,
  PublishParticipatoryTextMutationVariables,
  RejectAmendmentMutation,
  RejectAmendmentMutationVariables,
  SupportAmendmentMutation,
  SupportAmendmentMutationVariables,
  TextCommentsQuery,
  TextCommentsQueryVariables,
  UpdateAmendmentMutation,
  UpdateAmendmentMutationVariables,
  UpdateAmendmentSettingsMutation,
  UpdateAmendmentSettingsMutationVariables,
  VersionsQuery,
  VersionsQueryVariables,
  WithdrawAmendmentMutation,
  WithdrawAmendmentMutationVariables,
} from '../../../graphql/generated';

export type { AmendableType, AmendmentState } from '../../../graphql/generated';

export type TextArticle = ParticipatoryText['preamble'][number];
export type TextSection = ParticipatoryText['sections'][number];
export type ParticipatoryText = NonNullable<ParticipatoryTextQuery['participatoryText']>;
export type Amendment = AmendmentsQuery['amendments'][number];
export type ResourceVersion = VersionsQuery['versions'][number];

const ARTICLE_FIELDS = `id number sectionId body version pendingAmendmentsCount acceptedAmendmentsCount commentsCount`;
const TEXT_FIELDS = `
  componentId published publishedAt articlesCount viewerCanAnswer
  settings { amendmentsEnabled amendmentsVisibility }
  preamble { ${ARTICLE_FIELDS} }
  sections { id parentId level position title articles { ${ARTICLE_FIELDS} } }`;
const AMENDMENT_FIELDS = `
  id amendableType amendableId title body baseVersion currentVersion state outdated rejectionReason
  author { id name } answeredBy { id name } answeredAt supportsCount commentsCount promotedProposalId createdAt baseText currentText
  viewerIsAuthor viewerCanAnswer viewerSupports hidden viewerReported`;

export const PARTICIPATORY_TEXT_QUERY: TypedDocumentNode<
  ParticipatoryTextQuery,
  ParticipatoryTextQueryVariables
> = gql`
  query ParticipatoryText($componentId: ID!) {
    participatoryText(componentId: $componentId) { ${TEXT_FIELDS} }
  }
`;

export const PARTICIPATORY_TEXT_MARKDOWN_QUERY: TypedDocumentNode<
  ParticipatoryTextMarkdownQuery,
  ParticipatoryTextMarkdownQueryVariables
> = gql`
  query ParticipatoryTextMarkdown($componentId: ID!) {
    participatoryTextMarkdown(componentId: $componentId)
  }
`;

export const PARTICIPATORY_TEXT_SOURCE_QUERY: TypedDocumentNode<
  ParticipatoryTextSourceForImportQuery,
  ParticipatoryTextSourceForImportQueryVariables
> = gql`
  query ParticipatoryTextSourceForImport($componentId: ID!) {
    participatoryTextSource(componentId: $componentId)
  }
`;

export const IMPORT_PARTICIPATORY_TEXT_MUTATION: TypedDocumentNode<
  ImportParticipatoryTextMutation,
  ImportParticipatoryTextMutationVariables
> = gql`
  mutation ImportParticipatoryText($componentId: ID!, $markdown: String!) {
    importParticipatoryText(componentId: $componentId, markdown: $markdown) { ${TEXT_FIELDS} }
  }
`;

export const PUBLISH_PARTICIPATORY_TEXT_MUTATION: TypedDocumentNode<
  PublishParticipatoryTextMutation,
  PublishParticipatoryTextMutationVariables
> = gql`
  mutation PublishParticipatoryText($componentId: ID!) {
    publishParticipatoryText(componentId: $componentId) { ${TEXT_FIELDS} }
  }
`;

export const AMENDMENTS_QUERY: TypedDocumentNode<AmendmentsQuery, AmendmentsQueryVariables> = gql`
  query Amendments($amendableType: AmendableType!, $amendableId: ID!) {
    amendments(amendableType: $amendableType, amendableId: $amendableId) { ${AMENDMENT_FIELDS} }
  }
`;

export const VERSIONS_QUERY: TypedDocumentNode<VersionsQuery, VersionsQueryVariables> = gql`
  query Versions($resourceType: AmendableType!, $resourceId: ID!) {
    versions(resourceType: $resourceType, resourceId: $resourceId) {
      version
      text
      author {
        id
        name
      }
      amendmentId
      createdAt
    }
  }
`;

export const CREATE_AMENDMENT_MUTATION: TypedDocumentNode<
  CreateAmendmentMutation,
  CreateAmendmentMutationVariables
> = gql`
  mutation CreateAmendment($input: CreateAmendmentInput!) {
    createAmendment(input: $input) { ${AMENDMENT_FIELDS} }
  }
`;

export const UPDATE_AMENDMENT_MUTATION: TypedDocumentNode<
  UpdateAmendmentMutation,
  UpdateAmendmentMutationVariables
> = gql`
  mutation UpdateAmendment($id: ID!, $input: UpdateAmendmentInput!) {
    updateAmendment(id: $id, input: $input) { ${AMENDMENT_FIELDS} }
  }
`;

export const ACCEPT_AMENDMENT_MUTATION: TypedDocumentNode<
  AcceptAmendmentMutation,
  AcceptAmendmentMutationVariables
> = gql`
  mutation AcceptAmendment($id: ID!) {
    acceptAmendment(id: $id) { ${AMENDMENT_FIELDS} }
  }
`;

export const REJECT_AMENDMENT_MUTATION: TypedDocumentNode<
  RejectAmendmentMutation,
  RejectAmendmentMutationVariables
> = gql`
  mutation RejectAmendment($id: ID!, $reason: String!) {
    rejectAmendment(id: $id, reason: $reason) { ${AMENDMENT_FIELDS} }
  }
`;

export const WITHDRAW_AMENDMENT_MUTATION: TypedDocumentNode<
  WithdrawAmendmentMutation,
  WithdrawAmendmentMutationVariables
> = gql`
  mutation WithdrawAmendment($id: ID!) {
    withdrawAmendment(id: $id) { ${AMENDMENT_FIELDS} }
  }
`;

export const PROMOTE_AMENDMENT_MUTATION: TypedDocumentNode<
  PromoteAmendmentMutation,
  PromoteAmendmentMutationVariables
> = gql`
  mutation PromoteAmendment($id: ID!) {
    promoteAmendment(id: $id) { ${AMENDMENT_FIELDS} }
  }
`;

export const SUPPORT_AMENDMENT_MUTATION: TypedDocumentNode<
  SupportAmendmentMutation,
  SupportAmendmentMutationVariables
> = gql`
  mutation SupportAmendment($id: ID!) {
    supportAmendment(id: $id) { ${AMENDMENT_FIELDS} }
  }
`;

export type TextComment = TextCommentsQuery['comments'][number];

export const TEXT_COMMENTS_QUERY: TypedDocumentNode<TextCommentsQuery, TextCommentsQueryVariables> =
  gql`
    query TextComments($commentableType: CommentableType!, $commentableId: ID!) {
      comments(commentableType: $commentableType, commentableId: $commentableId) {
        id
        body
        authorName
        createdAt
        deleted
        hidden
        articleVersion
      }
    }
  `;

export const ADD_TEXT_COMMENT_MUTATION: TypedDocumentNode<
  AddTextCommentMutation,
  AddTextCommentMutationVariables
> = gql`
  mutation AddTextComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
      body
      authorName
      createdAt
      deleted
      hidden
      articleVersion
    }
  }
`;

export const UPDATE_AMENDMENT_SETTINGS_MUTATION: TypedDocumentNode<
  UpdateAmendmentSettingsMutation,
  UpdateAmendmentSettingsMutationVariables
> = gql`
  mutation UpdateAmendmentSettings($componentId: ID!, $input: AmendmentSettingsInput!) {
    updateAmendmentSettings(componentId: $componentId, input: $input) {
      amendmentsEnabled
      amendmentsVisibility
    }
  }
`;
