import type Database from 'better-sqlite3';
import { isoInstant } from './store-error.ts';

/**
 * `pending`: decided, maybe posted (attempts > 0 means a post may have reached the platform);
 * `posted`: recorded as posted; `failed`: given up until the channel's next scheduled digest.
 */
export type DeliveryState = 'pending' | 'posted' | 'failed';

/** One digest to one channel: the changes with `afterChangeId < id <= upToChangeId`. */
export interface Delivery {
  id: number;
  subscriptionId: number;
  afterChangeId: number;
  upToChangeId: number;
  state: DeliveryState;
  /** Post attempts started (counted before posting, so a crash mid-post still counts). */
  attempts: number;
  /** No attempt before this time (ISO timestamp): the retry backoff. */
  nextAttemptAt: string;
  platformMessageId?: string;
  /** Sent with every attempt so the platform (or `findPosted`) can recognise a repeat. */
  nonce: string;
  createdAt: string;
  updatedAt: string;
  lastError?: string;
}

/** Deliveries not yet posted, for the operator. */
export interface DeliveryBacklog {
  /** When the oldest pending delivery was opened (ISO timestamp); absent when none is pending. */
  oldestPendingSince?: string;
  /** Pending deliveries whose last attempt failed (waiting for their retry). */
  failing: number;
}

/** What opening a delivery needs; the digest core computes the nonce. */
export interface DeliveryPlan {
  subscriptionId: number;
  afterChangeId: number;
  upToChangeId: number;
  nonce: string;
}

interface DeliveryRow {
  id: number;
  subscription_id: number;
  after_change_id: number;
  up_to_change_id: number;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  platform_message_id: string | null;
  nonce: string;
  created_at: string;
  updated_at: string;
  last_error: string | null;
}

/**
 * The delivery rows behind exactly-once digests. Each method that changes state is one transaction; the state
 * machine that drives them is `digests/deliver-digests.ts`.
 */
export class Deliveries {
  private readonly openTransaction;
  private readonly markPostedTransaction;
  private readonly selectPending;
  private readonly selectForSubscription;
  private readonly updateClaim;
  private readonly updateFailure;
  private readonly selectBacklog;

  constructor(db: Database.Database) {
    const selectByRange = db.prepare<[number, number], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subscription_id = ? AND up_to_change_id = ?',
    );
    // A revived digest is pending from now: its age and error must not make it look stuck (delivery-health.ts).
    const revive = db.prepare<[string, string, string, number], DeliveryRow>(
      "UPDATE deliveries SET state = 'pending', next_attempt_at = ?, updated_at = ?, created_at = ?, last_error = NULL WHERE id = ? RETURNING *",
    );
    const insert = db.prepare<[number, number, number, string, string, string, string], DeliveryRow>(`
      INSERT INTO deliveries
        (subscription_id, after_change_id, up_to_change_id, nonce, state, next_attempt_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)
      RETURNING *
    `);
    const markRun = db.prepare<[string, number]>('UPDATE subscriptions SET last_run_at = ? WHERE id = ?');
    this.openTransaction = db.transaction((plan: DeliveryPlan, at: string): DeliveryRow => {
      markRun.run(at, plan.subscriptionId);
      const existing = selectByRange.get(plan.subscriptionId, plan.upToChangeId);
      if (existing?.state === 'failed') return revive.get(at, at, at, existing.id) ?? existing;
      if (existing) return existing;
      const row = insert.get(plan.subscriptionId, plan.afterChangeId, plan.upToChangeId, plan.nonce, at, at, at);
      if (!row) throw new Error('store: inserting a delivery returned no row');
      return row;
    });

    const setPosted = db.prepare<[string, string, number], { subscription_id: number; up_to_change_id: number }>(`
      UPDATE deliveries SET state = 'posted', platform_message_id = ?, updated_at = ?, last_error = NULL
      WHERE id = ? AND state != 'posted'
      RETURNING subscription_id, up_to_change_id
    `);
    const advance = db.prepare<[number, string, number]>(`
      UPDATE subscriptions SET last_delivered_change_id = MAX(last_delivered_change_id, ?), last_delivered_at = ?
      WHERE id = ?
    `);
    this.markPostedTransaction = db.transaction((id: number, messageId: string, at: string): boolean => {
      const posted = setPosted.get(messageId, at, id);
      if (posted) advance.run(posted.up_to_change_id, at, posted.subscription_id);
      return posted !== undefined;
    });

    this.selectPending = db.prepare<[number], DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = ? AND state = 'pending' ORDER BY id LIMIT 1",
    );
    this.selectForSubscription = db.prepare<[number], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY id',
    );
    // Compare-and-set on attempts: of two runs holding the same row, only one starts a given attempt.
    this.updateClaim = db.prepare<[string, string, number, number]>(`
      UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?
      WHERE id = ? AND attempts = ? AND state = 'pending'
    `);
    this.updateFailure = db.prepare<[string, string, string | null, number, number]>(`
      UPDATE deliveries SET last_error = ?, updated_at = ?, next_attempt_at = COALESCE(?, next_attempt_at),
        state = CASE WHEN ? THEN 'failed' ELSE state END
      WHERE id = ? AND state = 'pending'
    `);
    this.selectBacklog = db.prepare<[], { oldest: string | null; failing: number | null }>(`
      SELECT MIN(created_at) AS oldest, SUM(attempts > 0 AND last_error IS NOT NULL) AS failing
      FROM deliveries WHERE state = 'pending'
    `);
  }

  /**
   * Opens the delivery of a digest, or reuses the one already open for the same range (a failed one comes back
   * as pending, with its nonce and attempts, so a repeat is still recognised). Also records the scheduled run
   * on the subscription, in the same transaction.
   */
  open(plan: DeliveryPlan, now: Date): Delivery {
    return toDelivery(this.openTransaction.immediate(plan, isoInstant(now, 'delivery time')));
  }

  /** The subscription's open delivery, if any (there is at most one: a new one opens only when none is). */
  pendingFor(subscriptionId: number): Delivery | undefined {
    const row = this.selectPending.get(subscriptionId);
    return row && toDelivery(row);
  }

  /** Every delivery of a subscription, oldest first. */
  forSubscription(subscriptionId: number): Delivery[] {
    return this.selectForSubscription.all(subscriptionId).map(toDelivery);
  }

  /**
   * Starts an attempt: counts it and pushes the next attempt back to `nextAttemptAt`, before anything is posted.
   * @returns false when the delivery is no longer pending or another run has started this attempt.
   */
  claim(delivery: Delivery, nextAttemptAt: Date, now: Date): boolean {
    const next = isoInstant(nextAttemptAt, 'next attempt time');
    return this.updateClaim.run(next, isoInstant(now, 'claim time'), delivery.id, delivery.attempts).changes > 0;
  }

  /**
   * Records the message as posted and advances the subscription past the digest's changes, in one transaction.
   * @returns false when it was already recorded.
   */
  markPosted(deliveryId: number, messageId: string, now: Date): boolean {
    return this.markPostedTransaction.immediate(deliveryId, messageId, isoInstant(now, 'posting time'));
  }

  /**
   * Records why an attempt failed; with `giveUp`, the delivery is failed until the next scheduled digest, else
   * it is tried again from `retryAt` (default: the time set when the attempt was claimed).
   */
  markFailed(deliveryId: number, error: string, giveUp: boolean, now: Date, retryAt?: Date): void {
    const next = retryAt ? isoInstant(retryAt, 'next attempt time') : null;
    this.updateFailure.run(error, isoInstant(now, 'failure time'), next, giveUp ? 1 : 0, deliveryId);
  }

  /** What is still waiting to be posted: for the operator's metrics and `/readyz`. */
  backlog(): DeliveryBacklog {
    const row = this.selectBacklog.get();
    return { ...(row?.oldest ? { oldestPendingSince: row.oldest } : {}), failing: row?.failing ?? 0 };
  }
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    afterChangeId: row.after_change_id,
    upToChangeId: row.up_to_change_id,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    ...(row.platform_message_id === null ? {} : { platformMessageId: row.platform_message_id }),
    nonce: row.nonce,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
  };
}
