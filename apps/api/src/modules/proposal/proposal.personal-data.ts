import { Injectable } from '@nestjs/common';
import {
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/** Proposals, supports and « pas d'accord »: kept at deletion (attributed to « Participant supprimé », supports still counted). */
@Injectable()
@PersonalDataContributorAdapter()
export class ProposalPersonalData implements PersonalDataContributor {
  readonly order = 10;
  readonly datasets = [
    {
      name: 'proposals',
      description: 'Vos propositions',
      columns: ['id', 'space', 'title', 'body', 'state', 'published_at', 'updated_at'],
      sql: `SELECT p.id, s.title AS space, p.title, p.body, p.state, p.published_at, p.updated_at
              FROM proposals p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id
             WHERE p.author_id = $1 ORDER BY p.published_at, p.id`,
    },
    {
      name: 'supports',
      description: 'Vos soutiens aux propositions',
      columns: ['supported_type', 'supported_id', 'title', 'counted', 'created_at'],
      sql: `SELECT 'PROPOSAL' AS supported_type, p.id AS supported_id, p.title, s.counted, s.created_at
              FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id WHERE s.user_id = $1 ORDER BY s.created_at`,
    },
    {
      name: 'proposal_disagreements',
      description: 'Vos « pas d’accord » sur des propositions',
      columns: ['proposal_id', 'title', 'created_at'],
      sql: `SELECT p.id AS proposal_id, p.title, d.created_at
              FROM proposal_disagreements d JOIN proposals p ON p.id = d.proposal_id WHERE d.user_id = $1 ORDER BY d.created_at`,
    },
  ];
}
