import { NotificationKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';

type AccountEvent = 'session.revoked' | 'dataExport.ready';

/** A revoked session's sockets are disconnected; a ready data export reaches its owner. */
@Injectable()
@NotificationHandlerFor()
export class AccountNotifications implements NotificationHandler<AccountEvent> {
  readonly events = ['session.revoked', 'dataExport.ready'] as const;

  async plan(_manager: unknown, event: CommittedEvent<AccountEvent>): Promise<NotificationPlan> {
    if (event.type === 'session.revoked')
      return {
        planned: [],
        live: [],
        disconnect: [(event as CommittedEvent<'session.revoked'>).payload.sessionId],
      };
    const p = (event as CommittedEvent<'dataExport.ready'>).payload;
    return {
      planned: [
        {
          userId: p.userId,
          kind: NotificationKind.DATA_EXPORT_READY,
          title: 'Votre export de données est prêt',
          body: 'Téléchargeable une seule fois, pendant 7 jours, depuis « Mon compte ».',
          link: '/mon-compte',
        },
      ],
      live: [],
    };
  }
}
