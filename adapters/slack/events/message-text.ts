/** Helpers shared by the message listeners (mentions and DMs). */
import { escapeRegExp } from '../../../src/text/escape-regexp.ts';

/**
 * The text without mentions of this bot. The core strips every `<@U…>` too; removing ours here keeps the
 * question readable in logs and in the reply's title.
 */
export function stripMention(text: string | undefined, botUserId: string | undefined): string {
  const raw = text ?? '';
  if (!botUserId) return raw.trim();
  return raw.replaceAll(new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, 'g'), ' ').trim();
}

/** The key of one Slack message, the same whichever event delivered it. */
export function messageKey(channel: string, ts: string): string {
  return `message:${channel}:${ts}`;
}
