import { NotificationKind, Rooms } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';
import { FollowService } from '../follow/follow.service';
import { BallotHost } from './ballot.host';
import { BallotService } from './ballot.service';

type BallotEvent = 'ballot.lifecycle' | 'ballot.voted';

const KIND = {
  OPENED: NotificationKind.BALLOT_OPENED,
  CLOSING_SOON: NotificationKind.BALLOT_CLOSING_SOON,
  CLOSED: NotificationKind.BALLOT_CLOSED,
} as const;
const TITLE = {
  OPENED: 'Votation ouverte : vous pouvez voter',
  CLOSING_SOON: 'Votation close dans moins d’une heure',
  CLOSED: 'Votation close : les résultats sont publiés',
} as const;

/**
 * Votations: every vote moves the live turnout (rooms `ballot:<id>` and `component:<id>`; the
 * number of voters and their weight, never what was chosen); the opening, the last hour and the
 * close reach the census (see {@link BallotService.lifecycleRecipients}) — and the opening and
 * the close the ballot's followers — once each — the
 * scheduler records each (ballot, kind) once in `ballot_events`, with its outbox entry.
 */
@Injectable()
@NotificationHandlerFor()
export class BallotNotifications implements NotificationHandler<BallotEvent> {
  readonly events = ['ballot.lifecycle', 'ballot.voted'] as const;

  constructor(
    private readonly ballots: BallotService,
    private readonly host: BallotHost,
    private readonly follows: FollowService,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<BallotEvent>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const turnout = await this.ballots.turnout(manager, p.ballotId);
    const live = [
      { room: Rooms.ballot(p.ballotId), event: 'ballot.turnoutChanged' as const, payload: turnout },
      {
        room: Rooms.component(p.componentId),
        event: 'ballot.turnoutChanged' as const,
        payload: turnout,
      },
    ];
    if (event.type === 'ballot.voted') return { planned: [], live };
    const l = (event as CommittedEvent<'ballot.lifecycle'>).payload;
    const reference = await this.host.reference(l.ballotId, manager);
    if (!reference) return { planned: [], live: [] };
    const link = reference.link;
    const census = await this.ballots.lifecycleRecipients(manager, l.ballotId, l.kind);
    // followers hear of the opening and the close too (they may not be in the census)
    const users =
      l.kind === 'CLOSING_SOON'
        ? census
        : [
            ...new Set([
              ...census,
              ...(await this.follows.followersOf(manager, 'BALLOT', l.ballotId)),
            ]),
          ];
    return {
      planned: users.map((userId) => ({
        userId,
        kind: KIND[l.kind],
        title: TITLE[l.kind],
        body: l.title,
        link,
      })),
      live,
      subjects: [{ type: 'BALLOT', id: l.ballotId }],
    };
  }
}
