import { webApi } from '@slack/bolt';
import type { Reply } from '../../src/answer/reply.ts';
import { withStatusChart } from '../../src/chart/with-status-chart.ts';
import type { Logger } from '../../src/logger.ts';
import { uploadChart } from './chart-upload.ts';
import { slackErrorFields } from './compose-answer.ts';
import { renderReply, type UploadedFiles } from './render-blocks.ts';

/**
 * How long to wait before each new try of a post whose chart Slack is still processing: 1 s, then 2 s. Well
 * inside a digest attempt's deadline (20 s), with the requests around them.
 */
const FILE_PROCESSING_WAITS_MS = [1_000, 2_000] as const;

/** Where and how a reply is posted, besides its text and blocks. */
export type PostOptions = { channel: string } & Pick<
  webApi.ChatPostMessageArguments,
  'metadata' | 'unfurl_links' | 'unfurl_media' | 'thread_ts'
>;

/**
 * Posts the reply with one `chat.postMessage`, showing the chart uploaded for it (`uploadChart`). Slack processes
 * an uploaded file for a moment, and refuses a message that shows it before then (`invalid_blocks`, "invalid slack
 * file") without posting anything; so the same post is sent again after each wait, and after the last one with
 * the chart's words instead of the picture. Any other failure is thrown, as from `chat.postMessage`.
 */
export async function postShowingChart(
  client: webApi.WebClient,
  reply: Reply,
  files: UploadedFiles,
  options: PostOptions,
  logger: Logger,
): Promise<webApi.ChatPostMessageResponse> {
  const post = (shown: UploadedFiles) => client.chat.postMessage({ ...options, ...renderReply(reply, shown) });
  if (!files.chart) return post(files);
  for (const waitMs of FILE_PROCESSING_WAITS_MS) {
    try {
      return await post(files);
    } catch (error) {
      if (!fileNotReady(error)) throw error;
      logger.info({ channel: options.channel, waitMs }, 'slack: the chart is still being processed; posting again');
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
  try {
    return await post(files);
  } catch (error) {
    if (!fileNotReady(error)) throw error;
    logger.warn(
      { channel: options.channel, ...slackErrorFields(error) },
      'slack: the chart was not ready in time; the message shows its words instead',
    );
    return post({});
  }
}

/** Slack's refusal of an image block whose file it cannot show yet. */
function fileNotReady(error: unknown): boolean {
  const { apiError } = slackErrorFields(error);
  const data = (error as { data?: unknown }).data;
  return apiError === 'invalid_blocks' && JSON.stringify(data ?? {}).includes('slack_file');
}

/**
 * Posts a status with its chart: drawn, uploaded unshared, then shown by one message (a shared status, or one
 * asked by mention or DM). False when nothing was posted (the chart could not be uploaded, or Slack refused the
 * post, e.g. `not_in_channel`): the caller then posts it the usual way, without the picture. A post that may have
 * reached Slack (a timeout) is not repeated: it is thrown, for the caller to log as any failed post.
 */
export async function postWithChart(
  client: webApi.WebClient,
  reply: Reply,
  options: Pick<PostOptions, 'channel' | 'thread_ts'>,
  logger: Logger,
): Promise<boolean> {
  const { channel } = options;
  const charted = await withStatusChart(reply, logger);
  let files: UploadedFiles;
  try {
    files = await uploadChart(client, charted, logger);
  } catch (error) {
    logger.warn({ channel, ...slackErrorFields(error) }, 'slack: could not upload the chart; posting without it');
    return false;
  }
  try {
    await postShowingChart(client, charted, files, { ...options, unfurl_links: false, unfurl_media: false }, logger);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) throw error;
    logger.warn(
      { channel, ...slackErrorFields(error) },
      'slack: could not post the status with its chart; posting it without',
    );
    return false;
  }
}
