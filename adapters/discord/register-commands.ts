/**
 * `tsx adapters/discord/register-commands.ts` (npm run discord:register): registers `/treaty` with Discord,
 * globally or in DISCORD_GUILD_ID's guild only, and prints one line. Starting the bot never registers commands.
 */
import { DiscordAPIError } from 'discord.js';
import { ConfigError, readConfig } from '../../src/config.ts';
import { registerTreatyCommand } from './commands/register-treaty-command.ts';

try {
  const { discord } = readConfig();
  if (!discord) {
    console.error('config: DISCORD_TOKEN is missing (needed to register /treaty)');
    process.exit(2);
  }
  const { scope, commands } = await registerTreatyCommand(discord);
  const where = scope === 'guild' ? `in guild ${discord.guildId}` : 'globally';
  console.log(
    `Registered ${commands.map((name) => `/${name}`).join(', ')} ${where} for application ${discord.applicationId}.`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  const reason = error instanceof DiscordAPIError ? `${error.status} ${error.message}` : String(error);
  console.error(`discord: registering /treaty failed: ${reason}`);
  process.exit(1);
}
