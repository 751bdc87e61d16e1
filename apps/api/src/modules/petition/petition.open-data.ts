import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicAuthorSql,
  publicComponentSql,
} from '../../platform/open-data';

const PETITIONS_PAGE = `
  SELECT p.id AS key, p.id, s.slug AS space, p.component_id, p.title, p.body,
         ${publicAuthorSql('u')} AS author,
         CASE WHEN p.state = 'ANSWERED' THEN 'ANSWERED' WHEN p.ends_at > now() THEN 'OPEN' ELSE 'CLOSED' END AS state,
         p.signatures_count, p.published_at, p.ends_at, p.answer, p.answered_at
    FROM petitions p
    JOIN components c ON c.id = p.component_id
    JOIN participatory_spaces s ON s.id = c.space_id
    LEFT JOIN users u ON u.id = p.author_id
   WHERE p.id > $1 AND ${publicComponentSql()}
     AND p.state IN ('PUBLISHED', 'ANSWERED') AND p.hidden_at IS NULL
   ORDER BY p.id LIMIT $2`;

/** Published petitions (never drafts, those under validation or discarded; not hidden), with their counts and answers. */
@Injectable()
@OpenDataProviderAdapter()
export class PetitionOpenData implements OpenDataProvider {
  readonly order = 40;
  readonly datasets = [
    {
      name: 'petitions',
      description: 'Les pétitions publiées (ni brouillons, ni écartées, ni masquées)',
      columns: [
        { name: 'id', description: 'identifiant de la pétition' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'component_id', description: 'identifiant de la fonctionnalité « Pétitions »' },
        { name: 'title', description: 'titre' },
        { name: 'body', description: 'texte (HTML assaini)' },
        {
          name: 'author',
          description: 'nom public de l’auteur (« Participant supprimé » pour un compte supprimé)',
        },
        {
          name: 'state',
          description:
            'OPEN (signatures ouvertes), CLOSED (période finie) ou ANSWERED (réponse publiée)',
        },
        { name: 'signatures_count', description: 'nombre de signatures' },
        { name: 'published_at', description: 'début de la période de signature (UTC, ISO 8601)' },
        { name: 'ends_at', description: 'fin de la période de signature (UTC, ISO 8601)' },
        { name: 'answer', description: 'réponse officielle (vide sinon)' },
        { name: 'answered_at', description: 'date de la réponse (vide sinon)' },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, PETITIONS_PAGE),
    },
  ];
}
