import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each domain event keeps the id of the HTTP request that recorded it (null for events a
 * scheduler or worker recorded), so the workers that handle it later — on any process — log
 * under that request id: one request can be followed from its access line to its notifications.
 */
export class DomainEventRequestId1765100000000 implements MigrationInterface {
  name = 'DomainEventRequestId1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE domain_events ADD COLUMN request_id text CHECK (length(request_id) <= 64)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE domain_events DROP COLUMN request_id`);
  }
}
