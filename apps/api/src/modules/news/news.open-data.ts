import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicAuthorSql,
  publicComponentSql,
} from '../../platform/open-data';

const NEWS_PAGE = `
  SELECT p.id AS key, p.id, s.slug AS space, p.component_id, p.title, p.body,
         CASE WHEN p.author_user_id IS NULL THEN s.title ELSE ${publicAuthorSql('u')} END AS author,
         p.published_at, p.updated_at
    FROM news_posts p
    JOIN components c ON c.id = p.component_id
    JOIN participatory_spaces s ON s.id = p.space_id
    LEFT JOIN users u ON u.id = p.author_user_id
   WHERE p.id > $1 AND ${publicComponentSql()} AND p.hidden_at IS NULL AND p.published_at <= now()
   ORDER BY p.id LIMIT $2`;

/** News posts already published (not scheduled for later, not hidden) of published spaces and components. */
@Injectable()
@OpenDataProviderAdapter()
export class NewsOpenData implements OpenDataProvider {
  readonly order = 60;
  readonly datasets = [
    {
      name: 'actualites',
      description: 'Les actualités publiées (ni programmées pour plus tard ni masquées)',
      columns: [
        { name: 'id', description: 'identifiant de l’actualité' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'component_id', description: 'identifiant de la fonctionnalité « Actualités »' },
        { name: 'title', description: 'titre' },
        { name: 'body', description: 'texte (HTML assaini)' },
        {
          name: 'author',
          description: 'signature : le nom de l’espace, ou le nom public de l’administrateur',
        },
        { name: 'published_at', description: 'date de publication (UTC, ISO 8601)' },
        { name: 'updated_at', description: 'dernière modification (UTC, ISO 8601)' },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, NEWS_PAGE),
    },
  ];
}
