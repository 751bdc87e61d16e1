import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * Votations: the ballots a member voted in. Secret ballots: only the fact of having voted (the
 * participation row), never the choices — the schema keeps no link between a secret envelope and
 * its voter, and this export creates none; a public ballot's choices are the member's own.
 * Kept at account deletion (the ballots stay counted and the turnout stays exact; the account
 * shows as « Participant supprimé »). Ballots an admin created are listed too.
 */
@Injectable()
@PersonalDataContributorAdapter()
export class BallotPersonalData implements PersonalDataContributor {
  readonly order = 45;
  readonly datasets = [
    {
      name: 'ballots_created',
      description:
        'Les votations que vous avez créées (publiques, conservées à la suppression du compte)',
      columns: ['id', 'title', 'opens_at', 'closes_at', 'created_at'],
      sql: `SELECT id, title, opens_at, closes_at, created_at FROM ballots WHERE author_id = $1 ORDER BY created_at, id`,
    },
    {
      name: 'ballot_votes',
      description:
        'Vos votes aux votations (pour un bulletin secret : seulement le fait d’avoir voté)',
      columns: ['ballot_id', 'ballot', 'secret', 'choices', 'voted_at', 'changed_at'],
      // choices only through a public ballot's participation (a secret one points to no envelope)
      sql: `SELECT b.id AS ballot_id, b.title AS ballot, b.secret, CASE WHEN b.secret THEN NULL ELSE e.choices END AS choices, p.voted_at, p.changed_at
              FROM ballot_participations p JOIN ballots b ON b.id = p.ballot_id
              LEFT JOIN ballot_envelopes e ON e.id = p.envelope_id AND NOT b.secret
             WHERE p.user_id = $1 ORDER BY p.voted_at, b.id`,
    },
  ];
}
