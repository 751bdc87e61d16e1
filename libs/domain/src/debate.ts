/**
 * Débats (DEBATE component, Pol.is-style; DESIGN.md glossary: Debate, Statement, Opinion group).
 * Shared by the API and the web app.
 */

/** A participant's vote on a statement: « D’accord », « Pas d’accord », « Passer ». */
export const DebateVoteChoice = { AGREE: 'AGREE', DISAGREE: 'DISAGREE', PASS: 'PASS' } as const;
export type DebateVoteChoice = (typeof DebateVoteChoice)[keyof typeof DebateVoteChoice];

/** Where a statement stands: PUBLISHED (votable), PENDING (awaiting moderation), REJECTED by a moderator. Hidden by reports is apart (`hidden`). */
export const DebateStatementState = {
  PUBLISHED: 'PUBLISHED',
  PENDING: 'PENDING',
  REJECTED: 'REJECTED',
} as const;
export type DebateStatementState = (typeof DebateStatementState)[keyof typeof DebateStatementState];

/** Limits of debate fields, checked by the API and the web forms alike. */
export const DebateLimits = {
  titleMinLength: 3,
  titleMaxLength: 150,
  descriptionMaxLength: 20000,
  /** A statement is short, as in Pol.is: one idea people can agree or disagree with. */
  statementMaxLength: 280,
} as const;
