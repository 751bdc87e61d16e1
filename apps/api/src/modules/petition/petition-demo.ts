import { sanitizeRichText } from '../../common/rich-text/rich-text';
import { queryRows } from '../../common/database/unit-of-work';
import type { EntityManager } from 'typeorm';
import { milestonesReached } from './petition-lifecycle';

/**
 * Loads a demo petition (called by the demo module, inside its transaction): a type, a petition
 * published now for the type's period, its signatures by demo accounts (marked `is_demo`), the
 * counter equal to the rows and the milestones already passed. Writes only this module's tables.
 * @param componentId a PETITIONS component
 * @param signerIds demo accounts (users.is_demo) that sign
 * @returns the petition id
 */
export async function insertDemoPetition(
  manager: EntityManager,
  componentId: string,
  type: {
    title: string;
    description: string;
    threshold: number;
    periodDays: number;
    minCommitteeSize: number;
  },
  petition: { title: string; body: string },
  signerIds: string[],
): Promise<string> {
  const [t] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO petition_types (component_id, title, description, threshold, period_days, min_committee) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      componentId,
      type.title,
      sanitizeRichText(type.description),
      type.threshold,
      type.periodDays,
      type.minCommitteeSize,
    ],
  );
  const [p] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO petitions (component_id, type_id, title, body, state, published_at, ends_at, signatures_count, is_demo)
     VALUES ($1, $2, $3, $4, 'PUBLISHED', now(), now() + make_interval(days => $5), $6, true) RETURNING id`,
    [
      componentId,
      t.id,
      petition.title,
      sanitizeRichText(petition.body),
      type.periodDays,
      signerIds.length,
    ],
  );
  for (const userId of signerIds)
    await manager.query(
      `INSERT INTO petition_signatures (petition_id, user_id, is_demo) VALUES ($1, $2, true)`,
      [p.id, userId],
    );
  for (const percent of milestonesReached(signerIds.length, type.threshold))
    await manager.query(`INSERT INTO petition_milestones (petition_id, percent) VALUES ($1, $2)`, [
      p.id,
      percent,
    ]);
  return p.id;
}
