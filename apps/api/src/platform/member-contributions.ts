import { SetMetadata } from '@nestjs/common';

/** One public contribution of a member, as listed on their profile page. */
export interface MemberContribution {
  id: string;
  /** The resource type (`PROPOSAL`, …), the same names as the resource hosts. */
  kind: string;
  title: string;
  spaceSlug: string;
  componentId: string;
  publishedAt: Date;
}

/**
 * A component type's part of a member's public profile (« /membres/:pseudo »): the member's
 * published resources of that type that the viewer may see, newest first. Registered by the
 * component's own module (a provider marked {@link MemberContributionSourceAdapter}); the profile
 * module discovers them, so it never names a component type or its tables.
 */
export interface MemberContributionSource {
  /**
   * @param authorId the member
   * @param viewerId the caller, or null when anonymous (visibility of unpublished spaces)
   * @param first at most this many (1–50)
   */
  publishedBy(
    authorId: string,
    viewerId: string | null,
    first: number,
  ): Promise<MemberContribution[]>;
}

export const MEMBER_CONTRIBUTION_SOURCE = 'concerto:member-contribution-source';

/** Marks a provider as a {@link MemberContributionSource}. */
export const MemberContributionSourceAdapter = () => SetMetadata(MEMBER_CONTRIBUTION_SOURCE, true);
