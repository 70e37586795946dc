import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { inAnswerTurn } from '../answer-turns.ts';
import { type Asker, composeAnswer, type ListenerContext, slackErrorFields } from '../compose-answer.ts';
import { postWithChart } from '../post-showing-chart.ts';

/**
 * "Share in channel" under an ephemeral `/treaty` answer: asks the core again with the query carried in the
 * button's value, posts the same answer publicly with "Shared by @user", then removes the ephemeral copy.
 *
 * Posting goes through the response_url (`response_type: 'in_channel'`), which works in every channel where
 * `/treaty` works, even one the bot is not a member of; `chat.postMessage` is the fallback without one. A status
 * is the exception: shared, it carries the progress chart, which a response_url cannot, so the bot uploads the
 * chart and posts it with `chat.postMessage` (it must be in the channel); where it cannot, the status is shared
 * through the response_url without the picture.
 */
export function shareButton({
  bot,
  logger,
}: ListenerContext): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const asker: Asker = { team: body.team?.id, channel: body.channel?.id, user: body.user.id, via: 'share' };
    if (!action.value) {
      logger.warn(asker, 'slack: a share button without a query was ignored');
      return;
    }
    const query = action.value;
    // Like a question, the rebuilt answer waits behind the acknowledgements already waiting (answer-turns.ts).
    const { message, answered, reply } = await inAnswerTurn(() =>
      composeAnswer(bot, query, asker, logger, { sharedBy: body.user.id }),
    );
    try {
      if (!answered) {
        // An apology is for the person who clicked, never for the whole channel.
        if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      } else if (
        reply?.snapshot &&
        body.channel &&
        (await postWithChart(client, reply, { channel: body.channel.id }, logger))
      ) {
        if (body.response_url) await respond({ delete_original: true });
      } else if (body.response_url) {
        await respond({ response_type: 'in_channel', replace_original: false, ...message });
        await respond({ delete_original: true });
      } else if (body.channel) {
        await client.chat.postMessage({
          channel: body.channel.id,
          ...message,
          unfurl_links: false,
          unfurl_media: false,
        });
      }
    } catch (error) {
      logger.error({ ...asker, ...slackErrorFields(error) }, 'slack: could not share an answer in the channel');
    }
  };
}
