/**
 * The composition root: reads the config, builds the core and starts the adapters that have credentials.
 * With none, it starts the local console chat over the seeds. Nothing else starts anything.
 */
import pino from 'pino';
import { ConfigError, readConfig } from '../src/config.ts';
import { createTreatyBot } from '../src/create-treaty-bot.ts';
import { runConsoleChat } from './console/console-chat.ts';

try {
  const config = readConfig();
  // The console chat owns stdout, so logs go to stderr.
  const logger = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
  const bot = createTreatyBot({ seedsDir: config.SEEDS_DIR, indexDir: config.INDEX_DIR, logger });
  await runConsoleChat(bot);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
