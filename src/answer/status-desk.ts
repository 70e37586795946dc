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

/**
 * Questions the tracker answers better than the documents: counts of signatures and ratifications, and whether
 * the convention is in force yet. "كم دولة صادقت؟", "How many states have ratified?".
 */
// Counts so far, not rules: "how many must ratify" is a question for the documents (art. 65's forty).
const STATUS_QUESTIONS = [
  /\bhow many\b.*\b(have|has|had)\b.*\b(ratified|signed|acceded|joined)\b/i,
  /\bhow many\b.*\b(ratifications|signatures|signatories|parties|instruments)\b.*\b(so far|now|yet|to date|currently)\b/i,
  /\b(is|has)\b.*\b(in force|entered into force)\b.*\b(yet|now|already)\b/i,
  /\bratification status\b|\b(current|latest)\b.*\b(signatories|ratifications)\b/i,
  /كم\s+\S*\s*(صادق|وقع|انضم|صدق)/,
  /(عدد|كم)\s+(الدول|الدوله|دوله|دول|البلدان)\s+(التي|اللي|الي)?\s*(صادق|وقع|انضم|صدق)/,
  /(هل|صار|صارت)\s+.*(دخلت|نافذه|نافذة|سارية|ساريه)\s+.*(بعد|الان|الآن)/,
];

/** True for a question about where signatures and ratifications stand. */
export function asksForStatus(text: string): boolean {
  return STATUS_QUESTIONS.some((pattern) => pattern.test(text));
}
