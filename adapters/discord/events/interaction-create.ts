import { Events, type Interaction } from 'discord.js';
import { feedbackVote } from '../buttons/feedback-vote.ts';
import { postToChannel } from '../buttons/post-to-channel.ts';
import { showInEnglish } from '../buttons/show-in-english.ts';
import { treatyCommand } from '../commands/treaty-command.ts';
import type { DiscordContext, DiscordEvent } from '../discord-context.ts';

/**
 * Routes interactions: `/treaty` and its autocomplete, "Post to channel", "Show in English" and 👍 / 👎 clicks.
 * Others are not ours.
 */
export const interactionCreate = {
  name: Events.InteractionCreate,

  async execute(context: DiscordContext, interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete() && interaction.commandName === treatyCommand.data.name) {
      await treatyCommand.autocomplete(context, interaction);
    } else if (interaction.isChatInputCommand() && interaction.commandName === treatyCommand.data.name) {
      await treatyCommand.execute(context, interaction);
    } else if (interaction.isButton() && postToChannel.matches(interaction.customId)) {
      await postToChannel.execute(context, interaction);
    } else if (interaction.isButton() && showInEnglish.matches(interaction.customId)) {
      await showInEnglish.execute(context, interaction);
    } else if (interaction.isButton() && feedbackVote.matches(interaction.customId)) {
      await feedbackVote.execute(context, interaction);
    }
  },
} satisfies DiscordEvent<Events.InteractionCreate>;
