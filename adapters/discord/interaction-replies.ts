import {
  type ActionRowBuilder,
  type ButtonBuilder,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { RenderedMessage } from './embed-limits.ts';
import { NO_MENTIONS } from './listener-context.ts';

export interface ReplyInPartsOptions {
  /** Only the user sees the reply (slash command answers); otherwise everyone in the channel does. */
  ephemeral: boolean;
  /** Buttons under the last message. */
  components?: ActionRowBuilder<ButtonBuilder>[];
}

/**
 * Answers an interaction with rendered messages: the first is the interaction's response, the others follow-ups
 * (a long answer split to fit Discord's limits). A deferred interaction gets its first message as an edit.
 */
export async function replyInParts(
  interaction: RepliableInteraction,
  messages: RenderedMessage[],
  options: ReplyInPartsOptions,
): Promise<void> {
  const parts = messages.length > 0 ? messages : [{ embeds: [] }];
  for (const [index, part] of parts.entries()) {
    const payload: InteractionReplyOptions = {
      ...part,
      allowedMentions: NO_MENTIONS,
      ...(index === parts.length - 1 && options.components ? { components: options.components } : {}),
      ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    };
    if (index > 0) await interaction.followUp(payload);
    else if (interaction.deferred) await interaction.editReply({ ...payload, flags: undefined });
    else await interaction.reply(payload);
  }
}

/** Tells the user, privately, that something failed; a second failure is the caller's to log. */
export async function replyPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = { content, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}
