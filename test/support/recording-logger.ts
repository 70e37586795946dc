import type { Logger } from '../../src/logger.ts';

/** A logger that keeps what it is told, for assertions. */
export class RecordingLogger implements Logger {
  readonly entries: Array<{ level: string; fields: object; message: string }> = [];
  debug = (fields: object, message: string) => this.record('debug', fields, message);
  info = (fields: object, message: string) => this.record('info', fields, message);
  warn = (fields: object, message: string) => this.record('warn', fields, message);
  error = (fields: object, message: string) => this.record('error', fields, message);

  messages(level: string): string[] {
    return this.entries.filter((entry) => entry.level === level).map((entry) => entry.message);
  }

  private record(level: string, fields: object, message: string): void {
    this.entries.push({ level, fields, message });
  }
}
