import { NotificationKind, Rooms } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ResourceHosts } from '../../platform/component-registry';
import {
  type CommittedEvent,
  type LiveMessage,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
  type PlannedNotification,
} from '../../platform/notification-handler';
import { FollowService } from '../follow/follow.service';
import type { FollowableType } from '../follow/follow.entity';

type AmendmentEvent = 'amendment.created' | 'amendment.stateChanged';

/**
 * A new amendment reaches the amendable's author and followers; an answer reaches the
 * amendment's author, and the authors of amendments it made outdated; watchers of the
 * amendable and of its component see the change live.
 */
@Injectable()
@NotificationHandlerFor()
export class AmendmentNotifications implements NotificationHandler<AmendmentEvent> {
  readonly events = ['amendment.created', 'amendment.stateChanged'] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly hosts: ResourceHosts,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<AmendmentEvent>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const link =
      (await this.hosts.host(p.amendableType).reference(p.amendableId, manager))?.link ?? '/';
    const payload = {
      amendableType: p.amendableType,
      amendableId: p.amendableId,
      amendmentId: p.amendmentId,
    };
    const live: LiveMessage[] = [
      {
        room: `${p.amendableType.toLowerCase()}:${p.amendableId}`,
        event: 'amendment.changed',
        payload,
      },
      { room: Rooms.component(p.componentId), event: 'amendment.changed', payload },
    ];
    if (event.type === 'amendment.created') {
      const c = (event as CommittedEvent<'amendment.created'>).payload;
      const users = [
        ...(c.amendableAuthorId ? [c.amendableAuthorId] : []),
        ...(await this.follows.followersOf(
          manager,
          c.amendableType as FollowableType,
          c.amendableId,
        )),
      ];
      return {
        planned: users.map((userId) => ({
          userId,
          kind: NotificationKind.AMENDMENT_CREATED,
          title: 'Nouvel amendement',
          body: c.title,
          link,
        })),
        live,
        subjects: [
          { type: 'AMENDMENT', id: c.amendmentId },
          { type: c.amendableType, id: c.amendableId },
        ],
      };
    }
    const s = (event as CommittedEvent<'amendment.stateChanged'>).payload;
    const verdict = s.state === 'ACCEPTED' ? 'Amendement accepté' : 'Amendement refusé';
    const planned: PlannedNotification[] = [];
    if (s.authorId)
      planned.push({
        userId: s.authorId,
        kind: NotificationKind.AMENDMENT_STATE_CHANGED,
        title: verdict,
        body: s.title,
        link,
      });
    for (const userId of s.outdatedAuthorIds) {
      planned.push({
        userId,
        kind: NotificationKind.AMENDMENT_STATE_CHANGED,
        title: 'Votre amendement est à mettre à jour',
        body: s.title,
        link,
      });
    }
    return {
      planned,
      live,
      subjects: [
        { type: 'AMENDMENT', id: s.amendmentId },
        { type: s.amendableType, id: s.amendableId },
      ],
    };
  }
}
