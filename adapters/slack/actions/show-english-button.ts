import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { inAnswerTurn } from '../answer-turns.ts';
import { type Asker, composeAnswer, type ListenerContext, slackErrorFields } from '../compose-answer.ts';

/**
 * "Show in English" under an Arabic answer: asks the core again with the query carried in the button's value
 * and shows the same answer, each quote with its unofficial English translation, to the person who clicked only
 * (ephemeral, the original message left as it is).
 */
export function showEnglishButton({
  bot,
  logger,
}: ListenerContext): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const asker: Asker = { team: body.team?.id, channel: body.channel?.id, user: body.user.id, via: 'show-english' };
    if (!action.value || !body.response_url) {
      logger.warn(asker, 'slack: a show-in-English click without a query or response_url was ignored');
      return;
    }
    const query = action.value;
    const { message } = await inAnswerTurn(() => composeAnswer(bot, query, asker, logger, { english: true }));
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } catch (error) {
      logger.error({ ...asker, ...slackErrorFields(error) }, 'slack: could not show an answer in English');
    }
  };
}
