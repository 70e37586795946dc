import { withStatusChart } from '../../../src/chart/with-status-chart.ts';
import { interactionAllowsFiles } from '../can-attach-files.ts';
import { scopeOf } from '../interaction-context.ts';
import { replyInParts } from '../interaction-replies.ts';
import type { ButtonHandler } from '../listener-context.ts';
import { renderReply } from '../render-embeds.ts';
import { actionRows } from './action-rows.ts';
import { SHARE_PREFIX } from './query-custom-ids.ts';
import { replayClick } from './replay-click.ts';

/**
 * "Share in channel": answers the question again and posts the answer publicly, headed "Shared by @user".
 *
 * It posts as the interaction's response rather than with a channel message request: the interaction token works
 * without the Send Messages permission and in channels the bot has no cache for, and Discord shows the answer as
 * a response to the clicking user. The mention in "Shared by" renders the name but, with `parse: []`, pings nobody.
 * The shared answer keeps its 👍 / 👎 buttons (when feedback is recorded), for anyone in the channel to vote; a
 * shared status carries the progress chart, like the private one.
 */
export const shareButton: ButtonHandler = {
  prefix: SHARE_PREFIX,

  async execute(context, interaction) {
    const replayed = await replayClick(context, interaction, SHARE_PREFIX, { sharedBy: interaction.user.id });
    if (!replayed) return;
    const reply = await withStatusChart(replayed, context.logger);
    const messages = renderReply(reply, { attachFiles: interactionAllowsFiles(interaction) });
    await replyInParts(interaction, messages, { ephemeral: false, components: actionRows(context, reply) });
    context.logger.debug({ ...scopeOf(interaction), kind: reply.kind }, 'discord: shared an answer in the channel');
  },
};
