import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** The account row itself (the tombstone that replaces it at deletion is written by the account module, last). */
@Injectable()
@PersonalDataContributorAdapter()
export class UserPersonalData implements PersonalDataContributor {
  readonly order = 0;
  readonly datasets = [
    {
      name: 'profile',
      description: 'Votre compte',
      columns: ['id', 'name', 'email', 'locale', 'is_admin', 'created_at', 'updated_at'],
      sql: `SELECT id, name, email, locale, is_admin, created_at, updated_at FROM users WHERE id = $1`,
    },
  ];
}
