import { Client } from 'pg';
import { currentJobRequestId, currentRequestId } from '../src/common/logging/request-id';

/** A running count of SQL round trips; see {@link countRequestRoundTrips}. */
export interface RoundTripCounter {
  /** Round trips counted since the counter started. */
  readonly count: number;
  /** Puts pg's own `Client.prototype.query` back. */
  restore(): void;
}

/**
 * Counts the SQL round trips made on behalf of HTTP requests (issue 15's lean write paths): every
 * pg `Client.query` (BEGIN and COMMIT included) while a request id is current, except inside
 * background jobs (the notification dispatcher's drains), nor the test's own SQL. Patches
 * `Client.prototype.query` until {@link RoundTripCounter.restore}.
 */
export function countRequestRoundTrips(): RoundTripCounter {
  const query = Client.prototype.query;
  let count = 0;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query =
    function counted(this: Client, ...args: unknown[]) {
      if (currentRequestId() && !currentJobRequestId()) count++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    };
  return {
    get count() {
      return count;
    },
    restore: () => {
      Client.prototype.query = query;
    },
  };
}
