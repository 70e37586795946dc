import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_PATHS } from '../default-paths.ts';
import type { Logger } from '../logger.ts';
import { ChangeLog } from './change-log.ts';
import { Deliveries } from './deliveries.ts';
import { FeedbackRepository } from './feedback-repository.ts';
import { migrate } from './migrate.ts';
import { SchedulerLease } from './scheduler-lease.ts';
import { SnapshotRepository } from './snapshot-repository.ts';
import { openFailureReason, StoreError } from './store-error.ts';
import { Subscriptions } from './subscriptions.ts';

/** The bot's embedded database: one SQLite file, its repositories, and `close()`. */
export interface Store {
  /** The database file, or `:memory:`. */
  readonly path: string;
  readonly snapshots: SnapshotRepository;
  readonly changes: ChangeLog;
  readonly subscriptions: Subscriptions;
  readonly deliveries: Deliveries;
  readonly feedback: FeedbackRepository;
  readonly lease: SchedulerLease;
  /**
   * Runs `work` in one immediate transaction: all its writes or none. Use it to save a snapshot with its changes,
   * so a crash between the two cannot keep the snapshot (the next diff's baseline) and lose the changes.
   *
   * @example store.transaction(() => store.changes.append(store.snapshots.saveGood(after), changes, now));
   */
  transaction<T>(work: () => T): T;
  /** False once closed (readiness). */
  isOpen(): boolean;
  close(): void;
}

/** The database file inside DATA_DIR: `storePath('data')` → `data/treaty-bot.sqlite`. */
export function storePath(dataDir: string = DEFAULT_PATHS.data): string {
  return join(dataDir, 'treaty-bot.sqlite');
}

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating the file and its folder if needed) and migrates the database.
 *
 * WAL lets readers and the writer of several processes share the file; `synchronous = FULL` because the
 * writes are few and a delivery recorded as posted must survive a power cut.
 *
 * @example const store = openStore(storePath(config.dataDir), logger);
 */
export function openStore(path: string, logger: Logger): Store {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const version = migrate(db, logger);
    logger.debug({ path, version }, 'store: opened');
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    const reason = openFailureReason(error);
    throw new StoreError(`cannot open ${JSON.stringify(path)}: ${reason}`, 'STORE_OPEN', { cause: error, reason });
  }
  const database = db;
  return {
    path,
    snapshots: new SnapshotRepository(database),
    changes: new ChangeLog(database),
    subscriptions: new Subscriptions(database),
    deliveries: new Deliveries(database),
    feedback: new FeedbackRepository(database),
    lease: new SchedulerLease(database),
    transaction: (work) => database.transaction(work).immediate(),
    isOpen: () => database.open,
    close: () => database.close(),
  };
}
