import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** Comments: kept at deletion, attributed to « Participant supprimé ». */
@Injectable()
@PersonalDataContributorAdapter()
export class CommentPersonalData implements PersonalDataContributor {
  readonly order = 20;
  readonly datasets = [
    {
      name: 'comments',
      description: 'Vos commentaires',
      columns: [
        'id',
        'commentable_type',
        'commentable_id',
        'parent_id',
        'alignment',
        'body',
        'created_at',
        'edited_at',
        'deleted_at',
      ],
      sql: `SELECT id, commentable_type, commentable_id, parent_id, alignment, body, created_at, edited_at, deleted_at
              FROM comments WHERE author_id = $1 ORDER BY created_at, id`,
    },
  ];
}
