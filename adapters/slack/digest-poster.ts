import { webApi } from '@slack/bolt';
import type { DigestPost } from '../../src/answer/digest-reply.ts';
import {
  type DigestPoster,
  type DigestTarget,
  PermanentPostError,
  RateLimitedPostError,
} from '../../src/digests/digest-poster.ts';
import type { Logger } from '../../src/logger.ts';
import { uploadChart } from './chart-upload.ts';
import { slackErrorFields } from './compose-answer.ts';
import { postShowingChart } from './post-showing-chart.ts';

/** `metadata.event_type` of every digest message; its `event_payload.nonce` identifies the digest. */
const DIGEST_EVENT_TYPE = 'treaty_digest';
/** Recent messages searched for an earlier post of a digest (a retry comes within minutes). */
const HISTORY_LIMIT = 50;

/**
 * Slack API errors that retrying cannot fix: the channel is gone or archived, the bot was removed from it, or
 * the app lacks a scope. The delivery fails at once; the changes come again with the channel's next digest.
 */
const PERMANENT_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope']);

/**
 * Posts digests as one message each: the chart's PNG uploaded unshared first (`uploadChart`, scope `files:write`),
 * then `chat.postMessage` with the blocks and an image block showing it (scope `chat:write`; the bot must be in
 * the channel). Slack has no nonce, so each message carries
 * `metadata: { event_type: 'treaty_digest', event_payload: { nonce } }` and `findPosted` looks for that nonce in
 * the channel's last 50 messages (`conversations.history` with `include_all_metadata`; scopes `channels:history`
 * and `groups:history`, `im:history` for DMs). The delivery core asks `findPosted` before retrying an attempt that
 * may have reached Slack, so a digest is never doubled, whether the attempt died before, during or after its post.
 */
export function createSlackDigestPoster(client: webApi.WebClient, logger: Logger): DigestPoster<DigestPost> {
  return {
    async post(target, payload, { nonce }) {
      // Every attempt uploads the chart anew: nothing is posted before the message itself, and a file left by an
      // attempt cut short is private to the bot and shared nowhere.
      const files = await uploadChart(client, payload.reply, logger).catch((error: unknown) => {
        throw classify(error, target, logger, 'files.uploadV2');
      });
      try {
        const result = await postShowingChart(
          client,
          payload.reply,
          files,
          {
            channel: target.channel,
            metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { nonce } },
            unfurl_links: false,
            unfurl_media: false,
          },
          logger,
        );
        if (!result.ts) throw new Error('slack: chat.postMessage returned no ts');
        return { messageId: result.ts };
      } catch (error) {
        throw classify(error, target, logger, 'chat.postMessage');
      }
    },

    async findPosted(target, nonce) {
      try {
        const history = await client.conversations.history({
          channel: target.channel,
          limit: HISTORY_LIMIT,
          include_all_metadata: true,
        });
        const found = history.messages?.find(
          (message) =>
            message.metadata?.event_type === DIGEST_EVENT_TYPE &&
            (message.metadata.event_payload as { nonce?: unknown } | undefined)?.nonce === nonce,
        );
        return found?.ts ? { messageId: found.ts } : undefined;
      } catch (error) {
        throw classify(error, target, logger, 'conversations.history');
      }
    },
  };
}

/**
 * A `PermanentPostError` for the errors retrying cannot fix, a `RateLimitedPostError` for a 429 (the client is
 * built not to wait it out: see `slackDigestClient`); anything else unchanged. Logged either way.
 */
function classify(error: unknown, target: DigestTarget, logger: Logger, method: string): unknown {
  const fields = { ...target, method, ...slackErrorFields(error) };
  if (isRateLimited(error)) {
    const { retryAfter } = error as { retryAfter: number };
    logger.warn({ ...fields, retryAfterSeconds: retryAfter }, `slack: ${method} rate limited for a digest`);
    return new RateLimitedPostError(`slack: ${method}: rate limited for ${retryAfter} s`, retryAfter * 1000);
  }
  if (fields.apiError && PERMANENT_ERRORS.has(fields.apiError)) {
    logger.warn(fields, `slack: ${method} failed for a digest (${fields.apiError}); not retrying`);
    return new PermanentPostError(`slack: ${method}: ${fields.apiError} in ${target.channel}`);
  }
  logger.warn(fields, `slack: ${method} failed for a digest`);
  return error;
}

/** The WebClient's WebAPIRateLimitedError, by its code. */
function isRateLimited(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === webApi.ErrorCode.RateLimitedError;
}
