import { type DigestPost, digestPost } from '../answer/digest-reply.ts';
import type { Part, Reply } from '../answer/reply.ts';
import type { Logger } from '../logger.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';
import type { ChannelDigest } from '../tracker/ratification-tracker.ts';
import { renderStatusChart, type StatusChart } from './render-status-chart.ts';

/**
 * The progress chart in the message model. `bot.ask` is synchronous and drawing is not, so the chart is added by
 * the callers that can wait and whose surface can carry an image: the scheduler's `buildPayload`
 * (`digestPostWithChart`), Discord's replies and Slack's "Share in channel" (`withStatusChart`).
 */

/**
 * The reply with the progress chart of the snapshot it reports (`reply.snapshot`) as a `chart` part right after
 * its progress line. A reply without a snapshot, or with its chart already, comes back as it is; so does one whose
 * chart could not be drawn (logged): a picture is never worth a lost digest or answer.
 *
 * @example
 * const reply = await withStatusChart(bot.ask('status', context), logger);
 */
export async function withStatusChart(reply: Reply, logger: Logger): Promise<Reply> {
  const { snapshot } = reply;
  if (!snapshot || reply.parts.some((part) => part.type === 'chart')) return reply;
  let chart: StatusChart;
  try {
    chart = await chartOf(snapshot);
  } catch (error) {
    logger.warn({ err: error }, 'chart: could not draw the progress chart; the reply goes without it');
    return reply;
  }
  return { ...reply, parts: placeChart(reply.parts, { type: 'chart', altText: chart.altText, png: chart.png }) };
}

/**
 * A channel's digest worded, with its progress chart: the scheduler's `buildPayload`.
 *
 * @example buildPayload: (changes, subscription) => digestPostWithChart(tracker.digestFor(changes, subscription), logger)
 */
export async function digestPostWithChart(digest: ChannelDigest, logger: Logger): Promise<DigestPost> {
  const post = digestPost(digest);
  return { ...post, reply: await withStatusChart(post.reply, logger) };
}

/** Right after the progress line it draws; else before the "as of" line; else last. */
function placeChart(parts: readonly Part[], chart: Part): Part[] {
  const progress = parts.findIndex((part) => part.type === 'progress');
  const asOf = parts.findIndex((part) => part.type === 'asOf');
  const at = progress >= 0 ? progress + 1 : asOf >= 0 ? asOf : parts.length;
  return [...parts.slice(0, at), chart, ...parts.slice(at)];
}

/**
 * The last chart drawn, by the snapshot it was drawn from: every channel of a digest run, and every status asked
 * between two polls, shows the same snapshot, so it is drawn once (about 60 ms and 50 KB each).
 */
let lastChart: { key: string; chart: Promise<StatusChart> } | undefined;

function chartOf(snapshot: StatusSnapshot): Promise<StatusChart> {
  const key = JSON.stringify(snapshot);
  if (lastChart?.key === key) return lastChart.chart;
  const entry = { key, chart: renderStatusChart(snapshot) };
  lastChart = entry;
  // A failed drawing is not kept: the next reply tries again.
  entry.chart.catch(() => {
    if (lastChart === entry) lastChart = undefined;
  });
  return entry.chart;
}
