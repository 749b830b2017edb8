/**
 * A token bucket per client: `burst` requests at once, refilled at `perMinute`. Keeps alarm
 * sources from drowning the board (and the journal) in a loop gone wrong.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly clock: () => number = Date.now,
  ) {}

  allow(client: string): boolean {
    const now = this.clock();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    const allowed = tokens >= 1;
    this.buckets.set(client, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return allowed;
  }

  /** Buckets that have refilled carry no information; dropping them bounds memory. */
  private forgetFull(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000 >= this.burst) this.buckets.delete(client);
    }
  }
}
