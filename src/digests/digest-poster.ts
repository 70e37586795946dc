import type { StatusChange } from '../status/snapshot.ts';
import type { Platform } from '../store/subscriptions.ts';

/** Where a digest goes. */
export interface DigestTarget {
  platform: Platform;
  /** Slack team id or Discord guild id. */
  workspace: string;
  channel: string;
}

/** The least a digest carries; the digest model may pass a richer payload (see `DigestPoster`'s type parameter). */
export interface DigestPayload {
  changes: StatusChange[];
  /** The newest change the digest covers. */
  upToChangeId: number;
}

/** Identifies one digest to one channel across retries, restarts and processes. */
export interface Idempotency {
  /** At most 25 characters (Discord's nonce limit); the same for every attempt of the same digest. */
  nonce: string;
  deliveryId: number;
}

/**
 * The port an adapter implements to post digests. Posting twice with the same nonce must not make two messages,
 * or `findPosted` must find the first:
 * - Discord: send the nonce as the message `nonce` with `enforce_nonce: true` (a repeat returns the first message);
 * - Slack: attach `metadata: { event_type: 'treaty_digest', event_payload: { nonce } }` and implement
 *   `findPosted` with `conversations.history` (`include_all_metadata`) over the channel's recent messages.
 */
export interface DigestPoster<P = DigestPayload> {
  /** Posts the digest; throws on failure (a `PermanentPostError` when retrying cannot help). */
  post(target: DigestTarget, payload: P, idempotency: Idempotency): Promise<{ messageId: string }>;
  /**
   * Looks for a message already posted with this nonce. Asked before retrying an attempt that may have reached
   * the platform; when absent, the retry relies on the platform honouring the nonce.
   */
  findPosted?(target: DigestTarget, nonce: string): Promise<{ messageId: string } | undefined>;
}

/**
 * Thrown by a poster when retrying cannot help (channel deleted, bot removed, missing permission): the delivery
 * fails at once instead of after its retries; its changes come again with the channel's next digest.
 */
export class PermanentPostError extends Error {
  readonly code = 'DIGEST_POST_PERMANENT';
}

/**
 * Thrown by a poster when the platform refused the post for now (HTTP 429) and said for how long: nothing was
 * posted, and the delivery's next attempt comes after `retryAfterMs` (instead of the usual backoff).
 */
export class RateLimitedPostError extends Error {
  readonly code = 'DIGEST_POST_RATE_LIMITED';

  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}
