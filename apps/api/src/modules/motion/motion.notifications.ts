import { NotificationKind, Rooms } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CommittedEvent,
  type LiveMessage,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';
import { FollowService } from '../follow/follow.service';
import { AssemblyMembershipService } from '../participatory-space/assembly-membership.service';
import { milliToNumber } from './motion-result';
import { MotionHost } from './motion.host';
import { MotionService } from './motion.service';

type MotionEvent = 'motion.lifecycle' | 'motion.voted';

const OUTCOME: Record<string, string> = {
  ADOPTED: 'adoptée',
  REJECTED: 'rejetée',
  NO_QUORUM: 'sans quorum',
};

/**
 * A motion opening, closing within the hour and closing reaches the assembly's current members
 * and the motion's followers; every vote moves the live tally (only the number of voters while
 * the tally is hidden until close).
 */
@Injectable()
@NotificationHandlerFor()
export class MotionNotifications implements NotificationHandler<MotionEvent> {
  readonly events = ['motion.lifecycle', 'motion.voted'] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly memberships: AssemblyMembershipService,
    private readonly motions: MotionService,
    private readonly host: MotionHost,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<MotionEvent>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const live = await this.liveTally(manager, p.motionId, p.componentId);
    if (event.type === 'motion.voted') return { planned: [], live };
    const l = (event as CommittedEvent<'motion.lifecycle'>).payload;
    const [state] = await manager.query(
      `SELECT closes_at <= now() AS closed, (SELECT outcome FROM motion_results WHERE motion_id = $1) AS outcome FROM motions WHERE id = $1`,
      [l.motionId],
    );
    // caught up after the motion had already closed: its "closed" notification says enough
    if (l.kind === 'OPENED' && state?.closed) return { planned: [], live: [] };
    let kind: NotificationKind = NotificationKind.MOTION_OPENED;
    let title = 'Motion ouverte au vote';
    if (l.kind === 'CLOSING_SOON') {
      kind = NotificationKind.MOTION_CLOSING_SOON;
      title = 'Motion close dans moins d’une heure';
    } else if (l.kind === 'CLOSED') {
      kind = NotificationKind.MOTION_CLOSED;
      title = state?.outcome
        ? `Motion close : ${OUTCOME[state.outcome] ?? state.outcome}`
        : 'Motion close';
    }
    const link = (await this.host.reference(l.motionId, manager))?.link ?? '/';
    const users = [
      ...(await this.memberships.currentMembers(manager, l.spaceId)).map((m) => m.userId),
      ...(await this.follows.followersOf(manager, 'MOTION', l.motionId)),
    ];
    return { planned: users.map((userId) => ({ userId, kind, title, body: l.title, link })), live };
  }

  /** The live tally message: weighted counts (one exact rule, `MotionService.tallies`), or only the number of voters while hidden until close. */
  private async liveTally(
    manager: EntityManager,
    motionId: string,
    componentId: string,
  ): Promise<LiveMessage[]> {
    const [motion] = await manager.query(
      `SELECT hide_tally_until_closed AND (closes_at IS NULL OR now() < closes_at) AS hidden FROM motions WHERE id = $1`,
      [motionId],
    );
    const tally = (await this.motions.tallies(manager, [motionId])).get(motionId)!;
    const payload =
      !motion || motion.hidden
        ? {
            motionId,
            for: null,
            against: null,
            abstain: null,
            voters: motion ? tally.votersCount : 0,
          }
        : {
            motionId,
            for: milliToNumber(tally.forMilli),
            against: milliToNumber(tally.againstMilli),
            abstain: milliToNumber(tally.abstainMilli),
            voters: tally.votersCount,
          };
    return [
      { room: Rooms.motion(motionId), event: 'motion.tallyChanged', payload },
      { room: Rooms.component(componentId), event: 'motion.tallyChanged', payload },
    ];
  }
}
