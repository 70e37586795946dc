import pino, { type DestinationStream } from 'pino';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';

/** Fields that may carry credentials, wherever they appear in a log line's objects (two levels deep). */
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'password', 'secret'];
const REDACT = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/**
 * JSON logs on stderr, so that stdout stays free for answers and JSON; tokens and secrets are redacted.
 * `destination` is for tests.
 */
export function stderrLogger(
  level: Config['logLevel'] | 'warn',
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
