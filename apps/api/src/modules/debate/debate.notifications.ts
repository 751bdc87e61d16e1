import { Rooms } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';

type DebateEvent = 'debate.statementPublished' | 'debate.analysisUpdated';

/**
 * Live only: a published statement and a recomputed analysis reach the rooms `debate:<id>` and
 * `component:<id>` (the voting card and the results page refetch). No inbox notification: a
 * debate's followers are notified of its comments by the comment capability; one notification
 * per statement or per analysis would flood them.
 */
@Injectable()
@NotificationHandlerFor()
export class DebateNotifications implements NotificationHandler<DebateEvent> {
  readonly events = ['debate.statementPublished', 'debate.analysisUpdated'] as const;

  async plan(
    _manager: EntityManager,
    event: CommittedEvent<DebateEvent>,
  ): Promise<NotificationPlan> {
    const p = event.payload as { debateId: string; componentId: string };
    const name = event.type;
    return {
      planned: [],
      live: [
        { room: Rooms.debate(p.debateId), event: name, payload: event.payload },
        { room: Rooms.component(p.componentId), event: name, payload: event.payload },
      ],
    };
  }
}
