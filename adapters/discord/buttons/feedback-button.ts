import { BUTTON_EXPIRED, FEEDBACK_NOT_SAVED, FEEDBACK_THANKS } from '../../../src/answer/phrases.ts';
import { scopeOf } from '../interaction-context.ts';
import { replyPrivately } from '../interaction-replies.ts';
import type { ButtonHandler } from '../listener-context.ts';
import { VOTE_DOWN_PREFIX, VOTE_PREFIX, VOTE_UP_PREFIX } from './query-custom-ids.ts';

/**
 * A 👍 / 👎 click: the core asks the question again (the custom_id holds the question, not the reply) and records
 * the vote under the clicking user; the clicker is thanked privately. Anyone who sees the answer may vote, on a
 * shared answer too; nothing is posted to the channel.
 */
export const feedbackButton: ButtonHandler = {
  prefix: VOTE_PREFIX,

  async execute(context, interaction) {
    const vote = interaction.customId.startsWith(VOTE_UP_PREFIX) ? 'up' : 'down';
    const scope = { ...scopeOf(interaction), vote };
    const query = context.customIds.queryFor(interaction.customId, vote === 'up' ? VOTE_UP_PREFIX : VOTE_DOWN_PREFIX);
    if (query === undefined) {
      context.logger.warn(scope, 'discord: vote lost, the question behind the button was forgotten');
      await replyPrivately(interaction, BUTTON_EXPIRED);
      return;
    }
    let recorded = false;
    try {
      recorded = context.bot.vote(query, vote, { platform: 'discord', user: interaction.user.id });
      if (recorded) context.logger.debug(scope, 'discord: recorded a vote');
      else context.logger.warn(scope, 'discord: a vote was ignored: votes are not recorded, or not for this reply');
    } catch (error) {
      context.logger.error({ ...scope, err: error }, 'discord: could not record a vote');
    }
    await replyPrivately(interaction, recorded ? FEEDBACK_THANKS : FEEDBACK_NOT_SAVED);
  },
};
