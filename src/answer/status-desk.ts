import type { Reply } from './reply.ts';

/** A channel on a platform. */
export interface ChannelKey {
  platform: 'slack' | 'discord';
  /** Slack team id or Discord guild id. */
  workspace: string;
  channel: string;
}

/** What a user asked to change about a channel's digests, with who asked and whether they may. */
export interface SubscriptionAsk extends ChannelKey {
  user: string;
  /** The adapter's verdict: Slack admin/owner or allow-listed user; Discord member with Manage Channels. */
  allowed: boolean;
}

/**
 * The port the bot uses for the ratification tracker (`src/status/ratification-tracker.ts` implements it).
 * Optional: without it, `status` and subscriptions say the tracker is not connected.
 */
export interface StatusDesk {
  statusReply(query: string): Reply;
  subscribe(ask: SubscriptionAsk, schedule: string | undefined, timeZone: string | undefined, query: string): Reply;
  unsubscribe(ask: SubscriptionAsk, query: string): Reply;
  subscriptionsReply(key: Omit<ChannelKey, 'channel'>, query: string): Reply;
}
