import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the journal's filters, each ending with `id` so a page newest-first is a backward
 * index range scan that stops after `first + 1` rows (keyset on id): by space, by resource
 * (also the public history of a proposal, article or motion), by actor. The resource index
 * replaces `action_logs_resource_idx`, its prefix.
 */
export class ActionLogIndexes1764520000000 implements MigrationInterface {
  name = 'ActionLogIndexes1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX action_logs_space_id_idx ON action_logs (space_id, id)`);
    await q.query(
      `CREATE INDEX action_logs_resource_id_idx ON action_logs (resource_type, resource_id, id)`,
    );
    await q.query(`CREATE INDEX action_logs_user_id_idx ON action_logs (user_id, id)`);
    await q.query(`DROP INDEX IF EXISTS action_logs_resource_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS action_logs_resource_idx ON action_logs (resource_type, resource_id)`,
    );
    await q.query(`DROP INDEX IF EXISTS action_logs_user_id_idx`);
    await q.query(`DROP INDEX IF EXISTS action_logs_resource_id_idx`);
    await q.query(`DROP INDEX IF EXISTS action_logs_space_id_idx`);
  }
}
