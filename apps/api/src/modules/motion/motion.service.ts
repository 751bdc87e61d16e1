import {
  ComponentType,
  ErrorCode,
  MotionLimits,
  MotionMajority,
  MotionOutcome,
  MotionStatus,
  QuorumBasis,
  SpaceRole,
  VoteChoice,
} from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ActionLogService } from '../action-log/action-log.service';
import { AssemblyMembershipService } from '../participatory-space/assembly-membership.service';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { MotionDto, MotionResultDto, MotionTallyDto, MotionVoteDto } from './dtos/motion.dto';
import { CreateMotionInput, UpdateMotionInput } from './dtos/motion.inputs';
import {
  milliToNumber,
  type MotionTally,
  motionOutcome,
  motionTallies,
  quorumReached,
  toMilli,
} from './motion-result';
import { hasVisibleText } from '../../common/validation/visible-text';
import type { ResourceOrigin } from '../../common/graphql/resource-origin.dto';
import { SittingAttendance } from '../../platform/sitting-attendance';

/** A MOTIONS component checked for a draft motion created from another module's resource ({@link MotionService.originTarget}). */
export interface MotionOriginTarget {
  componentId: string;
  spaceId: string;
  /** The motion's author. */
  actorId: string;
  /** The actor administers the assembly (else a current member, checked again in the transaction). */
  admin: boolean;
}

/** A motion row with its status computed by PostgreSQL from `now()`. */
interface MotionRow {
  id: string;
  component_id: string;
  space_id: string;
  author_id: string | null;
  reference: string | null;
  title: string;
  body: string;
  opens_at: Date | null;
  closes_at: Date | null;
  majority: MotionMajority;
  quorum_percent: string;
  quorum_basis: QuorumBasis;
  sitting_id: string | null;
  secret_ballot: boolean;
  hide_tally_until_closed: boolean;
  created_at: Date;
  origin_type: 'PETITION' | null;
  origin_id: string | null;
  origin_title: string | null;
  origin_link: string | null;
  status: MotionStatus;
  read_at: Date;
}

/** Columns of {@link MotionRow}; the status is decided here, from the database clock, at every read. */
const MOTION_COLUMNS = `m.id, m.component_id, c.space_id, m.author_id, m.reference, m.title, m.body, m.opens_at, m.closes_at,
  m.majority, m.quorum_percent, m.quorum_basis, m.sitting_id, m.secret_ballot, m.hide_tally_until_closed, m.created_at, now() AS read_at,
  m.origin_type, m.origin_id, m.origin_title, m.origin_link,
  CASE WHEN m.opens_at IS NULL THEN 'DRAFT' WHEN now() < m.opens_at THEN 'SCHEDULED' WHEN now() < m.closes_at THEN 'OPEN' ELSE 'CLOSED' END AS status`;

const VOTE_LABEL: Record<VoteChoice, string> = {
  FOR: 'pour',
  AGAINST: 'contre',
  ABSTAIN: 'abstention',
};

/**
 * Motions of an Assemblée and their votes.
 *
 * - **Status** is never stored: DRAFT (no period), SCHEDULED (before `opensAt`), OPEN
 *   (`opensAt` ≤ now < `closesAt`), CLOSED (now ≥ `closesAt`), with now = PostgreSQL's clock
 *   at the read; so a motion is never open past `closesAt`, whether or not a scheduler ran.
 * - **One counted vote per member and motion** is held by the unique constraint
 *   `motion_participations_once (motion_id, user_id)`; changing a public vote locks the
 *   participation row (`FOR UPDATE`).
 * - **Secret ballot**: who voted (participation) and what was chosen (ballot: motion, choice,
 *   weight — no member, no timestamp) are stored apart, and the participation keeps no pointer
 *   to its ballot. Nothing in the database links a member to a choice, so no query (nor an
 *   administrator with SQL access) can read it. The price: **a secret vote is final** — it
 *   cannot be changed, since the ballot to change cannot be found (CONFLICT); a public vote can
 *   be changed until close. We chose this over an encrypted pointer because a key the server can
 *   use to let a member change their vote is a key an operator can use to read it.
 * - **Result**: frozen once, in a transaction, the first time a closed motion is read or the
 *   scheduler sees it closed (`motion_results` primary key = motion); see `motion-result.ts`.
 */
@Injectable()
export class MotionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly memberships: AssemblyMembershipService,
    private readonly sittings: SittingAttendance,
  ) {}

  /**
   * Motions of a MOTIONS component, by opening time (drafts last), then creation.
   * Drafts are listed only to those who may edit them (author, space admins, org admins).
   * @throws NOT_FOUND component hidden or unknown; BAD_USER_INPUT not a MOTIONS component
   */
  async list(componentId: string, viewer: Viewer | null): Promise<MotionDto[]> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.MOTIONS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de motions.').inEnglish(
        'This feature does not contain motions.',
      );
    const rows = await this.rows(
      `m.component_id = $1`,
      [componentId],
      `m.opens_at NULLS LAST, m.created_at, m.reference`,
    );
    return this.present(rows, viewer);
  }

  /**
   * One motion.
   * @throws NOT_FOUND unknown, in a hidden component, or a draft the viewer may not edit
   */
  async motion(id: string, viewer: Viewer | null): Promise<MotionDto> {
    const row = await this.findRow(id);
    await this.spaces.component(row.component_id, viewer);
    const [dto] = await this.present([row], viewer);
    if (!dto) throw DomainError.notFound('Motion', { id }).inEnglish('Motion not found.');
    return dto;
  }

  /**
   * Creates a motion. Caller: a current member of the assembly, a space admin or an org admin.
   * Times are stored in UTC; both given → SCHEDULED/OPEN, both null → DRAFT.
   * @throws FORBIDDEN not a member nor an admin; NOT_FOUND component; BAD_USER_INPUT not a MOTIONS
   *   component, empty body, one time without the other, closesAt not after opensAt or not in the
   *   future, period longer than a year
   */
  async create(input: CreateMotionInput, viewer: Viewer): Promise<MotionDto> {
    const component = await this.spaces.component(input.componentId, viewer);
    if (component.type !== ComponentType.MOTIONS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de motions.').inEnglish(
        'This feature does not contain motions.',
      );
    const id = await inTransaction(this.dataSource, async (manager) => {
      if (
        !(await this.isSpaceAdmin(viewer, component.spaceId)) &&
        !(await this.currentMember(manager, component.spaceId, viewer.user.id, false))
      ) {
        throw DomainError.forbidden(
          'Seuls les membres de l’assemblée et ses administrateurs peuvent déposer une motion.',
        ).inEnglish('Only the assembly’s members and its administrators can submit a motion.');
      }
      const body = this.cleanBody(input.body);
      const period = await this.checkPeriod(manager, input.opensAt ?? null, input.closesAt ?? null);
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO motions (component_id, author_id, title, body, opens_at, closes_at, majority, quorum_percent, secret_ballot, hide_tally_until_closed, quorum_basis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          component.id,
          viewer.user.id,
          input.title,
          body,
          period.opensAt,
          period.closesAt,
          input.majority ?? MotionMajority.SIMPLE,
          input.quorumPercent ?? 0,
          input.secretBallot ?? false,
          // a secret ballot's tally is hidden until the close (check constraint motions_secret_ballot_tally_hidden)
          (input.secretBallot ?? false) || (input.hideTallyUntilClosed ?? false),
          input.quorumBasis ?? QuorumBasis.VOTING,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'motion',
        resourceId: row.id,
        spaceId: component.spaceId,
        visibility: 'PUBLIC',
        summary: `Motion « ${input.title} » déposée`,
      });
      return row.id;
    });
    return this.motion(id, viewer);
  }

  /**
   * Checks, before the caller's transaction, that a draft motion can be created from another
   * module's resource in this component by this actor (see {@link createDraftFromOrigin}): motions
   * are proposed by the assembly's current members and admins (as {@link create}). Reads through
   * the pool: call it before taking row locks.
   * @param componentId the target component
   * @param actor the motion's author
   * @returns the checked target, to pass to {@link createDraftFromOrigin}
   * @throws NOT_FOUND component unknown or hidden from the actor; BAD_USER_INPUT (field `secondStageComponentId`) not a MOTIONS
   *   component; FORBIDDEN the actor is neither a current member nor an admin of the assembly
   */
  async originTarget(componentId: string, actor: Viewer): Promise<MotionOriginTarget> {
    const component = await this.spaces.component(componentId, actor);
    if (component.type !== ComponentType.MOTIONS)
      throw DomainError.badInput('La suite choisie n’est pas une fonctionnalité de motions.', {
        field: 'secondStageComponentId',
      }).inEnglish('The chosen next stage is not a motions feature.');
    const admin = await this.isSpaceAdmin(actor, component.spaceId);
    if (
      !admin &&
      !(await this.currentMember(this.dataSource.manager, component.spaceId, actor.user.id, false))
    ) {
      throw DomainError.forbidden(
        'Seuls les membres de l’assemblée et ses administrateurs peuvent déposer une motion : demandez à un administrateur de l’Assemblée.',
      ).inEnglish(
        'Only the assembly’s members and its administrators can submit a motion: ask an administrator of the Assembly.',
      );
    }
    return { componentId: component.id, spaceId: component.spaceId, actorId: actor.user.id, admin };
  }

  /**
   * Creates a draft motion (no voting period: the Assemblée's admins schedule it later) from
   * another module's resource, in the caller's transaction and through it only (a petition that
   * becomes a motion: `PetitionService.answer`), authored by the target's actor. The origin is
   * stored on the motion (« Issue de la pétition … ») and held unique by PostgreSQL
   * (`motions_origin_once`: a second motion from the same origin is refused, 23505 → CONFLICT).
   * @param manager the caller's transaction (the motion commits or rolls back with it)
   * @param target from {@link originTarget}
   * @param input title (3–150 characters), sanitised HTML body (≤ 10,000 characters), origin
   * @returns the new motion's id and web path (the Assemblée's motions; a draft is listed only to those who may edit it)
   * @throws BAD_USER_INPUT (field `body`) empty or too long; FORBIDDEN the actor left the assembly meanwhile; CONFLICT a motion from this origin exists
   */
  async createDraftFromOrigin(
    manager: EntityManager,
    target: MotionOriginTarget,
    input: { title: string; body: string; origin: ResourceOrigin },
  ): Promise<{ id: string; link: string }> {
    if (
      !target.admin &&
      !(await this.currentMember(manager, target.spaceId, target.actorId, true))
    ) {
      throw DomainError.forbidden(
        'Seuls les membres de l’assemblée et ses administrateurs peuvent déposer une motion.',
      ).inEnglish('Only the assembly’s members and its administrators can submit a motion.');
    }
    const body = this.cleanBody(input.body);
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO motions (component_id, author_id, title, body, origin_type, origin_id, origin_title, origin_link) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        target.componentId,
        target.actorId,
        input.title,
        body,
        input.origin.type,
        input.origin.id,
        input.origin.title,
        input.origin.link,
      ],
    );
    await this.actionLog.record(manager, {
      userId: target.actorId,
      action: 'create',
      resourceType: 'motion',
      resourceId: row.id,
      spaceId: target.spaceId,
      visibility: 'PUBLIC',
      summary: `Motion « ${input.title} » déposée en brouillon, issue de la pétition « ${input.origin.title} »`,
    });
    const place = (await this.spaces.componentPlace(target.componentId, manager))!;
    return { id: row.id, link: place.path };
  }

  /**
   * Edits a motion that has not opened yet (DRAFT or SCHEDULED on the database clock, checked
   * under a row lock). Caller: its author while a current member, a space admin or an org admin.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT already opened; BAD_USER_INPUT as {@link create}
   */
  async update(id: string, input: UpdateMotionInput, viewer: Viewer): Promise<MotionDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockEditable(manager, id, viewer);
      const body = input.body !== undefined ? this.cleanBody(input.body) : row.body;
      const opensAt =
        input.opensAt !== undefined ? input.opensAt : (row.opens_at?.toISOString() ?? null);
      const closesAt =
        input.closesAt !== undefined ? input.closesAt : (row.closes_at?.toISOString() ?? null);
      const period = await this.checkPeriod(manager, opensAt, closesAt);
      await manager.query(
        `UPDATE motions SET title = $2, body = $3, opens_at = $4, closes_at = $5, majority = $6, quorum_percent = $7, secret_ballot = $8,
                hide_tally_until_closed = $9, quorum_basis = $10, updated_at = now() WHERE id = $1`,
        [
          id,
          input.title ?? row.title,
          body,
          period.opensAt,
          period.closesAt,
          input.majority ?? row.majority,
          input.quorumPercent ?? row.quorum_percent,
          input.secretBallot ?? row.secret_ballot,
          // a secret ballot's tally is hidden until the close (check constraint motions_secret_ballot_tally_hidden)
          (input.secretBallot ?? row.secret_ballot) ||
            (input.hideTallyUntilClosed ?? row.hide_tally_until_closed),
          input.quorumBasis ?? row.quorum_basis,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'motion',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Motion « ${input.title ?? row.title} » modifiée`,
      });
    });
    return this.motion(id, viewer);
  }

  /**
   * Deletes a motion that has not opened yet. Caller: as {@link update}.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT already opened
   */
  async delete(id: string, viewer: Viewer): Promise<boolean> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockEditable(manager, id, viewer);
      await manager.query(`DELETE FROM motions WHERE id = $1`, [id]);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'delete',
        resourceType: 'motion',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Motion « ${row.title} » supprimée`,
      });
    });
    return true;
  }

  /**
   * Casts or changes the viewer's vote. Caller: a current member of the assembly.
   * In one transaction: the motion row is share-locked (so the result cannot be frozen
   * meanwhile), the membership row share-locked (so a removal waits), the period checked
   * against PostgreSQL's `now()`, then the participation inserted under the unique constraint
   * `motion_participations_once`; when it already exists it is locked `FOR UPDATE` and the
   * public ballot's choice changed. The weight is the member's at the first vote.
   * The answer is built from that transaction (the motion row, the running tally including this
   * vote): nothing is read after the commit.
   * @param motionId the motion
   * @param choice FOR, AGAINST or ABSTAIN
   * @returns the motion as the voter now sees it
   * @throws BAD_USER_INPUT malformed id; NOT_FOUND motion; FORBIDDEN not a current member; MOTION_NOT_OPEN draft or before
   *   opensAt; MOTION_CLOSED at or after closesAt (or the result is already frozen); CONFLICT
   *   changing a secret vote (secret votes are final)
   */
  async castVote(motionId: string, choice: VoteChoice, viewer: Viewer): Promise<MotionDto> {
    if (!/^[0-9a-f-]{36}$/i.test(motionId))
      throw DomainError.badInput('Identifiant invalide.').inEnglish('Invalid identifier.');
    const voted = await inTransaction(this.dataSource, async (manager) => {
      // the motion as the answer shows it, its period and whether its result is frozen: one statement
      const [motion] = await queryRows<
        MotionRow & { opened: boolean; closed: boolean; frozen: boolean }
      >(
        manager,
        `SELECT ${MOTION_COLUMNS},
                (m.opens_at IS NOT NULL AND now() >= m.opens_at) AS opened, (m.closes_at IS NOT NULL AND now() >= m.closes_at) AS closed,
                EXISTS (SELECT 1 FROM motion_results r WHERE r.motion_id = m.id) AS frozen
           FROM motions m JOIN components c ON c.id = m.component_id WHERE m.id = $1 FOR SHARE OF m`,
        [motionId],
      );
      if (!motion)
        throw DomainError.notFound('Motion', { id: motionId }).inEnglish('Motion not found.');
      const member = await this.currentMember(manager, motion.space_id, viewer.user.id, true);
      if (!member)
        throw DomainError.forbidden('Seuls les membres de l’assemblée votent.').inEnglish(
          'Only the assembly’s members vote.',
        );
      if (!motion.opened)
        throw new DomainError(
          ErrorCode.MOTION_NOT_OPEN,
          'Le vote sur cette motion n’est pas encore ouvert.',
        ).inEnglish('The vote on this motion is not open yet.');
      if (motion.closed || motion.frozen)
        throw new DomainError(
          ErrorCode.MOTION_CLOSED,
          'Le vote sur cette motion est clos.',
        ).inEnglish('The vote on this motion has ended.');

      const [inserted] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO motion_participations (motion_id, user_id, member_id, weight) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT motion_participations_once DO NOTHING RETURNING id`,
        [motionId, viewer.user.id, member.id, member.weight],
      );
      if (inserted) {
        const [ballot] = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO motion_ballots (motion_id, choice, weight) VALUES ($1, $2, $3) RETURNING id`,
          [motionId, choice, member.weight],
        );
        if (!motion.secret_ballot)
          await manager.query(`UPDATE motion_participations SET ballot_id = $2 WHERE id = $1`, [
            inserted.id,
            ballot.id,
          ]);
      } else {
        const [participation] = await queryRows<{ id: string; ballot_id: string | null }>(
          manager,
          `SELECT id, ballot_id FROM motion_participations WHERE motion_id = $1 AND user_id = $2 FOR UPDATE`,
          [motionId, viewer.user.id],
        );
        if (motion.secret_ballot || !participation.ballot_id)
          throw DomainError.conflict(
            'Un vote à bulletin secret est définitif : il ne peut pas être modifié.',
          ).inEnglish('A secret-ballot vote is final: it cannot be changed.');
        await manager.query(`UPDATE motion_ballots SET choice = $2 WHERE id = $1`, [
          participation.ballot_id,
          choice,
        ]);
        await manager.query(`UPDATE motion_participations SET changed_at = now() WHERE id = $1`, [
          participation.id,
        ]);
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: inserted ? 'vote' : 'change_vote',
        resourceType: 'motion',
        resourceId: motionId,
        spaceId: motion.space_id,
        visibility: 'ADMIN_ONLY',
        // never the choice of a secret ballot
        summary: motion.secret_ballot
          ? `A voté sur « ${motion.title} » (bulletin secret)`
          : `Vote ${VOTE_LABEL[choice]} sur « ${motion.title} »`,
      });
      await this.events.record(
        manager,
        'motion.voted',
        { motionId, componentId: motion.component_id },
        viewer.user.id,
      );
      // the answer comes from this transaction: the running tally including this vote, no read after
      const tally = (await this.tallies(manager, [motionId])).get(motionId)!;
      return { motion, tally };
    });
    this.events.committed();
    return this.presentRow(voted.motion, {
      tally: voted.tally,
      result: null,
      own: { choice: voted.motion.secret_ballot ? null : choice },
      member: true,
      // an open motion is never editable
      canEdit: false,
    });
  }

  /**
   * Freezes the result of a closed motion, once: under a lock on the motion row (which waits for
   * votes in flight), computes the weighted figures — members at `closesAt` are those who had
   * joined by then and not yet left — and inserts the `motion_results` row; a second call finds
   * it and changes nothing.
   * @returns true when this call stored the result; false when it existed or the motion is not closed
   */
  async freezeResult(motionId: string): Promise<boolean> {
    return inTransaction(this.dataSource, (manager) => this.freezeIn(manager, motionId));
  }

  /** {@link freezeResult} in the caller's transaction. */
  private async freezeIn(manager: EntityManager, motionId: string): Promise<boolean> {
    {
      const [motion] = await queryRows<{
        id: string;
        space_id: string;
        majority: MotionMajority;
        quorum_percent: string;
        quorum_basis: QuorumBasis;
        sitting_id: string | null;
        closes_at: Date;
        closed: boolean;
        title: string;
      }>(
        manager,
        `SELECT m.id, c.space_id, m.majority, m.quorum_percent, m.quorum_basis, m.sitting_id, m.closes_at, m.title, (m.closes_at IS NOT NULL AND now() >= m.closes_at) AS closed
           FROM motions m JOIN components c ON c.id = m.component_id WHERE m.id = $1 FOR UPDATE OF m`,
        [motionId],
      );
      if (!motion || !motion.closed) return false;
      const [existing] = await manager.query(`SELECT 1 FROM motion_results WHERE motion_id = $1`, [
        motionId,
      ]);
      if (existing) return false;
      const tally = (await this.tallies(manager, [motionId])).get(motionId)!;
      const members = await this.memberships.sizeAt(manager, motion.space_id, motion.closes_at);
      // PRESENT basis: members (at close) marked present at the sitting, asked of the meeting
      // module through the platform port, or voting
      let present: { count: number; weight: string } | null = null;
      if (motion.quorum_basis === QuorumBasis.PRESENT) {
        const presentIds = motion.sitting_id
          ? await this.sittings.presentUserIds(manager, motion.sitting_id)
          : [];
        const voters: { user_id: string }[] = await manager.query(
          `SELECT user_id FROM motion_participations WHERE motion_id = $1`,
          [motionId],
        );
        present = await this.memberships.sizeAt(manager, motion.space_id, motion.closes_at, [
          ...new Set([...presentIds, ...voters.map((v) => v.user_id)]),
        ]);
      }
      const figures = {
        forMilli: tally.forMilli,
        againstMilli: tally.againstMilli,
        abstainMilli: tally.abstainMilli,
        votersMilli: tally.votersMilli,
        membersMilli: toMilli(members.weight),
        presentMilli: present ? toMilli(present.weight) : undefined,
      };
      const decimal = (milli: number) => (milli / 1000).toFixed(3); // exact: an integer of thousandths
      const rule = {
        majority: motion.majority,
        quorumCentiPercent: Math.round(Number(motion.quorum_percent) * 100),
        quorumBasis: motion.quorum_basis,
      };
      const outcome = motionOutcome(figures, rule);
      const stored = await queryRows(
        manager,
        `INSERT INTO motion_results (motion_id, outcome, majority, quorum_percent, for_weight, against_weight, abstain_weight, voters_count, voters_weight,
                                     members_count, members_weight, quorum_reached, quorum_basis, present_count, present_weight)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (motion_id) DO NOTHING RETURNING motion_id`,
        [
          motionId,
          outcome,
          motion.majority,
          motion.quorum_percent,
          decimal(tally.forMilli),
          decimal(tally.againstMilli),
          decimal(tally.abstainMilli),
          tally.votersCount,
          decimal(tally.votersMilli),
          members.count,
          members.weight,
          quorumReached(figures, rule),
          motion.quorum_basis,
          present?.count ?? null,
          present?.weight ?? null,
        ],
      );
      if (stored.length) {
        const label = {
          [MotionOutcome.ADOPTED]: 'adoptée',
          [MotionOutcome.REJECTED]: 'rejetée',
          [MotionOutcome.NO_QUORUM]: 'quorum non atteint',
        }[outcome];
        await this.actionLog.record(manager, {
          userId: null,
          action: 'close',
          resourceType: 'motion',
          resourceId: motionId,
          spaceId: motion.space_id,
          visibility: 'PUBLIC',
          summary: `Motion « ${motion.title} » close : ${label}`,
        });
      }
      return stored.length > 0;
    }
  }

  /**
   * Opens a motion's vote from an Assemblée sitting, in the caller's transaction (the meeting
   * module's, which holds the sitting's row lock and has checked the chair and the agenda): under a
   * lock on the motion row, a DRAFT or SCHEDULED motion of the same assembly gets the period
   * now → `until` (the sitting's end: the chair closes it earlier with {@link closeInSitting}) and
   * remembers its sitting.
   * @param manager the caller's transaction
   * @param input the motion, the sitting (meeting id), its space, its end, the acting admin
   * @throws NOT_FOUND motion unknown; MOTION_NOT_ON_AGENDA motion of another assembly;
   *   CONFLICT already opened (or closed); SITTING_NOT_ONGOING the sitting ends now
   */
  async openInSitting(
    manager: EntityManager,
    input: { motionId: string; sittingId: string; spaceId: string; until: Date; actorId: string },
  ): Promise<void> {
    const [motion] = await queryRows<{
      space_id: string;
      title: string;
      started: boolean;
      component_id: string;
    }>(
      manager,
      `SELECT c.space_id, m.title, m.component_id, (m.opens_at IS NOT NULL AND now() >= m.opens_at) AS started
         FROM motions m JOIN components c ON c.id = m.component_id WHERE m.id = $1 FOR UPDATE OF m`,
      [input.motionId],
    );
    if (!motion)
      throw DomainError.notFound('Motion', { id: input.motionId }).inEnglish('Motion not found.');
    if (motion.space_id !== input.spaceId)
      throw new DomainError(
        ErrorCode.MOTION_NOT_ON_AGENDA,
        'Cette motion n’appartient pas à l’assemblée de cette séance.',
        { field: 'motionId' },
      ).inEnglish('This motion does not belong to the assembly of this sitting.');
    if (motion.started)
      throw DomainError.conflict('Le vote sur cette motion est déjà ouvert ou clos.', {
        field: 'motionId',
      }).inEnglish('The vote on this motion is already open or closed.');
    const [updated] = await queryRows<{ id: string }>(
      manager,
      `UPDATE motions SET opens_at = now(), closes_at = $2, sitting_id = $3, updated_at = now()
        WHERE id = $1 AND $2::timestamptz > now() RETURNING id`,
      [input.motionId, input.until, input.sittingId],
    );
    if (!updated)
      throw new DomainError(
        ErrorCode.SITTING_NOT_ONGOING,
        'Cette séance se termine : plus de vote.',
      ).inEnglish('This sitting is ending: no more votes.');
    await this.actionLog.record(manager, {
      userId: input.actorId,
      action: 'open_in_sitting',
      resourceType: 'motion',
      resourceId: input.motionId,
      spaceId: motion.space_id,
      visibility: 'PUBLIC',
      summary: `Vote ouvert en séance sur la motion « ${motion.title} »`,
    });
  }

  /**
   * Closes, now, a motion the chair opened in this sitting, in the caller's transaction, and
   * freezes its result at once (quorum on the motion's basis: present members are asked of the
   * meeting module through {@link SittingAttendance}). Under the motion's row lock: of two chairs
   * closing at once, the second finds it closed (MOTION_CLOSED) and one result is stored.
   * @throws NOT_FOUND motion unknown; MOTION_NOT_OPEN not opened in this sitting; MOTION_CLOSED already closed
   */
  async closeInSitting(
    manager: EntityManager,
    input: { motionId: string; sittingId: string; actorId: string },
  ): Promise<void> {
    const [motion] = await queryRows<{
      space_id: string;
      title: string;
      sitting_id: string | null;
      opened: boolean;
      closed: boolean;
    }>(
      manager,
      `SELECT c.space_id, m.title, m.sitting_id, (m.opens_at IS NOT NULL AND now() >= m.opens_at) AS opened,
              (m.closes_at IS NOT NULL AND now() >= m.closes_at) AS closed
         FROM motions m JOIN components c ON c.id = m.component_id WHERE m.id = $1 FOR UPDATE OF m`,
      [input.motionId],
    );
    if (!motion)
      throw DomainError.notFound('Motion', { id: input.motionId }).inEnglish('Motion not found.');
    if (!motion.opened || motion.sitting_id !== input.sittingId)
      throw new DomainError(
        ErrorCode.MOTION_NOT_OPEN,
        'Le vote sur cette motion n’a pas été ouvert dans cette séance.',
        { field: 'motionId' },
      ).inEnglish('The vote on this motion has not been opened in this sitting.');
    const [frozen] = await manager.query(`SELECT 1 FROM motion_results WHERE motion_id = $1`, [
      input.motionId,
    ]);
    if (motion.closed || frozen)
      throw new DomainError(
        ErrorCode.MOTION_CLOSED,
        'Le vote sur cette motion est déjà clos.',
      ).inEnglish('The vote on this motion has already ended.');
    // closes_at > opens_at (check constraint): opened in an earlier transaction, so now() is later
    await manager.query(
      `UPDATE motions SET closes_at = greatest(now(), opens_at + interval '1 millisecond'), updated_at = now() WHERE id = $1`,
      [input.motionId],
    );
    await this.actionLog.record(manager, {
      userId: input.actorId,
      action: 'close_in_sitting',
      resourceType: 'motion',
      resourceId: input.motionId,
      spaceId: motion.space_id,
      visibility: 'PUBLIC',
      summary: `Vote clos en séance sur la motion « ${motion.title} »`,
    });
    await this.freezeIn(manager, input.motionId);
  }

  /**
   * Motions of a sitting's agenda as `viewer` sees them (results frozen on the way), in the given order.
   */
  async byIds(ids: string[], viewer: Viewer | null): Promise<MotionDto[]> {
    if (!ids.length) return [];
    const rows = await this.rows(`m.id = ANY($1::uuid[])`, [ids], `m.id`);
    const dtos = await this.present(rows, viewer);
    return ids.flatMap((id) => dtos.filter((d) => d.id === id));
  }

  /**
   * The running tallies of motions (see {@link motionTallies}: one rule, exact thousandths),
   * read in the caller's transaction: two grouped queries for any number of motions.
   */
  async tallies(manager: EntityManager, ids: string[]): Promise<Map<string, MotionTally>> {
    if (!ids.length) return new Map();
    const [ballots, participations] = await Promise.all([
      manager.query(
        `SELECT motion_id, choice, sum(weight)::text AS w FROM motion_ballots WHERE motion_id = ANY($1::uuid[]) GROUP BY motion_id, choice`,
        [ids],
      ),
      manager.query(
        `SELECT motion_id, count(*)::int AS n, sum(weight)::text AS w FROM motion_participations WHERE motion_id = ANY($1::uuid[]) GROUP BY motion_id`,
        [ids],
      ),
    ]);
    return motionTallies(ballots, participations, ids);
  }

  /**
   * Motions of an assembly whose voting period overlaps [from, to), by closing time, presented
   * as `viewer` sees them (results frozen on the way). Used by the minutes.
   */
  async forPeriod(
    spaceId: string,
    from: Date,
    to: Date,
    viewer: Viewer | null,
  ): Promise<MotionDto[]> {
    const rows = await this.rows(
      `c.space_id = $1 AND c.published_at IS NOT NULL AND m.opens_at IS NOT NULL AND m.opens_at < $3 AND m.closes_at > $2`,
      [spaceId, from, to],
      `m.closes_at, m.opens_at, m.reference, m.id`,
    );
    return this.present(rows, viewer);
  }

  /**
   * The named votes of a public ballot (member, college, choice, weight), by member name.
   * Returns [] for a secret ballot: its participations have no ballot, so the join finds nothing.
   * Callers check visibility first (`namedVotesVisible`: public ballot, tally not hidden).
   */
  async namedVotes(motionId: string): Promise<MotionVoteDto[]> {
    const rows: {
      user_id: string;
      name: string;
      member_id: string;
      choice: VoteChoice;
      w: string;
    }[] = await this.dataSource.query(
      `SELECT p.user_id, u.name, p.member_id, b.choice, p.weight::text AS w
         FROM motion_participations p JOIN motions m ON m.id = p.motion_id AND NOT m.secret_ballot
         JOIN motion_ballots b ON b.id = p.ballot_id JOIN users u ON u.id = p.user_id
        WHERE p.motion_id = $1 ORDER BY u.name, p.user_id`,
      [motionId],
    );
    // the college is the membership's (participatory-space's), as it is now
    const colleges = await this.memberships.colleges(rows.map((v) => v.member_id));
    return rows.map((v) => ({
      userId: v.user_id,
      memberName: v.name,
      college: colleges.get(v.member_id) ?? null,
      choice: v.choice,
      weight: Number(v.w),
    }));
  }

  private async rows(where: string, params: unknown[], order: string): Promise<MotionRow[]> {
    return this.dataSource.query(
      `SELECT ${MOTION_COLUMNS} FROM motions m JOIN components c ON c.id = m.component_id WHERE ${where} ORDER BY ${order}`,
      params,
    );
  }

  private async findRow(id: string): Promise<MotionRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.').inEnglish('Invalid identifier.');
    const [row] = await this.rows(`m.id = $1`, [id], `m.id`);
    if (!row) throw DomainError.notFound('Motion', { id }).inEnglish('Motion not found.');
    return row;
  }

  /** Builds the DTOs: freezes due results, then reads tallies, results, named votes and the viewer's state in a few batched queries. */
  private async present(input: MotionRow[], viewer: Viewer | null): Promise<MotionDto[]> {
    if (!input.length) return [];
    const spaceIds = [...new Set(input.map((r) => r.space_id))];
    const adminOf = new Set<string>();
    const memberOf = new Set<string>();
    if (viewer) {
      for (const spaceId of spaceIds)
        if (await this.isSpaceAdmin(viewer, spaceId)) adminOf.add(spaceId);
      for (const spaceId of await this.memberships.spacesWhereMember(viewer.user.id, spaceIds))
        memberOf.add(spaceId);
    }
    const canEdit = (r: MotionRow) =>
      !!viewer &&
      (r.status === MotionStatus.DRAFT || r.status === MotionStatus.SCHEDULED) &&
      (adminOf.has(r.space_id) || (r.author_id === viewer.user.id && memberOf.has(r.space_id)));
    const rows = input.filter((r) => r.status !== MotionStatus.DRAFT || canEdit(r));
    if (!rows.length) return [];

    const ids = rows.map((r) => r.id);
    const dueIds = rows.filter((r) => r.status === MotionStatus.CLOSED).map((r) => r.id);
    if (dueIds.length) {
      const missing: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM unnest($1::uuid[]) AS t(id) WHERE NOT EXISTS (SELECT 1 FROM motion_results r WHERE r.motion_id = t.id)`,
        [dueIds],
      );
      for (const m of missing) await this.freezeResult(m.id);
    }
    const [tallies, results, mine] = await Promise.all([
      this.tallies(this.dataSource.manager, ids),
      this.dataSource.query(`SELECT * FROM motion_results WHERE motion_id = ANY($1)`, [
        ids,
      ]) as Promise<Record<string, any>[]>,
      viewer
        ? (this.dataSource.query(
            `SELECT p.motion_id, CASE WHEN m.secret_ballot THEN NULL ELSE b.choice END AS choice
               FROM motion_participations p JOIN motions m ON m.id = p.motion_id LEFT JOIN motion_ballots b ON b.id = p.ballot_id
              WHERE p.user_id = $1 AND p.motion_id = ANY($2)`,
            [viewer.user.id, ids],
          ) as Promise<{ motion_id: string; choice: VoteChoice | null }[]>)
        : Promise.resolve([]),
    ]);

    return rows.map((r) =>
      this.presentRow(r, {
        tally: tallies.get(r.id)!,
        result: results.find((x) => x.motion_id === r.id) ?? null,
        own: mine.find((m) => m.motion_id === r.id) ?? null,
        member: memberOf.has(r.space_id),
        canEdit: canEdit(r),
      }),
    );
  }

  /**
   * One motion's DTO from its row and what was read about it (by {@link present} for any number
   * of motions, or by {@link castVote} inside its transaction).
   * @param r the motion's row ({@link MOTION_COLUMNS})
   * @param facts its running tally, its frozen result row (or null), the viewer's participation
   *   (or null), whether the viewer is a current member of its assembly and may edit it
   */
  private presentRow(
    r: MotionRow,
    facts: {
      tally: MotionTally;
      result: Record<string, any> | null;
      own: { choice: VoteChoice | null } | null;
      member: boolean;
      canEdit: boolean;
    },
  ): MotionDto {
    const closed = r.status === MotionStatus.CLOSED;
    const hidden = r.hide_tally_until_closed && !closed;
    const counted = facts.tally;
    const tally: MotionTallyDto = {
      forWeight: milliToNumber(counted.forMilli),
      againstWeight: milliToNumber(counted.againstMilli),
      abstainWeight: milliToNumber(counted.abstainMilli),
      votersCount: counted.votersCount,
      votersWeight: milliToNumber(counted.votersMilli),
    };
    const res = facts.result;
    const result: MotionResultDto | null = res
      ? {
          outcome: res.outcome,
          majority: res.majority,
          quorumPercent: Number(res.quorum_percent),
          forWeight: Number(res.for_weight),
          againstWeight: Number(res.against_weight),
          abstainWeight: Number(res.abstain_weight),
          votersCount: res.voters_count,
          votersWeight: Number(res.voters_weight),
          membersCount: res.members_count,
          membersWeight: Number(res.members_weight),
          participationPercent:
            toMilli(res.members_weight) > 0
              ? Math.round((toMilli(res.voters_weight) * 10000) / toMilli(res.members_weight)) / 100
              : 0,
          quorumReached: res.quorum_reached,
          quorumBasis: res.quorum_basis,
          presentCount: res.present_count,
          presentWeight: res.present_weight === null ? null : Number(res.present_weight),
          computedAt: res.computed_at,
        }
      : null;
    const own = facts.own;
    return {
      id: r.id,
      componentId: r.component_id,
      spaceId: r.space_id,
      reference: r.reference,
      title: r.title,
      body: r.body,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      majority: r.majority,
      quorumPercent: Number(r.quorum_percent),
      quorumBasis: r.quorum_basis,
      sittingId: r.sitting_id,
      secretBallot: r.secret_ballot,
      hideTallyUntilClosed: r.hide_tally_until_closed,
      status: r.status,
      readAt: r.read_at,
      tally: hidden ? null : tally,
      result,
      namedVotesVisible: !r.secret_ballot && !hidden,
      viewerHasVoted: !!own,
      viewerVote: own?.choice ?? null,
      viewerCanVote: r.status === MotionStatus.OPEN && facts.member && !(own && r.secret_ballot),
      viewerCanEdit: facts.canEdit,
      origin:
        r.origin_type && r.origin_id && r.origin_title && r.origin_link
          ? { type: r.origin_type, id: r.origin_id, title: r.origin_title, link: r.origin_link }
          : null,
      createdAt: r.created_at,
    };
  }

  private async lockEditable(manager: EntityManager, id: string, viewer: Viewer) {
    const [row] = await queryRows<MotionRow & { started: boolean }>(
      manager,
      `SELECT m.*, c.space_id, (m.opens_at IS NOT NULL AND now() >= m.opens_at) AS started
         FROM motions m JOIN components c ON c.id = m.component_id WHERE m.id = $1 FOR UPDATE OF m`,
      [id],
    );
    if (!row) throw DomainError.notFound('Motion', { id }).inEnglish('Motion not found.');
    const admin = await this.isSpaceAdmin(viewer, row.space_id);
    const author =
      row.author_id === viewer.user.id &&
      !!(await this.currentMember(manager, row.space_id, viewer.user.id, false));
    if (!admin && !author)
      throw DomainError.forbidden(
        'Seuls l’auteur de la motion et les administrateurs de l’assemblée peuvent la modifier.',
      ).inEnglish('Only the motion’s author and the assembly’s administrators can edit it.');
    if (row.started)
      throw DomainError.conflict(
        'Le vote sur cette motion est ouvert : elle ne peut plus être modifiée ni supprimée.',
      ).inEnglish('The vote on this motion is open: it can no longer be edited or deleted.');
    return row;
  }

  private cleanBody(body: string): string {
    const html = sanitizeRichText(body);
    const text = richTextToPlain(html);
    if (!hasVisibleText(text))
      throw DomainError.badInput('body: le texte de la motion est vide.', {
        field: 'body',
      }).inEnglish('The motion’s text is empty.');
    if (html.length > MotionLimits.bodyMaxLength)
      throw DomainError.badInput(`body: ${MotionLimits.bodyMaxLength} caractères au plus.`, {
        field: 'body',
      }).inEnglish(`At most ${MotionLimits.bodyMaxLength} characters.`);
    return html;
  }

  /** Validates a voting period against the database clock; both null → draft. */
  private async checkPeriod(
    manager: EntityManager,
    opensAt: string | null,
    closesAt: string | null,
  ): Promise<{ opensAt: Date | null; closesAt: Date | null }> {
    if (opensAt === null && closesAt === null) return { opensAt: null, closesAt: null };
    if (opensAt === null || closesAt === null)
      throw DomainError.badInput(
        'opensAt et closesAt vont ensemble (ou aucun des deux pour un brouillon).',
        { field: 'closesAt' },
      ).inEnglish('opensAt and closesAt go together (or neither of them for a draft).');
    const open = new Date(opensAt);
    const close = new Date(closesAt);
    if (Number.isNaN(open.getTime()) || Number.isNaN(close.getTime()))
      throw DomainError.badInput('Date invalide.', { field: 'opensAt' }).inEnglish('Invalid date.');
    if (close <= open)
      throw DomainError.badInput('La clôture doit suivre l’ouverture.', {
        field: 'closesAt',
      }).inEnglish('Closing must come after opening.');
    if (close.getTime() - open.getTime() > MotionLimits.maxDurationMs)
      throw DomainError.badInput('Le vote dure au plus un an.', { field: 'closesAt' }).inEnglish(
        'The vote lasts at most one year.',
      );
    const [{ future }] = await manager.query(`SELECT $1::timestamptz > now() AS future`, [close]);
    if (!future)
      throw DomainError.badInput('La clôture doit être dans le futur.', {
        field: 'closesAt',
      }).inEnglish('Closing must be in the future.');
    return { opensAt: open, closesAt: close };
  }

  private async isSpaceAdmin(viewer: Viewer, spaceId: string): Promise<boolean> {
    return viewer.user.isAdmin || this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN]);
  }

  private async currentMember(
    manager: EntityManager,
    spaceId: string,
    userId: string,
    lock: boolean,
  ): Promise<{ id: string; weight: string } | undefined> {
    const member = await this.memberships.currentMember(manager, spaceId, userId, lock);
    return member ? { id: member.memberId, weight: member.weight } : undefined;
  }
}
