import { Rooms } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';

/** A new idea in the booth or refitted scores reach the viewers of the box's component live (room `component:<id>`); nobody is notified in the inbox. */
@Injectable()
@NotificationHandlerFor()
export class IdeaNotifications implements NotificationHandler<'ideaBox.changed'> {
  readonly events = ['ideaBox.changed'] as const;

  async plan(
    _manager: unknown,
    event: CommittedEvent<'ideaBox.changed'>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    return {
      planned: [],
      live: [{ room: Rooms.component(p.componentId), event: 'ideaBox.changed', payload: p }],
    };
  }
}
