import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type Asker, composeAnswer, type ListenerDeps, slackErrorFields } from '../compose-answer.ts';
import { messageKey, stripMention } from './message-text.ts';

/**
 * `@treaty-bot <question>` in a channel: answers in the thread of the mention (a new thread under it, or the
 * thread it was written in), so a channel's main view stays quiet.
 */
export function appMention({ bot, logger, seen }: ListenerDeps): Middleware<SlackEventMiddlewareArgs<'app_mention'>> {
  return async ({ event, context, client }) => {
    // Another bot mentioning us could start a loop of bots answering each other.
    if (event.bot_id || event.subtype) return;
    // The same message can also arrive as `message.im` (a mention inside a DM): answer it once.
    if (!seen.claim(messageKey(event.channel, event.ts))) return;
    const asker: Asker = {
      team: event.team ?? context.teamId,
      channel: event.channel,
      user: event.user,
      via: 'app_mention',
    };
    const { message } = composeAnswer(bot, stripMention(event.text, context.botUserId), asker, logger);
    try {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...message,
        // Citations may carry links; previews of them would bury the quotes.
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      logger.error({ ...asker, ...slackErrorFields(error) }, 'slack: could not post the answer to a mention');
    }
  };
}
