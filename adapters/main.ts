/**
 * The composition root: reads the config, builds the core and starts every adapter whose credentials are set
 * (Slack, Discord, or both in one process). With none, it starts the local console chat over the seeds.
 * Nothing else starts anything.
 */
import pino from 'pino';
import { ConfigError, readConfig } from '../src/config.ts';
import { createTreatyBot } from '../src/create-treaty-bot.ts';
import { runConsoleChat } from './console/console-chat.ts';

/** Start-up failures that carry a one-line explanation (bad config, a token a platform refused). */
const ONE_LINE_FAILURES = new Set(['CONFIG_INVALID', 'DISCORD_START_FAILED', 'SLACK_START_FAILED']);

try {
  const config = readConfig();
  const platforms = Boolean(config.slack || config.discord);
  // The console chat owns stdout, so logs go to stderr, and only warnings show unless a platform runs.
  const logger = pino({ level: platforms ? config.logLevel : 'warn' }, pino.destination(2));
  const bot = createTreatyBot({ seedsDir: config.seedsDir, indexDir: config.indexDir, logger });
  if (!platforms) {
    await runConsoleChat(bot);
  } else {
    const stops: Array<() => Promise<void>> = [];
    if (config.slack) {
      const { startSlack } = await import('./slack/start-slack.ts');
      stops.push(await startSlack(bot, config.slack, logger));
    }
    if (config.discord) {
      const { startDiscord } = await import('./discord/start-discord.ts');
      stops.push(await startDiscord(bot, config.discord, logger));
    }
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      await Promise.allSettled(stops.map((stop) => stop()));
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  }
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (error instanceof ConfigError || (typeof code === 'string' && ONE_LINE_FAILURES.has(code))) {
    console.error((error as Error).message);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  throw error;
}
