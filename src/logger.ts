/**
 * The logging port the core writes to. pino's logger satisfies it; tests pass a silent or recording one.
 * Structured fields first, message second, as pino expects.
 */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  /**
   * Whether a line at `level` would be written (pino has it). Optional: callers that build costly lines (Bolt's
   * debug output, redacted) skip them when it says no, and build them when it is absent.
   */
  isLevelEnabled?(level: string): boolean;
}

/** A logger that drops everything, for tools whose stdout carries data. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
