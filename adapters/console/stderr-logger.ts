import pino from 'pino';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';

/** A logger on stderr, so that stdout stays free for answers and JSON; warnings and worse unless asked. */
export function stderrLogger(level: Config['logLevel'] | 'warn'): Logger {
  return pino({ level }, pino.destination(2));
}
