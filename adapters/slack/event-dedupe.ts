/**
 * Remembers which Slack events (and messages) were already handled, so a retried delivery is not answered
 * twice. Slack retries an event up to three times over about five minutes when it gets no timely 200, and a
 * message in a DM can arrive both as `message.im` and as `app_mention`.
 *
 * In memory on purpose: a retry arrives within minutes, so a set that forgets after a TTL and holds a bounded
 * number of keys is enough for one process; it is an option of `createSlackApp` so a shared store can replace
 * it when the bot runs as several replicas.
 */

export interface EventDedupeOptions {
  /** How long a key is remembered, in ms. Default 10 minutes (Slack's retries span about 5). */
  ttlMs?: number;
  /** Most keys held; the oldest are forgotten first. Default 10 000. */
  maxKeys?: number;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

/** The interface listeners use; `EventDedupe` is the in-memory implementation. */
export interface SeenEvents {
  /** True the first time a key is claimed within the TTL, false for a repeat. */
  claim(key: string): boolean;
  /** True when the key was claimed within the TTL, without claiming it. */
  has(key: string): boolean;
}

export class EventDedupe implements SeenEvents {
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  /** Key → expiry time. A Map iterates in insertion order, so the first entries are the oldest. */
  private readonly expiries = new Map<string, number>();

  constructor(options: EventDedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxKeys = Math.max(1, options.maxKeys ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  claim(key: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    if (this.expiries.has(key)) return false;
    this.expiries.set(key, now + this.ttlMs);
    while (this.expiries.size > this.maxKeys) {
      const oldest = this.expiries.keys().next().value;
      if (oldest === undefined) break;
      this.expiries.delete(oldest);
    }
    return true;
  }

  has(key: string): boolean {
    this.forgetExpired(this.now());
    return this.expiries.has(key);
  }

  /** Number of keys remembered now. */
  get size(): number {
    this.forgetExpired(this.now());
    return this.expiries.size;
  }

  private forgetExpired(now: number): void {
    // Every key has the same TTL, so expiries grow with insertion order: stop at the first live one.
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(key);
    }
  }
}
