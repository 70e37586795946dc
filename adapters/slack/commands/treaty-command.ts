import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type Asker, composeAnswer, type ListenerDeps, slackErrorFields } from '../compose-answer.ts';

/**
 * `/treaty <text>`: acknowledges at once, then answers through the command's response_url as an ephemeral
 * message with a "Share in channel" button. Empty text, `help` and `topics` are just texts for the core.
 * The response_url works in any channel, even one the bot was never invited to.
 */
export function treatyCommand({ bot, logger }: ListenerDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond }) => {
    // Slack shows the user an error when the ack takes over 3 s, so nothing runs before it.
    await ack();
    const asker: Asker = {
      team: command.team_id,
      channel: command.channel_id,
      user: command.user_id,
      via: command.command,
    };
    const { message } = composeAnswer(bot, command.text ?? '', asker, logger, { shareButton: true });
    try {
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      logger.error({ ...asker, ...slackErrorFields(error) }, 'slack: could not send the /treaty reply');
    }
  };
}
