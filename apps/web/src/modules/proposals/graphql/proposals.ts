import { gql, type TypedDocumentNode } from '@apollo/client';

/** Title and body limits of a proposal, as the API checks them (`CreateProposalInput`). */
export const ProposalLimits = { titleMin: 15, titleMax: 150, bodyMax: 3000 } as const;
/** Longest comment body the API accepts (characters of text). */
export const COMMENT_BODY_MAX = 5000;
/** Longest report details the API accepts. */
export const REPORT_DETAILS_MAX = 1000;
/** Replies nest up to three levels: depth 0, 1 and 2. */
export const COMMENT_MAX_DEPTH = 2;

export type ProposalState = 'NOT_ANSWERED' | 'EVALUATING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';
export type ProposalOrder =
  | 'RANDOM'
  | 'RECENT'
  | 'MOST_SUPPORTED'
  | 'MOST_COMMENTED'
  | 'MOST_FOLLOWED'
  | 'CONSENSUS';
/** The caller's reaction to a proposal: a support or a « pas d'accord » (exclusive). */
export type ProposalReaction = 'SUPPORT' | 'DISAGREE';
export type SupportsState = 'ENABLED' | 'BLOCKED' | 'HIDDEN';
export type CommentAlignment = 'FOR' | 'AGAINST' | 'NEUTRAL';
export type ReportReason = 'SPAM' | 'OFFENSIVE' | 'DOES_NOT_BELONG';
export type ReportableType = 'PROPOSAL' | 'COMMENT';

export const PROPOSAL_STATES: readonly ProposalState[] = [
  'NOT_ANSWERED',
  'EVALUATING',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
];
export const PROPOSAL_ORDERS: readonly ProposalOrder[] = [
  'RANDOM',
  'RECENT',
  'MOST_SUPPORTED',
  'MOST_COMMENTED',
  'MOST_FOLLOWED',
  'CONSENSUS',
];
export const REPORT_REASONS: readonly ReportReason[] = ['SPAM', 'OFFENSIVE', 'DOES_NOT_BELONG'];
export const COMMENT_ALIGNMENTS: readonly CommentAlignment[] = ['FOR', 'AGAINST', 'NEUTRAL'];

/** A proposal as a list card shows it. */
export interface ProposalSummary {
  id: string;
  reference: string | null;
  title: string;
  /** Sanitised HTML (p, br, strong, em, ul, ol, li, a). */
  body: string;
  state: ProposalState;
  official: boolean;
  author: { id: string; name: string } | null;
  supportsCount: number | null;
  /** « Pas d'accord » count; null unless the component enables it. */
  disagreementsCount: number | null;
  threshold: number;
  commentsCount: number;
  hidden: boolean;
}

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

export interface ProposalFilter {
  states?: ProposalState[] | null;
  search?: string | null;
  mine?: boolean | null;
  supportedByMe?: boolean | null;
  includeWithdrawn?: boolean | null;
}

export interface ProposalPage {
  totalCount: number;
  seed: string | null;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: Array<{ cursor: string; node: ProposalSummary }>;
}

export interface ProposalsVariables {
  componentId: string;
  order: ProposalOrder;
  seed: string | null;
  first: number;
  filter: ProposalFilter;
  after?: string | null;
}

/** A page of proposals in one order; RANDOM pages follow `seed` (kept for the session), others ignore it. */
export const PROPOSALS_QUERY: TypedDocumentNode<{ proposals: ProposalPage }, ProposalsVariables> =
  gql`
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

export interface ProposalSettings {
  supportsState: SupportsState;
  supportLimit: number;
  minimumSupportsPerUser: number;
  threshold: number;
  canAccumulateSupportsBeyondThreshold: boolean;
  creationEnabled: boolean;
  /** « Pas d'accord » and the CONSENSUS order. */
  disagreementsEnabled: boolean;
  hideThreshold: number;
  commentsEnabled: boolean;
}

export interface ProposalComponentStatus {
  componentId: string;
  settings: ProposalSettings;
  viewerSupportsGiven: number;
  viewerSupportsRemaining: number | null;
  viewerCanModerate: boolean;
}

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
  { proposalComponent: ProposalComponentStatus },
  { componentId: string }
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

/** A proposal as its own page shows it. */
export interface ProposalDetail extends ProposalSummary {
  componentId: string;
  answer: string | null;
  answerPublished: boolean;
  answeredAt: string | null;
  internalState: ProposalState | null;
  publishedAt: string;
  withdrawnAt: string | null;
  followsCount: number;
  viewerCanEdit: boolean;
  viewerFollows: boolean;
  viewerReported: boolean;
  viewerSupports: boolean;
  /** SUPPORT, DISAGREE or null. */
  viewerReaction: ProposalReaction | null;
  /** What it comes from: a petition that became this proposal (« Issue de la pétition … »). */
  origin: { type: 'PETITION'; id: string; title: string; link: string } | null;
}

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

export const PROPOSAL_QUERY: TypedDocumentNode<{ proposal: ProposalDetail }, { id: string }> = gql`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export interface Supporter {
  userId: string;
  name: string;
  supportedAt: string;
  counted: boolean;
}

export const PROPOSAL_SUPPORTERS_QUERY: TypedDocumentNode<
  { proposalSupporters: Supporter[] },
  { proposalId: string }
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
  { createProposal: ProposalDetail },
  { input: { componentId: string; title: string; body: string } }
> = gql`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const UPDATE_PROPOSAL_MUTATION: TypedDocumentNode<
  { updateProposal: ProposalDetail },
  { id: string; input: { title?: string; body?: string } }
> = gql`
  mutation UpdateProposal($id: ID!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, input: $input) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const WITHDRAW_PROPOSAL_MUTATION: TypedDocumentNode<
  { withdrawProposal: ProposalDetail },
  { id: string }
> = gql`
  mutation WithdrawProposal($id: ID!) {
    withdrawProposal(id: $id) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const SUPPORT_PROPOSAL_MUTATION: TypedDocumentNode<
  { supportProposal: ProposalDetail },
  { proposalId: string }
> = gql`
  mutation SupportProposal($proposalId: ID!) {
    supportProposal(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const UNSUPPORT_PROPOSAL_MUTATION: TypedDocumentNode<
  { unsupportProposal: ProposalDetail },
  { proposalId: string }
> = gql`
  mutation UnsupportProposal($proposalId: ID!) {
    unsupportProposal(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const DISAGREE_PROPOSAL_MUTATION: TypedDocumentNode<
  { disagreeWithProposal: ProposalDetail },
  { proposalId: string }
> = gql`
  mutation DisagreeWithProposal($proposalId: ID!) {
    disagreeWithProposal(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const WITHDRAW_DISAGREEMENT_MUTATION: TypedDocumentNode<
  { withdrawProposalDisagreement: ProposalDetail },
  { proposalId: string }
> = gql`
  mutation WithdrawProposalDisagreement($proposalId: ID!) {
    withdrawProposalDisagreement(proposalId: $proposalId) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export interface AnswerProposalInput {
  proposalId: string;
  state: ProposalState;
  answer: string | null;
  publish: boolean;
}

export const ANSWER_PROPOSAL_MUTATION: TypedDocumentNode<
  { answerProposal: ProposalDetail },
  { input: AnswerProposalInput }
> = gql`
  mutation AnswerProposal($input: AnswerProposalInput!) {
    answerProposal(input: $input) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const PUBLISH_PROPOSAL_ANSWER_MUTATION: TypedDocumentNode<
  { publishProposalAnswer: ProposalDetail },
  { id: string }
> = gql`
  mutation PublishProposalAnswer($id: ID!) {
    publishProposalAnswer(id: $id) {
      ${PROPOSAL_DETAIL_FIELDS}
    }
  }
`;

export const UPDATE_PROPOSAL_SETTINGS_MUTATION: TypedDocumentNode<
  { updateProposalSettings: ProposalSettings },
  { componentId: string; input: Partial<ProposalSettings> }
> = gql`
  mutation UpdateProposalSettings($componentId: ID!, $input: ProposalSettingsInput!) {
    updateProposalSettings(componentId: $componentId, input: $input) {
      ${SETTINGS_FIELDS}
    }
  }
`;

export interface Comment {
  id: string;
  parentId: string | null;
  depth: number;
  alignment: CommentAlignment;
  authorId: string | null;
  authorName: string | null;
  /** Sanitised HTML; empty when deleted or hidden. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: boolean;
  viewerIsAuthor: boolean;
  viewerReported: boolean;
  replies: Comment[];
}

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
export const COMMENTS_QUERY: TypedDocumentNode<
  { comments: Comment[] },
  { commentableType: 'PROPOSAL'; commentableId: string }
> = gql`
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

export interface AddCommentInput {
  commentableType: 'PROPOSAL';
  commentableId: string;
  body: string;
  alignment: CommentAlignment;
  parentId: string | null;
}

export const ADD_COMMENT_MUTATION: TypedDocumentNode<
  { addComment: Pick<Comment, 'id'> },
  { input: AddCommentInput }
> = gql`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`;

export const UPDATE_COMMENT_MUTATION: TypedDocumentNode<
  { updateComment: Pick<Comment, 'id' | 'body' | 'editedAt'> },
  { id: string; body: string }
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
  { deleteComment: boolean },
  { id: string }
> = gql`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id)
  }
`;

export interface ModerationStatus {
  resourceType: ReportableType;
  resourceId: string;
  reportCount: number;
  hidden: boolean;
}

export const REPORT_CONTENT_MUTATION: TypedDocumentNode<
  { reportContent: ModerationStatus },
  {
    input: {
      resourceType: ReportableType;
      resourceId: string;
      reason: ReportReason;
      details: string | null;
    };
  }
> = gql`
  mutation ReportContent($input: ReportContentInput!) {
    reportContent(input: $input) {
      resourceType
      resourceId
      reportCount
      hidden
    }
  }
`;

export const HIDE_CONTENT_MUTATION: TypedDocumentNode<
  { hideContent: ModerationStatus },
  { resourceType: ReportableType; resourceId: string }
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
  { unhideContent: ModerationStatus },
  { resourceType: ReportableType; resourceId: string }
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

export interface ModerationQueueItem {
  resourceType: ReportableType;
  resourceId: string;
  proposalId: string | null;
  title: string;
  reportCount: number;
  reasons: ReportReason[];
  hidden: boolean;
  unanswered: boolean;
  since: string;
}

export const MODERATION_QUEUE_QUERY: TypedDocumentNode<
  { moderationQueue: ModerationQueueItem[] },
  { componentId: string }
> = gql`
  query ModerationQueue($componentId: ID!) {
    moderationQueue(componentId: $componentId) {
      resourceType
      resourceId
      proposalId
      title
      reportCount
      reasons
      hidden
      unanswered
      since
    }
  }
`;
