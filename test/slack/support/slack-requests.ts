import { createHmac } from 'node:crypto';
import { FAKE_TEAM } from './fake-slack.ts';

/**
 * Requests as Slack sends them to an app in HTTP mode, signed the way Slack signs them:
 * `x-slack-signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">` with the app's signing secret.
 */

export const SIGNING_SECRET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
export const ASKER = 'U0ASKER';
export const CHANNEL = 'C0GENERAL';

export interface SignedPostOptions {
  contentType: string;
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  body: string;
  /** Time from sending the request to receiving the full response, in ms. */
  ms: number;
}

export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export async function postSigned(url: string, rawBody: string, options: SignedPostOptions): Promise<PostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(options.secret ?? SIGNING_SECRET, timestamp, rawBody),
      ...options.headers,
    },
    body: rawBody,
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

/** A `/treaty` slash command as a form body. */
export function slashCommandForm(text: string, responseUrl: string): string {
  return new URLSearchParams(slashCommandPayload(text, responseUrl)).toString();
}

export function slashCommandPayload(text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    team_domain: 'acme',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: ASKER,
    user_name: 'ana',
    command: '/treaty',
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1337.42.abcdef',
  };
}

/** An Events API callback wrapping `event`. */
export function eventCallback(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: FAKE_TEAM, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
  };
}

export function appMentionEvent(
  text: string,
  ts: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'app_mention', user: ASKER, text, ts, channel: CHANNEL, event_ts: ts, team: FAKE_TEAM, ...extra };
}

export function directMessageEvent(
  text: string,
  ts: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    channel: 'D0DIRECT',
    channel_type: 'im',
    user: ASKER,
    text,
    ts,
    event_ts: ts,
    team: FAKE_TEAM,
    ...extra,
  };
}

/** A click on the "Share in channel" button under an ephemeral answer, as the `payload` form field. */
export function shareClickForm(query: string, responseUrl: string): string {
  return buttonClickForm('treaty_share', 'Share in channel', query, responseUrl);
}

/** A click on the "Show in English" button under an Arabic answer, as the `payload` form field. */
export function showEnglishClickForm(query: string, responseUrl: string): string {
  return buttonClickForm('treaty_show_english', 'Show in English', query, responseUrl);
}

/** A click on one of the buttons under an ephemeral answer whose value is the query. */
function buttonClickForm(actionId: string, label: string, query: string, responseUrl: string): string {
  const payload = {
    type: 'block_actions',
    team: { id: FAKE_TEAM, domain: 'acme' },
    user: { id: ASKER, username: 'ana', name: 'ana', team_id: FAKE_TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000900', channel_id: CHANNEL, is_ephemeral: true },
    trigger_id: `1337.42.${actionId}`,
    channel: { id: CHANNEL, name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'treaty_reply_actions',
        text: { type: 'plain_text', text: label },
        value: query,
        action_ts: '1700000001.000100',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface FeedbackClickOptions {
  /** The button's value; `undefined` leaves it out of the payload. */
  value: string | undefined;
  responseUrl: string;
  /** Whether the button is under an ephemeral message (a `/treaty` answer) or a public one. */
  ephemeral: boolean;
  channel?: string;
  user?: string;
  /** The thread the message is in, for a public message. */
  threadTs?: string;
}

/** A click on 👍 (`treaty_feedback_up`) or 👎 (`treaty_feedback_down`) under an answer, as the `payload` form field. */
export function feedbackClickForm(actionId: string, options: FeedbackClickOptions): string {
  const channel = options.channel ?? CHANNEL;
  const user = options.user ?? ASKER;
  const messageTs = '1700000100.000001';
  const payload = {
    type: 'block_actions',
    team: { id: FAKE_TEAM, domain: 'acme' },
    user: { id: user, username: 'ana', name: 'ana', team_id: FAKE_TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: options.ephemeral,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    trigger_id: '1337.42.feedback',
    channel: { id: channel, name: 'general' },
    // Slack sends the message only for public ones.
    ...(options.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: 'U0BOT',
            ts: messageTs,
            text: 'Entry into force',
            ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
          },
        }),
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'treaty_reply_actions',
        text: { type: 'plain_text', text: actionId.endsWith('_up') ? '👍' : '👎', emoji: true },
        ...(options.value === undefined ? {} : { value: options.value }),
        action_ts: '1700000101.000100',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
