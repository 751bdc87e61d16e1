import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * Ideas one added and one's answers in the pairwise booth. At account deletion the voter is
 * unlinked from the account (its answers stay counted, attached to nobody); ideas stay as
 * public content (their author is never shown).
 */
@Injectable()
@PersonalDataContributorAdapter()
export class IdeaPersonalData implements PersonalDataContributor {
  readonly order = 75;

  readonly datasets = [
    {
      name: 'ideas',
      description: 'Les idées que vous avez ajoutées',
      columns: ['idea_id', 'question', 'body', 'status', 'created_at'],
      sql: `SELECT i.id AS idea_id, b.question, i.body, i.status, i.created_at FROM ideas i JOIN idea_boxes b ON b.id = i.box_id WHERE i.author_id = $1 ORDER BY i.created_at`,
    },
    {
      name: 'idea_votes',
      description: 'Vos réponses dans les boîtes à idées',
      columns: ['question', 'left_idea', 'right_idea', 'choice', 'answered_at'],
      sql: `SELECT b.question, l.body AS left_idea, r.body AS right_idea, p.choice, p.answered_at
              FROM idea_pairs p JOIN idea_voters v ON v.id = p.voter_id JOIN idea_boxes b ON b.id = p.box_id
              JOIN ideas l ON l.id = p.left_idea_id JOIN ideas r ON r.id = p.right_idea_id
             WHERE v.user_id = $1 AND p.answered_at IS NOT NULL ORDER BY p.answered_at`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(
      `DELETE FROM idea_pairs p USING idea_voters v WHERE v.id = p.voter_id AND v.user_id = $1 AND p.answered_at IS NULL`,
      [account.id],
    );
    await manager.query(
      `UPDATE idea_voters SET user_id = NULL, unlinked_at = now() WHERE user_id = $1`,
      [account.id],
    );
  }
}
