import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { migrate, schemaVersion } from '../../src/store/migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/open-store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { openTempStore, snapshotAt, tempDatabasePath } from './support/temp-store.ts';

const newest = MIGRATIONS.length;

function tables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
  } finally {
    db.close();
  }
}

function appliedMigrations(path: string): Array<{ version: number; applied_at: string }> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], { version: number; applied_at: string }>('SELECT * FROM schema_migrations').all();
  } finally {
    db.close();
  }
}

describe('MIGRATIONS', () => {
  it('numbers its migrations 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('migrate', () => {
  it('creates every table in a new database', () => {
    const path = tempDatabasePath();
    openTempStore(path).close();
    expect(tables(path)).toEqual(
      expect.arrayContaining([
        'deliveries',
        'feedback',
        'fetch_failures',
        'scheduler_lease',
        'schema_migrations',
        'snapshots',
        'status_changes',
        'subscriptions',
      ]),
    );
    expect(appliedMigrations(path).map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('does nothing when the database is already up to date', () => {
    const path = tempDatabasePath();
    openTempStore(path).close();
    const before = appliedMigrations(path);
    openTempStore(path).close();
    expect(appliedMigrations(path)).toEqual(before);
  });

  it('migrates a database created with only the first migration, keeping its data', () => {
    const path = tempDatabasePath();
    mkdirSync(dirname(path));
    const db = new Database(path);
    expect(migrate(db, silentLogger, MIGRATIONS.slice(0, 1))).toBe(1);
    db.prepare('INSERT INTO snapshots (source, fetched_at, body) VALUES (?, ?, ?)').run(
      'test',
      '2026-01-05T10:00:00.000Z',
      JSON.stringify(snapshotAt('2026-01-05T10:00:00.000Z')),
    );
    db.close();

    const store = openTempStore(path);
    expect(appliedMigrations(path).map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(store.snapshots.lastGood()?.snapshot.fetchedAt).toBe('2026-01-05T10:00:00.000Z');
    expect(
      store.feedback.record(
        {
          question: 'When does it enter into force?',
          replyKind: 'answer',
          topCitations: [],
          vote: 'up',
          platform: 'console',
          userHash: 'u1',
        },
        new Date(),
      ),
    ).toBeGreaterThan(0);
  });

  it('applies all pending migrations or none', () => {
    const path = tempDatabasePath();
    mkdirSync(dirname(path));
    const db = new Database(path);
    try {
      const broken = [MIGRATIONS[0], { version: 2, name: 'broken', sql: 'CREATE TABLE t (x); SELECT nonsense FROM' }];
      expect(() =>
        migrate(
          db,
          silentLogger,
          broken.filter((m) => m !== undefined),
        ),
      ).toThrow();
      expect(schemaVersion(db)).toBe(0);
      expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'snapshots'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer bot', () => {
    const path = tempDatabasePath();
    openTempStore(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01T00:00:00.000Z')").run(
      newest + 1,
    );
    db.close();
    expect(() => openStore(path, silentLogger)).toThrow(StoreError);
    expect(() => openStore(path, silentLogger)).toThrow(
      `store: the database has schema version ${newest + 1}, newer than this bot knows (${newest}); upgrade the bot`,
    );
  });
});
