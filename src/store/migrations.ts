/**
 * The database schema as an ordered list of migrations. Append only: a shipped migration never changes, because
 * databases in the field have already applied it. `migrate.ts` applies the ones a database lacks, in order.
 *
 * Times are ISO 8601 strings in UTC (`Date#toISOString`), so text order is time order.
 */
export interface Migration {
  /** 1, 2, 3…: consecutive, the order of application. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ratification tracker: snapshots, changes, subscriptions, deliveries',
    sql: `
      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        etag TEXT,
        last_modified TEXT
      );
      CREATE INDEX snapshots_by_fetched_at ON snapshots (fetched_at);

      CREATE TABLE fetch_failures (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX fetch_failures_by_at ON fetch_failures (at);

      -- AUTOINCREMENT: a change id is never reused, even after deletes, because deliveries point at ids.
      CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
        participant TEXT NOT NULL,
        action TEXT NOT NULL,
        date TEXT,
        previous TEXT,
        current TEXT,
        first_seen_at TEXT NOT NULL
      );

      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        schedule TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_delivered_change_id INTEGER NOT NULL DEFAULT 0,
        last_delivered_at TEXT,
        -- The last scheduled digest run that handled this channel (posted or found nothing new).
        last_run_at TEXT NOT NULL,
        UNIQUE (platform, workspace, channel)
      );

      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        after_change_id INTEGER NOT NULL,
        up_to_change_id INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'posted', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        platform_message_id TEXT,
        nonce TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_error TEXT,
        UNIQUE (subscription_id, up_to_change_id)
      );
      CREATE INDEX deliveries_by_state ON deliveries (subscription_id, state);
    `,
  },
  {
    version: 2,
    name: 'reply feedback',
    sql: `
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        reply_kind TEXT NOT NULL,
        top_citations TEXT NOT NULL CHECK (json_valid(top_citations)),
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        platform TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX feedback_by_question ON feedback (question);
    `,
  },
  {
    version: 3,
    name: 'scheduler lease',
    sql: `
      CREATE TABLE scheduler_lease (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
];
