import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StatementParameters } from '../../common/database/statement-parameters';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ProposalDto } from './dtos/proposal.dto';
import { ProposalSettings, SupportsState } from './proposal.manifest';
import { ProposalService, SupportTarget } from './proposal.service';

/** What `proposal_support` / `proposal_unsupport` return (migration 1766500000000). */
interface SupportOutcome {
  status:
    | 'added'
    | 'already'
    | 'withdrawn'
    | 'hidden'
    | 'disagreed'
    | 'supportLimit'
    | 'threshold'
    | 'not_found'
    | 'removed'
    | 'none';
  supports_count: number | null;
  supported: boolean | null;
  followed: boolean | null;
}

/**
 * Supports (Soutiens), on a lean write path (issue 15): a support costs five SQL round trips
 * in all (the session lookup, the proposal with the viewer's flags, the component's settings
 * beside the viewer's report flag, and one write statement); a withdrawal six (the viewer's
 * follow flag is read beside the settings). No read after the write: the response is built
 * from the pre-read row and what the write returned.
 *
 * The write is ONE statement, hence one implicit transaction: the PL/pgSQL function
 * `proposal_support` (or `proposal_unsupport`) does the proposal-owned part — a
 * transaction-scoped advisory lock on (component, user), so one participant's supports in a
 * component are serialised and `supportLimit` / `minimumSupportsPerUser` are counted exactly;
 * when the participant reaches (or falls below) the minimum, row locks on all their supported
 * proposals in id order (no deadlock); a row lock on the proposal, so `threshold` is checked
 * against a `supports_count` no one else can change; the insert (or delete), the counters and
 * the recount — and the same statement holds, as `WITH` parts written by their own services,
 * the follow (FollowService), the action-log line (ActionLogService) and the
 * `proposal.supportsChanged` events (DomainEventOutbox), each conditioned on the function's
 * status, so they commit with the support or not at all. The unique constraint
 * (proposal_id, user_id) and the advisory lock make a double click a no-op.
 *
 * The component's settings are read before the write (as the transaction used to read them
 * without a lock): a settings change that commits during a support applies from the next one.
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
    const target = await this.proposals.supportTarget(proposalId, viewer, false);
    const { settings } = target;
    this.checkOpen(settings);
    const userId = viewer.user.id;
    const componentId = target.row.componentId;
    const params = new StatementParameters();
    const id = params.add(proposalId, 'uuid');
    const added = `FROM s WHERE s.status = 'added'`;
    const outcome = await this.write(
      `WITH s AS MATERIALIZED (
         SELECT * FROM proposal_support(${id}, ${params.add(componentId, 'uuid')}, ${params.add(userId, 'uuid')}, ${params.add(settings.supportLimit, 'int')},
                                        ${params.add(settings.minimumSupportsPerUser, 'int')}, ${params.add(settings.threshold, 'int')}, ${params.add(settings.canAccumulateSupportsBeyondThreshold, 'boolean')})),
       f AS (${this.follows.followStatement(params, userId, 'PROPOSAL', proposalId, added)}),
       l AS (${this.actionLog.recordStatement(params, { userId, action: 'support', resourceType: 'proposal', resourceId: proposalId, spaceId: target.spaceId, visibility: 'PRIVATE', summary: 'Soutien' }, added)}),
       e AS (${this.changedEvents(params, componentId, userId, 'added')})
       SELECT s.status, s.supports_count, s.supported,
              CASE WHEN EXISTS (SELECT 1 FROM f) THEN proposal_follows_moved(${id}, 1) ELSE false END AS followed
         FROM s`,
      params,
    );
    switch (outcome.status) {
      case 'not_found':
      case 'hidden':
        throw DomainError.notFound('Proposition', { id: proposalId }).inEnglish(
          'Proposal not found.',
        );
      case 'withdrawn':
        throw DomainError.forbidden(
          'Une proposition retirée ne peut plus être soutenue.',
        ).inEnglish('A withdrawn proposal can no longer be supported.');
      case 'disagreed':
        // a « pas d'accord » excludes a support (also held by the trigger of migration 1766300000000)
        throw DomainError.conflict(
          'Vous avez marqué « pas d’accord » : retirez-le d’abord pour soutenir cette proposition.',
          { reason: 'disagreed' },
        ).inEnglish('You marked “disagree”: withdraw it first to support this proposal.');
      case 'supportLimit':
        throw DomainError.limitReached(
          `Vous avez déjà donné vos ${settings.supportLimit} soutiens.`,
          { limit: settings.supportLimit, reason: 'supportLimit' },
        ).inEnglish(`You have already given your ${settings.supportLimit} supports.`);
      case 'threshold':
        throw DomainError.limitReached('Cette proposition a atteint son seuil de soutiens.', {
          limit: settings.threshold,
          reason: 'threshold',
        }).inEnglish('This proposal has reached its support threshold.');
      case 'added':
        this.events.committed();
        // a support always leaves the supporter following (added now, or followed before)
        return this.respond(target, viewer, outcome, {
          viewerSupports: true,
          viewerDisagrees: false,
          viewerFollows: true,
        });
      default: {
        // already supported (a double click): nothing was written
        const follows = await this.follows.followedAmong(userId, 'PROPOSAL', [proposalId]);
        return this.respond(target, viewer, outcome, {
          viewerSupports: true,
          viewerDisagrees: false,
          viewerFollows: follows.has(proposalId),
        });
      }
    }
  }

  /**
   * Withdraws the caller's support (a no-op when there is none).
   * @returns the proposal as the caller now sees it
   * @throws NOT_FOUND; FORBIDDEN supports closed
   */
  async unsupport(proposalId: string, viewer: Viewer): Promise<ProposalDto> {
    const target = await this.proposals.supportTarget(proposalId, viewer, true);
    const { settings } = target;
    this.checkOpen(settings);
    const userId = viewer.user.id;
    const componentId = target.row.componentId;
    const params = new StatementParameters();
    const removed = `FROM s WHERE s.status = 'removed'`;
    const outcome = await this.write(
      `WITH s AS MATERIALIZED (
         SELECT * FROM proposal_unsupport(${params.add(proposalId, 'uuid')}, ${params.add(componentId, 'uuid')}, ${params.add(userId, 'uuid')}, ${params.add(settings.minimumSupportsPerUser, 'int')})),
       l AS (${this.actionLog.recordStatement(params, { userId, action: 'unsupport', resourceType: 'proposal', resourceId: proposalId, spaceId: target.spaceId, visibility: 'PRIVATE', summary: 'Soutien retiré' }, removed)}),
       e AS (${this.changedEvents(params, componentId, userId, 'removed')})
       SELECT s.status, s.supports_count, s.supported, NULL::boolean AS followed FROM s`,
      params,
    );
    if (outcome.status === 'not_found')
      throw DomainError.notFound('Proposition', { id: proposalId }).inEnglish(
        'Proposal not found.',
      );
    if (outcome.status === 'removed') this.events.committed();
    return this.respond(target, viewer, outcome, {
      viewerSupports: false,
      viewerDisagrees: target.viewerDisagrees,
      viewerFollows: target.viewerFollows ?? false,
    });
  }

  private checkOpen(settings: ProposalSettings): void {
    if (settings.supportsState !== SupportsState.ENABLED)
      throw DomainError.forbidden('Les soutiens sont fermés pour ces propositions.').inEnglish(
        'Supports are closed for these proposals.',
      );
  }

  /** Runs the composed write: one statement, so one implicit transaction and one round trip. */
  private async write(sql: string, params: StatementParameters): Promise<SupportOutcome> {
    const [outcome]: SupportOutcome[] = await this.dataSource.query(sql, params.values);
    return outcome;
  }

  /**
   * The `proposal.supportsChanged` events of a write, with the committed counts the function
   * returned: the target, or (the participant crossed or fell below the minimum) every
   * proposal whose count moved with it.
   */
  private changedEvents(
    params: StatementParameters,
    componentId: string,
    userId: string,
    status: 'added' | 'removed',
  ): string {
    return this.events.recordStatement(
      params,
      'proposal.supportsChanged',
      `jsonb_build_object('proposalId', c.id, 'componentId', ${params.add(componentId, 'uuid')}, 'supportsCount', c.n)`,
      `FROM s, unnest(s.changed_ids, s.changed_counts) AS c(id, n) WHERE s.status = '${status}'`,
      userId,
    );
  }

  /** The response: the pre-read row with what the write returned (no read after the write). */
  private respond(
    target: SupportTarget,
    viewer: Viewer,
    outcome: SupportOutcome,
    flags: { viewerSupports: boolean; viewerDisagrees: boolean; viewerFollows: boolean },
  ): ProposalDto {
    const row = {
      ...target.row,
      supportsCount: outcome.supports_count ?? target.row.supportsCount,
      followsCount: target.row.followsCount + (outcome.followed ? 1 : 0),
    };
    return this.proposals.toDto(row, viewer, target.settings, target.moderator, {
      ...flags,
      viewerReported: target.viewerReported,
      supported: outcome.supported ?? target.supported,
    });
  }
}
