import pino, { type DestinationStream } from 'pino';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';

/** Fields that may carry credentials, wherever they appear in a log line's objects (two levels deep). */
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'password', 'secret'];
const REDACT = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/**
 * JSON logs on stderr, so that stdout stays free for answers and JSON; tokens and secrets are redacted, and
 * errors (always logged as `{ err }`) keep only what an operator needs. `destination` is for tests.
 */
export function stderrLogger(
  level: Config['logLevel'] | 'warn',
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: serializeError } },
    destination,
  );
}

/**
 * An error as a log field: its kind, message and stack, with a platform's code, HTTP status and method and
 * Slack's API error when present — and nothing else. Client errors carry their request: a Discord error's `url`
 * holds the interaction token, a Slack error's request body the user's text; pino's default serializer would
 * write them all.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status, method, data } = error as Error & {
    code?: unknown;
    status?: unknown;
    method?: unknown;
    data?: { error?: unknown };
  };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof method === 'string' ? { method } : {}),
    ...(typeof data?.error === 'string' ? { apiError: data.error } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
