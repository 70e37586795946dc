/**
 * The composition root: reads the config, builds the core and starts the adapters. With no platform
 * credentials it starts the local console chat over the seeds. Nothing else starts anything.
 */
import pino from 'pino';
import { ConfigError, readConfig } from '../src/config.ts';
import { createTreatyBot } from '../src/create-treaty-bot.ts';
import { runConsoleChat } from './console/console-chat.ts';

try {
  const config = readConfig();
  // The console chat owns stdout, so its logs go to stderr and only warnings show by default.
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const bot = createTreatyBot({ seedsDir: config.seedsDir, indexDir: config.indexDir, logger });
  await runConsoleChat(bot);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
