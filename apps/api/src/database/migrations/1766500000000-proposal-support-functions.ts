import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposal-owned part of a support and of its withdrawal as two PL/pgSQL functions, so that
 * `supportProposal` / `unsupportProposal` write in one statement (one SQL round trip) instead of
 * a dozen (issue 15, item 1). The functions keep the invariants the transaction of
 * `SupportService` used to keep, in the same order of locks:
 *
 * 1. a transaction-scoped advisory lock on (component, user): one participant's supports in a
 *    component are serialised, so `supportLimit` and `minimumSupportsPerUser` are counted exactly;
 * 2. when the participant reaches (or falls below) the minimum, a row lock on all the proposals
 *    they support plus the target, in id order (two such participants cannot deadlock);
 * 3. a row lock on the target proposal, so `threshold` is checked against a `supports_count`
 *    no one else can change meanwhile.
 *
 * In READ COMMITTED a plain SQL statement sees a snapshot taken before any lock it takes; each
 * statement of a VOLATILE PL/pgSQL function takes a fresh one, so the count that follows the
 * advisory lock sees every support committed before the lock was granted. The functions touch
 * only this module's tables (proposals, proposal_supports, proposal_disagreements); the component's settings are read by
 * the caller (through the participatory-space service) and passed in. They refuse by returning a
 * status, never by raising, and write nothing when they refuse, so the caller's statement can
 * condition the follow, the action-log line and the outbox events on the status.
 *
 * Returned: `status` (added | already | withdrawn | hidden | disagreed | supportLimit | threshold | not_found
 * for a support; removed | none | not_found for a withdrawal), the target's `supports_count`,
 * whether the target still has supports (`supported`), and the proposals whose counts the
 * caller announces (`proposal.supportsChanged`) with their new counts.
 */
export class ProposalSupportFunctions1766500000000 implements MigrationInterface {
  name = 'ProposalSupportFunctions1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION proposal_support(p_proposal uuid, p_component uuid, p_user uuid, p_support_limit int, p_minimum int, p_threshold int, p_accumulate boolean)
      RETURNS TABLE (status text, supports_count int, supported boolean, changed_ids uuid[], changed_counts int[])
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_given int;
        v_crossing boolean;
        v_counted boolean;
        v_row record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('support:' || p_component || ':' || p_user, 0));
        SELECT count(*) INTO v_given FROM proposal_supports s WHERE s.component_id = p_component AND s.user_id = p_user;
        v_crossing := p_minimum > 1 AND v_given + 1 = p_minimum;
        IF v_crossing THEN
          PERFORM 1 FROM proposals p
            WHERE p.id = p_proposal OR p.id IN (SELECT s.proposal_id FROM proposal_supports s WHERE s.component_id = p_component AND s.user_id = p_user)
            ORDER BY p.id FOR UPDATE;
        END IF;
        SELECT p.supports_count, p.withdrawn_at, p.hidden_at INTO v_row FROM proposals p WHERE p.id = p_proposal AND p.component_id = p_component FOR UPDATE;
        IF NOT FOUND THEN
          RETURN QUERY SELECT 'not_found'::text, NULL::int, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        IF v_row.withdrawn_at IS NOT NULL THEN
          RETURN QUERY SELECT 'withdrawn'::text, v_row.supports_count, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        IF v_row.hidden_at IS NOT NULL THEN
          RETURN QUERY SELECT 'hidden'::text, v_row.supports_count, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p_proposal AND s.user_id = p_user) THEN
          RETURN QUERY SELECT 'already'::text, v_row.supports_count, true, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        -- a « pas d'accord » excludes a support (the trigger of migration 1766300000000 holds it under races)
        IF EXISTS (SELECT 1 FROM proposal_disagreements d WHERE d.proposal_id = p_proposal AND d.user_id = p_user) THEN
          RETURN QUERY SELECT 'disagreed'::text, v_row.supports_count, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        IF p_support_limit > 0 AND v_given >= p_support_limit THEN
          RETURN QUERY SELECT 'supportLimit'::text, v_row.supports_count, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        v_counted := v_given + 1 >= p_minimum;
        IF v_counted AND p_threshold > 0 AND NOT p_accumulate AND v_row.supports_count >= p_threshold THEN
          RETURN QUERY SELECT 'threshold'::text, v_row.supports_count, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        INSERT INTO proposal_supports (proposal_id, component_id, user_id, counted) VALUES (p_proposal, p_component, p_user, v_counted);
        IF v_counted THEN
          UPDATE proposals p SET supports_count = p.supports_count + 1 WHERE p.id = p_proposal;
          IF v_crossing THEN
            -- the participant just reached the minimum: their earlier supports start counting
            WITH r AS (
              UPDATE proposal_supports s SET counted = true
               WHERE s.component_id = p_component AND s.user_id = p_user AND NOT s.counted AND s.proposal_id <> p_proposal
               RETURNING s.proposal_id)
            UPDATE proposals p SET supports_count = p.supports_count + 1 FROM r WHERE p.id = r.proposal_id;
          END IF;
        END IF;
        RETURN QUERY
          SELECT 'added'::text, (SELECT t.supports_count FROM proposals t WHERE t.id = p_proposal), true,
                 array_agg(p.id ORDER BY p.id), array_agg(p.supports_count ORDER BY p.id)
            FROM proposals p
           WHERE p.id = p_proposal
              OR (v_crossing AND p.id IN (SELECT s.proposal_id FROM proposal_supports s WHERE s.component_id = p_component AND s.user_id = p_user));
      END
      $fn$`);
    await q.query(`
      CREATE FUNCTION proposal_unsupport(p_proposal uuid, p_component uuid, p_user uuid, p_minimum int)
      RETURNS TABLE (status text, supports_count int, supported boolean, changed_ids uuid[], changed_counts int[])
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_given int;
        v_falling boolean;
        v_counted boolean;
        v_row record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('support:' || p_component || ':' || p_user, 0));
        SELECT count(*) INTO v_given FROM proposal_supports s WHERE s.component_id = p_component AND s.user_id = p_user;
        v_falling := p_minimum > 1 AND v_given = p_minimum;
        IF v_falling THEN
          PERFORM 1 FROM proposals p
            WHERE p.id = p_proposal OR p.id IN (SELECT s.proposal_id FROM proposal_supports s WHERE s.component_id = p_component AND s.user_id = p_user)
            ORDER BY p.id FOR UPDATE;
        END IF;
        SELECT p.supports_count INTO v_row FROM proposals p WHERE p.id = p_proposal AND p.component_id = p_component FOR UPDATE;
        IF NOT FOUND THEN
          RETURN QUERY SELECT 'not_found'::text, NULL::int, NULL::boolean, NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        DELETE FROM proposal_supports s WHERE s.proposal_id = p_proposal AND s.user_id = p_user RETURNING s.counted INTO v_counted;
        IF NOT FOUND THEN
          RETURN QUERY SELECT 'none'::text, v_row.supports_count, EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p_proposal), NULL::uuid[], NULL::int[];
          RETURN;
        END IF;
        IF v_counted THEN
          UPDATE proposals p SET supports_count = p.supports_count - 1 WHERE p.id = p_proposal;
        END IF;
        IF v_falling THEN
          -- fell below the minimum: the remaining supports stop counting
          WITH r AS (
            UPDATE proposal_supports s SET counted = false
             WHERE s.component_id = p_component AND s.user_id = p_user AND s.counted
             RETURNING s.proposal_id)
          UPDATE proposals p SET supports_count = p.supports_count - 1 FROM r WHERE p.id = r.proposal_id;
        END IF;
        RETURN QUERY
          SELECT 'removed'::text, (SELECT t.supports_count FROM proposals t WHERE t.id = p_proposal),
                 EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p_proposal),
                 array_agg(p.id ORDER BY p.id), array_agg(p.supports_count ORDER BY p.id)
            FROM proposals p
           WHERE p.id = p_proposal
              OR (v_falling AND p.id IN (SELECT s.proposal_id FROM proposal_supports s WHERE s.component_id = p_component AND s.user_id = p_user));
      END
      $fn$`);
    await q.query(`
      CREATE FUNCTION proposal_follows_moved(p_proposal uuid, p_delta int) RETURNS boolean
      LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        UPDATE proposals SET follows_count = follows_count + p_delta WHERE id = p_proposal;
        RETURN true;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION proposal_follows_moved(uuid, int)`);
    await q.query(`DROP FUNCTION proposal_unsupport(uuid, uuid, uuid, int)`);
    await q.query(`DROP FUNCTION proposal_support(uuid, uuid, uuid, int, int, int, boolean)`);
  }
}
