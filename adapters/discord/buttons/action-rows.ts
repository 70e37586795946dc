import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { Action, Reply } from '../../../src/answer/reply.ts';
import type { ListenerContext } from '../listener-context.ts';
import { SHARE_PREFIX, SHOW_ENGLISH_PREFIX, VOTE_DOWN_PREFIX, VOTE_UP_PREFIX } from './query-custom-ids.ts';

/**
 * The reply's actions as buttons in one action row (Discord allows five a row); none when it has no action.
 * Every button carries `reply.query`, which a click asks the core again; the buttons of one reply share its key
 * when the query is too long for a custom_id.
 */
export function actionRows(
  context: ListenerContext,
  reply: Pick<Reply, 'actions' | 'query'>,
): ActionRowBuilder<ButtonBuilder>[] {
  if (!reply.query) return [];
  const id = (prefix: string) => context.customIds.customIdFor(reply.query, prefix);
  const buttons = reply.actions.flatMap((action) => actionButtons(action, id));
  return buttons.length > 0 ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [];
}

function actionButtons(action: Action, id: (prefix: string) => string): ButtonBuilder[] {
  switch (action.type) {
    case 'share':
      return [new ButtonBuilder().setCustomId(id(SHARE_PREFIX)).setLabel(action.label).setStyle(ButtonStyle.Primary)];
    case 'english':
      return [
        new ButtonBuilder().setCustomId(id(SHOW_ENGLISH_PREFIX)).setLabel(action.label).setStyle(ButtonStyle.Secondary),
      ];
    case 'vote':
      return [
        new ButtonBuilder()
          .setCustomId(id(VOTE_UP_PREFIX))
          .setEmoji({ name: action.up.label })
          .setStyle(ButtonStyle.Secondary),
        new ButtonBuilder()
          .setCustomId(id(VOTE_DOWN_PREFIX))
          .setEmoji({ name: action.down.label })
          .setStyle(ButtonStyle.Secondary),
      ];
  }
}
