import type { RatificationTracker } from '../tracker/ratification-tracker.ts';

/**
 * What the bot asks of the ratification tracker: facts it words itself. Optional: without a tracker, `status`
 * and subscriptions say it is not connected.
 */
export type StatusDesk = Pick<RatificationTracker, 'statusView' | 'subscribe' | 'unsubscribe' | 'subscriptions'>;
