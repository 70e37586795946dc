import { ButtonBuilder, type ButtonInteraction, ButtonStyle } from 'discord.js';
import type { ReplyKind } from '../../../src/answer/reply.ts';
import type { DiscordContext } from '../discord-context.ts';
import { describeError } from '../failures.ts';
import { askContext, scopeOf } from '../interaction-context.ts';
import { replyPrivately } from '../interaction-replies.ts';
import { asksToChangeSubscriptions } from '../subscription-permission.ts';
import { type QueryCustomIds, VOTE_DOWN_PREFIX, VOTE_PREFIX, VOTE_UP_PREFIX } from './query-custom-ids.ts';

/** The ephemeral acknowledgement of a vote. */
export const THANKS = 'Thanks for the feedback!';
/** When the question behind a vote button was forgotten (a restart, or too many long questions since). */
export const VOTE_EXPIRED =
  'Sorry, this answer can no longer be rated (the bot restarted). Ask again to rate the new one.';
/** When the vote could not be recorded. */
export const VOTE_FAILED = 'Sorry, your feedback could not be recorded. Please try again in a moment.';

/** The replies worth a 👍 / 👎: answers with excerpts and abstentions, not help, topic lists or status. */
export function isVotable(kind: ReplyKind): boolean {
  return kind === 'answer' || kind === 'no_answer';
}

/** The 👍 and 👎 buttons for the answer to `query`. */
export function voteButtons(customIds: QueryCustomIds, query: string): ButtonBuilder[] {
  return [
    new ButtonBuilder()
      .setCustomId(customIds.customIdFor(query, VOTE_UP_PREFIX))
      .setEmoji({ name: '👍' })
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(customIds.customIdFor(query, VOTE_DOWN_PREFIX))
      .setEmoji({ name: '👎' })
      .setStyle(ButtonStyle.Secondary),
  ];
}

/**
 * A 👍 / 👎 click: asks the core the question again (the custom_id holds the question, not the reply) to learn the
 * reply's kind and citations, records the vote under the clicking user, and thanks them privately. Anyone who
 * sees the answer may vote, on a shared answer too; nothing is posted to the channel.
 */
export const feedbackVote = {
  matches(customId: string): boolean {
    return customId.startsWith(VOTE_PREFIX);
  },

  async execute(context: DiscordContext, interaction: ButtonInteraction): Promise<void> {
    const answer = recordVote(context, interaction);
    await replyPrivately(interaction, answer).catch((error: unknown) =>
      context.logger.error(
        { ...scopeOf(interaction), error: describeError(error) },
        'discord: could not answer a vote click',
      ),
    );
  },
};

/** Records the vote of a click; returns what to tell the user (thanks, or why not), having logged any failure. */
function recordVote(context: DiscordContext, interaction: ButtonInteraction): string {
  const vote = interaction.customId.startsWith(VOTE_UP_PREFIX) ? 'up' : 'down';
  const scope = { ...scopeOf(interaction), vote };
  const query = context.customIds.queryFor(interaction.customId, vote === 'up' ? VOTE_UP_PREFIX : VOTE_DOWN_PREFIX);
  if (query === undefined) {
    context.logger.error(scope, 'discord: vote lost, the question behind the button was forgotten');
    return VOTE_EXPIRED;
  }
  try {
    if (!context.feedback) throw new Error('feedback is not recorded in this installation');
    // Vote buttons sit only under answers and abstentions; a click must never (un)subscribe a channel.
    if (asksToChangeSubscriptions(query)) throw new Error('a vote on a subscription command');
    const reply = context.bot.ask(query, { ...askContext(interaction, query), replay: true });
    context.feedback.record({ question: reply.query, reply, vote, platform: 'discord', userId: interaction.user.id });
    context.logger.debug({ ...scope, kind: reply.kind }, 'discord: recorded a vote');
    return THANKS;
  } catch (error) {
    context.logger.error({ ...scope, error: describeError(error) }, 'discord: could not record a vote');
    return VOTE_FAILED;
  }
}
