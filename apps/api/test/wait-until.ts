import type { TestApp } from './test-app';

/**
 * Polls `probe` until `done` accepts its value, and returns that value. Tests wait this way for
 * what the server finishes after its answer (a mail sent after the commit, a socket joining its
 * rooms, a request reaching a lock): a fixed sleep is too short on a loaded machine, where every
 * step may take ten times longer, and wasted on a fast one.
 * @param what the awaited condition, for the failure message
 * @param timeoutMs how long to wait before failing (generous: only a broken behaviour reaches it)
 * @throws when the condition does not hold within `timeoutMs`, with the last value seen
 */
export async function waitUntil<T>(
  what: string,
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until a PostgreSQL session is blocked by a lock that the session `holderPid` holds: the
 * proof, whatever the speed of the machine, that a concurrent request has reached that lock and
 * waits on it (where a fixed sleep would pass without the request having even arrived).
 * @param holderPid `pg_backend_pid()` of the session holding the lock
 * @returns the pids of the waiting sessions
 */
export async function waitForLockWaiters(
  sql: TestApp['sql'],
  holderPid: number,
): Promise<number[]> {
  const rows = await waitUntil(
    `a session waiting on a lock held by backend ${holderPid}`,
    () =>
      sql<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))`,
        [holderPid],
      ),
    (waiting) => waiting.length > 0,
  );
  return rows.map((r) => r.pid);
}
