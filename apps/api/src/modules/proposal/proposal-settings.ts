/** How supports behave in a PROPOSALS component (Decidim's "votes" settings). */
export const SupportsState = {
  /** Participants may support. */
  ENABLED: 'ENABLED',
  /** Counts are shown but supporting is closed. */
  BLOCKED: 'BLOCKED',
  /** Supporting is closed and counts are hidden. */
  HIDDEN: 'HIDDEN',
} as const;
export type SupportsState = (typeof SupportsState)[keyof typeof SupportsState];

/**
 * Settings of a PROPOSALS component, stored in `components.settings` and read inside every
 * transaction that depends on them. Defaults are Decidim's.
 */
export interface ProposalSettings {
  supportsState: SupportsState;
  /** Supports a participant may give in the component; 0 = unlimited. */
  supportLimit: number;
  /** A participant's supports count only once they have given this many; 0 = from the first. */
  minimumSupportsPerUser: number;
  /** Supports a proposal needs; 0 = none. */
  threshold: number;
  /** When false, a proposal stops taking supports at `threshold`. */
  canAccumulateSupportsBeyondThreshold: boolean;
  /** Whether participants may publish proposals. */
  creationEnabled: boolean;
  /** Reports that hide a proposal or comment until a moderator reviews it. */
  hideThreshold: number;
  /** Whether comments are open. */
  commentsEnabled: boolean;
}

export const DEFAULT_PROPOSAL_SETTINGS: ProposalSettings = {
  supportsState: SupportsState.ENABLED,
  supportLimit: 0,
  minimumSupportsPerUser: 0,
  threshold: 0,
  canAccumulateSupportsBeyondThreshold: true,
  creationEnabled: true,
  hideThreshold: 3,
  commentsEnabled: true,
};

/** The settings of a component with defaults for missing keys. */
export function proposalSettingsOf(settings: Record<string, unknown> | null | undefined): ProposalSettings {
  return { ...DEFAULT_PROPOSAL_SETTINGS, ...(settings ?? {}) } as ProposalSettings;
}
