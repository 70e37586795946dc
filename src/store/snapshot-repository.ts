import type Database from 'better-sqlite3';
import type { StatusSnapshot } from '../status/snapshot.ts';
import { isoInstant } from './store-error.ts';

/** A good snapshot as stored, with the HTTP validators for the next conditional fetch. */
export interface StoredSnapshot {
  id: number;
  snapshot: StatusSnapshot;
  etag?: string;
  lastModified?: string;
}

/** Since when the source has been failing, and why it failed last. */
export interface SourceOutage {
  /** The first failure after the last good snapshot (ISO timestamp). */
  since: string;
  /** The reason of the latest failure. */
  reason: string;
}

interface SnapshotRow {
  id: number;
  body: string;
  etag: string | null;
  last_modified: string | null;
}

/**
 * Every good fetch of the status page, and every failed one, so a reply can say "as of … from …" or
 * "source unavailable since …". Only good snapshots are saved here: a bad fetch is a failure, never a snapshot.
 */
export class SnapshotRepository {
  private readonly insertSnapshot;
  private readonly selectLastGood;
  private readonly selectById;
  private readonly updateFetchedAt;
  private readonly insertFailure;
  private readonly selectOutage;

  constructor(db: Database.Database) {
    this.insertSnapshot = db.prepare<[string, string, string, string | null, string | null]>(
      'INSERT INTO snapshots (source, fetched_at, body, etag, last_modified) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectLastGood = db.prepare<[], SnapshotRow>(
      'SELECT id, body, etag, last_modified FROM snapshots ORDER BY fetched_at DESC, id DESC LIMIT 1',
    );
    this.selectById = db.prepare<[number], SnapshotRow>(
      'SELECT id, body, etag, last_modified FROM snapshots WHERE id = ?',
    );
    this.updateFetchedAt = db.prepare<[string, string, number]>(
      "UPDATE snapshots SET fetched_at = ?, body = json_set(body, '$.fetchedAt', ?) WHERE id = ?",
    );
    this.insertFailure = db.prepare<[string, string, string]>(
      'INSERT INTO fetch_failures (at, source, reason) VALUES (?, ?, ?)',
    );
    // Failures after the newest good snapshot: a good snapshot ends an outage without deleting its history.
    this.selectOutage = db.prepare<[], { since: string | null; reason: string | null }>(`
      SELECT MIN(at) AS since,
             (SELECT reason FROM fetch_failures WHERE at > cutoff ORDER BY at DESC, id DESC LIMIT 1) AS reason
      FROM fetch_failures, (SELECT COALESCE(MAX(fetched_at), '') AS cutoff FROM snapshots)
      WHERE at > cutoff
    `);
  }

  /**
   * Saves a good snapshot (its `fetchedAt` is the time kept) with the response's validators. Save it and append
   * its changes in one `store.transaction`.
   * @returns the snapshot's id, which its changes point at.
   */
  saveGood(snapshot: StatusSnapshot, etag?: string, lastModified?: string): number {
    const fetchedAt = isoInstant(snapshot.fetchedAt, 'snapshot fetchedAt');
    const body = JSON.stringify({ ...snapshot, fetchedAt });
    const result = this.insertSnapshot.run(snapshot.source, fetchedAt, body, etag ?? null, lastModified ?? null);
    return Number(result.lastInsertRowid);
  }

  /** The newest good snapshot, or undefined before the first good fetch. */
  lastGood(): StoredSnapshot | undefined {
    const row = this.selectLastGood.get();
    return row ? toStored(row) : undefined;
  }

  /** The snapshot a change was logged with (`LoggedChange.snapshotId`), or undefined for an unknown id. */
  byId(id: number): StoredSnapshot | undefined {
    const row = this.selectById.get(id);
    return row ? toStored(row) : undefined;
  }

  /**
   * Marks a stored snapshot as confirmed again at `at` (a 304, or the same table re-read): its "as of" time
   * moves and an outage ends, without a new row per poll.
   */
  touch(id: number, at: Date): void {
    const fetchedAt = isoInstant(at, 'snapshot fetchedAt');
    this.updateFetchedAt.run(fetchedAt, fetchedAt, id);
  }

  /** Records a failed fetch (maintenance page, timeout, truncated table…). */
  recordFailure(source: string, reason: string, at: Date): void {
    this.insertFailure.run(isoInstant(at, 'failure time'), source, reason);
  }

  /** The current outage: failures since the last good snapshot, or undefined when the last fetch was good. */
  failingSince(): SourceOutage | undefined {
    const row = this.selectOutage.get();
    if (!row?.since || row.reason === null) return undefined;
    return { since: row.since, reason: row.reason };
  }
}

function toStored(row: SnapshotRow): StoredSnapshot {
  return {
    id: row.id,
    snapshot: JSON.parse(row.body) as StatusSnapshot,
    ...(row.etag === null ? {} : { etag: row.etag }),
    ...(row.last_modified === null ? {} : { lastModified: row.last_modified }),
  };
}
