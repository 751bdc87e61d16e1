import { Injectable } from '@nestjs/common';
import {
  type MemberContribution,
  type MemberContributionSource,
  MemberContributionSourceAdapter,
} from '../../platform/member-contributions';
import { ProposalService } from './proposal.service';

/** A member's published proposals on their public profile (see {@link MemberContributionSource}). */
@Injectable()
@MemberContributionSourceAdapter()
export class ProposalContributions implements MemberContributionSource {
  constructor(private readonly proposals: ProposalService) {}

  async publishedBy(
    authorId: string,
    viewerId: string | null,
    first: number,
  ): Promise<MemberContribution[]> {
    const rows = await this.proposals.publishedBy(authorId, viewerId, first);
    return rows.map((r) => ({ ...r, kind: 'PROPOSAL' }));
  }
}
