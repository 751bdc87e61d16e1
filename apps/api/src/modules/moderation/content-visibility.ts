import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResourceHost, ReportsAdapter } from '../../platform/resource-host';
import { NotificationService } from '../notification/notification.service';

/**
 * Hides or shows again a reportable resource inside the caller's moderation transaction: the
 * host's `hidden_at` and, with it, the notifications about the resource (withdrawn while it is
 * hidden). The one place reports, moderators, dismissals and account blocks change visibility.
 */
@Injectable()
export class ContentVisibility {
  constructor(private readonly notifications: NotificationService) {}

  /** @param host the resource's host (its `reports` part) @param hidden true to hide, false to show */
  async set(
    manager: EntityManager,
    host: ResourceHost & { reports: ReportsAdapter },
    id: string,
    hidden: boolean,
  ): Promise<void> {
    await host.reports.setHidden(manager, id, hidden);
    await this.notifications.withdraw(manager, host.type, id, hidden);
  }
}
