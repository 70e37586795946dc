import type { AllMiddlewareArgs, BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../../src/answer/reply.ts';
import type { Logger } from '../../../src/logger.ts';
import { inAnswerTurn } from '../answer-turns.ts';
import { BLOCK_LIMITS } from '../block-limits.ts';
import { type AnswerSource, type Asker, type ListenerDeps, slackErrorFields } from '../compose-answer.ts';

export const FEEDBACK_THANKS = 'Thanks for the feedback.';
export const FEEDBACK_NOT_SAVED = 'Sorry, your feedback could not be saved. Please try again later.';

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
  { bot, logger, feedback }: ListenerDeps,
  vote: 'up' | 'down',
): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async (args) => {
    const { ack, body, action } = args;
    await ack();
    const clicker: Asker = { team: body.team?.id, channel: body.channel?.id, user: body.user.id, via: 'feedback' };
    if (!feedback) {
      logger.warn({ ...clicker, vote }, 'slack: a feedback click was ignored: feedback is not enabled');
      return;
    }
    const reply = await inAnswerTurn(() => replyToRate(bot, action.value, clicker, logger));
    if (!reply) {
      logger.warn(
        { ...clicker, vote, valueLength: action.value?.length ?? 0 },
        'slack: a feedback button with a missing or garbled query was ignored',
      );
      return;
    }
    let text = FEEDBACK_THANKS;
    try {
      feedback.record({ question: reply.query, reply, vote, platform: 'slack', userId: body.user.id });
      logger.info({ ...clicker, vote, replyKind: reply.kind }, 'slack: recorded answer feedback');
    } catch (error) {
      logger.error({ ...clicker, vote, err: error }, 'slack: could not record answer feedback');
      text = FEEDBACK_NOT_SAVED;
    }
    await tellClicker(args, text, clicker, logger);
  };
}

/**
 * The reply the button was under, or undefined when the value cannot have come from one of our buttons.
 * The core is asked without a workspace or channel, so a forged value such as `subscribe daily` cannot change
 * anything: only `answer` and `no_answer` replies (the ones that carry the buttons) are accepted.
 */
function replyToRate(bot: AnswerSource, value: string | undefined, clicker: Asker, logger: Logger): Reply | undefined {
  if (typeof value !== 'string' || !value.trim() || value.length > BLOCK_LIMITS.buttonValue) return undefined;
  try {
    const reply = bot.ask(value, { platform: 'slack', replay: true });
    return reply.kind === 'answer' || reply.kind === 'no_answer' ? reply : undefined;
  } catch (error) {
    logger.error({ ...clicker, err: error }, 'slack: answering again for a feedback click failed');
    return undefined;
  }
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
