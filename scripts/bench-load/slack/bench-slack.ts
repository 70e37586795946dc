import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackApp } from '../../../adapters/slack/create-app.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import { CountingLogger } from '../counting-logger.ts';
import { latencyStats } from '../latency-stats.ts';
import { LoadWorker } from '../load-worker.ts';
import { type BenchSettings, coreShare, type PlatformRun } from '../platform-run.ts';
import { CoreClock, timedBot } from '../timed-bot.ts';
import type { SlackLoadResult, SlackLoadSettings } from './slack-load-side.ts';

const SECRET = '0123456789abcdef0123456789abcdef';

/**
 * Drives the real Bolt app (HTTP receiver, signature check on) with the real core on this thread, from a load
 * worker that signs `/treaty` commands and receives the answers at their response_urls.
 */
export async function benchSlack(bot: TreatyBot, questions: string[], settings: BenchSettings): Promise<PlatformRun> {
  const load = new LoadWorker(new URL('./slack-load-side.ts', import.meta.url), {
    secret: SECRET,
    questions,
    requests: settings.requests,
    concurrency: settings.concurrency,
    warmup: settings.warmup,
  } satisfies SlackLoadSettings);
  const clock = new CoreClock();
  const logger = new CountingLogger();
  try {
    const { apiUrl } = await load.next<{ type: 'listening'; apiUrl: string }>('listening');
    const config = { botToken: 'xoxb-load-bench', signingSecret: SECRET, apiUrl, port: 0 };
    const app = createSlackApp(timedBot(bot, clock), config, logger);
    const server = (await app.start(0)) as Server;
    try {
      const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      load.send({ type: 'start', eventsUrl });
      await load.next('warmed');
      clock.reset();
      logger.reset();
      const loopBefore = performance.eventLoopUtilization();
      load.send({ type: 'measure' });
      const result = await load.next<SlackLoadResult>('done');
      const botBusy = performance.eventLoopUtilization(loopBefore).utilization;
      return slackRun(result, settings, clock, logger, botBusy);
    } finally {
      await app.stop();
    }
  } finally {
    await load.stop();
  }
}

function slackRun(
  result: SlackLoadResult,
  settings: BenchSettings,
  clock: CoreClock,
  logger: CountingLogger,
  botBusy: number,
): PlatformRun {
  const { 200: ok = 0, 401: signatureFailures = 0, 0: noResponse = 0, ...otherStatuses } = result.statuses;
  const non200 = Object.values(otherStatuses).reduce((sum, count) => sum + count, 0);
  return {
    platform: 'slack',
    path: 'Slack /treaty → Bolt HTTP receiver (signed, loopback)',
    requests: settings.requests,
    concurrency: settings.concurrency,
    warmup: settings.warmup,
    wallMs: result.wallMs,
    allAnsweredMs: result.allAnsweredMs,
    throughputPerSecond: (ok / result.wallMs) * 1000,
    ackMeaning: 'POST sent → HTTP 200 read',
    ack: latencyStats(result.ackMs),
    answer: latencyStats(result.answerMs),
    answersDelivered: result.answerMs.length,
    errors: {
      'non-200': non200,
      'signature failures (401)': signatureFailures,
      'no response': noResponse,
      'acks over 3 s': result.lateAcks,
      'missing answers': settings.requests - result.answerMs.length,
      'duplicate answers': result.duplicateAnswers,
      'errors logged by the bot': logger.errors,
    },
    errorSamples: logger.samples,
    core: coreShare(clock.calls, clock.totalMs, Math.max(result.wallMs, result.allAnsweredMs), result.ackMs),
    eventLoopBusy: { bot: botBusy, load: result.eventLoopBusy },
    notes: [
      'answers run one per event-loop turn after the acks already waiting (adapters/slack/answer-turns.ts); ' +
        'a closed loop acks faster than the bot can answer, so answer latency is the backlog',
    ],
  };
}
