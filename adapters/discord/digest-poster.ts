import { type Client, DiscordAPIError, type Message, RateLimitError, type SendableChannels } from 'discord.js';
import type { DigestPost } from '../../src/answer/digest-reply.ts';
import {
  type DigestPoster,
  type DigestTarget,
  PermanentPostError,
  RateLimitedPostError,
} from '../../src/digests/digest-poster.ts';
import type { Logger } from '../../src/logger.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';
import { channelAllowsFiles } from './can-attach-files.ts';
import { NO_MENTIONS } from './listener-context.ts';
import { renderOneMessage } from './render-embeds.ts';
import { rateLimitWaitMs } from './rest-options.ts';

/**
 * Discord errors after which retrying cannot help: Missing Access (the bot cannot see the channel or was
 * removed), Unknown Channel (deleted), Missing Permissions (no Send Messages, Embed Links or Attach Files).
 * https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
 */
const PERMANENT_CODES: ReadonlySet<number | string> = new Set([50001, 10003, 50013]);

/** How many recent messages `findPosted` looks through. */
const RECENT_MESSAGES = 50;

/**
 * Posts digests through the adapter's logged-in client, exactly once per digest:
 *
 * - `post` sends the message, with the progress chart as its attachment (`status.png`, shown by the embed), in one
 *   request with the delivery's nonce and `enforceNonce: true`; Discord answers a repeat of the same nonce in the
 *   same channel (for a few minutes) with the first message instead of a second one. Without Attach Files in the
 *   channel the digest goes without the picture, showing the chart's words.
 * - The embed's title link carries the nonce too (`…#treaty-digest-<nonce>`), because Discord does not return a
 *   message's nonce when messages are read back later. `findPosted` looks for that link among the bot's last 50
 *   messages in the channel, so a digest that reached Discord before a crash is found after any restart, long
 *   after the nonce has expired.
 */
export function createDiscordDigestPoster(client: Client, logger: Logger): DigestPoster<DigestPost> {
  return {
    async post(target, payload, { nonce }) {
      const channel = await sendableChannel(client, target);
      const { embeds, files = [] } = renderOneMessage(payload.reply, {
        attachFiles: channelAllowsFiles(client, channel),
      });
      const [first, ...rest] = embeds;
      const marked = first ? [{ ...first, url: digestUrl(nonce) }, ...rest] : embeds;
      try {
        // One request: the embeds and the chart's PNG they show (multipart), under the one nonce.
        const message = await channel.send({
          embeds: marked,
          files,
          allowedMentions: NO_MENTIONS,
          nonce,
          enforceNonce: true,
        });
        return { messageId: message.id };
      } catch (error) {
        throw classify(error, target);
      }
    },

    async findPosted(target, nonce) {
      let recent: Message[];
      try {
        const channel = await sendableChannel(client, target);
        recent = [...(await channel.messages.fetch({ limit: RECENT_MESSAGES, cache: false })).values()];
      } catch (error) {
        // A passing error (network, 5xx): the delivery waits for the next run rather than risk a double post.
        if (!(error instanceof PermanentPostError || isPermanent(error))) throw error;
        // The channel is gone, or the bot cannot read its history: nothing can be checked. The retry goes ahead
        // with the same nonce, which stops a double post while Discord remembers it (a few minutes, longer than
        // the first retry delay); in a channel that is gone the post fails for good, giving the delivery up.
        logger.warn(
          { channel: target.channel, err: error },
          'discord: cannot read the channel to look for an earlier digest',
        );
        return undefined;
      }
      const url = digestUrl(nonce);
      const found = recent.find(
        (message) =>
          message.author.id === client.user?.id &&
          (message.nonce === nonce || message.embeds.some((embed) => embed.url === url)),
      );
      return found ? { messageId: found.id } : undefined;
    },
  };
}

/** The title link of a digest: the UNTC status page, with the nonce in the fragment (ignored by the page). */
export function digestUrl(nonce: string): string {
  return `${STATUS_PAGE_URL}#treaty-digest-${nonce}`;
}

/** The target channel (from the cache, else fetched); a PermanentPostError when it is gone or not a text channel. */
async function sendableChannel(client: Client, target: DigestTarget): Promise<SendableChannels> {
  const channel = await client.channels.fetch(target.channel).catch((error: unknown) => {
    throw classify(error, target);
  });
  if (!channel?.isSendable()) {
    throw new PermanentPostError(`discord: channel ${target.channel} is not a text channel the bot can post in`);
  }
  return channel;
}

function isPermanent(error: unknown): boolean {
  return error instanceof DiscordAPIError && PERMANENT_CODES.has(error.code);
}

/**
 * A PermanentPostError for the codes retrying cannot fix, a RateLimitedPostError for a rate limit too long to
 * wait out in the client (see rest-options.ts); other errors as they are (retried later).
 */
function classify(error: unknown, target: DigestTarget): unknown {
  if (error instanceof RateLimitError) {
    const waitMs = rateLimitWaitMs(error);
    return new RateLimitedPostError(`discord: rate limited in channel ${target.channel} for ${waitMs} ms`, waitMs);
  }
  if (!isPermanent(error)) return error;
  const { code, message } = error as DiscordAPIError;
  return new PermanentPostError(`discord: cannot post to channel ${target.channel}: ${message} (${code})`, {
    cause: error,
  });
}
