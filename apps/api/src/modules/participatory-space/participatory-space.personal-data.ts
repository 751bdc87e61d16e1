import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';

/**
 * Assembly memberships and space roles. At deletion: roles and invitations (sent to the address
 * or accepted by the account) go; memberships end now with the college dropped (past votes kept).
 */
@Injectable()
@PersonalDataContributorAdapter()
export class ParticipatorySpacePersonalData implements PersonalDataContributor {
  readonly order = 50;
  readonly datasets = [
    {
      name: 'assembly_memberships',
      description: 'Vos adhésions aux assemblées',
      columns: ['space', 'position', 'college', 'weight', 'joined_at', 'left_at'],
      sql: `SELECT s.title AS space, m.position, m.college, m.weight::text AS weight, m.joined_at, m.left_at
              FROM assembly_members m JOIN participatory_spaces s ON s.id = m.space_id WHERE m.user_id = $1 ORDER BY m.joined_at`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM space_roles WHERE user_id = $1`, [account.id]);
    await manager.query(
      `DELETE FROM assembly_invitations WHERE lower(email) = lower($1) OR accepted_by = $2`,
      [account.email, account.id],
    );
    await manager.query(
      `UPDATE assembly_members SET left_at = greatest(now(), joined_at) WHERE user_id = $1 AND left_at IS NULL`,
      [account.id],
    );
    await manager.query(`UPDATE assembly_members SET college = NULL WHERE user_id = $1`, [
      account.id,
    ]);
  }
}
