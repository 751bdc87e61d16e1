import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';
import { FollowService } from './follow.service';

/** Follows: removed at deletion, the hosts' follows counters moving with them. */
@Injectable()
@PersonalDataContributorAdapter()
export class FollowPersonalData implements PersonalDataContributor {
  readonly order = 80;
  readonly datasets = [
    {
      name: 'follows',
      description: 'Ce que vous suivez',
      columns: ['followable_type', 'followable_id', 'created_at'],
      sql: `SELECT followable_type, followable_id, created_at FROM follows WHERE user_id = $1 ORDER BY created_at`,
    },
  ];

  constructor(private readonly follows: FollowService) {}

  erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    return this.follows.forgetUser(manager, account.id);
  }
}
