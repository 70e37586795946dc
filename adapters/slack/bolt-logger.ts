import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { redactSlackLog } from './redact-slack-log.ts';

/**
 * Bolt, its Web API client and its Socket Mode client log through this, so their lines reach our pino
 * logger (and its level) instead of the console. Bolt passes printf-style arguments; they are joined into
 * the message, an Error among them goes in the `err` field (name, code and message only). Every message passes
 * through `redactSlackLog`:
 * Bolt's debug lines carry whole payloads (tokens, response_urls, user text, the Socket Mode ticket).
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const forward =
    (write: Logger['info'], name: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      // Bolt logs every envelope at debug: skip joining and redacting lines the logger would drop.
      if (logger.isLevelEnabled?.(name) === false) return;
      const err = parts.find((part) => part instanceof Error);
      const message = parts
        .filter((part) => part !== err)
        .map((part) => (typeof part === 'string' ? part : describe(part)))
        .join(' ');
      const text = message || (err instanceof Error ? err.message : '');
      write({ component: 'slack', ...(err instanceof Error ? { err: redactedError(err) } : {}) }, redactSlackLog(text));
    };
  return {
    debug: forward(logger.debug.bind(logger), 'debug'),
    info: forward(logger.info.bind(logger), 'info'),
    warn: forward(logger.warn.bind(logger), 'warn'),
    error: forward(logger.error.bind(logger), 'error'),
    // Our logger filters by its own level; Bolt only reads this to skip building costly debug strings.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * An error as the log may show it: its name, code and redacted message only. The Web API client's errors carry
 * the response body, headers and request data as fields, which pino would write out whole.
 */
function redactedError(error: Error): { name: string; message: string; code?: string } {
  const { code } = error as { code?: unknown };
  return {
    name: error.name,
    message: redactSlackLog(error.message),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
