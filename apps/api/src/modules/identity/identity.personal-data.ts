import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';
import { IdentityService } from './identity.service';

/** Linked OpenID Connect identities: listed in "download my data", removed at account deletion. */
@Injectable()
@PersonalDataContributorAdapter()
export class IdentityPersonalData implements PersonalDataContributor {
  readonly order = 2;
  readonly datasets = [
    {
      name: 'identities',
      description:
        'Les identités OpenID Connect (ProSanté Connect, FranceConnect…) liées à votre compte',
      columns: [
        'provider',
        'issuer',
        'subject',
        'email',
        'professional_id',
        'created_at',
        'last_sign_in_at',
      ],
      sql: `SELECT provider, issuer, subject, email, professional_id, created_at, last_sign_in_at FROM identities WHERE user_id = $1 ORDER BY created_at, id`,
    },
  ];

  constructor(private readonly identities: IdentityService) {}

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await this.identities.eraseInTransaction(manager, account.id);
  }
}
