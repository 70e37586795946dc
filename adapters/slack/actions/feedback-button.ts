import type { AllMiddlewareArgs, BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { FEEDBACK_NOT_SAVED, FEEDBACK_THANKS } from '../../../src/answer/phrases.ts';
import type { Logger } from '../../../src/logger.ts';
import { inAnswerTurn } from '../answer-turns.ts';
import { BLOCK_LIMITS } from '../block-limits.ts';
import { type Asker, type ListenerContext, slackErrorFields } from '../compose-answer.ts';

type FeedbackArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * 👍 / 👎 under an answer or a no_answer reply: acknowledges at once, asks the core again with the query
 * carried in the button's value (the core is deterministic, so this is the reply that was shown) and records
 * the vote with the clicking user's id (the recorder stores only a hash of it).
 *
 * The thanks is seen only by the clicker: a new ephemeral message through the response_url under an ephemeral
 * answer; `chat.postEphemeral` under a public one (mention, DM or shared answer), falling back to the
 * response_url when the bot cannot post in that channel. Nothing is ever posted publicly. A click with a
 * missing or garbled value, or without a recorder, is logged and otherwise ignored.
 */
export function feedbackButton(
  { bot, logger }: ListenerContext,
  vote: 'up' | 'down',
): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async (args) => {
    const { ack, body, action } = args;
    await ack();
    const clicker: Asker = { team: body.team?.id, channel: body.channel?.id, user: body.user.id, via: 'feedback' };
    const value = action.value;
    let text = FEEDBACK_THANKS;
    try {
      const valid = typeof value === 'string' && value.trim() !== '' && value.length <= BLOCK_LIMITS.buttonValue;
      // The core replays the query and records the vote only for an answer or an abstention (the replies that
      // carry the buttons); a forged value such as `subscribe daily` changes nothing.
      const recorded =
        valid && (await inAnswerTurn(() => bot.vote(value, vote, { platform: 'slack', user: body.user.id })));
      if (!recorded) {
        logger.warn(
          { ...clicker, vote, valueLength: value?.length ?? 0 },
          'slack: a feedback click was ignored: votes are not recorded, or its query is missing or garbled',
        );
        return;
      }
      logger.info({ ...clicker, vote }, 'slack: recorded answer feedback');
    } catch (error) {
      logger.error({ ...clicker, vote, err: error }, 'slack: could not record answer feedback');
      text = FEEDBACK_NOT_SAVED;
    }
    await tellClicker(args, text, clicker, logger);
  };
}

/** Sends `text` to the clicker alone; a failure is logged (the vote, if recorded, stays recorded). */
async function tellClicker(
  { body, respond, client }: FeedbackArgs,
  text: string,
  clicker: Asker,
  logger: Logger,
): Promise<void> {
  const container = (body.container ?? {}) as { is_ephemeral?: unknown; thread_ts?: unknown };
  const threadTs = body.message?.thread_ts ?? (typeof container.thread_ts === 'string' ? container.thread_ts : '');
  try {
    if (container.is_ephemeral !== true && body.channel) {
      try {
        await client.chat.postEphemeral({
          channel: body.channel.id,
          user: body.user.id,
          text,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
        return;
      } catch (error) {
        if (!body.response_url) throw error;
        logger.info(
          { ...clicker, ...slackErrorFields(error) },
          'slack: chat.postEphemeral failed; thanking for feedback through the response_url',
        );
      }
    }
    if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    logger.warn({ ...clicker, ...slackErrorFields(error) }, 'slack: could not acknowledge a feedback click');
  }
}
