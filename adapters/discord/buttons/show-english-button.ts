import { replyInParts } from '../interaction-replies.ts';
import type { ButtonHandler } from '../listener-context.ts';
import { renderReply } from '../render-embeds.ts';
import { actionRows } from './action-rows.ts';
import { SHOW_ENGLISH_PREFIX } from './query-custom-ids.ts';
import { replayClick } from './replay-click.ts';

/**
 * "Show in English" under an Arabic answer: shows the same answer, each quote with its unofficial English
 * translation, to the person who clicked only, with the actions the core still offers (👍 / 👎).
 */
export const showEnglishButton: ButtonHandler = {
  prefix: SHOW_ENGLISH_PREFIX,

  async execute(context, interaction) {
    const reply = await replayClick(context, interaction, SHOW_ENGLISH_PREFIX, { english: true });
    if (reply)
      await replyInParts(interaction, renderReply(reply), { ephemeral: true, components: actionRows(context, reply) });
  },
};
