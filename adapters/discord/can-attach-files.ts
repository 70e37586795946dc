import { type Client, PermissionFlagsBits, type RepliableInteraction, type SendableChannels } from 'discord.js';

/**
 * Whether the bot may attach files (the chart's PNG) where it posts. The invite asks for Attach Files, but a server
 * invited before the chart, or a channel override, may deny it; Discord then refuses the whole message (Missing
 * Permissions), so the message goes without the picture, showing the chart's words instead (see `RenderOptions`).
 */

/** In a channel the bot posts to itself (digests, mention answers): its own permissions there; DMs allow files. */
export function channelAllowsFiles(client: Client, channel: SendableChannels): boolean {
  if (channel.isDMBased()) return true;
  const me = channel.guild.members.me ?? client.user;
  // Permissions that cannot be worked out from the cache count as denied: a digest must not fail for a picture.
  return (me && channel.permissionsFor(me)?.has(PermissionFlagsBits.AttachFiles)) ?? false;
}

/** For an interaction's reply: the app's permissions in its channel, which Discord sends with the interaction. */
export function interactionAllowsFiles(interaction: RepliableInteraction): boolean {
  return interaction.appPermissions?.has(PermissionFlagsBits.AttachFiles) ?? false;
}
