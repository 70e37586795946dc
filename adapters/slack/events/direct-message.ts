import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../compose-answer.ts';
import { answerMessage } from './answer-message.ts';

/**
 * A message in a DM with the bot (`message.im`): the whole message is the question; the answer goes to the
 * same DM (into the thread when the question was written in one).
 *
 * Ignored: messages from bots (including this one), and every subtype — edits, deletions, joins, file
 * shares, bot_message — since only a person's new message is a question.
 */
export function directMessage(deps: ListenerContext): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ event, context, client }) => {
    if (event.subtype !== undefined || event.channel_type !== 'im') return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    await answerMessage(deps, client, context.botUserId, {
      team: event.team ?? context.teamId,
      channel: event.channel,
      user: event.user,
      ts: event.ts,
      text: event.text,
      threadTs: event.thread_ts,
      via: 'message.im',
      kind: 'DM',
    });
  };
}
