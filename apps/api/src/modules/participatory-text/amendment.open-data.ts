import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ResourceHosts } from '../../platform/component-registry';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicAuthorSql,
  publicComponentSql,
} from '../../platform/open-data';

const AMENDMENTS_PAGE = `
  SELECT a.id AS key, a.id, s.slug AS space, a.amendable_type, a.amendable_id, a.title, a.body,
         ${publicAuthorSql('u')} AS author, a.state, a.outdated, a.supports_count, a.created_at, a.answered_at
    FROM amendments a
    JOIN components c ON c.id = a.component_id
    JOIN participatory_spaces s ON s.id = a.space_id
    LEFT JOIN users u ON u.id = a.author_id
   WHERE a.id > $1 AND ${publicComponentSql()} AND a.state NOT IN ('DRAFT', 'WITHDRAWN') AND a.hidden_at IS NULL
   ORDER BY a.id LIMIT $2`;

/**
 * Amendments anyone can read: neither drafts, withdrawn nor hidden by moderation, in components that show every
 * participant's amendments, of an article or proposal shown to anonymous visitors and not hidden
 * (both asked through the hosts).
 */
@Injectable()
@OpenDataProviderAdapter()
export class AmendmentOpenData implements OpenDataProvider {
  readonly order = 20;
  readonly datasets = [
    {
      name: 'amendements',
      description:
        'Les amendements publics (ni brouillons ni retirés) d’articles et de propositions visibles de tous',
      columns: [
        { name: 'id', description: 'identifiant de l’amendement' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'amendable_type', description: 'ARTICLE (texte collaboratif) ou PROPOSAL' },
        { name: 'amendable_id', description: 'identifiant de l’article ou de la proposition' },
        { name: 'title', description: 'titre' },
        { name: 'body', description: 'texte proposé' },
        {
          name: 'author',
          description: 'nom public de l’auteur (« Participant supprimé » pour un compte supprimé)',
        },
        { name: 'state', description: 'EVALUATING, ACCEPTED ou REJECTED' },
        { name: 'outdated', description: 'true si le texte amendé a changé depuis' },
        { name: 'supports_count', description: 'nombre de soutiens' },
        { name: 'created_at', description: 'date (UTC, ISO 8601)' },
        { name: 'answered_at', description: 'date de la réponse (vide sinon)' },
      ],
      batches: (manager: EntityManager) => this.batches(manager),
    },
  ];

  constructor(private readonly hosts: ResourceHosts) {}

  private async *batches(manager: EntityManager): AsyncGenerator<Record<string, unknown>[]> {
    for await (const batch of keysetBatches(manager, AMENDMENTS_PAGE, 500)) {
      const kept: Record<string, unknown>[] = [];
      for (const row of batch)
        if (
          (await this.isPublic('AMENDMENT', String(row.id), manager)) &&
          (await this.isPublic(String(row.amendable_type), String(row.amendable_id), manager))
        )
          kept.push(row);
      yield kept;
    }
  }

  private async isPublic(type: string, id: string, manager: EntityManager): Promise<boolean> {
    try {
      return !(await this.hosts.host(type).locate(id, null, manager)).hidden;
    } catch {
      return false;
    }
  }
}
