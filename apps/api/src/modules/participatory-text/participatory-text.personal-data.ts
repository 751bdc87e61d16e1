import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** Amendments and their supports: kept at deletion (attributed to « Participant supprimé », supports still counted). */
@Injectable()
@PersonalDataContributorAdapter()
export class ParticipatoryTextPersonalData implements PersonalDataContributor {
  readonly order = 30;
  readonly datasets = [
    {
      name: 'amendments',
      description: 'Vos amendements',
      columns: [
        'id',
        'amendable_type',
        'amendable_id',
        'title',
        'body',
        'state',
        'created_at',
        'answered_at',
      ],
      sql: `SELECT id, amendable_type, amendable_id, title, body, state, created_at, answered_at
              FROM amendments WHERE author_id = $1 ORDER BY created_at, id`,
    },
    {
      name: 'amendment_supports',
      description: 'Vos soutiens aux amendements',
      columns: ['supported_type', 'supported_id', 'title', 'created_at'],
      sql: `SELECT 'AMENDMENT' AS supported_type, a.id AS supported_id, a.title, s.created_at
              FROM amendment_supports s JOIN amendments a ON a.id = s.amendment_id WHERE s.user_id = $1 ORDER BY s.created_at`,
    },
  ];
}
