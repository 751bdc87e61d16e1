import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  BallotChoice,
  MajorityJudgmentResult as DomainMajorityJudgmentResult,
  OptionCountResult as DomainOptionCountResult,
  SchulzeResult as DomainSchulzeResult,
} from '@concerto/domain';
import type {
  BallotsQuery,
  BallotsQueryVariables,
  BallotQuery,
  BallotQueryVariables,
  CheckBallotReceiptQuery,
  CheckBallotReceiptQueryVariables,
  CastBallotMutation,
  CastBallotMutationVariables,
  CreateBallotMutation,
  CreateBallotMutationVariables,
  UpdateBallotMutation,
  UpdateBallotMutationVariables,
  BallotAdminSpaceQuery,
  BallotAdminSpaceQueryVariables,
  BallotAnswerInput as GeneratedBallotAnswerInput,
} from '../../../graphql/generated';
import type { TypedJson } from '../../../graphql/json';

/** The JSON shapes of a ballot's choices and results, as the API's counting writes them. */
export type { BallotChoice, TieBreak } from '@concerto/domain';
/** SINGLE / MULTIPLE counts of one question. */
export type OptionCountResult = DomainOptionCountResult & { questionId: string };
/** RANKED (Schulze) counts of one question. */
export type SchulzeResult = DomainSchulzeResult & { questionId: string };
/** MAJORITY_JUDGMENT counts of one question. */
export type MajorityJudgmentResult = DomainMajorityJudgmentResult & { questionId: string };
/** One entry of a ballot's `results`. */
export type QuestionResult = OptionCountResult | SchulzeResult | MajorityJudgmentResult;

/**
 * What the ballot documents' JSON fields hold (`results`, `viewerChoices`, a receipt's `choices`):
 * the results per question (null until they may be shown) and the choices by question id.
 */
export interface BallotJson {
  results: QuestionResult[] | null;
  viewerChoices: Record<string, BallotChoice> | null;
  choices: Record<string, BallotChoice> | null;
}

/** A votation as every ballot document returns it, its JSON fields typed. */
export type Ballot = TypedJson<BallotsQuery['ballots'][number], BallotJson>;
export type BallotQuestion = Ballot['questions'][number];
export type BallotOption = BallotQuestion['options'][number];
export type BallotCensus = Ballot['census'];
export type BallotTurnout = Ballot['turnout'];

const BALLOT_FIELDS = `
  id componentId spaceId title explanation opensAt closesAt status readAt secret receiptsEnabled isDemo
  census { kind assemblySpaceId weighted emailsCount invitationsSent invitationsFailing frozenVoters frozenWeight }
  questions { id position title method minChoices maxChoices options { id title description imageAlt } }
  turnout { voters votersWeight percent }
  results resultsFrozen viewerHasVoted viewerCanVote viewerInCensus viewerChoices viewerCanEdit`;

export const BALLOTS_QUERY: TypedDocumentNode<
  TypedJson<BallotsQuery, BallotJson>,
  BallotsQueryVariables
> = gql`
  query Ballots($componentId: ID!) {
    ballots(componentId: $componentId) { ${BALLOT_FIELDS} }
  }
`;

export const BALLOT_QUERY: TypedDocumentNode<
  TypedJson<BallotQuery, BallotJson>,
  BallotQueryVariables
> = gql`
  query Ballot($id: ID!) {
    ballot(id: $id) { ${BALLOT_FIELDS} }
  }
`;

export const CHECK_BALLOT_RECEIPT_QUERY: TypedDocumentNode<
  TypedJson<CheckBallotReceiptQuery, BallotJson>,
  CheckBallotReceiptQueryVariables
> = gql`
  query CheckBallotReceipt($ballotId: ID!, $code: String!) {
    checkBallotReceipt(ballotId: $ballotId, code: $code) {
      found
      choices
    }
  }
`;

/** A voter's answer to one question (`choice`: a {@link BallotChoice}). */
export type BallotAnswerInput = Omit<GeneratedBallotAnswerInput, 'choice'> & {
  choice: BallotChoice;
};

export const CAST_BALLOT_MUTATION: TypedDocumentNode<
  TypedJson<CastBallotMutation, BallotJson>,
  CastBallotMutationVariables
> = gql`
  mutation CastBallot($ballotId: ID!, $answers: [BallotAnswerInput!]!) {
    castBallot(ballotId: $ballotId, answers: $answers) { receiptCode ballot { ${BALLOT_FIELDS} } }
  }
`;

export type {
  BallotFieldsInput,
  BallotQuestionInput,
  BallotCensusInput,
} from '../../../graphql/generated';

export const CREATE_BALLOT_MUTATION: TypedDocumentNode<
  TypedJson<CreateBallotMutation, BallotJson>,
  CreateBallotMutationVariables
> = gql`
  mutation CreateBallot($input: CreateBallotInput!) {
    createBallot(input: $input) { ${BALLOT_FIELDS} }
  }
`;

export const UPDATE_BALLOT_MUTATION: TypedDocumentNode<
  TypedJson<UpdateBallotMutation, BallotJson>,
  UpdateBallotMutationVariables
> = gql`
  mutation UpdateBallot($id: ID!, $input: BallotFieldsInput!) {
    updateBallot(id: $id, input: $input) { ${BALLOT_FIELDS} }
  }
`;

/** The Assemblées an admin can pick as a census (ASSEMBLY_MEMBERS). */
export const BALLOT_ADMIN_SPACE_QUERY: TypedDocumentNode<
  BallotAdminSpaceQuery,
  BallotAdminSpaceQueryVariables
> = gql`
  query BallotAdminSpace($slug: String!) {
    space(slug: $slug) {
      id
      slug
      title
      viewerCanAdminister
    }
    spaces(type: ASSEMBLY) {
      id
      title
    }
  }
`;
