import { NotificationKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';
import { FollowService } from '../follow/follow.service';
import { NewsPostHost } from './news.host';

/**
 * A published news post reaches the followers of its space (and of the post, for a post
 * followed while scheduled), once each: the event itself is recorded once per post
 * (`news_posts.announced_at`, see `NewsService.announceDue`).
 */
@Injectable()
@NotificationHandlerFor()
export class NewsNotifications implements NotificationHandler<'news.published'> {
  readonly events = ['news.published'] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly host: NewsPostHost,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<'news.published'>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const reference = await this.host.reference(p.postId, manager);
    if (!reference || reference.hidden) return { planned: [], live: [] };
    const users = new Set([
      ...(await this.follows.followersOf(manager, 'SPACE', p.spaceId)),
      ...(await this.follows.followersOf(manager, 'NEWS_POST', p.postId)),
    ]);
    return {
      planned: [...users].map((userId) => ({
        userId,
        kind: NotificationKind.NEWS_PUBLISHED,
        title: 'Nouvelle actualité',
        body: p.title,
        link: reference.link,
      })),
      live: [],
      subjects: [{ type: 'NEWS_POST', id: p.postId }],
    };
  }
}
