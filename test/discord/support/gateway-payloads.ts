/** Gateway dispatch payloads as Discord sends them, for the fake to deliver to the real client. */
import { SHARE_LABEL } from '../../../src/answer/phrases.ts';
import { botUser, humanUser, ids } from './fake-discord.ts';

let counter = 0n;
/** A fresh snowflake per payload, so discord.js never sees the same message or interaction twice. */
export function snowflake(): string {
  counter += 1n;
  return String(700000000000000000n + counter);
}

export interface GuildMessageOptions {
  author?: object;
  /** Users the message mentions (Discord resolves `<@id>` in the content into this list). */
  mentions?: object[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  channelId?: string;
  channelType?: number;
}

/** MESSAGE_CREATE in the guild's text channel (or a thread, with `channelId`/`channelType`). */
export function guildMessage(content: string, options: GuildMessageOptions = {}): object {
  const author = options.author ?? humanUser;
  return {
    ...messageBase(content, author, options.channelId ?? ids.channel),
    guild_id: ids.guild,
    channel_type: options.channelType ?? 0,
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    mentions: options.mentions ?? [],
    mention_roles: options.mentionRoles ?? [],
    mention_everyone: options.mentionEveryone ?? false,
  };
}

/** MESSAGE_CREATE in a DM with the bot: no guild, channel type 1. */
export function directMessage(content: string): object {
  return {
    ...messageBase(content, humanUser, ids.dm),
    channel_type: 1,
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
  };
}

/** The member's permissions in the channel by default: View Channel, Send Messages and more, not Manage Channels. */
export const MEMBER_PERMISSIONS = '2248473465835073';
/** The same plus Manage Channels (0x10), which lets a member change the channel's digest subscriptions. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 0x10n);

/**
 * A `/treaty` APPLICATION_COMMAND interaction (type 2), in the guild channel or in a DM with the bot;
 * `permissions` is the member's computed permissions in the channel (`member.permissions`).
 */
export function chatInputInteraction(
  query?: string,
  where: 'guild' | 'dm' = 'guild',
  permissions = MEMBER_PERMISSIONS,
): object {
  const options = query === undefined ? [] : [{ name: 'query', type: 3, value: query }];
  const base = interactionBase(2, { id: ids.command, name: 'treaty', type: 1, options }) as { member: object };
  const interaction = { ...base, member: { ...base.member, permissions } };
  if (where === 'guild') return interaction;
  // In a DM there is no guild or member: the user comes on its own and the channel is the DM.
  const { guild_id: _guild, member: _member, guild_locale: _locale, ...dm } = interaction as Record<string, unknown>;
  return {
    ...dm,
    user: humanUser,
    channel_id: ids.dm,
    channel: { id: ids.dm, type: 1, recipients: [humanUser] },
    authorizing_integration_owners: { '0': ids.guild },
    context: 1,
  };
}

/** An APPLICATION_COMMAND_AUTOCOMPLETE interaction (type 4) while the user types into `query`. */
export function autocompleteInteraction(typed: string): object {
  return interactionBase(4, {
    id: ids.command,
    name: 'treaty',
    type: 1,
    options: [{ name: 'query', type: 3, value: typed, focused: true }],
  });
}

/** A MESSAGE_COMPONENT interaction (type 3): a click by `user` (Amal by default) on a button of the bot's answer. */
export function buttonInteraction(customId: string, user: object = humanUser): object {
  const base = interactionBase(3, { custom_id: customId, component_type: 2 }) as { member: object };
  return {
    ...base,
    member: { ...base.member, user },
    message: {
      ...messageBase('', botUser, ids.channel),
      flags: 64,
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      components: [{ type: 1, components: [{ type: 2, style: 1, label: SHARE_LABEL, custom_id: customId }] }],
    },
  };
}

function messageBase(content: string, author: object, channelId: string): object {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

function interactionBase(type: number, data: object): object {
  const id = snowflake();
  return {
    id,
    application_id: ids.bot,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: ids.guild,
    channel_id: ids.channel,
    channel: { id: ids.channel, type: 0, name: 'general', guild_id: ids.guild, position: 0, permission_overwrites: [] },
    member: {
      user: humanUser,
      roles: [],
      permissions: MEMBER_PERMISSIONS,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': ids.guild },
    context: 0,
    data,
  };
}
