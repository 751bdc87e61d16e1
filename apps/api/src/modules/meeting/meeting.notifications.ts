import { NotificationKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';
import { MeetingHost } from './meeting.host';

const KIND = {
  REMINDER: NotificationKind.MEETING_REMINDER,
  PROMOTED: NotificationKind.MEETING_REGISTRATION_PROMOTED,
  CANCELLED: NotificationKind.MEETING_CANCELLED,
  CHANGED: NotificationKind.MEETING_CHANGED,
  CLOSED: NotificationKind.MEETING_CLOSED,
} as const;
const TITLE = {
  REMINDER: 'Votre rencontre a lieu dans moins de 24 heures',
  PROMOTED: 'Une place s’est libérée : vous êtes inscrit·e',
  CANCELLED: 'Rencontre annulée',
  CHANGED: 'Rencontre modifiée',
  CLOSED: 'Compte rendu de rencontre publié',
} as const;
const CHANGED_WHAT = { TIME: 'nouvel horaire', PLACE: 'nouveau lieu' } as const;

/** Registrants of a meeting are told of the 24-hour reminder, of their move from the waiting list to a seat, of a cancellation and of a new time or place; registrants and followers of its closing report. */
@Injectable()
@NotificationHandlerFor()
export class MeetingNotifications implements NotificationHandler<'meeting.registrants'> {
  readonly events = ['meeting.registrants'] as const;

  constructor(private readonly host: MeetingHost) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<'meeting.registrants'>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const link = (await this.host.reference(p.meetingId, manager))?.link ?? '/';
    const body =
      p.kind === 'CHANGED' && p.changes?.length
        ? `${p.title} : ${p.changes.map((c) => CHANGED_WHAT[c]).join(' et ')}`
        : p.title;
    return {
      planned: p.userIds.map((userId) => ({
        userId,
        kind: KIND[p.kind],
        title: TITLE[p.kind],
        body,
        link,
      })),
      live: [],
      subjects: [{ type: 'MEETING', id: p.meetingId }],
    };
  }
}
