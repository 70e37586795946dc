import type { ButtonInteraction } from 'discord.js';
import { BUTTON_EXPIRED } from '../../../src/answer/phrases.ts';
import type { Reply } from '../../../src/answer/reply.ts';
import type { AskContext } from '../../../src/answer/treaty-bot.ts';
import { askContext } from '../interaction-context.ts';
import { replyPrivately } from '../interaction-replies.ts';
import type { ListenerContext } from '../listener-context.ts';

/**
 * Asks the core again for the reply a button sits under, with the question its custom_id carries (a replay:
 * neither rate limited nor counted, and never able to change state). When the question was forgotten (a
 * restart), tells the clicker privately and returns undefined.
 */
export async function replayClick(
  context: ListenerContext,
  interaction: ButtonInteraction,
  prefix: string,
  surface: Pick<AskContext, 'privateReply' | 'english' | 'sharedBy'> = {},
): Promise<Reply | undefined> {
  const query = context.customIds.queryFor(interaction.customId, prefix);
  if (query === undefined) {
    await replyPrivately(interaction, BUTTON_EXPIRED);
    return undefined;
  }
  return context.bot.ask(query, { ...askContext(interaction), replay: true, ...surface });
}
