import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';
import { DomainEventOutbox } from '../notification/domain-event-outbox';

/** Sessions and account tokens (password reset, e-mail confirmation): removed at deletion, their sockets disconnected after commit (`session.revoked`). */
@Injectable()
@PersonalDataContributorAdapter()
export class AuthPersonalData implements PersonalDataContributor {
  readonly order = 1;
  readonly datasets = [];

  constructor(private readonly events: DomainEventOutbox) {}

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM account_tokens WHERE user_id = $1`, [account.id]);
    const sessions = await queryRows<{ id: string }>(
      manager,
      `DELETE FROM sessions WHERE user_id = $1 RETURNING id`,
      [account.id],
    );
    for (const s of sessions)
      await this.events.record(
        manager,
        'session.revoked',
        { sessionId: s.id, userId: account.id },
        null,
      );
  }
}
