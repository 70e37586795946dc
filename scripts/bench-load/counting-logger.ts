import type { Logger } from '../../src/logger.ts';

/**
 * Drops debug and info lines, counts warnings and errors (each one is a failure the bench reports) and keeps the
 * first few, so a failing run says what failed without flooding the terminal.
 */
export class CountingLogger implements Logger {
  warnings = 0;
  errors = 0;
  readonly samples: string[] = [];

  debug(): void {}
  info(): void {}

  /** As pino at `warn`: callers skip building debug and info lines. */
  isLevelEnabled(level: string): boolean {
    return level === 'warn' || level === 'error';
  }

  warn(fields: object, message: string): void {
    this.warnings += 1;
    this.keep('warn', fields, message);
  }

  error(fields: object, message: string): void {
    this.errors += 1;
    this.keep('error', fields, message);
  }

  reset(): void {
    this.warnings = 0;
    this.errors = 0;
    this.samples.length = 0;
  }

  private keep(level: string, fields: object, message: string): void {
    if (this.samples.length < 5) this.samples.push(`${level}: ${message} ${safeJson(fields)}`);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, field) => (field instanceof Error ? field.message : field));
  } catch {
    return String(value);
  }
}
