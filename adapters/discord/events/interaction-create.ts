import { Events, type Interaction } from 'discord.js';
import { postToChannel } from '../buttons/post-to-channel.ts';
import { treatyCommand } from '../commands/treaty-command.ts';
import type { DiscordContext, DiscordEvent } from '../discord-context.ts';

/** Routes interactions: `/treaty` and its autocomplete, and "Post to channel" clicks. Others are not ours. */
export const interactionCreate = {
  name: Events.InteractionCreate,

  async execute(context: DiscordContext, interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete() && interaction.commandName === treatyCommand.data.name) {
      await treatyCommand.autocomplete(context, interaction);
    } else if (interaction.isChatInputCommand() && interaction.commandName === treatyCommand.data.name) {
      await treatyCommand.execute(context, interaction);
    } else if (interaction.isButton() && postToChannel.matches(interaction.customId)) {
      await postToChannel.execute(context, interaction);
    }
  },
} satisfies DiscordEvent<Events.InteractionCreate>;
