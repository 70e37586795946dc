/**
 * The composition root: reads the config, opens the store and the ratification tracker, then either serves the
 * platforms whose credentials are set (Slack, Discord, or both in one process; see serve-platforms.ts) or, with
 * no credentials, starts the local console chat over the seeds. Nothing else starts anything.
 */
import { createTreatyBot } from '../src/create-treaty-bot.ts';
import { RatificationTracker } from '../src/tracker/ratification-tracker.ts';
import { configOrExit } from './config-or-exit.ts';
import { runConsoleChat } from './console/console-chat.ts';
import { consoleLogLevel, LineLogger } from './console/line-logger.ts';
import { stderrLogger } from './console/stderr-logger.ts';
import { exitOnUnexpectedError } from './exit-on-unexpected-error.ts';
import { openStoreOrExit, openStoreOrMemory } from './open-store-or-explain.ts';

/** Start-up failures that carry a one-line explanation (a token a platform refused, a port taken). */
const ONE_LINE_FAILURES = new Set(['DISCORD_START_FAILED', 'SLACK_START_FAILED', 'EADDRINUSE']);

const config = configOrExit();
try {
  if (config.slack || config.discord) {
    const logger = stderrLogger(config.logLevel);
    exitOnUnexpectedError(logger);
    // A platform bot needs its database (subscriptions, deliveries): without it, one line and exit.
    const store = openStoreOrExit(config.dataDir, logger);
    const tracker = new RatificationTracker({ store, sourceUrl: config.status.sourceUrl, logger });
    // Loaded only here: the console chat needs neither the platforms nor the metrics, and starts faster without.
    const { servePlatforms } = await import('./serve-platforms.ts');
    await servePlatforms({ config, logger, store, tracker });
  } else {
    // The console chat owns stdout: logs go to stderr as readable lines, between prompts.
    const logger = new LineLogger(consoleLogLevel(config.logLevel));
    exitOnUnexpectedError(logger);
    // Answering needs no database; without a usable DATA_DIR, status lives in memory and says so.
    const { store, notStoredBecause } = openStoreOrMemory(config.dataDir, logger);
    const tracker = new RatificationTracker({ store, sourceUrl: config.status.sourceUrl, logger, notStoredBecause });
    const bot = createTreatyBot({ seedsDir: config.seedsDir, indexDir: config.indexDir, logger, statusDesk: tracker });
    // A fresh database has no status yet: read it in the background so `status` can answer (no scheduler here).
    if (!store.snapshots.lastGood()) void tracker.poll().catch(() => undefined);
    await runConsoleChat(bot, process.stdin, process.stdout, logger);
    store.close();
  }
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && ONE_LINE_FAILURES.has(code)) {
    console.error(code === 'EADDRINUSE' ? `ops: PORT ${config.port} is already in use` : (error as Error).message);
    process.exit(1);
  }
  throw error;
}
