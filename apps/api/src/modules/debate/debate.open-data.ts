import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  keysetBatches,
  type OpenDataProvider,
  OpenDataProviderAdapter,
  publicComponentSql,
} from '../../platform/open-data';

const STATEMENTS_PAGE = `
  SELECT st.id AS key, st.id, s.slug AS space, d.id AS debate_id, d.title AS debate, st.body, st.seeded,
         (SELECT count(*) FROM debate_votes v WHERE v.statement_id = st.id AND v.value = 1)::int AS agree,
         (SELECT count(*) FROM debate_votes v WHERE v.statement_id = st.id AND v.value = -1)::int AS disagree,
         (SELECT count(*) FROM debate_votes v WHERE v.statement_id = st.id AND v.value = 0)::int AS pass,
         st.created_at
    FROM debate_statements st
    JOIN debates d ON d.id = st.debate_id
    JOIN components c ON c.id = d.component_id
    JOIN participatory_spaces s ON s.id = c.space_id
   WHERE st.id > $1 AND ${publicComponentSql()}
     AND st.state = 'PUBLISHED' AND st.hidden_at IS NULL AND d.hidden_at IS NULL
   ORDER BY st.id LIMIT $2`;

/** Published statements of debates (never their author, as on screen) with their vote counts. */
@Injectable()
@OpenDataProviderAdapter()
export class DebateOpenData implements OpenDataProvider {
  readonly order = 70;
  readonly datasets = [
    {
      name: 'debats_affirmations',
      description:
        'Les affirmations publiées des débats (sans auteur, comme à l’écran) et leurs votes',
      columns: [
        { name: 'id', description: 'identifiant de l’affirmation' },
        { name: 'space', description: 'identifiant (slug) de l’espace participatif' },
        { name: 'debate_id', description: 'identifiant du débat' },
        { name: 'debate', description: 'titre du débat' },
        { name: 'body', description: 'texte de l’affirmation (280 caractères au plus)' },
        { name: 'seeded', description: 'true si proposée par les administrateurs' },
        { name: 'agree', description: 'nombre de « D’accord »' },
        { name: 'disagree', description: 'nombre de « Pas d’accord »' },
        { name: 'pass', description: 'nombre de « Passer »' },
        { name: 'created_at', description: 'date (UTC, ISO 8601)' },
      ],
      batches: (manager: EntityManager) => keysetBatches(manager, STATEMENTS_PAGE),
    },
  ];
}
