import { Module } from '@nestjs/common';
import { FollowPersonalData } from './follow.personal-data';
import { FollowResolver } from './follow.resolver';
import { FollowService } from './follow.service';

/** Follows: a capability of its own; followables register a host adapter with a `follows` part. */
@Module({
  providers: [FollowService, FollowResolver, FollowPersonalData],
  exports: [FollowService],
})
export class FollowModule {}
