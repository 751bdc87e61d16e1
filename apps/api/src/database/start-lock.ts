import { Client } from 'pg';

/**
 * Key of the session-level advisory lock that serialises the start of API processes sharing
 * one database (`hashtext('concerto:start')`, a 32-bit key distinct from the transaction-level
 * locks of the first admin and the demo content, so they never wait on each other).
 */
export const START_LOCK_SQL_KEY = `hashtext('concerto:start')`;

/**
 * Runs `work` while holding a PostgreSQL advisory lock on its own connection, so that several
 * processes started at the same instant on one database apply migrations, create the first
 * administrator and load the demo content one after the other: the first migrates, the others
 * wait, then find the schema current and the content there. The lock is a session lock, so
 * it is released when `work` ends (or fails) and by PostgreSQL itself if the process dies.
 * @param url database URL
 * @param work what to run under the lock (migrations, first-start setup)
 * @param log progress lines ("waiting for …")
 * @returns what `work` returns
 * @throws what `work` throws; the lock is released first
 */
export async function withStartLock<T>(
  url: string,
  work: () => Promise<T>,
  log: (line: string) => void = () => undefined,
): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'concerto-start-lock' });
  await client.connect();
  try {
    const [{ locked }] = (
      await client.query(`SELECT pg_try_advisory_lock(${START_LOCK_SQL_KEY}) AS locked`)
    ).rows as { locked: boolean }[];
    if (!locked) {
      log('another Concerto process is migrating or setting up this database: waiting for it');
      await client.query(`SELECT pg_advisory_lock(${START_LOCK_SQL_KEY})`);
    }
    return await work();
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${START_LOCK_SQL_KEY})`).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
