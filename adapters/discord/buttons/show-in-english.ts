import type { ButtonInteraction } from 'discord.js';
import type { DiscordContext } from '../discord-context.ts';
import { APOLOGY, describeError } from '../failures.ts';
import { askContext, scopeOf } from '../interaction-context.ts';
import { replyInParts, replyPrivately } from '../interaction-replies.ts';
import { renderReply } from '../render-embeds.ts';
import { SHOW_ENGLISH_PREFIX } from './query-custom-ids.ts';

const EXPIRED = 'This answer can no longer be shown in English (the bot restarted). Ask again.';

/**
 * "Show in English" under an Arabic answer: answers the question again (a replay) and shows the same answer, each
 * quote with its unofficial English translation, to the person who clicked only.
 */
export const showInEnglish = {
  matches(customId: string): boolean {
    return customId.startsWith(SHOW_ENGLISH_PREFIX);
  },

  async execute(context: DiscordContext, interaction: ButtonInteraction): Promise<void> {
    try {
      const query = context.customIds.queryFor(interaction.customId, SHOW_ENGLISH_PREFIX);
      if (query === undefined) {
        await replyPrivately(interaction, EXPIRED);
        return;
      }
      const reply = context.bot.ask(query, { ...askContext(interaction, query), replay: true });
      await replyInParts(interaction, renderReply(reply, { english: true }), { ephemeral: true });
    } catch (error) {
      context.logger.error({ ...scopeOf(interaction), error: describeError(error) }, 'discord: show in English failed');
      await replyPrivately(interaction, APOLOGY).catch((apologyError: unknown) =>
        context.logger.error(
          { ...scopeOf(interaction), error: describeError(apologyError) },
          'discord: could not send the show-in-English apology',
        ),
      );
    }
  },
};
