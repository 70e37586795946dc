import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

/**
 * Bolt, its Web API client and its Socket Mode client log through this, so their lines reach our pino
 * logger (and its level) instead of the console. Bolt passes printf-style arguments; they are joined into
 * the message, an Error among them goes in the `err` field.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const forward =
    (write: Logger['info']) =>
    (...parts: unknown[]) => {
      const err = parts.find((part) => part instanceof Error);
      const message = parts
        .filter((part) => part !== err)
        .map((part) => (typeof part === 'string' ? part : describe(part)))
        .join(' ');
      write({ component: 'slack', ...(err ? { err } : {}) }, message || (err instanceof Error ? err.message : ''));
    };
  return {
    debug: forward(logger.debug.bind(logger)),
    info: forward(logger.info.bind(logger)),
    warn: forward(logger.warn.bind(logger)),
    error: forward(logger.error.bind(logger)),
    // Our logger filters by its own level; Bolt only reads this to skip building costly debug strings.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
