import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assemblée deliberation: motion voting periods and rules, assembly invitations, votes split
 * into a participation row (who voted) and a ballot row (what was chosen, no member reference),
 * results frozen once per motion, and scheduler events recorded once per (motion, kind).
 *
 * Invariants held here:
 * - one participation per (motion, user): `motion_participations_once` — a member's vote is counted once;
 * - a public ballot belongs to one participation (`motion_participations_ballot_key`);
 * - one frozen result per motion (primary key of `motion_results`);
 * - one event per (motion, kind) (`motion_events` primary key), so the scheduler catches up without duplicates;
 * - one pending invitation per (assembly, e-mail).
 */
export class MotionsVotes1764460000000 implements MigrationInterface {
  name = 'MotionsVotes1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE motions
        ADD COLUMN opens_at timestamptz,
        ADD COLUMN closes_at timestamptz,
        ADD COLUMN majority text NOT NULL DEFAULT 'SIMPLE' CHECK (majority IN ('SIMPLE', 'ABSOLUTE', 'TWO_THIRDS')),
        ADD COLUMN quorum_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (quorum_percent >= 0 AND quorum_percent <= 100),
        ADD COLUMN secret_ballot boolean NOT NULL DEFAULT false,
        ADD COLUMN hide_tally_until_closed boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT motions_period_check CHECK ((opens_at IS NULL) = (closes_at IS NULL) AND (closes_at IS NULL OR closes_at > opens_at))`);
    await q.query(`CREATE INDEX motions_component_idx ON motions (component_id, opens_at)`);
    // motions loaded by the demo before this feature: open them now for 14 days so the demo is usable
    await q.query(`
      UPDATE motions m SET opens_at = now(), closes_at = now() + interval '14 days'
        FROM components c JOIN participatory_spaces s ON s.id = c.space_id
       WHERE c.id = m.component_id AND s.is_demo AND m.opens_at IS NULL`);

    await q.query(`
      CREATE TABLE motion_participations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        motion_id uuid NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES assembly_members(id) ON DELETE CASCADE,
        weight numeric(8,3) NOT NULL CHECK (weight > 0),
        ballot_id uuid,
        voted_at timestamptz NOT NULL DEFAULT now(),
        changed_at timestamptz,
        CONSTRAINT motion_participations_once UNIQUE (motion_id, user_id),
        CONSTRAINT motion_participations_ballot_key UNIQUE (ballot_id)
      )`);
    // no timestamp and no member reference: a secret ballot cannot be matched to its participation
    await q.query(`
      CREATE TABLE motion_ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        motion_id uuid NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
        weight numeric(8,3) NOT NULL CHECK (weight > 0)
      )`);
    await q.query(`CREATE INDEX motion_ballots_motion_idx ON motion_ballots (motion_id)`);
    await q.query(
      `ALTER TABLE motion_participations ADD CONSTRAINT motion_participations_ballot_fkey FOREIGN KEY (ballot_id) REFERENCES motion_ballots(id) ON DELETE CASCADE`,
    );

    await q.query(`
      CREATE TABLE motion_results (
        motion_id uuid PRIMARY KEY REFERENCES motions(id) ON DELETE CASCADE,
        outcome text NOT NULL CHECK (outcome IN ('ADOPTED', 'REJECTED', 'NO_QUORUM')),
        majority text NOT NULL,
        quorum_percent numeric(5,2) NOT NULL,
        for_weight numeric(12,3) NOT NULL,
        against_weight numeric(12,3) NOT NULL,
        abstain_weight numeric(12,3) NOT NULL,
        voters_count integer NOT NULL,
        voters_weight numeric(12,3) NOT NULL,
        members_count integer NOT NULL,
        members_weight numeric(12,3) NOT NULL,
        quorum_reached boolean NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE motion_events (
        motion_id uuid NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('OPENED', 'CLOSING_SOON', 'CLOSED')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (motion_id, kind)
      )`);

    await q.query(`
      CREATE TABLE assembly_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES participatory_spaces(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (char_length(email) <= 254),
        position text NOT NULL DEFAULT 'MEMBER' CHECK (position IN ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY', 'MEMBER')),
        college text,
        weight numeric(8,3) NOT NULL DEFAULT 1 CHECK (weight > 0),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX assembly_invitations_pending_key ON assembly_invitations (space_id, lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'assembly_invitations',
      'motion_events',
      'motion_results',
      'motion_participations',
      'motion_ballots',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP INDEX IF EXISTS motions_component_idx`);
    await q.query(`
      ALTER TABLE motions DROP CONSTRAINT motions_period_check, DROP COLUMN opens_at, DROP COLUMN closes_at, DROP COLUMN majority,
        DROP COLUMN quorum_percent, DROP COLUMN secret_ballot, DROP COLUMN hide_tally_until_closed`);
  }
}
