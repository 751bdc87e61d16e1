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
export const GRADE_ORDER: Grade[] = [
  'EXCELLENT',
  'VERY_GOOD',
  'GOOD',
  'FAIRLY_GOOD',
  'PASSABLE',
  'INSUFFICIENT',
  'REJECT',
];

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
