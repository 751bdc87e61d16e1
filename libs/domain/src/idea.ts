/** State of an idea in a Boîte à idées: PENDING waits for a moderator (when the box moderates), PUBLISHED is in the booth, REJECTED never shows. */
export const IdeaStatus = {
  PENDING: 'PENDING',
  PUBLISHED: 'PUBLISHED',
  REJECTED: 'REJECTED',
} as const;
export type IdeaStatus = (typeof IdeaStatus)[keyof typeof IdeaStatus];

/** Where an idea comes from: seeded by an admin, or added by a participant. */
export const IdeaOrigin = { SEED: 'SEED', PARTICIPANT: 'PARTICIPANT' } as const;
export type IdeaOrigin = (typeof IdeaOrigin)[keyof typeof IdeaOrigin];

/** An answer to a shown pair: LEFT or RIGHT preferred, SKIP (« Passer »), DONT_KNOW (« Je ne sais pas »). Only LEFT and RIGHT count as comparisons. */
export const IdeaVoteChoice = {
  LEFT: 'LEFT',
  RIGHT: 'RIGHT',
  SKIP: 'SKIP',
  DONT_KNOW: 'DONT_KNOW',
} as const;
export type IdeaVoteChoice = (typeof IdeaVoteChoice)[keyof typeof IdeaVoteChoice];

/** A moderator's decision on an idea. */
export const IdeaModeration = { PUBLISH: 'PUBLISH', REJECT: 'REJECT' } as const;
export type IdeaModeration = (typeof IdeaModeration)[keyof typeof IdeaModeration];

/** Limits shared by the API's validation, the database checks and the web forms. */
export const IdeaLimits = {
  questionMinLength: 3,
  questionMaxLength: 300,
  descriptionMaxLength: 5000,
  bodyMinLength: 3,
  bodyMaxLength: 280,
  seedIdeasMax: 1000,
  rejectionReasonMaxLength: 500,
  /** Scores by respondent type are published only for types with at least this many voters (so no one's choices can be read off a small group). */
  typologyMinVoters: 5,
} as const;
