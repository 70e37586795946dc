import { createHash } from 'node:crypto';
import type { Subscription } from '../store/subscriptions.ts';

/** Discord's limit on a message nonce. */
const NONCE_LENGTH = 25;

/**
 * The nonce of the digest of changes up to `upToChangeId` for a subscription: deterministic, so every attempt
 * (in any process, after any restart) sends the same one, and 100 bits of a hash so two digests never share one.
 */
export function deliveryNonce(subscription: Subscription, upToChangeId: number): string {
  const { platform, workspace, channel, id } = subscription;
  return createHash('sha256')
    .update(`treaty-digest\n${platform}\n${workspace}\n${channel}\n${id}\n${upToChangeId}`)
    .digest('hex')
    .slice(0, NONCE_LENGTH);
}
