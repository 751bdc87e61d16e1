import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * Motions the member filed, and their assembly votes. Secret ballots: only the fact of having voted (the participation row), never
 * the option — the schema keeps no link between a secret ballot and its voter, and this export
 * creates none. Kept at deletion (votes stay counted).
 */
@Injectable()
@PersonalDataContributorAdapter()
export class MotionPersonalData implements PersonalDataContributor {
  readonly order = 40;
  readonly datasets = [
    {
      name: 'motions',
      description:
        'Les motions que vous avez déposées (publiques, conservées à la suppression du compte sous « Participant supprimé »)',
      columns: ['id', 'reference', 'title', 'body', 'opens_at', 'closes_at', 'created_at'],
      sql: `SELECT id, reference, title, body, opens_at, closes_at, created_at FROM motions WHERE author_id = $1 ORDER BY created_at, id`,
    },
    {
      name: 'assembly_votes',
      description:
        'Vos votes en assemblée (pour un scrutin secret : seulement le fait d’avoir voté)',
      columns: [
        'motion_id',
        'motion',
        'secret_ballot',
        'choice',
        'weight',
        'voted_at',
        'changed_at',
      ],
      // the choice is read only through the participation's public ballot (secret ballots have none)
      sql: `SELECT m.id AS motion_id, m.title AS motion, m.secret_ballot,
                   CASE WHEN m.secret_ballot THEN NULL ELSE b.choice END AS choice,
                   p.weight::text AS weight, p.voted_at, p.changed_at
              FROM motion_participations p JOIN motions m ON m.id = p.motion_id
              LEFT JOIN motion_ballots b ON b.id = p.ballot_id AND NOT m.secret_ballot
             WHERE p.user_id = $1 ORDER BY p.voted_at, m.id`,
    },
  ];
}
