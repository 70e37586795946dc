import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../../src/config.ts';
import { treatyCommand } from './treaty-command.ts';

/** What a registration did, for the one line the script prints. */
export interface Registration {
  scope: 'global' | 'guild';
  /** Names of the commands Discord now holds for that scope. */
  commands: string[];
}

/**
 * Registers `/treaty` for the application: in one guild when `config.guildId` is set (instant, for trying the bot
 * out), otherwise globally. It overwrites the scope's whole command list, so running it twice changes nothing.
 */
export async function registerTreatyCommand(config: DiscordConfig): Promise<Registration> {
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const saved = (await rest.put(route, { body: [treatyCommand.data.toJSON()] })) as Array<{ name: string }>;
  return { scope: config.guildId ? 'guild' : 'global', commands: saved.map((command) => command.name) };
}
