import type Database from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { StoreError } from './store-error.ts';

/**
 * Brings a database up to the newest schema: applies, in order, each migration it lacks, all in one immediate
 * transaction so two processes opening the same file at once cannot both apply one. Re-running is a no-op.
 * Refuses a database written by a newer bot (its schema may mean things this code does not know).
 *
 * @returns the schema version after migrating.
 */
export function migrate(db: Database.Database, logger: Logger, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const newest = migrations.at(-1)?.version ?? 0;
  const apply = db.transaction(() => {
    const current = schemaVersion(db);
    if (current > newest) {
      throw new StoreError(
        `the database has schema version ${current}, newer than this bot knows (${newest}); upgrade the bot`,
        'STORE_SCHEMA_NEWER',
      );
    }
    const insert = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations.filter((m) => m.version > current)) {
      db.exec(migration.sql);
      insert.run(migration.version, migration.name, new Date().toISOString());
      logger.info({ version: migration.version, name: migration.name }, 'store: applied migration');
    }
  });
  apply.immediate();
  return schemaVersion(db);
}

/** The highest migration applied to the database, 0 for a new one. */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}
