import type { Logger } from '../src/logger.ts';
import { openStore, type Store, storePath } from '../src/store/open-store.ts';
import { StoreError } from '../src/store/store-error.ts';

/**
 * Opening the database in DATA_DIR the way an operator wants to hear about it: one line naming DATA_DIR and the
 * cause, never a stack trace. A bot serving Slack or Discord needs its database (subscriptions, deliveries) and
 * stops; the console and `ask` only need it for `status`, so they carry on with a database in memory.
 */

/** `store: DATA_DIR "data" cannot be used: a file is in the place of its folder`. */
function storeProblem(error: StoreError, dataDir: string): string {
  return `store: DATA_DIR ${JSON.stringify(dataDir)} cannot be used: ${error.reason}`;
}

/** The store in DATA_DIR, or the one-line problem on stderr and exit status 1. */
export function openStoreOrExit(dataDir: string, logger: Logger): Store {
  try {
    return openStore(storePath(dataDir), logger);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    console.error(storeProblem(error, dataDir));
    process.exit(1);
  }
}

/**
 * The store in DATA_DIR or, when it cannot be used, one in memory with the reason (`notStoredBecause`), after
 * one warning line.
 */
export function openStoreOrMemory(dataDir: string, logger: Logger): { store: Store; notStoredBecause?: string } {
  try {
    return { store: openStore(storePath(dataDir), logger) };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const problem = storeProblem(error, dataDir);
    logger.warn({ code: error.code }, `${problem}; answering without it (status is not kept)`);
    return { store: openStore(':memory:', logger), notStoredBecause: problem.replace(/^store: /, '') };
  }
}
