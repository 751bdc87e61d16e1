import type { QueryRunner } from 'typeorm';

/**
 * Adds a value to (or removes it from) a column's `CHECK (column IN (…))` list, reading the list
 * from the current constraint, so migrations of different branches that each widen the same list
 * (components, commentable, followable, reportable types) keep each other's values whatever
 * order they run in. For migrations only.
 * @param present true to add `value`, false to remove it
 */
export async function setAllowedValue(
  q: QueryRunner,
  table: string,
  column: string,
  constraint: string,
  value: string,
  present: boolean,
): Promise<void> {
  const [row] = await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
    [constraint],
  );
  const values: string[] = row
    ? [...(row.def as string).matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]).filter((v) => v !== value)
    : [];
  if (present) values.push(value);
  await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
  await q.query(
    `ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`,
  );
}

/** The resource-type lists of the shared capabilities: table, column, constraint. */
export const CAPABILITY_TYPE_CHECKS = [
  ['comments', 'commentable_type', 'comments_commentable_type_check'],
  ['follows', 'followable_type', 'follows_followable_type_check'],
  ['moderations', 'reportable_type', 'moderations_reportable_type_check'],
] as const;
