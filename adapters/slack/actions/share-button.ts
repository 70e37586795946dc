import { type BlockButtonAction, type Middleware, type SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import type { Reply } from '../../../src/answer/reply.ts';
import { withStatusChart } from '../../../src/chart/with-status-chart.ts';
import type { Logger } from '../../../src/logger.ts';
import { inAnswerTurn } from '../answer-turns.ts';
import { uploadChart } from '../chart-upload.ts';
import { type Asker, composeAnswer, type ListenerContext, slackErrorFields } from '../compose-answer.ts';
import { postShowingChart } from '../post-showing-chart.ts';
import type { UploadedFiles } from '../render-blocks.ts';

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
      } else if (reply?.snapshot && body.channel && (await postWithChart(client, body.channel.id, reply, logger))) {
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

/**
 * Posts a shared status with its chart: drawn, uploaded unshared, then shown by one message. False when nothing
 * was posted (the chart could not be uploaded, or Slack refused the post, e.g. `not_in_channel`): the caller then
 * shares it the usual way, without the picture. A post that may have reached Slack (a timeout) is not repeated:
 * it is thrown, and logged as any failed share.
 */
async function postWithChart(
  client: webApi.WebClient,
  channel: string,
  reply: Reply,
  logger: Logger,
): Promise<boolean> {
  const charted = await withStatusChart(reply, logger);
  let files: UploadedFiles;
  try {
    files = await uploadChart(client, charted, logger);
  } catch (error) {
    logger.warn({ channel, ...slackErrorFields(error) }, 'slack: could not upload the chart; sharing without it');
    return false;
  }
  try {
    await postShowingChart(client, charted, files, { channel, unfurl_links: false, unfurl_media: false }, logger);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) throw error;
    logger.warn(
      { channel, ...slackErrorFields(error) },
      'slack: could not post the status with its chart; sharing it without',
    );
    return false;
  }
}
