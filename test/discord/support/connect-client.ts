import { once } from 'node:events';
import { type Client, Events } from 'discord.js';
import { createDiscordClient } from '../../../adapters/discord/create-client.ts';
import type { TreatyBot } from '../../../src/answer/treaty-bot.ts';
import type { DiscordConfig } from '../../../src/config.ts';
import { RecordingLogger } from '../../support/recording-logger.ts';
import { type FakeDiscord, ids } from './fake-discord.ts';

export const TOKEN = 'fake-bot-token.for-tests-only.0123456789';

/** The adapter's config pointed at the fake. */
export function fakeConfig(fake: FakeDiscord): DiscordConfig {
  return { token: TOKEN, applicationId: ids.bot, apiUrl: fake.apiUrl };
}

/**
 * The real discord.js client built by the adapter, logged in to the fake and ready (guild loaded). Answers carry
 * 👍 / 👎 buttons when `bot` records votes (`realBotWithFeedback`).
 */
export async function connectClient(
  fake: FakeDiscord,
  bot: TreatyBot,
  logger = new RecordingLogger(),
): Promise<{ client: Client; logger: RecordingLogger }> {
  const client = createDiscordClient(bot, fakeConfig(fake), logger);
  const ready = once(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
  return { client, logger };
}
