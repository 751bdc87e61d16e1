import { NotificationKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ResourceHosts } from '../../platform/component-registry';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
  type PlannedNotification,
} from '../../platform/notification-handler';
import { FollowService } from '../follow/follow.service';
import type { FollowableType } from '../follow/follow.entity';

/** A new comment reaches the author of the comment it answers and the commentable's followers; watchers of the commentable refetch the thread. */
@Injectable()
@NotificationHandlerFor()
export class CommentNotifications implements NotificationHandler<'comment.created'> {
  readonly events = ['comment.created'] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly hosts: ResourceHosts,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<'comment.created'>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const link =
      (await this.hosts.host(p.commentableType).reference(p.commentableId, manager))?.link ?? '/';
    const planned: PlannedNotification[] = [];
    if (p.parentAuthorId)
      planned.push({
        userId: p.parentAuthorId,
        kind: NotificationKind.COMMENT_REPLY,
        title: 'Réponse à votre commentaire',
        body: p.title,
        link,
      });
    for (const userId of await this.follows.followersOf(
      manager,
      p.commentableType as FollowableType,
      p.commentableId,
    )) {
      planned.push({
        userId,
        kind: NotificationKind.COMMENT_CREATED,
        title: 'Nouveau commentaire',
        body: p.title,
        link,
      });
    }
    const room = `${p.commentableType.toLowerCase()}:${p.commentableId}`;
    return {
      planned,
      // the commented resource's title is shown; the comment itself is what it announces
      subjects: [
        { type: 'COMMENT', id: p.commentId },
        { type: p.commentableType, id: p.commentableId },
      ],
      live: [
        {
          room,
          event: 'comment.created',
          payload: {
            commentableType: p.commentableType,
            commentableId: p.commentableId,
            commentId: p.commentId,
          },
        },
      ],
    };
  }
}
