import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type Asker, composeAnswer, type ListenerDeps, slackErrorFields } from '../compose-answer.ts';
import { messageKey, stripMention } from './message-text.ts';

/**
 * A message in a DM with the bot (`message.im`): the whole message is the question; the answer goes to the
 * same DM (into the thread when the question was written in one).
 *
 * Ignored: messages from bots (including this one), and every subtype — edits, deletions, joins, file
 * shares, bot_message — since only a person's new message is a question.
 */
export function directMessage({ bot, logger, seen }: ListenerDeps): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ event, context, client }) => {
    if (event.subtype !== undefined || event.channel_type !== 'im') return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    if (!seen.claim(messageKey(event.channel, event.ts))) return;
    const asker: Asker = {
      team: event.team ?? context.teamId,
      channel: event.channel,
      user: event.user,
      via: 'message.im',
    };
    const { message } = composeAnswer(bot, stripMention(event.text, context.botUserId), asker, logger);
    try {
      await client.chat.postMessage({
        channel: event.channel,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      logger.error({ ...asker, ...slackErrorFields(error) }, 'slack: could not post the answer to a DM');
    }
  };
}
