import { Events, type Interaction, type RepliableInteraction } from 'discord.js';
import { APOLOGY } from '../../../src/answer/phrases.ts';
import { feedbackButton } from '../buttons/feedback-button.ts';
import { shareButton } from '../buttons/share-button.ts';
import { showEnglishButton } from '../buttons/show-english-button.ts';
import { treatyCommand } from '../commands/treaty-command.ts';
import { scopeOf } from '../interaction-context.ts';
import { replyPrivately } from '../interaction-replies.ts';
import type { ButtonHandler, GatewayEvent, ListenerContext } from '../listener-context.ts';

const BUTTONS: readonly ButtonHandler[] = [shareButton, showEnglishButton, feedbackButton];

/**
 * Routes interactions: `/treaty` and its autocomplete, and the buttons under replies; others are not ours.
 * Errors are caught here, once: logged, and answered with a private apology (never a stack trace in chat).
 */
export const interactionCreate = {
  name: Events.InteractionCreate,

  async execute(context: ListenerContext, interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete() && interaction.commandName === treatyCommand.data.name) {
      // Nothing to tell the user on failure: Discord shows "loading options failed" by itself.
      await treatyCommand.autocomplete(context, interaction).catch((error: unknown) => {
        context.logger.error({ ...scopeOf(interaction), err: error }, 'discord: autocomplete failed');
      });
    } else if (interaction.isChatInputCommand() && interaction.commandName === treatyCommand.data.name) {
      await caught(context, interaction, '/treaty', () => treatyCommand.execute(context, interaction));
    } else if (interaction.isButton()) {
      const button = BUTTONS.find((candidate) => interaction.customId.startsWith(candidate.prefix));
      if (button) await caught(context, interaction, button.prefix, () => button.execute(context, interaction));
    }
  },
} satisfies GatewayEvent<Events.InteractionCreate>;

async function caught(
  context: ListenerContext,
  interaction: RepliableInteraction,
  handler: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    context.logger.error({ ...scopeOf(interaction), handler, err: error }, 'discord: an interaction failed');
    await replyPrivately(interaction, APOLOGY).catch((apologyError: unknown) =>
      context.logger.error({ ...scopeOf(interaction), err: apologyError }, 'discord: could not send the apology'),
    );
  }
}
