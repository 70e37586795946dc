import { type Interaction, type Message, PermissionFlagsBits } from 'discord.js';

/**
 * Who may change a channel's digest subscriptions on Discord: a member with **Manage Channels** in that channel
 * (Administrator implies it). Nobody in a DM, which has no channel to subscribe. The adapter only gives its
 * verdict; the core refuses.
 */

/** The member's Manage Channels permission in the interaction's channel, as Discord computed it. */
export function interactionCanManageChannels(interaction: Interaction): boolean {
  return interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true;
}

/** The author's Manage Channels permission in the message's channel (roles and overwrites from the cache). */
export function messageCanManageChannels(message: Message): boolean {
  if (!message.inGuild()) return false;
  return message.member?.permissionsIn(message.channel).has(PermissionFlagsBits.ManageChannels) === true;
}
