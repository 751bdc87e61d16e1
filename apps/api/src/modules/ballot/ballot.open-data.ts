import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicComponentSql,
} from '../../platform/open-data';

const BALLOTS_PAGE = `
  SELECT b.id AS key, b.id, s.slug AS space, b.component_id, b.title,
         (SELECT string_agg(q.method, ' ' ORDER BY q.position) FROM ballot_questions q WHERE q.ballot_id = b.id) AS methods,
         b.opens_at, b.closes_at, b.secret, b.census_kind,
         CASE WHEN now() < b.opens_at THEN 'SCHEDULED' WHEN now() < b.closes_at THEN 'OPEN' ELSE 'CLOSED' END AS status,
         r.voters, r.census_voters,
         CASE WHEN r.ballot_id IS NULL THEN NULL ELSE round(r.voters_weight_milli / 1000.0, 3) END AS voters_weight,
         r.questions::text AS results, r.computed_at AS results_at
    FROM ballots b
    JOIN components c ON c.id = b.component_id
    JOIN participatory_spaces s ON s.id = c.space_id
    LEFT JOIN ballot_results r ON r.ballot_id = b.id
   WHERE b.id > $1 AND ${publicComponentSql()} AND b.hidden_at IS NULL
   ORDER BY b.id LIMIT $2`;

/**
 * Votations of published spaces and components (not hidden) with their frozen results: a result
 * exists only once the ballot has closed and been counted (`ballot_results`), never a live tally,
 * and never who voted or how (only counts).
 */
@Injectable()
@OpenDataProviderAdapter()
export class BallotOpenData implements OpenDataProvider {
  readonly order = 45;
  readonly datasets = [
    {
      name: 'votations',
      description:
        'Les votations (non masquées) et, une fois closes et dépouillées, leurs résultats agrégés',
      columns: [
        { name: 'id', description: 'identifiant de la votation' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'component_id', description: 'identifiant de la fonctionnalité « Votations »' },
        { name: 'title', description: 'titre' },
        {
          name: 'methods',
          description:
            'mode de scrutin de chaque question, dans l’ordre, séparés par une espace : SINGLE (choix unique), MULTIPLE (choix multiples), RANKED (classement, méthode de Schulze), MAJORITY_JUDGMENT (jugement majoritaire)',
        },
        { name: 'opens_at', description: 'ouverture du vote (UTC, ISO 8601)' },
        { name: 'closes_at', description: 'clôture du vote (UTC, ISO 8601)' },
        {
          name: 'secret',
          description: 'true si le vote est secret (bulletins séparés des votants)',
        },
        {
          name: 'census_kind',
          description:
            'corps électoral : ALL_MEMBERS (tous les membres), ASSEMBLY_MEMBERS (membres d’une assemblée), EMAIL_LIST (liste d’adresses), TYPOLOGY (typologies de membres)',
        },
        { name: 'status', description: 'SCHEDULED (à venir), OPEN (en cours) ou CLOSED (close)' },
        {
          name: 'voters',
          description: 'nombre de votants (vide tant que le résultat n’est pas arrêté)',
        },
        {
          name: 'census_voters',
          description: 'taille du corps électoral à l’ouverture (vide s’il n’est pas dénombrable)',
        },
        {
          name: 'voters_weight',
          description: 'poids total des votants (vote pondéré ; sinon égal à voters)',
        },
        {
          name: 'results',
          description:
            'résultats arrêtés, en JSON : pour chaque question, le décompte de chaque option (et, selon le mode, les rangs ou la médiane des mentions) ; vide tant que la votation n’est pas close et dépouillée',
        },
        { name: 'results_at', description: 'date du dépouillement (UTC, ISO 8601 ; vide sinon)' },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, BALLOTS_PAGE),
    },
  ];
}
