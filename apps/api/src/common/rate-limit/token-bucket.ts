/**
 * A token bucket: holds at most `capacity` tokens, refilled continuously at `refillPerSecond`;
 * each allowed action takes one. Used to bound the messages of one Socket.IO connection, which
 * the GraphQL throttler does not see.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  /**
   * @param capacity largest burst allowed (tokens)
   * @param refillPerSecond tokens added per second
   * @param now clock in milliseconds (tests pass their own)
   */
  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /**
   * Takes one token when there is one.
   * @returns true when the action may go ahead, false when the bucket is empty
   */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond,
    );
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
