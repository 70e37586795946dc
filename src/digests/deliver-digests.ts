import type { Logger } from '../logger.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Delivery } from '../store/deliveries.ts';
import type { Store } from '../store/open-store.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { deliveryNonce } from './delivery-nonce.ts';
import { type DigestPayload, type DigestPoster, type DigestTarget, PermanentPostError } from './digest-poster.ts';

/**
 * Exactly-once digests. Per subscription, a delivery row moves through:
 *
 * 1. open (one transaction): when the channel is due and changes exist past its last digest, create the
 *    `pending` row for (subscription, newest change id) with a deterministic nonce — or reuse the row already
 *    there. No changes: no row, nothing posted.
 * 2. recover: a pending row with attempts > 0 may have reached the platform before the process died or the
 *    platform errored; ask `findPosted(nonce)` and, if found, record it as posted without posting again.
 * 3. claim (one transaction): count the attempt and set the next retry time *before* posting, so a crash
 *    mid-post leaves attempts > 0 and step 2 runs next time. Compare-and-set: two runs cannot claim one attempt.
 * 4. post with the nonce (a platform that sees the nonce again returns the first message).
 * 5. mark posted and advance the subscription past the digest's changes (one transaction).
 *
 * A failed attempt stays pending and is retried after RETRY_DELAY_MS × 2^(attempts − 1) (1, 2, 4, 8 minutes);
 * after MAX_ATTEMPTS, or at once on a PermanentPostError, it becomes `failed`. The subscription has not moved,
 * so its changes come again with the channel's next scheduled digest (the same failed row, revived, when
 * nothing new arrived in between).
 */

/** Attempts before a delivery is given up until the next scheduled digest. */
export const MAX_ATTEMPTS = 5;
/** The first retry delay; short, because Discord honours a nonce for a few minutes only. */
export const RETRY_DELAY_MS = 60_000;

export interface DeliverDigestsOptions<P> {
  store: Store;
  poster: DigestPoster<P>;
  /** The time of this run (the scheduler's clock). */
  now: Date;
  /** Whether the subscription's schedule has a digest due at `now` (see `isSubscriptionDue`). */
  isDue(subscription: Subscription, now: Date): boolean;
  /** Builds the message from the digest's changes; called again, with the same changes, on every retry. */
  buildPayload(changes: LoggedChange[], subscription: Subscription): P | Promise<P>;
  logger: Logger;
  /** Asked before each subscription: true ends the run early (shutdown); the rest wait for the next run. */
  stopping?: () => boolean;
}

/** What a run did, one count per subscription it acted on (subscriptions not due are not counted). */
export interface DeliverySummary {
  /** Digests posted. */
  posted: number;
  /** Due with nothing new, or a retry still waiting for its backoff. */
  skipped: number;
  /** Attempts that failed (retried later). */
  failed: number;
  /** Digests found already posted by an earlier, interrupted attempt, and recorded without posting again. */
  recovered: number;
}

type Outcome = keyof DeliverySummary;

/**
 * Posts the digests due at `now`, each exactly once. Safe to call every minute; run it from one process at a
 * time (the scheduler's lease), although a concurrent run cannot double a post either (step 3 above).
 */
export async function deliverDueDigests<P = DigestPayload>(
  options: DeliverDigestsOptions<P>,
): Promise<DeliverySummary> {
  const summary: DeliverySummary = { posted: 0, skipped: 0, failed: 0, recovered: 0 };
  for (const subscription of options.store.subscriptions.list()) {
    if (options.stopping?.()) break;
    try {
      const outcome = await deliverTo(subscription, options);
      if (outcome) summary[outcome] += 1;
    } catch (error) {
      // A broken subscription (bad stored schedule, database error) must not hold up the others.
      summary.failed += 1;
      options.logger.error({ ...describe(subscription), error: messageOf(error) }, 'digests: delivery run failed');
    }
  }
  return summary;
}

async function deliverTo<P>(
  subscription: Subscription,
  options: DeliverDigestsOptions<P>,
): Promise<Outcome | undefined> {
  const { store, now } = options;
  const open = store.deliveries.pendingFor(subscription.id);
  if (open) return attempt(open, subscription, options);
  if (!options.isDue(subscription, now)) return undefined;
  const upTo = store.changes.latestId();
  if (upTo <= subscription.lastDeliveredChangeId) {
    store.subscriptions.markRun(subscription.id, now);
    return 'skipped';
  }
  const delivery = store.deliveries.open(
    {
      subscriptionId: subscription.id,
      afterChangeId: subscription.lastDeliveredChangeId,
      upToChangeId: upTo,
      nonce: deliveryNonce(subscription, upTo),
    },
    now,
  );
  return delivery.state === 'pending' ? attempt(delivery, subscription, options) : 'skipped';
}

async function attempt<P>(
  delivery: Delivery,
  subscription: Subscription,
  options: DeliverDigestsOptions<P>,
): Promise<Outcome> {
  const { store, poster, now, logger } = options;
  if (Date.parse(delivery.nextAttemptAt) > now.getTime()) return 'skipped';
  const target = targetOf(subscription);
  const fields = { ...describe(subscription), deliveryId: delivery.id, upToChangeId: delivery.upToChangeId };

  if (delivery.attempts > 0 && poster.findPosted) {
    let found: { messageId: string } | undefined;
    try {
      found = await poster.findPosted(target, delivery.nonce);
    } catch (error) {
      // Unknown whether it was posted: posting now could double it, so wait for the next run.
      store.deliveries.markFailed(delivery.id, `findPosted: ${messageOf(error)}`, false, now);
      logger.warn({ ...fields, error: messageOf(error) }, 'digests: could not check for an earlier post');
      return 'failed';
    }
    if (found) {
      store.deliveries.markPosted(delivery.id, found.messageId, now);
      logger.info({ ...fields, messageId: found.messageId }, 'digests: found digest already posted');
      return 'recovered';
    }
  }

  const attempts = delivery.attempts + 1;
  const retryAt = new Date(now.getTime() + RETRY_DELAY_MS * 2 ** (attempts - 1));
  if (!store.deliveries.claim(delivery, retryAt, now)) return 'skipped';
  let messageId: string;
  try {
    const payload = await options.buildPayload(
      store.changes.between(delivery.afterChangeId, delivery.upToChangeId),
      subscription,
    );
    ({ messageId } = await poster.post(target, payload, { nonce: delivery.nonce, deliveryId: delivery.id }));
  } catch (error) {
    const giveUp = error instanceof PermanentPostError || attempts >= MAX_ATTEMPTS;
    store.deliveries.markFailed(delivery.id, messageOf(error), giveUp, now);
    logger.warn(
      { ...fields, attempts, giveUp, error: messageOf(error) },
      giveUp ? 'digests: gave up posting until the next digest' : 'digests: posting failed, will retry',
    );
    return 'failed';
  }
  try {
    store.deliveries.markPosted(delivery.id, messageId, now);
  } catch (error) {
    // The row stays pending with attempts > 0, so the next run finds the message instead of posting again.
    logger.error({ ...fields, messageId, error: messageOf(error) }, 'digests: posted but could not record it');
    return 'failed';
  }
  logger.info({ ...fields, messageId }, 'digests: posted digest');
  return 'posted';
}

function targetOf({ platform, workspace, channel }: Subscription): DigestTarget {
  return { platform, workspace, channel };
}

function describe({ id, platform, workspace, channel }: Subscription): object {
  return { subscriptionId: id, platform, workspace, channel };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
