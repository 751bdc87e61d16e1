import { NewsOpenData } from './news.open-data';
import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module';
import { viewerReportedResolver } from '../moderation/viewer-reported.resolver';
import { NewsPostDto } from './dtos/news.dto';
import { ActionLogModule } from '../action-log/action-log.module';
import { FollowModule } from '../follow/follow.module';
import { HistoryModule } from '../history/history.module';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { NewsSchedulerService } from './news-scheduler.service';
import { NewsController } from './news.controller';
import { NewsPostHost } from './news.host';
import { NewsNotifications } from './news.notifications';
import { NewsPersonalData } from './news.personal-data';
import { NewsHistoryResolver, NewsResolver } from './news.resolver';
import { NewsSearch } from './news.search';
import { NewsService } from './news.service';

/** The NEWS component type (manifest: news.manifest.ts). */
@Module({
  imports: [
    ModerationModule,
    ParticipatorySpaceModule,
    ActionLogModule,
    HistoryModule,
    FollowModule,
  ],
  controllers: [NewsController],
  providers: [
    viewerReportedResolver(NewsPostDto, 'NEWS_POST'),
    NewsSearch,
    NewsService,
    NewsSchedulerService,
    NewsResolver,
    NewsHistoryResolver,
    NewsPostHost,
    NewsNotifications,
    NewsPersonalData,
    NewsOpenData,
  ],
  exports: [NewsService, NewsSchedulerService],
})
export class NewsModule {}
