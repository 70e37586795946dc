/**
 * Bolt, the Web API client and the Socket Mode client build their debug lines by pasting whole payloads into the
 * message: every WebSocket envelope (with the legacy verification `token`, the `response_url` — a bearer URL
 * that can post for 30 minutes — and the user's text), every Web API request body (our answers, the user's
 * question) and result (the `wss://…?ticket=…` URL of `apps.connections.open`). This filter rewrites such a
 * line before it reaches our logger:
 *
 * 1. a JSON payload in the line is parsed and every string is replaced by `[redacted]` unless its key is one of
 *    the ids and kinds in {@link SAFE_KEYS} (what a debugging operator needs: which envelope, event, channel);
 *    a payload that does not parse is dropped whole;
 * 2. then, anywhere in the line: Slack tokens, `ticket=` query values and `hooks.slack.com` URLs are masked, in
 *    case one turns up outside a payload.
 */

const REDACTED = '[redacted]';

/** Keys whose string values are ids, kinds or flags, never text, tokens or URLs: kept in debug lines. */
const SAFE_KEYS = new Set([
  'type',
  'subtype',
  'envelope_id',
  'retry_attempt',
  'retry_reason',
  'reason',
  'ok',
  'error',
  'needed',
  'provided',
  'team_id',
  'team',
  'enterprise_id',
  'api_app_id',
  'app_id',
  'event_id',
  'event_ts',
  'ts',
  'thread_ts',
  'channel',
  'channel_id',
  'channel_type',
  'user',
  'user_id',
  'bot_id',
  'command',
  'action_id',
  'block_id',
  'host',
]);

/** Patterns masked anywhere in a line: [pattern, replacement]. */
const SECRETS: ReadonlyArray<[RegExp, string]> = [
  // Bot, user, app, config and refresh tokens: xoxb-…, xoxp-…, xapp-…, xoxe-…, xoxe.xoxp-…
  [/\b(xox[a-z]|xapp)([.-])[\w.-]+/gi, `$1$2${REDACTED}`],
  // The one-time ticket of a Socket Mode WebSocket URL.
  [/([?&]ticket=)[^&\s"'<>]+/gi, `$1${REDACTED}`],
  // Incoming webhooks and response_urls.
  [/https:\/\/hooks\.slack\.com\/[^\s"'<>]*/gi, `https://hooks.slack.com/${REDACTED}`],
  // The legacy verification token in a form body.
  [/(\btoken=)[^&\s"']+/gi, `$1${REDACTED}`],
];

/** The line with its payload reduced to ids and kinds and every secret masked. */
export function redactSlackLog(line: string): string {
  return SECRETS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), redactPayload(line));
}

/** Replaces the JSON payload that starts at the line's first `{` or `[` by its redacted form. */
function redactPayload(line: string): string {
  const start = line.search(/[{[]/);
  if (start === -1) return line;
  const end = Math.max(line.lastIndexOf('}'), line.lastIndexOf(']'));
  let payload: unknown;
  try {
    payload = JSON.parse(line.slice(start, end + 1));
  } catch {
    return `${line.slice(0, start)}${REDACTED}`;
  }
  return `${line.slice(0, start)}${JSON.stringify(redactValue(payload, undefined))}${line.slice(end + 1)}`;
}

function redactValue(value: unknown, key: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redactValue(inner, name)]));
  }
  if (typeof value === 'string' && !(key !== undefined && SAFE_KEYS.has(key))) return REDACTED;
  return value;
}
