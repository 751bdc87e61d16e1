import type {
  DomainEventPayloads,
  DomainEventType,
  NotificationKind,
  ServerToClientEvents,
} from '@concerto/domain';
import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One notification to store: recipient, kind, text and link (a web path). */
export interface PlannedNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

/** A live message to broadcast to a Socket.IO room after commit. */
export interface LiveMessage {
  room: string;
  event: Exclude<keyof ServerToClientEvents, 'notification'>;
  payload: unknown;
}

/** What one event produces. The dispatcher drops the actor and duplicates, then each recipient's disabled kinds. */
export interface NotificationPlan {
  planned: PlannedNotification[];
  live: LiveMessage[];
  /** Sessions whose sockets must be disconnected. */
  disconnect?: string[];
  /**
   * The reportable resources whose title or existence the notifications show (`{ type: 'COMMENT',
   * id }` and the commented resource…): while one of them is hidden by moderation, the event's
   * notifications are left out of inboxes, counts and digests.
   */
  subjects?: { type: string; id: string }[];
}

/** A committed domain event as a handler reads it. */
export interface CommittedEvent<T extends DomainEventType> {
  id: string;
  type: T;
  payload: DomainEventPayloads[T];
  actorId: string | null;
}

/**
 * Turns the events a module owns into notifications and live messages. Each module declares
 * one provider marked {@link NotificationHandlerFor} per set of its events; the dispatcher
 * discovers them and refuses to start when an event type has no handler or two.
 * `plan` runs inside the dispatcher's transaction and reads only its own module's tables
 * (and asks other modules through their services).
 */
export interface NotificationHandler<T extends DomainEventType = DomainEventType> {
  readonly events: readonly T[];
  plan(manager: EntityManager, event: CommittedEvent<T>): Promise<NotificationPlan>;
}

export const NOTIFICATION_HANDLER = 'concerto:notification-handler';

/** Marks a provider as a {@link NotificationHandler}. */
export const NotificationHandlerFor = () => SetMetadata(NOTIFICATION_HANDLER, true);

/** Nothing to notify. */
export const NOTHING: NotificationPlan = { planned: [], live: [] };
