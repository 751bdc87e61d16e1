import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicComponentSql,
} from '../../platform/open-data';

const MOTIONS_PAGE = `
  SELECT m.id AS key, m.id, s.slug AS space, m.component_id, m.reference, m.title, m.body,
         m.opens_at, m.closes_at, m.majority, m.quorum_percent,
         CASE WHEN now() < m.opens_at THEN 'SCHEDULED' WHEN now() < m.closes_at THEN 'OPEN' ELSE 'CLOSED' END AS status,
         r.outcome, r.for_weight, r.against_weight, r.abstain_weight, r.voters_count, r.voters_weight,
         r.members_count, r.members_weight, r.quorum_reached, r.computed_at AS results_at
    FROM motions m
    JOIN components c ON c.id = m.component_id
    JOIN participatory_spaces s ON s.id = c.space_id
    LEFT JOIN motion_results r ON r.motion_id = m.id
   WHERE m.id > $1 AND ${publicComponentSql()} AND m.opens_at IS NOT NULL
   ORDER BY m.id LIMIT $2`;

/**
 * The Assemblée's motions once scheduled (never drafts) with their frozen results: the tally is
 * published only once the motion has closed and its result was stored (`motion_results`), so a
 * tally hidden until the close stays hidden; never who voted or how.
 */
@Injectable()
@OpenDataProviderAdapter()
export class MotionOpenData implements OpenDataProvider {
  readonly order = 35;
  readonly datasets = [
    {
      name: 'motions',
      description:
        'Les motions de l’Assemblée mises au vote (pas les brouillons) et, une fois closes, leur résultat',
      columns: [
        { name: 'id', description: 'identifiant de la motion' },
        { name: 'space', description: 'identifiant (slug) de l’assemblée' },
        { name: 'component_id', description: 'identifiant de la fonctionnalité « Motions »' },
        { name: 'reference', description: 'référence (par ex. « A2-1 » ; vide sinon)' },
        { name: 'title', description: 'titre' },
        { name: 'body', description: 'texte (HTML assaini)' },
        { name: 'opens_at', description: 'ouverture du vote (UTC, ISO 8601)' },
        { name: 'closes_at', description: 'clôture du vote (UTC, ISO 8601)' },
        {
          name: 'majority',
          description:
            'majorité requise : SIMPLE (plus de pour que de contre, abstentions non comptées), ABSOLUTE (pour > 50 % des votes, abstentions comprises), TWO_THIRDS (pour ≥ 2/3 des pour et contre)',
        },
        {
          name: 'quorum_percent',
          description:
            'quorum, en pourcentage du poids des membres (présents en séance, ou appelés à voter)',
        },
        { name: 'status', description: 'SCHEDULED (à venir), OPEN (en cours) ou CLOSED (close)' },
        {
          name: 'outcome',
          description:
            'ADOPTED (adoptée), REJECTED (rejetée) ou NO_QUORUM (quorum non atteint) ; vide avant la clôture',
        },
        { name: 'for_weight', description: 'poids des voix pour' },
        { name: 'against_weight', description: 'poids des voix contre' },
        { name: 'abstain_weight', description: 'poids des abstentions' },
        { name: 'voters_count', description: 'nombre de votants' },
        { name: 'voters_weight', description: 'poids total des votants' },
        { name: 'members_count', description: 'nombre de membres appelés à voter' },
        { name: 'members_weight', description: 'poids total des membres appelés à voter' },
        { name: 'quorum_reached', description: 'true si le quorum est atteint' },
        {
          name: 'results_at',
          description: 'date à laquelle le résultat a été arrêté (UTC, ISO 8601)',
        },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, MOTIONS_PAGE),
    },
  ];
}
