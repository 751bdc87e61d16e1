/**
 * Motions of an Assemblée (DESIGN.md glossary: Motion, Vote FOR/AGAINST/ABSTAIN).
 * Shared by the API and the web app.
 */

/** Majority rule of a motion; exact definitions in the API's `motion-result.ts`. */
export const MotionMajority = {
  SIMPLE: 'SIMPLE',
  ABSOLUTE: 'ABSOLUTE',
  TWO_THIRDS: 'TWO_THIRDS',
} as const;
export type MotionMajority = (typeof MotionMajority)[keyof typeof MotionMajority];

/**
 * What a motion's quorum counts: VOTING — the members who voted; PRESENT — the members marked
 * present at the Assemblée sitting that decided it (attendance) or who voted. Outside a sitting
 * PRESENT counts the voters, as VOTING does.
 */
export const QuorumBasis = {
  VOTING: 'VOTING',
  PRESENT: 'PRESENT',
} as const;
export type QuorumBasis = (typeof QuorumBasis)[keyof typeof QuorumBasis];

/** Where a motion stands, always derived from the clock and its stored `opensAt`/`closesAt`. */
export const MotionStatus = {
  DRAFT: 'DRAFT',
  SCHEDULED: 'SCHEDULED',
  OPEN: 'OPEN',
  CLOSED: 'CLOSED',
} as const;
export type MotionStatus = (typeof MotionStatus)[keyof typeof MotionStatus];

/** A member's choice on a motion (pour / contre / abstention). */
export const VoteChoice = { FOR: 'FOR', AGAINST: 'AGAINST', ABSTAIN: 'ABSTAIN' } as const;
export type VoteChoice = (typeof VoteChoice)[keyof typeof VoteChoice];

/** Outcome frozen at close. */
export const MotionOutcome = {
  ADOPTED: 'ADOPTED',
  REJECTED: 'REJECTED',
  NO_QUORUM: 'NO_QUORUM',
} as const;
export type MotionOutcome = (typeof MotionOutcome)[keyof typeof MotionOutcome];

/** Limits of a motion's fields, checked by the API and the web form alike. */
export const MotionLimits = {
  titleMinLength: 3,
  titleMaxLength: 150,
  /** Characters of the sanitised HTML body. */
  bodyMaxLength: 10000,
  /** Longest voting period: one year, in milliseconds. */
  maxDurationMs: 366 * 24 * 3600 * 1000,
  /** How long before `closesAt` the "closing soon" event is recorded, in milliseconds (1 h). */
  closingSoonMs: 3600 * 1000,
} as const;
