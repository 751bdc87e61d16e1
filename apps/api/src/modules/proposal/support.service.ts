import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ProposalDto } from './dtos/proposal.dto';
import { proposalSettingsOf, SupportsState } from './proposal.manifest';
import { ProposalService } from './proposal.service';

/**
 * Supports (Soutiens). Every limit is decided inside one transaction that holds, in this
 * order: a transaction-scoped advisory lock on (component, user) — so one participant's
 * supports in a component are serialised and `supportLimit` / `minimumSupportsPerUser` are
 * counted exactly — then a row lock on the proposal, so `threshold` is checked against a
 * `supports_count` no one else can change meanwhile. The unique constraint
 * (proposal_id, user_id) makes a double click harmless. `proposals.supports_count` is
 * updated in the same transaction as the support rows: it always equals the proposal's
 * counted supports. A participant reaching (or falling below) the minimum locks all their
 * supported proposals in id order before the target, so such transactions cannot deadlock.
 */
@Injectable()
export class SupportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalService,
    private readonly follows: FollowService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
  ) {}

  /**
   * Supports a proposal; the supporter follows it. Supporting twice is a no-op.
   * @returns the proposal as the caller now sees it
   * @throws NOT_FOUND proposal hidden or unknown; FORBIDDEN supports closed (BLOCKED/HIDDEN) or the
   *         proposal withdrawn; LIMIT_REACHED the caller's `supportLimit` is used up
   *         (`extensions.limit`), or the proposal reached its `threshold` and cannot accumulate;
   *         CONFLICT the caller marked « pas d'accord » on it (`reason: 'disagreed'`)
   */
  async support(proposalId: string, viewer: Viewer): Promise<ProposalDto> {
    const target = await this.proposals.byId(proposalId, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockParticipant(manager, target.componentId, viewer.user.id);
      const settings = await this.settings(manager, target.componentId);
      if (settings.supportsState !== SupportsState.ENABLED) throw DomainError.forbidden('Les soutiens sont fermés pour ces propositions.');
      const given = await this.given(manager, target.componentId, viewer.user.id);
      const crossing = settings.minimumSupportsPerUser > 1 && given + 1 === settings.minimumSupportsPerUser;
      // reaching the minimum touches all the participant's supported proposals: lock them all first, in id order
      if (crossing) await this.lockSupported(manager, target.componentId, viewer.user.id, proposalId);
      const proposal = await this.proposals.load(manager, proposalId, true);
      if (proposal.withdrawnAt) throw DomainError.forbidden('Une proposition retirée ne peut plus être soutenue.');
      if (proposal.hiddenAt) throw DomainError.notFound('Proposition', { id: proposalId });
      const already = await manager.query(`SELECT 1 FROM proposal_supports WHERE proposal_id = $1 AND user_id = $2`, [proposalId, viewer.user.id]);
      if (already.length) return;
      // a « pas d'accord » excludes a support (also held by the trigger of migration 1766300000000)
      if ((await manager.query(`SELECT 1 FROM proposal_disagreements WHERE proposal_id = $1 AND user_id = $2`, [proposalId, viewer.user.id])).length) {
        throw DomainError.conflict('Vous avez marqué « pas d’accord » : retirez-le d’abord pour soutenir cette proposition.', { reason: 'disagreed' }).inEnglish(
          'You marked “disagree”: withdraw it first to support this proposal.',
        );
      }
      if (settings.supportLimit > 0 && given >= settings.supportLimit) {
        throw DomainError.limitReached(`Vous avez déjà donné vos ${settings.supportLimit} soutiens.`, { limit: settings.supportLimit, reason: 'supportLimit' });
      }
      const counted = given + 1 >= settings.minimumSupportsPerUser;
      if (counted && settings.threshold > 0 && !settings.canAccumulateSupportsBeyondThreshold && proposal.supportsCount >= settings.threshold) {
        throw DomainError.limitReached('Cette proposition a atteint son seuil de soutiens.', { limit: settings.threshold, reason: 'threshold' });
      }
      await manager.query(`INSERT INTO proposal_supports (proposal_id, component_id, user_id, counted) VALUES ($1, $2, $3, $4)`, [
        proposalId,
        proposal.componentId,
        viewer.user.id,
        counted,
      ]);
      if (counted) {
        await manager.query(`UPDATE proposals SET supports_count = supports_count + 1 WHERE id = $1`, [proposalId]);
        // the participant just reached the minimum: their earlier supports start counting
        if (crossing) await this.recount(manager, proposal.componentId, viewer.user.id, true, proposalId);
      }
      await this.follows.followInTransaction(manager, viewer.user.id, 'PROPOSAL', proposalId);
      await this.actionLog.record(manager, { userId: viewer.user.id, action: 'support', resourceType: 'proposal', resourceId: proposalId, spaceId: await this.proposals.spaceIdOf(manager, proposal.componentId), visibility: 'PRIVATE', summary: 'Soutien' });
      await this.recordCounts(manager, proposal.componentId, viewer.user.id, crossing ? null : [proposalId]);
    });
    this.events.committed();
    return this.proposals.byId(proposalId, viewer);
  }

  /**
   * Withdraws the caller's support (a no-op when there is none).
   * @returns the proposal as the caller now sees it
   * @throws NOT_FOUND; FORBIDDEN supports closed
   */
  async unsupport(proposalId: string, viewer: Viewer): Promise<ProposalDto> {
    const target = await this.proposals.byId(proposalId, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockParticipant(manager, target.componentId, viewer.user.id);
      const settings = await this.settings(manager, target.componentId);
      if (settings.supportsState !== SupportsState.ENABLED) throw DomainError.forbidden('Les soutiens sont fermés pour ces propositions.');
      const given = await this.given(manager, target.componentId, viewer.user.id);
      const falling = settings.minimumSupportsPerUser > 1 && given === settings.minimumSupportsPerUser;
      if (falling) await this.lockSupported(manager, target.componentId, viewer.user.id, proposalId);
      await this.proposals.load(manager, proposalId, true);
      const removed = await queryRows<{ counted: boolean }>(manager, `DELETE FROM proposal_supports WHERE proposal_id = $1 AND user_id = $2 RETURNING counted`, [
        proposalId,
        viewer.user.id,
      ]);
      if (!removed.length) return;
      if (removed[0].counted) await manager.query(`UPDATE proposals SET supports_count = supports_count - 1 WHERE id = $1`, [proposalId]);
      // fell below the minimum: the remaining supports stop counting
      if (falling) await this.recount(manager, target.componentId, viewer.user.id, false);
      await this.actionLog.record(manager, { userId: viewer.user.id, action: 'unsupport', resourceType: 'proposal', resourceId: proposalId, spaceId: await this.proposals.spaceIdOf(manager, target.componentId), visibility: 'PRIVATE', summary: 'Soutien retiré' });
      await this.recordCounts(manager, target.componentId, viewer.user.id, falling ? null : [proposalId], falling ? [proposalId] : []);
    });
    this.events.committed();
    return this.proposals.byId(proposalId, viewer);
  }

  /**
   * Records `proposal.supportsChanged` events with the committed counts: for the given
   * proposals, or (ids null: the participant crossed the minimum) for all they support, plus `also`.
   */
  private async recordCounts(manager: EntityManager, componentId: string, userId: string, ids: string[] | null, also: string[] = []): Promise<void> {
    const rows: { id: string; supports_count: number }[] = await manager.query(
      ids
        ? `SELECT id, supports_count FROM proposals WHERE id = ANY($1::uuid[])`
        : `SELECT id, supports_count FROM proposals WHERE id = ANY($3::uuid[]) OR id IN (SELECT proposal_id FROM proposal_supports WHERE component_id = $1 AND user_id = $2)`,
      ids ? [ids] : [componentId, userId, also],
    );
    for (const row of rows) {
      await this.events.record(manager, 'proposal.supportsChanged', { proposalId: row.id, componentId, supportsCount: row.supports_count }, userId);
    }
  }

  private async settings(manager: EntityManager, componentId: string) {
    return proposalSettingsOf((await manager.query(`SELECT settings FROM components WHERE id = $1`, [componentId]))[0].settings);
  }

  /** Supports the participant has given in the component (stable while the participant lock is held). */
  private async given(manager: EntityManager, componentId: string, userId: string): Promise<number> {
    const [{ n }] = await manager.query(`SELECT count(*) AS n FROM proposal_supports WHERE component_id = $1 AND user_id = $2`, [componentId, userId]);
    return Number(n);
  }

  /**
   * Locks, in id order, the proposals the participant supports in the component plus `also`:
   * two participants crossing their minimum at once take their locks in the same order and
   * cannot deadlock.
   */
  private async lockSupported(manager: EntityManager, componentId: string, userId: string, also: string): Promise<void> {
    await manager.query(
      `SELECT id FROM proposals WHERE id = $3 OR id IN (SELECT proposal_id FROM proposal_supports WHERE component_id = $1 AND user_id = $2)
        ORDER BY id FOR UPDATE`,
      [componentId, userId, also],
    );
  }

  /** Serialises one participant's supports in one component for the rest of the transaction. */
  private lockParticipant(manager: EntityManager, componentId: string, userId: string) {
    return manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`support:${componentId}:${userId}`]);
  }

  /**
   * Switches a participant's other supports in a component to counted (or not) and moves the
   * proposals' counters with them, locking those proposals in id order.
   */
  private async recount(manager: EntityManager, componentId: string, userId: string, counted: boolean, exceptProposalId?: string): Promise<void> {
    const rows: { proposal_id: string }[] = await manager.query(
      `SELECT s.proposal_id FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id
        WHERE s.component_id = $1 AND s.user_id = $2 AND s.counted = $3 AND s.proposal_id IS DISTINCT FROM $4::uuid
        ORDER BY s.proposal_id`,
      [componentId, userId, !counted, exceptProposalId ?? null],
    );
    if (!rows.length) return;
    const ids = rows.map((r) => r.proposal_id);
    await manager.query(`UPDATE proposal_supports SET counted = $3 WHERE user_id = $1 AND proposal_id = ANY($2::uuid[])`, [userId, ids, counted]);
    await manager.query(`UPDATE proposals SET supports_count = supports_count + $2 WHERE id = ANY($1::uuid[])`, [ids, counted ? 1 : -1]);
  }
}
