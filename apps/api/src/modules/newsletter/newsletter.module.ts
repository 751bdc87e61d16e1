import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { MeetingModule } from '../meeting/meeting.module';
import { NewsModule } from '../news/news.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ProfileModule } from '../profile/profile.module';
import { NewsletterContent } from './newsletter-content';
import { NewsletterController } from './newsletter.controller';
import { NewsletterPersonalData } from './newsletter.personal-data';
import { NewsletterResolver } from './newsletter.resolver';
import { NewsletterSender } from './newsletter.sender';
import { NewsletterService } from './newsletter.service';

/**
 * Newsletters (« Lettre d’information »): members' opt-in and one-click unsubscription, admin
 * drafts with content blocks asked of the news, spaces and meetings modules, and the sending
 * queue ({@link NewsletterSender}). Owns `newsletter_subscriptions`, `newsletters`,
 * `newsletter_deliveries`.
 */
@Module({
  imports: [
    ActionLogModule,
    FollowModule,
    ProfileModule,
    ParticipatorySpaceModule,
    NewsModule,
    MeetingModule,
  ],
  controllers: [NewsletterController],
  providers: [
    NewsletterContent,
    NewsletterSender,
    NewsletterService,
    NewsletterResolver,
    NewsletterPersonalData,
  ],
  exports: [NewsletterService],
})
export class NewsletterModule {}
