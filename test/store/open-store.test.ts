import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { openStore, storePath } from '../../src/store/open-store.ts';
import { openFailureReason } from '../../src/store/store-error.ts';
import { openTempStore, ratified, snapshotAt, tempDatabasePath } from './support/temp-store.ts';

describe('storePath', () => {
  it('puts the database in DATA_DIR', () => {
    expect(storePath()).toBe('data/treaty-bot.sqlite');
    expect(storePath('/var/lib/treaty-bot')).toBe('/var/lib/treaty-bot/treaty-bot.sqlite');
  });
});

describe('openStore', () => {
  it('creates the folder and a database file in WAL mode', () => {
    const path = tempDatabasePath();
    openTempStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('enforces foreign keys', () => {
    const store = openTempStore();
    expect(() => store.changes.append(999, [ratified('Qatar')], new Date())).toThrow(/FOREIGN KEY/);
  });

  it('opens an in-memory database for throwaway use', () => {
    const store = openStore(':memory:', silentLogger);
    expect(store.changes.latestId()).toBe(0);
    store.close();
  });

  it('names the file it cannot open', () => {
    const path = tempDatabasePath();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'this is not a database, it is a text file long enough to have a header'.repeat(4));
    expect(() => openStore(path, silentLogger)).toThrow(
      /^store: cannot open ".*treaty-bot\.sqlite": the database file is corrupt or not a SQLite database/,
    );
  });
});

describe('Store.transaction', () => {
  it('keeps a snapshot and its changes together, or neither', () => {
    const store = openTempStore();
    const broken = { participant: null, action: 'signature' } as unknown as ReturnType<typeof ratified>;
    expect(() =>
      store.transaction(() =>
        store.changes.append(
          store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z')),
          [ratified('Qatar'), broken],
          new Date(),
        ),
      ),
    ).toThrow();
    expect(store.snapshots.lastGood()).toBeUndefined();
    expect(store.changes.latestId()).toBe(0);

    const ids = store.transaction(() =>
      store.changes.append(
        store.snapshots.saveGood(snapshotAt('2026-02-01T06:00:00.000Z')),
        [ratified('Qatar')],
        new Date(),
      ),
    );
    expect(ids).toHaveLength(1);
    expect(store.snapshots.lastGood()).toBeDefined();
  });
});

describe('openFailureReason', () => {
  const failure = (code: string, message = 'raw message') => Object.assign(new Error(message), { code });

  it.each([
    ['EEXIST', 'a file is in the place of its folder'],
    ['ENOTDIR', 'a file is in the place of its folder'],
    ['EACCES', 'it is not writable by this user (raw message)'],
    ['SQLITE_READONLY', 'it is not writable by this user (raw message)'],
    ['EROFS', 'it is on a read-only file system'],
    ['SQLITE_NOTADB', 'the database file is corrupt or not a SQLite database (move it aside to start afresh)'],
    ['SOMETHING_ELSE', 'raw message'],
  ])('words %s for an operator', (code, reason) => {
    expect(openFailureReason(failure(code))).toBe(reason);
  });
});
