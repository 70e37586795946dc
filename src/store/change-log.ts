import type Database from 'better-sqlite3';
import type { StatusChange } from '../status/snapshot.ts';
import { isoInstant } from './store-error.ts';

/** A change as logged: the change, its id (digests read "since id n") and where it was first seen. */
export interface LoggedChange extends StatusChange {
  id: number;
  snapshotId: number;
  /** When the bot first saw the change (ISO timestamp), not the date of the action. */
  firstSeenAt: string;
}

interface ChangeRow {
  id: number;
  snapshot_id: number;
  participant: string;
  action: StatusChange['action'];
  date: string | null;
  previous: string | null;
  current: string | null;
  first_seen_at: string;
}

/**
 * The append-only log of status changes. Ids only grow, so "the changes since id n" is what a channel has not
 * seen yet when its last digest went up to n.
 */
export class ChangeLog {
  private readonly insert;
  private readonly selectRange;
  private readonly selectLatest;
  private readonly selectLatestId;
  private readonly appendAll;

  constructor(db: Database.Database) {
    this.insert = db.prepare<[number, string, string, string | null, string | null, string | null, string]>(
      'INSERT INTO status_changes (snapshot_id, participant, action, date, previous, current, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectRange = db.prepare<[number, number], ChangeRow>(
      'SELECT * FROM status_changes WHERE id > ? AND id <= ? ORDER BY id',
    );
    this.selectLatest = db.prepare<[number], ChangeRow>('SELECT * FROM status_changes ORDER BY id DESC LIMIT ?');
    this.selectLatestId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM status_changes');
    this.appendAll = db.transaction((snapshotId: number, changes: readonly StatusChange[], at: string) =>
      changes.map((change) => {
        const result = this.insert.run(
          snapshotId,
          change.participant,
          change.action,
          change.date ?? null,
          change.previous ?? null,
          change.current ?? null,
          at,
        );
        return Number(result.lastInsertRowid);
      }),
    );
  }

  /**
   * Logs the changes a snapshot brought, all or none.
   * @returns their ids, in the order given.
   */
  append(snapshotId: number, changes: readonly StatusChange[], at: Date): number[] {
    return this.appendAll.immediate(snapshotId, changes, isoInstant(at, 'change time'));
  }

  /** The changes after id `changeId`, oldest first. */
  since(changeId: number): LoggedChange[] {
    return this.between(changeId, Number.MAX_SAFE_INTEGER);
  }

  /** The changes with `afterId < id <= upToId`, oldest first: exactly what one digest covers. */
  between(afterId: number, upToId: number): LoggedChange[] {
    return this.selectRange.all(afterId, upToId).map(toChange);
  }

  /** The `n` most recent changes, newest first. */
  latest(n: number): LoggedChange[] {
    return this.selectLatest.all(n).map(toChange);
  }

  /** The id of the newest change, 0 when the log is empty. */
  latestId(): number {
    return this.selectLatestId.get()?.id ?? 0;
  }
}

function toChange(row: ChangeRow): LoggedChange {
  return {
    id: row.id,
    snapshotId: row.snapshot_id,
    firstSeenAt: row.first_seen_at,
    participant: row.participant,
    action: row.action,
    ...(row.date === null ? {} : { date: row.date }),
    ...(row.previous === null ? {} : { previous: row.previous }),
    ...(row.current === null ? {} : { current: row.current }),
  };
}
