import { Events, type Message } from 'discord.js';
import { needsPermission } from '../../../src/answer/command.ts';
import { APOLOGY } from '../../../src/answer/phrases.ts';
import type { AskContext } from '../../../src/answer/treaty-bot.ts';
import { withStatusChart } from '../../../src/chart/with-status-chart.ts';
import { actionRows } from '../buttons/action-rows.ts';
import { channelAllowsFiles } from '../can-attach-files.ts';
import { type GatewayEvent, type ListenerContext, NO_MENTIONS } from '../listener-context.ts';
import { renderReply } from '../render-embeds.ts';
import { messageCanManageChannels } from '../subscription-permission.ts';

/**
 * Answers a message that @mentions the bot (in a channel or thread) or is sent to it in a DM, as a reply to that
 * message. The text goes to the core as typed: the core strips mention syntax itself. When feedback is recorded,
 * answers and abstentions carry 👍 / 👎 buttons under their last message.
 */
export const messageCreate = {
  name: Events.MessageCreate,

  async execute(context: ListenerContext, message: Message): Promise<void> {
    if (!isAddressedToBot(message)) return;
    const scope = { guild: message.guildId, channel: message.channelId, message: message.id, user: message.author.id };
    try {
      // A status carries the progress chart, where the bot may attach files.
      const reply = await withStatusChart(context.bot.ask(message.content, askContext(message)), context.logger);
      const attachFiles = message.channel.isSendable() && channelAllowsFiles(message.client, message.channel);
      const rendered = renderReply(reply, { attachFiles });
      const parts = rendered.length > 0 ? rendered : [{ embeds: [] }];
      // 👍 / 👎 under the last part. A click asks `reply.query` again: the text as searched, without the mention.
      const rows = actionRows(context, reply);
      const withButtons = (index: number) =>
        index === parts.length - 1 && rows.length > 0 ? { components: rows } : {};
      for (const [index, part] of parts.entries()) {
        if (index === 0) {
          // failIfNotExists: false — if the question was deleted meanwhile, the answer is still posted.
          await message.reply({ ...part, ...withButtons(index), allowedMentions: NO_MENTIONS, failIfNotExists: false });
        } else if (message.channel.isSendable()) {
          await message.channel.send({ ...part, ...withButtons(index), allowedMentions: NO_MENTIONS });
        }
      }
      context.logger.debug({ ...scope, kind: reply.kind }, 'discord: answered a message');
    } catch (error) {
      context.logger.error({ ...scope, err: error }, 'discord: could not answer a message');
      await message
        .reply({ content: APOLOGY, allowedMentions: NO_MENTIONS, failIfNotExists: false })
        .catch((apologyError: unknown) =>
          context.logger.error({ ...scope, err: apologyError }, 'discord: could not send the apology'),
        );
    }
  },
} satisfies GatewayEvent<Events.MessageCreate>;

/**
 * True for a DM to the bot, and for a guild message that mentions the bot user or the bot's own managed role
 * (Discord's mention picker often offers the role under the bot's name). False for bots (itself included), webhooks,
 * system messages, and messages that only mention @everyone, @here, other users or other roles.
 */
function isAddressedToBot(message: Message): boolean {
  const me = message.client.user.id;
  if (message.author.bot || message.webhookId || message.system || message.author.id === me) return false;
  if (!message.inGuild()) return true;
  return message.mentions.users.has(me) || message.mentions.roles.some((role) => role.tags?.botId === me);
}

/** Who asks, from where; for `subscribe`/`unsubscribe`, whether the author has Manage Channels in the channel. */
function askContext(message: Message): AskContext {
  return {
    platform: 'discord',
    ...(message.guildId ? { workspace: message.guildId } : {}),
    channel: message.channelId,
    user: message.author.id,
    ...(message.guild ? { locale: message.guild.preferredLocale } : {}),
    ...(needsPermission(message.content) ? { canManageSubscriptions: messageCanManageChannels(message) } : {}),
  };
}
