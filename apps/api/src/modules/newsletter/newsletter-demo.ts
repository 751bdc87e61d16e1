import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/database/unit-of-work';
import { sanitizeRichText } from '../../common/rich-text/rich-text';

/** The demo newsletter file (`demo/data/newsletter.json`): a draft from the report's call « pour faire filière ». */
export interface DemoNewsletterFile {
  subject: string;
  body: string;
  blocks: string[];
}

/**
 * Inserts the demo newsletter draft (marked `is_demo`, never sent: the demo mails nobody) unless
 * one is there already — also into databases whose demo predates newsletters. Called by the demo
 * module inside its transaction; writes only this module's table.
 * @returns the draft's id, or null when it was already there
 */
export async function insertDemoNewsletterOnce(
  manager: EntityManager,
  file: DemoNewsletterFile,
): Promise<string | null> {
  const [existing] = await manager.query(`SELECT 1 FROM newsletters WHERE is_demo LIMIT 1`);
  if (existing) return null;
  const [row] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO newsletters (subject, body, blocks, is_demo) VALUES ($1, $2, $3::text[], true) RETURNING id`,
    [file.subject, sanitizeRichText(file.body), file.blocks],
  );
  return row.id;
}
