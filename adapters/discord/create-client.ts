import { Client, Events, GatewayIntentBits, Partials, type RateLimitData, RESTEvents } from 'discord.js';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { DiscordConfig } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { PlatformServices } from '../platform-runtime.ts';
import { QueryCustomIds } from './buttons/query-custom-ids.ts';
import { interactionCreate } from './events/interaction-create.ts';
import { messageCreate } from './events/message-create.ts';
import { type ListenerContext, NO_MENTIONS } from './listener-context.ts';
import { discordRestOptions } from './rest-options.ts';

/**
 * The gateway intents the bot asks for, and no more.
 * - Guilds: the guild and channel cache; without it guild messages and interactions lack their channel.
 * - GuildMessages: MESSAGE_CREATE in guild channels and threads, for @mentions.
 * - DirectMessages: MESSAGE_CREATE in DMs.
 * Not MessageContent: that privileged intent (which needs approval once a bot is in 100+ servers) only unlocks the
 * text of messages that neither mention the bot nor are DMs. Discord always delivers the content of messages that
 * mention the bot and of DMs, and slash commands carry their options, which is all this bot reads.
 */
const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

/**
 * Builds the discord.js client with its listeners, without logging in (tests log in against a fake Discord).
 * `config.apiUrl` points REST at a proxy or a fake; the gateway URL then comes from that REST API's `/gateway/bot`.
 * Answers carry 👍 / 👎 buttons when the core records votes (`createTreatyBot({ feedback })`); `services.inFlight`
 * sees the handling of every message and interaction, so shutdown can wait for answers in progress.
 */
export function createDiscordClient(
  bot: TreatyBot,
  config: DiscordConfig,
  logger: Logger,
  services: PlatformServices = {},
): Client {
  const { inFlight, requestTimeoutMs } = services;
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are not cached before their first message; a partial channel lets that message through.
    partials: [Partials.Channel],
    // A default for every message; each send passes NO_MENTIONS as well, so no code path depends on this.
    allowedMentions: NO_MENTIONS,
    // No retries of a request that may have posted; a timeout so a hung post fails (see rest-options.ts).
    rest: discordRestOptions({ apiUrl: config.apiUrl, requestTimeoutMs }),
  });
  const context: ListenerContext = { bot, logger, customIds: new QueryCustomIds() };

  // Listeners catch their own failures; these catches only keep a bug from becoming an unhandled rejection.
  const handle = (event: string, work: Promise<void>) => {
    (inFlight ? inFlight.track(work) : work).catch((error: unknown) => unexpected(logger, event, error));
  };
  client.on(messageCreate.name, (message) => handle(messageCreate.name, messageCreate.execute(context, message)));
  client.on(interactionCreate.name, (interaction) =>
    handle(interactionCreate.name, interactionCreate.execute(context, interaction)),
  );

  // 429s are queued and retried by discord.js (they are not counted as retries); logging them shows when the bot runs into Discord's limits.
  client.rest.on(RESTEvents.RateLimited, (info: RateLimitData) => {
    logger.warn(
      {
        route: info.route,
        method: info.method,
        global: info.global,
        scope: info.scope,
        limit: info.limit,
        retryAfterMs: info.retryAfter,
      },
      'discord: rate limited, request queued',
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord: client warning'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'discord: gateway disconnected'),
  );
  return client;
}

function unexpected(logger: Logger, event: string, error: unknown): void {
  logger.error({ event, err: error }, 'discord: listener failed');
}
