import { gql, type TypedDocumentNode } from '@apollo/client';
import {
  COMMENT_MAX_DEPTH,
  CommentAlignment,
  CommentLimits,
  ProposalLimits,
  ProposalOrder,
  ProposalState,
} from '@concerto/domain';
import type {
  ProposalFilterInput,
  AddCommentMutation,
  AddCommentMutationVariables,
  AnswerProposalMutation,
  AnswerProposalMutationVariables,
  CommentsQuery,
  CommentsQueryVariables,
  CreateProposalMutation,
  CreateProposalMutationVariables,
  DeleteCommentMutation,
  DeleteCommentMutationVariables,
  DisagreeWithProposalMutation,
  DisagreeWithProposalMutationVariables,
  DismissReportsMutation,
  DismissReportsMutationVariables,
  HideContentMutation,
  HideContentMutationVariables,
  ModerationQueueQuery,
  ModerationQueueQueryVariables,
  ProposalComponentQuery,
  ProposalComponentQueryVariables,
  ProposalQuery,
  ProposalQueryVariables,
  ProposalSupportersQuery,
  ProposalSupportersQueryVariables,
  ProposalsQuery,
  ProposalsQueryVariables,
  PublishProposalAnswerMutation,
  PublishProposalAnswerMutationVariables,
  SupportProposalMutation,
  SupportProposalMutationVariables,
  UnhideContentMutation,
  UnhideContentMutationVariables,
  UnsupportProposalMutation,
  UnsupportProposalMutationVariables,
  UpdateCommentMutation,
  UpdateCommentMutationVariables,
  UpdateProposalMutation,
  UpdateProposalMutationVariables,
  UpdateProposalSettingsMutation,
  UpdateProposalSettingsMutationVariables,
  WithdrawProposalDisagreementMutation,
  WithdrawProposalDisagreementMutationVariables,
  WithdrawProposalMutation,
  WithdrawProposalMutationVariables,
} from '../../../graphql/generated';

/** Title and body limits of a proposal, as the API checks them (`@concerto/domain`). */
export { ProposalLimits };
/** Longest comment body the API accepts (characters of text). */
export const COMMENT_BODY_MAX = CommentLimits.bodyMax;
/** Longest report details the API accepts. */
/** Replies nest up to three levels: depth 0, 1 and 2. */
export { COMMENT_MAX_DEPTH };

export type { CommentAlignment, ProposalOrder, ProposalState };
export type { ProposalReaction, SupportsState } from '../../../graphql/generated';

export const PROPOSAL_STATES: readonly ProposalState[] = Object.values(ProposalState);
export const PROPOSAL_ORDERS: readonly ProposalOrder[] = Object.values(ProposalOrder);
export const COMMENT_ALIGNMENTS: readonly CommentAlignment[] = Object.values(CommentAlignment);

/** A proposal as a list card shows it (`body`: sanitised HTML: p, br, strong, em, ul, ol, li, a). */
export type ProposalSummary = ProposalsQuery['proposals']['edges'][number]['node'];
export type ProposalFilter = ProposalFilterInput;
export type ProposalPage = ProposalsQuery['proposals'];
export type ProposalsVariables = ProposalsQueryVariables;
/** A PROPOSALS component's settings and the caller's standing (supports left, moderator or not). */
export type ProposalComponentStatus = ProposalComponentQuery['proposalComponent'];
export type ProposalSettings = ProposalComponentStatus['settings'];
/** A proposal as its own page shows it; `origin`: a petition that became it. */
export type ProposalDetail = ProposalQuery['proposal'];
export type Supporter = ProposalSupportersQuery['proposalSupporters'][number];
/** A comment of a thread (body: sanitised HTML, empty when deleted or hidden) and its replies. */
export type Comment = Omit<CommentsQuery['comments'][number], 'replies'> & { replies?: Comment[] };
export type ModerationQueueItem = ModerationQueueQuery['moderationQueue'][number];

const PROPOSAL_SUMMARY_FIELDS = `
  id
  reference
  title
  body
  state
  official
  author {
    id
    name
  }
  supportsCount
  disagreementsCount
  threshold
  commentsCount
  hidden
`;

/** A page of proposals in one order; RANDOM pages follow `seed` (kept for the session), others ignore it. */
export const PROPOSALS_QUERY: TypedDocumentNode<ProposalsQuery, ProposalsQueryVariables> = gql`
  query Proposals($componentId: ID!, $order: ProposalOrder, $seed: String, $first: Int, $after: String, $filter: ProposalFilterInput) {
    proposals(componentId: $componentId, order: $order, seed: $seed, first: $first, after: $after, filter: $filter) {
      totalCount
      seed
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ${PROPOSAL_SUMMARY_FIELDS}
        }
      }
    }
  }
`;

const SETTINGS_FIELDS = `
  supportsState
  supportLimit
  minimumSupportsPerUser
  threshold
  canAccumulateSupportsBeyondThreshold
  creationEnabled
  disagreementsEnabled
  hideThreshold
  commentsEnabled
`;

/** A PROPOSALS component's settings and the caller's standing (supports left, moderator or not). */
export const PROPOSAL_COMPONENT_QUERY: TypedDocumentNode<
  ProposalComponentQuery,
  ProposalComponentQueryVariables
> = gql`
  query ProposalComponent($componentId: ID!) {
    proposalComponent(componentId: $componentId) {
      componentId
      settings {
        ${SETTINGS_FIELDS}
      }
      viewerSupportsGiven
      viewerSupportsRemaining
      viewerCanModerate
    }
  }
`;

const PROPOSAL_DETAIL_FIELDS = `
  ${PROPOSAL_SUMMARY_FIELDS}
  componentId
  answer
  answerPublished
  answeredAt
  internalState
  publishedAt
  withdrawnAt
  followsCount
  viewerCanEdit
  viewerFollows
  viewerReported
  viewerSupports
  viewerReaction
  origin { type id title link }
`;

export const PROPOSAL_QUERY: TypedDocumentNode<ProposalQuery, ProposalQueryVariables> = gql`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const PROPOSAL_SUPPORTERS_QUERY: TypedDocumentNode<
  ProposalSupportersQuery,
  ProposalSupportersQueryVariables
> = gql`
  query ProposalSupporters($proposalId: ID!) {
    proposalSupporters(proposalId: $proposalId) {
      userId
      name
      supportedAt
      counted
    }
  }
`;

export const CREATE_PROPOSAL_MUTATION: TypedDocumentNode<
  CreateProposalMutation,
  CreateProposalMutationVariables
> = gql`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const UPDATE_PROPOSAL_MUTATION: TypedDocumentNode<
  UpdateProposalMutation,
  UpdateProposalMutationVariables
> = gql`
  mutation UpdateProposal($id: ID!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, input: $input) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const WITHDRAW_PROPOSAL_MUTATION: TypedDocumentNode<
  WithdrawProposalMutation,
  WithdrawProposalMutationVariables
> = gql`
  mutation WithdrawProposal($id: ID!) {
    withdrawProposal(id: $id) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const SUPPORT_PROPOSAL_MUTATION: TypedDocumentNode<
  SupportProposalMutation,
  SupportProposalMutationVariables
> = gql`
  mutation SupportProposal($proposalId: ID!) {
    supportProposal(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const UNSUPPORT_PROPOSAL_MUTATION: TypedDocumentNode<
  UnsupportProposalMutation,
  UnsupportProposalMutationVariables
> = gql`
  mutation UnsupportProposal($proposalId: ID!) {
    unsupportProposal(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const DISAGREE_PROPOSAL_MUTATION: TypedDocumentNode<
  DisagreeWithProposalMutation,
  DisagreeWithProposalMutationVariables
> = gql`
  mutation DisagreeWithProposal($proposalId: ID!) {
    disagreeWithProposal(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const WITHDRAW_DISAGREEMENT_MUTATION: TypedDocumentNode<
  WithdrawProposalDisagreementMutation,
  WithdrawProposalDisagreementMutationVariables
> = gql`
  mutation WithdrawProposalDisagreement($proposalId: ID!) {
    withdrawProposalDisagreement(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const ANSWER_PROPOSAL_MUTATION: TypedDocumentNode<
  AnswerProposalMutation,
  AnswerProposalMutationVariables
> = gql`
  mutation AnswerProposal($input: AnswerProposalInput!) {
    answerProposal(input: $input) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const PUBLISH_PROPOSAL_ANSWER_MUTATION: TypedDocumentNode<
  PublishProposalAnswerMutation,
  PublishProposalAnswerMutationVariables
> = gql`
  mutation PublishProposalAnswer($id: ID!) {
    publishProposalAnswer(id: $id) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const UPDATE_PROPOSAL_SETTINGS_MUTATION: TypedDocumentNode<
  UpdateProposalSettingsMutation,
  UpdateProposalSettingsMutationVariables
> = gql`
  mutation UpdateProposalSettings($componentId: ID!, $input: ProposalSettingsInput!) {
    updateProposalSettings(componentId: $componentId, input: $input) {
      ${SETTINGS_FIELDS}
    }
  }
`;

const COMMENT_FIELDS = `
  id
  parentId
  depth
  alignment
  authorId
  authorName
  body
  createdAt
  editedAt
  deleted
  hidden
  viewerIsAuthor
  viewerReported
`;

/** Comment threads of a proposal: three levels (replies of replies). */
export const COMMENTS_QUERY: TypedDocumentNode<CommentsQuery, CommentsQueryVariables> = gql`
  query Comments($commentableType: CommentableType!, $commentableId: ID!) {
    comments(commentableType: $commentableType, commentableId: $commentableId) {
      ${COMMENT_FIELDS}
      replies {
        ${COMMENT_FIELDS}
        replies {
          ${COMMENT_FIELDS}
        }
      }
    }
  }
`;

export const ADD_COMMENT_MUTATION: TypedDocumentNode<
  AddCommentMutation,
  AddCommentMutationVariables
> = gql`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`;

export const UPDATE_COMMENT_MUTATION: TypedDocumentNode<
  UpdateCommentMutation,
  UpdateCommentMutationVariables
> = gql`
  mutation UpdateComment($id: ID!, $body: String!) {
    updateComment(id: $id, body: $body) {
      id
      body
      editedAt
    }
  }
`;

export const DELETE_COMMENT_MUTATION: TypedDocumentNode<
  DeleteCommentMutation,
  DeleteCommentMutationVariables
> = gql`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id)
  }
`;

export const HIDE_CONTENT_MUTATION: TypedDocumentNode<
  HideContentMutation,
  HideContentMutationVariables
> = gql`
  mutation HideContent($resourceType: ReportableType!, $resourceId: ID!) {
    hideContent(resourceType: $resourceType, resourceId: $resourceId) {
      resourceType
      resourceId
      reportCount
      hidden
    }
  }
`;

export const UNHIDE_CONTENT_MUTATION: TypedDocumentNode<
  UnhideContentMutation,
  UnhideContentMutationVariables
> = gql`
  mutation UnhideContent($resourceType: ReportableType!, $resourceId: ID!) {
    unhideContent(resourceType: $resourceType, resourceId: $resourceId) {
      resourceType
      resourceId
      reportCount
      hidden
    }
  }
`;

/** Dismisses the open reports of a resource and keeps it (shown again if hidden): moderators. */
export const DISMISS_REPORTS_MUTATION: TypedDocumentNode<
  DismissReportsMutation,
  DismissReportsMutationVariables
> = gql`
  mutation DismissReports($resourceType: ReportableType!, $resourceId: ID!) {
    dismissReports(resourceType: $resourceType, resourceId: $resourceId) {
      resourceType
      resourceId
      reportCount
      hidden
    }
  }
`;

export const MODERATION_QUEUE_QUERY: TypedDocumentNode<
  ModerationQueueQuery,
  ModerationQueueQueryVariables
> = gql`
  query ModerationQueue($componentId: ID!) {
    moderationQueue(componentId: $componentId) {
      resourceType
      resourceId
      proposalId
      title
      reportCount
      reasons
      reports {
        reason
        details
        reportedAt
      }
      hidden
      hiddenByBlock
      link
      unanswered
      since
    }
  }
`;
