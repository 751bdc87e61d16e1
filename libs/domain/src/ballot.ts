/**
 * Votations (DESIGN.md glossary: Ballot, Question, Census — « Votation, Question, Corps
 * électoral »). Shared by the API and the web app. Counting lives in the API's
 * `modules/ballot/counting/`.
 */

/** How a question is counted: plurality, approval, Schulze, majority judgment. */
export const BallotMethod = {
  SINGLE: 'SINGLE',
  MULTIPLE: 'MULTIPLE',
  RANKED: 'RANKED',
  MAJORITY_JUDGMENT: 'MAJORITY_JUDGMENT',
} as const;
export type BallotMethod = (typeof BallotMethod)[keyof typeof BallotMethod];

/** Where a ballot stands, derived from PostgreSQL's clock at each read. */
export const BallotStatus = { SCHEDULED: 'SCHEDULED', OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
export type BallotStatus = (typeof BallotStatus)[keyof typeof BallotStatus];

/** Who may vote: every member, an Assemblée's members, a list of e-mails, or members of chosen profile typologies. */
export const CensusKind = {
  ALL_MEMBERS: 'ALL_MEMBERS',
  ASSEMBLY_MEMBERS: 'ASSEMBLY_MEMBERS',
  EMAIL_LIST: 'EMAIL_LIST',
  TYPOLOGY: 'TYPOLOGY',
} as const;
export type CensusKind = (typeof CensusKind)[keyof typeof CensusKind];

/** Majority-judgment grades, best first (« Excellent » … « À rejeter »). */
export const Grade = {
  EXCELLENT: 'EXCELLENT',
  VERY_GOOD: 'VERY_GOOD',
  GOOD: 'GOOD',
  FAIRLY_GOOD: 'FAIRLY_GOOD',
  PASSABLE: 'PASSABLE',
  INSUFFICIENT: 'INSUFFICIENT',
  REJECT: 'REJECT',
} as const;
export type Grade = (typeof Grade)[keyof typeof Grade];
/**
 * The seven grades best first (index 0 = « Excellent », 6 = « À rejeter »), as in Balinski & Laraki,
 * *Majority Judgment*, MIT Press 2011: the one list the API's counting, its checks of a ballot and
 * the web's grid and results read.
 */
export const GRADE_ORDER = [
  Grade.EXCELLENT,
  Grade.VERY_GOOD,
  Grade.GOOD,
  Grade.FAIRLY_GOOD,
  Grade.PASSABLE,
  Grade.INSUFFICIENT,
  Grade.REJECT,
] as const satisfies readonly Grade[];

/** Limits of a ballot's fields, checked by the API and the web forms alike. */
export const BallotLimits = {
  titleMinLength: 3,
  titleMaxLength: 150,
  explanationMaxLength: 20000,
  questionsMax: 20,
  optionsMin: 2,
  optionsMax: 30,
  optionTitleMaxLength: 200,
  optionDescriptionMaxLength: 2000,
  imageAltMaxLength: 300,
  censusEmailsMax: 20000,
  /** Longest voting period: one year, in milliseconds. */
  maxDurationMs: 366 * 24 * 3600 * 1000,
  /** How long before `closesAt` the "closing soon" event is recorded (1 h). */
  closingSoonMs: 3600 * 1000,
} as const;

/**
 * A voter's choice on one question, normalised (the `choice` of `BallotAnswerInput`, a
 * `viewerChoices` or receipt entry):
 * - SINGLE: `{ optionIds: [one] }`; MULTIPLE: `{ optionIds: [...] }`, sorted in question order
 * - RANKED: `{ ranking: [best, …] }`, a strict order of some or all options
 * - MAJORITY_JUDGMENT: `{ grades: { [optionId]: Grade } }`, every option graded
 */
export type BallotChoice =
  | { optionIds: string[] }
  | { ranking: string[] }
  | { grades: Record<string, Grade> };

/** Counts of a SINGLE or MULTIPLE question (the API's `counting/plurality.ts`). */
export interface OptionCountResult {
  method: 'SINGLE' | 'MULTIPLE';
  /** Ballots counted (one per voter). */
  ballots: number;
  /** Sum of the ballots' weights (equal to `ballots` when unweighted). */
  totalWeight: number;
  /** Weighted count per option, in question order. */
  counts: Record<string, number>;
  /** Options best first; each inner array holds options tied on their count. */
  ranking: string[][];
  /** The first group of `ranking` (several = a tie, not broken). */
  winners: string[];
}

/** The full count of a RANKED question (the API's `counting/schulze.ts`). */
export interface SchulzeResult {
  method: 'RANKED';
  ballots: number;
  totalWeight: number;
  /** Option identifiers, the order of the matrices' rows and columns. */
  optionIds: string[];
  /** d[i][j]: weighted number of ballots that rank option i strictly above option j. */
  pairwise: number[][];
  /** p[i][j]: strength of the strongest path from i to j (winning votes; 0 on the diagonal and when no path). */
  strongestPaths: number[][];
  /** The option that beats every other one head to head, if any. */
  condorcetWinner: string | null;
  /** Options best first, in tiers of options none of which is better than another. */
  ranking: string[][];
  /** Potential winners (the first tier); several = a tie, not broken. */
  winners: string[];
}

/** How two options with the same majority grade were separated. */
export interface TieBreak {
  /** The option ranked higher, and the one ranked lower. */
  higher: string;
  lower: string;
  /** Their common majority grade. */
  majorityGrade: Grade;
  /** How many median grades were removed from each before they differed (weighted units). */
  removed: number;
  /** The grades at that step: the higher option's is better. */
  higherGrade: Grade;
  lowerGrade: Grade;
}

/** The full count of a MAJORITY_JUDGMENT question (the API's `counting/majority-judgment.ts`). */
export interface MajorityJudgmentResult {
  method: 'MAJORITY_JUDGMENT';
  ballots: number;
  totalWeight: number;
  optionIds: string[];
  /** The grade scale, best first: the order of every profile. */
  grades: Grade[];
  /** Per option, the weighted number of voters per grade, best first. */
  profiles: Record<string, number[]>;
  /** Per option, its majority grade (null without ballots). */
  majorityGrades: Record<string, Grade | null>;
  /** Per option, the weight of grades strictly better and strictly worse than its majority grade (the "majority gauge"). */
  gauges: Record<string, { better: number; worse: number }>;
  /** Options best first; an inner array holds options with identical profiles (a true tie). */
  ranking: string[][];
  winners: string[];
  /** For each pair of consecutive ranked options sharing a majority grade, how the tie was broken. */
  tieBreaks: TieBreak[];
}

/** The count of one question, whatever its method. */
export type BallotCountResult = OptionCountResult | SchulzeResult | MajorityJudgmentResult;

/** One entry of a ballot's `results` JSON: a question's count with the question's id. */
export type BallotQuestionResult = BallotCountResult & { questionId: string };
