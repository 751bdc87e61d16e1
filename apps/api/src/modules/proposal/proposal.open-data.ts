import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicAuthorSql,
  publicComponentSql,
} from '../../platform/open-data';

const PROPOSALS_PAGE = `
  SELECT p.id AS key, p.id, s.slug AS space, p.component_id, p.reference, p.title, p.body,
         CASE WHEN p.official THEN 'Proposition officielle' ELSE ${publicAuthorSql('u')} END AS author,
         CASE WHEN p.state_published_at IS NOT NULL THEN p.state ELSE 'NOT_ANSWERED' END AS state,
         p.supports_count, p.comments_count, p.published_at, p.updated_at
    FROM proposals p
    JOIN components c ON c.id = p.component_id
    JOIN participatory_spaces s ON s.id = c.space_id
    LEFT JOIN users u ON u.id = p.author_id
   WHERE p.id > $1 AND ${publicComponentSql()}
     AND p.hidden_at IS NULL AND p.withdrawn_at IS NULL AND p.state <> 'WITHDRAWN'
   ORDER BY p.id LIMIT $2`;

/** Published proposals of published spaces and components: neither hidden nor withdrawn. */
@Injectable()
@OpenDataProviderAdapter()
export class ProposalOpenData implements OpenDataProvider {
  readonly order = 10;
  readonly datasets = [
    {
      name: 'propositions',
      description: 'Les propositions publiées (ni masquées par la modération ni retirées)',
      columns: [
        { name: 'id', description: 'identifiant de la proposition' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'component_id', description: 'identifiant de la fonctionnalité « Propositions »' },
        { name: 'reference', description: 'référence affichée (peut être vide)' },
        { name: 'title', description: 'titre' },
        { name: 'body', description: 'texte (HTML assaini)' },
        {
          name: 'author',
          description: 'nom public de l’auteur (« Participant supprimé » pour un compte supprimé)',
        },
        {
          name: 'state',
          description:
            'état publié de la réponse officielle : NOT_ANSWERED, EVALUATING, ACCEPTED ou REJECTED',
        },
        { name: 'supports_count', description: 'nombre de soutiens' },
        { name: 'comments_count', description: 'nombre de commentaires' },
        { name: 'published_at', description: 'date de publication (UTC, ISO 8601)' },
        { name: 'updated_at', description: 'dernière modification (UTC, ISO 8601)' },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, PROPOSALS_PAGE),
    },
  ];
}
