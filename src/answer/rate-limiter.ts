/**
 * A per-user token bucket: each user may ask `perMinute` questions a minute, in bursts of up to `perMinute`.
 * Keeps at most `maxUsers` buckets (the oldest are dropped first; a dropped user simply starts full again).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 10_000,
  ) {}

  /** Takes one token for `key`; false when the user is out of tokens and should slow down. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    const refilled = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    const allowed = refilled >= 1;
    // Re-insert so the map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    if (this.buckets.size > this.maxUsers) this.buckets.delete(this.buckets.keys().next().value ?? '');
    return allowed;
  }
}
