/**
 * Roles a user holds inside one participatory space (Decidim's space private users / admins).
 * The organization-wide administrator is a flag on the user, not a space role.
 */
export const SpaceRole = {
  /** Manages the space: its phases, components and roles. */
  ADMIN: 'ADMIN',
  /** Reviews, answers and hides content in the space. */
  MODERATOR: 'MODERATOR',
} as const;
export type SpaceRole = (typeof SpaceRole)[keyof typeof SpaceRole];

/** Positions of an assembly member (Decidim's assembly members). */
export const AssemblyPosition = {
  PRESIDENT: 'PRESIDENT',
  VICE_PRESIDENT: 'VICE_PRESIDENT',
  SECRETARY: 'SECRETARY',
  MEMBER: 'MEMBER',
} as const;
export type AssemblyPosition = (typeof AssemblyPosition)[keyof typeof AssemblyPosition];
