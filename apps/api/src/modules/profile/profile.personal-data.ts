import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';
import { PROFILE_PERSONAL_DATASETS } from './profile-personal-data';
import { ProfileService } from './profile.service';

/** The member profile's part of the personal-data rights: its datasets in the ZIP; profile, avatar and member follows erased at deletion. */
@Injectable()
@PersonalDataContributorAdapter()
export class ProfilePersonalData implements PersonalDataContributor {
  readonly order = 15;
  readonly datasets = PROFILE_PERSONAL_DATASETS;

  constructor(private readonly profiles: ProfileService) {}

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await this.profiles.eraseInTransaction(manager, account.id);
  }
}
