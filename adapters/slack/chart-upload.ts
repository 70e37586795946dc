import { webApi } from '@slack/bolt';
import type { Reply } from '../../src/answer/reply.ts';
import type { Logger } from '../../src/logger.ts';
import { CHART_FILE_NAME } from '../shared/chart-file.ts';
import { slackErrorFields } from './compose-answer.ts';
import type { UploadedFiles } from './render-blocks.ts';

/**
 * Uploads the reply's chart, if it has one, so a message can show it (an image block `slack_file: { id }`; see
 * `renderReply`). The WebClient's `filesUploadV2` runs Slack's external upload flow with the client's own timeout
 * and retry policy: `files.getUploadURLExternal` (name, length, alt text), the bytes POSTed to the URL it returns,
 * then `files.completeUploadExternal` without a channel, so the file stays private to the bot and is not posted as
 * a message of its own; the one message is the caller's `chat.postMessage`. Scope `files:write`.
 *
 * A file uploaded for a post that then failed stays private and shared nowhere; the next attempt uploads again.
 * When Slack refuses the upload itself (`ok: false`: a missing scope in an installation that has not added
 * `files:write` yet, a file limit), the message goes without the picture, showing the chart's words instead: a
 * picture is never worth a lost digest. Any other failure (network, 5xx, 429) is thrown, to retry the whole post.
 */
export async function uploadChart(client: webApi.WebClient, reply: Reply, logger: Logger): Promise<UploadedFiles> {
  const chart = reply.parts.find((part) => part.type === 'chart');
  if (chart?.type !== 'chart') return {};
  try {
    const uploaded = await client.filesUploadV2({
      file: Buffer.from(chart.png.buffer, chart.png.byteOffset, chart.png.byteLength),
      filename: CHART_FILE_NAME,
      alt_text: chart.altText,
    });
    const id = uploaded.files[0]?.files?.[0]?.id;
    if (!id) throw new Error('slack: files.completeUploadExternal returned no file id');
    return { chart: id };
  } catch (error) {
    if ((error as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) throw error;
    logger.warn(slackErrorFields(error), 'slack: could not upload the chart; the message shows its words instead');
    return {};
  }
}
