import { CensusKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssemblyMembershipService } from '../participatory-space/assembly-membership.service';
import { ProfileService } from '../profile/profile.service';

/**
 * The census (corps électoral) of a ballot: who may vote and with what weight, and its size.
 *
 * The reads of other features' data are gathered here, and only here: ALL_MEMBERS reads live
 * accounts (`users`, a shared read); ASSEMBLY_MEMBERS asks the Assemblée's current members and
 * their weights, as motions count them, through {@link AssemblyMembershipService}; TYPOLOGY asks
 * the members feature through {@link ProfileService} (`typologyOf`, `countWithTypologies`,
 * `membersWithTypologies`), never its tables.
 *
 * Weights are integers: 1 per voter, or thousandths of an Assemblée weight when weighted, so
 * counting stays exact.
 */
export interface CensusRule {
  kind: CensusKind;
  spaceId: string | null;
  weighted: boolean;
  ballotId: string;
  /** TYPOLOGY: the profile typology keys whose members vote. */
  typologyKeys: string[];
}

/** A member weight numeric(8,3) as text → thousandths, exactly. */
export function weightToMilli(text: string): number {
  const [int, frac = ''] = text.split('.');
  return Number(int) * 1000 + Number((frac + '000').slice(0, 3));
}

/** Census membership, weights and sizes of ballots. Caller: the ballot module only. */
@Injectable()
export class BallotCensus {
  constructor(
    private readonly profiles: ProfileService,
    private readonly assemblies: AssemblyMembershipService,
  ) {}

  /**
   * The weight of `userId`'s ballot, or null when they are not in the census. With `lock`, the
   * row that makes them a member (assembly membership, member profile) is share-locked so a
   * removal or a change of typology waits for the vote.
   */
  async weight(
    manager: EntityManager,
    rule: CensusRule,
    userId: string,
    email: string | null,
    lock: boolean,
  ): Promise<number | null> {
    switch (rule.kind) {
      case CensusKind.ALL_MEMBERS: {
        const [row] = await manager.query(
          `SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL`,
          [userId],
        );
        return row ? 1 : null;
      }
      case CensusKind.ASSEMBLY_MEMBERS: {
        const row = await this.assemblies.currentMember(manager, rule.spaceId!, userId, lock);
        if (!row) return null;
        return rule.weighted ? weightToMilli(row.weight) : 1;
      }
      case CensusKind.EMAIL_LIST: {
        if (!email) return null;
        const [row] = await manager.query(
          `SELECT 1 FROM ballot_census_emails WHERE ballot_id = $1 AND email = lower($2)`,
          [rule.ballotId, email],
        );
        return row ? 1 : null;
      }
      case CensusKind.TYPOLOGY: {
        const typology = (await this.profiles.typologyOf([userId], { manager, lock })).get(userId);
        return typology && rule.typologyKeys.includes(typology) ? 1 : null;
      }
      default:
        return null;
    }
  }

  /** Size of the census now: number of voters and their total weight (integer units). */
  async size(
    manager: EntityManager,
    rule: CensusRule,
  ): Promise<{ voters: number; weight: number }> {
    switch (rule.kind) {
      case CensusKind.ALL_MEMBERS: {
        const [row] = await manager.query(
          `SELECT count(*)::int AS n FROM users WHERE deleted_at IS NULL`,
        );
        return { voters: row.n, weight: row.n };
      }
      case CensusKind.ASSEMBLY_MEMBERS: {
        const rows = await this.assemblies.currentMembers(manager, rule.spaceId!);
        return {
          voters: rows.length,
          weight: rows.reduce((sum, r) => sum + (rule.weighted ? weightToMilli(r.weight) : 1), 0),
        };
      }
      case CensusKind.EMAIL_LIST: {
        const [row] = await manager.query(
          `SELECT count(*)::int AS n FROM ballot_census_emails WHERE ballot_id = $1`,
          [rule.ballotId],
        );
        return { voters: row.n, weight: row.n };
      }
      case CensusKind.TYPOLOGY: {
        const n = await this.profiles.countWithTypologies(rule.typologyKeys, manager);
        return { voters: n, weight: n };
      }
      default:
        return { voters: 0, weight: 0 };
    }
  }

  /**
   * The accounts in the census now (notifications: opening, closing soon, closed). EMAIL_LIST:
   * the accounts whose e-mail is listed (people without an account are not reached here).
   */
  async memberIds(manager: EntityManager, rule: CensusRule): Promise<string[]> {
    switch (rule.kind) {
      case CensusKind.ALL_MEMBERS:
        return (
          await manager.query(`SELECT id FROM users WHERE deleted_at IS NULL ORDER BY id`)
        ).map((r: { id: string }) => r.id);
      case CensusKind.ASSEMBLY_MEMBERS:
        return (await this.assemblies.currentMembers(manager, rule.spaceId!)).map((r) => r.userId);
      case CensusKind.EMAIL_LIST:
        return (
          await manager.query(
            `SELECT u.id FROM users u JOIN ballot_census_emails e ON e.email = lower(u.email) WHERE e.ballot_id = $1 AND u.deleted_at IS NULL ORDER BY u.id`,
            [rule.ballotId],
          )
        ).map((r: { id: string }) => r.id);
      case CensusKind.TYPOLOGY:
        return this.profiles.membersWithTypologies(rule.typologyKeys, manager);
      default:
        return [];
    }
  }

  /** Whether a space is an Assemblée (ASSEMBLY_MEMBERS census). */
  async isAssembly(manager: EntityManager, spaceId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM participatory_spaces WHERE id = $1 AND type = 'ASSEMBLY'`,
      [spaceId],
    );
    return !!row;
  }

  /** The typology keys among `keys` that the organization offers now (current, not archived). */
  async knownTypologies(keys: readonly string[]): Promise<Set<string>> {
    const current = new Set((await this.profiles.typologies()).map((t) => t.key));
    return new Set(keys.filter((k) => current.has(k)));
  }
}
