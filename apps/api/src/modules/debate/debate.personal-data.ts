import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';
import { DebateAnalysisService } from './debate-analysis.service';

/**
 * Statements written and votes cast in debates, and one's position on the latest map. At account
 * deletion the votes and the position go (an opinion is personal; the next analysis no longer
 * counts it, and a recomputation of each debate concerned is requested); statements stay,
 * attributed to « Participant supprimé » by the users row (they are never shown with an author
 * anyway).
 */
@Injectable()
@PersonalDataContributorAdapter()
export class DebatePersonalData implements PersonalDataContributor {
  readonly order = 75;

  constructor(private readonly analyses: DebateAnalysisService) {}
  readonly datasets = [
    {
      name: 'debate_statements',
      description: 'Les affirmations que vous avez proposées dans les débats',
      columns: ['statement_id', 'debate_id', 'debate', 'body', 'state', 'created_at'],
      sql: `SELECT s.id AS statement_id, d.id AS debate_id, d.title AS debate, s.body, s.state, s.created_at
              FROM debate_statements s JOIN debates d ON d.id = s.debate_id WHERE s.author_id = $1 ORDER BY s.created_at, s.id`,
    },
    {
      name: 'debate_votes',
      description: 'Vos votes dans les débats (1 d’accord, -1 pas d’accord, 0 passer)',
      columns: ['statement_id', 'debate_id', 'statement', 'value', 'voted_at', 'changed_at'],
      sql: `SELECT v.statement_id, v.debate_id, s.body AS statement, v.value, v.created_at AS voted_at, v.updated_at AS changed_at
              FROM debate_votes v JOIN debate_statements s ON s.id = v.statement_id WHERE v.user_id = $1 ORDER BY v.created_at, v.statement_id`,
    },
    {
      name: 'debate_positions',
      description: 'Votre position sur la dernière carte des opinions de chaque débat',
      columns: ['debate_id', 'x', 'y', 'group_id'],
      sql: `SELECT debate_id, x, y, group_id FROM debate_positions WHERE user_id = $1 ORDER BY debate_id`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM debate_positions WHERE user_id = $1`, [account.id]);
    const debates: { debate_id: string }[] = await manager.query(
      `SELECT DISTINCT debate_id FROM debate_votes WHERE user_id = $1`,
      [account.id],
    );
    await manager.query(`DELETE FROM debate_votes WHERE user_id = $1`, [account.id]);
    // runs after the interval's timer fires, i.e. after this transaction has committed in practice; the next vote or sweep catches it otherwise
    for (const { debate_id: debateId } of debates) this.analyses.requestRecompute(debateId);
  }
}
