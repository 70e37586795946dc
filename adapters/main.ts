/**
 * The composition root: reads the config, opens the store, builds the core and starts every adapter whose
 * credentials are set (Slack, Discord, or both in one process) with the ratification tracker's scheduler. With
 * no credentials, it starts the local console chat over the seeds. Nothing else starts anything.
 */
import { createTreatyBot } from '../src/create-treaty-bot.ts';
import { TrackerScheduler } from '../src/digests/scheduler.ts';
import { FeedbackRecorder } from '../src/feedback/feedback-recorder.ts';
import { type ChannelDigest, RatificationTracker } from '../src/status/ratification-tracker.ts';
import { openStore, storePath } from '../src/store/open-store.ts';
import { configOrExit } from './config-or-exit.ts';
import { runConsoleChat } from './console/console-chat.ts';
import { stderrLogger } from './console/stderr-logger.ts';
import type { PlatformRuntime } from './platform-runtime.ts';
import { routingPoster } from './routing-poster.ts';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Start-up failures that carry a one-line explanation (a token a platform refused). */
const ONE_LINE_FAILURES = new Set(['DISCORD_START_FAILED', 'SLACK_START_FAILED']);

const config = configOrExit();
try {
  const platforms = Boolean(config.slack || config.discord);
  // The console chat owns stdout, so logs go to stderr, and only warnings show unless a platform runs.
  const logger = stderrLogger(platforms ? config.logLevel : 'warn');
  const store = openStore(storePath(config.dataDir), logger);
  const tracker = new RatificationTracker({ store, sourceUrl: config.status.sourceUrl, logger });
  const bot = createTreatyBot({
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    logger,
    statusDesk: tracker,
    // The console has one user: no limit there.
    ...(platforms ? { questionsPerMinute: config.questionsPerMinute } : {}),
  });
  if (!platforms) {
    // A fresh database has no status yet: read it in the background so `status` can answer (no scheduler here).
    if (!store.snapshots.lastGood()) void tracker.poll().catch(() => undefined);
    await runConsoleChat(bot);
    store.close();
  } else {
    const feedback = new FeedbackRecorder(store.feedback);
    const runtimes: PlatformRuntime[] = [];
    if (config.slack) {
      const { startSlack } = await import('./slack/start-slack.ts');
      runtimes.push(await startSlack(bot, config.slack, logger, feedback));
    }
    if (config.discord) {
      const { startDiscord } = await import('./discord/start-discord.ts');
      runtimes.push(await startDiscord(bot, config.discord, logger, feedback));
    }
    const scheduler = new TrackerScheduler<ChannelDigest>({
      store,
      logger,
      pollCron: config.status.pollCron,
      poll: async () => {
        await tracker.poll();
      },
      poster: routingPoster(runtimes),
      buildPayload: (changes, subscription) => tracker.digestFor(changes, subscription),
    });
    scheduler.start();
    // A fresh database has no status yet: read it now rather than at the next poll (under the lease, as always).
    if (!store.snapshots.lastGood()) void scheduler.runPoll();
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      // Whatever is still running after 10 s is abandoned: the delivery log makes the next start finish it.
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      await scheduler.stop();
      await Promise.allSettled(runtimes.map((runtime) => runtime.stop()));
      store.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  }
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && ONE_LINE_FAILURES.has(code)) {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
}
