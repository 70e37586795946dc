import type Database from 'better-sqlite3';
import { isoInstant } from './store-error.ts';

/** The chat platforms digests go to. */
export type Platform = 'slack' | 'discord';

/** Names one channel: a subscription is unique per key. */
export interface SubscriptionKey {
  platform: Platform;
  /** Slack team id or Discord guild id. */
  workspace: string;
  channel: string;
}

/** What a `/treaty subscribe` asks for. Validate `schedule` and `timeZone` first (`digests/schedule.ts`). */
export interface SubscriptionRequest extends SubscriptionKey {
  /** `daily`, `weekly` or a 5-field cron expression, as the user wrote it. */
  schedule: string;
  /** IANA time zone the schedule is read in. */
  timeZone: string;
  /** Platform user id of whoever subscribed. */
  createdBy: string;
}

export interface Subscription extends SubscriptionRequest {
  id: number;
  createdAt: string;
  /** The newest change the channel has received in a digest (0: none yet). */
  lastDeliveredChangeId: number;
  /** When the channel's last digest was recorded as posted (ISO timestamp); undefined before the first. */
  lastDeliveredAt?: string;
  /** The last scheduled run that handled this channel, whether it posted or found nothing new. */
  lastRunAt: string;
}

interface SubscriptionRow {
  id: number;
  platform: Platform;
  workspace: string;
  channel: string;
  schedule: string;
  time_zone: string;
  created_by: string;
  created_at: string;
  last_delivered_change_id: number;
  last_delivered_at: string | null;
  last_run_at: string;
}

/**
 * The channels that receive digests. A new subscription starts after the newest logged change (a channel gets
 * what changes from now on, not the whole history) and is first due at its next scheduled time.
 */
export class Subscriptions {
  private readonly upsert;
  private readonly remove;
  private readonly selectOne;
  private readonly selectAll;
  private readonly updateLastRun;

  constructor(db: Database.Database) {
    // Re-subscribing changes the schedule only: the channel keeps its id, its creator and what it has received.
    this.upsert = db.prepare<[string, string, string, string, string, string, string, string], SubscriptionRow>(`
      INSERT INTO subscriptions
        (platform, workspace, channel, schedule, time_zone, created_by, created_at, last_run_at, last_delivered_change_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(id), 0) FROM status_changes))
      ON CONFLICT (platform, workspace, channel)
        DO UPDATE SET schedule = excluded.schedule, time_zone = excluded.time_zone
      RETURNING *
    `);
    this.remove = db.prepare<[string, string, string]>(
      'DELETE FROM subscriptions WHERE platform = ? AND workspace = ? AND channel = ?',
    );
    this.selectOne = db.prepare<[string, string, string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE platform = ? AND workspace = ? AND channel = ?',
    );
    this.selectAll = db.prepare<{ platform: string | null; workspace: string | null }, SubscriptionRow>(`
      SELECT * FROM subscriptions
      WHERE (:platform IS NULL OR platform = :platform) AND (:workspace IS NULL OR workspace = :workspace)
      ORDER BY id
    `);
    this.updateLastRun = db.prepare<[string, number]>('UPDATE subscriptions SET last_run_at = ? WHERE id = ?');
  }

  /** Subscribes a channel, or changes the schedule of one already subscribed. */
  subscribe(request: SubscriptionRequest, now: Date): Subscription {
    const at = isoInstant(now, 'subscription time');
    const { platform, workspace, channel, schedule, timeZone, createdBy } = request;
    const row = this.upsert.get(platform, workspace, channel, schedule, timeZone, createdBy, at, at);
    if (!row) throw new Error('store: subscribe returned no row');
    return toSubscription(row);
  }

  /** @returns false when the channel was not subscribed. */
  unsubscribe(key: SubscriptionKey): boolean {
    return this.remove.run(key.platform, key.workspace, key.channel).changes > 0;
  }

  get(key: SubscriptionKey): Subscription | undefined {
    const row = this.selectOne.get(key.platform, key.workspace, key.channel);
    return row && toSubscription(row);
  }

  /** All subscriptions, or those of one platform (and workspace), oldest first. */
  list(platform?: Platform, workspace?: string): Subscription[] {
    return this.selectAll.all({ platform: platform ?? null, workspace: workspace ?? null }).map(toSubscription);
  }

  /** Records that a scheduled run handled the channel (found nothing new, or opened a delivery). */
  markRun(subscriptionId: number, at: Date): void {
    this.updateLastRun.run(isoInstant(at, 'run time'), subscriptionId);
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    schedule: row.schedule,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastDeliveredChangeId: row.last_delivered_change_id,
    ...(row.last_delivered_at === null ? {} : { lastDeliveredAt: row.last_delivered_at }),
    lastRunAt: row.last_run_at,
  };
}
