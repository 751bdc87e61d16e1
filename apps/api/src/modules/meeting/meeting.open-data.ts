import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicComponentSql,
} from '../../platform/open-data';

const MEETINGS_PAGE = `
  SELECT m.id AS key, m.id, s.slug AS space, m.component_id, m.title, m.description, m.type,
         m.address, m.location, m.starts_at, m.ends_at, m.capacity,
         m.cancelled_at IS NOT NULL AS cancelled, m.published_at
    FROM meetings m
    JOIN components c ON c.id = m.component_id
    JOIN participatory_spaces s ON s.id = m.space_id
   WHERE m.id > $1 AND ${publicComponentSql()}
     AND m.published_at IS NOT NULL AND m.withdrawn_at IS NULL AND m.hidden_at IS NULL
   ORDER BY m.id LIMIT $2`;

/** Published meetings (not withdrawn, not hidden) of published spaces and components; never the online link (registrants only). */
@Injectable()
@OpenDataProviderAdapter()
export class MeetingOpenData implements OpenDataProvider {
  readonly order = 50;
  readonly datasets = [
    {
      name: 'rencontres',
      description: 'Les rencontres publiées (ni retirées ni masquées), sans le lien en ligne',
      columns: [
        { name: 'id', description: 'identifiant de la rencontre' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'component_id', description: 'identifiant de la fonctionnalité « Rencontres »' },
        { name: 'title', description: 'titre' },
        { name: 'description', description: 'description (HTML assaini)' },
        { name: 'type', description: 'IN_PERSON (en présentiel), ONLINE (en ligne) ou HYBRID' },
        { name: 'address', description: 'adresse (vide en ligne)' },
        { name: 'location', description: 'lieu (salle, bâtiment)' },
        { name: 'starts_at', description: 'début (UTC, ISO 8601)' },
        { name: 'ends_at', description: 'fin (UTC, ISO 8601)' },
        { name: 'capacity', description: 'nombre de places (0 = sans limite)' },
        { name: 'cancelled', description: 'true si la rencontre est annulée' },
        { name: 'published_at', description: 'date de publication (UTC, ISO 8601)' },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, MEETINGS_PAGE),
    },
  ];
}
