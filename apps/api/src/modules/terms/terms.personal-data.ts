import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** Acceptances of the terms and privacy notice: removed at deletion. */
@Injectable()
@PersonalDataContributorAdapter()
export class TermsPersonalData implements PersonalDataContributor {
  readonly order = 90;
  readonly datasets = [
    {
      name: 'terms_acceptances',
      description: 'Vos acceptations des conditions et de la politique de confidentialité',
      columns: ['kind', 'version', 'accepted_at'],
      sql: `SELECT kind, version, accepted_at FROM terms_acceptances WHERE user_id = $1 ORDER BY accepted_at, kind`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM terms_acceptances WHERE user_id = $1`, [account.id]);
  }
}
