import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ProposalDto } from './dtos/proposal.dto';
import { proposalSettingsOf, SupportsState } from './proposal.manifest';
import { ProposalService } from './proposal.service';

/**
 * « Pas d'accord » on proposals, where the component's `disagreementsEnabled` setting is on: the
 * −1 of the CONSENSUS order's participant × proposal matrix (`consensus.service.ts`).
 *
 * A participant holds at most one reaction per proposal, a support or a disagreement. PostgreSQL
 * holds it: the row is unique per (proposal, user), and a BEFORE INSERT trigger on both tables
 * takes an advisory lock on (proposal, user) and refuses the second kind (migration
 * `1766300000000-proposal-disagreements.ts`). The service also takes the participant lock that
 * supports take (same key as `SupportService`) so it can answer with a clear CONFLICT before the
 * trigger has to. `proposals.disagreements_count` moves in the same transaction as the rows, with
 * a `proposal.disagreementsChanged` event (the new count, live to the proposal's and the list's rooms).
 */
@Injectable()
export class DisagreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
  ) {}

  /**
   * Marks « pas d'accord » on a proposal; twice is a no-op.
   * @returns the proposal as the caller now sees it
   * @throws NOT_FOUND proposal hidden or unknown; FORBIDDEN `disagreementsEnabled` off
   *         (`reason: 'disagreementsDisabled'`), supports closed (`reason: 'supportsClosed'`) or the
   *         proposal withdrawn (`reason: 'withdrawn'`); CONFLICT the caller supports it (`reason: 'supported'`)
   */
  async disagree(proposalId: string, viewer: Viewer): Promise<ProposalDto> {
    const target = await this.proposals.byId(proposalId, viewer);
    let changed = false;
    await inTransaction(this.dataSource, async (manager) => {
      await lockParticipant(manager, target.componentId, viewer.user.id);
      const settings = proposalSettingsOf(
        (
          await manager.query(`SELECT settings FROM components WHERE id = $1`, [target.componentId])
        )[0].settings,
      );
      if (!settings.disagreementsEnabled) {
        throw DomainError.forbidden('« Pas d’accord » n’est pas ouvert pour ces propositions.', {
          reason: 'disagreementsDisabled',
        }).inEnglish('“Disagree” is not enabled for these proposals.');
      }
      if (settings.supportsState !== SupportsState.ENABLED)
        throw DomainError.forbidden('Les réactions sont fermées pour ces propositions.', {
          reason: 'supportsClosed',
        }).inEnglish('Reactions are closed for these proposals.');
      const proposal = await this.proposals.load(manager, proposalId, true);
      if (proposal.hiddenAt)
        throw DomainError.notFound('Proposition', { id: proposalId }).inEnglish(
          'Proposal not found.',
        );
      if (proposal.withdrawnAt)
        throw DomainError.forbidden('Une proposition retirée ne prend plus de réactions.', {
          reason: 'withdrawn',
        }).inEnglish('A withdrawn proposal no longer takes reactions.');
      const supported = await manager.query(
        `SELECT 1 FROM proposal_supports WHERE proposal_id = $1 AND user_id = $2`,
        [proposalId, viewer.user.id],
      );
      if (supported.length) {
        throw DomainError.conflict(
          'Vous soutenez cette proposition : retirez d’abord votre soutien pour marquer « pas d’accord ».',
          { reason: 'supported' },
        ).inEnglish('You support this proposal: withdraw your support first to mark “disagree”.');
      }
      const inserted = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO proposal_disagreements (proposal_id, component_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (proposal_id, user_id) DO NOTHING RETURNING id`,
        [proposalId, proposal.componentId, viewer.user.id],
      );
      if (!inserted.length) return;
      const [{ count }] = await queryRows<{ count: number }>(
        manager,
        `UPDATE proposals SET disagreements_count = disagreements_count + 1 WHERE id = $1 RETURNING disagreements_count AS count`,
        [proposalId],
      );
      await this.events.record(
        manager,
        'proposal.disagreementsChanged',
        { proposalId, componentId: target.componentId, disagreementsCount: count },
        viewer.user.id,
      );
      changed = true;
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'disagree',
        resourceType: 'proposal',
        resourceId: proposalId,
        spaceId: await this.proposals.spaceIdOf(manager, proposal.componentId),
        visibility: 'PRIVATE',
        summary: 'Pas d’accord',
      });
    });
    if (changed) this.events.committed();
    return this.proposals.byId(proposalId, viewer);
  }

  /**
   * Withdraws the caller's « pas d'accord » (a no-op when there is none; allowed even after the
   * setting is turned off, so one can always take it back).
   * @returns the proposal as the caller now sees it
   * @throws NOT_FOUND proposal hidden or unknown
   */
  async withdraw(proposalId: string, viewer: Viewer): Promise<ProposalDto> {
    const target = await this.proposals.byId(proposalId, viewer);
    let changed = false;
    await inTransaction(this.dataSource, async (manager) => {
      await lockParticipant(manager, target.componentId, viewer.user.id);
      await this.proposals.load(manager, proposalId, true);
      const removed = await queryRows<{ id: string }>(
        manager,
        `DELETE FROM proposal_disagreements WHERE proposal_id = $1 AND user_id = $2 RETURNING id`,
        [proposalId, viewer.user.id],
      );
      if (!removed.length) return;
      const [{ count }] = await queryRows<{ count: number }>(
        manager,
        `UPDATE proposals SET disagreements_count = disagreements_count - 1 WHERE id = $1 RETURNING disagreements_count AS count`,
        [proposalId],
      );
      await this.events.record(
        manager,
        'proposal.disagreementsChanged',
        { proposalId, componentId: target.componentId, disagreementsCount: count },
        viewer.user.id,
      );
      changed = true;
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'undisagree',
        resourceType: 'proposal',
        resourceId: proposalId,
        spaceId: await this.proposals.spaceIdOf(manager, target.componentId),
        visibility: 'PRIVATE',
        summary: 'Pas d’accord retiré',
      });
    });
    if (changed) this.events.committed();
    return this.proposals.byId(proposalId, viewer);
  }
}

/** The participant lock of `SupportService` (same key): one participant's reactions in a component are serialised. */
export function lockParticipant(manager: EntityManager, componentId: string, userId: string) {
  return manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `support:${componentId}:${userId}`,
  ]);
}
