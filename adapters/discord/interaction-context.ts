import type { Interaction } from 'discord.js';
import type { AskContext } from '../../src/answer/treaty-bot.ts';

/** The core's view of who asks, from where. */
export function askContext(interaction: Interaction): AskContext {
  return {
    platform: 'discord',
    ...(interaction.guildId ? { workspace: interaction.guildId } : {}),
    ...(interaction.channelId ? { channel: interaction.channelId } : {}),
    user: interaction.user.id,
    locale: interaction.locale,
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
