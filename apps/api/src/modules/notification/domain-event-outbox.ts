import { DomainEventPayloads, DomainEventType } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentRequestId } from '../../common/logging/request-id';
import type { StatementParameters } from '../../common/database/statement-parameters';

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
   * @returns the event id (the event keeps the id of the request under way, for the logs)
   */
  async record<T extends DomainEventType>(
    manager: EntityManager,
    type: T,
    payload: DomainEventPayloads[T],
    actorId: string | null,
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO domain_events (type, payload, actor_id, request_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [type, payload, actorId, currentRequestId() ?? null],
    );
    return id;
  }

  /**
   * {@link record} as one part of a caller's composed statement (a `WITH` part): one event of
   * `type` per row the `from` tail selects, its payload built by the SQL expression `payload`
   * (a `jsonb_build_object(…)` whose keys are those of `DomainEventPayloads[type]`), so the
   * events commit with the change they describe. Call {@link committed} after the commit.
   * @param params the statement's parameters; @param type event name; @param payload SQL jsonb expression
   * @param from SQL `FROM … WHERE …` tail, one row per event; @param actorId who caused it, or null
   * @returns the SQL of the part (an INSERT)
   */
  recordStatement<T extends DomainEventType>(
    params: StatementParameters,
    type: T,
    payload: string,
    from: string,
    actorId: string | null,
  ): string {
    return `INSERT INTO domain_events (type, payload, actor_id, request_id)
      SELECT ${params.add(type, 'text')}, ${payload}, ${params.add(actorId, 'uuid')}, ${params.add(currentRequestId() ?? null, 'text')} ${from}`;
  }

  /**
   * Events not yet processed, and the age of the oldest in seconds (0 when none) — the
   * dispatcher's queue depth and lag, for the metrics.
   * @param manager any entity manager (read only)
   */
  async backlog(manager: EntityManager): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age FROM domain_events WHERE processed_at IS NULL`,
    );
    return { pending: row.pending, oldestAgeSeconds: row.age };
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
