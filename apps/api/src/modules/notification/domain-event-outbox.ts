import { DomainEventPayloads, DomainEventType } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The transactional outbox (DESIGN.md "Events flow one way"): a service writes the event in
 * the same transaction as the change it describes, so an event exists if and only if the
 * change committed; the {@link NotificationDispatcher} processes it after commit.
 */
@Injectable()
export class DomainEventOutbox {
  private readonly listeners = new Set<() => void>();

  /**
   * Records an event inside the caller's transaction.
   * @param manager the transaction's entity manager
   * @param type event name (see `DomainEventPayloads` in `@concerto/domain`)
   * @param payload the event's facts
   * @param actorId who caused it (not notified about their own action), or null
   * @returns the event id
   */
  async record<T extends DomainEventType>(manager: EntityManager, type: T, payload: DomainEventPayloads[T], actorId: string | null): Promise<string> {
    const [{ id }] = await manager.query(`INSERT INTO domain_events (type, payload, actor_id) VALUES ($1, $2, $3) RETURNING id`, [type, payload, actorId]);
    return id;
  }

  /** Tells the dispatcher that committed events are waiting (call after the transaction resolves). */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Registers a callback run by {@link committed}. @returns an unsubscribe function */
  onCommitted(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
