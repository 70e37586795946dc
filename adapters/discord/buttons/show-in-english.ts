import type { ButtonInteraction } from 'discord.js';
import type { DiscordContext } from '../discord-context.ts';
import { replyInParts } from '../interaction-replies.ts';
import { renderReply } from '../render-embeds.ts';
import { SHOW_ENGLISH_PREFIX } from './query-custom-ids.ts';
import { type ReplayClick, replayClick } from './replay-click.ts';

const click: ReplayClick = {
  prefix: SHOW_ENGLISH_PREFIX,
  expired: 'This answer can no longer be shown in English (the bot restarted). Ask again.',
  action: 'show in English',
  async respond(_context, interaction, reply) {
    await replyInParts(interaction, renderReply(reply, { english: true }), { ephemeral: true });
  },
};

/**
 * "Show in English" under an Arabic answer: shows the same answer, each quote with its unofficial English
 * translation, to the person who clicked only.
 */
export const showInEnglish = {
  matches(customId: string): boolean {
    return customId.startsWith(SHOW_ENGLISH_PREFIX);
  },

  execute(context: DiscordContext, interaction: ButtonInteraction): Promise<void> {
    return replayClick(context, interaction, click);
  },
};
