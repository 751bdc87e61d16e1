import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ResourceHosts } from '../../platform/component-registry';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicAuthorSql,
} from '../../platform/open-data';

const COMMENTS_PAGE = `
  SELECT m.id AS key, m.id, s.slug AS space, m.commentable_type, m.commentable_id, m.parent_id,
         m.depth, m.alignment, m.body, ${publicAuthorSql('u')} AS author, m.created_at, m.edited_at
    FROM comments m
    JOIN participatory_spaces s ON s.id = m.space_id
    LEFT JOIN users u ON u.id = m.author_id
   WHERE m.id > $1 AND s.published_at IS NOT NULL AND m.hidden_at IS NULL AND m.deleted_at IS NULL
   ORDER BY m.id LIMIT $2`;

/** How many commentables' visibility a build remembers before starting afresh (bounds memory). */
const VISIBILITY_CACHE = 50_000;

/**
 * Comments that anyone can read: in a published space, neither hidden nor deleted, on a
 * commentable its host shows to an anonymous visitor and does not hide (asked through the
 * host's adapter, remembered per build).
 */
@Injectable()
@OpenDataProviderAdapter()
export class CommentOpenData implements OpenDataProvider {
  readonly order = 90;
  readonly datasets = [
    {
      name: 'commentaires',
      description:
        'Les commentaires publics (ni masqués ni supprimés) des contenus visibles de tous',
      columns: [
        { name: 'id', description: 'identifiant du commentaire' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        {
          name: 'commentable_type',
          description: 'type du contenu commenté (PROPOSAL, ARTICLE, MOTION, AMENDMENT, …)',
        },
        { name: 'commentable_id', description: 'identifiant du contenu commenté' },
        { name: 'parent_id', description: 'commentaire auquel il répond (vide sinon)' },
        { name: 'depth', description: 'profondeur dans le fil (0 à 2)' },
        { name: 'alignment', description: 'position : FOR (pour), AGAINST (contre), NEUTRAL' },
        { name: 'body', description: 'texte' },
        {
          name: 'author',
          description: 'nom public de l’auteur (« Participant supprimé » pour un compte supprimé)',
        },
        { name: 'created_at', description: 'date (UTC, ISO 8601)' },
        { name: 'edited_at', description: 'dernière modification (vide sinon)' },
      ],
      batches: (manager: EntityManager) => this.batches(manager),
    },
  ];

  constructor(private readonly hosts: ResourceHosts) {}

  private async *batches(manager: EntityManager): AsyncGenerator<Record<string, unknown>[]> {
    const visible = new Map<string, boolean>();
    const keyOf = (row: Record<string, unknown>) => `${row.commentable_type}:${row.commentable_id}`;
    for await (const batch of keysetBatches(manager, COMMENTS_PAGE)) {
      if (visible.size >= VISIBILITY_CACHE) visible.clear();
      // the commentables of this page not seen yet, by type: one query per type where the host can
      const unknown = new Map<string, Set<string>>();
      for (const row of batch)
        if (!visible.has(keyOf(row))) {
          const type = String(row.commentable_type);
          if (!unknown.has(type)) unknown.set(type, new Set());
          unknown.get(type)!.add(String(row.commentable_id));
        }
      for (const [type, idSet] of unknown) {
        const ids = [...idSet];
        const bulk = this.bulkReader(type);
        if (bulk) {
          const open = await bulk(manager, ids);
          for (const id of ids) visible.set(`${type}:${id}`, open.has(id));
        } else
          for (const id of ids)
            visible.set(`${type}:${id}`, await this.isPublic(type, id, manager));
      }
      yield batch.filter((row) => visible.get(keyOf(row)));
    }
  }

  private bulkReader(type: string) {
    try {
      return this.hosts.host(type).comments?.publicIds;
    } catch {
      return undefined;
    }
  }

  /** Whether an anonymous visitor sees the commentable, not hidden. */
  private async isPublic(type: string, id: string, manager: EntityManager): Promise<boolean> {
    try {
      const host = this.hosts.host(type);
      const resource = await host.locate(id, null, manager);
      return !resource.hidden;
    } catch {
      return false;
    }
  }
}
