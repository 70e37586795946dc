import { once } from 'node:events';
import { Events, Status } from 'discord.js';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { DiscordConfig } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { PlatformRuntime, PlatformServices } from '../platform-runtime.ts';
import { createDiscordClient } from './create-client.ts';
import { createDiscordDigestPoster } from './digest-poster.ts';

/** Thrown when the bot cannot connect; the message is one line for the operator. */
export class DiscordStartError extends Error {
  readonly code = 'DISCORD_START_FAILED';
}

/**
 * Starts the Discord adapter: builds the client, logs in, waits until the guilds are loaded and returns the
 * runtime the composition root drives: the digest poster (posting through this client) and `stop`.
 * Registering `/treaty` is a separate script (`npm run discord:register`), never a side effect of starting.
 * Answers carry 👍 / 👎 buttons when the core records votes (`createTreatyBot({ feedback })`); otherwise none.
 */
export async function startDiscord(
  bot: TreatyBot,
  config: DiscordConfig,
  logger: Logger,
  services: PlatformServices = {},
): Promise<PlatformRuntime> {
  const client = createDiscordClient(bot, config, logger, services);
  const abort = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: abort.signal });
  // Aborted when login fails; the login error is the one reported, so this rejection is expected and dropped.
  ready.catch(() => {});
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    abort.abort();
    await client.destroy();
    logger.error({ err: error }, 'discord: could not connect');
    const reason = error instanceof Error ? error.message : String(error);
    throw new DiscordStartError(`discord: could not connect (check DISCORD_TOKEN): ${reason}`);
  }
  logger.info(
    { user: client.user?.tag, userId: client.user?.id, guilds: client.guilds.cache.size },
    'discord: connected',
  );
  return {
    platform: 'discord',
    poster: createDiscordDigestPoster(client, logger),
    // The manager's own status stays Ready after the first login; each shard's drops while it reconnects.
    isConnected: () => client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
    async stop() {
      // Stop taking messages, let the answers in progress post (they need the client), then disconnect.
      client.removeAllListeners(Events.MessageCreate);
      client.removeAllListeners(Events.InteractionCreate);
      await services.inFlight?.settled();
      await client.destroy();
      logger.info({}, 'discord: stopped');
    },
  };
}
