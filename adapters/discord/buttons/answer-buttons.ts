import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Reply } from '../../../src/answer/reply.ts';
import type { DiscordContext } from '../discord-context.ts';
import { isVotable, voteButtons } from './feedback-vote.ts';

export interface AnswerButtonsOptions {
  /** Offer "Post to channel" (ephemeral `/treaty` answers in a guild); only answers with excerpts get it. */
  share: boolean;
}

/**
 * The buttons under an answer, in one action row (Discord allows five buttons a row): "Post to channel" when
 * sharing is offered, then 👍 / 👎 for answers and abstentions when feedback is recorded. No row when no button.
 * `query` is what a click asks the core again; every button of the row shares its key when it is long.
 */
export function answerRows(
  context: DiscordContext,
  reply: Pick<Reply, 'kind'>,
  query: string,
  options: AnswerButtonsOptions,
): ActionRowBuilder<ButtonBuilder>[] {
  const buttons = [
    ...(options.share && reply.kind === 'answer' ? [postToChannelButton(context.customIds.customIdFor(query))] : []),
    ...(context.feedback && isVotable(reply.kind) ? voteButtons(context.customIds, query) : []),
  ];
  return buttons.length > 0 ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [];
}

/** The "Post to channel" button under an ephemeral answer. */
export function postToChannelButton(customId: string): ButtonBuilder {
  return new ButtonBuilder().setCustomId(customId).setLabel('Post to channel').setStyle(ButtonStyle.Primary);
}
