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
import { PetitionHost } from './petition.host';

type PetitionEvent = 'petition.signaturesChanged' | 'petition.milestone' | 'petition.stateChanged';

const STATE_TITLE: Record<string, string> = {
  PUBLISHED: 'Pétition publiée : la collecte des signatures commence',
  DISCARDED: 'Pétition écartée après examen',
  ANSWERED: 'Réponse officielle à la pétition',
};

/**
 * Signature counts move live (rooms `petition:<id>` and `component:<id>`); a milestone (25, 50,
 * 75, 100 % of the threshold — recorded once per petition and percent) and a state change
 * (published, discarded, answered) reach the author, the committee and the followers, once each.
 */
@Injectable()
@NotificationHandlerFor()
export class PetitionNotifications implements NotificationHandler<PetitionEvent> {
  readonly events = [
    'petition.signaturesChanged',
    'petition.milestone',
    'petition.stateChanged',
  ] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly host: PetitionHost,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<PetitionEvent>,
  ): Promise<NotificationPlan> {
    if (event.type === 'petition.signaturesChanged') {
      const p = (event as CommittedEvent<'petition.signaturesChanged'>).payload;
      return {
        planned: [],
        live: [
          { room: Rooms.petition(p.petitionId), event: 'petition.signaturesChanged', payload: p },
          { room: Rooms.component(p.componentId), event: 'petition.signaturesChanged', payload: p },
        ],
      };
    }
    const p = (event as CommittedEvent<'petition.milestone' | 'petition.stateChanged'>).payload;
    const reference = await this.host.reference(p.petitionId, manager);
    if (!reference) return { planned: [], live: [] };
    const committee: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM petition_committee_members WHERE petition_id = $1`,
      [p.petitionId],
    );
    const users = new Set([
      ...(reference.authorId ? [reference.authorId] : []),
      ...committee.map((c) => c.user_id),
      ...(await this.follows.followersOf(manager, 'PETITION', p.petitionId)),
    ]);
    let kind: NotificationKind = NotificationKind.PETITION_STATE_CHANGED;
    let title: string;
    if (event.type === 'petition.milestone') {
      kind = NotificationKind.PETITION_MILESTONE;
      const percent = (event as CommittedEvent<'petition.milestone'>).payload.percent;
      title =
        percent >= 100
          ? 'Pétition : seuil de signatures atteint'
          : `Pétition : ${percent} % du seuil de signatures atteint`;
    } else {
      title =
        STATE_TITLE[(event as CommittedEvent<'petition.stateChanged'>).payload.state] ??
        'Pétition mise à jour';
    }
    return {
      planned: [...users].map((userId) => ({
        userId,
        kind,
        title,
        body: p.title,
        link: reference.link,
      })),
      live: [],
      subjects: [{ type: 'PETITION', id: p.petitionId }],
    };
  }
}
