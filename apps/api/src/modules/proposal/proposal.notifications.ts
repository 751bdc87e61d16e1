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
import { ProposalHost } from './proposal.host';

type ProposalEvent =
  | 'proposal.published'
  | 'proposal.answered'
  | 'proposal.supportsChanged'
  | 'proposal.disagreementsChanged';

/** French label of an official answer's state, as written in a notification (never the enum value). */
const PROPOSAL_ANSWER_LABEL: Record<'ACCEPTED' | 'REJECTED', string> = {
  ACCEPTED: 'acceptée',
  REJECTED: 'rejetée',
};

/**
 * Notifications of proposal events: a new proposal reaches the space's followers; an official
 * answer reaches the author and the proposal's followers; support and « pas d'accord » counts move
 * live (to the proposal's room and its list's).
 */
@Injectable()
@NotificationHandlerFor()
export class ProposalNotifications implements NotificationHandler<ProposalEvent> {
  readonly events = [
    'proposal.published',
    'proposal.answered',
    'proposal.supportsChanged',
    'proposal.disagreementsChanged',
  ] as const;

  constructor(
    private readonly follows: FollowService,
    private readonly host: ProposalHost,
  ) {}

  async plan(
    manager: EntityManager,
    event: CommittedEvent<ProposalEvent>,
  ): Promise<NotificationPlan> {
    if (event.type === 'proposal.supportsChanged') {
      const p = (event as CommittedEvent<'proposal.supportsChanged'>).payload;
      return {
        planned: [],
        live: [
          { room: Rooms.proposal(p.proposalId), event: 'proposal.supportsChanged', payload: p },
          { room: Rooms.component(p.componentId), event: 'proposal.supportsChanged', payload: p },
        ],
      };
    }
    if (event.type === 'proposal.disagreementsChanged') {
      const p = (event as CommittedEvent<'proposal.disagreementsChanged'>).payload;
      return {
        planned: [],
        live: [
          {
            room: Rooms.proposal(p.proposalId),
            event: 'proposal.disagreementsChanged',
            payload: p,
          },
          {
            room: Rooms.component(p.componentId),
            event: 'proposal.disagreementsChanged',
            payload: p,
          },
        ],
      };
    }
    if (event.type === 'proposal.published') {
      const p = (event as CommittedEvent<'proposal.published'>).payload;
      const link = (await this.host.reference(p.proposalId, manager))?.link ?? '/';
      const users = await this.follows.followersOf(manager, 'SPACE', p.spaceId);
      return {
        planned: users.map((userId) => ({
          userId,
          kind: NotificationKind.PROPOSAL_PUBLISHED,
          title: 'Nouvelle proposition',
          body: p.title,
          link,
        })),
        live: [],
        subjects: [{ type: 'PROPOSAL', id: p.proposalId }],
      };
    }
    const p = (event as CommittedEvent<'proposal.answered'>).payload;
    const proposal = await this.host.reference(p.proposalId, manager);
    const users = [
      ...(proposal?.authorId ? [proposal.authorId] : []),
      ...(await this.follows.followersOf(manager, 'PROPOSAL', p.proposalId)),
    ];
    return {
      planned: users.map((userId) => ({
        userId,
        kind: NotificationKind.PROPOSAL_ANSWERED,
        title: 'Réponse à une proposition',
        body: `${p.title} : ${PROPOSAL_ANSWER_LABEL[p.state as 'ACCEPTED' | 'REJECTED'] ?? p.state}`,
        link: proposal?.link ?? '/',
      })),
      live: [],
      subjects: [{ type: 'PROPOSAL', id: p.proposalId }],
    };
  }
}
