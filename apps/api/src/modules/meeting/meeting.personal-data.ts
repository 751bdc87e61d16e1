import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ErasedAccount,
  type PersonalDataContributor,
  PersonalDataContributorAdapter,
} from '../../platform/personal-data';
import { MeetingService } from './meeting.service';

/**
 * Meeting registrations (with attendance), reminders sent and the private calendar feed. At
 * account deletion all go: a
 * registration is personal; a seat it held goes to the first waiting person (notified).
 */
@Injectable()
@PersonalDataContributorAdapter()
export class MeetingPersonalData implements PersonalDataContributor {
  readonly order = 70;

  constructor(private readonly meetings: MeetingService) {}

  readonly datasets = [
    {
      name: 'meeting_registrations',
      description: 'Vos inscriptions aux rencontres',
      columns: [
        'meeting_id',
        'meeting',
        'starts_at',
        'status',
        'code',
        'registered_at',
        'attended_at',
      ],
      sql: `SELECT m.id AS meeting_id, m.title AS meeting, m.starts_at, r.status, r.code, r.created_at AS registered_at, r.attended_at
              FROM meeting_registrations r JOIN meetings m ON m.id = r.meeting_id WHERE r.user_id = $1 ORDER BY m.starts_at, r.created_at`,
    },
    {
      name: 'meeting_calendar_feeds',
      description:
        'Votre lien privé d’agenda des rencontres (sa date ; le lien lui-même n’est pas conservé)',
      columns: ['created_at'],
      sql: `SELECT created_at FROM meeting_calendar_feeds WHERE user_id = $1`,
    },
  ];

  async erase(manager: EntityManager, account: ErasedAccount): Promise<void> {
    await manager.query(`DELETE FROM meeting_reminders WHERE user_id = $1`, [account.id]);
    await manager.query(`DELETE FROM meeting_calendar_feeds WHERE user_id = $1`, [account.id]);
    await this.meetings.releaseRegistrationsOf(manager, account.id);
  }
}
