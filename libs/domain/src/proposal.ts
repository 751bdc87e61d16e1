/**
 * Proposals (DESIGN.md glossary: Proposal, Support). Shared by the API and the web app.
 */

/** Where a proposal stands (Decidim states). */
export const ProposalState = {
  NOT_ANSWERED: 'NOT_ANSWERED',
  EVALUATING: 'EVALUATING',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ProposalState = (typeof ProposalState)[keyof typeof ProposalState];

/**
 * Orders of a proposal list. RANDOM is reproducible from a seed and fair; CONSENSUS ranks by
 * group-informed consensus across opinion groups; the others sort by a count or a date.
 */
export const ProposalOrder = {
  RANDOM: 'RANDOM',
  RECENT: 'RECENT',
  MOST_SUPPORTED: 'MOST_SUPPORTED',
  MOST_COMMENTED: 'MOST_COMMENTED',
  MOST_FOLLOWED: 'MOST_FOLLOWED',
  CONSENSUS: 'CONSENSUS',
} as const;
export type ProposalOrder = (typeof ProposalOrder)[keyof typeof ProposalOrder];

/**
 * Proposal text limits (Decidim's defaults), checked by the API and the web form alike: title
 * 15–150 characters, body up to 3,000 characters of text (after sanitising).
 */
export const ProposalLimits = {
  titleMin: 15,
  titleMax: 150,
  bodyMax: 3000,
  answerMax: 5000,
} as const;

/**
 * The bounds of a PROPOSALS component's numeric settings (whole numbers), checked by the API and
 * the settings form alike.
 */
export const ProposalSettingsLimits = {
  supportLimit: { min: 0, max: 10000 },
  minimumSupportsPerUser: { min: 0, max: 10000 },
  threshold: { min: 0, max: 1000000 },
  hideThreshold: { min: 1, max: 1000 },
} as const;

/** The states an official answer gives a proposal. */
export const PROPOSAL_ANSWER_STATES: readonly ProposalState[] = [
  ProposalState.EVALUATING,
  ProposalState.ACCEPTED,
  ProposalState.REJECTED,
];
