import { once } from 'node:events';
import { Events, RESTEvents } from 'discord.js';
import { createDiscordClient } from '../../../adapters/discord/create-client.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import { ids } from '../../../test/discord/support/fake-discord.ts';
import { CountingLogger } from '../counting-logger.ts';
import { latencyStats } from '../latency-stats.ts';
import { LoadWorker } from '../load-worker.ts';
import { type BenchSettings, coreShare, type PlatformRun } from '../platform-run.ts';
import { CoreClock, timedBot } from '../timed-bot.ts';
import type { DiscordLoadResult, DiscordLoadSettings } from './discord-load-side.ts';

const TOKEN = 'fake-bot-token.for-load-bench.0123456789';
/** Discord's own global limit for a bot, which discord.js also enforces on its side before sending. */
const DISCORD_GLOBAL_REQUESTS_PER_SECOND = 50;

export interface DiscordBenchOptions {
  /** Keep discord.js's client-side cap of 50 requests/s, as against the real Discord; default lifted. */
  keepGlobalLimit?: boolean;
}

/**
 * Drives the real discord.js client built by the adapter, with the real core, on this thread, from a load worker
 * that hosts the fake gateway and REST API and @mentions the bot in guild channels.
 */
export async function benchDiscord(
  bot: TreatyBot,
  questions: string[],
  settings: BenchSettings,
  options: DiscordBenchOptions = {},
): Promise<PlatformRun> {
  const load = new LoadWorker(new URL('./discord-load-side.ts', import.meta.url), {
    questions,
    requests: settings.requests,
    concurrency: settings.concurrency,
    warmup: settings.warmup,
    channels: settings.discordChannels,
  } satisfies DiscordLoadSettings);
  const clock = new CoreClock();
  const logger = new CountingLogger();
  try {
    const { apiUrl } = await load.next<{ type: 'listening'; apiUrl: string }>('listening');
    const client = createDiscordClient(timedBot(bot, clock), { token: TOKEN, applicationId: ids.bot, apiUrl }, logger);
    // discord.js spaces requests to stay under Discord's global 50/s on its own; the fake imposes no limit, and
    // 2 000 replies at 50/s would measure that pacing (40 s), not the bot. Lifted unless asked to keep it.
    if (!options.keepGlobalLimit) client.rest.options.globalRequestsPerSecond = Number.POSITIVE_INFINITY;
    let rateLimitWaits = 0;
    client.rest.on(RESTEvents.RateLimited, () => {
      rateLimitWaits += 1;
    });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(TOKEN);
      await ready;
      load.send({ type: 'start' });
      await load.next('warmed');
      clock.reset();
      logger.reset();
      rateLimitWaits = 0;
      const loopBefore = performance.eventLoopUtilization();
      load.send({ type: 'measure' });
      const result = await load.next<DiscordLoadResult>('done');
      const botBusy = performance.eventLoopUtilization(loopBefore).utilization;
      const run = discordRun(result, settings, clock, logger, botBusy);
      run.notes.push(
        `${settings.discordChannels} channels (discord.js queues one request at a time per channel)`,
        options.keepGlobalLimit
          ? `discord.js global cap kept at ${DISCORD_GLOBAL_REQUESTS_PER_SECOND} requests/s, as against Discord`
          : `discord.js global cap of ${DISCORD_GLOBAL_REQUESTS_PER_SECOND} requests/s lifted (the real Discord enforces it)`,
        `rate-limit waits: ${rateLimitWaits}`,
      );
      return run;
    } finally {
      await client.destroy();
    }
  } finally {
    await load.stop();
  }
}

function discordRun(
  result: DiscordLoadResult,
  settings: BenchSettings,
  clock: CoreClock,
  logger: CountingLogger,
  botBusy: number,
): PlatformRun {
  return {
    platform: 'discord',
    path: 'Discord @mention → discord.js over the fake gateway, reply POSTed to the fake REST',
    requests: settings.requests,
    concurrency: settings.concurrency,
    warmup: settings.warmup,
    wallMs: result.wallMs,
    throughputPerSecond: (result.replyMs.length / result.wallMs) * 1000,
    ackMeaning: 'MESSAGE_CREATE dispatched → reply POST received',
    ack: latencyStats(result.replyMs),
    answersDelivered: result.replyMs.length,
    errors: {
      'missing replies': result.missingReplies,
      'apologies instead of answers': result.apologies,
      'unexpected REST requests': result.unexpectedRequests,
      'errors logged by the bot': logger.errors,
    },
    errorSamples: logger.samples,
    core: coreShare(clock.calls, clock.totalMs, result.wallMs, result.replyMs),
    eventLoopBusy: { bot: botBusy, load: result.eventLoopBusy },
    notes: [],
  };
}
