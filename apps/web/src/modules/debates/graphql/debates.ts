import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AddDebateStatementMutation,
  AddDebateStatementMutationVariables,
  CloseDebateMutation,
  CloseDebateMutationVariables,
  CreateDebateMutation,
  CreateDebateMutationVariables,
  DebateAnalysisQuery,
  DebateAnalysisQueryVariables,
  DebateNextStatementQuery,
  DebateNextStatementQueryVariables,
  DebateQuery,
  DebateQueryVariables,
  DebatesAdminSpaceQuery,
  DebatesAdminSpaceQueryVariables,
  DebatesQuery,
  DebatesQueryVariables,
  ModerateDebateStatementMutation,
  ModerateDebateStatementMutationVariables,
  MyDebateStatementsQuery,
  MyDebateStatementsQueryVariables,
  PendingDebateStatementsQuery,
  PendingDebateStatementsQueryVariables,
  VoteDebateStatementMutation,
  VoteDebateStatementMutationVariables,
} from '../../../graphql/generated';

export type Debate = DebatesQuery['debates'][number];
export type DebateStatement = PendingDebateStatementsQuery['debateStatements'][number];
export type DebatePoint = DebateGroup['centroid'];
export type DebateRepresentative = DebateGroup['representatives'][number];
export type DebateGroup = DebateAnalysis['groups'][number];
export type DebateStatementResult = DebateAnalysis['statements'][number];
export type DebateAnalysis = NonNullable<DebateAnalysisQuery['debateAnalysis']>;

const DEBATE_FIELDS = `id componentId spaceId link title description closedAt statementsCount participantsCount isDemo participantStatements statementsModerated viewerVotesCount viewerCanModerate`;
const STATEMENT_FIELDS = `id body state hidden votesCount viewerIsAuthor viewerVote`;
const RESULT_FIELDS = `statementId body agree disagree pass consensus divisiveness groups { groupId agree disagree seen }`;

export const DEBATES_QUERY: TypedDocumentNode<DebatesQuery, DebatesQueryVariables> = gql`
  query Debates($componentId: ID!) {
    debates(componentId: $componentId) { ${DEBATE_FIELDS} }
  }
`;

export const DEBATE_QUERY: TypedDocumentNode<DebateQuery, DebateQueryVariables> = gql`
  query Debate($id: ID!) {
    debate(id: $id) { ${DEBATE_FIELDS} }
  }
`;

export const DEBATE_NEXT_STATEMENT_QUERY: TypedDocumentNode<
  DebateNextStatementQuery,
  DebateNextStatementQueryVariables
> = gql`
  query DebateNextStatement($debateId: ID!) {
    debateNextStatement(debateId: $debateId) { ${STATEMENT_FIELDS} viewerReported }
  }
`;

export const MY_DEBATE_STATEMENTS_QUERY: TypedDocumentNode<
  MyDebateStatementsQuery,
  MyDebateStatementsQueryVariables
> = gql`
  query MyDebateStatements($debateId: ID!) {
    debateStatements(debateId: $debateId, filter: MINE) { ${STATEMENT_FIELDS} }
  }
`;

export const DEBATE_ANALYSIS_QUERY: TypedDocumentNode<
  DebateAnalysisQuery,
  DebateAnalysisQueryVariables
> = gql`
  query DebateAnalysis($debateId: ID!) {
    debateAnalysis(debateId: $debateId) {
      computedAt participantCount clusteredCount voteCount
      groups { id label size centroid { x y } points { x y } representatives { statementId body repfulFor share successes trials significant } }
      ungrouped { x y }
      consensus { ${RESULT_FIELDS} }
      divisive { ${RESULT_FIELDS} }
      statements { ${RESULT_FIELDS} }
      viewerPosition { x y groupId }
    }
  }
`;

export const VOTE_DEBATE_STATEMENT_MUTATION: TypedDocumentNode<
  VoteDebateStatementMutation,
  VoteDebateStatementMutationVariables
> = gql`
  mutation VoteDebateStatement($statementId: ID!, $choice: DebateVoteChoice!) {
    voteDebateStatement(input: { statementId: $statementId, choice: $choice }) { ${STATEMENT_FIELDS} }
  }
`;

export const ADD_DEBATE_STATEMENT_MUTATION: TypedDocumentNode<
  AddDebateStatementMutation,
  AddDebateStatementMutationVariables
> = gql`
  mutation AddDebateStatement($debateId: ID!, $body: String!) {
    addDebateStatement(input: { debateId: $debateId, body: $body }) { ${STATEMENT_FIELDS} }
  }
`;

export const DEBATES_ADMIN_SPACE_QUERY: TypedDocumentNode<
  DebatesAdminSpaceQuery,
  DebatesAdminSpaceQueryVariables
> = gql`
  query DebatesAdminSpace($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      viewerCanAdminister
    }
  }
`;

export const PENDING_DEBATE_STATEMENTS_QUERY: TypedDocumentNode<
  PendingDebateStatementsQuery,
  PendingDebateStatementsQueryVariables
> = gql`
  query PendingDebateStatements($debateId: ID!) {
    debateStatements(debateId: $debateId, filter: PENDING) { ${STATEMENT_FIELDS} }
  }
`;

export const CREATE_DEBATE_MUTATION: TypedDocumentNode<
  CreateDebateMutation,
  CreateDebateMutationVariables
> = gql`
  mutation CreateDebate($componentId: ID!, $title: String!, $description: String) {
    createDebate(input: { componentId: $componentId, title: $title, description: $description }) { ${DEBATE_FIELDS} }
  }
`;

export const CLOSE_DEBATE_MUTATION: TypedDocumentNode<
  CloseDebateMutation,
  CloseDebateMutationVariables
> = gql`
  mutation CloseDebate($id: ID!, $closed: Boolean!) {
    updateDebate(id: $id, input: { closed: $closed }) { ${DEBATE_FIELDS} }
  }
`;

export const MODERATE_DEBATE_STATEMENT_MUTATION: TypedDocumentNode<
  ModerateDebateStatementMutation,
  ModerateDebateStatementMutationVariables
> = gql`
  mutation ModerateDebateStatement($id: ID!, $publish: Boolean!) {
    moderateDebateStatement(id: $id, publish: $publish) { ${STATEMENT_FIELDS} }
  }
`;
