// Shared by the store and digest tests: real SQLite files in a temp folder, never ./data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import type { StatusChange, StatusSnapshot } from '../../../src/status/snapshot.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';

/** A database path in a fresh temp folder (inside a `data/` folder that does not exist yet), removed after the test. */
export function tempDatabasePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-bot-store-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'data', 'treaty-bot.sqlite');
}

/** Opens a store on `path` (default: a new temp file), closed after the test. */
export function openTempStore(path: string = tempDatabasePath()): Store {
  const store = openStore(path, silentLogger);
  onTestFinished(() => store.close());
  return store;
}

/** A good snapshot fetched at `fetchedAt`. */
export function snapshotAt(fetchedAt: string, participants: StatusSnapshot['participants'] = []): StatusSnapshot {
  return {
    source: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml',
    fetchedAt,
    participants,
    published: { signatories: 72, parties: 1 },
  };
}

/** Logs a snapshot at `at` bringing `changes`; returns the change ids. */
export function logChanges(store: Store, at: string, changes: StatusChange[]): number[] {
  const snapshotId = store.snapshots.saveGood(snapshotAt(at));
  return store.changes.append(snapshotId, changes, new Date(at));
}

export const ratified = (participant: string, date = '2026-02-10'): StatusChange => ({
  participant,
  action: 'ratification',
  date,
});
