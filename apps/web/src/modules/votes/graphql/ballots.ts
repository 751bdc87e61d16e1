import { gql, type TypedDocumentNode } from '@apollo/client';
import type { BallotMethod, BallotStatus, CensusKind, Grade } from '@concerto/domain';

export interface BallotOption {
  id: string;
  title: string;
  description: string;
  imageAlt: string | null;
}
export interface BallotQuestion {
  id: string;
  position: number;
  title: string;
  method: BallotMethod;
  minChoices: number;
  maxChoices: number;
  options: BallotOption[];
}
export interface BallotCensus {
  kind: CensusKind;
  assemblySpaceId: string | null;
  weighted: boolean;
  emailsCount: number | null;
  invitationsSent?: number | null;
  invitationsFailing?: number | null;
  frozenVoters: number | null;
  frozenWeight: number | null;
}
export interface BallotTurnout {
  voters: number;
  votersWeight: number;
  percent: number | null;
}

/** A voter's answer to one question, as the API takes it (`BallotAnswerInput.choice`). */
export type BallotChoice =
  | { optionIds: string[] }
  | { ranking: string[] }
  | { grades: Record<string, Grade> };

/** SINGLE / MULTIPLE counts (API `counting/plurality.ts`). */
export interface OptionCountResult {
  questionId: string;
  method: 'SINGLE' | 'MULTIPLE';
  ballots: number;
  totalWeight: number;
  counts: Record<string, number>;
  ranking: string[][];
  winners: string[];
}
/** RANKED counts (API `counting/schulze.ts`). */
export interface SchulzeResult {
  questionId: string;
  method: 'RANKED';
  ballots: number;
  totalWeight: number;
  optionIds: string[];
  pairwise: number[][];
  strongestPaths: number[][];
  condorcetWinner: string | null;
  ranking: string[][];
  winners: string[];
}
export interface TieBreak {
  higher: string;
  lower: string;
  majorityGrade: Grade;
  removed: number;
  higherGrade: Grade;
  lowerGrade: Grade;
}
/** MAJORITY_JUDGMENT counts (API `counting/majority-judgment.ts`). */
export interface MajorityJudgmentResult {
  questionId: string;
  method: 'MAJORITY_JUDGMENT';
  ballots: number;
  totalWeight: number;
  optionIds: string[];
  grades: Grade[];
  profiles: Record<string, number[]>;
  majorityGrades: Record<string, Grade | null>;
  gauges: Record<string, { better: number; worse: number }>;
  ranking: string[][];
  winners: string[];
  tieBreaks: TieBreak[];
}
export type QuestionResult = OptionCountResult | SchulzeResult | MajorityJudgmentResult;

export interface Ballot {
  id: string;
  componentId: string;
  spaceId: string;
  title: string;
  explanation: string;
  opensAt: string;
  closesAt: string;
  status: BallotStatus;
  readAt: string;
  secret: boolean;
  receiptsEnabled: boolean;
  isDemo: boolean;
  census: BallotCensus;
  questions: BallotQuestion[];
  turnout: BallotTurnout;
  results: QuestionResult[] | null;
  resultsFrozen: boolean;
  viewerHasVoted: boolean;
  viewerCanVote: boolean;
  viewerInCensus: boolean;
  viewerChoices: Record<string, BallotChoice> | null;
  viewerCanEdit: boolean;
}

const BALLOT_FIELDS = `
  id componentId spaceId title explanation opensAt closesAt status readAt secret receiptsEnabled isDemo
  census { kind assemblySpaceId weighted emailsCount invitationsSent invitationsFailing frozenVoters frozenWeight }
  questions { id position title method minChoices maxChoices options { id title description imageAlt } }
  turnout { voters votersWeight percent }
  results resultsFrozen viewerHasVoted viewerCanVote viewerInCensus viewerChoices viewerCanEdit`;

export const BALLOTS_QUERY: TypedDocumentNode<{ ballots: Ballot[] }, { componentId: string }> = gql`
  query Ballots($componentId: ID!) {
    ballots(componentId: $componentId) { ${BALLOT_FIELDS} }
  }
`;

export const BALLOT_QUERY: TypedDocumentNode<{ ballot: Ballot }, { id: string }> = gql`
  query Ballot($id: ID!) {
    ballot(id: $id) { ${BALLOT_FIELDS} }
  }
`;

export const CHECK_BALLOT_RECEIPT_QUERY: TypedDocumentNode<
  { checkBallotReceipt: { found: boolean; choices: Record<string, BallotChoice> | null } },
  { ballotId: string; code: string }
> = gql`
  query CheckBallotReceipt($ballotId: ID!, $code: String!) {
    checkBallotReceipt(ballotId: $ballotId, code: $code) {
      found
      choices
    }
  }
`;

export interface BallotAnswerInput {
  questionId: string;
  choice: BallotChoice;
}

export const CAST_BALLOT_MUTATION: TypedDocumentNode<
  { castBallot: { ballot: Ballot; receiptCode: string | null } },
  { ballotId: string; answers: BallotAnswerInput[] }
> = gql`
  mutation CastBallot($ballotId: ID!, $answers: [BallotAnswerInput!]!) {
    castBallot(ballotId: $ballotId, answers: $answers) { receiptCode ballot { ${BALLOT_FIELDS} } }
  }
`;

export interface BallotQuestionInput {
  title: string;
  method: BallotMethod;
  minChoices?: number | null;
  maxChoices?: number | null;
  options: { title: string; description?: string; imageAlt?: string | null }[];
}
export interface BallotFieldsInput {
  title?: string;
  explanation?: string;
  opensAt?: string;
  closesAt?: string;
  secret?: boolean;
  receiptsEnabled?: boolean;
  census?: {
    kind: CensusKind;
    assemblySpaceId?: string | null;
    weighted?: boolean;
    emails?: string[];
  };
  questions?: BallotQuestionInput[];
}

export const CREATE_BALLOT_MUTATION: TypedDocumentNode<
  { createBallot: Ballot },
  { input: BallotFieldsInput & { componentId: string } }
> = gql`
  mutation CreateBallot($input: CreateBallotInput!) {
    createBallot(input: $input) { ${BALLOT_FIELDS} }
  }
`;

export const UPDATE_BALLOT_MUTATION: TypedDocumentNode<
  { updateBallot: Ballot },
  { id: string; input: BallotFieldsInput }
> = gql`
  mutation UpdateBallot($id: ID!, $input: BallotFieldsInput!) {
    updateBallot(id: $id, input: $input) { ${BALLOT_FIELDS} }
  }
`;

/** The Assemblées an admin can pick as a census (ASSEMBLY_MEMBERS). */
export const BALLOT_ADMIN_SPACE_QUERY: TypedDocumentNode<
  {
    space: { id: string; slug: string; title: string; viewerCanAdminister: boolean };
    spaces: { id: string; title: string }[];
  },
  { slug: string }
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
