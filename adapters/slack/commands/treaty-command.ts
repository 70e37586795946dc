import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { inAnswerTurn } from '../answer-turns.ts';
import { type Asker, composeAnswer, type ListenerContext, slackErrorFields } from '../compose-answer.ts';
import { decodeSlackText } from '../incoming-text.ts';
import { withSubscriptionPermission } from '../subscription-permission.ts';

/**
 * `/treaty <text>`: acknowledges at once, then answers through the command's response_url as an ephemeral
 * message with a "Share in channel" button. Empty text, `help` and `topics` are just texts for the core.
 * The response_url works in any channel, even one the bot was never invited to.
 */
export function treatyCommand(deps: ListenerContext): Middleware<SlackCommandMiddlewareArgs> {
  const { bot, logger } = deps;
  return async ({ command, ack, respond, client }) => {
    // Slack shows the user an error when the ack takes over 3 s, so nothing runs before it.
    await ack();
    const text = decodeSlackText(command.text ?? '');
    // `subscribe` / `unsubscribe` need a users.info lookup, which runs after the ack.
    const asker: Asker = await withSubscriptionPermission(
      client,
      text,
      { team: command.team_id, channel: command.channel_id, user: command.user_id, via: command.command },
      deps,
    );
    // After the acks of commands already waiting: a burst of commands must not wait for each other's answers.
    const { message } = await inAnswerTurn(() => composeAnswer(bot, text, asker, logger, { privateReply: true }));
    try {
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      logger.error({ ...asker, ...slackErrorFields(error) }, 'slack: could not send the /treaty reply');
    }
  };
}
