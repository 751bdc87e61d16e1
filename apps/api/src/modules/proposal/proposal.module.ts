import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { CommentResolver } from '../comment/comment.resolver';
import { CommentService } from '../comment/comment.service';
import { FollowResolver } from '../follow/follow.resolver';
import { FollowService } from '../follow/follow.service';
import { ModerationResolver } from '../moderation/moderation.resolver';
import { ModerationService } from '../moderation/moderation.service';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProposalConnectionResolver, ProposalResolver } from './proposal.resolver';
import { ProposalService } from './proposal.service';
import { SupportService } from './support.service';

/** Proposals with their supports, comments, follows and moderation. */
@Module({
  imports: [ParticipatorySpaceModule, ActionLogModule],
  providers: [
    ProposalService,
    SupportService,
    ProposalResolver,
    ProposalConnectionResolver,
    CommentService,
    CommentResolver,
    FollowService,
    FollowResolver,
    ModerationService,
    ModerationResolver,
  ],
  exports: [ProposalService, FollowService, CommentService],
})
export class ProposalModule {}
