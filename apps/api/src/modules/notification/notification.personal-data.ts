import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** Notifications and their settings: removed at deletion. */
@Injectable()
@PersonalDataContributorAdapter()
export class NotificationPersonalData implements PersonalDataContributor {
  readonly order = 70;
  readonly datasets = [
    {
      name: 'notifications',
      description: 'Vos notifications',
      columns: ['kind', 'title', 'body', 'link', 'created_at', 'read_at', 'emailed_at'],
      sql: `SELECT kind, title, body, link, created_at, read_at, emailed_at FROM notifications WHERE user_id = $1 ORDER BY sequence`,
    },
    {
      name: 'notification_settings',
      description: 'Vos réglages de notification',
      columns: ['disabled_kinds', 'email_delivery', 'updated_at'],
      sql: `SELECT array_to_string(disabled_kinds, ' ') AS disabled_kinds, email_delivery, updated_at FROM notification_settings WHERE user_id = $1`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM notifications WHERE user_id = $1`, [account.id]);
    await manager.query(`DELETE FROM notification_settings WHERE user_id = $1`, [account.id]);
  }
}
