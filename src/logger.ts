/**
 * The logging port the core writes to. pino's logger satisfies it; tests pass a silent or recording one.
 * Structured fields first, message second, as pino expects.
 */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A logger that drops everything, for tools whose stdout carries data. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
