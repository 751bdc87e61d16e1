import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AssemblyPosition } from '@concerto/domain';

/** A current member of an Assemblée: membership id and weight as exact text (numeric(8,3)). */
export interface CurrentAssemblyMember {
  memberId: string;
  userId: string;
  /** numeric(8,3) as text, e.g. `'1.500'`: exact, for integer thousandths. */
  weight: string;
}

/** A membership of an Assemblée over a period, as minutes list it. */
export interface AssemblyMembershipPeriod {
  name: string;
  position: AssemblyPosition;
  college: string | null;
  /** numeric(8,3) as text. */
  weight: string;
  joinedAt: Date;
  leftAt: Date | null;
}

/**
 * Members and weights of an Assemblée (`assembly_members`) as other modules need them: the
 * ballot census, motions (quorum, who may vote and with what weight, named votes, minutes).
 * Reads that decide a vote run in the caller's transaction and may share-lock the membership,
 * so that a removal or a change of weight waits for the vote.
 */
@Injectable()
export class AssemblyMembershipService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The current membership of a user in an Assemblée, or null when they are not a member now.
   * @param manager the caller's transaction
   * @param spaceId the Assemblée
   * @param userId the account
   * @param lock share-lock the membership row until the caller's transaction ends
   */
  async currentMember(
    manager: EntityManager,
    spaceId: string,
    userId: string,
    lock: boolean,
  ): Promise<CurrentAssemblyMember | null> {
    const [row] = await manager.query(
      `SELECT id, user_id, weight::text AS weight FROM assembly_members WHERE space_id = $1 AND user_id = $2 AND left_at IS NULL ${lock ? 'FOR SHARE' : ''}`,
      [spaceId, userId],
    );
    return row ? { memberId: row.id, userId: row.user_id, weight: row.weight } : null;
  }

  /**
   * The current members of an Assemblée, by user id.
   * @param manager the caller's transaction
   * @param spaceId the Assemblée
   */
  async currentMembers(manager: EntityManager, spaceId: string): Promise<CurrentAssemblyMember[]> {
    const rows: { id: string; user_id: string; weight: string }[] = await manager.query(
      `SELECT id, user_id, weight::text AS weight FROM assembly_members WHERE space_id = $1 AND left_at IS NULL ORDER BY user_id`,
      [spaceId],
    );
    return rows.map((r) => ({ memberId: r.id, userId: r.user_id, weight: r.weight }));
  }

  /**
   * How many people were members of an Assemblée at an instant, and their total weight
   * (joined at or before it, not left by then).
   * @param manager the caller's transaction
   * @param spaceId the Assemblée
   * @param at the instant
   * @param among when given, only these users (e.g. those present at a sitting or voting)
   * @returns the count and the total weight as exact text (numeric)
   */
  async sizeAt(
    manager: EntityManager,
    spaceId: string,
    at: Date,
    among?: readonly string[],
  ): Promise<{ count: number; weight: string }> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n, coalesce(sum(weight), 0)::text AS w FROM assembly_members
        WHERE space_id = $1 AND joined_at <= $2 AND (left_at IS NULL OR left_at > $2)
          AND ($3::uuid[] IS NULL OR user_id = ANY($3::uuid[]))`,
      [spaceId, at, among ?? null],
    );
    return { count: row.n, weight: row.w };
  }

  /**
   * The memberships of an Assemblée that overlap a period (joined before its end, not left
   * before its start), bureau first (president, vice-president, secretary), then by name.
   * @param spaceId the Assemblée
   * @param from start of the period
   * @param to end of the period
   */
  async membershipsDuring(
    spaceId: string,
    from: Date,
    to: Date,
  ): Promise<AssemblyMembershipPeriod[]> {
    const rows: {
      name: string;
      position: AssemblyPosition;
      college: string | null;
      weight: string;
      joined_at: Date;
      left_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT u.name, m.position, m.college, m.weight::text AS weight, m.joined_at, m.left_at
           FROM assembly_members m JOIN users u ON u.id = m.user_id
          WHERE m.space_id = $1 AND m.joined_at < $3 AND (m.left_at IS NULL OR m.left_at > $2)
          ORDER BY CASE m.position WHEN 'PRESIDENT' THEN 0 WHEN 'VICE_PRESIDENT' THEN 1 WHEN 'SECRETARY' THEN 2 ELSE 3 END, u.name, m.id`,
      [spaceId, from, to],
    );
    return rows.map((r) => ({
      name: r.name,
      position: r.position,
      college: r.college,
      weight: r.weight,
      joinedAt: r.joined_at,
      leftAt: r.left_at,
    }));
  }

  /**
   * Among `spaceIds`, the Assemblées of which a user is a member now.
   * @param userId the account
   * @param spaceIds the spaces to check
   */
  async spacesWhereMember(userId: string, spaceIds: readonly string[]): Promise<Set<string>> {
    const rows: { space_id: string }[] = await this.dataSource.query(
      `SELECT space_id FROM assembly_members WHERE user_id = $1 AND space_id = ANY($2) AND left_at IS NULL`,
      [userId, spaceIds],
    );
    return new Set(rows.map((r) => r.space_id));
  }

  /**
   * The college of each membership among `memberIds` (null when none), former memberships
   * included.
   * @param memberIds membership ids (`assembly_members.id`)
   */
  async colleges(memberIds: readonly string[]): Promise<Map<string, string | null>> {
    if (!memberIds.length) return new Map();
    const rows: { id: string; college: string | null }[] = await this.dataSource.query(
      `SELECT id, college FROM assembly_members WHERE id = ANY($1)`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.id, r.college]));
  }
}
