import type Database from 'better-sqlite3';
import { isoInstant } from './store-error.ts';

/**
 * A named lease in the database, so that of several processes sharing one database file only one runs the
 * scheduled jobs. The holder renews it on every tick; another process takes over only once it has expired
 * (the holder died or hung) or was released (graceful shutdown).
 */
export class SchedulerLease {
  private readonly upsert;
  private readonly remove;

  constructor(db: Database.Database) {
    // One statement, so acquiring is atomic across processes: insert, or update only when ours or expired.
    this.upsert = db.prepare<[string, string, string, string]>(`
      INSERT INTO scheduler_lease (name, holder, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE scheduler_lease.holder = excluded.holder OR scheduler_lease.expires_at <= ?
    `);
    this.remove = db.prepare<[string, string]>('DELETE FROM scheduler_lease WHERE name = ? AND holder = ?');
  }

  /**
   * Takes or renews the lease `name` for `ttlMs` from `now`.
   * @returns true when `holder` now holds it.
   */
  tryAcquire(name: string, holder: string, ttlMs: number, now: Date): boolean {
    const at = isoInstant(now, 'lease time');
    const expiresAt = isoInstant(new Date(now.getTime() + ttlMs), 'lease expiry');
    return this.upsert.run(name, holder, expiresAt, at).changes > 0;
  }

  /** Gives the lease up early (at shutdown) so another process need not wait for it to expire. */
  release(name: string, holder: string): void {
    this.remove.run(name, holder);
  }
}
