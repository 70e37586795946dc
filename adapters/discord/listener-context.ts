import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ClientEvents,
  MessageMentionOptions,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { Logger } from '../../src/logger.ts';
import type { QueryCustomIds } from './buttons/query-custom-ids.ts';

/** What every listener needs, built once per client by `createDiscordClient`. */
export interface ListenerContext {
  bot: TreatyBot;
  logger: Logger;
  /** Remembers the questions behind buttons ("Share in channel", 👍 / 👎) whose custom_id cannot hold them. */
  customIds: QueryCustomIds;
}

/**
 * Passed with every message the bot sends: nothing in the text may ping anyone. Answers quote documents and
 * users, so `@everyone`, `<@&role>` or `<@user>` in a quote must stay text; replies do not ping the asker either.
 */
export const NO_MENTIONS = { parse: [], repliedUser: false } satisfies MessageMentionOptions;

/** A gateway event listener, one per file under `events/` (the discord.js template's shape plus the context). */
export interface GatewayEvent<Name extends keyof ClientEvents> {
  name: Name;
  execute(context: ListenerContext, ...args: ClientEvents[Name]): Promise<void>;
}

/** A slash command, one per file under `commands/`: its definition (registered by a script) and its handlers. */
export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(context: ListenerContext, interaction: ChatInputCommandInteraction): Promise<void>;
  autocomplete?(context: ListenerContext, interaction: AutocompleteInteraction): Promise<void>;
}

/**
 * A button under a reply, one per file under `buttons/`: the custom_id prefix the interaction router matches and
 * its handler. A handler may throw: the router logs the error and apologises privately.
 */
export interface ButtonHandler {
  prefix: string;
  execute(context: ListenerContext, interaction: ButtonInteraction): Promise<void>;
}
