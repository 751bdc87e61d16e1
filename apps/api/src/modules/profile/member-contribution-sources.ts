import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  MEMBER_CONTRIBUTION_SOURCE,
  type MemberContribution,
  type MemberContributionSource,
} from '../../platform/member-contributions';

/** The member-contribution sources every component type registered (discovered at start). */
@Injectable()
export class MemberContributionSources implements OnModuleInit {
  private list: MemberContributionSource[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.list = this.discovery
      .getProviders()
      .filter(
        (w) =>
          w.instance && w.metatype && Reflect.getMetadata(MEMBER_CONTRIBUTION_SOURCE, w.metatype),
      )
      .map((w) => w.instance as MemberContributionSource);
  }

  /**
   * A member's public contributions of every registered type that the viewer may see, newest
   * first. @param first at most this many in all (1–50)
   */
  async publishedBy(
    authorId: string,
    viewerId: string | null,
    first: number,
  ): Promise<MemberContribution[]> {
    const parts = await Promise.all(
      this.list.map((source) => source.publishedBy(authorId, viewerId, first)),
    );
    return parts
      .flat()
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, first);
  }
}
