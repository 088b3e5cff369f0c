/**
 * A token bucket per key: `burst` requests at once, refilled at `perSecond`. A monitoring system
 * in a loop is told to wait (429) before it can crowd the engine's one thread.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the request may go on; false (and nothing taken) when the key must wait. */
  take(key: string): boolean {
    const now = this.now();
    const held = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, held.tokens + ((now - held.at) / 1000) * this.perSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }
}
