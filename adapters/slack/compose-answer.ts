import type { Reply } from '../../src/answer/reply.ts';
import type { AskContext, TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { Logger } from '../../src/logger.ts';
import type { SeenEvents } from './event-dedupe.ts';
import { apologyMessage, renderReply, type SlackMessage } from './render-blocks.ts';

/** The part of the core the Slack listeners call (tests pass a fake that throws). */
export type AnswerSource = Pick<TreatyBot, 'ask' | 'vote'>;

/** What every listener is built from. */
export interface ListenerContext {
  bot: AnswerSource;
  logger: Logger;
  /** Messages and events already answered, to answer each question once. */
  seen: SeenEvents;
  /** SLACK_ADMIN_USER_IDS: users who may manage digest subscriptions besides workspace admins and owners. */
  adminUserIds?: readonly string[];
}

/** Who asked, where, and through what; the fields every log line about a question carries. */
export interface Asker {
  team?: string | undefined;
  channel?: string | undefined;
  user?: string | undefined;
  /** `/treaty`, `app_mention`, `message.im`, `share`, `show-english` or `feedback`. */
  via: string;
  /** Set for `subscribe` / `unsubscribe` only: whether this user may change the channel's digests. */
  canManageSubscriptions?: boolean;
}

/** Clicks that rebuild a reply already given, rather than ask a new question. */
const REPLAYS = new Set(['share', 'show-english', 'feedback']);

/** A rendered answer, or the apology that replaces it when answering failed. */
export interface ComposedAnswer {
  message: SlackMessage;
  /** False when `message` is the apology. */
  answered: boolean;
  /** The core's reply `message` renders, when answered (a status shared with its chart is rendered again). */
  reply?: Reply;
}

/**
 * Asks the core and renders its reply for Slack. Never throws: when the core (or rendering) fails, the
 * message is a short apology and the log gets the error with who asked where; no stack trace reaches chat.
 */
export function composeAnswer(
  bot: AnswerSource,
  text: string,
  asker: Asker,
  logger: Logger,
  surface: Pick<AskContext, 'privateReply' | 'english' | 'sharedBy'> = {},
): ComposedAnswer {
  try {
    const reply = bot.ask(text, {
      platform: 'slack',
      workspace: asker.team,
      channel: asker.channel,
      user: asker.user,
      ...(asker.canManageSubscriptions === undefined ? {} : { canManageSubscriptions: asker.canManageSubscriptions }),
      ...(REPLAYS.has(asker.via) ? { replay: true } : {}),
      ...surface,
    });
    return { message: renderReply(reply), answered: true, reply };
  } catch (error) {
    logger.error({ err: error, ...asker }, 'slack: answering failed; the user gets an apology');
    return { message: apologyMessage(), answered: false };
  }
}

/**
 * Log fields for a failed Slack call: the error plus Slack's own code (`slack_webapi_platform_error`,
 * `slack_webapi_rate_limited_error`, …) and API error (`not_in_channel`, `channel_not_found`, …) when present.
 */
export function slackErrorFields(error: unknown): { err: unknown; code?: string; apiError?: string } {
  const coded = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    data?: { error?: unknown };
  };
  return {
    err: error,
    ...(typeof coded.code === 'string' ? { code: coded.code } : {}),
    ...(typeof coded.data?.error === 'string' ? { apiError: coded.data.error } : {}),
  };
}
