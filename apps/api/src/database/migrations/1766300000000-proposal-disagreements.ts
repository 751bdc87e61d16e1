import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Pas d'accord » on proposals and the CONSENSUS order's snapshots (issue #19, item 3).
 *
 * - `proposal_disagreements`: one row per (proposal, user), unique; `proposals.disagreements_count`
 *   moves with it in the same transaction (as `supports_count` does).
 * - Exclusivity with supports is held by PostgreSQL: a BEFORE INSERT trigger on both
 *   `proposal_supports` and `proposal_disagreements` takes a transaction-scoped advisory lock on
 *   (proposal, user), then refuses the row when the other kind exists (SQLSTATE 23505, as a
 *   unique violation: the API reports CONFLICT). Under READ COMMITTED the check after the lock
 *   sees the other transaction's committed row, so two racing clients cannot leave both.
 * - `proposal_consensus_snapshots` / `proposal_consensus_ranks`: a component's CONSENSUS ranking
 *   frozen at one moment (`version`, per component); paging cursors name the version, so a page
 *   read after a recomputation continues on the ranking it started with.
 */
export class ProposalDisagreements1766300000000 implements MigrationInterface {
  name = 'ProposalDisagreements1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proposal_disagreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_disagreements_once UNIQUE (proposal_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX proposal_disagreements_component_user ON proposal_disagreements (component_id, user_id)`,
    );
    await q.query(`CREATE INDEX proposal_disagreements_user ON proposal_disagreements (user_id)`);
    await q.query(
      `ALTER TABLE proposals ADD COLUMN disagreements_count integer NOT NULL DEFAULT 0 CONSTRAINT proposals_disagreements_count_positive CHECK (disagreements_count >= 0)`,
    );
    await q.query(`
      CREATE FUNCTION proposal_reaction_exclusive() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('proposal-reaction:' || NEW.proposal_id || ':' || NEW.user_id, 0));
        IF TG_TABLE_NAME = 'proposal_supports' THEN
          IF EXISTS (SELECT 1 FROM proposal_disagreements d WHERE d.proposal_id = NEW.proposal_id AND d.user_id = NEW.user_id) THEN
            RAISE EXCEPTION 'a participant cannot both support and disagree with a proposal' USING ERRCODE = 'unique_violation', CONSTRAINT = 'proposal_reaction_exclusive';
          END IF;
        ELSIF EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = NEW.proposal_id AND s.user_id = NEW.user_id) THEN
          RAISE EXCEPTION 'a participant cannot both support and disagree with a proposal' USING ERRCODE = 'unique_violation', CONSTRAINT = 'proposal_reaction_exclusive';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER proposal_supports_exclusive BEFORE INSERT ON proposal_supports FOR EACH ROW EXECUTE FUNCTION proposal_reaction_exclusive()`,
    );
    await q.query(
      `CREATE TRIGGER proposal_disagreements_exclusive BEFORE INSERT ON proposal_disagreements FOR EACH ROW EXECUTE FUNCTION proposal_reaction_exclusive()`,
    );
    await q.query(`
      CREATE TABLE proposal_consensus_snapshots (
        id bigserial PRIMARY KEY,
        component_id uuid NOT NULL REFERENCES components(id) ON DELETE CASCADE,
        version integer NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        signature text NOT NULL,
        participant_count integer NOT NULL,
        clustered_count integer NOT NULL,
        group_count integer NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_consensus_snapshots_version UNIQUE (component_id, version)
      )`);
    await q.query(`
      CREATE TABLE proposal_consensus_ranks (
        snapshot_id bigint NOT NULL REFERENCES proposal_consensus_snapshots(id) ON DELETE CASCADE,
        rank integer NOT NULL CHECK (rank >= 0),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        score double precision NOT NULL,
        PRIMARY KEY (snapshot_id, rank),
        CONSTRAINT proposal_consensus_ranks_once UNIQUE (snapshot_id, proposal_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_consensus_ranks`);
    await q.query(`DROP TABLE proposal_consensus_snapshots`);
    await q.query(`DROP TRIGGER proposal_disagreements_exclusive ON proposal_disagreements`);
    await q.query(`DROP TRIGGER proposal_supports_exclusive ON proposal_supports`);
    await q.query(`DROP FUNCTION proposal_reaction_exclusive()`);
    await q.query(`ALTER TABLE proposals DROP COLUMN disagreements_count`);
    await q.query(`DROP TABLE proposal_disagreements`);
  }
}
