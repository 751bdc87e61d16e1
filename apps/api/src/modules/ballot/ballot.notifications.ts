import { NotificationKind, Rooms } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CommittedEvent, type NotificationHandler, NotificationHandlerFor, type NotificationPlan } from '../../platform/notification-handler';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { BallotService } from './ballot.service';

type BallotEvent = 'ballot.lifecycle' | 'ballot.voted';

const KIND = { OPENED: NotificationKind.BALLOT_OPENED, CLOSING_SOON: NotificationKind.BALLOT_CLOSING_SOON, CLOSED: NotificationKind.BALLOT_CLOSED } as const;
const TITLE = { OPENED: 'Votation ouverte : vous pouvez voter', CLOSING_SOON: 'Votation close dans moins d’une heure', CLOSED: 'Votation close : les résultats sont publiés' } as const;

/**
 * Votations: every vote moves the live turnout (rooms `ballot:<id>` and `component:<id>`; the
 * number of voters and their weight, never what was chosen); the opening, the last hour and the
 * close reach the census (see {@link BallotService.lifecycleRecipients}), once each — the
 * scheduler records each (ballot, kind) once in `ballot_events`, with its outbox entry.
 */
@Injectable()
@NotificationHandlerFor()
export class BallotNotifications implements NotificationHandler<BallotEvent> {
  readonly events = ['ballot.lifecycle', 'ballot.voted'] as const;

  constructor(
    private readonly ballots: BallotService,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  async plan(manager: EntityManager, event: CommittedEvent<BallotEvent>): Promise<NotificationPlan> {
    const p = event.payload;
    const turnout = await this.ballots.turnout(manager, p.ballotId);
    const live = [
      { room: Rooms.ballot(p.ballotId), event: 'ballot.turnoutChanged' as const, payload: turnout },
      { room: Rooms.component(p.componentId), event: 'ballot.turnoutChanged' as const, payload: turnout },
    ];
    if (event.type === 'ballot.voted') return { planned: [], live };
    const l = (event as CommittedEvent<'ballot.lifecycle'>).payload;
    const place = await this.spaces.componentPlace(l.componentId, manager);
    if (!place) return { planned: [], live: [] };
    const link = `${place.path}/votations/${l.ballotId}`;
    const users = await this.ballots.lifecycleRecipients(manager, l.ballotId, l.kind);
    return { planned: users.map((userId) => ({ userId, kind: KIND[l.kind], title: TITLE[l.kind], body: l.title, link })), live };
  }
}
