import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

const ORDER: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/**
 * Logs for a person at a terminal (the console chat and `ask`): one readable line per entry on stderr,
 * `warn: status: fetching … failed`, instead of pino's JSON. Below `level` nothing is written; `silent` writes
 * nothing. When a prompt is showing, the line clears it first and `afterLine` redraws it, so a warning from the
 * background never lands in the middle of what the user is typing.
 */
export class LineLogger implements Logger {
  private redraw: (() => void) | undefined;

  constructor(
    private readonly level: Config['logLevel'],
    private readonly output: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  ) {}

  debug = (fields: object, message: string) => this.write('debug', fields, message);
  info = (fields: object, message: string) => this.write('info', fields, message);
  warn = (fields: object, message: string) => this.write('warn', fields, message);
  error = (fields: object, message: string) => this.write('error', fields, message);

  /** Called after each line while an interactive prompt is showing (the chat passes its prompt's redraw). */
  afterLine(redraw: (() => void) | undefined): void {
    this.redraw = redraw;
  }

  /** Lets callers (Bolt's adapter) skip building lines that would be dropped, as with pino. */
  isLevelEnabled(level: string): boolean {
    if (this.level === 'silent') return false;
    return ORDER.indexOf(level as Level) >= ORDER.indexOf(this.level);
  }

  private write(level: Level, fields: object, message: string): void {
    if (!this.isLevelEnabled(level)) return;
    const clear = this.output.isTTY && this.redraw ? '\r\x1b[K' : '';
    this.output.write(`${clear}${level}: ${message}${causeOf(fields, message)}\n`);
    this.redraw?.();
  }
}

/** The error's message, when the line does not say it already. */
function causeOf(fields: object, message: string): string {
  const err = (fields as { err?: unknown }).err;
  const cause = err instanceof Error ? err.message : undefined;
  return cause && !message.includes(cause) ? ` (${cause})` : '';
}

/**
 * The console's level for LOG_LEVEL: its default, `info`, becomes `warn`, because start-up chatter would drown
 * the answers; any other value is honoured (`error` or `silent` to quiet warnings, `debug` for more).
 */
export function consoleLogLevel(level: Config['logLevel']): Config['logLevel'] {
  return level === 'info' ? 'warn' : level;
}
