import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * The member's newsletter choice and the newsletters mailed to them. Account deletion removes
 * both (the choice, the unsubscribe token, and every delivery row — pending ones included, so a
 * send under way skips the account).
 */
@Injectable()
@PersonalDataContributorAdapter()
export class NewsletterPersonalData implements PersonalDataContributor {
  readonly order = 97;

  readonly datasets = [
    {
      name: 'newsletter_subscription',
      description: 'Votre choix de recevoir la lettre d’information',
      columns: ['subscribed', 'changed_at', 'changed_via'],
      sql: `SELECT subscribed, changed_at, changed_via FROM newsletter_subscriptions WHERE user_id = $1`,
    },
    {
      name: 'newsletter_deliveries',
      description: 'Les lettres d’information qui vous ont été adressées',
      columns: ['newsletter_id', 'subject', 'email', 'status', 'attempts', 'sent_at'],
      sql: `SELECT d.newsletter_id, n.subject, d.email, d.status, d.attempts, d.sent_at
              FROM newsletter_deliveries d JOIN newsletters n ON n.id = d.newsletter_id
             WHERE d.user_id = $1 ORDER BY d.id`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM newsletter_deliveries WHERE user_id = $1`, [account.id]);
    await manager.query(`DELETE FROM newsletter_subscriptions WHERE user_id = $1`, [account.id]);
  }
}
