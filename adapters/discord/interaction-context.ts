import type { Interaction } from 'discord.js';
import { needsPermission } from '../../src/answer/command.ts';
import type { AskContext } from '../../src/answer/treaty-bot.ts';
import { interactionCanManageChannels } from './subscription-permission.ts';

/**
 * The core's view of who asks, from where. For `subscribe` and `unsubscribe` it adds whether the member may
 * change the channel's digest subscriptions (Manage Channels in that channel).
 */
export function askContext(interaction: Interaction, query = ''): AskContext {
  return {
    platform: 'discord',
    ...(interaction.guildId ? { workspace: interaction.guildId } : {}),
    ...(interaction.channelId ? { channel: interaction.channelId } : {}),
    user: interaction.user.id,
    locale: interaction.locale,
    ...(needsPermission(query) ? { canManageSubscriptions: interactionCanManageChannels(interaction) } : {}),
  };
}

/** Ids that locate an interaction in the logs; never its token. */
export function scopeOf(interaction: Interaction): Record<string, string | null> {
  return {
    interaction: interaction.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
  };
}
