import { ContentVisibility } from './content-visibility';
import { OpenDataModule } from '../open-data/open-data.module';
import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { UserModule } from '../user/user.module';
import { UserBlockResolver } from './user-block.resolver';
import { UserBlockService } from './user-block.service';

/** Moderation (reports, hiding, queue, blocked accounts): a capability of its own; reportables register a host adapter with a `reports` part. */
@Module({
  imports: [ActionLogModule, UserModule, OpenDataModule],
  providers: [
    ContentVisibility,
    ModerationService,
    ModerationResolver,
    UserBlockService,
    UserBlockResolver,
  ],
  exports: [ModerationService],
})
export class ModerationModule {}
