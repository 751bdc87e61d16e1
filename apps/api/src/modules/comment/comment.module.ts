import { CommentStatistics } from './comment.statistics';
import { CommentOpenData } from './comment.open-data';
import { Module } from '@nestjs/common';
import { CommentPersonalData } from './comment.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { ModerationModule } from '../moderation/moderation.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { CommentHost } from './comment.host';
import { CommentNotifications } from './comment.notifications';
import { CommentResolver } from './comment.resolver';
import { CommentService } from './comment.service';

/** Comments: a capability of its own; commentables register a host adapter with a `comments` part. Comments are a reportable host. */
@Module({
  imports: [ActionLogModule, FollowModule, ModerationModule, ParticipatorySpaceModule],
  providers: [
    CommentStatistics,
    CommentService,
    CommentResolver,
    CommentHost,
    CommentNotifications,
    CommentPersonalData,
    CommentOpenData,
  ],
  exports: [CommentService],
})
export class CommentModule {}
