import { NotificationKind } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CommittedEvent,
  type NotificationHandler,
  NotificationHandlerFor,
  type NotificationPlan,
} from '../../platform/notification-handler';
import { FollowService } from '../follow/follow.service';
import { SurveyHost } from './survey.host';

/** A survey opening or closing within a day reaches the followers of its space and of the survey. */
@Injectable()
@NotificationHandlerFor()
export class SurveyNotifications implements NotificationHandler<'survey.lifecycle'> {
  readonly events = ['survey.lifecycle'] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly host: SurveyHost,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<'survey.lifecycle'>,
  ): Promise<NotificationPlan> {
    const p = event.payload;
    const link = (await this.host.reference(p.surveyId, manager))?.link ?? '/';
    const users = [
      ...(await this.follows.followersOf(manager, 'SPACE', p.spaceId)),
      ...(await this.follows.followersOf(manager, 'SURVEY', p.surveyId)),
    ];
    const kind =
      p.kind === 'OPENED' ? NotificationKind.SURVEY_OPENED : NotificationKind.SURVEY_CLOSING;
    const title = p.kind === 'OPENED' ? 'Enquête ouverte' : 'Enquête close dans moins d’un jour';
    return {
      planned: users.map((userId) => ({ userId, kind, title, body: p.title, link })),
      live: [],
    };
  }
}
