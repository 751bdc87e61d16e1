import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { ProposalDto } from './dtos/proposal.dto';
import { ProposalService } from './proposal.service';

@Resolver(() => ProposalDto)
export class ProposalResolver {
  constructor(private readonly proposalService: ProposalService) {}

  /** Proposals of a component, in publication order. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [ProposalDto], { description: 'Proposals of a PROPOSALS component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.' })
  proposals(@Args('componentId', { type: () => ID }) componentId: string, @CurrentViewer() viewer: Viewer | null): Promise<ProposalDto[]> {
    return this.proposalService.list(componentId, viewer);
  }
}
