import type { Logger } from '../logger.ts';
import type { LoggedChange } from '../store/change-log.ts';
import type { Delivery } from '../store/deliveries.ts';
import type { Store } from '../store/open-store.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { deliveryNonce } from './delivery-nonce.ts';
import {
  type DigestPayload,
  type DigestPoster,
  type DigestTarget,
  PermanentPostError,
  RateLimitedPostError,
} from './digest-poster.ts';

/**
 * Exactly-once digests. Per subscription, a delivery row moves through:
 *
 * 1. open (one transaction): when the channel is due and changes exist past its last digest, create the
 *    `pending` row for (subscription, newest change id) with a deterministic nonce — or reuse the row already
 *    there. No changes: no row, nothing posted.
 * 2. recover: a pending row with attempts > 0 may have reached the platform before the process died or the
 *    platform errored; ask `findPosted(nonce)` and, if found, record it as posted without posting again.
 * 3. claim (one transaction): count the attempt and hold the row until the attempt's deadline (`postTimeoutMs`)
 *    *before* posting, so a crash mid-post leaves attempts > 0 and step 2 runs once the deadline has passed.
 *    Compare-and-set: two runs cannot claim one attempt.
 * 4. post with the nonce (a platform that sees the nonce again returns the first message), within the deadline.
 * 5. mark posted and advance the subscription past the digest's changes (one transaction).
 *
 * A failed attempt — an error, or no answer by the deadline — stays pending and is retried (through step 2)
 * after retryDelayMs × 2^(attempts − 1) (1, 2, 4, 8 minutes by default), or after a 429's Retry-After
 * (RateLimitedPostError); after MAX_ATTEMPTS, or at once on a PermanentPostError, it becomes `failed`. The
 * subscription has not moved, so its changes come again with the channel's next scheduled digest (the same
 * failed row, revived, when nothing new arrived in between).
 *
 * This core is the only place a post is retried: the platform clients do not repeat a request that may have
 * reached the platform (they only wait out rate limits), since they cannot check the channel first.
 * Channels are served `concurrency` at a time, so one that hangs holds up no other beyond its deadline.
 */

/** Attempts before a delivery is given up until the next scheduled digest. */
export const MAX_ATTEMPTS = 5;
/** The first retry delay; short, because Discord honours a nonce for a few minutes only. */
const RETRY_DELAY_MS = 60_000;
/**
 * How long one attempt (building the digest and posting it; or looking for an earlier post) may take. Longer
 * than the platform clients' own request timeout (10 s), so they normally give up first; short enough that a
 * digest cut off by a crash goes out within 30 s of the restart (the row is held until then).
 */
export const POST_TIMEOUT_MS = 20_000;
/** Channels posted to at the same time. */
const DELIVERY_CONCURRENCY = 4;

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
  /** The time of each step (claim, failure, success); default `now`. The scheduler passes its clock. */
  clock?: () => Date;
  /** Default RETRY_DELAY_MS; tests shorten it. */
  retryDelayMs?: number;
  /** Default POST_TIMEOUT_MS; tests shorten it. */
  postTimeoutMs?: number;
  /** Default DELIVERY_CONCURRENCY. */
  concurrency?: number;
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
  const queue = options.store.subscriptions.list();
  // Each worker takes the next subscription when done with one: at most `concurrency` channels at a time.
  const worker = async () => {
    for (let subscription = queue.shift(); subscription; subscription = queue.shift()) {
      if (options.stopping?.()) return;
      try {
        const outcome = await deliverTo(subscription, options);
        if (outcome) summary[outcome] += 1;
      } catch (error) {
        // A broken subscription (bad stored schedule, database error) must not hold up the others.
        summary.failed += 1;
        options.logger.error({ ...describe(subscription), err: error }, 'digests: delivery run failed');
      }
    }
  };
  const workers = Math.max(1, options.concurrency ?? DELIVERY_CONCURRENCY);
  await Promise.all(Array.from({ length: workers }, worker));
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
  const { store, poster, logger } = options;
  const clock = options.clock ?? (() => options.now);
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  const postTimeoutMs = options.postTimeoutMs ?? POST_TIMEOUT_MS;
  const later = (ms: number) => new Date(clock().getTime() + ms);
  if (Date.parse(delivery.nextAttemptAt) > clock().getTime()) return 'skipped';
  const target = targetOf(subscription);
  const fields = { ...describe(subscription), deliveryId: delivery.id, upToChangeId: delivery.upToChangeId };

  if (delivery.attempts > 0 && poster.findPosted) {
    let found: { messageId: string } | undefined;
    try {
      found = await withDeadline(poster.findPosted(target, delivery.nonce), postTimeoutMs, 'findPosted');
    } catch (error) {
      // The channel is gone or unreadable for good (bot removed, no history scope): checking again would loop
      // for ever, so the digest is given up until the channel's next one, like a permanent post error.
      const permanent = error instanceof PermanentPostError;
      // Otherwise it is unknown whether it was posted: posting now could double it, so wait for the next try.
      const retryAt = later(retryAfterOf(error) ?? retryDelayMs);
      store.deliveries.markFailed(delivery.id, `findPosted: ${messageOf(error)}`, permanent, clock(), retryAt);
      logger.warn({ ...fields, err: error, permanent }, 'digests: could not check for an earlier post');
      return 'failed';
    }
    if (found) {
      store.deliveries.markPosted(delivery.id, found.messageId, clock());
      logger.info({ ...fields, messageId: found.messageId }, 'digests: found digest already posted');
      return 'recovered';
    }
  }

  const attempts = delivery.attempts + 1;
  // Held until the attempt's deadline: should this process die mid-post, the next one checks after that.
  if (!store.deliveries.claim(delivery, later(postTimeoutMs), clock())) return 'skipped';
  let messageId: string;
  try {
    const posting = async () => {
      const changes = store.changes.between(delivery.afterChangeId, delivery.upToChangeId);
      const payload = await options.buildPayload(changes, subscription);
      return poster.post(target, payload, { nonce: delivery.nonce, deliveryId: delivery.id });
    };
    ({ messageId } = await withDeadline(posting(), postTimeoutMs, 'post'));
  } catch (error) {
    const giveUp = error instanceof PermanentPostError || attempts >= MAX_ATTEMPTS;
    const retryAt = later(retryAfterOf(error) ?? retryDelayMs * 2 ** (attempts - 1));
    store.deliveries.markFailed(delivery.id, messageOf(error), giveUp, clock(), retryAt);
    logger.warn(
      { ...fields, attempts, giveUp, err: error },
      giveUp ? 'digests: gave up posting until the next digest' : 'digests: posting failed, will retry',
    );
    return 'failed';
  }
  try {
    store.deliveries.markPosted(delivery.id, messageId, clock());
  } catch (error) {
    // The row stays pending with attempts > 0, so the next run finds the message instead of posting again.
    logger.error({ ...fields, messageId, err: error }, 'digests: posted but could not record it');
    return 'failed';
  }
  logger.info({ ...fields, messageId }, 'digests: posted digest');
  return 'posted';
}

/** Thrown when an attempt gets no answer by its deadline; the platform may still have posted (step 2 checks). */
class PostDeadlineError extends Error {
  readonly code = 'DIGEST_POST_DEADLINE';
}

/** `work`, or a PostDeadlineError once `ms` have passed. The work itself is left to finish or fail unobserved. */
function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PostDeadlineError(`digests: ${what} got no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // a late failure after the deadline is not an unhandled rejection
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** How long the platform asked to wait (a 429's Retry-After: nothing was posted, so no longer backoff is needed). */
function retryAfterOf(error: unknown): number | undefined {
  return error instanceof RateLimitedPostError ? error.retryAfterMs : undefined;
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
