import { ErrorCode, MeetingState, MotionOutcome, SpaceRole } from '@concerto/domain';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import { SittingAttendance } from '../../platform/sitting-attendance';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import type { MotionDto } from '../motion/dtos/motion.dto';
import { markdownText, parisTime } from '../motion/minutes.service';
import { MotionService } from '../motion/motion.service';

/** What a sitting's page and minutes show. */
export interface SittingView {
  /** Motions on the agenda, in agenda order, as the viewer sees them. */
  motions: MotionDto[];
  /** Names of the people marked present (attendance), by name. */
  present: string[];
  /** The sitting's minutes (Markdown, French): agenda, members present, each motion's result. */
  minutes: string;
}

interface SittingRow {
  id: string;
  space_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  is_sitting: boolean;
  cancelled_at: Date | null;
  published_at: Date | null;
  state: MeetingState;
}

const OUTCOME_LABEL: Record<MotionOutcome, string> = {
  ADOPTED: 'adoptée',
  REJECTED: 'rejetée',
  NO_QUORUM: 'quorum non atteint',
};

const num = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 3 });

/**
 * Assemblée sittings (séances): meetings of an ASSEMBLY marked `is_sitting`, during which an
 * admin (the chair) opens and closes the votes on the motions of the agenda.
 *
 * - The meeting module never writes motion tables: opening and closing go through
 *   {@link MotionService.openInSitting} / {@link MotionService.closeInSitting}, in this
 *   module's transaction, after the sitting's row lock (`meetings … FOR UPDATE`) — two chairs
 *   closing the same motion at once are serialised there, and the second gets MOTION_CLOSED.
 * - Attendance belongs to this module: it answers the motion module's questions (who is present,
 *   the sittings' minutes for the procès-verbal) through the platform port {@link SittingAttendance},
 *   registered at start-up, so the motion module does not import this one (no cycle).
 */
@Injectable()
export class SittingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SpaceAccessService,
    private readonly motions: MotionService,
    private readonly port: SittingAttendance,
  ) {}

  onModuleInit(): void {
    this.port.register({
      presentUserIds: (manager, meetingId) => this.presentUserIds(manager, meetingId),
      minutesSections: (spaceId, from, to) => this.minutesSections(spaceId, from, to),
    });
  }

  /**
   * Opens the vote on a motion of the sitting's agenda: the motion's period becomes now → the
   * sitting's end (the chair closes it earlier with {@link closeMotion}). Caller: space admins and
   * organization admins of the sitting's Assemblée.
   * @returns the motion as the viewer now sees it (OPEN)
   * @throws BAD_USER_INPUT malformed ids, the meeting is not a sitting (field meetingId);
   *   NOT_FOUND meeting or motion unknown; FORBIDDEN not an admin; SITTING_NOT_ONGOING not in
   *   progress (not started, ended, cancelled or unpublished); MOTION_NOT_ON_AGENDA;
   *   CONFLICT the vote was already opened
   */
  async openMotion(meetingId: string, motionId: string, viewer: Viewer): Promise<MotionDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const sitting = await this.lockOngoing(manager, meetingId, motionId, viewer);
      await this.motions.openInSitting(manager, {
        motionId,
        sittingId: sitting.id,
        spaceId: sitting.space_id,
        until: sitting.ends_at,
        actorId: viewer.user.id,
      });
    });
    return this.motions.motion(motionId, viewer);
  }

  /**
   * Closes, now, the vote on a motion opened in this sitting; its result is frozen at once (the
   * quorum counting the members present or voting when the motion's basis is PRESENT). Caller:
   * as {@link openMotion}.
   * @throws as {@link openMotion}; MOTION_NOT_OPEN not opened in this sitting; MOTION_CLOSED already closed
   */
  async closeMotion(meetingId: string, motionId: string, viewer: Viewer): Promise<MotionDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const sitting = await this.lockOngoing(manager, meetingId, motionId, viewer);
      await this.motions.closeInSitting(manager, {
        motionId,
        sittingId: sitting.id,
        actorId: viewer.user.id,
      });
    });
    return this.motions.motion(motionId, viewer);
  }

  /**
   * A sitting as its page shows it (null when the meeting is not a sitting): the agenda's motions
   * with their state and result, the names of those present, and the minutes. Caller: whoever
   * may see the meeting (the resolver checks it).
   */
  async view(meetingId: string, viewer: Viewer | null): Promise<SittingView | null> {
    const [row] = await queryRows<SittingRow>(
      this.dataSource.manager,
      `SELECT id, space_id, title, starts_at, ends_at, is_sitting, cancelled_at, published_at,
              CASE WHEN now() < starts_at THEN 'UPCOMING' WHEN now() < ends_at THEN 'ONGOING' ELSE 'PAST' END AS state
         FROM meetings WHERE id = $1`,
      [checkedId(meetingId)],
    );
    if (!row || !row.is_sitting) return null;
    return this.build(this.dataSource.manager, row, viewer);
  }

  /** Users marked present at a meeting, in the caller's transaction (the port's answer). */
  async presentUserIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `SELECT user_id FROM meeting_registrations WHERE meeting_id = $1 AND attended_at IS NOT NULL ORDER BY user_id`,
      [meetingId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Minutes of the published, not cancelled sittings of a space that started in [from, to), by start. */
  async minutesSections(spaceId: string, from: Date, to: Date): Promise<string[]> {
    const rows = await queryRows<SittingRow>(
      this.dataSource.manager,
      `SELECT id, space_id, title, starts_at, ends_at, is_sitting, cancelled_at, published_at,
              CASE WHEN now() < starts_at THEN 'UPCOMING' WHEN now() < ends_at THEN 'ONGOING' ELSE 'PAST' END AS state
         FROM meetings
        WHERE space_id = $1 AND is_sitting AND published_at IS NOT NULL AND cancelled_at IS NULL AND hidden_at IS NULL
          AND starts_at >= $2 AND starts_at < $3
        ORDER BY starts_at, id`,
      [spaceId, from, to],
    );
    const sections: string[] = [];
    for (const row of rows)
      sections.push((await this.build(this.dataSource.manager, row, null)).minutes);
    return sections;
  }

  private async build(
    manager: EntityManager,
    row: SittingRow,
    viewer: Viewer | null,
  ): Promise<SittingView> {
    const items = await queryRows<{
      id: string;
      parent_id: string | null;
      title: string;
      duration_minutes: number;
      motion_ids: string[] | null;
    }>(
      manager,
      `SELECT i.id, i.parent_id, i.title, i.duration_minutes,
              array_agg(l.resource_id ORDER BY l.position) FILTER (WHERE l.resource_type = 'MOTION') AS motion_ids
         FROM meeting_agenda_items i LEFT JOIN meeting_agenda_links l ON l.item_id = i.id
        WHERE i.meeting_id = $1
        GROUP BY i.id
        ORDER BY coalesce((SELECT p.position FROM meeting_agenda_items p WHERE p.id = i.parent_id), i.position),
                 i.parent_id NULLS FIRST, i.position`,
      [row.id],
    );
    const motionIds = [...new Set(items.flatMap((i) => i.motion_ids ?? []))];
    const motions = await this.motions.byIds(motionIds, viewer);
    const present = (
      await queryRows<{ name: string }>(
        manager,
        `SELECT u.name FROM meeting_registrations r JOIN users u ON u.id = r.user_id
          WHERE r.meeting_id = $1 AND r.attended_at IS NOT NULL ORDER BY u.name, u.id`,
        [row.id],
      )
    ).map((p) => p.name);

    const lines: string[] = [];
    lines.push(`# Séance — ${markdownText(row.title)}`, '');
    lines.push(`Du ${parisTime(row.starts_at)} au ${parisTime(row.ends_at)} (heure de Paris).`, '');
    lines.push(`## Ordre du jour`, '');
    if (!items.length) lines.push('Aucun point à l’ordre du jour.');
    let n = 0;
    for (const item of items) {
      const prefix = item.parent_id ? '   -' : `${++n}.`;
      lines.push(`${prefix} ${markdownText(item.title)} (${item.duration_minutes} min)`);
      for (const id of item.motion_ids ?? []) {
        const motion = motions.find((m) => m.id === id);
        if (motion)
          lines.push(`   - Motion « ${markdownText(motion.title)} » : ${this.state(motion)}`);
      }
    }
    lines.push('', `## Présents (${present.length})`, '');
    if (present.length) for (const name of present) lines.push(`- ${markdownText(name)}`);
    else lines.push('Aucune présence enregistrée.');
    lines.push('', `## Décisions`, '');
    const decided = motions.filter((m) => m.sittingId === row.id);
    if (!decided.length) lines.push('Aucune motion mise aux voix pendant la séance.');
    for (const motion of decided)
      lines.push(`- ${markdownText(motion.title)} : ${this.state(motion)}`);
    return { motions, present, minutes: lines.join('\n').trimEnd() + '\n' };
  }

  /** A motion's state or result, in French, for the minutes. */
  private state(motion: MotionDto): string {
    const r = motion.result;
    if (r) {
      const quorum =
        r.quorumBasis === 'PRESENT'
          ? `${r.presentCount ?? 0} présent·e·s ou votant·e·s sur ${r.membersCount} membres`
          : `${r.votersCount} votant·e·s sur ${r.membersCount} membres`;
      return `**${OUTCOME_LABEL[r.outcome]}** (pour ${num(r.forWeight)}, contre ${num(r.againstWeight)}, abstention ${num(r.abstainWeight)} ; quorum ${num(r.quorumPercent)} % : ${quorum})`;
    }
    if (motion.status === 'OPEN') return 'vote en cours';
    return 'non mise aux voix';
  }

  /** Locks the sitting and checks the chair, the sitting and the agenda. */
  private async lockOngoing(
    manager: EntityManager,
    meetingId: string,
    motionId: string,
    viewer: Viewer,
  ): Promise<SittingRow> {
    if (!UUID_PATTERN.test(motionId))
      throw DomainError.badInput('Identifiant invalide.', { field: 'motionId' }).inEnglish(
        'Invalid identifier.',
      );
    if (!UUID_PATTERN.test(meetingId))
      throw DomainError.badInput('Identifiant invalide.', { field: 'meetingId' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await queryRows<SittingRow>(
      manager,
      `SELECT id, space_id, title, starts_at, ends_at, is_sitting, cancelled_at, published_at,
              CASE WHEN now() < starts_at THEN 'UPCOMING' WHEN now() < ends_at THEN 'ONGOING' ELSE 'PAST' END AS state
         FROM meetings WHERE id = $1 FOR UPDATE`,
      [meetingId],
    );
    if (!row)
      throw DomainError.notFound('Rencontre', { id: meetingId }).inEnglish('Meeting not found.');
    if (
      !viewer.user.isAdmin &&
      !(await this.access.hasRole(viewer.user.id, row.space_id, [SpaceRole.ADMIN]))
    )
      throw DomainError.forbidden(
        'Seuls les administrateurs de l’assemblée président la séance.',
      ).inEnglish('Only the assembly’s administrators chair the sitting.');
    if (!row.is_sitting)
      throw DomainError.badInput('Cette rencontre n’est pas une séance de l’assemblée.', {
        field: 'meetingId',
      }).inEnglish('This meeting is not a sitting of the assembly.');
    if (row.state !== MeetingState.ONGOING || row.cancelled_at || !row.published_at)
      throw new DomainError(
        ErrorCode.SITTING_NOT_ONGOING,
        'Cette séance n’est pas en cours : le vote s’ouvre et se clôt pendant la séance.',
      ).inEnglish('This sitting is not in progress: the vote opens and closes during the sitting.');
    const [linked] = await manager.query(
      `SELECT 1 FROM meeting_agenda_links l JOIN meeting_agenda_items i ON i.id = l.item_id
        WHERE i.meeting_id = $1 AND l.resource_type = 'MOTION' AND l.resource_id = $2 LIMIT 1`,
      [meetingId, motionId],
    );
    if (!linked) {
      // an unknown motion, or one of another assembly, is not found here (as the sweep expects)
      const motion = await this.motions.motion(motionId, viewer);
      if (motion.spaceId !== row.space_id)
        throw DomainError.notFound('Motion', { id: motionId }).inEnglish('Motion not found.');
    }
    if (!linked)
      throw new DomainError(
        ErrorCode.MOTION_NOT_ON_AGENDA,
        'Cette motion n’est pas à l’ordre du jour de cette séance.',
        { field: 'motionId' },
      ).inEnglish('This motion is not on the agenda of this sitting.');
    return row;
  }
}
