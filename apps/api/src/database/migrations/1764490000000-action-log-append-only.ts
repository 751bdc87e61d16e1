import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The action log is append-only for the application: a trigger refuses DELETE and any UPDATE,
 * except the foreign keys' own `ON DELETE SET NULL` (a deleted account or space leaves its
 * lines, with the reference emptied and everything else unchanged).
 */
export class ActionLogAppendOnly1764490000000 implements MigrationInterface {
  name = 'ActionLogAppendOnly1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION action_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.id = OLD.id AND NEW.action = OLD.action AND NEW.resource_type = OLD.resource_type
           AND NEW.resource_id IS NOT DISTINCT FROM OLD.resource_id AND NEW.visibility = OLD.visibility
           AND NEW.summary = OLD.summary AND NEW.created_at = OLD.created_at
           AND (NEW.user_id IS NULL OR NEW.user_id = OLD.user_id)
           AND (NEW.space_id IS NULL OR NEW.space_id = OLD.space_id) THEN
          RETURN NEW; -- a foreign key emptying its reference
        END IF;
        RAISE EXCEPTION 'action_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER action_logs_append_only BEFORE UPDATE OR DELETE ON action_logs
        FOR EACH ROW EXECUTE FUNCTION action_logs_append_only()`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS action_logs_created_idx ON action_logs (created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER action_logs_append_only ON action_logs`);
    await q.query(`DROP FUNCTION action_logs_append_only()`);
    await q.query(`DROP INDEX IF EXISTS action_logs_created_idx`);
  }
}
