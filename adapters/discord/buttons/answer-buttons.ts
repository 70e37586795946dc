import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Reply } from '../../../src/answer/reply.ts';
import type { DiscordContext } from '../discord-context.ts';
import { isVotable, voteButtons } from './feedback-vote.ts';
import { SHOW_ENGLISH_PREFIX } from './query-custom-ids.ts';

export interface AnswerButtonsOptions {
  /** Offer "Post to channel" (ephemeral `/treaty` answers in a guild); only answers with excerpts get it. */
  share: boolean;
}

/**
 * The buttons under an answer, in one action row (Discord allows five buttons a row): "Post to channel" when
 * sharing is offered, "Show in English" under an Arabic answer, then 👍 / 👎 for answers and abstentions when feedback is recorded. No row when no button.
 * `query` is what a click asks the core again; every button of the row shares its key when it is long.
 */
export function answerRows(
  context: DiscordContext,
  reply: Pick<Reply, 'kind' | 'lang' | 'excerpts'>,
  query: string,
  options: AnswerButtonsOptions,
): ActionRowBuilder<ButtonBuilder>[] {
  const buttons = [
    ...(options.share && reply.kind === 'answer' ? [postToChannelButton(context.customIds.customIdFor(query))] : []),
    ...(offersEnglish(reply) ? [showEnglishButton(context.customIds.customIdFor(query, SHOW_ENGLISH_PREFIX))] : []),
    ...(context.feedback && isVotable(reply.kind) ? voteButtons(context.customIds, query) : []),
  ];
  return buttons.length > 0 ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [];
}

/** An Arabic answer whose quotes have an English translation offers to show it (an English one shows it already). */
function offersEnglish(reply: Pick<Reply, 'lang' | 'excerpts'>): boolean {
  return reply.lang === 'ar' && reply.excerpts.some((excerpt) => excerpt.translation);
}

/** The "Show in English" button under an Arabic answer. */
function showEnglishButton(customId: string): ButtonBuilder {
  return new ButtonBuilder().setCustomId(customId).setLabel('Show in English').setStyle(ButtonStyle.Secondary);
}

/** The "Post to channel" button under an ephemeral answer. */
export function postToChannelButton(customId: string): ButtonBuilder {
  return new ButtonBuilder().setCustomId(customId).setLabel('Post to channel').setStyle(ButtonStyle.Primary);
}
