import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * Petitions written, committees joined and signatures given. At deletion a signature stays
 * counted but no longer names its signer (`user_id` set to null); committee seats go; petitions
 * written stay, attributed to « Participant supprimé » by the users row.
 */
@Injectable()
@PersonalDataContributorAdapter()
export class PetitionPersonalData implements PersonalDataContributor {
  readonly order = 65;
  readonly datasets = [
    {
      name: 'petitions',
      description: 'Les pétitions que vous avez commencées',
      columns: ['petition_id', 'title', 'state', 'created_at', 'published_at', 'signatures_count'],
      sql: `SELECT id AS petition_id, title, state, created_at, published_at, signatures_count FROM petitions WHERE author_id = $1 ORDER BY created_at, id`,
    },
    {
      name: 'petition_committees',
      description: 'Les comités promoteurs de pétitions que vous avez rejoints',
      columns: ['petition_id', 'title', 'accepted_at'],
      sql: `SELECT p.id AS petition_id, p.title, m.accepted_at FROM petition_committee_members m JOIN petitions p ON p.id = m.petition_id WHERE m.user_id = $1 ORDER BY m.accepted_at, p.id`,
    },
    {
      name: 'petition_signatures',
      description: 'Vos signatures de pétitions',
      columns: ['petition_id', 'title', 'signed_at'],
      sql: `SELECT p.id AS petition_id, p.title, s.created_at AS signed_at FROM petition_signatures s JOIN petitions p ON p.id = s.petition_id WHERE s.user_id = $1 ORDER BY s.created_at, p.id`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`UPDATE petition_signatures SET user_id = NULL WHERE user_id = $1`, [
      account.id,
    ]);
    await manager.query(`DELETE FROM petition_committee_members WHERE user_id = $1`, [account.id]);
    await manager.query(
      `UPDATE petition_committee_invitations SET accepted_by = NULL WHERE accepted_by = $1`,
      [account.id],
    );
  }
}
