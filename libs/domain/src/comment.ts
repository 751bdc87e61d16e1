/**
 * Comments and reports, the capabilities every commentable or reportable resource takes (DESIGN.md
 * glossary: Comment, Moderation, Report). Shared by the API and the web app.
 */

/** A comment's alignment: pour, contre ou neutre. */
export const CommentAlignment = { FOR: 'FOR', AGAINST: 'AGAINST', NEUTRAL: 'NEUTRAL' } as const;
export type CommentAlignment = (typeof CommentAlignment)[keyof typeof CommentAlignment];

/** Why a participant reports content: indésirable, offensant, hors sujet. */
export const ReportReason = {
  SPAM: 'SPAM',
  OFFENSIVE: 'OFFENSIVE',
  DOES_NOT_BELONG: 'DOES_NOT_BELONG',
} as const;
export type ReportReason = (typeof ReportReason)[keyof typeof ReportReason];

/** Limits the API checks and the web forms show: a comment's text, a report's details (characters). */
export const CommentLimits = { bodyMax: 5000, reportDetailsMax: 1000 } as const;

/** Replies nest up to three levels: depths 0, 1 and 2. */
export const COMMENT_MAX_DEPTH = 2;

/**
 * The reason an organization administrator gives when blocking an account (shown to other
 * administrators and in the action log): 10 to 1,000 characters once trimmed.
 */
export const UserBlockLimits = { reasonMin: 10, reasonMax: 1000 } as const;
