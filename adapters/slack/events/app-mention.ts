import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../compose-answer.ts';
import { answerMessage } from './answer-message.ts';

/**
 * `@treaty-bot <question>` in a channel: answers in the thread of the mention (a new thread under it, or the
 * thread it was written in), so a channel's main view stays quiet.
 */
export function appMention(deps: ListenerContext): Middleware<SlackEventMiddlewareArgs<'app_mention'>> {
  return async ({ event, context, client }) => {
    // Another bot mentioning us could start a loop of bots answering each other.
    if (event.bot_id || event.subtype || !event.user) return;
    await answerMessage(deps, client, context.botUserId, {
      team: event.team ?? context.teamId,
      channel: event.channel,
      user: event.user,
      ts: event.ts,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
      via: 'app_mention',
      kind: 'mention',
    });
  };
}
