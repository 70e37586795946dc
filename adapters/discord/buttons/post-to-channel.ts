import { type ButtonInteraction, userMention } from 'discord.js';
import type { DiscordContext } from '../discord-context.ts';
import { scopeOf } from '../interaction-context.ts';
import { replyInParts } from '../interaction-replies.ts';
import { renderReply } from '../render-embeds.ts';
import { answerRows } from './answer-buttons.ts';
import { POST_TO_CHANNEL_PREFIX } from './query-custom-ids.ts';
import { type ReplayClick, replayClick } from './replay-click.ts';

const click: ReplayClick = {
  prefix: POST_TO_CHANNEL_PREFIX,
  expired: 'This answer can no longer be shared (the bot restarted). Run /treaty again and share the new one.',
  action: 'post to channel',
  async respond(context, interaction, reply, query) {
    await replyInParts(interaction, renderReply(reply), {
      ephemeral: false,
      content: `Shared by ${userMention(interaction.user.id)}`,
      components: answerRows(context, reply, query, { share: false }),
    });
    context.logger.debug({ ...scopeOf(interaction), kind: reply.kind }, 'discord: posted an answer to the channel');
  },
};

/**
 * "Post to channel": answers the question again and posts the answer publicly, headed "Shared by @user".
 *
 * It posts as the interaction's response rather than with a channel message request: the interaction token works
 * without the Send Messages permission and in channels the bot has no cache for, and Discord shows the answer as
 * a response to the clicking user. The mention in "Shared by" renders the name but, with `parse: []`, pings nobody.
 * The shared answer keeps its 👍 / 👎 buttons (when feedback is recorded), for anyone in the channel to vote.
 */
export const postToChannel = {
  matches(customId: string): boolean {
    return customId.startsWith(POST_TO_CHANNEL_PREFIX);
  },

  execute(context: DiscordContext, interaction: ButtonInteraction): Promise<void> {
    return replayClick(context, interaction, click);
  },
};
